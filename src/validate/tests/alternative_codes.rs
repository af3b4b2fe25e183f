//! A choice of meeting times (`|` in a group's `slots`): how it loads, and its codes at
//! their cells (E421 empty, E422 twice, E423 unequal, W507 a lock on some alternatives).

use super::*;

const GROUPS: &str = "course_code,location,profile,law,slots,start,end,optional,min_size\n";
const OTHERS: &str = "UTR-B1-02,Utrecht,B1-route,wi2021,wed-evening;mon-evening,2025-09-08,2025-12-15,yes,\nAMF-Z-01,Amersfoort,Z-route,wi2013,tue-afternoon;fri-afternoon,,,ja,4\n";

/// The mini fixture with UTR-B1-01 (line 2 of groups.csv) meeting in `slots`.
fn with_slots(slots: &str, locks: Option<&str>) -> Vec<Diagnostic> {
    let g = format!("{GROUPS}UTR-B1-01,Utrecht,B1-route,wi2021,{slots},,,no,8\n{OTHERS}");
    let l = locks.map(|l| format!("teacher,course_code,slot,date,rule\n{l}"));
    let mut files = vec![("groups.csv", g.as_str())];
    if let Some(l) = &l {
        files.push(("locks.csv", l.as_str()));
    }
    diags_of(&files)
}

#[test]
fn alternatives_load_as_choices_whose_union_is_the_slots() {
    let dir = variant(&[(
        "groups.csv",
        &format!(
            "{GROUPS}UTR-B1-01,Utrecht,B1-route,wi2021,thu-morning;mon-morning|mon-morning;tue-morning,,,no,8\n{OTHERS}"
        ),
    )]);
    let loaded = load_instance(dir.path(), None).unwrap_or_else(|d| panic!("{d:?}"));
    let g = &loaded.value.instance.groups[0];
    let names = |s: &[crate::domain::Slot]| s.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(g.choices.len(), 2);
    assert_eq!(names(&g.choices[0]), ["mon-morning", "thu-morning"]);
    assert_eq!(names(&g.choices[1]), ["mon-morning", "tue-morning"]);
    // A slot in two alternatives is no E409: each alternative is a week of its own.
    assert_eq!(
        names(&g.slots),
        ["mon-morning", "tue-morning", "thu-morning"]
    );
    assert!(
        !loaded
            .warnings
            .0
            .iter()
            .any(|d| d.code() == Code::DuplicateSlot)
    );
    // Without `|` nothing changes.
    let plain = load_instance(&mini(), None).unwrap_or_else(|d| panic!("{d:?}"));
    assert!(plain.value.instance.groups.iter().all(|g| !g.has_choice()));
}

#[test]
fn e421_e422_e423_are_at_the_slots_cell() {
    for (slots, code) in [
        ("mon-morning||thu-morning", Code::EmptyAlternative),
        (
            "mon-morning;thu-morning|thu-morning;mon-morning",
            Code::DuplicateAlternative,
        ),
        (
            "mon-morning;thu-morning|tue-morning",
            Code::AlternativesUnequal,
        ),
    ] {
        assert_has(&with_slots(slots, None), code, "groups.csv", 2, Some(5));
    }
}

/// UTR-B1-01 runs the whole term; with dates from Monday 2025-09-08 to Tuesday
/// 2025-09-09 only, its Thursday alternative has no date of its own (E425 at the slots
/// cell), while the Monday one has one.
#[test]
fn e425_an_alternative_without_dates_of_its_own_is_at_the_slots_cell() {
    let g = format!(
        "{GROUPS}UTR-B1-01,Utrecht,B1-route,wi2021,mon-morning|thu-morning,2025-09-08,2025-09-09,no,8\n{OTHERS}"
    );
    let ds = diags_of(&[("groups.csv", g.as_str())]);
    assert_has(
        &ds,
        Code::AlternativeWithoutLessons,
        "groups.csv",
        2,
        Some(5),
    );
    let e425: Vec<_> = ds
        .iter()
        .filter(|d| d.code() == Code::AlternativeWithoutLessons)
        .collect();
    assert_eq!(e425.len(), 1, "{e425:?}");
    assert!(
        e425[0].message.contains("alternative 2"),
        "{}",
        e425[0].message
    );
    assert!(!ds.iter().any(|d| d.code() == Code::GroupWithoutLessons));
    // Both alternatives with a date: no E425.
    let both = with_slots("mon-morning|thu-morning", None);
    assert!(
        !both
            .iter()
            .any(|d| d.code() == Code::AlternativeWithoutLessons)
    );
}

#[test]
fn e409_holds_within_each_alternative() {
    let ds = with_slots("mon-morning;mon-morning|tue-morning;thu-morning", None);
    assert_has(&ds, Code::DuplicateSlot, "groups.csv", 2, Some(5));
}

#[test]
fn w507_a_lock_on_a_slot_of_some_alternatives_only_warns_at_its_slot() {
    let slots = "mon-morning;thu-morning|tue-morning;thu-morning";
    let ds = with_slots(slots, Some("T01,UTR-B1-01,mon-morning,,gives\n"));
    assert_has(&ds, Code::LockOnAlternative, "locks.csv", 2, Some(3));
    let ds = with_slots(slots, Some("T01,UTR-B1-01,thu-morning,,gives\n"));
    assert!(
        !ds.iter().any(|d| d.code() == Code::LockOnAlternative),
        "thu-morning is in every alternative: {ds:?}"
    );
    // A slot in no alternative stays E411.
    let ds = with_slots(slots, Some("T01,UTR-B1-01,wed-morning,,gives\n"));
    assert_has(&ds, Code::LockSlotNotInCourse, "locks.csv", 2, Some(3));
}

#[test]
fn e419_only_when_every_alternative_has_a_slot_without_a_room() {
    let rooms =
        "id,location,capacity,available\nR1,Utrecht,30,mon-*;wed-*;thu-*\nR2,Amersfoort,30,*\n";
    let with_rooms = |slots: &str| {
        let g = format!("{GROUPS}UTR-B1-01,Utrecht,B1-route,wi2021,{slots},,,no,8\n{OTHERS}");
        diags_of(&[("groups.csv", g.as_str()), ("rooms.csv", rooms)])
    };
    let ds = with_rooms("mon-morning;thu-morning|tue-morning;thu-morning");
    assert!(
        !ds.iter().any(|d| d.code() == Code::GroupWithoutRoom),
        "{ds:?}"
    );
    let ds = with_rooms("tue-morning;thu-morning|tue-morning;fri-morning");
    assert_has(&ds, Code::GroupWithoutRoom, "groups.csv", 2, Some(5));
}

/// A pinned student needs one alternative they can come to, not every slot of every one:
/// available on Tuesday and Wednesday mornings fits the second alternative of
/// `mon-morning;thu-morning|tue-morning;wed-morning` (no E407); available on Monday and
/// Tuesday mornings fits neither, and E407 names what the nearest one misses.
#[test]
fn e407_a_pinned_student_needs_only_one_alternative_they_can_come_to() {
    let g = format!(
        "{GROUPS}UTR-B1-01,Utrecht,B1-route,wi2021,mon-morning;thu-morning|tue-morning;wed-morning,,,no,1\n{OTHERS}"
    );
    let students = |available: &str| {
        format!(
            "id,profile,law,locations,available,group\nS1,B1-route,wi2021,Utrecht,{available},UTR-B1-01\n"
        )
    };
    let fits = students("tue-morning;wed-morning");
    let ds = diags_of(&[("groups.csv", &g), ("students.csv", &fits)]);
    assert!(
        !ds.iter().any(|d| d.code() == Code::PinContradiction),
        "{ds:?}"
    );
    let misses = students("mon-morning;tue-morning");
    let ds = diags_of(&[("groups.csv", &g), ("students.csv", &misses)]);
    assert_has(&ds, Code::PinContradiction, "students.csv", 2, Some(6));
    let d = ds
        .iter()
        .find(|d| d.code() == Code::PinContradiction)
        .expect("E407");
    assert!(
        d.message.contains("not available for thu-morning"),
        "{}",
        d.message
    );
}
