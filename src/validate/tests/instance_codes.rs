//! One test per instance code: a broken variant of the mini fixture, and the code, file,
//! line and column it must give.

use super::*;

const TEACHERS: &str =
    "id,name,register,locations,profiles,max_lessons_per_week,available,mentor_capacity\n";
const GROUPS: &str = "course_code,location,profile,law,slots,start,end,optional,min_size\n";
const STUDENTS: &str = "id,profile,law,locations,available,group\n";

fn school_toml() -> String {
    std::fs::read_to_string(mini().join("school.toml")).expect("fixture school.toml")
}

fn only_codes(ds: &[Diagnostic]) -> Vec<Code> {
    ds.iter().map(|d| d.code()).collect()
}

#[test]
fn e101_missing_files_are_all_reported() {
    let ds = diags_of(&[
        ("school.toml", ""),
        ("teachers.csv", ""),
        ("mentors.csv", ""),
    ]);
    assert!(
        ds.iter()
            .any(|d| d.code() == Code::FileMissing && d.file == "school.toml")
    );
    assert!(
        ds.iter()
            .any(|d| d.code() == Code::FileMissing && d.file == "teachers.csv")
    );
    assert!(
        !ds.iter().any(|d| d.file == "mentors.csv"),
        "mentors.csv is optional"
    );
    // Without school.toml no reference can be judged: nothing else is reported.
    assert_eq!(ds.len(), 2, "{ds:?}");
}

#[test]
fn e301_unknown_block_with_suggestion() {
    let t = format!("{TEACHERS}T01,A,bvnt2,*,*,,mon-mornin;tue-*,\n");
    let ds = diags_of(&[("teachers.csv", &t), ("unavailability.csv", "")]);
    assert_has(&ds, Code::UnknownBlock, "teachers.csv", 2, Some(7));
    let d = ds
        .iter()
        .find(|d| d.code() == Code::UnknownBlock)
        .expect("E301");
    assert!(d.fix.starts_with("did you mean \"morning\"?"), "{}", d.fix);
    let g = format!("{GROUPS}G1,Utrecht,B1-route,wi2021,mon-night,,,,\n");
    assert_has(
        &diags_of(&[("groups.csv", &g)]),
        Code::UnknownBlock,
        "groups.csv",
        2,
        Some(5),
    );
}

#[test]
fn e302_unknown_location_in_teachers_and_students() {
    let t = format!("{TEACHERS}T01,A,bvnt2,Utrecht;Amersfort,*,,*,\n");
    let s = format!("{STUDENTS}S1,B1-route,wi2021,Utrekt,*,\n");
    let ds = diags_of(&[
        ("teachers.csv", &t),
        ("students.csv", &s),
        ("unavailability.csv", ""),
    ]);
    assert_has(&ds, Code::UnknownLocation, "teachers.csv", 2, Some(4));
    assert_has(&ds, Code::UnknownLocation, "students.csv", 2, Some(4));
    let d = ds.iter().find(|d| d.file == "teachers.csv").expect("E302");
    assert!(d.fix.contains("did you mean \"Amersfoort\"?"), "{}", d.fix);
}

#[test]
fn e303_unknown_profile_in_all_files() {
    let t = format!("{TEACHERS}T01,A,bvnt2,*,B1-rout,,*,\n");
    let g = format!("{GROUPS}G1,Utrecht,NT2/B1,wi2021,mon-morning,,,,\n");
    let ds = diags_of(&[
        ("teachers.csv", &t),
        ("groups.csv", &g),
        ("unavailability.csv", ""),
    ]);
    assert_has(&ds, Code::UnknownProfile, "teachers.csv", 2, Some(5));
    // With [profiles], size class names are not profiles.
    assert_has(&ds, Code::UnknownProfile, "groups.csv", 2, Some(3));
}

#[test]
fn without_profiles_table_size_classes_are_the_profiles() {
    let school = school_toml().replace(
        "\"B1-route\" = \"NT2/B1\"\n\"Z-route\" = \"Alfabetisering/Z-route\"\n",
        "",
    );
    let g = format!(
        "{GROUPS}G1,Utrecht,NT2/B1,wi2021,mon-morning,,,,\nG2,Utrecht,B1-route,wi2021,mon-morning,,,,\n"
    );
    let ds = diags_of(&[("school.toml", &school), ("groups.csv", &g)]);
    assert!(
        !ds.iter()
            .any(|d| d.file == "groups.csv" && d.line == Some(2)),
        "{ds:?}"
    );
    assert_has(&ds, Code::UnknownProfile, "groups.csv", 3, Some(3));
}

#[test]
fn e304_profile_maps_to_an_unknown_size_class() {
    let school = school_toml().replace("= \"NT2/B1\"", "= \"NT2-B1\"");
    let ds = diags_of(&[("school.toml", &school)]);
    let d = ds
        .iter()
        .find(|d| d.code() == Code::UnknownSizeClass)
        .expect("E304");
    assert_eq!(
        (d.file.as_str(), d.line, d.column),
        ("school.toml", Some(17), Some(14))
    );
    assert!(d.fix.contains("did you mean \"NT2/B1\"?"), "{}", d.fix);
}

#[test]
fn e305_unknown_teacher_in_unavailability() {
    let u = "teacher,from,to,reason\nT02,2025-11-03,2025-11-07,\nT9,2025-11-03,2025-11-07,\n";
    assert_has(
        &diags_of(&[("unavailability.csv", u)]),
        Code::UnknownTeacher,
        "unavailability.csv",
        3,
        Some(1),
    );
}

#[test]
fn a_reference_to_a_broken_row_is_not_reported_again() {
    let t = format!(
        "{TEACHERS}T01,A,bvnt2,*,*,,*,\nT02,B,bvnt3,*,*,,*,\nT03,C,none,*,*,,*,\nT04,D,none,*,*,,*,\n"
    );
    let ds = diags_of(&[("teachers.csv", &t)]);
    assert_eq!(only_codes(&ds), [Code::BadRegister], "{ds:?}");
}

#[test]
fn e306_unknown_pinned_course() {
    let s = format!("{STUDENTS}S1,B1-route,wi2021,Utrecht,*,UTR-B1-1\n");
    let ds = diags_of(&[("students.csv", &s)]);
    assert_has(&ds, Code::UnknownCourse, "students.csv", 2, Some(6));
}

#[test]
fn e309_duplicates_in_each_file_and_mentor_teacher_clash() {
    let t = format!("{TEACHERS}T01,A,bvnt2,*,*,,*,\nT01,B,bvnt2,*,*,,*,\n");
    let g = format!(
        "{GROUPS}G1,Utrecht,B1-route,wi2021,mon-morning,,,,\nG1,Utrecht,B1-route,wi2021,tue-morning,,,,\n"
    );
    let s = format!("{STUDENTS}S1,B1-route,wi2021,Utrecht,*,\nS1,B1-route,wi2021,Utrecht,*,\n");
    let m = "id,name,capacity\nM1,X,1\nT01,Y,1\nM1,Z,2\n";
    let ds = diags_of(&[
        ("teachers.csv", &t),
        ("groups.csv", &g),
        ("students.csv", &s),
        ("mentors.csv", m),
        ("unavailability.csv", ""),
    ]);
    assert_has(&ds, Code::DuplicateId, "teachers.csv", 3, Some(1));
    assert_has(&ds, Code::DuplicateId, "groups.csv", 3, Some(1));
    assert_has(&ds, Code::DuplicateId, "students.csv", 3, Some(1));
    assert_has(&ds, Code::DuplicateId, "mentors.csv", 3, Some(1));
    assert_has(&ds, Code::DuplicateId, "mentors.csv", 4, Some(1));
}

#[test]
fn e401_group_and_unavailability_end_before_start() {
    let g = format!("{GROUPS}G1,Utrecht,B1-route,wi2021,mon-morning,2025-10-01,2025-09-30,,\n");
    let u = "teacher,from,to,reason\nT02,2025-11-07,2025-11-03,\n";
    let ds = diags_of(&[("groups.csv", &g), ("unavailability.csv", u)]);
    assert_has(&ds, Code::EndBeforeStart, "groups.csv", 2, Some(7));
    assert_has(&ds, Code::EndBeforeStart, "unavailability.csv", 2, Some(3));
}

#[test]
fn e402_group_without_lesson_dates() {
    // Only the autumn holiday week: every day is closed.
    let g = format!("{GROUPS}G1,Utrecht,B1-route,wi2021,mon-morning,2025-10-13,2025-10-17,,\n");
    assert_has(
        &diags_of(&[("groups.csv", &g)]),
        Code::GroupWithoutLessons,
        "groups.csv",
        2,
        Some(1),
    );
}

#[test]
fn e403_group_dates_outside_the_term() {
    let g = format!("{GROUPS}G1,Utrecht,B1-route,wi2021,mon-morning,2025-08-25,2026-01-09,,\n");
    let ds = diags_of(&[("groups.csv", &g)]);
    assert_has(&ds, Code::OutsideTerm, "groups.csv", 2, Some(6));
    assert_has(&ds, Code::OutsideTerm, "groups.csv", 2, Some(7));
}

#[test]
fn e404_lessons_after_the_addendum_ended_once_per_group() {
    let school = school_toml().replace("term_end = 2025-12-19", "term_end = 2026-03-27");
    let fixture = std::fs::read_to_string(mini().join("groups.csv")).expect("fixture groups.csv");
    // UTR-B1-01 runs to the new term end; the other groups end in 2025.
    let g = fixture.replace(
        "tue-afternoon;fri-afternoon,,,ja",
        "tue-afternoon;fri-afternoon,,2025-12-31,ja",
    );
    let ds = diags_of(&[("school.toml", &school), ("groups.csv", &g)]);
    let e404: Vec<&Diagnostic> = ds
        .iter()
        .filter(|d| d.code() == Code::OutsideRuleValidity)
        .collect();
    assert_eq!(e404.len(), 1, "{ds:?}");
    assert_has(&ds, Code::OutsideRuleValidity, "groups.csv", 2, Some(1));
    let d = e404[0];
    assert!(
        d.message.contains("addendum-2025") && d.message.contains("the first on 2026-01-01"),
        "{}",
        d.message
    );
    assert!(
        d.message.contains("group UTR-B1-01 has 25 lesson(s)"),
        "{}",
        d.message
    );
    assert!(d.fix.contains("ended on 2026-01-01"), "{}", d.fix);
    assert!(d.fix.contains("handleiding-2024 with --rules"), "{}", d.fix);
    assert!(d.fix.contains("end the group by 2025-12-31"), "{}", d.fix);
    // The same instance is fine under the open-ended Handleiding.
    let dir = variant(&[("school.toml", &school), ("groups.csv", &g)]);
    if let Err(d) = load_instance(
        dir.path(),
        Some(&crate::rules::RuleChoice::parse("handleiding-2024")),
    ) {
        panic!("{d:?}");
    }
}

#[test]
fn e405_unknown_rule_set_at_the_rules_key() {
    let school = school_toml().replace("rules = \"addendum-2025\"", "rules = \"addendum-2052\"");
    let ds = diags_of(&[("school.toml", &school)]);
    assert_has(&ds, Code::UnknownRuleSet, "school.toml", 6, Some(9));
}

#[test]
fn e407_pin_contradictions_name_every_reason() {
    let s = format!("{STUDENTS}S1,Z-route,wi2013,Amersfoort,mon-morning,UTR-B1-01\n");
    let ds = diags_of(&[("students.csv", &s)]);
    assert_has(&ds, Code::PinContradiction, "students.csv", 2, Some(6));
    let d = ds
        .iter()
        .find(|d| d.code() == Code::PinContradiction)
        .expect("E407");
    for part in [
        "profile is B1-route",
        "meets at Utrecht",
        "not available for thu-morning",
    ] {
        assert!(d.message.contains(part), "{}", d.message);
    }
}

#[test]
fn e408_min_size_above_the_temporary_maximum() {
    let g = format!(
        "{GROUPS}G1,Amersfoort,Z-route,wi2021,tue-morning,,,,16\nG2,Amersfoort,Z-route,wi2021,tue-morning,,,,15\n"
    );
    let ds = diags_of(&[("groups.csv", &g)]);
    assert_has(&ds, Code::MinSizeTooLarge, "groups.csv", 2, Some(9));
    assert!(
        !ds.iter()
            .any(|d| d.code() == Code::MinSizeTooLarge && d.line == Some(3))
    );
}

#[test]
fn e409_same_or_overlapping_slots() {
    let school = school_toml().replace("[blocks]", "[blocks]\nlate_morning = \"11:00-13:00\"");
    let g = format!(
        "{GROUPS}G1,Utrecht,B1-route,wi2021,mon-morning;mon-morning,,,,\nG2,Utrecht,B1-route,wi2021,tue-morning;tue-late_morning;wed-late_morning,,,,\n"
    );
    let ds = diags_of(&[("school.toml", &school), ("groups.csv", &g)]);
    assert_has(&ds, Code::DuplicateSlot, "groups.csv", 2, Some(5));
    assert_has(&ds, Code::DuplicateSlot, "groups.csv", 3, Some(5));
    assert_eq!(
        ds.iter()
            .filter(|d| d.code() == Code::DuplicateSlot)
            .count(),
        2
    );
}

#[test]
fn w501_w502_people_nothing_fits() {
    let t = format!(
        "{TEACHERS}T01,A,bvnt2,*,*,,*,\nT02,B,bvnt2,*,*,,sun-*,\nT03,C,none,Amersfoort,B1-route,,*,\nT04,D,none,*,*,,*,\n"
    );
    let s = format!(
        "{STUDENTS}S1,B1-route,wi2021,Utrecht,*,\nS2,B1-route,wi2021,Utrecht,mon-morning,\n"
    );
    let dir = variant(&[("teachers.csv", &t), ("students.csv", &s)]);
    let loaded = load_instance(dir.path(), None).unwrap_or_else(|d| panic!("{d:?}"));
    let w = &loaded.warnings.0;
    assert_has(w, Code::TeacherTeachesNothing, "teachers.csv", 3, Some(1));
    assert_has(w, Code::TeacherTeachesNothing, "teachers.csv", 4, Some(1));
    assert_has(w, Code::StudentFitsNoGroup, "students.csv", 3, Some(1));
    assert_eq!(w.len(), 3, "{w:?}");
}

#[test]
fn w503_capacity_of_a_non_certified_teacher_becomes_zero() {
    let t = format!(
        "{TEACHERS}T01,A,bvnt2,*,*,,*,\nT02,B,bvnt2,*,*,,*,\nT03,C,none,*,*,,*,2\nT04,D,none,*,*,,*,\n"
    );
    let dir = variant(&[("teachers.csv", &t)]);
    let loaded = load_instance(dir.path(), None).unwrap_or_else(|d| panic!("{d:?}"));
    assert_has(
        &loaded.warnings.0,
        Code::CapacityIgnored,
        "teachers.csv",
        4,
        Some(8),
    );
    assert_eq!(loaded.value.instance.teachers[2].mentor_capacity, 0);
}

#[test]
fn w504_unavailability_outside_the_term() {
    let u = "teacher,from,to,reason\nT02,2026-11-03,2026-11-07,typo in year\n";
    let dir = variant(&[("unavailability.csv", u)]);
    let loaded = load_instance(dir.path(), None).unwrap_or_else(|d| panic!("{d:?}"));
    assert_has(
        &loaded.warnings.0,
        Code::UnavailabilityOutsideTerm,
        "unavailability.csv",
        2,
        Some(2),
    );
}

#[test]
fn e309_is_found_when_the_first_of_the_two_rows_is_broken() {
    let t = format!(
        "{TEACHERS}T01,A,bvnt3,*,*,,*,\nT01,B,bvnt2,*,*,,*,\nT02,B,bvnt2,*,*,,*,\nT03,C,none,*,*,,*,\nT04,D,none,*,*,,*,\n"
    );
    let ds = diags_of(&[("teachers.csv", &t)]);
    assert_has(&ds, Code::BadRegister, "teachers.csv", 2, Some(3));
    assert_has(&ds, Code::DuplicateId, "teachers.csv", 3, Some(1));
}

#[test]
fn e102_non_utf8_files_report_their_line() {
    let dir = variant(&[]);
    let mut school = std::fs::read(dir.path().join("school.toml")).expect("school");
    school.extend_from_slice(b"# caf\xe9\n");
    std::fs::write(dir.path().join("school.toml"), school).expect("write");
    std::fs::write(dir.path().join("students.csv"), b"id,profile,law,locations,available,group\nS1,B1-route,wi2021,Utrecht,*,\nS\xe9,B1-route,wi2021,Utrecht,*,\n").expect("write");
    let ds = all_diags(dir.path());
    assert_has(&ds, Code::FileUnreadable, "school.toml", 19, None);
    assert_has(&ds, Code::FileUnreadable, "students.csv", 3, None);
}

#[test]
fn later_school_keys_are_accepted() {
    let school = school_toml().replace(
        "[blocks]",
        "observations_per_teacher = 2\n\n[weights]\nlocation_rank = 2\n\n[blocks]",
    );
    let ds = diags_of(&[("school.toml", &school)]);
    assert!(ds.is_empty(), "{ds:?}");
}

mod no_panics {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

        /// Any text in any file gives diagnostics, never a panic.
        #[test]
        fn any_file_content_is_reported_not_panicked(
            file in prop::sample::select(vec!["school.toml", "teachers.csv", "groups.csv", "students.csv", "mentors.csv", "unavailability.csv"]),
            text in "[a-z0-9,;*\"\\- :\n\r=\\[\\]{}]{1,200}",
        ) {
            let _ = diags_of(&[(file, &text)]);
        }

        /// Mutating one cell of teachers.csv or groups.csv never panics either.
        #[test]
        fn any_cell_value_is_reported_not_panicked(
            cell in "(\\PC){0,30}|99999999999999999999|-1|9999-12-31|0001-01-01|mon-\\*|\\*",
            row in 1usize..4,
            col in 0usize..9,
        ) {
            for file in ["teachers.csv", "groups.csv"] {
                let text = std::fs::read_to_string(mini().join(file)).expect("fixture");
                let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
                if let Some(line) = lines.get_mut(row) {
                    let mut cells: Vec<String> = line.split(',').map(str::to_string).collect();
                    if let Some(c) = cells.get_mut(col) {
                        *c = format!("\"{}\"", cell.replace('"', "\"\""));
                    }
                    *line = cells.join(",");
                }
                let _ = diags_of(&[(file, &lines.join("\n"))]);
            }
        }
    }
}
