//! Solving the scenarios: one job per scenario, or per line of levels when looking for the
//! breaking point; jobs run in parallel on a rayon pool, each solve single-threaded.

use super::breaking::{self, BreakOn, Line};
use super::expand::Scenario;
use super::file::LoadedSweep;
use super::row::{self, Row, Timing};
use super::spec::Change;
use super::vary::{self, Applied};
use crate::domain::{Instance, RuleSet};
use crate::outcome::Verdict;
pub use crate::outcome::sweep::JobOutput;
use crate::solve::{self, Incumbent, ProgressSink, Settings, Solved};
use crate::validate::against;
use rayon::prelude::*;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::time::{Duration, Instant};

/// Where the solves of a run send their better schedules: the scenario's index and the
/// schedule's figures.
type Improvements = Sender<(usize, Incumbent)>;

/// What the sweep works through, and in which slices.
#[derive(Clone, Debug, PartialEq)]
pub enum Job {
    /// Solve one scenario (by index).
    Scenario(usize),
    /// Bisect one line of levels for its breaking point.
    Line(Line),
}

/// Solves scenarios of one loaded sweep.
pub struct Runner<'a> {
    pub loaded: &'a LoadedSweep,
    pub scenarios: &'a [Scenario],
    pub settings: Settings,
    /// Also solve for the highest reachable certified share (a second solve per scenario).
    pub highest: bool,
    /// Whose temporary maxima `temporary_maxima = true` switches on.
    pub temporary: RuleSet,
}

impl<'a> Runner<'a> {
    /// A runner whose `temporary_maxima = true` switches on the maxima of the built-in
    /// `addendum-2025`.
    pub fn new(
        loaded: &'a LoadedSweep,
        scenarios: &'a [Scenario],
        settings: Settings,
        highest: bool,
    ) -> Runner<'a> {
        let temporary = crate::rules::builtins()
            .into_iter()
            .find(|r| r.name == "addendum-2025")
            .unwrap_or_else(|| loaded.rules.clone());
        Runner {
            loaded,
            scenarios,
            settings,
            highest,
            temporary,
        }
    }

    /// Solves one scenario. A solver failure becomes a row with status `error`, so that one
    /// bad scenario never loses the others. `improved` hears of every better schedule the
    /// first solve finds on its way (the search's, microlp's slices), for a progress log.
    pub fn solve(&self, index: usize, improved: Option<&Improvements>) -> (Row, Timing) {
        let scenario = &self.scenarios[index];
        let l = self.loaded;
        let applied = vary::apply(
            &l.instance,
            &l.rules,
            &l.spec.rule_sets,
            &self.temporary,
            &scenario.change,
            scenario.seed.unwrap_or(0),
        );
        let mut row = row::base(scenario, &applied);
        let started = Instant::now();
        let mut settings = self.settings.clone();
        if let Some(tx) = improved {
            let tx = tx.clone();
            settings.progress = Some(ProgressSink(Arc::new(move |i: &Incumbent| {
                // The run may be over (a worker abandoned at its deadline): nobody listens.
                let _ = tx.send((index, *i));
            })));
        }
        let mut planned = applied.instance.clone();
        match self.plan(scenario, &applied, &settings) {
            Ok((solved, instance)) => {
                row::fill(&mut row, &solved, self.settings.time_limit);
                planned = instance;
            }
            Err(Failure { en, nl }) => {
                row.status = Verdict::Error;
                (row.reason, row.reason_nl) = (en, nl);
            }
        }
        let solve_seconds = started.elapsed().as_secs_f64();
        let started = Instant::now();
        if self.highest && row.status != Verdict::Error {
            if let Ok(Some(best)) =
                solve::highest::highest_share(&planned, &applied.rules, &self.settings)
            {
                let best = row::percent(best.part, best.total);
                // A solve cut off by the time limit may fall short of the first one.
                row.highest_certified_share = match (best, row.certified_share) {
                    (Some(b), Some(r)) => Some(b.max(r)),
                    (b, r) => b.or(r),
                };
            }
        }
        let timing = Timing {
            scenario: row.scenario.clone(),
            index,
            solve_seconds,
            highest_seconds: started.elapsed().as_secs_f64(),
        };
        (row, timing)
    }

    /// The scenario solved, with the instance solved. With a `leave`: the plan of the
    /// scenario without it (the base plan), then `replan` of that plan from the earliest
    /// leave date with the leaving teachers away to the term's end; each solve gets the
    /// time limit. Only the scenario's own plan tells `settings.progress` (the base plan's
    /// costs are another school's).
    pub(super) fn plan(
        &self,
        scenario: &Scenario,
        applied: &Applied,
        settings: &Settings,
    ) -> Result<(Solved, Instance), Failure> {
        let solve_with = |instance: &Instance, rules: &RuleSet, settings: &Settings| {
            solve::solve(instance, rules, settings).map_err(|e| Failure {
                en: e.to_string(),
                nl: e.dutch(),
            })
        };
        let solve = |instance: &Instance, rules: &RuleSet| solve_with(instance, rules, settings);
        let Some(from) = scenario.change.leave.iter().map(|l| l.from).min() else {
            return Ok((
                solve(&applied.instance, &applied.rules)?,
                applied.instance.clone(),
            ));
        };
        let l = self.loaded;
        let without = Change {
            leave: Vec::new(),
            ..scenario.change.clone()
        };
        let base = vary::apply(
            &l.instance,
            &l.rules,
            &l.spec.rule_sets,
            &self.temporary,
            &without,
            scenario.seed.unwrap_or(0),
        );
        let solved = solve_with(&base.instance, &base.rules, &settings.quiet())?;
        let Some((schedule, _)) = &solved.schedule else {
            let verdict = solved.status.verdict();
            return Err(Failure {
                en: format!(
                    "the base plan (without the leave) has no schedule: {}",
                    verdict.en()
                ),
                nl: format!(
                    "het basisplan (zonder het verlof) heeft geen rooster: {}",
                    verdict.nl()
                ),
            });
        };
        let derived = against::frozen(&applied.instance, schedule, from).map_err(|d| {
            d.iter().next().map_or_else(
                || Failure {
                    en: "the base plan cannot be replanned".into(),
                    nl: "het basisplan kan niet opnieuw worden gepland".into(),
                },
                |d| Failure {
                    en: d.to_string(),
                    nl: format!("fout[{}]: {}", d.code(), d.dutch_message()),
                },
            )
        })?;
        Ok((solve(&derived, &applied.rules)?, derived))
    }

    /// Runs one job.
    pub fn job(&self, job: &Job, break_on: BreakOn, improved: Option<&Improvements>) -> JobOutput {
        match job {
            Job::Scenario(i) => {
                let (row, timing) = self.solve(*i, improved);
                JobOutput {
                    rows: vec![row],
                    timings: vec![timing],
                    breaking: None,
                }
            }
            Job::Line(line) => breaking::bisect(line, break_on, |i| self.solve(i, improved)),
        }
    }

    /// Runs `jobs` on `threads` workers; `events` hears of every start and end (with the
    /// job's position in `jobs`) and of every better schedule a solve finds, as it happens.
    /// The output is in the order of `jobs`, whatever order they finish in.
    pub fn run(
        &self,
        jobs: &[Job],
        threads: usize,
        break_on: BreakOn,
        events: &(dyn Fn(Event) + Sync),
    ) -> Result<Vec<JobOutput>, rayon::ThreadPoolBuildError> {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads.max(1))
            .build()?;
        let (tx, rx) = mpsc::channel::<(usize, Incumbent)>();
        let done = AtomicBool::new(false);
        Ok(std::thread::scope(|s| {
            // The solvers report from their own threads; the events are told from this one.
            // It ends when the jobs have: a worker abandoned at its deadline may still hold a
            // sender, so the end of the channel is not waited for.
            let (done, events) = (&done, &events);
            s.spawn(move || {
                let tell = |(index, incumbent): (usize, Incumbent)| {
                    events(Event::Improved(&self.scenarios[index].id, incumbent));
                };
                loop {
                    match rx.recv_timeout(Duration::from_millis(50)) {
                        Ok(message) => tell(message),
                        Err(RecvTimeoutError::Timeout) if !done.load(Ordering::SeqCst) => {}
                        Err(_) => break,
                    }
                }
                rx.try_iter().for_each(tell);
            });
            let outputs = pool.install(|| {
                jobs.par_iter()
                    .with_max_len(1)
                    .enumerate()
                    .map(|(position, job)| {
                        events(Event::Started);
                        let out = self.job(job, break_on, Some(&tx));
                        events(Event::Finished(position, &out));
                        out
                    })
                    .collect()
            });
            done.store(true, Ordering::SeqCst);
            outputs
        }))
    }
}

/// Why a scenario could not be solved, in English (the results' reason) and in Dutch.
#[derive(Debug)]
pub(super) struct Failure {
    en: String,
    nl: String,
}

/// Progress of a run.
pub enum Event<'a> {
    Started,
    /// The job at this position of the jobs run finished.
    Finished(usize, &'a JobOutput),
    /// A solve of this scenario (by id) found a better schedule. Told before the scenario's
    /// job has finished, or soon after; never after [`Runner::run`] returns.
    Improved(&'a str, Incumbent),
}
