//! More properties on the small random schools of `proptests`: the order of the rows in the
//! files never changes the schedule, and an infeasibility is confirmed by relaxing the rules
//! its diagnosis names.

use super::proptests::{self, build, rules_of, school, solve_checked};
use super::*;
use crate::check::fixture::{Fx, handleiding};
use crate::domain::{
    Availability, MentoringRow, ObservationRow, Placement, Register, Share, Teacher, TeacherId,
    TimetableRow,
};
use crate::generate::{permutation, render};
use crate::testing::english;
use crate::validate::load_instance;
use proptest::prelude::*;
use std::collections::BTreeSet;
use std::path::Path;

/// `school.toml` for the school of `check::fixture::Fx`.
fn school_toml(rules: &str, observations: u32) -> String {
    format!(
        r#"name = "Taalschool Test"
main_location = "Utrecht"
locations = ["Utrecht", "Amersfoort"]
rules = "{rules}"
term_start = "2025-09-01"
term_end = "2025-12-19"
observations_per_teacher = {observations}

[blocks]
morning = "09:00-12:00"
afternoon = "13:00-16:00"
evening = "18:30-21:00"

[profiles]
"B1" = "NT2/B1"
"Alfa" = "Alfabetisering/Z-route"
"ONA" = "ONA/KNM"
"#
    )
}

/// The header and then the data rows in the random order `seed` gives (no cell of these
/// files spans lines).
fn shuffled(text: &str, seed: u64, salt: u64) -> String {
    let mut lines = text.lines();
    let mut out = format!("{}\n", lines.next().unwrap_or_default());
    let rows: Vec<&str> = lines.collect();
    for i in permutation(rows.len(), seed, salt) {
        out.push_str(rows.get(i).copied().unwrap_or_default());
        out.push('\n');
    }
    out
}

fn fail(what: &str, e: impl std::fmt::Display) -> TestCaseError {
    TestCaseError::fail(format!("{what}: {e}"))
}

/// Writes `instance` as an instance folder, its CSV rows shuffled by `shuffle`'s seed.
fn write_folder(
    dir: &Path,
    instance: &Instance,
    rules: &str,
    observations: u32,
    shuffle: Option<u64>,
) -> Result<(), TestCaseError> {
    let files = [
        ("teachers.csv", render::teachers_csv(instance)),
        ("groups.csv", render::groups_csv(instance)),
        ("students.csv", render::students_csv(instance)),
        ("mentors.csv", render::mentors_csv(instance)),
        ("unavailability.csv", render::unavailability_csv(instance)),
    ];
    for (salt, (name, text)) in (0u64..).zip(files) {
        let text = text.map_err(|e| fail(name, e))?;
        let text = match shuffle {
            Some(seed) => shuffled(&text, seed, salt),
            None => text,
        };
        std::fs::write(dir.join(name), text).map_err(|e| fail(name, e))?;
    }
    std::fs::write(dir.join("school.toml"), school_toml(rules, observations))
        .map_err(|e| fail("school.toml", e))
}

fn load(dir: &Path) -> Result<(Instance, RuleSet), TestCaseError> {
    match load_instance(dir, None) {
        Ok(loaded) => Ok((loaded.value.instance, loaded.value.rules)),
        Err(diags) => {
            let shown: Vec<String> = diags.iter().map(ToString::to_string).collect();
            Err(fail("the written folder does not load", shown.join("\n")))
        }
    }
}

/// Everything a solve decides, as sets, and its objective to a millionth.
#[derive(Debug, PartialEq)]
struct Outcome {
    status: &'static str,
    objective: Option<i64>,
    timetable: BTreeSet<TimetableRow>,
    placements: BTreeSet<Placement>,
    mentoring: BTreeSet<MentoringRow>,
    observations: BTreeSet<ObservationRow>,
    /// (rule, message) of every reason of an infeasibility.
    reasons: BTreeSet<(String, String)>,
}

fn outcome(s: &Solved) -> Outcome {
    let schedule = s.schedule.as_ref().map(|(sch, _)| sch.clone());
    let schedule = schedule.unwrap_or_default();
    let reasons = match &s.status {
        Status::Infeasible { diagnosis } => diagnosis
            .reasons()
            .map(|r| (r.rule.to_string(), english(r)))
            .collect(),
        _ => BTreeSet::new(),
    };
    Outcome {
        status: s.status.label(),
        objective: s.objective.map(|x| (x * 1e6).round() as i64),
        timetable: schedule.timetable.into_iter().collect(),
        placements: schedule.placements.into_iter().collect(),
        mentoring: schedule.mentoring.into_iter().collect(),
        observations: schedule.observations.into_iter().collect(),
        reasons,
    }
}

/// The rules a diagnosis may name that [`relax`] knows how to lift.
const RELAXABLE: [&str; 7] = [
    "1.7.1a",
    "1.7.1b",
    "supervision",
    "staffing",
    "weekly maximum",
    "min_size",
    "2.2.1",
];

/// `instance` and `rules` with every rule in `named` lifted, each in a way that can only
/// widen the set of allowed schedules: no certified floor, no certified lessons per course,
/// no mentors required, one extra certified teacher per group who can give all its lessons
/// (a group's lessons never overlap), no weekly maxima, no min_size, no size above the
/// standard maximum... of 1,000.
fn relax(instance: &Instance, rules: &RuleSet, named: &BTreeSet<&str>) -> (Instance, RuleSet) {
    let (mut instance, mut rules) = (instance.clone(), rules.clone());
    if named.contains("1.7.1a") {
        rules.min_certified_share = Share(0);
    }
    if named.contains("1.7.1b") {
        rules.min_certified_lessons_per_course = 0;
    }
    if named.contains("supervision") {
        rules.mentor_required = false;
    }
    if named.contains("staffing") {
        let school = &instance.school;
        let extra: Vec<Teacher> = (1..=instance.groups.len())
            .map(|i| Teacher {
                id: TeacherId::new(format!("X{i:02}")),
                name: format!("Extra {i}"),
                register: Register::Bvnt2,
                locations: school.locations.clone(),
                profiles: school.profiles.keys().cloned().collect(),
                max_lessons_per_week: None,
                available: Availability::always(&school.blocks),
                mentor_capacity: 0,
                contract: Default::default(),
                wishes: Default::default(),
            })
            .collect();
        instance.teachers.extend(extra);
    }
    if named.contains("weekly maximum") {
        for t in &mut instance.teachers {
            t.max_lessons_per_week = None;
        }
    }
    if named.contains("min_size") {
        for g in &mut instance.groups {
            g.min_size = 0;
        }
    }
    if named.contains("2.2.1") {
        for limits in rules.size_classes.values_mut() {
            limits.standard_max = 1000;
            limits.temporary_max = 1000;
        }
    }
    (instance, rules)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// The same school written twice, once with the rows of every CSV file in random order,
    /// and read back: the two solves decide the same timetable, placements, mentors and
    /// observations at the same objective (or give the same reasons for infeasibility).
    #[test]
    fn shuffling_the_rows_of_every_file_changes_nothing_in_the_schedule(
        spec in school(),
        seed in any::<u64>(),
        observations in 0..3u32,
        second_mentor in prop::option::of(0..3u32),
    ) {
        let mut fx = build(&spec);
        if let Some(capacity) = second_mentor {
            fx.external_mentor("M0", capacity);
        }
        // A teacher without locations or profiles cannot be written (E201): give them all.
        let school = &fx.instance.school;
        let (locations, profiles) = (school.locations.clone(), school.profiles.keys().cloned().collect());
        for t in &mut fx.instance.teachers {
            if t.locations.is_empty() {
                t.locations.clone_from(&locations);
            }
            if t.profiles.is_empty() {
                t.profiles.clone_from(&profiles);
            }
        }
        let rules = if spec.addendum { "addendum-2025" } else { "handleiding-2024" };
        let (a, b) = (tempfile::tempdir(), tempfile::tempdir());
        let (a, b) = (a.map_err(|e| fail("temp dir", e))?, b.map_err(|e| fail("temp dir", e))?);
        write_folder(a.path(), &fx.instance, rules, observations, None)?;
        write_folder(b.path(), &fx.instance, rules, observations, Some(seed))?;
        let (in_order, rules_a) = load(a.path())?;
        let (shuffled, rules_b) = load(b.path())?;
        prop_assert_eq!(&rules_a, &rules_b);
        prop_assert_eq!(in_order.in_id_order(), shuffled.in_id_order(), "the same rows");
        let first = outcome(&solve_checked(&in_order, &rules_a)?);
        let second = outcome(&solve_checked(&shuffled, &rules_b)?);
        prop_assert_eq!(first, second);
    }

    /// When no schedule exists and every rule the diagnosis names can be relaxed, relaxing
    /// those rules gives a schedule (which the checker accepts under the relaxed rules).
    /// The rules of the bounds count as well as those of the relaxation: the relaxation
    /// names the cheapest way out, which may be no rule at all (a student for an empty
    /// optional group whose certified lessons would lift the share, filed under min_size
    /// even when its min_size is 0; see `solve::tests`), while a bound names the rule.
    #[test]
    fn an_infeasible_school_has_a_schedule_once_the_rules_its_diagnosis_names_are_relaxed(
        spec in school(),
    ) {
        let fx = build(&spec);
        let rules = rules_of(&spec);
        let solved = solve_checked(&fx.instance, &rules)?;
        let Status::Infeasible { diagnosis } = &solved.status else {
            return Ok(());
        };
        let named: BTreeSet<&str> = diagnosis.reasons().map(|r| r.rule.as_str()).collect();
        if !named.iter().all(|r| RELAXABLE.contains(r)) {
            return Ok(());
        }
        let (instance, relaxed) = relax(&fx.instance, &rules, &named);
        let after = solve_checked(&instance, &relaxed)?;
        prop_assert!(
            !matches!(after.status, Status::Infeasible { .. }),
            "relaxing {:?} left it infeasible: {:?}; first diagnosis {:?}",
            named,
            after.status,
            diagnosis
        );
    }
}

// Regressions found by the properties above, as plain examples.

/// Two teachers who are interchangeable for a group: the same one gives its lessons,
/// whichever row comes first in teachers.csv (before, the solver's tie-break by variable
/// order made the row order decide).
#[test]
fn between_equal_teachers_the_row_order_does_not_decide_who_teaches() {
    let teachers = |ids: [&str; 2]| {
        let mut fx = Fx::new();
        for id in ids {
            fx.teacher(id, true);
        }
        fx.group("G1", "Utrecht", "B1");
        fx.student("S1", "B1");
        let solved = solve(&fx.instance, &handleiding(), &proptests::settings()).expect("solves");
        let (schedule, _) = solved.schedule.expect("a schedule");
        let who: BTreeSet<_> = schedule.timetable.into_iter().map(|r| r.teacher).collect();
        who
    };
    let first = teachers(["T1", "T2"]);
    assert_eq!(first.len(), 1, "one teacher gives every lesson: {first:?}");
    assert_eq!(first, teachers(["T2", "T1"]));
}
