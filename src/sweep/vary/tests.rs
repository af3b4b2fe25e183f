//! Variations: each does what it says to the instance or the rule set, and random choices
//! are nested across levels and reproducible.

use super::*;
use crate::domain::{Location, Profile};
use std::collections::BTreeMap;

fn demo() -> (Instance, RuleSet) {
    crate::testing::demo_instance()
}

fn handleiding() -> RuleSet {
    crate::rules::builtins()
        .into_iter()
        .find(|r| r.name == "handleiding-2024")
        .expect("built in")
}

fn addendum() -> RuleSet {
    crate::rules::builtins()
        .into_iter()
        .find(|r| r.name == "addendum-2025")
        .expect("built in")
}

fn run(change: &Change, seed: u64) -> Applied {
    let (i, r) = demo();
    let sets: BTreeMap<String, RuleSet> = [("handleiding-2024".to_string(), handleiding())].into();
    apply(&i, &r, &sets, &addendum(), change, seed)
}

fn removed(change: &Change, seed: u64) -> Vec<String> {
    run(change, seed)
        .removed
        .iter()
        .map(|t| t.to_string())
        .collect()
}

#[test]
fn a_larger_shortage_removes_the_same_certified_teachers_and_more() {
    let at = |p: f64| Change {
        remove_certified_percent: Some(p),
        ..Change::default()
    };
    let (small, large) = (removed(&at(25.0), 7), removed(&at(50.0), 7));
    // 8 certified teachers: 25% is 2, 50% is 4.
    assert_eq!((small.len(), large.len()), (2, 4));
    assert!(
        small.iter().all(|t| large.contains(t)),
        "{small:?} within {large:?}"
    );
    let a = run(&at(50.0), 7);
    assert!(
        a.instance
            .teachers
            .iter()
            .all(|t| !a.removed.contains(&t.id))
    );
    assert_eq!(a.instance.teachers.len(), 8);
    assert_eq!(
        removed(&at(50.0), 7),
        large,
        "the same seed gives the same choice"
    );
    let others: Vec<Vec<String>> = (1..6).map(|s| removed(&at(50.0), s)).collect();
    assert!(
        others.iter().any(|o| *o != large),
        "other seeds choose others"
    );
    let (i, _) = demo();
    for id in &large {
        let t = i
            .teacher(&TeacherId::new(id.as_str()))
            .expect("a demo teacher");
        assert!(t.is_certified(), "only certified teachers leave");
    }
}

#[test]
fn shares_round_half_up() {
    assert_eq!(share_of(12, 5.0), 1);
    assert_eq!(share_of(7, 50.0), 4);
    assert_eq!(share_of(8, 0.0), 0);
    assert_eq!(share_of(8, 100.0), 8);
    assert_eq!(share_of(10, 25.0), 3);
}

#[test]
fn rule_switches_change_only_what_they_name() {
    let off = run(
        &Change {
            temporary_maxima: Some(false),
            certified_floor: Some(70.0),
            mentoring: Some(false),
            ..Change::default()
        },
        0,
    );
    assert!(!off.rules.allows_overflow());
    assert_eq!(off.rules.min_certified_share, Share(7000));
    assert!(!off.rules.mentor_required);
    assert_eq!(off.rules.name, "addendum-2025");
    let on = run(
        &Change {
            rules: Some("handleiding-2024".into()),
            temporary_maxima: Some(true),
            ..Change::default()
        },
        0,
    );
    assert_eq!(on.rules.name, "handleiding-2024");
    assert_eq!(on.rules.min_certified_share, Share(8000));
    assert!(on.rules.allows_overflow());
    assert_eq!(on.rules.size_classes["ONA/KNM"].temporary_max, 25);
    assert_eq!(on.rules.size_classes["ONA/KNM"].standard_max, 20);
}

#[test]
fn registering_and_deregistering_and_removing_by_id() {
    let a = run(
        &Change {
            certify: vec![TeacherId::new("T02")],
            decertify: vec![TeacherId::new("T01")],
            remove_teachers: vec![TeacherId::new("T04")],
            ..Change::default()
        },
        0,
    );
    let t = |id: &str| a.instance.teacher(&TeacherId::new(id)).cloned();
    assert!(t("T02").is_some_and(|t| t.is_certified()));
    assert!(t("T01").is_some_and(|t| !t.is_certified()));
    assert!(t("T04").is_none());
    assert_eq!(a.removed, vec![TeacherId::new("T04")]);
}

#[test]
fn weekly_maxima_are_capped_and_scaled() {
    let a = run(
        &Change {
            max_lessons_percent: Some(50.0),
            ..Change::default()
        },
        0,
    );
    let t02 = a.instance.teacher(&TeacherId::new("T02")).expect("T02");
    assert_eq!(t02.max_lessons_per_week, Some(3), "6 halved");
    let t01 = a.instance.teacher(&TeacherId::new("T01")).expect("T01");
    assert_eq!(t01.max_lessons_per_week, Some(1), "2 halved");
    let b = run(
        &Change {
            max_lessons_per_week: Some(4),
            ..Change::default()
        },
        0,
    );
    assert!(
        b.instance
            .teachers
            .iter()
            .all(|t| t.max_lessons_per_week.is_some_and(|m| m <= 4))
    );
    assert_eq!(
        b.instance
            .teacher(&TeacherId::new("T01"))
            .and_then(|t| t.max_lessons_per_week),
        Some(2),
        "a lower maximum stays"
    );
}

#[test]
fn students_come_and_go_per_cell() {
    let cell = |count| Cell {
        location: Location::new("Utrecht"),
        profile: Profile::new("B1-route"),
        count,
    };
    let (base, _) = demo();
    let in_cell = |i: &Instance| {
        i.students
            .iter()
            .filter(|s| {
                s.profile.as_str() == "B1-route"
                    && s.locations.first().map(|l| l.as_str()) == Some("Utrecht")
            })
            .count()
    };
    let more = run(
        &Change {
            add_students: vec![cell(10)],
            ..Change::default()
        },
        3,
    );
    assert_eq!(more.instance.students.len(), base.students.len() + 10);
    assert_eq!(in_cell(&more.instance), in_cell(&base) + 10);
    let ids: std::collections::BTreeSet<&str> = more
        .instance
        .students
        .iter()
        .map(|s| s.id.as_str())
        .collect();
    assert_eq!(
        ids.len(),
        more.instance.students.len(),
        "new ids are unique"
    );
    let fewer = run(
        &Change {
            remove_students: vec![cell(5)],
            ..Change::default()
        },
        3,
    );
    assert_eq!(fewer.instance.students.len(), base.students.len() - 5);
    assert_eq!(in_cell(&fewer.instance), in_cell(&base) - 5);
    let five = run(
        &Change {
            add_students: vec![cell(5)],
            ..Change::default()
        },
        3,
    );
    let first_five: Vec<_> = more.instance.students[base.students.len()..][..5].to_vec();
    assert_eq!(
        five.instance.students[base.students.len()..],
        first_five[..],
        "nested across levels"
    );
}

/// A teacher without a weekly maximum gets the share of the weekly slots of the groups they
/// fit; a group that meets on Mondays and Wednesdays or on Tuesdays and Thursdays has two a
/// week, not four: 100% of it is 2, 50% is 1.
#[test]
fn a_scaled_maximum_counts_a_group_with_a_choice_of_meeting_times_once() {
    use crate::check::fixture::slot;
    let (mut i, r) = demo();
    i.groups.truncate(1);
    let g = &mut i.groups[0];
    g.choices = vec![
        vec![slot("mon-morning"), slot("wed-morning")],
        vec![slot("tue-morning"), slot("thu-morning")],
    ];
    g.slots = g.choices.concat();
    g.slots.sort();
    let (location, profile) = (g.location.clone(), g.profile.clone());
    let t = &mut i.teachers[0];
    t.max_lessons_per_week = None;
    t.locations = [location].into();
    t.profiles = [profile].into();
    t.available = crate::domain::Availability::always(&i.school.blocks);
    let sets: BTreeMap<String, RuleSet> = [("handleiding-2024".to_string(), handleiding())].into();
    let cap = |percent: f64| {
        let change = Change {
            max_lessons_percent: Some(percent),
            ..Change::default()
        };
        apply(&i, &r, &sets, &addendum(), &change, 0)
            .instance
            .teachers[0]
            .max_lessons_per_week
    };
    assert_eq!(cap(100.0), Some(2));
    assert_eq!(cap(50.0), Some(1));
}
