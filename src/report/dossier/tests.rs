use super::*;
use crate::check::fixture::{Fx, addendum, date, range};
use crate::domain::{CourseCode, ObservationRow};
use crate::testing::{assert_golden, demo};

/// Non-certified N1 gives 3 of the 5 lessons of G1 (from 2025-09-15), mentored by C1;
/// non-certified N2 gives none.
fn fx() -> Fx {
    let mut fx = Fx::new();
    fx.teacher("C1", true).name = "Carla Certo".into();
    fx.teacher("N1", false).name = "Noor Nieuw".into();
    fx.teacher("N2", false);
    fx.group("G1", "Utrecht", "B1");
    fx.fill("G1", 10);
    fx.staff_split("G1", &[("C1", 2), ("N1", 3)]);
    fx.mentoring("N1", "C1");
    fx
}

fn pages(fx: &Fx, lang: Lang) -> Vec<(String, String)> {
    let report = fx.check(&addendum());
    dossier_pages(&fx.instance, &fx.schedule, &report, lang)
}

fn page<'a>(pages: &'a [(String, String)], path: &str) -> &'a str {
    pages
        .iter()
        .find(|(p, _)| p == path)
        .map(|(_, text)| text.as_str())
        .unwrap_or_else(|| {
            panic!(
                "no {path} in {:?}",
                pages.iter().map(|p| &p.0).collect::<Vec<_>>()
            )
        })
}

#[test]
fn demo_dossier_page_matches_the_golden_file() {
    let (instance, _, schedule, report) = demo();
    let pages = dossier_pages(&instance, &schedule, &report, Lang::Nl);
    let paths: Vec<&str> = pages.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "begeleiding/T02.html",
            "begeleiding/T02.md",
            "begeleiding/T06.html",
            "begeleiding/T06.md",
            "begeleiding/T09.html",
            "begeleiding/T09.md",
            "begeleiding/T12.html",
            "begeleiding/T12.md",
            "begeleiding/index.md"
        ]
    );
    assert_golden("begeleiding-T02.md", page(&pages, "begeleiding/T02.md"));
    assert_eq!(
        pages,
        dossier_pages(&instance, &schedule, &report, Lang::Nl)
    );
}

#[test]
fn deadline_is_the_first_lesson_plus_whole_years() {
    assert_eq!(
        certification_deadline(date("2025-09-01"), 2),
        Some(date("2027-09-01"))
    );
    assert_eq!(
        certification_deadline(date("2025-09-01"), 0),
        Some(date("2025-09-01"))
    );
    // 29 February: the 28th in a year without one, the 29th in a leap year.
    assert_eq!(
        certification_deadline(date("2024-02-29"), 2),
        Some(date("2026-02-28"))
    );
    assert_eq!(
        certification_deadline(date("2024-02-29"), 4),
        Some(date("2028-02-29"))
    );
    assert_eq!(certification_deadline(date("2025-09-01"), u32::MAX), None);
}

#[test]
fn a_page_has_teacher_mentor_lessons_and_the_schools_deadline() {
    let mut fx = fx();
    fx.instance.school.supervision.certification_deadline_years = 3;
    let pages = pages(&fx, Lang::Nl);
    let text = page(&pages, "begeleiding/N1.md");
    for needle in [
        "# Begeleidingsdossier Noor Nieuw (N1)",
        "| Register | geen (niet gecertificeerd",
        "| Eerste les in dit rooster | 2025-09-15 |",
        "| Uiterlijk gecertificeerd op | **2028-09-15** |",
        "de eerste les plus 3 jaar",
        "| C1 | Carla Certo | interne collega | ja |",
        "3 lessen in het rooster.",
        "| G1 | 3 | 2025-09-15 | 2025-09-29 |",
        "| 2025-09-22 | 09:00-12:00 | G1 | Utrecht |",
        "**Geen observatielessen gepland.** school.toml vraagt geen vast aantal",
        "| Datum | Les (cursuscode) | Lesplan / kijkwijzer | Afgetekend door begeleider |",
        "Intensieve, persoonlijke begeleiding door een ervaren, gecertificeerde NT2-docent",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
}

#[test]
fn only_non_certified_teachers_who_teach_get_a_page_and_the_index_links_them() {
    let pages = pages(&fx(), Lang::Nl);
    let paths: Vec<&str> = pages.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(
        paths,
        [
            "begeleiding/N1.html",
            "begeleiding/N1.md",
            "begeleiding/index.md"
        ]
    );
    let index = page(&pages, "begeleiding/index.md");
    assert!(
        index.contains("| [N1](N1.md) | Noor Nieuw | 3 | Carla Certo (C1) | 2027-09-15 |"),
        "{index}"
    );
}

#[test]
fn without_non_certified_lessons_the_index_says_no_dossier_is_needed() {
    let mut fx = Fx::new();
    fx.teacher("C1", true);
    fx.group("G1", "Utrecht", "B1");
    fx.staff("G1", "C1");
    let pages = pages(&fx, Lang::Nl);
    assert_eq!(pages.len(), 1);
    assert!(
        pages[0].1.contains("er is geen dossier nodig"),
        "{}",
        pages[0].1
    );
}

#[test]
fn planned_observations_are_listed_against_the_schools_setting() {
    let mut fx = fx();
    fx.instance.school.supervision.observations_per_teacher = 2;
    fx.schedule.observations.push(ObservationRow {
        teacher: TeacherId::new("N1"),
        course_code: CourseCode::new("G1"),
        date: date("2025-09-01"),
        time: range((9, 0), (12, 0)),
        observed: TeacherId::new("C1"),
    });
    let pages = pages(&fx, Lang::Nl);
    let text = page(&pages, "begeleiding/N1.md");
    assert!(
        text.contains("1 gepland. De school vraagt 2 observatieles(sen) per docent"),
        "{text}"
    );
    assert!(
        text.contains("| 2025-09-01 | 09:00-12:00 | G1 | Carla Certo (C1, gecertificeerd) |"),
        "{text}"
    );
}

#[test]
fn a_teacher_without_a_mentor_is_said_plainly() {
    let mut fx = fx();
    fx.schedule.mentoring.clear();
    let pages = pages(&fx, Lang::Nl);
    assert!(page(&pages, "begeleiding/N1.md").contains("**Geen begeleider vastgelegd**"));
    assert!(page(&pages, "begeleiding/index.md").contains("| **geen** |"));
}

#[test]
fn unsafe_ids_give_safe_file_names_inside_the_folder() {
    let mut fx = fx();
    for (id, name) in [("../x", "Up"), ("index", "Index"), ("a|b", "<b>Pipe</b>")] {
        fx.teacher(id, false).name = name.into();
        fx.row(
            "G1",
            "2025-09-01",
            range((13, 0), (16, 0)),
            "Utrecht",
            Some(id),
        );
        fx.mentoring(id, "C1");
    }
    let pages = pages(&fx, Lang::Nl);
    let paths: Vec<&str> = pages.iter().map(|(p, _)| p.as_str()).collect();
    // 4 teachers (N1 and the three unsafe ids), each .md and .html, and the index.
    assert_eq!(paths.len(), 9, "{paths:?}");
    let mut unique = paths.clone();
    unique.dedup();
    assert_eq!(unique.len(), 9, "{paths:?}");
    assert_eq!(
        paths
            .iter()
            .filter(|p| **p == "begeleiding/index.md")
            .count(),
        1
    );
    for p in &paths {
        let file = p.strip_prefix("begeleiding/").expect("inside the folder");
        assert!(!file.contains('/') && !file.contains(".."), "{p}");
        assert!(file.ends_with(".md") || file.ends_with(".html"), "{p}");
    }
    let up = format!("begeleiding/{}", page_file_name(&TeacherId::new("../x")));
    assert!(page(&pages, &up).contains("# Begeleidingsdossier Up (../x)"));
    let pipe = format!("begeleiding/{}", page_file_name(&TeacherId::new("a|b")));
    assert!(
        page(&pages, &pipe).contains("\\<b\\>Pipe\\</b\\> (a\\|b)"),
        "{}",
        page(&pages, &pipe)
    );
}

#[test]
fn english_pages_translate_the_headings() {
    let pages = pages(&fx(), Lang::En);
    let text = page(&pages, "begeleiding/N1.md");
    for needle in [
        "# Supervision dossier Noor Nieuw (N1)",
        "| To be certified by | **2027-09-15** |",
        "| C1 | Carla Certo | internal colleague | yes |",
        "**No observation lessons planned.**",
        "## Lesson plans used",
        "## What Bijlage 2 recommends",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
    assert!(page(&pages, "begeleiding/index.md").starts_with("# Supervision dossier"));
}

#[test]
fn the_printable_dossier_has_a_page_per_observation_lesson_and_room_for_meetings_plans_and_training()
 {
    // N1 observes C1 twice; the printed dossier: a summary page, 2 observation pages, and the
    // pages for meetings, lesson plans and training: 1 + 2 + 3 = 6.
    let mut fx = fx();
    for day in ["2025-09-01", "2025-09-08"] {
        fx.schedule.observations.push(ObservationRow {
            teacher: TeacherId::new("N1"),
            course_code: CourseCode::new("G1"),
            date: date(day),
            time: range((9, 0), (12, 0)),
            observed: TeacherId::new("C1"),
        });
    }
    let pages = pages(&fx, Lang::Nl);
    let html = page(&pages, "begeleiding/N1.html");
    assert_eq!(html.matches("<section class=\"page\">").count(), 6);
    assert_eq!(printed_pages(2), 6);
    assert!(html.contains("@page { size: A4;"));
    for needle in [
        "Begeleidingsdossier Noor Nieuw (N1)",
        "Observatieles 2",
        "Kijk- en reflectievragen vooraf",
        "Nagesprek",
        "Begeleidingsgesprekken",
        "Gebruikte lesplannen",
        "Bijscholing en termijn",
        // The first lesson of N1 is 15 September 2025; two years later.
        "<strong>15 september 2027</strong>",
        "Carla Certo (C1)",
        "Handtekening begeleider",
    ] {
        assert!(html.contains(needle), "missing {needle:?}");
    }
    assert_eq!(html.matches("Observatieles ").count(), 2);
}

#[test]
fn without_observation_lessons_the_printable_dossier_keeps_one_to_fill_in() {
    let pages = pages(&fx(), Lang::En);
    let html = page(&pages, "begeleiding/N1.html");
    assert_eq!(
        html.matches("<section class=\"page\">").count(),
        printed_pages(0)
    );
    assert_eq!(printed_pages(0), 5);
    assert!(html.contains("Observation lesson 1") && html.contains("Talk afterwards"));
    assert!(html.contains("<html lang=\"en\">"));
}
