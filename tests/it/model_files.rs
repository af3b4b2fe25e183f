//! `solve --write-model`: the LP and MPS files read back as the same program, and that
//! program, rebuilt from the file alone and solved elsewhere, has the same optimum.

use crate::solve::solve;
use crate::support::{demo, load_demo, root};
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
    let (instance, rules) = load_demo();
    // As `solve --solver microlp` builds it.
    let settings = nt2plan::solve::Settings {
        backend: nt2plan::solve::Backend::Microlp,
        ..Default::default()
    };
    nt2plan::solve::build_model(&instance, &rules, &settings)
}

/// A variable of a parsed file: (lower, upper, integer, cost).
type Column = (f64, f64, bool, f64);

/// A row of a parsed file: (terms by column, lower, upper).
type Line = (Vec<(usize, f64)>, f64, f64);

/// The program a file describes, from the parsed file alone: its columns, its rows as
/// (terms by column, lower, upper), and the objective's constant.
pub fn rebuild(problem: &LpProblem) -> (Vec<Column>, Vec<Line>, f64) {
    let mut index = HashMap::new();
    let mut columns: Vec<Column> = Vec::new();
    for (id, v) in &problem.variables {
        index.insert(*id, columns.len());
        columns.push((
            v.bounds.effective_lower(v.kind),
            v.bounds.effective_upper(v.kind),
            v.kind.is_integer(),
            0.0,
        ));
    }
    let objective = problem.objectives.values().next().expect("one objective");
    for c in &objective.coefficients {
        columns[index[&c.name]].3 += c.value;
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
            let terms = coefficients
                .iter()
                .map(|c| (index[&c.name], c.value))
                .collect();
            let (lo, hi) = match operator {
                ComparisonOp::LTE | ComparisonOp::LT => (f64::NEG_INFINITY, *rhs),
                ComparisonOp::GTE | ComparisonOp::GT => (*rhs, f64::INFINITY),
                ComparisonOp::EQ => (*rhs, *rhs),
            };
            (terms, lo, hi)
        })
        .collect();
    (columns, rows, objective.constant)
}

/// The optimum of a parsed program, solved by microlp from the file alone.
fn microlp_optimum(problem: &LpProblem) -> f64 {
    use microlp::{ComparisonOp as Op, OptimizationDirection, Problem};
    let (columns, rows, constant) = rebuild(problem);
    let mut p = Problem::new(OptimizationDirection::Minimize);
    let vars: Vec<_> = columns
        .iter()
        .map(|&(lo, hi, integer, cost)| {
            if integer {
                p.add_integer_var(cost, (lo as i32, hi.min(f64::from(i32::MAX)) as i32))
            } else {
                p.add_var(cost, (lo, hi))
            }
        })
        .collect();
    for (terms, lo, hi) in rows {
        let expr: microlp::LinearExpr = terms.iter().map(|(v, c)| (vars[*v], *c)).collect();
        if lo == hi {
            p.add_constraint(expr, Op::Eq, lo);
        } else if lo.is_finite() {
            p.add_constraint(expr, Op::Ge, lo);
        } else {
            p.add_constraint(expr, Op::Le, hi);
        }
    }
    let outcome = p.solve().expect("the written program is solvable");
    outcome.solution().expect("a solution").objective() + constant
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
        if name == "demo.lp" {
            // The command writes the program the library's golden test holds.
            let golden = std::fs::read_to_string(root().join("tests/golden/demo.lp"))
                .expect("tests/golden/demo.lp");
            assert!(
                text == golden,
                "solve --write-model differs from tests/golden/demo.lp; after an intended \
                 change: NT2PLAN_BLESS=1 cargo test --lib model::tests::golden"
            );
        }
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
        let integers = rebuild(&problem).0.iter().filter(|c| c.2).count();
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
        let (columns, rows, constant) = rebuild(&problem);
        let mut p = highs::RowProblem::default();
        let cols: Vec<_> = columns
            .iter()
            .map(|&(lo, hi, integer, cost)| p.add_column_with_integrality(cost, lo..=hi, integer))
            .collect();
        for (terms, lo, hi) in rows {
            p.add_row(lo..=hi, terms.iter().map(|(v, c)| (cols[*v], *c)));
        }
        let mut model = p.optimise(highs::Sense::Minimise);
        model.set_option("mip_rel_gap", 0.0);
        model.set_option("threads", 1);
        model.make_quiet();
        let theirs = model.solve().objective_value() + constant;
        assert!(
            (ours - theirs).abs() <= 1e-6 * ours.abs().max(1.0),
            "{name}: microlp {ours}, HiGHS from the file {theirs}"
        );
    }
}
