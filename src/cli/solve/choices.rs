//! `solve`'s flags as enums, replan's settings, what the terminal says about a status, and
//! the small helpers of the steps after the solve.

use super::Args;
use crate::cli::SolverChoice;
use nt2plan::check::Changes;
use nt2plan::domain::Schedule;
use nt2plan::report::Lang;
use nt2plan::solve::{self, Backend, Deadline, Settings, Status};
use std::path::PathBuf;
use std::time::Instant;

/// What a caller adds to solve's folder, given the schedule written (replan's changes).
pub(in crate::cli) struct Extra<'a> {
    /// Files added or extended: changes.csv, moves.csv, wijzigingen.md and .html, the section
    /// of report.md.
    pub files: Files<'a>,
    /// The changes that report.json lists under `changes`; `None` for a plain solve.
    pub changes: &'a dyn Fn(&Schedule) -> Option<Changes>,
}

type Files<'a> = &'a dyn Fn(&Schedule, &mut Vec<(String, Vec<u8>)>) -> anyhow::Result<()>;

fn no_files(_: &Schedule, _: &mut Vec<(String, Vec<u8>)>) -> anyhow::Result<()> {
    Ok(())
}

fn no_changes(_: &Schedule) -> Option<Changes> {
    None
}

impl Extra<'static> {
    /// Nothing added: a plain solve.
    pub(in crate::cli) const NONE: Extra<'static> = Extra {
        files: &no_files,
        changes: &no_changes,
    };
}

/// `--formulation`.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub(super) enum FormulationChoice {
    /// Classes of interchangeable dates: exact and fast.
    Class,
    /// One variable per teacher and dated lesson: the reference.
    Lesson,
    /// Every class given whole by one teacher: a fast restriction whose optimum may be
    /// worse than the true one; never reported as optimal.
    Segment,
}

impl From<FormulationChoice> for solve::Formulation {
    fn from(f: FormulationChoice) -> Self {
        match f {
            FormulationChoice::Class => solve::Formulation::Class,
            FormulationChoice::Lesson => solve::Formulation::Lesson,
            FormulationChoice::Segment => solve::Formulation::Segment,
        }
    }
}

/// What helps when no schedule was found in time, for a program of `variables`, in the
/// terminal's language.
pub(super) fn out_of_depth(backend: Backend, variables: usize, threads: u32) -> Vec<String> {
    let lang = crate::cli::lang::terminal();
    let mut help = Vec::new();
    if backend == Backend::Microlp {
        help.push(match lang {
            Lang::En => format!(
                "microlp, the solver built in, has no heuristics of its own and is slow on large \
                 programs (this one has {variables} variables). HiGHS plans the xl benchmark school \
                 (29,489 variables) within 0.02% of the optimum in about 10 s: build with \
                 `cargo build --release --features highs` (needs cmake and libclang-dev) and use \
                 --solver highs."
            ),
            Lang::Nl => format!(
                "microlp, de ingebouwde solver, heeft geen eigen heuristieken en is traag op grote \
                 programma's (dit heeft {variables} variabelen). HiGHS plant de xl-testschool \
                 (29.489 variabelen) binnen 0,02% van het optimum in ongeveer 10 s: bouw met \
                 `cargo build --release --features highs` (daarvoor zijn cmake en libclang-dev \
                 nodig) en gebruik --solver highs."
            ),
        });
    }
    help.push(
        lang.pick(
            "Geef meer tijd: een langere --time-limit.",
            "Give it more time: a longer --time-limit.",
        )
        .to_string(),
    );
    if threads <= 1 {
        let n = std::thread::available_parallelism().map_or(2, |n| n.get());
        help.push(match lang {
            Lang::En => {
                format!("--threads {n} lets the search re-plan parts of the school side by side.")
            }
            Lang::Nl => format!(
                "Met --threads {n} plant de zoektocht delen van de school naast elkaar opnieuw."
            ),
        });
    }
    help
}

/// `--search`.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub(super) enum SearchChoice {
    /// When the program is too big for the solver (microlp above 20,000 variables).
    Auto,
    On,
    Off,
}

impl From<SearchChoice> for solve::SearchMode {
    fn from(s: SearchChoice) -> Self {
        match s {
            SearchChoice::Auto => solve::SearchMode::Auto,
            SearchChoice::On => solve::SearchMode::On,
            SearchChoice::Off => solve::SearchMode::Off,
        }
    }
}

pub(super) fn status_text(status: &Status) -> String {
    // "gap" in Dutch too, as the spinner and the sweep's log say it.
    let dutch = crate::cli::lang::terminal() == nt2plan::report::Lang::Nl;
    let label = if dutch {
        status.verdict().nl()
    } else {
        status.label()
    };
    match status.gap() {
        Some(g) => format!("{label} (gap {:.4}%)", g * 100.0),
        None => label.to_string(),
    }
}

impl Args {
    /// The settings of `nt2plan replan`: solve's defaults, with what replan lets one choose.
    pub(in crate::cli) fn for_replan(
        instance: PathBuf,
        out: PathBuf,
        solver: SolverChoice,
        time_limit: f64,
        csv_format: crate::cli::CsvFormatChoice,
        report: bool,
    ) -> Args {
        Args {
            instance,
            out: Some(out),
            rules: None,
            solver,
            formulation: FormulationChoice::Class,
            search: SearchChoice::Auto,
            time_limit,
            gap: solve::DEFAULT_GAP,
            seed: 0,
            threads: 1,
            write_model: None,
            verbose: false,
            report,
            csv_format,
            anonymize: false,
            strict: false,
            no_highest: false,
        }
    }
}

/// `settings` with what is left of `deadline` as its time limit.
pub(super) fn within(settings: &Settings, deadline: Deadline) -> Settings {
    Settings {
        time_limit: deadline.left().map(|l| l.as_secs_f64()),
        ..settings.clone()
    }
}

/// With --verbose: how long a step after the solve took.
pub(super) fn timed(verbose: bool, step: &str, since: Instant) {
    if verbose {
        eprintln!("{step}: {:.2} s", since.elapsed().as_secs_f64());
    }
}
