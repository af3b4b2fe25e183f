//! The program as an LP or MPS file, so that an operations-research user can hand it to
//! another solver (Gurobi, CPLEX, CP-SAT, the HiGHS command line) and compare.
//!
//! Writing goes through `lp_parser_rs`, a maintained reader and writer of both formats.
//! The objective constant (the cost of unplaced students before any is placed) is carried
//! by a variable fixed to 1, so the optimum another solver reports equals ours.

use super::{Cmp, Mip, VarKind};
use lp_parser_rs::model::{ComparisonOp, Sense};
use lp_parser_rs::{ProblemBuilder, VariableBounds, VariableKind};
use std::collections::HashSet;

/// A model file format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Lp,
    Mps,
}

impl Format {
    /// From a file name's extension (`.lp` or `.mps`, any case).
    pub fn of_path(path: &std::path::Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "lp" => Some(Format::Lp),
            "mps" => Some(Format::Mps),
            _ => None,
        }
    }
}

#[derive(Debug, thiserror::Error)]
#[error("the model cannot be written as {format:?}: {reason}")]
pub struct WriteError {
    pub format: Format,
    pub reason: String,
}

/// The names made unique, in their order: a repeat gets `_2`, `_3`, ... Names are
/// file-safe but not unique ([`super::clean`] maps `B1-UTR-01` and `B1_UTR_01` alike), and
/// a reader keys both variables and rows by name, so a repeat would merge into the first.
fn unique_names<'a>(names: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut seen = HashSet::new();
    names
        .map(|base| {
            let mut name = base.to_string();
            let mut k = 1;
            while !seen.insert(name.clone()) {
                k += 1;
                name = format!("{base}_{k}");
            }
            name
        })
        .collect()
}

/// The program in `format`.
pub fn to_string(mip: &Mip, name: &str, format: Format) -> Result<String, WriteError> {
    let names = unique_names(mip.vars.iter().map(|v| v.name.as_str()));
    let row_names = unique_names(mip.rows.iter().map(|r| r.name.as_str()));
    let mut b = ProblemBuilder::new().name(name).sense(Sense::Minimize);
    for (v, n) in mip.vars.iter().zip(&names) {
        let kind = match v.kind {
            VarKind::Binary if v.lower == 0.0 && v.upper == 1.0 => VariableKind::Binary,
            // A binary fixed by its bounds (a group that must run) is written as an integer:
            // `Binaries` in LP and `BV` in MPS mean [0, 1] to readers, which drops the fixing.
            VarKind::Binary | VarKind::Integer => VariableKind::Integer,
            VarKind::Continuous => VariableKind::Continuous,
        };
        b = b.variable(n, kind, VariableBounds::range(v.lower, v.upper));
    }
    let constant = "objective_constant";
    let mut objective: Vec<(&str, f64)> = mip
        .vars
        .iter()
        .zip(&names)
        .filter(|(v, _)| v.cost != 0.0)
        .map(|(v, n)| (n.as_str(), v.cost))
        .collect();
    if mip.objective_constant != 0.0 {
        b = b.variable(
            constant,
            VariableKind::Continuous,
            VariableBounds::range(1.0, 1.0),
        );
        objective.push((constant, mip.objective_constant));
    }
    b = b.objective("cost", &objective);
    for (row, row_name) in mip.rows.iter().zip(&row_names) {
        let terms: Vec<(&str, f64)> = row
            .terms
            .iter()
            .map(|(v, c)| (names[*v].as_str(), *c))
            .collect();
        let op = match row.cmp {
            Cmp::Le => ComparisonOp::LTE,
            Cmp::Ge => ComparisonOp::GTE,
            Cmp::Eq => ComparisonOp::EQ,
        };
        b = b.constraint(row_name, &terms, op, row.rhs);
    }
    let problem = b.build();
    match format {
        Format::Lp => Ok(lp_parser_rs::writer::write_lp_string(&problem)),
        Format::Mps => {
            lp_parser_rs::mps::writer::write_mps_string(&problem).map_err(|e| WriteError {
                format,
                reason: e.to_string(),
            })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Family;
    use lp_parser_rs::LpProblem;

    /// (lower, upper, integer) of every variable as a reader sees it.
    fn read_bounds(problem: &LpProblem) -> Vec<(String, f64, f64, bool)> {
        problem
            .variables
            .values()
            .map(|v| {
                (
                    problem.resolve(v.name).to_string(),
                    v.bounds.effective_lower(v.kind),
                    v.bounds.effective_upper(v.kind),
                    v.kind.is_integer(),
                )
            })
            .collect()
    }

    /// How many names occur more than once.
    fn repeats<'a>(names: impl Iterator<Item = &'a str>) -> usize {
        let mut seen = HashSet::new();
        names.filter(|n| !seen.insert(*n)).count()
    }

    #[test]
    fn names_that_clean_alike_stay_apart_in_lp_and_mps() {
        // `B1-UTR-01` and `B1_UTR_01` both clean to `B1_UTR_01` (teachers `T-1` and `T_1`
        // to `T_1`): without unique names a reader merged the second staffing row, teacher
        // variable, ... into the first (12 of these 23 rows were left).
        let mut fx = crate::check::fixture::Fx::new();
        fx.teacher("T-1", true);
        fx.teacher("T_1", true);
        fx.group("B1-UTR-01", "Utrecht", "B1");
        fx.group("B1_UTR_01", "Utrecht", "B1").optional = true;
        for id in ["S1", "S2", "S3"] {
            fx.student(id, "B1");
        }
        let mip = crate::model::build(
            &fx.instance,
            &crate::check::fixture::addendum(),
            crate::model::Formulation::Class,
            &Default::default(),
        )
        .mip;
        assert!(repeats(mip.rows.iter().map(|r| r.name.as_str())) > 0);
        assert!(repeats(mip.vars.iter().map(|v| v.name.as_str())) > 0);
        let constant = usize::from(mip.objective_constant != 0.0);
        let lp = LpProblem::parse(&to_string(&mip, "t", Format::Lp).expect("LP")).expect("parse");
        let mps =
            LpProblem::parse_mps(&to_string(&mip, "t", Format::Mps).expect("MPS")).expect("parse");
        for (format, problem) in [("LP", &lp), ("MPS", &mps)] {
            assert_eq!(problem.constraints.len(), mip.rows.len(), "{format} rows");
            assert_eq!(
                problem.variables.len(),
                mip.vars.len() + constant,
                "{format} variables"
            );
        }
    }

    #[test]
    fn a_binary_fixed_to_one_stays_fixed_in_lp_and_mps() {
        // A group that must run has `open` fixed to 1; written as a plain binary, MPS
        // (`BV`) and LP readers take it as [0, 1] and another solver may close the group.
        let mut mip = Mip::default();
        let open = mip.var("open_G1".into(), VarKind::Binary, 1.0, 1.0, 0.0);
        let z = mip.binary("z_T1_G1".into(), 5.0);
        mip.row(
            "staff_G1".into(),
            Family::Staffing,
            crate::model::Subject::School,
            vec![(z, 1.0), (open, -1.0)],
            Cmp::Eq,
            0.0,
        );
        let lp = LpProblem::parse(&to_string(&mip, "t", Format::Lp).expect("LP")).expect("parse");
        let mps =
            LpProblem::parse_mps(&to_string(&mip, "t", Format::Mps).expect("MPS")).expect("parse");
        for problem in [&lp, &mps] {
            let mut got = read_bounds(problem);
            got.sort_by(|a, b| a.0.cmp(&b.0));
            assert_eq!(
                got,
                [
                    ("open_G1".to_string(), 1.0, 1.0, true),
                    ("z_T1_G1".to_string(), 0.0, 1.0, true)
                ]
            );
        }
    }
}
