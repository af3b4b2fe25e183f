//! Property tests on small random schools: every solve ends in a schedule the independent
//! checker accepts or in an infeasibility with a reason, and placements are stable when a
//! student leaves.

use super::*;
use crate::check::fixture::{Fx, addendum, date, handleiding, slot};
use crate::domain::{Availability, Location, Profile, TeacherId, Unavailability};
use proptest::prelude::*;

const PROFILES: [&str; 3] = ["B1", "Alfa", "ONA"];
const LOCATIONS: [&str; 2] = ["Utrecht", "Amersfoort"];
const DAYS: [&str; 5] = ["mon", "tue", "wed", "thu", "fri"];
const BLOCKS: [&str; 3] = ["morning", "afternoon", "evening"];

#[derive(Clone, Debug)]
pub(super) struct GroupSpec {
    location: usize,
    profile: usize,
    /// Distinct (day, block) indices.
    slots: Vec<(usize, usize)>,
    optional: bool,
    pub(super) min_size: u32,
}

#[derive(Clone, Debug)]
pub(super) struct TeacherSpec {
    certified: bool,
    /// Bit masks over LOCATIONS and PROFILES; 0 means all.
    locations: u8,
    profiles: u8,
    /// `None`: always; else the (day, block) slots they work.
    available: Option<Vec<(usize, usize)>>,
    max_per_week: Option<u32>,
    mentor_capacity: u32,
    /// Days away from 2025-09-01 on, and for how long.
    away: Option<(i64, i64)>,
    /// Contract hours sometimes: a weekly minimum, and maybe a term maximum.
    contract: Option<(u32, Option<u32>)>,
}

#[derive(Clone, Debug)]
pub(super) struct StudentSpec {
    profile: usize,
    /// Both locations (in this order) or only the first.
    locations: Vec<usize>,
    available: Option<Vec<(usize, usize)>>,
    /// A wish to be pinned to this group, kept only if the student fits it.
    pin: Option<usize>,
}

#[derive(Clone, Debug)]
pub(super) struct School {
    pub(super) locations: usize,
    pub(super) groups: Vec<GroupSpec>,
    pub(super) teachers: Vec<TeacherSpec>,
    pub(super) students: Vec<StudentSpec>,
    pub(super) external_mentor: Option<u32>,
    pub(super) addendum: bool,
}

fn slots(min: usize, max: usize) -> impl Strategy<Value = Vec<(usize, usize)>> {
    proptest::collection::btree_set((0..DAYS.len(), 0..BLOCKS.len()), min..=max)
        .prop_map(|s| s.into_iter().collect())
}

fn group() -> impl Strategy<Value = GroupSpec> {
    (0..2usize, 0..3usize, slots(1, 3), any::<bool>(), 0..4u32).prop_map(
        |(location, profile, slots, optional, min_size)| GroupSpec {
            location,
            profile,
            slots,
            optional,
            min_size,
        },
    )
}

fn teacher() -> impl Strategy<Value = TeacherSpec> {
    (
        prop::bool::weighted(0.7),
        0..4u8,
        0..8u8,
        prop::option::weighted(0.5, slots(1, 10)),
        prop::option::weighted(0.4, 1..6u32),
        0..3u32,
        prop::option::weighted(0.3, (0..28i64, 0..8i64)),
        prop::option::weighted(0.2, (1..=2u32, prop::option::of(4..20u32))),
    )
        .prop_map(
            |(
                certified,
                locations,
                profiles,
                available,
                max_per_week,
                mentor_capacity,
                away,
                contract,
            )| {
                TeacherSpec {
                    certified,
                    locations,
                    profiles,
                    available,
                    max_per_week,
                    mentor_capacity,
                    away,
                    contract,
                }
            },
        )
}

fn student() -> impl Strategy<Value = StudentSpec> {
    (
        0..3usize,
        prop_oneof![
            Just(vec![0]),
            Just(vec![1]),
            Just(vec![0, 1]),
            Just(vec![1, 0])
        ],
        prop::option::weighted(0.4, slots(3, 12)),
        prop::option::weighted(0.2, 0..4usize),
    )
        .prop_map(|(profile, locations, available, pin)| StudentSpec {
            profile,
            locations,
            available,
            pin,
        })
}

pub(super) fn school() -> impl Strategy<Value = School> {
    (
        1..=2usize,
        proptest::collection::vec(group(), 1..=4),
        proptest::collection::vec(teacher(), 1..=5),
        proptest::collection::vec(student(), 0..=30),
        prop::option::of(0..3u32),
        any::<bool>(),
    )
        .prop_map(
            |(locations, groups, teachers, students, external_mentor, addendum)| School {
                locations,
                groups,
                teachers,
                students,
                external_mentor,
                addendum,
            },
        )
}

fn availability(fx: &Fx, spec: &Option<Vec<(usize, usize)>>) -> Availability {
    match spec {
        None => Availability::always(&fx.instance.school.blocks),
        Some(s) => Availability(
            s.iter()
                .map(|(d, b)| slot(&format!("{}-{}", DAYS[*d], BLOCKS[*b])))
                .collect(),
        ),
    }
}

/// The instance of a spec. With one location everything sits at Utrecht.
pub(super) fn build(spec: &School) -> Fx {
    let mut fx = Fx::new();
    let loc = |i: usize| LOCATIONS[i % spec.locations];
    for (gi, g) in spec.groups.iter().enumerate() {
        let group = fx.group(
            &format!("G{}", gi + 1),
            loc(g.location),
            PROFILES[g.profile],
        );
        group.slots = g
            .slots
            .iter()
            .map(|(d, b)| slot(&format!("{}-{}", DAYS[*d], BLOCKS[*b])))
            .collect();
        group.optional = g.optional;
        group.min_size = g.min_size;
    }
    for (ti, t) in spec.teachers.iter().enumerate() {
        let id = format!("T{}", ti + 1);
        let available = availability(&fx, &t.available);
        let teacher = fx.teacher(&id, t.certified);
        if t.locations != 0 {
            teacher.locations = (0..spec.locations)
                .filter(|i| t.locations & (1 << i) != 0)
                .map(|i| Location::new(LOCATIONS[i]))
                .collect();
        }
        if t.profiles != 0 {
            teacher.profiles = (0..3)
                .filter(|i| t.profiles & (1 << i) != 0)
                .map(|i| Profile::new(PROFILES[i]))
                .collect();
        }
        teacher.available = available;
        teacher.max_lessons_per_week = t.max_per_week;
        if let Some((min, max_term)) = t.contract {
            // As validation allows: no weekly minimum above the weekly maximum (E415).
            teacher.contract = crate::domain::Contract {
                min_per_week: Some(t.max_per_week.map_or(min, |m| m.min(min))),
                min_per_term: None,
                max_per_term: max_term,
            };
        }
        teacher.mentor_capacity = if t.certified { t.mentor_capacity } else { 0 };
        if let Some((from, days)) = t.away {
            let from = date("2025-09-01") + chrono::Duration::days(from);
            fx.instance.unavailability.push(Unavailability {
                teacher: TeacherId::new(&id),
                from,
                to: from + chrono::Duration::days(days),
                reason: "weg".into(),
            });
        }
    }
    for (si, s) in spec.students.iter().enumerate() {
        let available = availability(&fx, &s.available);
        let student = fx.student(&format!("S{:02}", si + 1), PROFILES[s.profile]);
        let mut locations: Vec<Location> =
            s.locations.iter().map(|i| Location::new(loc(*i))).collect();
        locations.dedup();
        student.locations = locations;
        student.available = available;
        let pin = s.pin.and_then(|g| fx.instance.groups.get(g)).cloned();
        let student = fx.instance.students.last_mut().expect("just added");
        if let Some(g) = pin.filter(|g| student.fits(g)) {
            student.pinned = Some(g.course_code);
        }
    }
    if let Some(capacity) = spec.external_mentor {
        fx.external_mentor("M1", capacity);
    }
    fx
}

pub(super) fn rules_of(spec: &School) -> RuleSet {
    if spec.addendum {
        addendum()
    } else {
        handleiding()
    }
}

pub(super) fn settings() -> Settings {
    Settings {
        backend: Backend::Microlp,
        gap: 0.0,
        ..Settings::default()
    }
}

/// Students placed and students in all, as the checker counts them in the schedule's report.
fn placed(s: &Solved) -> Option<(usize, usize)> {
    s.schedule
        .as_ref()
        .map(|(_, report)| (report.totals.students_placed, report.totals.students_total))
}

/// The invariant of every solve: a schedule the checker accepted (solve refuses to return
/// one it rejects), or infeasible with at least one reason.
pub(super) fn solve_checked(instance: &Instance, rules: &RuleSet) -> Result<Solved, TestCaseError> {
    let solved = match solve(instance, rules, &settings()) {
        Ok(s) => s,
        Err(SolveError::CheckerRejected(report)) => {
            let codes: Vec<_> = report
                .findings
                .iter()
                .map(|f| (f.code(), &f.message))
                .collect();
            return Err(TestCaseError::fail(format!(
                "the checker rejected the solver's schedule: {codes:?}"
            )));
        }
        Err(e) => return Err(TestCaseError::fail(format!("solve failed: {e}"))),
    };
    match &solved.status {
        Status::Optimal => {
            prop_assert!(solved.schedule.as_ref().is_some_and(|(_, c)| c.compliant));
        }
        Status::Infeasible { diagnosis } => {
            prop_assert!(
                diagnosis.reasons().next().is_some(),
                "infeasible without a reason"
            );
            prop_assert!(solved.schedule.is_none());
        }
        other => prop_assert!(false, "gap 0 without a time limit ended {other:?}"),
    }
    Ok(solved)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn every_solve_passes_the_checker_or_is_infeasible_with_a_reason(spec in school()) {
        let fx = build(&spec);
        solve_checked(&fx.instance, &rules_of(&spec))?;
    }

    /// Without min_size and without exception 2's full-groups condition, the schedule
    /// minus a student is still allowed, so the others keep their places: at most the
    /// student who left is missing. Unless the student was alone in an optional group: it
    /// must close then (C156), and its certified lessons may have been what met the floor
    /// (a case this property found), so such a leaver is skipped. Both solves are proven
    /// optimal (gap 0; `solve_checked` fails any other status), and both counts are the
    /// checker's.
    #[test]
    fn removing_a_student_never_lowers_the_number_placed_by_more_than_one(
        spec in school(),
        leave in any::<prop::sample::Index>(),
    ) {
        let mut spec = spec;
        prop_assume!(!spec.students.is_empty());
        for g in &mut spec.groups {
            g.min_size = 0;
        }
        let mut rules = rules_of(&spec);
        rules.overflow_requires_full_groups = false;
        let fx = build(&spec);
        let solved = solve_checked(&fx.instance, &rules)?;
        let (Some((before, total)), Some((schedule, _))) = (placed(&solved), &solved.schedule) else {
            return Ok(());
        };
        let leaving = leave.index(spec.students.len());
        let id = &fx.instance.students[leaving].id;
        let group = schedule
            .placements
            .iter()
            .find(|p| &p.student == id)
            .and_then(|p| p.course_code.as_ref());
        if let Some(code) = group {
            let members = schedule.placements.iter().filter(|p| p.course_code.as_ref() == Some(code));
            let optional = fx.instance.group(code).is_some_and(|g| g.optional);
            if optional && members.count() == 1 {
                return Ok(());
            }
        }
        let mut fewer = fx;
        fewer.instance.students.remove(leaving);
        let after = solve_checked(&fewer.instance, &rules)?;
        let Some((after, total_after)) = placed(&after) else {
            return Err(TestCaseError::fail("removing a student made a feasible school infeasible"));
        };
        prop_assert_eq!(total_after + 1, total);
        prop_assert!(
            after + 1 >= before,
            "the checker counts {before} placed before, {after} after one student left"
        );
    }
}

#[cfg(feature = "highs")]
proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    /// Two solvers, one program: proven optima have the same cost, and both say infeasible
    /// together.
    #[test]
    fn microlp_and_highs_reach_the_same_objective(spec in school()) {
        let fx = build(&spec);
        let rules = rules_of(&spec);
        let m = solve_checked(&fx.instance, &rules)?;
        let highs = Settings { backend: Backend::Highs, threads: 1, ..settings() };
        let h = solve(&fx.instance, &rules, &highs)
            .map_err(|e| TestCaseError::fail(format!("HiGHS failed: {e}")))?;
        match (&m.status, &h.status) {
            (Status::Optimal, Status::Optimal) => {
                let (mo, ho) = (m.objective.unwrap_or(f64::NAN), h.objective.unwrap_or(f64::NAN));
                prop_assert!((mo - ho).abs() <= 1e-6 * mo.abs().max(1.0), "microlp {mo}, HiGHS {ho}");
            }
            (Status::Infeasible { .. }, Status::Infeasible { .. }) => {}
            (a, b) => prop_assert!(false, "microlp {a:?}, HiGHS {b:?}"),
        }
    }
}
