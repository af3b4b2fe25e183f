//! Progress while the solver works: elapsed time, and with HiGHS the best objective and gap
//! read from its log. Shown only on a terminal.

use super::interrupt::Temporary;
use nt2plan::solve::{Backend, Incumbent, ProgressSink};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

/// A private log file for HiGHS in the temp folder, under a unique name: removed again by
/// [`Progress::stop`], when dropped on any other way out, and by the Ctrl-C handler.
/// `None` when it cannot be made (the progress display then shows no objective).
pub fn log_file() -> Option<Temporary> {
    let file = tempfile::Builder::new()
        .prefix("nt2plan-highs-")
        .suffix(".log")
        .tempfile()
        .ok()?;
    Some(Temporary::new(file.into_temp_path()))
}

pub struct Progress {
    bar: Option<indicatif::ProgressBar>,
    stop: Arc<AtomicBool>,
    follower: Option<std::thread::JoinHandle<()>>,
    /// Removed when dropped.
    log: Option<Temporary>,
}

impl Progress {
    pub fn start(backend: Backend, log: Option<Temporary>) -> Progress {
        use std::io::IsTerminal;
        let stop = Arc::new(AtomicBool::new(false));
        if !std::io::stderr().is_terminal() {
            return Progress {
                bar: None,
                stop,
                follower: None,
                log,
            };
        }
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} solving with {prefix} {elapsed_precise} {msg}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        bar.set_prefix(backend.name());
        bar.enable_steady_tick(Duration::from_millis(200));
        let follower = log.as_ref().map(|log| {
            let path = log.path().to_path_buf();
            let (bar, stop) = (bar.clone(), stop.clone());
            std::thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    if let Some(msg) = latest(&path) {
                        bar.set_message(msg);
                    }
                    std::thread::sleep(Duration::from_millis(250));
                }
            })
        });
        Progress {
            bar: Some(bar),
            stop,
            follower,
            log,
        }
    }

    /// Where microlp reports its best schedule so far (`None` when nothing is shown).
    pub fn sink(&self) -> Option<ProgressSink> {
        let bar = self.bar.clone()?;
        Some(ProgressSink(Arc::new(move |i: &Incumbent| {
            let gap = i
                .gap
                .map_or("-".to_string(), |g| format!("{:.3}%", g * 100.0));
            let bound = i.bound.map_or("-".to_string(), |b| format!("{b:.0}"));
            let by = i.found_by.map_or(String::new(), |k| format!(" ({k})"));
            bar.set_message(format!(
                "best {:.0}{by}, bound {bound}, gap {gap}",
                i.objective
            ));
        })))
    }

    pub fn stop(self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(f) = self.follower {
            let _ = f.join();
        }
        if let Some(bar) = self.bar {
            bar.finish_and_clear();
        }
        drop(self.log);
    }
}

/// "best 12345, bound 12000, gap 2.8%" from the last branch-and-bound line of a HiGHS log.
fn latest(path: &Path) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    text.lines().rev().find_map(bnb_line)
}

/// A HiGHS MIP log line: `[src] nodes queue leaves explored% bound best gap ... time`.
fn bnb_line(line: &str) -> Option<String> {
    let tokens: Vec<&str> = line.split_whitespace().collect();
    let explored = tokens.iter().position(|t| t.ends_with('%'))?;
    let (bound, best, gap) = (
        tokens.get(explored + 1)?,
        tokens.get(explored + 2)?,
        tokens.get(explored + 3)?,
    );
    if !tokens.last()?.ends_with('s') || *best == "inf" {
        return None;
    }
    Some(format!("best {best}, bound {bound}, gap {gap}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_best_bound_and_gap_from_a_highs_line() {
        let line = " H       0       0         0   0.00%   -3.6e+04        -3.2e+04          12.35%        0      0      0         0     0.1s";
        assert_eq!(
            bnb_line(line).as_deref(),
            Some("best -3.2e+04, bound -3.6e+04, gap 12.35%")
        );
        let no_solution = "         0       0         0   0.00%   -3.6e+04        inf                  inf        0      0      0         0     0.0s";
        assert_eq!(bnb_line(no_solution), None);
        assert_eq!(bnb_line("Presolving model"), None);
    }
}
