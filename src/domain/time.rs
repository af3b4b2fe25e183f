//! Days, time ranges, blocks, weekly slots and availability.

use super::ids::BlockName;
use chrono::{Datelike, NaiveDate, NaiveTime, Weekday};
use serde::Serialize;
use std::collections::BTreeSet;
use std::fmt;

/// A day of the week, ordered Monday first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Day {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

impl Day {
    pub const ALL: [Day; 7] = [
        Day::Mon,
        Day::Tue,
        Day::Wed,
        Day::Thu,
        Day::Fri,
        Day::Sat,
        Day::Sun,
    ];

    /// Parses `mon`..`sun` and the Dutch `ma di wo do vr za zo` (also written out,
    /// `maandag`..`zondag`), any case.
    pub fn parse(s: &str) -> Option<Day> {
        let lower = s.trim().to_lowercase();
        Day::ALL.into_iter().find(|d| {
            let (short, long) = d.dutch();
            d.as_str() == lower || short == lower || long == lower
        })
    }

    /// The Dutch abbreviation and full name: `("ma", "maandag")`.
    pub fn dutch(self) -> (&'static str, &'static str) {
        match self {
            Day::Mon => ("ma", "maandag"),
            Day::Tue => ("di", "dinsdag"),
            Day::Wed => ("wo", "woensdag"),
            Day::Thu => ("do", "donderdag"),
            Day::Fri => ("vr", "vrijdag"),
            Day::Sat => ("za", "zaterdag"),
            Day::Sun => ("zo", "zondag"),
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Day::Mon => "mon",
            Day::Tue => "tue",
            Day::Wed => "wed",
            Day::Thu => "thu",
            Day::Fri => "fri",
            Day::Sat => "sat",
            Day::Sun => "sun",
        }
    }

    pub fn of(date: NaiveDate) -> Day {
        match date.weekday() {
            Weekday::Mon => Day::Mon,
            Weekday::Tue => Day::Tue,
            Weekday::Wed => Day::Wed,
            Weekday::Thu => Day::Thu,
            Weekday::Fri => Day::Fri,
            Weekday::Sat => Day::Sat,
            Weekday::Sun => Day::Sun,
        }
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A half-open time range `[start, end)` within one day; `end > start`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct TimeRange {
    pub start: NaiveTime,
    pub end: NaiveTime,
}

impl TimeRange {
    /// Two lessons overlap when each starts before the other ends.
    pub fn overlaps(&self, other: &TimeRange) -> bool {
        self.start < other.end && other.start < self.end
    }

    pub fn minutes(&self) -> i64 {
        (self.end - self.start).num_minutes()
    }
}

impl fmt::Display for TimeRange {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}-{}",
            self.start.format("%H:%M"),
            self.end.format("%H:%M")
        )
    }
}

/// A named block of the school day, e.g. `morning = 09:00-12:00`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Block {
    pub name: BlockName,
    pub time: TimeRange,
}

/// One weekly slot: a day and a block, written `mon-morning`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Slot {
    pub day: Day,
    pub block: BlockName,
}

impl Slot {
    pub fn new(day: Day, block: impl Into<String>) -> Self {
        Slot {
            day,
            block: BlockName(block.into()),
        }
    }
}

impl fmt::Display for Slot {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}-{}", self.day, self.block)
    }
}

/// The weekly slots someone is available in, with `*` and `DAY-*` already expanded.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Availability(pub BTreeSet<Slot>);

impl Availability {
    /// Available in every block of every day.
    pub fn always(blocks: &[Block]) -> Self {
        let mut set = BTreeSet::new();
        for day in Day::ALL {
            for b in blocks {
                set.insert(Slot {
                    day,
                    block: b.name.clone(),
                });
            }
        }
        Availability(set)
    }

    pub fn allows(&self, slot: &Slot) -> bool {
        self.0.contains(slot)
    }

    pub fn allows_all<'a>(&self, slots: impl IntoIterator<Item = &'a Slot>) -> bool {
        slots.into_iter().all(|s| self.allows(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).expect("valid test time")
    }

    #[test]
    fn touching_ranges_do_not_overlap() {
        let a = TimeRange {
            start: t(9, 0),
            end: t(12, 0),
        };
        let b = TimeRange {
            start: t(12, 0),
            end: t(15, 0),
        };
        let c = TimeRange {
            start: t(11, 30),
            end: t(13, 0),
        };
        assert!(!a.overlaps(&b));
        assert!(a.overlaps(&c) && c.overlaps(&b));
        assert_eq!(a.minutes(), 180);
    }

    #[test]
    fn day_parses_english_and_dutch_in_any_case_and_of_date() {
        assert_eq!(Day::parse("MON"), Some(Day::Mon));
        assert_eq!(Day::parse("Maandag"), Some(Day::Mon));
        assert_eq!(Day::parse("ZO"), Some(Day::Sun));
        assert_eq!(Day::parse("monday"), None);
        let d = NaiveDate::from_ymd_opt(2025, 9, 1).expect("valid test date");
        assert_eq!(Day::of(d), Day::Mon);
    }

    #[test]
    fn always_covers_every_day_and_block() {
        let blocks = vec![Block {
            name: BlockName::new("morning"),
            time: TimeRange {
                start: t(9, 0),
                end: t(12, 0),
            },
        }];
        let a = Availability::always(&blocks);
        assert_eq!(a.0.len(), 7);
        assert!(a.allows(&Slot::new(Day::Sun, "morning")));
        assert!(!a.allows(&Slot::new(Day::Sun, "evening")));
    }
}
