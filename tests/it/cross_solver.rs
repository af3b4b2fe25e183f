//! microlp and HiGHS on the same programs: the same optimum (with the `highs` feature).

use crate::support::load_demo;
use nt2plan::domain::{Instance, RuleSet};
use nt2plan::solve::{Backend, Settings, Solved, Status, solve};

fn run(instance: &Instance, rules: &RuleSet, backend: Backend) -> Solved {
    let settings = Settings {
        backend,
        gap: 0.0,
        threads: 1,
        ..Settings::default()
    };
    solve(instance, rules, &settings).unwrap_or_else(|e| panic!("{} fails: {e}", backend.name()))
}

/// Both solvers prove optimality at gap 0 and agree on the objective.
fn same_optimum(what: &str, instance: &Instance, rules: &RuleSet) -> f64 {
    let m = run(instance, rules, Backend::Microlp);
    let h = run(instance, rules, Backend::Highs);
    assert_eq!(m.status, Status::Optimal, "{what}: microlp");
    assert_eq!(h.status, Status::Optimal, "{what}: HiGHS");
    assert_eq!(m.stats, h.stats, "{what}: the same program");
    let (mo, ho) = (
        m.objective.expect("objective"),
        h.objective.expect("objective"),
    );
    assert!(
        (mo - ho).abs() <= 1e-6 * mo.abs().max(1.0),
        "{what}: microlp {mo}, HiGHS {ho}"
    );
    // Both schedules passed the checker inside `solve`; both are compliant.
    for s in [&m, &h] {
        assert!(
            s.schedule.as_ref().is_some_and(|(_, c)| c.compliant),
            "{what}"
        );
    }
    mo
}

#[test]
fn microlp_and_highs_reach_the_same_optimum_on_the_demo_under_both_rule_sets() {
    let (instance, rules) = load_demo();
    let instance = &instance;
    let addendum = same_optimum("demo, addendum-2025", instance, &rules);
    let handleiding = nt2plan::rules::builtins()
        .into_iter()
        .find(|r| r.name == "handleiding-2024")
        .expect("built in");
    let strict = same_optimum("demo, handleiding-2024", instance, &handleiding);
    // The Handleiding allows no overflow: it can never be cheaper than the Addendum.
    assert!(strict >= addendum, "{strict} < {addendum}");
}

#[test]
fn microlp_and_highs_reach_the_same_optimum_on_generated_small_schools() {
    let spec = nt2plan::generate::SizeSpec::named("small").expect("small");
    let rules = nt2plan::rules::builtins()
        .into_iter()
        .find(|r| r.name == nt2plan::generate::RULES)
        .expect("built in");
    for seed in 1..=4 {
        let generated = nt2plan::generate::generate(&spec, seed).expect("generates");
        same_optimum(&format!("small, seed {seed}"), &generated.instance, &rules);
    }
}
