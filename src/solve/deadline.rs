//! The one deadline of a solve: computed once from the start of the run, from the time
//! limit; every later step (the first schedule, the program, placing dates, the diagnosis,
//! the solvers themselves) gets what is left of it, or a share of what is left.

use std::time::{Duration, Instant};

/// The least time left in which a step without a clock of its own is begun ([`Deadline::run`]).
pub const UNCLOCKED_FROM: Duration = Duration::from_millis(500);

/// When a solve must be done; `None` inside: no limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Deadline(Option<Instant>);

impl Deadline {
    /// No limit.
    pub const NONE: Deadline = Deadline(None);

    /// `limit` seconds after `start`; `None`: no limit. A limit too large for the clock is
    /// no limit.
    pub fn after(start: Instant, limit: Option<f64>) -> Deadline {
        Deadline(limit.and_then(|t| {
            let t = Duration::try_from_secs_f64(t.max(0.0)).ok()?;
            start.checked_add(t)
        }))
    }

    /// The moment itself, when there is a limit.
    pub fn at(self) -> Option<Instant> {
        self.0
    }

    /// What is left of it now; `None`: no limit.
    pub fn left(self) -> Option<Duration> {
        self.0.map(|d| d.saturating_duration_since(Instant::now()))
    }

    /// Whether it has passed.
    pub fn passed(self) -> bool {
        self.0.is_some_and(|d| Instant::now() >= d)
    }

    /// The earlier of this deadline and `limit` from now.
    pub fn within(self, limit: Duration) -> Deadline {
        let soon = Instant::now() + limit;
        Deadline(Some(self.0.map_or(soon, |d| d.min(soon))))
    }

    /// `work`'s answer, or `None` when it has not answered by this deadline: it then runs on,
    /// abandoned, on its own thread, and ends by itself (for steps without a clock of their
    /// own, such as the constructive schedule and the bound). Not begun with less than
    /// [`UNCLOCKED_FROM`] left: an abandoned step would take the processor from the rest of
    /// the run (and from the next solve of a sweep). Without a limit it runs here.
    pub fn run<T: Send + 'static>(self, work: impl FnOnce() -> T + Send + 'static) -> Option<T> {
        let Some(left) = self.left() else {
            return Some(work());
        };
        if left < UNCLOCKED_FROM {
            return None;
        }
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(work());
        });
        rx.recv_timeout(left).ok()
    }

    /// A deadline `fraction` (0 to 1) of the way from now to this one.
    pub fn share(self, fraction: f64) -> Deadline {
        let now = Instant::now();
        Deadline(self.0.map(|d| {
            now + d
                .saturating_duration_since(now)
                .mul_f64(fraction.clamp(0.0, 1.0))
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_deadline_counts_from_its_start_and_shares_what_is_left() {
        assert_eq!(Deadline::after(Instant::now(), None), Deadline::NONE);
        assert_eq!(Deadline::NONE.left(), None);
        assert!(!Deadline::NONE.passed());
        let past = Deadline::after(Instant::now() - Duration::from_secs(2), Some(1.0));
        assert!(past.passed());
        assert_eq!(past.left(), Some(Duration::ZERO));
        let soon = Deadline::after(Instant::now(), Some(60.0));
        assert!(!soon.passed());
        let third = soon.share(1.0 / 3.0).left().expect("a limit");
        assert!(third <= Duration::from_secs(20) && third > Duration::from_secs(19));
        let capped = soon.within(Duration::from_secs(1)).left().expect("a limit");
        assert!(capped <= Duration::from_secs(1));
        assert!(Deadline::NONE.within(Duration::from_secs(1)).at().is_some());
        assert!(past.within(Duration::from_secs(1)).passed());
        assert_eq!(Deadline::NONE.run(|| 7), Some(7));
        assert_eq!(soon.run(|| 7), Some(7));
        let slow = Deadline::after(Instant::now(), Some(0.05));
        assert_eq!(
            slow.run(|| std::thread::sleep(Duration::from_secs(2))),
            None
        );
        assert_eq!(
            Deadline::after(Instant::now(), Some(f64::MAX)),
            Deadline::NONE
        );
    }
}
