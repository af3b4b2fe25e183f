//! The sweep's progress: on a terminal a bar of jobs done, running and left; elsewhere (a
//! Slurm job's log) a line per better schedule and per finished job.

use nt2plan::report::{Lang, sweep_text};
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
    /// The language of the log lines.
    lang: Lang,
}

impl Bar {
    pub(super) fn new(len: usize, what: &str, lang: Lang) -> Bar {
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
            lang,
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
                let seconds = self.started.elapsed().as_secs_f64();
                eprintln!(
                    "{}",
                    sweep_text::scenario_done(seconds, done, self.len, row, self.lang)
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
        let seconds = self.started.elapsed().as_secs_f64();
        eprintln!(
            "{}",
            sweep_text::schedule_found(seconds, scenario, i, self.lang)
        );
    }

    pub(super) fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
