//! `nt2plan sweep SCENARIOS.toml`: compliance scenarios solved in parallel and compared;
//! `nt2plan sweep merge PARTS...`: the parts of a sharded sweep joined.

mod bar;

use super::{Outcome, SolverChoice, check_limits, print_diagnostics};
use anyhow::Context;
use bar::Bar;
use nt2plan::outcome::Verdict;
use nt2plan::output::{self, Replace};
use nt2plan::report::{sweep_files, sweep_text};
use nt2plan::solve::{self, Backend, Settings};
use nt2plan::sweep::breaking::BreakOn;
use nt2plan::sweep::fingerprint::{Fingerprint, RunOptions};
use nt2plan::sweep::run::{Event, JobOutput, Runner};
use nt2plan::sweep::shard::records::Journal;
use nt2plan::sweep::shard::{self, PartJob, Shard};
use nt2plan::sweep::{self, BreakingInfo, Results, expand, file};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};

#[derive(Clone, Copy, Debug, Default, clap::ValueEnum)]
enum BreakChoice {
    /// No schedule meets every rule.
    #[default]
    Infeasible,
    /// No schedule meets every rule, or more students go without a place than at the first
    /// level.
    Unplaced,
}

/// Compare compliance scenarios: variations of one instance, solved side by side.
///
/// SCENARIOS.toml names a base instance and axes of variation (rule sets and their switches,
/// teachers leaving or cut in hours or getting registered, students added or removed, each
/// as a list or a range of levels). Every combination is solved like `nt2plan solve`, in
/// parallel, checked by the independent checker, and compared in results.csv,
/// results.json, summary.md (Dutch) and SVG charts. Infeasible scenarios are results: their
/// reason is in the table. Exit 0 when the sweep ran, 2 on input errors or when a solve
/// failed.
#[derive(Debug, clap::Args)]
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct Args {
    #[command(subcommand)]
    command: Option<SweepCommand>,
    /// The scenario file (see the README, section Sweeps).
    #[arg(value_name = "SCENARIOS.toml", required = true)]
    scenarios: Option<PathBuf>,
    /// Output folder [default: out/SCENARIO-FILE-NAME]. With --shard, the folder the part
    /// file is written to.
    #[arg(short, long, value_name = "DIR")]
    out: Option<PathBuf>,
    /// Scenarios solved at the same time, each on one thread [default: the number of cores].
    #[arg(short, long, value_name = "N")]
    jobs: Option<usize>,
    /// The solver [default: the scenario file's `solver`, else auto].
    #[arg(long, value_enum)]
    solver: Option<SolverChoice>,
    /// Seconds per solve [default: the scenario file's `time_limit`, else none].
    #[arg(long, value_name = "SECONDS")]
    time_limit: Option<f64>,
    /// Relative gap per solve [default: the scenario file's `gap`, else 0.0001].
    #[arg(long, value_name = "FRACTION")]
    gap: Option<f64>,
    /// Solve only the K-th of N slices of the work and write it as a part file, to be joined
    /// by `nt2plan sweep merge` (for Slurm array jobs and Kubernetes Indexed Jobs). Each
    /// finished job is recorded at once; run the same shard again with the same -o and it
    /// solves only the jobs not recorded.
    #[arg(long, value_name = "K/N")]
    shard: Option<Shard>,
    /// Instead of every scenario, find per line of levels the smallest level at which the
    /// rules can no longer be met, by bisection. `--find-breaking-point=AXIS` names a levels
    /// axis [default: the only levels axis].
    #[arg(
        long,
        value_name = "AXIS",
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = ""
    )]
    find_breaking_point: Option<String>,
    /// When a scenario counts as broken for --find-breaking-point.
    #[arg(long, value_enum, default_value = "infeasible")]
    break_on: BreakChoice,
    /// Skip the second solve per scenario for the highest reachable certified share.
    #[arg(long)]
    no_highest: bool,
    /// Replace teacher and mentor names by their ids in every output (the reasons name
    /// teachers), for results shared beyond the school.
    #[arg(long)]
    anonymize: bool,
}

#[derive(Debug, clap::Subcommand)]
enum SweepCommand {
    Merge(MergeArgs),
}

/// Join the part files of a sharded sweep into the results one run would have written.
#[derive(Debug, clap::Args)]
pub struct MergeArgs {
    /// Part files, or folders holding part-*.json files (and the part-*.records folders of
    /// shards that did not write their part).
    #[arg(required = true, value_name = "PARTS")]
    parts: Vec<PathBuf>,
    /// Output folder.
    #[arg(short, long, value_name = "DIR")]
    out: PathBuf,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    if let Some(SweepCommand::Merge(m)) = args.command {
        return merge(m);
    }
    let Some(path) = args.scenarios.clone() else {
        anyhow::bail!("give a scenario file: nt2plan sweep SCENARIOS.toml");
    };
    let loaded = match file::load(&path) {
        Ok(l) => l,
        Err(problems) => {
            print_diagnostics(&problems, true);
            return Ok(Outcome::Error);
        }
    };
    if !loaded.warnings.is_empty() {
        print_diagnostics(&loaded.warnings, true);
    }
    let mut loaded = loaded.value;
    if args.anonymize {
        loaded.instance = loaded.instance.anonymized();
    }
    let l = &loaded;
    let spec = &l.spec;
    let backend = args
        .solver
        .map(SolverChoice::backend)
        .or(spec.solver)
        .unwrap_or_else(Backend::auto);
    if backend == Backend::Highs && !cfg!(feature = "highs") {
        anyhow::bail!(
            "solver highs is not compiled in; rebuild with `--features highs` or use --solver microlp"
        );
    }
    let gap = args.gap.or(spec.gap).unwrap_or(solve::DEFAULT_GAP);
    let time_limit = args.time_limit.or(spec.time_limit);
    check_limits(gap, time_limit)?;
    let settings = Settings {
        backend,
        time_limit,
        gap,
        threads: 1,
        ..Settings::default()
    };
    let break_on = match args.break_on {
        BreakChoice::Infeasible => BreakOn::Infeasible,
        BreakChoice::Unplaced => BreakOn::Unplaced,
    };
    let breaking_axis = match &args.find_breaking_point {
        None => None,
        Some(name) => Some(level_axis(spec, name)?),
    };
    let scenarios = expand::scenarios(spec);
    let jobs = sweep::jobs(spec, &scenarios, breaking_axis);
    let info = sweep::info(
        l,
        backend.name(),
        &settings,
        scenarios.len(),
        jobs.len(),
        !args.no_highest,
        breaking_axis.map(|a| BreakingInfo {
            axis: spec.axes[a].name.clone(),
            break_on,
        }),
    );
    let runner = Runner::new(l, &scenarios, settings.clone(), !args.no_highest);
    let threads = args.jobs.unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    });
    let default_out = || {
        let stem = path
            .file_stem()
            .map_or_else(|| "sweep".into(), |s| s.to_string_lossy().into_owned());
        PathBuf::from("out").join(stem)
    };
    let out = args.out.clone().unwrap_or_else(default_out);
    let what = if breaking_axis.is_some() {
        "lijnen"
    } else {
        "scenario's"
    };
    let solve = |todo: &[usize], on_finished: &OnFinished<'_>| {
        let selected: Vec<_> = todo.iter().map(|&i| jobs[i].clone()).collect();
        let bar = Bar::new(selected.len(), what, super::lang::terminal());
        let started = std::time::Instant::now();
        let outputs = runner.run(&selected, threads, break_on, &|e| {
            if let Event::Finished(position, output) = &e {
                on_finished(todo[*position], output);
            }
            bar.event(e);
        })?;
        bar.finish();
        let outputs: Vec<(usize, JobOutput)> = todo.iter().copied().zip(outputs).collect();
        let solves: usize = outputs.iter().map(|(_, o)| o.rows.len()).sum();
        let seconds = started.elapsed().as_secs_f64();
        let lang = super::lang::terminal();
        eprintln!(
            "{}",
            sweep_text::solved(solves, backend.name(), seconds, threads, lang)
        );
        anyhow::Ok(outputs)
    };
    if let Some(s) = args.shard {
        let run = RunOptions {
            highest: !args.no_highest,
            breaking: info.breaking_point.as_ref(),
            anonymized: args.anonymize,
        };
        let fingerprint = Fingerprint::of(l, &scenarios, &settings, &run).map_err(|d| {
            print_diagnostics(&nt2plan::diag::Diagnostics(vec![d]), true);
            anyhow::anyhow!("the sweep cannot be fingerprinted")
        })?;
        let journal = Journal::new(&out, fingerprint, info, s);
        return run_shard(&journal, s, jobs.len(), &solve);
    }
    let all: Vec<usize> = (0..jobs.len()).collect();
    let outputs = solve(&all, &|_, _| {})?;
    finish(Results::assemble(info, outputs), &out)
}

/// Hears of each job (by index) as it finishes.
type OnFinished<'a> = dyn Fn(usize, &JobOutput) + Sync + 'a;
/// Solves the jobs of these indices, in parallel; the outputs with their indices.
type SolveJobs<'a> =
    dyn Fn(&[usize], &OnFinished<'_>) -> anyhow::Result<Vec<(usize, JobOutput)>> + 'a;

/// Solves the jobs of one shard that an earlier run did not record, recording each as it
/// finishes, then writes the part file.
fn run_shard(
    journal: &Journal,
    s: Shard,
    jobs: usize,
    solve: &SolveJobs<'_>,
) -> anyhow::Result<Outcome> {
    let resumed = journal.resume();
    let lang = super::lang::terminal();
    if resumed.discarded > 0 {
        eprintln!("{}", sweep_text::discarded(resumed.discarded, lang));
    }
    let todo: Vec<usize> = (0..jobs)
        .filter(|&i| s.has(i) && !resumed.done.contains_key(&i))
        .collect();
    if !resumed.done.is_empty() {
        let (done, left) = (resumed.done.len(), todo.len());
        eprintln!("{}", sweep_text::resuming(s.k, s.n, done, left, lang));
    }
    let failed: Mutex<Option<output::OutputError>> = Mutex::new(None);
    let outputs = solve(&todo, &|job, output| {
        let _writing = super::interrupt::Writing::start();
        if let Err(e) = journal.record(job, output) {
            failed
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .get_or_insert(e);
        }
    })?;
    if let Some(e) = failed.into_inner().unwrap_or_else(PoisonError::into_inner) {
        return Err(anyhow::Error::new(e).context("a finished job could not be recorded"));
    }
    let mut all: Vec<PartJob> = resumed.done.into_values().collect();
    all.extend(outputs.into_iter().map(|(i, o)| PartJob::new(i, o)));
    let part = {
        let _writing = super::interrupt::Writing::start();
        journal.finish(all)?
    };
    outln!(
        "{}",
        sweep_text::part_written(s.k, s.n, journal.part_path(), lang)
    );
    let failed = part
        .jobs
        .iter()
        .flat_map(|j| &j.rows)
        .any(|r| r.status == Verdict::Error);
    Ok(if failed { Outcome::Error } else { Outcome::Ok })
}

fn merge(m: MergeArgs) -> anyhow::Result<Outcome> {
    match shard::merge(&m.parts) {
        Ok(results) => finish(results, &m.out),
        Err(problems) => {
            print_diagnostics(&problems, true);
            Ok(Outcome::Error)
        }
    }
}

/// Writes the results folder and prints the overview.
fn finish(results: Results, out: &Path) -> anyhow::Result<Outcome> {
    let files = sweep_files::files(&results)?;
    {
        let _writing = super::interrupt::Writing::start();
        output::write_folder(out, &files, Replace::Marked(&["results.json"]))?;
    }
    let lang = super::lang::terminal();
    for row in &results.rows {
        outln!("{}", sweep_text::overview_row(row, lang));
    }
    for b in &results.breaking_points {
        outln!("{}", sweep_text::breaking_point(b, lang));
    }
    outln!("{}", sweep_text::results_written(out, lang));
    let errors = results.errors();
    if errors > 0 {
        eprintln!("{}", sweep_text::failed(errors, lang));
        return Ok(Outcome::Error);
    }
    Ok(Outcome::Ok)
}

/// The levels axis to bisect: by name, or the only one.
fn level_axis(spec: &nt2plan::sweep::spec::SweepSpec, name: &str) -> anyhow::Result<usize> {
    let levels: Vec<usize> = (0..spec.axes.len())
        .filter(|&i| spec.axes[i].vary.is_some())
        .collect();
    if name.is_empty() {
        return match levels.as_slice() {
            [one] => Ok(*one),
            [] => anyhow::bail!(
                "--find-breaking-point needs an axis with `vary` and `levels` in the scenario file"
            ),
            _ => anyhow::bail!(
                "the scenario file has several levels axes; name one: --find-breaking-point AXIS"
            ),
        };
    }
    levels
        .into_iter()
        .find(|&i| spec.axes[i].name == name)
        .with_context(|| format!("no levels axis is named \"{name}\""))
}
