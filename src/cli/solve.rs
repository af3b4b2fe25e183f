//! `nt2plan solve INSTANCE`: one integer program that staffs every lesson and places every
//! student inside the norms, verified by the independent checker before it is written.

use super::progress::{self, Progress};
use super::{Outcome, SolverChoice, check_limits, print_diagnostics};
use anyhow::Context;
use nt2plan::model::write::{self as model_file, Format};
use nt2plan::output::{self, Replace};
use nt2plan::report::changes_files::ChangesSection;
use nt2plan::report::documents::{Beside, documents};
use nt2plan::report::{Lang, check_text, progress_text, schedule_files, solve_report};
use nt2plan::rules::RuleChoice;
use nt2plan::solve::{self, Backend, Deadline, Settings, Status};
use nt2plan::validate::load_instance;
use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Instant;

mod best;
mod choices;

use choices::{FormulationChoice, SearchChoice, out_of_depth, status_text, timed, within};

/// An earlier folder at `-o` is replaced only when it holds one of these: nt2plan wrote it (a
/// solve that found no schedule in time writes report.json only).
const SCHEDULE: Replace<'static> = Replace::Marked(&["timetable.csv", "report.json"]);

/// Build a term timetable: teachers for every lesson, students in groups, mentors.
///
/// One mixed-integer program staffs every lesson of every running group, places as many
/// students as possible, keeps the certified share, the certified lesson per course and
/// the group sizes within the rule set, prefers the standard group maxima, and gives every
/// non-certified teacher a mentor. The schedule is judged by the independent checker before
/// it is written. The optimum is that of the exact problem, in which every dated lesson may
/// have its own teacher; statuses and gaps are counted from the schedule written. Exit 0 with
/// a schedule, 1 when no schedule meets the rules (with the reasons), 2 on input errors
/// (nothing written), 3 when no schedule was found within the time limit; without a schedule
/// report.json (with the status, and the diagnosis for 1) and report.md are written all the
/// same.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The instance folder.
    instance: PathBuf,
    /// Output folder for timetable.csv, placements.csv, mentoring.csv, report.md and
    /// report.json [default: out/INSTANCE-NAME]. An earlier schedule there is replaced only
    /// once the new one is complete.
    #[arg(short, long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Use this rule set instead of school.toml's: a built-in name or a TOML file.
    #[arg(long, value_name = "NAME|PATH")]
    rules: Option<RuleChoice>,
    /// The solver.
    #[arg(long, value_enum, default_value = "auto")]
    solver: SolverChoice,
    /// The program: `class` decides per class of interchangeable dates and is exact (the
    /// optimum of the per-lesson problem); `lesson` has one variable per teacher and dated
    /// lesson, the reference it is tested against (much slower).
    #[arg(long, value_enum, default_value = "class")]
    formulation: FormulationChoice,
    /// Improve the first schedule by large neighbourhood search: re-plan one part of the
    /// school at a time exactly (a location, a profile, the weakest groups, a few teachers)
    /// and keep what is cheaper. `auto` searches when the whole program is too big for the
    /// solver to find good schedules fast (microlp above 20,000 variables); the full program
    /// then gets what time is left.
    #[arg(long, value_enum, default_value = "auto")]
    search: SearchChoice,
    /// The whole run ends within this many seconds, with the best schedule found: the
    /// solve, and when no schedule meets the rules, the diagnosis, the plan that breaks the
    /// norms least and the options (what would fix it) in what the solve leaves. The
    /// highest reachable share gets what is left.
    #[arg(long, value_name = "SECONDS", default_value_t = solve::DEFAULT_TIME_LIMIT)]
    time_limit: f64,
    /// Stop when the best schedule is proven within this relative gap of the optimum.
    #[arg(long, value_name = "FRACTION", default_value_t = solve::DEFAULT_GAP)]
    gap: f64,
    /// Seed for the solver's random choices; the same input and seed give the same files.
    #[arg(long, default_value_t = 0)]
    seed: u64,
    /// Threads for HiGHS, and neighbourhoods of the search solved side by side (microlp
    /// uses one thread per program).
    #[arg(long, default_value_t = 1)]
    threads: u32,
    /// Also write the integer program to FILE (.lp or .mps) for another solver.
    #[arg(long, value_name = "FILE")]
    write_model: Option<PathBuf>,
    /// Show the solver's log.
    #[arg(short, long)]
    verbose: bool,
    /// Also write the documents of `nt2plan report` into the output folder: index.html,
    /// calendars/, timetable.xlsx, verklaring.md/.html and begeleiding/.
    #[arg(long)]
    report: bool,
    /// The layout of timetable.csv, placements.csv, mentoring.csv, observations.csv and
    /// options.csv; `check` reads either.
    #[arg(long, value_enum, default_value = "excel")]
    csv_format: super::CsvFormatChoice,
    /// Replace teacher and mentor names by their ids in every output, for documents shared
    /// beyond the school's planners (students are ids only anyway).
    #[arg(long)]
    anonymize: bool,
    /// When no schedule meets every norm, write no plan (exit 1 with the reasons only).
    /// Without it, solve writes the plan that breaks the norms least, marked NOT COMPLIANT
    /// (exit 1 all the same).
    #[arg(long)]
    strict: bool,
    /// Skip the second solve for the highest reachable certified share (shown beside the
    /// share reached otherwise).
    #[arg(long)]
    no_highest: bool,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    // The time limit counts from here: reading the instance is part of the run.
    let started = Instant::now();
    check_limits(args.gap, Some(args.time_limit))?;
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
    let instance = &if args.anonymize {
        loaded.value.instance.anonymized()
    } else {
        loaded.value.instance.clone()
    };
    run_on(&args, instance, &loaded.value.rules, &Extra::NONE, started)
}

pub(super) use choices::Extra;

/// Solves `instance` (read and checked) as `args` say and writes the folder; the time limit
/// counts from `started`, the start of the run (reading the instance is part of it).
pub(super) fn run_on(
    args: &Args,
    instance: &nt2plan::domain::Instance,
    rules: &nt2plan::domain::RuleSet,
    extra: &Extra<'_>,
    started: Instant,
) -> anyhow::Result<Outcome> {
    let deadline = Deadline::after(started, Some(args.time_limit));
    let backend = args.solver.backend();
    let on_terminal = std::io::stderr().is_terminal();
    let formulation = args.formulation.into();
    let mut settings = Settings {
        backend,
        formulation,
        search: args.search.into(),
        time_limit: Some(args.time_limit),
        gap: args.gap,
        seed: args.seed,
        threads: args.threads,
        verbose: args.verbose,
        log_file: None,
        progress: None,
        diagnose: true,
    };
    if let Some(path) = &args.write_model {
        let format = Format::of_path(path).with_context(|| {
            format!(
                "--write-model {}: the file name must end in .lp or .mps",
                path.display()
            )
        })?;
        let model = solve::build_model(instance, rules, &settings);
        let text = model_file::to_string(&model.mip, &instance.school.name, format)?;
        // "cannot write PATH: why" when it fails.
        output::write_file(path, text.as_bytes())?;
        let wrote = super::lang::terminal().pick(
            "het geheeltallige programma is geschreven naar",
            "wrote the integer program to",
        );
        eprintln!("{wrote} {}", path.display());
    }
    let log = (on_terminal && backend == Backend::Highs && !args.verbose)
        .then(progress::log_file)
        .flatten();
    settings.log_file = log.as_ref().map(|l| l.path().to_path_buf());
    let progress = Progress::start(backend, log, super::lang::terminal());
    settings.progress = progress.sink();
    let solving = Instant::now();
    let solved = solve::solve(instance, rules, &within(&settings, deadline));
    progress.stop();
    let solved = solved?;
    eprintln!(
        "{}",
        progress_text::solved_line(
            &instance.school.name,
            &solved.stats,
            (
                solved.build_time.as_secs_f64(),
                solved.solve_time.as_secs_f64()
            ),
            backend.name(),
            &status_text(&solved.status),
            super::lang::terminal(),
        )
    );
    let after_solve = solving.elapsed();
    let quiet = Settings {
        progress: None,
        log_file: None,
        ..settings.clone()
    };
    // When no schedule meets the rules (unless --strict): the plan that breaks the norms
    // least, in up to 60% of what the solve left; the options get what is left after the
    // highest reachable share, which gets a fifth of what the plan leaves (on the medium
    // school with every second certified teacher unregistered it used 98 s of a third).
    let infeasible = matches!(solved.status, Status::Infeasible { .. });
    let mut plan_cut_off = false;
    let planned = if infeasible && !args.strict {
        let phase = Instant::now();
        let until = deadline.share(0.6);
        let p = best::plan(instance, rules, &within(&quiet, until))?;
        plan_cut_off = p.is_none() && until.passed();
        timed(args.verbose, "the plan that breaks the norms least", phase);
        p
    } else {
        None
    };
    // The highest reachable certified share, beside the share reached, in every report: a
    // second solve in what is left of the time limit (a fifth of it before the options).
    let highest = match &solved.status {
        Status::NoScheduleInTime => None,
        _ if args.no_highest => None,
        _ => {
            let phase = Instant::now();
            let until = if planned.is_some() {
                deadline.share(0.2)
            } else {
                deadline
            };
            let h = solve::highest::highest_share(instance, rules, &within(&quiet, until))?;
            timed(args.verbose, "the highest reachable share", phase);
            h
        }
    };
    let out = args.out.clone().unwrap_or_else(|| {
        let name = args
            .instance
            .file_name()
            .map_or_else(|| "schedule".into(), |n| n.to_string_lossy().into_owned());
        PathBuf::from("out").join(name)
    });
    // Never below the share of the plan written.
    let highest_beside = |reached: Option<&nt2plan::check::CheckReport>| match reached {
        Some(c) => Some(solve::highest::at_least(
            highest.as_ref(),
            &c.totals.certified_share,
        )),
        None => highest.clone(),
    };
    let report_of = |check, best_effort, highest, options, changes| solve_report::SolveReport {
        format_version: solve_report::REPORT_FORMAT_VERSION,
        school: &instance.school.name,
        rules: &rules.name,
        solver: backend,
        seed: args.seed,
        formulation,
        status: &solved.status,
        objective: solved.objective,
        bound: solved.bound,
        weights: instance.school.weights,
        model: solved.stats,
        refinements: solved.refinements,
        search: solved.search.as_ref(),
        check,
        best_effort,
        highest_certified_share: highest,
        options,
        changes,
    };
    let report_files = |report: &solve_report::SolveReport<'_>| -> anyhow::Result<_> {
        Ok(vec![
            (
                "report.json".to_string(),
                solve_report::json(report)?.into_bytes(),
            ),
            (
                "report.md".to_string(),
                solve_report::markdown(instance, rules, report).into_bytes(),
            ),
        ])
    };
    // The report (status, the program's size, and the diagnosis when no schedule meets the
    // rules) is written with every outcome, with the schedule when there is one.
    let reached = solved.schedule.as_ref().map(|(_, c)| c);
    let highest_now = highest_beside(reached);
    let changes_now = solved
        .schedule
        .as_ref()
        .and_then(|(s, _)| (extra.changes)(s));
    let report = report_of(
        reached,
        None,
        highest_now.as_ref(),
        None,
        changes_now.as_ref().map(ChangesSection::of),
    );
    let report_files_now = report_files(&report)?;
    let write = |files: &[(String, Vec<u8>)]| -> anyhow::Result<()> {
        let _writing = super::interrupt::Writing::start();
        output::write_folder(&out, files, SCHEDULE)?;
        Ok(())
    };
    let Some((schedule, check)) = &solved.schedule else {
        if let Status::Infeasible { diagnosis } = &solved.status {
            // What would help, each change measured by a plan of the changed school, all by
            // the deadline.
            let planned = match planned {
                Some(p) => {
                    let phase = Instant::now();
                    let o = best::options(instance, rules, &p, &quiet, deadline)?;
                    timed(args.verbose, "the options", phase);
                    Some((p, o))
                }
                None => None,
            };
            match &planned {
                Some((p, options)) => {
                    let highest = highest_beside(Some(&p.report));
                    let changed = (extra.changes)(&p.schedule);
                    let report = report_of(
                        Some(&p.report),
                        Some(&p.best_effort),
                        highest.as_ref(),
                        Some(options),
                        changed.as_ref().map(ChangesSection::of),
                    );
                    let layout = best::Layout {
                        csv: args.csv_format.into(),
                        documents: args.report.then_some(super::lang::documents()),
                    };
                    let mut files = best::files(
                        instance,
                        rules,
                        p,
                        report_files(&report)?,
                        layout,
                        highest.as_ref(),
                        options,
                    )?;
                    (extra.files)(&p.schedule, &mut files)?;
                    write(&files)?;
                }
                None => write(&report_files_now)?,
            }
            best::print_diagnosis(rules, diagnosis);
            match &planned {
                Some((p, options)) => {
                    best::print(p, options, &out);
                    best::print_highest(highest_beside(Some(&p.report)).as_ref());
                }
                None if args.strict => match super::lang::terminal() {
                    Lang::En => outln!("The report is in {}.", out.display()),
                    Lang::Nl => outln!("Het verslag staat in {}.", out.display()),
                },
                None if plan_cut_off => {
                    match super::lang::terminal() {
                        Lang::En => outln!(
                            "No plan that breaks the norms least was found in its part of the time \
                             limit ({} s in all). The report is in {}.",
                            args.time_limit,
                            out.display()
                        ),
                        Lang::Nl => outln!(
                            "Binnen zijn deel van de tijdslimiet ({} s in totaal) is geen plan \
                             gevonden dat de normen het minst breekt. Het verslag staat in {}.",
                            args.time_limit,
                            out.display()
                        ),
                    }
                    for line in out_of_depth(backend, solved.stats.variables, args.threads) {
                        outln!("  - {line}");
                    }
                }
                // The school's own limits leave no plan at all, even breaking the norms: a
                // group's min_size out of reach, a pinned group too full (the diagnosis says).
                None => match super::lang::terminal() {
                    Lang::En => outln!(
                        "Not even a plan that breaks the norms exists: see the reasons above. The \
                         report is in {}.",
                        out.display()
                    ),
                    Lang::Nl => outln!(
                        "Er is zelfs geen plan dat de normen breekt: zie de redenen hierboven. \
                         Het verslag staat in {}.",
                        out.display()
                    ),
                },
            }
            return Ok(Outcome::Violations);
        }
        write(&report_files_now)?;
        // No schedule in time proves nothing about the rules: its own exit code.
        match super::lang::terminal() {
            Lang::En => outln!(
                "No schedule was found within the time limit ({} s; stopped after {:.1} s). The \
                 report is in {}.",
                args.time_limit,
                after_solve.as_secs_f64(),
                out.display()
            ),
            Lang::Nl => outln!(
                "Binnen de tijdslimiet ({} s; gestopt na {:.1} s) is geen rooster gevonden. Het \
                 verslag staat in {}.",
                args.time_limit,
                after_solve.as_secs_f64(),
                out.display()
            ),
        }
        for line in out_of_depth(backend, solved.stats.variables, args.threads) {
            outln!("  - {line}");
        }
        return Ok(Outcome::NoScheduleInTime);
    };
    let mut files: Vec<(String, Vec<u8>)> =
        schedule_files::csv_files(instance, schedule, args.csv_format.into())?
            .into_iter()
            .map(|(name, text)| (name, text.into_bytes()))
            .collect();
    files.extend(report_files_now);
    if args.report {
        files.extend(documents(
            instance,
            rules,
            schedule,
            check,
            super::lang::documents(),
            Beside {
                highest: highest_now.as_ref(),
                options: None,
            },
        )?);
    }
    (extra.files)(schedule, &mut files)?;
    write(&files)?;
    out!("{}", check_text::render_in(check, super::lang::terminal()));
    best::print_highest(highest_now.as_ref());
    match super::lang::terminal() {
        Lang::En => outln!("Schedule written to {}", out.display()),
        Lang::Nl => outln!("Rooster geschreven naar {}", out.display()),
    }
    Ok(Outcome::Ok)
}
