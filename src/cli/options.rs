//! `nt2plan options INSTANCE`: single changes a school can make, each measured by a solve.

use super::{Outcome, SolverChoice, check_limits, print_diagnostics};
use nt2plan::output::{self, Replace};
use nt2plan::report::{Lang, options_files};
use nt2plan::rules::RuleChoice;
use nt2plan::solve::Settings;
use nt2plan::validate::load_instance;
use std::path::PathBuf;

/// What would fix it: single changes a school can make, each measured by a solve.
///
/// Chosen from the bottleneck of the school's plan (its schedule, or the plan that breaks the
/// norms least): register a non-certified teacher who teaches; raise a certified teacher's
/// weekly maximum that is reached by one or two; open an optional group that stayed closed
/// while students who fit it have no place; let a group close that has a lesson nobody gives
/// or no certified lesson; one certified teacher more (a vacancy) where the non-certified
/// lessons are. Every change is solved in parallel; ranked by: every norm holds, the
/// shortfall level by level, students placed, the certified share, the easier change.
/// Writes options.csv and options.md. Exit 0.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The instance folder.
    instance: PathBuf,
    /// Output folder for options.csv and options.md [default: out/INSTANCE-NAME-options].
    #[arg(short, long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Use this rule set instead of school.toml's: a built-in name or a TOML file.
    #[arg(long, value_name = "NAME|PATH")]
    rules: Option<RuleChoice>,
    /// The solver.
    #[arg(long, value_enum, default_value = "auto")]
    solver: SolverChoice,
    /// The whole run ends within this many seconds: the school's own plan in up to half
    /// of it, then every change in an equal share of what is left (a change not measured
    /// in time is listed as such).
    #[arg(long, value_name = "SECONDS", default_value_t = nt2plan::solve::DEFAULT_TIME_LIMIT)]
    time_limit: f64,
    /// The layout of options.csv.
    #[arg(long, value_enum, default_value = "excel")]
    csv_format: super::CsvFormatChoice,
}

const OPTIONS: Replace<'static> = Replace::Marked(&["options.csv"]);

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    check_limits(nt2plan::solve::DEFAULT_GAP, Some(args.time_limit))?;
    let loaded = match load_instance(&args.instance, args.rules.as_ref()) {
        Ok(l) => l,
        Err(problems) => {
            print_diagnostics(&problems, true);
            return Ok(Outcome::Error);
        }
    };
    let (instance, rules) = (&loaded.value.instance, &loaded.value.rules);
    let settings = Settings {
        backend: args.solver.backend(),
        time_limit: Some(args.time_limit),
        ..Settings::default()
    };
    let options = nt2plan::options::options(instance, rules, &settings)?;
    let out = args.out.clone().unwrap_or_else(|| {
        let name = args
            .instance
            .file_name()
            .map_or_else(|| "instance".into(), |n| n.to_string_lossy().into_owned());
        PathBuf::from("out").join(format!("{name}-options"))
    });
    let files = [
        (
            "options.csv",
            options_files::options_csv(&options, args.csv_format.into())?.into_bytes(),
        ),
        (
            "options.md",
            options_files::options_md(&options).into_bytes(),
        ),
    ];
    {
        let _writing = super::interrupt::Writing::start();
        output::write_folder(&out, &files, OPTIONS)?;
    }
    match crate::cli::lang::terminal() {
        Lang::En => outln!(
            "{} change(s) tried under {}, best first:",
            options.tried,
            rules.name
        ),
        Lang::Nl => outln!(
            "{} wijziging(en) geprobeerd onder {}, de beste eerst:",
            options.tried,
            rules.name
        ),
    }
    print_rows(&options, usize::MAX);
    match crate::cli::lang::terminal() {
        Lang::En => outln!("Written to {}", out.display()),
        Lang::Nl => outln!("Geschreven naar {}", out.display()),
    }
    Ok(Outcome::Ok)
}

/// The options on the terminal in the planner's language, best first (at most `most` of
/// them), then the changes not measured in time.
pub(super) fn print_rows(options: &nt2plan::options::Options, most: usize) {
    let lang = crate::cli::lang::terminal();
    for r in options.rows.iter().take(most) {
        outln!("  {}", options_files::option_line(r, lang));
    }
    if let Some(line) = options_files::not_measured_line(options, lang) {
        outln!("  {line}");
    }
}
