//! The sweep's progress: on a terminal a bar of jobs done, running and left; elsewhere (a
//! Slurm job's log) a line per better schedule and per finished job.

use nt2plan::solve::Incumbent;
use nt2plan::sweep::run::Event;
use std::collections::HashMap;
use std::io::IsTerminal;
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

/// Done, running and left, with an estimate of the time left, on a terminal; in a log the
/// schedules as they improve.
pub(super) struct Bar {
    bar: Option<indicatif::ProgressBar>,
    len: usize,
    running: AtomicUsize,
    done: AtomicUsize,
    started: Instant,
    /// Per scenario, the cheapest schedule told so far: microlp reports its best after every
    /// slice of nodes, and only a better one is news.
    best: Mutex<HashMap<String, f64>>,
}

impl Bar {
    pub(super) fn new(len: usize, what: &str) -> Bar {
        let bar = std::io::stderr().is_terminal().then(|| {
            let bar = indicatif::ProgressBar::new(len as u64);
            bar.set_style(
                indicatif::ProgressStyle::with_template(&format!(
                    "{{bar:30}} {{pos}}/{{len}} {what} klaar, {{msg}}, nog ongeveer {{eta}}"
                ))
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            );
            bar.enable_steady_tick(std::time::Duration::from_millis(500));
            bar
        });
        Bar {
            bar,
            len,
            running: AtomicUsize::new(0),
            done: AtomicUsize::new(0),
            started: Instant::now(),
            best: Mutex::default(),
        }
    }

    pub(super) fn event(&self, e: Event<'_>) {
        let running = match e {
            Event::Improved(scenario, incumbent) => {
                self.improved(scenario, &incumbent);
                return;
            }
            Event::Started => self.running.fetch_add(1, Ordering::SeqCst) + 1,
            Event::Finished(..) => {
                self.done.fetch_add(1, Ordering::SeqCst);
                self.running
                    .fetch_sub(1, Ordering::SeqCst)
                    .saturating_sub(1)
            }
        };
        let left = self
            .len
            .saturating_sub(self.done.load(Ordering::SeqCst) + running);
        if let Some(bar) = &self.bar {
            if matches!(e, Event::Finished(..)) {
                bar.inc(1);
            }
            bar.set_message(format!("{running} bezig, {left} te gaan"));
        } else if let Event::Finished(_, output) = e {
            let done = self.done.load(Ordering::SeqCst);
            for row in &output.rows {
                eprintln!(
                    "{:.1} s: [{done}/{}] {} done: {}{}{}",
                    self.started.elapsed().as_secs_f64(),
                    self.len,
                    row.scenario,
                    row.status.en(),
                    row.objective
                        .map_or(String::new(), |o| format!(", objective {}", number(o))),
                    row.gap
                        .map_or(String::new(), |g| format!(", gap {}", percent(g))),
                );
            }
        }
    }

    /// A better schedule of `scenario`: a line in the log, unless it is no better than the
    /// last one told.
    fn improved(&self, scenario: &str, i: &Incumbent) {
        if self.bar.is_some() {
            return;
        }
        let Ok(mut best) = self.best.lock() else {
            return;
        };
        if best.get(scenario).is_some_and(|&b| b <= i.objective) {
            return;
        }
        best.insert(scenario.to_string(), i.objective);
        eprintln!(
            "{:.1} s: {scenario}: a schedule costing {}{}{}{}",
            self.started.elapsed().as_secs_f64(),
            number(i.objective),
            i.bound
                .map_or(String::new(), |b| format!(", bound {}", number(b))),
            i.gap
                .map_or(String::new(), |g| format!(", gap {}", percent(g))),
            i.found_by.map_or(String::new(), |k| format!(" ({k})")),
        );
    }

    pub(super) fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// A relative gap as a percentage: `0.138%`.
fn percent(gap: f64) -> String {
    format!("{:.3}%", gap * 100.0)
}

/// A cost or bound to a tenth (`170708.6`); a whole number as it is.
fn number(x: f64) -> String {
    if x.fract() == 0.0 {
        format!("{x}")
    } else {
        format!("{x:.1}")
    }
}
