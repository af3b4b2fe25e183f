//! The search against its referees: never worse than its start, never a schedule the
//! checker rejects, the same result for the same seed, and the proven optimum where the
//! neighbourhoods grow to the whole school.

use super::super::proptests::{build, rules_of, school};
use super::super::run::first_schedule;
use super::super::{brute, found::whole_weights, solve};
use super::*;
use crate::testing;
use proptest::prelude::*;

fn settings(backend: super::super::Backend) -> Settings {
    Settings {
        backend,
        gap: 0.0,
        ..Settings::default()
    }
}

/// The instance in id order (as `solve` builds it), its class program and the search over it:
/// the first schedule's cost, the search's result and what it did.
fn search_from_start(
    instance: &Instance,
    rules: &RuleSet,
    settings: &Settings,
    smallest: usize,
) -> Option<(f64, Found, Searched)> {
    let instance = instance.in_id_order();
    let model = model::build(
        &instance,
        rules,
        crate::model::Formulation::Class,
        &model::Refinement::default(),
    );
    let start = first_schedule(
        &instance,
        rules,
        settings,
        Deadline::NONE,
        (false, &|_| false),
        Instant::now(),
    )
    .expect("solves")?;
    let start_cost = start.cost;
    let search = Search {
        instance: &instance,
        rules,
        model: &model,
        settings,
        bound: None,
        whole: whole_weights(&instance),
        smallest,
        since: Instant::now(),
    };
    let (best, s) = search.run(start, Deadline::NONE).expect("searches");
    Some((start_cost, best, s))
}

/// On `instances/small` (147 variables) the neighbourhoods grow to the whole program, so the
/// search ends at the optimum that `solve` proves; its start (classes given whole) is worse
/// or equal, never better.
#[test]
fn the_search_reaches_the_proven_optimum_on_the_small_instance() {
    let (instance, rules) = testing::instance("small");
    let s = settings(super::super::Backend::Microlp);
    let optimum = solve(&instance, &rules, &s)
        .expect("solves")
        .objective
        .expect("a schedule");
    let (start, best, searched) =
        search_from_start(&instance, &rules, &s, SMALLEST).expect("a start");
    assert!(start >= best.cost);
    assert_eq!(best.cost, optimum, "{searched:?}");
    assert!(best.report.compliant);
}

/// On `instances/medium` in small parts: never worse than the start, accepted by the
/// checker, at or above the proven optimum, and the same schedule for the same seed.
#[test]
fn the_search_on_the_medium_instance_improves_its_start_and_repeats_itself() {
    let (instance, rules) = testing::instance("medium");
    let s = settings(super::super::Backend::Microlp);
    let optimum = solve(&instance, &rules, &s)
        .expect("solves")
        .objective
        .expect("a schedule");
    let (start, best, searched) = search_from_start(&instance, &rules, &s, 40).expect("a start");
    assert!(best.cost <= start, "{} > {start}", best.cost);
    assert!(
        best.cost >= optimum,
        "{} below the optimum {optimum}",
        best.cost
    );
    assert!(searched.rounds > 0);
    let (_, again, _) = search_from_start(&instance, &rules, &s, 40).expect("a start");
    assert_eq!(
        again.schedule, best.schedule,
        "the same seed, the same schedule"
    );
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// On random tiny schools, searched in parts of a few variables: the schedule passes the
    /// checker, costs no more than the start and no less than the brute force's optimum, and
    /// is the same for the same seed.
    #[test]
    fn the_search_never_loses_and_never_claims_below_the_optimum(spec in school()) {
        let fx = build(&spec);
        let rules = rules_of(&spec);
        let s = settings(super::super::Backend::Microlp);
        let Some((start, best, _)) = search_from_start(&fx.instance, &rules, &s, 4) else {
            return Ok(());
        };
        prop_assert!(best.report.compliant);
        prop_assert!(best.cost <= start);
        let optimum = brute::optimum(&fx.instance, &rules).expect("a schedule exists").cost;
        prop_assert!(best.cost >= optimum - 1e-9, "{} < {optimum}", best.cost);
        let (_, again, _) = search_from_start(&fx.instance, &rules, &s, 4).expect("a start");
        prop_assert_eq!(again.schedule, best.schedule);
    }
}
