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

/// Unique file-safe names, in variable order: a repeat gets `_2`, `_3`, ...
fn unique_names(mip: &Mip) -> Vec<String> {
    let mut seen = HashSet::new();
    mip.vars
        .iter()
        .map(|v| {
            let mut name = v.name.clone();
            let mut k = 1;
            while !seen.insert(name.clone()) {
                k += 1;
                name = format!("{}_{k}", v.name);
            }
            name
        })
        .collect()
}

/// The program in `format`.
pub fn to_string(mip: &Mip, name: &str, format: Format) -> Result<String, WriteError> {
    let names = unique_names(mip);
    let mut b = ProblemBuilder::new().name(name).sense(Sense::Minimize);
    for (v, n) in mip.vars.iter().zip(&names) {
        let kind = match v.kind {
            VarKind::Binary => VariableKind::Binary,
            VarKind::Integer => VariableKind::Integer,
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
    for row in &mip.rows {
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
        b = b.constraint(&row.name, &terms, op, row.rhs);
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
