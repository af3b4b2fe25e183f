//! A program with some variables fixed: the sub-program of a neighbourhood search.
//!
//! Fixed variables are substituted into the rows (their terms move to the right-hand side)
//! and dropped, and a row left with no free variable is dropped when the fixed values keep
//! it (kept, empty and violated, when they do not, so that the sub-program is infeasible
//! rather than wrong). The sub-program is the full program with those values imposed: every
//! solution of it, expanded back, is a solution of the full program of the same objective.

use super::mip::{Cmp, Mip, VarId};

/// A sub-program and how its variables map back.
#[derive(Clone, Debug)]
pub struct Restricted {
    pub mip: Mip,
    /// Per variable of the sub-program: the variable of the full program it is.
    pub free: Vec<VarId>,
    /// One value per variable of the full program: the fixed ones (others are overwritten).
    base: Vec<f64>,
}

impl Restricted {
    /// The full program's values for `values` of the sub-program.
    pub fn expand(&self, values: &[f64]) -> Vec<f64> {
        let mut full = self.base.clone();
        for (&v, x) in self.free.iter().zip(values) {
            full[v] = *x;
        }
        full
    }

    /// The sub-program's values taken from `full`, one per variable of the full program.
    pub fn pick(&self, full: &[f64]) -> Vec<f64> {
        self.free.iter().map(|&v| full[v]).collect()
    }
}

impl Mip {
    /// This program with every variable `v` where `keep[v]` is false fixed to `values[v]`.
    pub fn restrict(&self, values: &[f64], keep: &[bool]) -> Restricted {
        let mut index = vec![None; self.vars.len()];
        let mut sub = Mip {
            objective_constant: self.objective_constant,
            ..Mip::default()
        };
        let mut free = Vec::new();
        for (v, var) in self.vars.iter().enumerate() {
            if keep[v] {
                index[v] = Some(sub.vars.len());
                sub.vars.push(var.clone());
                free.push(v);
            } else {
                sub.objective_constant += var.cost * values[v];
            }
        }
        for row in &self.rows {
            let mut rhs = row.rhs;
            let mut terms = Vec::new();
            for &(v, c) in &row.terms {
                match index[v] {
                    Some(i) => terms.push((i, c)),
                    None => rhs -= c * values[v],
                }
            }
            if terms.is_empty() {
                // Rounding of the substituted values must not turn a kept row into a broken one.
                let holds = match row.cmp {
                    Cmp::Le => rhs >= -1e-6,
                    Cmp::Ge => rhs <= 1e-6,
                    Cmp::Eq => rhs.abs() <= 1e-6,
                };
                if holds {
                    continue;
                }
            }
            let mut kept = row.clone();
            kept.terms = terms;
            kept.rhs = rhs;
            sub.rows.push(kept);
        }
        Restricted {
            mip: sub,
            free,
            base: values.to_vec(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::mip::{Family, Subject};
    use super::*;

    /// x + y + z = 2 with x fixed to 1: y + z = 1 remains, the objective keeps x's cost,
    /// and the sub-program's solution expands to the full program's values.
    #[test]
    fn fixed_variables_move_to_the_right_hand_side_and_expand_back() {
        let mut m = Mip::default();
        let x = m.binary("x".into(), 3.0);
        let y = m.binary("y".into(), 1.0);
        let z = m.binary("z".into(), 2.0);
        let terms = vec![(x, 1.0), (y, 1.0), (z, 1.0)];
        m.row(
            "sum".into(),
            Family::Staffing,
            Subject::School,
            terms,
            Cmp::Eq,
            2.0,
        );
        m.row(
            "x_only".into(),
            Family::Staffing,
            Subject::School,
            vec![(x, 1.0)],
            Cmp::Le,
            1.0,
        );
        let r = m.restrict(&[1.0, 0.0, 1.0], &[false, true, true]);
        assert_eq!(r.free, vec![y, z]);
        assert_eq!(r.mip.rows.len(), 1, "x_only holds at x = 1 and is dropped");
        assert_eq!(r.mip.rows[0].terms, vec![(0, 1.0), (1, 1.0)]);
        assert_eq!(r.mip.rows[0].rhs, 1.0);
        assert_eq!(r.mip.objective_constant, 3.0);
        assert_eq!(r.expand(&[1.0, 0.0]), vec![1.0, 1.0, 0.0]);
        assert_eq!(
            m.objective(&r.expand(&[1.0, 0.0])),
            r.mip.objective(&[1.0, 0.0])
        );
        assert_eq!(r.pick(&[1.0, 0.0, 1.0]), vec![0.0, 1.0]);
    }

    /// A row that the fixed values break stays, empty, so that the sub-program is infeasible.
    #[test]
    fn a_row_broken_by_the_fixed_values_is_kept() {
        let mut m = Mip::default();
        let x = m.binary("x".into(), 1.0);
        let y = m.binary("y".into(), 1.0);
        m.row(
            "le".into(),
            Family::Staffing,
            Subject::School,
            vec![(x, 1.0)],
            Cmp::Le,
            0.0,
        );
        let r = m.restrict(&[1.0, 0.0], &[false, true]);
        let _ = y;
        assert_eq!(r.mip.rows.len(), 1);
        assert!(r.mip.rows[0].terms.is_empty());
    }
}
