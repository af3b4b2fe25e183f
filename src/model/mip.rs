//! A solver-neutral mixed-integer program: named variables and rows with their family.
//!
//! The model is built here once and then handed to a backend (microlp, HiGHS) or written as
//! an LP/MPS file, so every consumer sees exactly the same program. Row families let the
//! infeasibility diagnosis relax one kind of constraint at a time.

use serde::Serialize;

/// Index of a variable in [`Mip::vars`].
pub type VarId = usize;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum VarKind {
    Binary,
    Integer,
    Continuous,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Var {
    pub name: String,
    pub kind: VarKind,
    pub lower: f64,
    /// `f64::INFINITY` for no upper bound.
    pub upper: f64,
    /// Cost in the objective (which is minimized).
    pub cost: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Cmp {
    Le,
    Ge,
    Eq,
}

/// The kind of norm or rule a row expresses; the diagnosis relaxes rows by family.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Family {
    /// Every lesson of an open group has exactly one teacher.
    Staffing,
    /// No teacher in two lessons at once.
    Overlap,
    /// `max_lessons_per_week`.
    WeeklyMax,
    /// Contract hours: a weekly or term minimum (`min_lessons_per_week`, `..._per_term`).
    ContractMin,
    /// Contract hours: `max_lessons_per_term`.
    TermMax,
    /// Norm 1.7.1a: the certified floor.
    CertifiedShare,
    /// Norm 1.7.1b: certified lessons per course code.
    CourseCertified,
    /// Norm 2.2.1: the group size limits.
    GroupMax,
    /// A group's `min_size`.
    GroupMin,
    /// Exception 2's condition: overflow only when every group of the cell is full.
    Overflow,
    /// A student in at most one group.
    StudentOnce,
    /// Supervision: mentors' capacity.
    Mentoring,
    /// Rooms: a room for every lesson, that seats the group, one lesson at a time.
    Rooms,
    /// Rows that only define helper variables (continuity, overflow amount, usage).
    Definition,
}

impl Family {
    /// Families whose rows the diagnosis may relax: the planner's hard requirements.
    pub const RELAXABLE: [Family; 10] = [
        Family::Staffing,
        Family::WeeklyMax,
        Family::ContractMin,
        Family::TermMax,
        Family::CertifiedShare,
        Family::CourseCertified,
        Family::GroupMax,
        Family::GroupMin,
        Family::Mentoring,
        Family::Rooms,
    ];
}

/// What a row is about, as typed facts for the diagnosis (never parsed back out of names).
/// Indices refer to the instance the program was built from and to [`super::Model`].
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    /// The whole school: the certified floor, the mentors' capacity.
    School,
    /// A group (index into `instance.groups`).
    Group(usize),
    /// The lessons of one class (index into `Model::classes`).
    Class(usize),
    /// A teacher on some dates: the no-overlap rows.
    Dates {
        teacher: usize,
        dates: Vec<chrono::NaiveDate>,
    },
    /// A teacher in some ISO weeks: the weekly maximum.
    Weeks {
        teacher: usize,
        weeks: Vec<super::classes::Week>,
    },
    /// A teacher over the whole term: contract hours.
    Teacher(usize),
    /// A teacher and a group: continuity, supervision.
    TeacherGroup { teacher: usize, group: usize },
    /// A type of interchangeable students (index into `Model::types`).
    StudentType(usize),
    /// A location and profile (exception 2's condition).
    Cell { location: String, profile: String },
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Row {
    pub name: String,
    pub family: Family,
    pub subject: Subject,
    pub terms: Vec<(VarId, f64)>,
    pub cmp: Cmp,
    pub rhs: f64,
}

/// A minimization problem.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Mip {
    pub vars: Vec<Var>,
    pub rows: Vec<Row>,
    /// Added to the objective value (e.g. the cost of every student left unplaced).
    pub objective_constant: f64,
}

impl Mip {
    pub fn binary(&mut self, name: String, cost: f64) -> VarId {
        self.var(name, VarKind::Binary, 0.0, 1.0, cost)
    }

    pub fn var(&mut self, name: String, kind: VarKind, lower: f64, upper: f64, cost: f64) -> VarId {
        self.vars.push(Var {
            name,
            kind,
            lower,
            upper,
            cost,
        });
        self.vars.len() - 1
    }

    /// Adds a row; a row without terms is kept only if it is violated (so that an
    /// impossible requirement stays visible instead of silently vanishing).
    pub fn row(
        &mut self,
        name: String,
        family: Family,
        subject: Subject,
        terms: Vec<(VarId, f64)>,
        cmp: Cmp,
        rhs: f64,
    ) {
        let terms: Vec<(VarId, f64)> = terms.into_iter().filter(|(_, c)| *c != 0.0).collect();
        if terms.is_empty() {
            let holds = match cmp {
                Cmp::Le => 0.0 <= rhs,
                Cmp::Ge => 0.0 >= rhs,
                Cmp::Eq => rhs == 0.0,
            };
            if holds {
                return;
            }
        }
        self.rows.push(Row {
            name,
            family,
            subject,
            terms,
            cmp,
            rhs,
        });
    }

    /// The objective value of `values` (one per variable).
    pub fn objective(&self, values: &[f64]) -> f64 {
        self.objective_constant
            + self
                .vars
                .iter()
                .zip(values)
                .map(|(v, x)| v.cost * x)
                .sum::<f64>()
    }

    /// The rows `values` break (beyond `tolerance`), and the variables outside their bounds.
    pub fn broken_by(&self, values: &[f64], tolerance: f64) -> Vec<String> {
        let mut out: Vec<String> = self
            .vars
            .iter()
            .zip(values)
            .filter(|(v, x)| **x < v.lower - tolerance || **x > v.upper + tolerance)
            .map(|(v, x)| format!("{} = {x}", v.name))
            .collect();
        for r in &self.rows {
            let lhs: f64 = r
                .terms
                .iter()
                .map(|(i, c)| c * values.get(*i).copied().unwrap_or(0.0))
                .sum();
            let broken = match r.cmp {
                Cmp::Le => lhs > r.rhs + tolerance,
                Cmp::Ge => lhs < r.rhs - tolerance,
                Cmp::Eq => (lhs - r.rhs).abs() > tolerance,
            };
            if broken {
                out.push(format!("{}: {lhs} against {}", r.name, r.rhs));
            }
        }
        out
    }

    pub fn integer_count(&self) -> usize {
        self.vars
            .iter()
            .filter(|v| v.kind != VarKind::Continuous)
            .count()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_rows_are_dropped_when_they_hold_and_kept_when_violated() {
        let mut m = Mip::default();
        m.row(
            "ok".into(),
            Family::Staffing,
            Subject::School,
            vec![],
            Cmp::Le,
            0.0,
        );
        m.row(
            "bad".into(),
            Family::Staffing,
            Subject::School,
            vec![],
            Cmp::Eq,
            1.0,
        );
        let x = m.binary("x".into(), 2.0);
        m.row(
            "zero".into(),
            Family::Staffing,
            Subject::School,
            vec![(x, 0.0)],
            Cmp::Ge,
            0.0,
        );
        assert_eq!(m.rows.len(), 1);
        assert_eq!(m.rows[0].name, "bad");
        assert_eq!(m.objective(&[1.0]), 2.0);
    }
}
