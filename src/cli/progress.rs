//! Progress while the solver works: elapsed time, and with HiGHS the best objective and gap
//! read from its log. Shown only on a terminal.

use super::interrupt::Temporary;
use nt2plan::report::{Lang, progress_text};
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
    lang: Lang,
}

impl Progress {
    pub fn start(backend: Backend, log: Option<Temporary>, lang: Lang) -> Progress {
        use std::io::IsTerminal;
        let stop = Arc::new(AtomicBool::new(false));
        if !std::io::stderr().is_terminal() {
            return Progress {
                bar: None,
                stop,
                follower: None,
                log,
                lang,
            };
        }
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_style(
            indicatif::ProgressStyle::with_template(progress_text::spinner_template(lang))
                .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        bar.set_prefix(backend.name());
        bar.enable_steady_tick(Duration::from_millis(200));
        let follower = log.as_ref().map(|log| {
            let path = log.path().to_path_buf();
            let (bar, stop) = (bar.clone(), stop.clone());
            std::thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    if let Some(msg) = latest(&path, lang) {
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
            lang,
        }
    }

    /// Where microlp reports its best schedule so far (`None` when nothing is shown).
    pub fn sink(&self) -> Option<ProgressSink> {
        let bar = self.bar.clone()?;
        let lang = self.lang;
        Some(ProgressSink(Arc::new(move |i: &Incumbent| {
            bar.set_message(progress_text::incumbent(i, lang));
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
fn latest(path: &Path, lang: Lang) -> Option<String> {
    let text = std::fs::read_to_string(path).ok()?;
    text.lines().rev().find_map(|line| bnb_line(line, lang))
}

/// A HiGHS MIP log line: `[src] nodes queue leaves explored% bound best gap ... time`.
fn bnb_line(line: &str, lang: Lang) -> Option<String> {
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
    Some(progress_text::best_so_far(best, bound, gap, lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_best_bound_and_gap_from_a_highs_line() {
        let line = " H       0       0         0   0.00%   -3.6e+04        -3.2e+04          12.35%        0      0      0         0     0.1s";
        assert_eq!(
            bnb_line(line, Lang::En).as_deref(),
            Some("best -3.2e+04, bound -3.6e+04, gap 12.35%")
        );
        assert_eq!(
            bnb_line(line, Lang::Nl).as_deref(),
            Some("beste -3.2e+04, grens -3.6e+04, gap 12.35%")
        );
        let no_solution = "         0       0         0   0.00%   -3.6e+04        inf                  inf        0      0      0         0     0.0s";
        assert_eq!(bnb_line(no_solution, Lang::En), None);
        assert_eq!(bnb_line("Presolving model", Lang::En), None);
    }
}
