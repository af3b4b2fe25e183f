//! Large neighbourhood search: better schedules early, for schools whose full program is
//! too big to solve in the time there is.
//!
//! From a schedule already checked (the incumbent), a round re-plans one part of it
//! exactly: the program with every variable outside the neighbourhood fixed to the
//! incumbent's value ([`crate::model::Restricted`]), solved to optimality, its dates placed
//! and the result judged by the checker like every schedule. The cost is counted from the
//! schedule; a schedule is taken only when it costs less, so the search never returns
//! anything worse than its start and never anything the checker rejects. Since the
//! incumbent is a solution of every sub-program (its values are a start), a sub-program is
//! never worse than it.
//!
//! The kinds of neighbourhood take turns (see [`neighbourhood`]); with `--threads N`, N of
//! them are solved side by side against the same incumbent and the cheapest result is taken
//! (the first of equal ones), so the result depends on the seed and N, not on which thread
//! is faster. A neighbourhood that solves to optimality grows the next ones, one cut off by
//! its time shrinks them. The search ends at the deadline, when a bound proves the incumbent
//! optimal or within the gap asked for, or when four turns of every kind found nothing
//! better (a local optimum for these neighbourhoods).

mod free;
mod neighbourhood;

use super::found::{Found, found, proves, relative_gap};
use super::{Deadline, Incumbent, Searched, Settings, SolveError, Termination, backend, dates};
use crate::domain::{Instance, RuleSet};
use crate::model::{self, Model};
use neighbourhood::{Ground, Kind};
use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;
use std::time::{Duration, Instant};

/// Neighbourhoods in a row that find nothing better before the search ends: four turns of
/// every kind, each at a different size.
const IDLE_ROUNDS: usize = 4 * Kind::ALL.len();

/// How long one neighbourhood may take: a twentieth of the limit, at least 2 s; 20 s
/// without a limit.
fn per_round(deadline: Deadline) -> Duration {
    deadline.left().map_or(Duration::from_secs(20), |left| {
        (left / 20).max(Duration::from_secs(2))
    })
}

pub(super) struct Search<'a> {
    pub instance: &'a Instance,
    pub rules: &'a RuleSet,
    pub model: &'a Model,
    pub settings: &'a Settings,
    /// A bound valid for the exact problem, when one is known.
    pub bound: Option<f64>,
    /// Whether every weight is whole (see [`proves`]).
    pub whole: bool,
    /// The fewest variables a neighbourhood frees ([`SMALLEST`]; tests use fewer, so that
    /// tiny schools are re-planned in parts).
    pub smallest: usize,
    /// When the solve began: the times the search prints count from it.
    pub since: Instant,
}

/// The fewest variables a neighbourhood frees: below this a round costs more in setting up
/// than it can find.
pub const SMALLEST: usize = 100;

impl Search<'_> {
    /// Improves `best` until the deadline or until the search ends by itself.
    pub fn run(
        &self,
        mut best: Found,
        deadline: Deadline,
    ) -> Result<(Found, Searched), SolveError> {
        let mut searched = Searched {
            start: best.cost,
            ..Searched::default()
        };
        let mut rng = ChaCha8Rng::seed_from_u64(self.settings.seed);
        let variables = self.model.mip.vars.len();
        let mut target = (variables / 8).clamp(self.smallest, 1500.max(self.smallest));
        let threads = self.settings.threads.max(1) as usize;
        // Rounds in a row at the largest size that found nothing.
        let mut idle = 0;
        let mut turn = 0usize;
        loop {
            if deadline.passed() || self.done(&best) {
                break;
            }
            let values = model::values_of(self.instance, self.rules, self.model, &best.schedule);
            let counts = self.model.counts(&values);
            let ground = Ground::new(self.instance, self.model, &values, &counts);
            let batch: Vec<_> = (0..threads)
                .map(|i| {
                    let kind = Kind::ALL[(turn + i) % Kind::ALL.len()];
                    ground.make(kind, target, &mut rng)
                })
                .collect();
            turn += threads;
            let limit = per_round(deadline);
            let results: Vec<Result<Option<(Found, bool)>, SolveError>> = batch
                .par_iter()
                .with_max_len(1)
                .map(|n| {
                    let keep = free::free(self.model, &counts, n);
                    self.round(&values, &keep, deadline.within(limit))
                })
                .collect();
            let mut optimal_rounds = 0;
            let mut winner: Option<(usize, Found)> = None;
            for (i, r) in results.into_iter().enumerate() {
                searched.rounds += 1;
                let Some((f, optimal)) = r? else { continue };
                optimal_rounds += usize::from(optimal);
                let better = winner.as_ref().map_or(best.cost, |(_, w)| w.cost);
                if f.cost < better - 1e-9 {
                    winner = Some((i, f));
                }
            }
            // Grow while the neighbourhoods solve to optimality, shrink when they do not.
            if optimal_rounds == batch.len() {
                target = (target + target / 2).min(variables.max(1));
            } else if optimal_rounds == 0 {
                target = (target * 2 / 3).max(self.smallest / 2).max(1);
            }
            match winner {
                Some((i, f)) => {
                    searched.improvements += 1;
                    searched.last_helped = Some(batch[i].kind.name());
                    best = f;
                    idle = 0;
                    self.report(&best, batch[i].kind);
                }
                None => {
                    idle += batch.len();
                    if idle >= IDLE_ROUNDS {
                        break;
                    }
                }
            }
        }
        Ok((best, searched))
    }

    /// Whether the bound proves `best` optimal or within the gap asked for.
    fn done(&self, best: &Found) -> bool {
        self.bound.is_some_and(|b| {
            proves(best.cost, b, self.whole) || relative_gap(best.cost, b) <= self.settings.gap
        })
    }

    /// One neighbourhood solved exactly; the schedule when it could be placed and checked,
    /// and whether the sub-program was solved to optimality.
    fn round(
        &self,
        values: &[f64],
        keep: &[bool],
        deadline: Deadline,
    ) -> Result<Option<(Found, bool)>, SolveError> {
        let sub = self.model.mip.restrict(values, keep);
        let settings = Settings {
            gap: 0.0,
            threads: 1,
            verbose: false,
            log_file: None,
            progress: None,
            ..self.settings.clone()
        };
        let start = sub.pick(values);
        let began = Instant::now();
        let raw = backend::run(&sub.mip, &settings, deadline, Some(&start))?;
        if self.settings.verbose {
            eprintln!(
                "  neighbourhood: {} free variables, {} rows, {:?} in {:.2} s",
                sub.free.len(),
                sub.mip.rows.len(),
                raw.termination,
                began.elapsed().as_secs_f64()
            );
        }
        if raw.values.len() != sub.free.len() {
            return Ok(None);
        }
        let optimal = raw.termination == Termination::Optimal;
        let full = sub.expand(&raw.values);
        let counts = self.model.counts(&full);
        // A sub-program's solution is one of the full program: a checker's rejection is a
        // defect like any other and is not hidden.
        match dates::place(
            self.instance,
            self.model,
            &counts,
            &self.model.room_counts(&full),
            &settings,
            deadline,
        )? {
            dates::Placed::Done(dated) => {
                found(self.instance, self.rules, self.model, &full, &dated)
                    .map(|f| Some((f, optimal)))
            }
            dates::Placed::Split(_) => Ok(None),
        }
    }

    fn report(&self, best: &Found, kind: Kind) {
        let gap = self.bound.map(|b| relative_gap(best.cost, b));
        if self.settings.verbose {
            eprintln!(
                "{:.2} s: search ({}) found a schedule costing {}{}",
                self.since.elapsed().as_secs_f64(),
                kind.name(),
                best.cost,
                gap.map_or(String::new(), |g| format!(", gap {:.3}%", g * 100.0))
            );
        }
        if let Some(sink) = &self.settings.progress {
            sink.report(&Incumbent {
                objective: best.cost,
                bound: self.bound,
                gap,
                found_by: Some(kind.found_by()),
            });
        }
    }
}

#[cfg(test)]
mod tests;
