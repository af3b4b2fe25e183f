use super::*;
use crate::check::fixture::{Fx, slot};

/// Group G1 meets on Mondays from 2025-09-01 to 2025-09-29: 5 lessons, the first 2 given by
/// Carla Certo (C1), the other 3 by Noor Nieuw (N1); 3 students placed (G1-01..G1-03), and
/// one student placed nowhere.
fn fx() -> Fx {
    let mut fx = Fx::new();
    fx.teacher("C1", true).name = "Carla Certo".into();
    fx.teacher("N1", false).name = "Noor Nieuw".into();
    fx.group("G1", "Utrecht", "B1");
    fx.fill("G1", 3);
    fx.student("X-01", "B1");
    fx.staff_split("G1", &[("C1", 2), ("N1", 3)]);
    fx
}

fn list(fx: &Fx, lang: Lang, per: Attendance) -> String {
    let lists = attendance_lists(&fx.instance, &fx.schedule, lang, per);
    let names: Vec<&str> = lists.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(names, ["presentielijsten/G1.html"]);
    lists
        .into_iter()
        .next()
        .map(|(_, page)| page)
        .unwrap_or_default()
}

fn pages_of(html: &str) -> usize {
    html.matches("<section class=\"page\">").count()
}

#[test]
fn one_page_per_lesson_with_the_placed_students_the_teacher_and_a_place_to_sign() {
    let page = list(&fx(), Lang::Nl, Attendance::PerLesson);
    assert_eq!(pages_of(&page), 5, "5 Mondays, 5 pages");
    // The page break comes after every page but the last: one rule, applied between pages.
    assert!(page.contains("section.page:not(:last-child) { page-break-after: always;"));
    assert!(page.contains("@page { size: A4;"));
    // Each page lists every placed student once: 3 students x 5 pages.
    for id in ["G1-01", "G1-02", "G1-03"] {
        assert_eq!(page.matches(&format!("<td>{id}</td>")).count(), 5, "{id}");
    }
    assert!(
        !page.contains("X-01"),
        "a student placed elsewhere is not on the list"
    );
    // The teacher of each lesson: C1 on 2 pages, N1 on 3.
    assert_eq!(page.matches("Carla Certo (C1)").count(), 2);
    assert_eq!(page.matches("Noor Nieuw (N1)").count(), 3);
    assert_eq!(page.matches("Handtekening docent").count(), 5);
    assert_eq!(page.matches("<td class=\"initial\">").count(), (3 + 1) * 5);
    assert!(page.contains("maandag 1 september 2025"));
    assert!(page.contains("09:00-12:00"));
    assert!(page.contains("<td>Utrecht</td>"));
    assert!(page.contains(&format!("<td>{}</td>", fx().instance.school.name)));
}

#[test]
fn one_page_per_week_has_a_column_per_lesson_of_that_week() {
    // With a Wednesday lesson too: Mon+Wed in weeks 36..39, and Monday 29 September alone in
    // week 40 (Wednesday 1 October is after the group's end): 9 lessons on 5 pages.
    let mut fx = fx();
    fx.schedule.timetable.clear();
    fx.instance.groups[0].slots.push(slot("wed-morning"));
    fx.staff_split("G1", &[("C1", 9)]);
    assert_eq!(fx.schedule.timetable.len(), 9);
    let page = list(&fx, Lang::Nl, Attendance::PerWeek);
    assert_eq!(pages_of(&page), 5);
    assert!(page.contains("2025-W36") && page.contains("2025-W40"));
    // Per student one initial cell per lesson, plus the signature row: (3 + 1) x 9.
    assert_eq!(page.matches("<td class=\"initial\">").count(), (3 + 1) * 9);
    assert!(page.contains("woensdag 03-09"));
}

#[test]
fn english_on_request_and_the_same_bytes_every_time() {
    let fx = fx();
    let page = list(&fx, Lang::En, Attendance::PerLesson);
    assert!(page.contains("<html lang=\"en\">"));
    assert!(page.contains("Attendance list G1") && page.contains("Teacher's signature"));
    assert!(page.contains("Monday 1 September 2025"));
    assert_eq!(page, list(&fx, Lang::En, Attendance::PerLesson));
}

#[test]
fn a_group_without_lessons_gets_no_list_and_ids_stay_in_the_folder() {
    let mut fx = fx();
    fx.schedule.timetable.iter_mut().for_each(|r| {
        r.course_code = CourseCode::new("../x");
    });
    let lists = attendance_lists(&fx.instance, &fx.schedule, Lang::Nl, Attendance::PerLesson);
    assert_eq!(lists.len(), 1, "only the code that has lessons");
    assert!(lists[0].0.starts_with("presentielijsten/") && !lists[0].0.contains(".."));
    assert!(!lists[0].1.contains("G1-01"), "nobody is placed in ../x");
}
