//! The referee on hand-made cases whose optimum is worked out below, on tiny random schools
//! (every schedule passes the checker and costs what it says; pruning never changes the
//! optimum), and, run by hand, against the solver.

use super::tiny::{Tiny, tiny};
use super::*;
use crate::check::fixture::{Fx, addendum, date, handleiding, range, slot};
use crate::domain::{Availability, Block, BlockName, Share, SizeLimits};
use proptest::prelude::*;

/// The optimum, which must exist, after asserting that the checker accepts its schedule.
fn best(fx: &Fx, rules: &RuleSet) -> Best {
    let best = optimum(&fx.instance, rules).expect("a schedule meets every hard rule");
    let report = check::check(&fx.instance, rules, &best.schedule).expect("checkable");
    assert!(report.compliant, "{:?}", report.findings);
    assert_eq!(best.cost, cost_of(&fx.instance, rules, &best.schedule));
    best
}

/// The teachers of a course's lessons, in date order.
fn teachers_of(best: &Best, code: &str) -> Vec<String> {
    best.schedule
        .timetable
        .iter()
        .filter(|r| r.course_code.as_str() == code)
        .map(|r| r.teacher.as_ref().map_or("-".into(), |t| t.to_string()))
        .collect()
}

fn with_midday(fx: &mut Fx) {
    fx.instance.school.blocks.insert(
        1,
        Block {
            name: BlockName::new("midday"),
            time: range((10, 30), (13, 30)),
        },
    );
}

/// G1 and G2 meet Monday morning in weeks 1 and 2; certified T1 can give one lesson a date,
/// non-certified T2 the other. 1.7.1b wants a certified lesson in each course, so T1 gives G1
/// one Monday and G2 the other: 2 non-certified lessons (20) and every course has both
/// teachers (4 pairs, 20): 40. T1 giving both lessons of one course leaves the other without
/// a certified lesson; a teacher per weekly series cannot meet 1.7.1b here at all.
#[test]
fn a_certified_teacher_rotates_over_two_courses_at_the_same_time() {
    for floor in [Share(5000), Share(0)] {
        let mut fx = Fx::new();
        fx.teacher("T1", true);
        fx.teacher("T2", false);
        for code in ["G1", "G2"] {
            fx.group(code, "Utrecht", "B1").end = date("2025-09-08");
        }
        let mut rules = handleiding();
        rules.min_certified_share = floor;
        let best = best(&fx, &rules);
        assert_eq!(best.cost, 40.0, "floor {floor}");
        for code in ["G1", "G2"] {
            let mut t = teachers_of(&best, code);
            t.sort();
            assert_eq!(t, ["T1", "T2"], "{code}, floor {floor}");
        }
    }
}

/// A meets Monday 09:00-12:00 on 1 and 8 September, B Monday 10:30-13:30 on 8 and 15
/// September: they overlap on the 8th only. Certified T1 gives A on the 1st, B on the 15th and
/// one of them on the 8th; non-certified T2 (mentored by T1) the other: 1 non-certified lesson
/// (10) and 3 pairs (15): 25. Giving T2 a whole group costs 2 non-certified lessons and 2
/// pairs: 30. The share is 3 of 4, above the Addendum's 60%.
#[test]
fn b_groups_overlapping_on_some_dates_only_share_a_teacher_on_the_others() {
    let mut fx = Fx::new();
    with_midday(&mut fx);
    fx.teacher("T1", true);
    fx.teacher("T2", false);
    let a = fx.group("A", "Utrecht", "B1");
    a.end = date("2025-09-08");
    let b = fx.group("B", "Utrecht", "B1");
    b.slots = vec![slot("mon-midday")];
    b.start = date("2025-09-08");
    b.end = date("2025-09-15");
    let best = best(&fx, &addendum());
    assert_eq!(best.cost, 25.0);
    let mut all: Vec<String> = teachers_of(&best, "A");
    all.extend(teachers_of(&best, "B"));
    assert_eq!(all.iter().filter(|t| *t == "T1").count(), 3);
    assert_eq!(best.schedule.mentoring.len(), 1);
    assert_eq!(best.schedule.mentoring[0].mentor, "T1");
}

/// Certified T1 gives at most one lesson a week; A meets Mondays in weeks 1-2, B Tuesdays in
/// weeks 1-3; non-certified T2 takes the rest. The 50% floor needs 3 certified lessons of 5,
/// so T1 teaches in every week, and in week 3, after A ended, that is B's lesson. 1.7.1b needs
/// a certified lesson in A: T1 gives A in weeks 1 and 2 (A has one teacher, B two: 3 pairs,
/// 15) and T2 B's first two (20): 35. T1 giving one of A and one of B in weeks 1-2 costs a
/// fourth pair (40); one teacher per weekly series meets the floor and 1.7.1b only if T1 gives
/// all of A and some of B, which its weekly maximum forbids.
#[test]
fn c_a_weekly_maximum_freed_when_a_group_ends() {
    let mut fx = Fx::new();
    fx.teacher("T1", true).max_lessons_per_week = Some(1);
    fx.teacher("T2", false);
    fx.group("A", "Utrecht", "B1").end = date("2025-09-08");
    let b = fx.group("B", "Utrecht", "B1");
    b.slots = vec![slot("tue-morning")];
    b.start = date("2025-09-02");
    b.end = date("2025-09-16");
    let mut rules = handleiding();
    rules.min_certified_share = Share(5000);
    let best = best(&fx, &rules);
    assert_eq!(best.cost, 35.0);
    assert_eq!(teachers_of(&best, "A"), ["T1", "T1"]);
    assert_eq!(teachers_of(&best, "B"), ["T2", "T2", "T1"]);
}

/// Standard maximum 2, temporary 3. Three students for G1 (Mondays) and optional G2
/// (Tuesdays), one week each, certified T1. Opening G2 (50) and T1 in both (2 pairs, 10) beats
/// a third student in G1 (1000 above the standard maximum); S3 prefers Amersfoort (rank 1):
/// 61. When T1 cannot give Tuesdays, G2 cannot run: G1 takes all three under exception 2
/// (the only running group of its cell is full): 1000 + 5 + 1 = 1006.
#[test]
fn d_an_optional_group_opens_instead_of_overfilling_when_it_can_be_staffed() {
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.group("G1", "Utrecht", "B1").end = date("2025-09-05");
    let g2 = fx.group("G2", "Utrecht", "B1");
    g2.slots = vec![slot("tue-morning")];
    g2.end = date("2025-09-05");
    g2.optional = true;
    for s in ["S1", "S2", "S3"] {
        fx.student(s, "B1");
    }
    fx.instance.students[2].locations.reverse();
    let mut rules = addendum();
    rules.size_classes.insert(
        "NT2/B1".into(),
        SizeLimits {
            standard_max: 2,
            temporary_max: 3,
        },
    );
    assert_eq!(best(&fx, &rules).cost, 61.0);

    fx.instance.teachers[0].available =
        Availability(std::iter::once(slot("mon-morning")).collect());
    let best = best(&fx, &rules);
    assert_eq!(best.cost, 1006.0);
    assert!(
        best.schedule
            .placements
            .iter()
            .all(|p| p.course_code.as_ref().is_some_and(|c| c.as_str() == "G1"))
    );
}

/// Standard maximum 1, temporary 2; G1 (Mondays) and G2 (Tuesdays), one lesson each, certified
/// T1; S1 and S2 can come on Mondays only. Under exception 2's condition G1 may hold both only
/// if G2, which nobody can join, held one: one student stays out (10000 + 2 pairs, 10). Without
/// the condition G1 takes both, one above the standard maximum: 1000 + 10.
#[test]
fn f_exception_2_needs_every_group_of_the_cell_full() {
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.group("G1", "Utrecht", "B1").end = date("2025-09-05");
    let g2 = fx.group("G2", "Utrecht", "B1");
    g2.slots = vec![slot("tue-morning")];
    g2.end = date("2025-09-05");
    for s in ["S1", "S2"] {
        fx.student(s, "B1").available =
            Availability(std::iter::once(slot("mon-morning")).collect());
    }
    let mut rules = addendum();
    rules.size_classes.insert(
        "NT2/B1".into(),
        SizeLimits {
            standard_max: 1,
            temporary_max: 2,
        },
    );
    assert_eq!(best(&fx, &rules).cost, 10_010.0);
    rules.overflow_requires_full_groups = false;
    assert_eq!(best(&fx, &rules).cost, 1_010.0);
}

/// No schedule: only a non-certified teacher under 80%; a student pinned to an optional
/// group nobody can teach (the pin makes it run).
#[test]
fn e_no_schedule_when_a_norm_cannot_be_met() {
    let mut fx = Fx::new();
    fx.teacher("T1", false);
    fx.group("G1", "Utrecht", "B1");
    assert!(optimum(&fx.instance, &handleiding()).is_none());

    let mut fx = Fx::new();
    fx.teacher("T1", true).profiles = std::iter::once("B1".into()).collect();
    fx.group("G1", "Utrecht", "B1");
    fx.group("G2", "Utrecht", "Alfa").optional = true;
    fx.student("S1", "Alfa").pinned = Some("G2".into());
    assert!(optimum(&fx.instance, &handleiding()).is_none());
    fx.instance.students[0].pinned = None;
    // Unpinned, the student stays out and G2 closed: T1's five lessons of G1.
    assert_eq!(best(&fx, &handleiding()).cost, 10_000.0 + 5.0);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Whatever the brute force returns passes the checker (`optimum` asserts it too) and
    /// costs what the schedule alone says.
    #[test]
    fn every_optimum_passes_the_checker_and_costs_what_its_rows_say(t in tiny()) {
        let Some(best) = optimum(&t.instance, &t.rules) else { return Ok(()) };
        let report = check::check(&t.instance, &t.rules, &best.schedule)
            .map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert!(report.compliant, "{:?}", report.findings);
        let recomputed = cost_of(&t.instance, &t.rules, &best.schedule);
        prop_assert!((recomputed - best.cost).abs() < 1e-9, "{} vs {recomputed}", best.cost);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// The referee of the referee: with every cut by cost and by norms switched off, every
    /// staffing that keeps the teacher rules and every placing is judged at its leaf, and the
    /// optimum is the same (on the smaller tiny schools, to stay quick).
    #[test]
    fn pruning_never_changes_the_optimum(
        t in tiny().prop_filter("at most 11 lessons", |t| t.instance.lessons().len() <= 11)
    ) {
        let pruned = optimum(&t.instance, &t.rules).map(|b| b.cost);
        let full = optimum_with(&t.instance, &t.rules, Pruning::Off).map(|b| b.cost);
        prop_assert_eq!(pruned, full);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Judged by the checker alone, not by the referee's own reading of the norms: no schedule
    /// one change away from the optimum that the checker accepts is cheaper.
    #[test]
    fn no_neighbour_the_checker_accepts_is_cheaper(t in tiny()) {
        let Some(best) = optimum(&t.instance, &t.rules) else { return Ok(()) };
        for (what, neighbour) in neighbours(&t.instance, &t.rules, &best.schedule) {
            let report = check::check(&t.instance, &t.rules, &neighbour)
                .map_err(|e| TestCaseError::fail(e.to_string()))?;
            if report.compliant {
                let cost = cost_of(&t.instance, &t.rules, &neighbour);
                prop_assert!(cost >= best.cost, "{what} costs {cost} < {}", best.cost);
            }
        }
    }
}

/// The schedules one change away from `schedule`: another teacher for one lesson; two lessons
/// swapping teachers; another group, or none, for one student, with an optional group it
/// opens staffed by one teacher and one it empties closed. Mentors are matched anew.
fn neighbours(
    instance: &Instance,
    rules: &RuleSet,
    schedule: &Schedule,
) -> Vec<(String, Schedule)> {
    let mut out = Vec::new();
    let rows = schedule.timetable.len();
    let teachers: Vec<&TeacherId> = instance.teachers.iter().map(|t| &t.id).collect();
    for i in 0..rows {
        for t in &teachers {
            let mut s = schedule.clone();
            s.timetable[i].teacher = Some((*t).clone());
            out.push((format!("row {i} by {t}"), s));
        }
        for j in i + 1..rows {
            let mut s = schedule.clone();
            let a = s.timetable[i].teacher.take();
            s.timetable[i].teacher = std::mem::replace(&mut s.timetable[j].teacher, a);
            out.push((format!("rows {i} and {j} swapped"), s));
        }
    }
    for (p, placement) in schedule.placements.iter().enumerate() {
        let targets =
            std::iter::once(None).chain(instance.groups.iter().map(|g| Some(&g.course_code)));
        for target in targets {
            if target == placement.course_code.as_ref() {
                continue;
            }
            let mut s = schedule.clone();
            s.placements[p].course_code = target.cloned();
            let left = placement
                .course_code
                .as_ref()
                .and_then(|c| instance.group(c));
            if let Some(g) = left.filter(|g| g.optional)
                && !s
                    .placements
                    .iter()
                    .any(|q| q.course_code.as_ref() == Some(&g.course_code))
            {
                s.timetable.retain(|r| r.course_code != g.course_code);
            }
            let joined = target.and_then(|c| instance.group(c));
            let closed =
                joined.filter(|g| !s.timetable.iter().any(|r| r.course_code == g.course_code));
            let Some(g) = closed else {
                out.push((format!("{} to {target:?}", placement.student), s));
                continue;
            };
            for t in &teachers {
                let mut s = s.clone();
                s.timetable
                    .extend(instance.lessons_of(g).into_iter().map(|l| TimetableRow {
                        course_code: l.course_code,
                        date: l.date,
                        time: l.time,
                        location: l.location,
                        teacher: Some((*t).clone()),
                    }));
                out.push((
                    format!(
                        "{} to {}, opened with {t}",
                        placement.student, g.course_code
                    ),
                    s,
                ));
            }
        }
    }
    for (_, s) in &mut out {
        s.mentoring = mentoring(instance, rules, &s.timetable);
    }
    out
}

/// How the solver and the referee compare on 300 tiny schools (`BRUTE_CASES` sets another
/// number): a measurement, printed, never asserted. The solver decides per segment of a
/// series, a restriction of the norms, so it may miss the optimum or every schedule. Run with
/// `cargo test --lib solve::brute -- --ignored --nocapture`.
#[test]
#[ignore = "a measurement: run by hand"]
fn measure_the_solver_against_the_brute_force() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let cases: usize = std::env::var("BRUTE_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(300);
    let mut runner = TestRunner::deterministic();
    let strategy = tiny();
    let mut tally: BTreeMap<&str, usize> = BTreeMap::new();
    let mut examples: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    let (mut brute_time, mut solve_time) = (std::time::Duration::ZERO, std::time::Duration::ZERO);
    for case in 0..cases {
        let Tiny { instance, rules } = strategy
            .new_tree(&mut runner)
            .expect("a tiny instance")
            .current();
        if std::env::var_os("BRUTE_VERBOSE").is_some() {
            eprintln!("case {case}");
        }
        let started = std::time::Instant::now();
        let brute = optimum(&instance, &rules);
        brute_time += started.elapsed();
        let started = std::time::Instant::now();
        let solved = crate::solve::solve(&instance, &rules, &solver_settings());
        solve_time += started.elapsed();
        let (verdict, detail) = compare(&instance, &rules, brute.as_ref(), solved);
        *tally.entry(verdict).or_default() += 1;
        let shown = examples.entry(verdict).or_default();
        if !verdict.starts_with("agree") && shown.len() < 4 {
            shown.push(format!(
                "case {case}: {detail} ({} groups, {} lessons, {} teachers, {} students, {} \
                 floor {})",
                instance.groups.len(),
                instance.lessons().len(),
                instance.teachers.len(),
                instance.students.len(),
                rules.name,
                rules.min_certified_share
            ));
        }
    }
    println!("{cases} tiny instances: brute force {brute_time:?}, solver {solve_time:?}");
    for (verdict, n) in &tally {
        println!("{n:5}  {verdict}");
        for e in &examples[verdict] {
            println!("         {e}");
        }
    }
}

fn solver_settings() -> crate::solve::Settings {
    crate::solve::Settings {
        backend: crate::solve::Backend::Microlp,
        gap: 0.0,
        ..Default::default()
    }
}

/// What the solver's answer is, next to the brute force's, and the numbers.
fn compare(
    instance: &Instance,
    rules: &RuleSet,
    brute: Option<&Best>,
    solved: Result<crate::solve::Solved, crate::solve::SolveError>,
) -> (&'static str, String) {
    use crate::solve::Status;
    let solved = match solved {
        Ok(s) => s,
        Err(e) => return ("solver error", e.to_string()),
    };
    let infeasible = matches!(solved.status, Status::Infeasible { .. });
    let Some(b) = brute else {
        return if infeasible {
            ("agree: both infeasible", String::new())
        } else {
            (
                "DISAGREE: solver feasible, brute force none (a referee bug)",
                solved.status.label().into(),
            )
        };
    };
    if infeasible {
        return (
            "DISAGREE: solver infeasible, brute force feasible",
            format!("brute force {}", b.cost),
        );
    }
    let (Status::Optimal, Some(objective), Some((schedule, _))) =
        (&solved.status, solved.objective, &solved.schedule)
    else {
        return ("solver ended otherwise", solved.status.label().into());
    };
    // The solver counts pinned students as constants and leaves their location ranks out.
    let pinned_ranks: f64 = instance
        .students
        .iter()
        .filter_map(|s| {
            let g = instance.group(s.pinned.as_ref()?)?;
            Some(instance.school.weights.location_rank * f64::from(location_rank(s, g)))
        })
        .sum();
    let true_cost = cost_of(instance, rules, schedule);
    let detail = format!(
        "brute force {}, solver objective {objective}, its schedule costs {true_cost}",
        b.cost
    );
    let same = |x: f64, y: f64| (x - y).abs() < 1e-6;
    let verdict = if true_cost < b.cost - 1e-6 {
        "DISAGREE: solver's schedule cheaper than the brute force's (a referee bug)"
    } else if !same(true_cost, b.cost) {
        "DISAGREE: solver's schedule costs more than the optimum"
    } else if same(objective, b.cost) {
        "agree: same optimum"
    } else if same(objective + pinned_ranks, b.cost) {
        "DISAGREE: same cost, but the solver's objective leaves out pinned students' ranks"
    } else {
        "DISAGREE: same cost, but the solver's objective differs"
    };
    (verdict, detail)
}

#[test]
#[ignore]
fn debug_case() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::TestRunner;
    let want: usize = std::env::var("CASE")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(0);
    let mut runner = TestRunner::deterministic();
    let strategy = tiny();
    for case in 0..=want {
        let Tiny { instance, rules } = strategy.new_tree(&mut runner).expect("t").current();
        if case < want {
            continue;
        }
        let instance = instance.in_id_order();
        for t in &instance.teachers {
            eprintln!(
                "{} cert {} max {:?} avail {:?}",
                t.id,
                t.is_certified(),
                t.max_lessons_per_week,
                t.available
            );
        }
        eprintln!("{:?}", instance.unavailability);
        for g in &instance.groups {
            eprintln!(
                "{} {:?} {} {} opt {}",
                g.course_code, g.slots, g.start, g.end, g.optional
            );
        }
        let m = crate::model::build(
            &instance,
            &rules,
            crate::model::Formulation::Class,
            &Default::default(),
        );
        for (ci, c) in m.classes.iter().enumerate() {
            eprintln!(
                "class {ci}: s{} {} {:?} {:?}",
                c.series, c.slot, c.dates, c.candidates
            );
        }
        for r in &m.mip.rows {
            if matches!(
                r.family,
                crate::model::Family::WeeklyMax | crate::model::Family::Overlap
            ) {
                let names: Vec<_> = r
                    .terms
                    .iter()
                    .map(|(v, _)| m.mip.vars[*v].name.clone())
                    .collect();
                eprintln!("{} {:?} <= {}", r.name, names, r.rhs);
            }
        }
    }
}
