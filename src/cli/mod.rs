//! Subcommands, one file each. Raw flags become typed values here; the library never sees
//! them.

/// `print!` that ends the program quietly when stdout is a closed pipe (`nt2plan ... | head`)
/// instead of panicking, as command-line tools do.
macro_rules! out {
    ($($arg:tt)*) => { $crate::cli::write_out(format_args!($($arg)*)) };
}

/// `println!` with the same behaviour on a closed pipe.
macro_rules! outln {
    () => { $crate::cli::write_out(format_args!("\n")) };
    ($($arg:tt)*) => {{ $crate::cli::write_out(format_args!($($arg)*)); $crate::cli::write_out(format_args!("\n")) }};
}

mod check;
mod codes;
mod generate;
mod indicators;
mod init;
pub mod interrupt;
pub mod lang;
mod options;
mod progress;
mod replan;
pub mod report;
mod rules;
mod solve;
mod sweep;
mod validate;

use clap::{Parser, Subcommand};
use nt2plan::diag::{Diagnostics, Loaded};
use nt2plan::domain::Schedule;
use nt2plan::validate::LoadedInstance;
use std::process::ExitCode;

/// Timetables for Dutch NT2 schools under the Keurmerk Inburgeren of Blik op Werk.
#[derive(Debug, Parser)]
#[command(
    name = "nt2plan",
    version,
    long_about = None,
    propagate_version = true,
    after_help = "Exit codes: 0 ok, 1 a norm is violated (or no schedule meets the rules), 2 input or usage error, 3 no schedule within the time limit, 130 interrupted.\n\n\
                  Try: nt2plan check instances/demo instances/demo-schedule"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
    /// The language of the terminal's messages (diagnostics, findings, statuses) and of the
    /// documents. Without it the terminal follows the locale (LC_ALL, LC_MESSAGES, LANG:
    /// nl_* is Dutch, else English) and the documents are Dutch.
    #[arg(long, value_enum, global = true)]
    lang: Option<report::LangChoice>,
}

#[derive(Debug, Subcommand)]
enum Command {
    Solve(solve::Args),
    Replan(replan::Args),
    Init(init::Args),
    Validate(validate::Args),
    Check(check::Args),
    Rules(rules::Args),
    Codes(codes::Args),
    Generate(generate::Args),
    Sweep(sweep::Args),
    Report(report::Args),
    Indicators(indicators::Args),
    Options(options::Args),
}

/// `--csv-format` of the commands that write planner-facing CSV files.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum CsvFormatChoice {
    /// `;` between fields and a UTF-8 BOM: opens in columns when double-clicked in a Dutch
    /// Excel.
    Excel,
    /// `,` between fields, no BOM: for scripts.
    Plain,
}

impl From<CsvFormatChoice> for nt2plan::report::CsvFormat {
    fn from(c: CsvFormatChoice) -> Self {
        match c {
            CsvFormatChoice::Excel => Self::Excel,
            CsvFormatChoice::Plain => Self::Plain,
        }
    }
}

/// The solver a command uses.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
enum SolverChoice {
    /// HiGHS when compiled in (`--features highs`), else microlp.
    Auto,
    Highs,
    Microlp,
}

impl SolverChoice {
    fn backend(self) -> nt2plan::solve::Backend {
        use nt2plan::solve::Backend;
        match self {
            SolverChoice::Auto => Backend::auto(),
            SolverChoice::Highs => Backend::Highs,
            SolverChoice::Microlp => Backend::Microlp,
        }
    }
}

/// The solver limits as the user gave them, or a usage error.
fn check_limits(gap: f64, time_limit: Option<f64>) -> anyhow::Result<()> {
    if !(0.0..1.0).contains(&gap) {
        anyhow::bail!("--gap must be a fraction from 0 to 1, e.g. 0.0001");
    }
    if time_limit.is_some_and(|t| !(t > 0.0 && t.is_finite())) {
        anyhow::bail!("--time-limit must be a positive number of seconds");
    }
    Ok(())
}

/// An instance and a schedule folder read against it, or the problems printed and exit 2.
/// With `json`, the problems also go to stdout as `{"ok": false, "diagnostics": [...]}`, so
/// that a program reading the output gets JSON either way.
fn load_judged(
    instance: &std::path::Path,
    schedule: &std::path::Path,
    rules: Option<&nt2plan::rules::RuleChoice>,
    json: bool,
) -> Result<(Loaded<LoadedInstance>, Loaded<Schedule>), Outcome> {
    let refuse = |problems: Diagnostics| {
        print_diagnostics(&problems, true);
        if json {
            // Only a closed stdout can fail here; the exit code says it all then.
            let _ = print_json(&serde_json::json!({ "ok": false, "diagnostics": problems }));
        }
        Outcome::Error
    };
    let loaded = nt2plan::validate::load_instance(instance, rules).map_err(refuse)?;
    let (i, r) = (&loaded.value.instance, &loaded.value.rules);
    let schedule = nt2plan::validate::load_schedule(schedule, i, r).map_err(refuse)?;
    Ok((loaded, schedule))
}

/// How a run ended, as the process exit code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// 0: everything fine.
    Ok,
    /// 1: the schedule violates a norm (or, later, the instance is infeasible).
    Violations,
    /// 2: the input could not be used.
    Error,
    /// 3: no schedule was found within the time limit (which proves nothing about the rules).
    NoScheduleInTime,
}

impl From<Outcome> for ExitCode {
    fn from(o: Outcome) -> ExitCode {
        ExitCode::from(match o {
            Outcome::Ok => 0,
            Outcome::Violations => 1,
            Outcome::Error => 2,
            Outcome::NoScheduleInTime => 3,
        })
    }
}

pub fn run(cli: Cli) -> anyhow::Result<Outcome> {
    lang::set(cli.lang);
    match cli.command {
        Command::Solve(a) => solve::run(a),
        Command::Replan(a) => replan::run(a),
        Command::Init(a) => init::run(a),
        Command::Validate(a) => validate::run(a),
        Command::Check(a) => check::run(a),
        Command::Rules(a) => rules::run(a),
        Command::Codes(a) => codes::run(a),
        Command::Generate(a) => generate::run(a),
        Command::Sweep(a) => sweep::run(a),
        Command::Report(a) => report::run(a),
        Command::Indicators(a) => indicators::run(a),
        Command::Options(a) => options::run(a),
    }
}

/// Writes to stdout; on a closed pipe the program ends quietly with exit code 0.
pub fn write_out(args: std::fmt::Arguments<'_>) {
    use std::io::Write;
    if let Err(e) = std::io::stdout().lock().write_fmt(args)
        && e.kind() == std::io::ErrorKind::BrokenPipe
    {
        std::process::exit(0);
    }
}

/// Prints diagnostics for a person: each with code, place, cause and fix, then a count.
fn print_diagnostics(ds: &Diagnostics, to_stderr: bool) {
    let text = nt2plan::report::diag_text::render_all(ds, lang::terminal());
    if to_stderr {
        eprint!("{text}");
    } else {
        out!("{text}");
    }
}

/// Prints a value as pretty JSON on stdout.
fn print_json<T: serde::Serialize>(value: &T) -> anyhow::Result<()> {
    outln!("{}", serde_json::to_string_pretty(value)?);
    Ok(())
}
