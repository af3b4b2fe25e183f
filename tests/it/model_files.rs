//! `solve --write-model`: the LP and MPS files read back as the same program, and that
//! program, rebuilt from the file alone and solved elsewhere, has the same optimum.

use crate::solve::solve;
use crate::support::demo;
use good_lp::{Expression, ProblemVariables, Solution, SolverModel, Variable, variable};
use lp_parser_rs::LpProblem;
use lp_parser_rs::model::{ComparisonOp, Constraint};
use serde_json::Value;
use std::collections::HashMap;
use std::path::Path;

/// Writes the demo's program as `name` (and a schedule at gap 0) and returns the file's
/// text and report.json.
fn write_demo_model(dir: &Path, name: &str) -> (String, Value) {
    let file = dir.join(name);
    let run = solve(
        &demo(),
        &dir.join(format!("out-{name}")),
        &[
            "--solver",
            "microlp",
            "--gap",
            "0",
            "--write-model",
            &file.display().to_string(),
        ],
    );
    assert_eq!(
        run.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&run.stderr)
    );
    let report = std::fs::read(dir.join(format!("out-{name}/report.json"))).expect("report");
    (
        std::fs::read_to_string(&file).expect("model file"),
        serde_json::from_slice(&report).expect("JSON"),
    )
}

fn demo_model() -> nt2plan::model::Model {
    let loaded = nt2plan::validate::load_instance(&demo(), None).expect("demo loads");
    nt2plan::model::build(
        &loaded.value.instance,
        &loaded.value.rules,
        nt2plan::model::Formulation::Class,
        &Default::default(),
    )
}

/// The program a file describes, rebuilt in good_lp from the parsed file alone.
pub fn rebuild(
    problem: &LpProblem,
) -> (
    ProblemVariables,
    Expression,
    Vec<good_lp::Constraint>,
    usize,
) {
    let mut pv = ProblemVariables::new();
    let mut vars: HashMap<_, Variable> = HashMap::new();
    let mut integers = 0;
    for (id, v) in &problem.variables {
        let (lo, hi) = (
            v.bounds.effective_lower(v.kind),
            v.bounds.effective_upper(v.kind),
        );
        let mut def = variable().min(lo);
        if hi.is_finite() {
            def = def.max(hi);
        }
        if v.kind.is_integer() {
            integers += 1;
            def = def.integer();
        }
        vars.insert(*id, pv.add(def));
    }
    let objective = problem.objectives.values().next().expect("one objective");
    let mut cost = Expression::from(objective.constant);
    for c in &objective.coefficients {
        cost.add_mul(c.value, vars[&c.name]);
    }
    let rows = problem
        .constraints
        .values()
        .map(|c| {
            let Constraint::Standard {
                coefficients,
                operator,
                rhs,
                ..
            } = c
            else {
                panic!("only linear rows are written");
            };
            let mut e = Expression::from(0.0);
            for c in coefficients {
                e.add_mul(c.value, vars[&c.name]);
            }
            match operator {
                ComparisonOp::LTE | ComparisonOp::LT => e.leq(*rhs),
                ComparisonOp::GTE | ComparisonOp::GT => e.geq(*rhs),
                ComparisonOp::EQ => e.eq(*rhs),
            }
        })
        .collect();
    (pv, cost, rows, integers)
}

/// The optimum of a parsed program, solved by microlp from the file alone.
fn microlp_optimum(problem: &LpProblem) -> f64 {
    let (pv, cost, rows, _) = rebuild(problem);
    let mut model = pv.minimise(cost.clone()).using(good_lp::microlp);
    for r in rows {
        model.add_constraint(r);
    }
    let solution = model.solve().expect("the written program is solvable");
    solution.eval(&cost)
}

#[test]
fn the_written_lp_and_mps_read_back_with_the_models_variables_and_rows() {
    let dir = tempfile::tempdir().expect("temp dir");
    let model = demo_model();
    let stats = model.stats();
    // The writer carries an objective constant, if any, by one more variable.
    let extra = usize::from(model.mip.objective_constant != 0.0);
    for (name, parse) in [
        ("demo.lp", LpProblem::parse as fn(&str) -> _),
        ("demo.mps", LpProblem::parse_mps),
    ] {
        let (text, _) = write_demo_model(dir.path(), name);
        let problem = parse(&text).unwrap_or_else(|e| panic!("{name} parses: {e}"));
        assert_eq!(
            problem.variable_count(),
            stats.variables + extra,
            "{name}: variables"
        );
        assert_eq!(
            problem.constraint_count(),
            stats.constraints,
            "{name}: rows"
        );
        assert_eq!(problem.objective_count(), 1, "{name}");
        let (_, _, _, integers) = rebuild(&problem);
        assert_eq!(integers, stats.integer_variables, "{name}: integers");
        // The objective is the true cost, without a constant to carry.
        assert!(problem.name_id("objective_constant").is_none(), "{name}");
    }
}

#[test]
fn the_written_lp_and_mps_solved_from_the_file_alone_reach_the_demos_optimum() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, parse) in [
        ("demo.lp", LpProblem::parse as fn(&str) -> _),
        ("demo.mps", LpProblem::parse_mps),
    ] {
        let (text, report) = write_demo_model(dir.path(), name);
        assert_eq!(report["status"], "optimal", "{name}");
        let ours = report["objective"].as_f64().expect("objective");
        let problem = parse(&text).unwrap_or_else(|e| panic!("{name} parses: {e}"));
        let theirs = microlp_optimum(&problem);
        assert!(
            (ours - theirs).abs() <= 1e-6 * ours.abs().max(1.0),
            "{name}: ours {ours}, from the file {theirs}"
        );
    }
}

/// With HiGHS: the file, rebuilt and solved by HiGHS, has microlp's optimum.
#[cfg(feature = "highs")]
#[test]
fn the_written_lp_and_mps_solved_by_highs_reach_microlps_optimum() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (name, parse) in [
        ("demo.lp", LpProblem::parse as fn(&str) -> _),
        ("demo.mps", LpProblem::parse_mps),
    ] {
        let (text, report) = write_demo_model(dir.path(), name);
        let ours = report["objective"].as_f64().expect("objective");
        let problem = parse(&text).unwrap_or_else(|e| panic!("{name} parses: {e}"));
        let (pv, cost, rows, _) = rebuild(&problem);
        let mut model = pv
            .minimise(cost.clone())
            .using(good_lp::highs)
            .set_mip_rel_gap(0.0)
            .expect("gap option")
            .set_threads(1);
        for r in rows {
            model.add_constraint(r);
        }
        let solution = model.solve().expect("HiGHS solves the written program");
        let theirs = solution.eval(&cost);
        assert!(
            (ours - theirs).abs() <= 1e-6 * ours.abs().max(1.0),
            "{name}: microlp {ours}, HiGHS from the file {theirs}"
        );
    }
}
