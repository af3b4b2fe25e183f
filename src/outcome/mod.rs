//! What solves and sweeps produce, as the reports render it: how a solve ended
//! ([`Status`], [`Verdict`]), with which solver and program ([`Backend`], [`Formulation`],
//! [`Stats`]), why no schedule exists ([`diagnosis`]), and the results of a sweep
//! ([`sweep`]).
//!
//! The producers (`solve`, `sweep`) fill these types and `report` renders them, so that
//! `report` needs neither: it stays a leaf.

pub mod best_effort;
pub mod diagnosis;
pub mod options;
pub mod sweep;

pub use diagnosis::Diagnosis;
use serde::{Deserialize, Serialize};

/// Which solver runs the program.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Backend {
    /// Pure Rust, always built in.
    Microlp,
    /// HiGHS, with the `highs` cargo feature.
    Highs,
}

impl Backend {
    /// HiGHS when it is compiled in, else microlp.
    pub fn auto() -> Backend {
        if cfg!(feature = "highs") {
            Backend::Highs
        } else {
            Backend::Microlp
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Backend::Microlp => "microlp",
            Backend::Highs => "highs",
        }
    }

    /// A solver as a user names it: `auto` ([`Backend::auto`]), `highs` or `microlp`.
    pub fn choose(name: &str) -> Option<Backend> {
        match name {
            "auto" => Some(Backend::auto()),
            "highs" => Some(Backend::Highs),
            "microlp" => Some(Backend::Microlp),
            _ => None,
        }
    }
}

/// How the program groups the dated lessons.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Formulation {
    /// Classes of interchangeable dates, with a count per teacher: exact, and small.
    #[default]
    Class,
    /// One binary per teacher and dated lesson: the reference program, large and slow.
    Lesson,
    /// Every class given whole by one teacher (one binary per teacher and class), with the
    /// rows per date and week: a restriction of the exact problem, so every schedule it
    /// finds is one of the exact problem, but its optimum may be worse. `solve` uses it for
    /// a first schedule; it proves nothing.
    Segment,
}

impl Formulation {
    pub fn name(self) -> &'static str {
        match self {
            Formulation::Class => "class",
            Formulation::Lesson => "lesson",
            Formulation::Segment => "segment",
        }
    }

    /// Whether a teacher gives a class whole or not at all.
    pub fn whole(self) -> bool {
        self == Formulation::Segment
    }
}

/// Whether `solve` improves its first schedule by large neighbourhood search before (or
/// instead of) solving the whole program.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SearchMode {
    /// When the whole program is too big for the solver to find good schedules fast.
    #[default]
    Auto,
    On,
    Off,
}

impl SearchMode {
    /// Programs with more variables than this are searched under `Auto`: microlp, which has no
    /// heuristics of its own, finds no schedule in 60 s on xl (29,489 variables) and one
    /// within 0.01% of the optimum in 2 s on large (11,699).
    pub const MICROLP_AUTO_ABOVE: usize = 20_000;

    /// Whether a program of `variables` is searched with `backend`.
    pub fn searches(self, variables: usize, backend: Backend) -> bool {
        match self {
            SearchMode::On => true,
            SearchMode::Off => false,
            SearchMode::Auto => backend == Backend::Microlp && variables > Self::MICROLP_AUTO_ABOVE,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            SearchMode::Auto => "auto",
            SearchMode::On => "on",
            SearchMode::Off => "off",
        }
    }
}

/// What the large neighbourhood search did in a solve.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Searched {
    /// Neighbourhoods solved.
    pub rounds: u32,
    /// Rounds that found a cheaper schedule.
    pub improvements: u32,
    /// The cost of the schedule the search started from.
    pub start: f64,
    /// The kind of the last neighbourhood that helped.
    pub last_helped: Option<&'static str>,
}

/// Size of a program, for reports and benchmarks.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub variables: usize,
    pub integer_variables: usize,
    pub constraints: usize,
    /// Classes of dates (one per lesson with `--formulation lesson`).
    pub classes: usize,
    pub student_types: usize,
}

/// How a solve ended.
#[derive(Clone, Debug, PartialEq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Status {
    /// Proven optimal.
    Optimal,
    /// Feasible, stopped at the requested gap; `gap` is the proven relative gap.
    Feasible { gap: Option<f64> },
    /// The time limit ended the search; the best schedule found is returned.
    TimeLimit { gap: Option<f64> },
    /// No schedule meets every hard rule; the diagnosis says why.
    Infeasible { diagnosis: Diagnosis },
    /// The time limit ended the search before any schedule was found.
    NoScheduleInTime,
}

impl Status {
    /// The kind of ending, without its data: what is shown and written of a status.
    pub fn verdict(&self) -> Verdict {
        match self {
            Status::Optimal => Verdict::Optimal,
            Status::Feasible { .. } => Verdict::Feasible,
            Status::TimeLimit { .. } => Verdict::TimeLimit,
            Status::Infeasible { .. } => Verdict::Infeasible,
            Status::NoScheduleInTime => Verdict::NoScheduleInTime,
        }
    }

    /// The proven relative gap of a schedule found short of a proof of optimality.
    pub fn gap(&self) -> Option<f64> {
        match self {
            Status::Feasible { gap } | Status::TimeLimit { gap } => *gap,
            _ => None,
        }
    }

    /// In English, for the terminal (see [`Verdict::en`]).
    pub fn label(&self) -> &'static str {
        self.verdict().en()
    }
}

/// How a solve (or one scenario of a sweep) ended, without the data of a [`Status`]: one
/// machine key (the serialized form), one Dutch and one English text each.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Optimal,
    Feasible,
    TimeLimit,
    Infeasible,
    NoScheduleInTime,
    /// Only in a sweep: the solver failed on this scenario (the row's reason says how).
    Error,
}

impl Verdict {
    /// The machine name, as in `report.json`, `results.json` and `results.csv`.
    pub fn key(self) -> &'static str {
        match self {
            Verdict::Optimal => "optimal",
            Verdict::Feasible => "feasible",
            Verdict::TimeLimit => "time_limit",
            Verdict::Infeasible => "infeasible",
            Verdict::NoScheduleInTime => "no_schedule_in_time",
            Verdict::Error => "error",
        }
    }

    /// For planners, in Dutch.
    pub fn nl(self) -> &'static str {
        match self {
            Verdict::Optimal => "optimaal (bewezen)",
            Verdict::Feasible => "rooster gevonden",
            Verdict::TimeLimit => "tijdslimiet bereikt; beste gevonden rooster",
            Verdict::Infeasible => "onhaalbaar: geen rooster mogelijk binnen de regels",
            Verdict::NoScheduleInTime => "tijdslimiet bereikt zonder rooster",
            Verdict::Error => "fout bij het oplossen",
        }
    }

    /// In English, for the terminal.
    pub fn en(self) -> &'static str {
        match self {
            Verdict::Optimal => "optimal",
            Verdict::Feasible => "feasible",
            Verdict::TimeLimit => "time limit",
            Verdict::Infeasible => "infeasible",
            Verdict::NoScheduleInTime => "no schedule in time",
            Verdict::Error => "error",
        }
    }
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The key of a verdict is its serialized form, and the `status` of a serialized status.
    #[test]
    fn a_verdict_serializes_as_its_key_and_as_the_status_of_its_status() {
        let statuses = [
            Status::Optimal,
            Status::Feasible { gap: Some(0.01) },
            Status::TimeLimit { gap: None },
            Status::Infeasible {
                diagnosis: Diagnosis::default(),
            },
            Status::NoScheduleInTime,
        ];
        for status in &statuses {
            let v = status.verdict();
            let json = serde_json::to_value(status).expect("JSON");
            assert_eq!(json["status"], v.key());
            assert_eq!(serde_json::to_value(v).expect("JSON"), v.key());
            assert!(!v.nl().is_empty() && !v.en().is_empty());
        }
        let keys: Vec<&str> = statuses.iter().map(|s| s.verdict().key()).collect();
        assert_eq!(
            keys,
            [
                "optimal",
                "feasible",
                "time_limit",
                "infeasible",
                "no_schedule_in_time"
            ]
        );
        assert_eq!(Verdict::Error.key(), "error");
        let back: Verdict = serde_json::from_str("\"no_schedule_in_time\"").expect("reads");
        assert_eq!(back, Verdict::NoScheduleInTime);
    }
}
