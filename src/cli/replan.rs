//! `nt2plan replan INSTANCE CURRENT --from DATE`: the term re-planned from a date on with the
//! least change, the history before it kept exactly.

use super::{Outcome, SolverChoice, check_limits, print_diagnostics};
use chrono::NaiveDate;
use nt2plan::check::{ChangeKind, changes};
use nt2plan::domain::{Instance, RuleSet};
use nt2plan::report::{calendar, changes_files, wijzigingen};
use nt2plan::rules::RuleChoice;
use nt2plan::validate::{against, load_instance, load_replaced};
use std::path::{Path, PathBuf};

/// Re-plan a running term from a date on, changing as little as possible.
///
/// INSTANCE is the school's data as it is now (an ill teacher's unavailability added, a
/// teacher who left with an unavailability to the end of the term, students added or
/// removed, a group's end moved); CURRENT is the schedule folder being replaced. Every lesson
/// dated before --from stays exactly as in CURRENT (teacher, time, location), even where
/// INSTANCE would no longer allow it, and counts for the norms over the whole term (the
/// certified share, 1.7.1b, mentoring, group sizes). From --from on the usual objective is
/// minimized plus `changed_lesson` per lesson given by another teacher than in CURRENT and
/// `moved_student` per student of CURRENT placed elsewhere or nowhere (school.toml
/// [weights]; defaults 20 and 500); with rooms.csv a history lesson keeps its room too, and
/// `changed_room` (default 5) is paid per lesson from --from on in another room, each
/// listed in room_changes.csv. Writes the schedule folder of `solve` plus changes.csv
/// (every lesson given otherwise, forced or chosen), moves.csv (every student moved),
/// wijzigingen.md and .html (per teacher the lessons gained and lost, per group the new
/// faces, per student a move, forced and chosen apart) and a section Wijzigingen in
/// report.md. With --report the calendars keep each lesson's UID, raise the SEQUENCE of a
/// lesson given by another teacher above CURRENT's calendars, and cancel it in the old
/// teacher's file. The result passes `nt2plan check INSTANCE OUT --against
/// CURRENT --from DATE`. Exit codes as `solve`: 0 schedule written, 1 no schedule meets the
/// rules (the plan that breaks them least is written), 2 input error (also E417: --from
/// outside the term; E418: CURRENT's history cannot stand in INSTANCE), 3 no schedule in time.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The instance folder, as edited.
    instance: PathBuf,
    /// The schedule folder being replaced (timetable.csv, placements.csv).
    current: PathBuf,
    /// The first day that may change (YYYY-MM-DD, a day of the term); everything before it
    /// is history.
    #[arg(long, value_name = "DATE")]
    from: NaiveDate,
    /// Output folder [default: out/INSTANCE-NAME-replan]. Not CURRENT: the history must stay.
    #[arg(short, long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Use this rule set instead of school.toml's: a built-in name or a TOML file.
    #[arg(long, value_name = "NAME|PATH")]
    rules: Option<RuleChoice>,
    /// The solver.
    #[arg(long, value_enum, default_value = "auto")]
    solver: SolverChoice,
    /// The whole run ends within this many seconds, as for `solve`.
    #[arg(long, value_name = "SECONDS", default_value_t = nt2plan::solve::DEFAULT_TIME_LIMIT)]
    time_limit: f64,
    /// The layout of the CSV files written (changes.csv and moves.csv too).
    #[arg(long, value_enum, default_value = "excel")]
    csv_format: super::CsvFormatChoice,
    /// Also write the documents of `nt2plan report` into the output folder.
    #[arg(long)]
    report: bool,
}

/// The edited instance with CURRENT's history frozen in, or the problems printed (exit 2).
pub(super) fn frozen_instance(
    edited: &Instance,
    rules: &RuleSet,
    current: &Path,
    from: NaiveDate,
) -> Result<(Instance, nt2plan::domain::Schedule), Outcome> {
    let refuse = |problems: nt2plan::diag::Diagnostics| {
        print_diagnostics(&problems, true);
        Outcome::Error
    };
    let replaced = load_replaced(current, edited, rules).map_err(refuse)?;
    let derived = against::frozen(edited, &replaced.value, from).map_err(refuse)?;
    Ok((derived, replaced.value))
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let started = std::time::Instant::now();
    check_limits(nt2plan::solve::DEFAULT_GAP, Some(args.time_limit))?;
    let out = args.out.clone().unwrap_or_else(|| {
        let name = args
            .instance
            .file_name()
            .map_or_else(|| "schedule".into(), |n| n.to_string_lossy().into_owned());
        PathBuf::from("out").join(format!("{name}-replan"))
    });
    if let (Ok(a), Ok(b)) = (out.canonicalize(), args.current.canonicalize())
        && a == b
    {
        anyhow::bail!(
            "-o {} is CURRENT: write the replan to another folder, CURRENT holds the history",
            out.display()
        );
    }
    let loaded = match load_instance(&args.instance, args.rules.as_ref()) {
        Ok(l) => l,
        Err(problems) => {
            print_diagnostics(&problems, true);
            return Ok(Outcome::Error);
        }
    };
    if !loaded.warnings.is_empty() {
        print_diagnostics(&loaded.warnings, true);
    }
    let rules = &loaded.value.rules;
    let (derived, current) =
        match frozen_instance(&loaded.value.instance, rules, &args.current, args.from) {
            Ok(both) => both,
            Err(outcome) => return Ok(outcome),
        };
    let history = current
        .timetable
        .iter()
        .filter(|r| r.date < args.from)
        .count();
    match super::lang::terminal() {
        nt2plan::report::Lang::En => eprintln!(
            "replan from {}: {history} lesson(s) before it kept as in {}",
            args.from,
            args.current.display()
        ),
        nt2plan::report::Lang::Nl => eprintln!(
            "herplannen vanaf {}: {history} les(sen) daarvoor blijven zoals in {}",
            args.from,
            args.current.display()
        ),
    }
    // The calendars' SEQUENCE numbers go on from CURRENT's (W508 when one cannot be read).
    let mut warnings = nt2plan::diag::Diagnostics::default();
    let before = nt2plan::input::calendars::sequences(&args.current, &mut warnings);
    if !warnings.is_empty() {
        print_diagnostics(&warnings, true);
    }
    let extra = |schedule: &nt2plan::domain::Schedule,
                 files: &mut Vec<(String, Vec<u8>)>|
     -> anyhow::Result<()> {
        let changes = changes(&derived, &current, schedule);
        files.push((
            "changes.csv".into(),
            changes_files::changes_csv(&changes, args.csv_format.into())?.into_bytes(),
        ));
        files.push((
            "moves.csv".into(),
            changes_files::moves_csv(&changes, args.csv_format.into())?.into_bytes(),
        ));
        if derived.has_rooms() {
            files.push((
                "room_changes.csv".into(),
                changes_files::room_changes_csv(&changes, args.csv_format.into())?.into_bytes(),
            ));
        }
        let lang = super::lang::documents();
        files.push((
            "wijzigingen.md".into(),
            wijzigingen::wijzigingen_md(&derived, &current, &changes, lang).into_bytes(),
        ));
        files.push((
            "wijzigingen.html".into(),
            wijzigingen::wijzigingen_html(&derived, &current, &changes, lang).into_bytes(),
        ));
        if args.report {
            let revision = calendar::Revision {
                changes: &changes,
                before: &before,
            };
            files.retain(|(name, _)| !name.starts_with("calendars/"));
            let calendars = calendar::replan_calendars(&derived, schedule, lang, revision)?;
            files.extend(calendars.into_iter().map(|(n, t)| (n, t.into_bytes())));
        }
        if let Some((_, md)) = files.iter_mut().find(|(name, _)| name == "report.md") {
            md.extend(changes_files::markdown(&changes).into_bytes());
        }
        outln!(
            "Changes from {}: {} lesson(s) ({} forced, {} chosen), {} student(s) moved ({} forced, {} chosen)",
            args.from,
            changes.lessons.len(),
            changes.lessons_of(ChangeKind::Forced),
            changes.lessons_of(ChangeKind::Chosen),
            changes.students.len(),
            changes.students_of(ChangeKind::Forced),
            changes.students_of(ChangeKind::Chosen),
        );
        Ok(())
    };
    let settings = super::solve::Args::for_replan(
        args.instance.clone(),
        out,
        args.solver,
        args.time_limit,
        args.csv_format,
        args.report,
    );
    let changed =
        |schedule: &nt2plan::domain::Schedule| Some(changes(&derived, &current, schedule));
    let extra = super::solve::Extra {
        files: &extra,
        changes: &changed,
    };
    super::solve::run_on(&settings, &derived, rules, &extra, started)
}
