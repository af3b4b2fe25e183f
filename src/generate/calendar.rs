//! The term: a Monday start in September 2025, the requested number of teaching weeks, the
//! autumn holiday closed when the term spans it. Every date stays inside 2025 because the
//! instance uses the `addendum-2025` rule set, which ends on 2025-12-31.

use super::dice::Dice;
use crate::domain::{ClosedPeriod, Day};
use chrono::{Days, NaiveDate};

/// The most teaching weeks that fit: from 2025-09-01, 16 weeks plus the autumn holiday end on
/// Friday 2025-12-26.
pub const MAX_WEEKS: u32 = 16;

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

/// The term's dates and the days without lessons.
#[derive(Clone, Debug)]
pub struct Term {
    pub start: NaiveDate,
    pub end: NaiveDate,
    pub closed: Vec<ClosedPeriod>,
    /// The Monday of every teaching week, in order (holiday weeks left out).
    pub weeks: Vec<NaiveDate>,
}

/// Herfstvakantie 2025 for regions north and middle (the largest share of the country).
fn autumn_holiday() -> Option<ClosedPeriod> {
    Some(ClosedPeriod {
        from: date(2025, 10, 20)?,
        to: date(2025, 10, 24)?,
        reason: "herfstvakantie".to_string(),
    })
}

/// Christmas and Boxing Day, closed when a long term reaches them.
fn christmas() -> Option<ClosedPeriod> {
    Some(ClosedPeriod {
        from: date(2025, 12, 25)?,
        to: date(2025, 12, 26)?,
        reason: "kerstdagen".to_string(),
    })
}

/// The term starting on `monday` with `weeks` teaching weeks (the holiday week skipped).
fn term_from(monday: NaiveDate, weeks: u32) -> Option<Term> {
    let holiday = autumn_holiday()?;
    let mut mondays = Vec::new();
    let mut closed = Vec::new();
    let mut week = monday;
    while mondays.len() < weeks as usize {
        if week == holiday.from {
            closed.push(holiday.clone());
        } else {
            mondays.push(week);
        }
        week = week.checked_add_days(Days::new(7))?;
    }
    let end = mondays.last()?.checked_add_days(Days::new(4))?;
    let xmas = christmas()?;
    if end >= xmas.from {
        closed.push(xmas);
    }
    Some(Term {
        start: monday,
        end,
        closed,
        weeks: mondays,
    })
}

/// A term for `weeks` teaching weeks (clamped to `1..=MAX_WEEKS`): a random September Monday
/// among those that end before the Christmas holiday (from 2025-12-20), else 2025-09-01.
pub fn term(weeks: u32, dice: &mut Dice) -> Option<Term> {
    let weeks = weeks.clamp(1, MAX_WEEKS);
    let before_christmas = date(2025, 12, 19)?;
    let mondays: Vec<NaiveDate> = (1..=30)
        .filter_map(|d| date(2025, 9, d))
        .filter(|d| Day::of(*d) == Day::Mon)
        .collect();
    let fitting: Vec<Term> = mondays
        .iter()
        .filter_map(|m| term_from(*m, weeks))
        .filter(|t| t.end <= before_christmas)
        .collect();
    match dice.pick(&fitting) {
        Some(t) => Some(t.clone()),
        None => term_from(*mondays.first()?, weeks),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::dice::Stream;

    #[test]
    fn every_length_fits_in_2025() {
        for weeks in 1..=MAX_WEEKS {
            for seed in 0..8 {
                let t = term(weeks, &mut Dice::new(seed, 0, Stream::School)).expect("a term");
                assert_eq!(Day::of(t.start), Day::Mon);
                assert_eq!(t.start.format("%Y-%m").to_string(), "2025-09");
                assert!(
                    t.end <= date(2025, 12, 31).expect("date"),
                    "{weeks}: {}",
                    t.end
                );
                assert_eq!(t.weeks.len(), weeks as usize);
                let spans_holiday = t.start <= date(2025, 10, 20).expect("d")
                    && t.end >= date(2025, 10, 24).expect("d");
                assert_eq!(
                    spans_holiday,
                    t.closed.iter().any(|c| c.reason == "herfstvakantie")
                );
            }
        }
        let long = term(MAX_WEEKS, &mut Dice::new(1, 0, Stream::School)).expect("a term");
        assert_eq!(long.start, date(2025, 9, 1).expect("d"));
        assert_eq!(long.end, date(2025, 12, 26).expect("d"));
    }
}
