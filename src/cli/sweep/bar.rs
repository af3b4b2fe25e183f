//! The sweep's progress bar: jobs done, running and left.

use nt2plan::sweep::run::Event;
use std::io::IsTerminal;
use std::sync::atomic::{AtomicUsize, Ordering};

/// Done, running and left, with an estimate of the time left; only on a terminal.
pub(super) struct Bar {
    bar: Option<indicatif::ProgressBar>,
    len: usize,
    running: AtomicUsize,
    done: AtomicUsize,
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
        }
    }

    pub(super) fn event(&self, e: Event<'_>) {
        let running = match e {
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
        }
    }

    pub(super) fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}
