//! `nt2plan check INSTANCE SCHEDULE`: the independent judge of a timetable.

use super::{Outcome, load_judged, print_diagnostics, print_json};
use nt2plan::check::check;
use nt2plan::report::check_text;
use nt2plan::rules::RuleChoice;
use std::path::PathBuf;

/// Judge a schedule against the norms of the rule set, as an auditor would.
///
/// Reads a schedule folder (timetable.csv, placements.csv, mentoring.csv, observations.csv),
/// or the timetable.xlsx that `report` writes after a planner's edit, and re-derives
/// every number from it: certified share (1.7.1a), certified lessons per course (1.7.1b),
/// group sizes and exception 2 (2.2.1), supervision of non-certified teachers, soundness,
/// and the data for the declaration (Bijlage 1). With --against CURRENT --from DATE it judges
/// a replan: nothing before DATE may differ from CURRENT (C162).
/// Exit 0 when compliant, 1 when a norm is violated, 2 on input errors.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The instance folder, or an instance workbook (.xlsx).
    instance: PathBuf,
    /// The schedule folder to judge, or a timetable.xlsx (its problems name sheet and cell).
    schedule: PathBuf,
    /// Judge under this rule set instead of school.toml's: a built-in name or a TOML file.
    #[arg(long, value_name = "NAME|PATH")]
    rules: Option<RuleChoice>,
    /// Print the full report as JSON (for machines) instead of the summary, with the input's
    /// warnings under "diagnostics". On input errors (exit 2) it prints
    /// {"ok": false, "diagnostics": [...]}.
    #[arg(long)]
    json: bool,
    /// The schedule folder a replan replaced: also verify that every lesson before --from is
    /// given exactly as there (C162), and judge SCHEDULE as the replan's (the history stands
    /// even where the instance would no longer allow it).
    #[arg(long, value_name = "CURRENT", requires = "from")]
    against: Option<PathBuf>,
    /// With --against: the replan's date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", requires = "against")]
    from: Option<chrono::NaiveDate>,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let (loaded, schedule) = match load_judged(
        &args.instance,
        &args.schedule,
        args.rules.as_ref(),
        args.json,
    ) {
        Ok(both) => both,
        Err(outcome) => return Ok(outcome),
    };
    let (mut instance, rules) = (&loaded.value.instance, &loaded.value.rules);
    let derived;
    if let (Some(current), Some(from)) = (&args.against, args.from) {
        derived = match super::replan::frozen_instance(instance, rules, current, from) {
            Ok((d, _)) => d,
            Err(outcome) => return Ok(outcome),
        };
        instance = &derived;
    }
    let report = match check(instance, rules, &schedule.value) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{}", check_text::error_in(&e, super::lang::terminal()));
            return Ok(Outcome::Error);
        }
    };
    let mut warnings = loaded.warnings;
    warnings.extend(schedule.warnings);
    if args.json {
        // The report, and beside it the warnings about the input files.
        let mut json = serde_json::to_value(&report)?;
        if let Some(fields) = json.as_object_mut() {
            fields.insert("diagnostics".into(), serde_json::to_value(&warnings)?);
        }
        print_json(&json)?;
    } else {
        if !warnings.is_empty() {
            print_diagnostics(&warnings, true);
        }
        out!(
            "{}",
            check_text::render_in(&report, super::lang::terminal())
        );
    }
    Ok(if report.compliant {
        Outcome::Ok
    } else {
        Outcome::Violations
    })
}
