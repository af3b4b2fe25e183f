//! What a replan's instance keeps of the schedule it replaces, and what it refuses (E417,
//! E418).

use super::frozen;
use crate::check::fixture::{Fx, date};
use crate::diag::Code;
use crate::domain::{CourseCode, LockRule, Profile, StudentId, TeacherId, Unavailability};

/// G1 (B1, Utrecht) on the five Mondays of September by T1; optional G2 never opened;
/// S1 in G1.
fn school() -> Fx {
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.teacher("T2", true);
    fx.group("G1", "Utrecht", "B1");
    fx.group("G2", "Utrecht", "B1").optional = true;
    fx.student("S1", "B1");
    fx.staff("G1", "T1");
    fx.place("S1", "G1");
    fx
}

fn codes(fx: &Fx, from: &str) -> Vec<Code> {
    match frozen(&fx.instance, &fx.schedule, date(from)) {
        Ok(_) => Vec::new(),
        Err(d) => d.iter().map(|d| d.code()).collect(),
    }
}

#[test]
fn history_is_frozen_and_the_future_is_weighed() {
    let mut fx = school();
    fx.instance.unavailability.push(Unavailability {
        teacher: TeacherId::new("T1"),
        from: date("2025-09-01"),
        to: date("2025-09-15"),
        reason: "ziek".into(),
    });
    let derived = frozen(&fx.instance, &fx.schedule, date("2025-09-15")).expect("derives");
    let g1 = CourseCode::new("G1");
    let monday = crate::check::fixture::slot("mon-morning");
    // Before the 15th only T1, though T1 is away on the 1st and 8th in the edited instance.
    for day in ["2025-09-01", "2025-09-08"] {
        assert!(derived.lock_allows(&TeacherId::new("T1"), &g1, &monday, date(day)));
        assert!(!derived.lock_allows(&TeacherId::new("T2"), &g1, &monday, date(day)));
    }
    assert_eq!(derived.unavailability[0].from, date("2025-09-15"));
    let f = derived.frozen.as_ref().expect("frozen");
    assert_eq!(
        f.previous(&g1, date("2025-09-22"), &monday),
        Some(&TeacherId::new("T1"))
    );
    assert_eq!(
        f.previous(&g1, date("2025-09-08"), &monday),
        None,
        "history is no change"
    );
    assert_eq!(f.groups.get(&StudentId::new("S1")), Some(&Some(g1.clone())));
    // G2 never ran: if it opens now, it starts now.
    assert_eq!(
        derived.group(&CourseCode::new("G2")).map(|g| g.start),
        Some(date("2025-09-15"))
    );
}

#[test]
fn a_lost_qualification_is_kept_for_the_history_and_locked_out_after_it() {
    let mut fx = school();
    fx.instance.teachers[0].profiles = [Profile::new("Alfa")].into_iter().collect();
    let derived = frozen(&fx.instance, &fx.schedule, date("2025-09-15")).expect("derives");
    assert!(derived.teachers[0].profiles.contains(&Profile::new("B1")));
    let never = |course: &str| -> Vec<_> {
        derived
            .locks
            .iter()
            .filter(|l| l.rule == LockRule::Never && l.teacher.as_str() == "T1")
            .filter(|l| l.course_code.as_str() == course)
            .filter_map(|l| l.date)
            .collect()
    };
    // Every B1 lesson from the 15th on, of G1 and of G2 (which would start then).
    let after = vec![date("2025-09-15"), date("2025-09-22"), date("2025-09-29")];
    assert_eq!((never("G1"), never("G2")), (after.clone(), after));
}

#[test]
fn a_date_outside_the_term_is_e415() {
    assert_eq!(codes(&school(), "2026-01-05"), [Code::ReplanDate]);
}

#[test]
fn history_that_cannot_stand_is_e416() {
    let mut removed = school();
    removed.instance.groups.remove(0);
    assert_eq!(codes(&removed, "2025-09-15"), [Code::HistoryNotInInstance]);
    let mut moved = school();
    moved.instance.groups[0].slots = vec![crate::check::fixture::slot("tue-morning")];
    assert!(codes(&moved, "2025-09-15").contains(&Code::HistoryNotInInstance));
    let mut capped = school();
    capped.instance.teachers[0].max_lessons_per_week = Some(0);
    assert_eq!(
        codes(&capped, "2025-09-15"),
        [Code::HistoryNotInInstance; 2]
    );
    // From the first day on nothing is history, so nothing can fail to stand.
    assert!(codes(&moved, "2025-09-01").is_empty());
}

/// G1 may meet on Monday or on Tuesday mornings in September; T1 gave it on the Mondays
/// `days` (and, with `tuesday`, also on Tuesday 2025-09-02).
fn with_choice(days: &[&str], tuesday: bool) -> Fx {
    use crate::check::fixture::{range, slot};
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    let g = fx.group("G1", "Utrecht", "B1");
    g.end = date("2025-09-30");
    g.choices = vec![vec![slot("mon-morning")], vec![slot("tue-morning")]];
    g.slots = vec![slot("mon-morning"), slot("tue-morning")];
    for d in days {
        fx.row("G1", d, range((9, 0), (12, 0)), "Utrecht", Some("T1"));
    }
    if tuesday {
        fx.row(
            "G1",
            "2025-09-02",
            range((9, 0), (12, 0)),
            "Utrecht",
            Some("T1"),
        );
    }
    fx
}

#[test]
fn a_replan_keeps_the_alternative_its_history_met_in() {
    let fx = with_choice(&["2025-09-01", "2025-09-08"], false);
    let derived = frozen(&fx.instance, &fx.schedule, date("2025-09-15")).expect("derives");
    let g = &derived.groups[0];
    assert!(!g.has_choice(), "the history fixed the alternative");
    assert_eq!(g.slots, vec![crate::check::fixture::slot("mon-morning")]);
    // Without history (a replan from the first day) the choice stays open.
    let fx = with_choice(&[], false);
    let derived = frozen(&fx.instance, &fx.schedule, date("2025-09-01")).expect("derives");
    assert!(derived.groups[0].has_choice());
}

#[test]
fn e424_a_history_in_two_alternatives_is_refused() {
    let fx = with_choice(&["2025-09-01", "2025-09-08"], true);
    assert_eq!(codes(&fx, "2025-09-15"), [Code::HistoryOutsideAlternatives]);
}
