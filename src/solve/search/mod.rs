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
//!
//! The same rounds improve the values of the best-effort program's last level
//! ([`Search::run_values`]: its levels held as rows of its own, its slacks free in every
//! neighbourhood), judged by that program's objective: a round is taken only where its
//! counts are placed on dates, and the plan they make is checked once, at the end, as the
//! program's own values would be.

mod free;
mod neighbourhood;

use super::found::{Found, found, proves, relative_gap};
use super::{Deadline, Incumbent, Searched, Settings, SolveError, Termination, backend, dates};
use crate::domain::{Instance, RuleSet};
use crate::model::{self, Mip, Model};
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

/// What the rounds of a search improve: schedules of the usual program, checked
/// ([`Schedules`]), or a program's values worth their objective ([`Values`]).
trait Target: Sync {
    type Best: Send;
    /// The program the neighbourhoods restrict (its variables are the model's).
    fn program(&self) -> &Mip;
    /// The program's values of `best`.
    fn values(&self, best: &Self::Best) -> Vec<f64>;
    fn cost(&self, best: &Self::Best) -> f64;
    /// Frees what every neighbourhood may change beyond the model's own rule.
    fn widen(&self, _keep: &mut [bool]) {}
    /// What a round's values of the whole program are worth, when anything.
    fn judge(
        &self,
        full: Vec<f64>,
        settings: &Settings,
        deadline: Deadline,
    ) -> Result<Option<Self::Best>, SolveError>;
}

/// What a round found, when anything, and whether its sub-program was solved to optimality.
type Round<B> = Result<Option<(B, bool)>, SolveError>;

/// Schedules of the usual program: a round's values with their dates placed, judged by
/// the checker, costing what the schedule costs.
struct Schedules<'s, 'a>(&'s Search<'a>);

impl Target for Schedules<'_, '_> {
    type Best = Found;

    fn program(&self) -> &Mip {
        &self.0.model.mip
    }

    fn values(&self, best: &Found) -> Vec<f64> {
        let s = self.0;
        model::values_of(s.instance, s.rules, s.model, &best.schedule)
    }

    fn cost(&self, best: &Found) -> f64 {
        best.cost
    }

    fn judge(
        &self,
        full: Vec<f64>,
        settings: &Settings,
        deadline: Deadline,
    ) -> Result<Option<Found>, SolveError> {
        let s = self.0;
        // A sub-program's solution is one of the full program: a checker's rejection is a
        // defect like any other and is not hidden.
        match s.placed(&full, settings, deadline)? {
            Some(dated) => found(s.instance, s.rules, s.model, &full, &dated).map(Some),
            None => Ok(None),
        }
    }
}

/// Values of a program over the model's variables with rows of its own (the best-effort
/// program with its levels held), worth its objective, with their dates placed: a round
/// whose counts cannot be placed is not taken, so the values the search ends with always
/// make a plan (the start's dates are placed by the caller); `free` are freed in every
/// round.
struct Values<'s, 'a> {
    search: &'s Search<'a>,
    mip: &'s Mip,
    free: &'s [usize],
}

/// Values of a program and, when the search found them, their dates.
pub(super) type Placed = (Vec<f64>, Option<dates::Dated>);

impl Target for Values<'_, '_> {
    type Best = Placed;

    fn program(&self) -> &Mip {
        self.mip
    }

    fn values(&self, best: &Placed) -> Vec<f64> {
        best.0.clone()
    }

    fn cost(&self, best: &Placed) -> f64 {
        self.mip.objective(&best.0)
    }

    fn widen(&self, keep: &mut [bool]) {
        for &v in self.free {
            keep[v] = true;
        }
    }

    fn judge(
        &self,
        full: Vec<f64>,
        settings: &Settings,
        deadline: Deadline,
    ) -> Result<Option<Placed>, SolveError> {
        let dated = self.search.placed(&full, settings, deadline)?;
        Ok(dated.map(|d| (full, Some(d))))
    }
}

impl Search<'_> {
    /// Improves `best` until the deadline or until the search ends by itself.
    pub fn run(&self, best: Found, deadline: Deadline) -> Result<(Found, Searched), SolveError> {
        self.rounds(&Schedules(self), best, deadline)
    }

    /// Improves `values` of `mip`, a program over the model's variables with rows of its
    /// own, by its objective; `free` (the best-effort program's slacks) are freed in every
    /// neighbourhood. Each round's values meet every row of `mip`: the values returned are
    /// a solution of it, no worse than `values`, with their dates when they are not
    /// `values` themselves.
    pub fn run_values(
        &self,
        mip: &Mip,
        free: &[usize],
        values: Vec<f64>,
        deadline: Deadline,
    ) -> Result<(Placed, Searched), SolveError> {
        let target = Values {
            search: self,
            mip,
            free,
        };
        self.rounds(&target, (values, None), deadline)
    }

    fn rounds<T: Target>(
        &self,
        target: &T,
        mut best: T::Best,
        deadline: Deadline,
    ) -> Result<(T::Best, Searched), SolveError> {
        let mut searched = Searched {
            start: target.cost(&best),
            ..Searched::default()
        };
        let mut rng = ChaCha8Rng::seed_from_u64(self.settings.seed);
        let variables = self.model.mip.vars.len();
        let mut size = (variables / 8).clamp(self.smallest, 1500.max(self.smallest));
        let threads = self.settings.threads.max(1) as usize;
        // Rounds in a row at the largest size that found nothing.
        let mut idle = 0;
        let mut turn = 0usize;
        loop {
            if deadline.passed() || self.done(target.cost(&best)) {
                break;
            }
            let values = target.values(&best);
            let counts = self.model.counts(&values);
            let ground = Ground::new(self.instance, self.model, &values, &counts);
            let batch: Vec<_> = (0..threads)
                .map(|i| {
                    let kind = Kind::ALL[(turn + i) % Kind::ALL.len()];
                    ground.make(kind, size, &mut rng)
                })
                .collect();
            turn += threads;
            let limit = per_round(deadline);
            let results: Vec<Round<T::Best>> = batch
                .par_iter()
                .with_max_len(1)
                .map(|n| {
                    let mut keep = free::free(self.model, &counts, n);
                    target.widen(&mut keep);
                    self.round(target, &values, &keep, deadline.within(limit))
                })
                .collect();
            let mut optimal_rounds = 0;
            let mut winner: Option<(usize, T::Best)> = None;
            for (i, r) in results.into_iter().enumerate() {
                searched.rounds += 1;
                let Some((f, optimal)) = r? else { continue };
                optimal_rounds += usize::from(optimal);
                let better = target.cost(winner.as_ref().map_or(&best, |(_, w)| w));
                if target.cost(&f) < better - 1e-9 {
                    winner = Some((i, f));
                }
            }
            // Grow while the neighbourhoods solve to optimality, shrink when they do not.
            if optimal_rounds == batch.len() {
                size = (size + size / 2).min(variables.max(1));
            } else if optimal_rounds == 0 {
                size = (size * 2 / 3).max(self.smallest / 2).max(1);
            }
            match winner {
                Some((i, f)) => {
                    searched.improvements += 1;
                    searched.last_helped = Some(batch[i].kind.name());
                    best = f;
                    idle = 0;
                    self.report(target.cost(&best), batch[i].kind);
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

    /// The dates of `full`'s counts, or `None` where they cannot be placed as they are.
    fn placed(
        &self,
        full: &[f64],
        settings: &Settings,
        deadline: Deadline,
    ) -> Result<Option<dates::Dated>, SolveError> {
        let placed = dates::place(
            self.instance,
            self.model,
            &self.model.counts(full),
            &self.model.room_counts(full),
            settings,
            deadline,
        )?;
        Ok(match placed {
            dates::Placed::Done(dated) => Some(dated),
            dates::Placed::Split(_) => None,
        })
    }

    /// Whether the bound proves a schedule costing `cost` optimal or within the gap asked for.
    fn done(&self, cost: f64) -> bool {
        self.bound.is_some_and(|b| {
            proves(cost, b, self.whole) || relative_gap(cost, b) <= self.settings.gap
        })
    }

    /// One neighbourhood solved exactly; what its values are worth, and whether the
    /// sub-program was solved to optimality.
    fn round<T: Target>(
        &self,
        target: &T,
        values: &[f64],
        keep: &[bool],
        deadline: Deadline,
    ) -> Round<T::Best> {
        let sub = target.program().restrict(values, keep);
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
        Ok(target
            .judge(full, &settings, deadline)?
            .map(|best| (best, optimal)))
    }

    fn report(&self, cost: f64, kind: Kind) {
        let gap = self.bound.map(|b| relative_gap(cost, b));
        if self.settings.verbose {
            eprintln!(
                "{:.2} s: search ({}) found a schedule costing {}{}",
                self.since.elapsed().as_secs_f64(),
                kind.name(),
                cost,
                gap.map_or(String::new(), |g| format!(", gap {:.3}%", g * 100.0))
            );
        }
        if let Some(sink) = &self.settings.progress {
            sink.report(&Incumbent {
                objective: cost,
                bound: self.bound,
                gap,
                found_by: Some(kind.found_by()),
            });
        }
    }
}

#[cfg(test)]
mod tests;
