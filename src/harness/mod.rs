//! Entry points for fuzzing and corpus replay: one function per input reader, each taking the
//! raw bytes of one file (or, for a schedule, of a folder) and reading them exactly as the
//! command line does.
//!
//! The fuzz targets in `fuzz/fuzz_targets/` call these functions with libFuzzer's input, and
//! the integration test `fuzz_corpus` replays every stored corpus file and crash reproducer
//! through them. A reader may accept its input or refuse it with coded [`Diagnostic`]s, never
//! anything else: a panic is a bug, and so is an [`Err`] of these functions ([`Broken`]),
//! which means that a diagnostic lacks what every diagnostic must have, or that a reader
//! refused its input without saying why.
//!
//! An instance file takes the place of its counterpart in the demo instance (`instances/demo`,
//! built in): the demo's files are read once per process, the fuzzed one is parsed from its
//! bytes by its reader, and [`crate::validate::validate_instance`] checks them together,
//! exactly as [`crate::validate::load_instance`] does after reading a folder. Schedule
//! folders, scenario files and sweep parts are written into a temporary folder and read from
//! there, as the commands read them. See each function for what else it runs.

mod scratch;
mod targets;

pub use scratch::{DEMO, DEMO_SCHEDULE};
pub use targets::*;

use crate::check::{CheckReport, FindingSeverity};
use crate::diag::{Diagnostic, Diagnostics, Kind, Loaded};

/// How a reader answered an input that kept every rule.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Whether the input was read into a value (an instance, schedule, rule set, …).
    pub accepted: bool,
    /// Errors reported (0 when accepted).
    pub errors: usize,
    /// Warnings reported.
    pub warnings: usize,
    /// Checker findings, when a schedule or rule set reached the checker.
    pub findings: usize,
}

/// A rule the harness holds every reader to, broken: a bug to fix in the library.
#[derive(Debug, thiserror::Error)]
pub enum Broken {
    /// The temporary folder could not be prepared: a problem of the machine, not a finding.
    #[error("the harness could not prepare its temporary folder: {0}")]
    Setup(#[from] std::io::Error),
    /// A diagnostic lacks a message, a file or a sane position.
    #[error("a diagnostic {why}: {diagnostic:?}")]
    Diagnostic {
        why: &'static str,
        diagnostic: Box<Diagnostic>,
    },
    /// `Err` came back with no error among its diagnostics: the input was refused silently.
    #[error("the input was refused without an error ({warnings} warning(s) only)")]
    SilentRefusal { warnings: usize },
    /// A checker finding without a message, or with a severity or norm its code does not have.
    #[error("a checker finding has no message: {0}")]
    Finding(String),
    /// A value does not survive writing and reading back (e.g. `rules show`).
    #[error("{0}")]
    RoundTrip(String),
}

/// A harness function: the raw bytes of one input in, how the reader answered out.
pub type Target = fn(&[u8]) -> Result<Outcome, Broken>;

/// The fuzz targets, by name: the name of the file in `fuzz/fuzz_targets/` and of the
/// folders `fuzz/corpus/NAME/` and `tests/fuzz-regressions/NAME/`.
pub const TARGETS: &[(&str, Target)] = &[
    ("school_toml", school_toml),
    ("teachers_csv", teachers_csv),
    ("groups_csv", groups_csv),
    ("students_csv", students_csv),
    ("mentors_csv", mentors_csv),
    ("unavailability_csv", unavailability_csv),
    ("locks_csv", locks_csv),
    ("rooms_csv", rooms_csv),
    ("rule_set_toml", rule_set_toml),
    ("scenario_toml", scenario_toml),
    ("schedule_folder", schedule_folder),
    ("exams_csv", exams_csv),
    ("sweep_part_json", sweep_part_json),
];

/// Holds every diagnostic to the rules: a message, a file and 1-based positions. (That its
/// code is of the kind its severity says is not checked here: the types see to it, since
/// [`Diagnostic::error`] takes only an error code and [`Diagnostic::warning`] a warning code.)
pub fn diagnostics_are_coded(diags: &Diagnostics) -> Result<(), Broken> {
    for d in diags.iter() {
        let why = if d.message.trim().is_empty() {
            Some("has no message")
        } else if d.file.trim().is_empty() {
            Some("names no file")
        } else if d.line == Some(0) || d.column == Some(0) {
            Some("has a line or column 0 (they count from 1)")
        } else if d.column.is_some() && d.line.is_none() {
            Some("has a column but no line")
        } else {
            None
        };
        if let Some(why) = why {
            return Err(Broken::Diagnostic {
                why,
                diagnostic: Box::new(d.clone()),
            });
        }
    }
    Ok(())
}

/// Judges what a loader returned: coded diagnostics either way, and an `Err` that holds at
/// least one error.
pub fn judge<T>(result: &Result<Loaded<T>, Diagnostics>) -> Result<Outcome, Broken> {
    match result {
        Ok(loaded) => {
            diagnostics_are_coded(&loaded.warnings)?;
            if loaded.warnings.has_errors() {
                return Err(Broken::Diagnostic {
                    why: "is an error among the warnings of an accepted input",
                    diagnostic: Box::new(loaded.warnings.0[0].clone()),
                });
            }
            Ok(Outcome {
                accepted: true,
                errors: 0,
                warnings: loaded.warnings.0.len(),
                findings: 0,
            })
        }
        Err(diags) => {
            diagnostics_are_coded(diags)?;
            let errors = diags.error_count();
            let warnings = diags.0.len() - errors;
            if errors == 0 {
                return Err(Broken::SilentRefusal { warnings });
            }
            Ok(Outcome {
                accepted: false,
                errors,
                warnings,
                findings: 0,
            })
        }
    }
}

/// Holds a checker report to the rules: every finding has a message, and the severity and
/// norm its code's row of the code table gives.
fn report_is_coded(report: &CheckReport) -> Result<usize, Broken> {
    for f in &report.findings {
        let kind = Kind::Finding {
            severity: f.severity(),
            norm: f.norm(),
        };
        if f.message.trim().is_empty() || f.code().kind() != kind || f.occurrences == 0 {
            return Err(Broken::Finding(format!("{f:?}")));
        }
    }
    let violations = report
        .findings
        .iter()
        .filter(|f| f.severity() == FindingSeverity::Violation)
        .count();
    if violations != report.violations || report.compliant != (violations == 0) {
        return Err(Broken::Finding(format!(
            "the report counts {} violation(s) (compliant: {}), its findings {violations}",
            report.violations, report.compliant
        )));
    }
    Ok(report.findings.len())
}
