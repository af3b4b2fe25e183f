//! Part 3: the fewest distinct teachers each group needs (see the module above for why it is
//! a bound).
//!
//! A teacher can give a group at most, per ISO week, the smaller of their weekly maximum and
//! the sum over that week's dates of the most of the group's lessons they are eligible for
//! that are pairwise apart in time. The group's teachers give all its lessons between them,
//! so `k` teachers suffice only if the `k` largest such amounts reach the group's lessons.

use super::{Context, most_apart};
use crate::domain::TimeRange;
use crate::model::classes::{Week, week_of};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// One group's lessons and the fewest teachers who can give them all.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Staffed {
    pub lessons: u64,
    /// The fewest distinct teachers: 0 for a group without lessons.
    pub at_least: u32,
    /// Whether its candidates can give every lesson between them at all; a group that
    /// cannot is never staffed, so an optional one never opens.
    pub possible: bool,
}

/// Per group of the instance (must-run or not).
pub(super) fn fewest_teachers(cx: &Context) -> Vec<Staffed> {
    let groups = cx.instance.groups.len();
    // Per group, per teacher, per date: the clock times of the lessons they are eligible for.
    let mut eligible: Vec<BTreeMap<usize, BTreeMap<NaiveDate, Vec<TimeRange>>>> =
        vec![BTreeMap::new(); groups];
    let mut lessons = vec![0u64; groups];
    for class in &cx.classes {
        lessons[class.group] += u64::from(class.lessons());
        for t in cx.candidates(class) {
            let by_date = eligible[class.group].entry(t).or_default();
            for d in &class.dates {
                by_date.entry(*d).or_default().push(class.time);
            }
        }
    }
    eligible
        .iter()
        .zip(lessons)
        .map(|(teachers, lessons)| {
            let mut most: Vec<u64> = teachers
                .iter()
                .map(|(&t, by_date)| {
                    most_for_one(by_date, cx.instance.teachers[t].max_lessons_per_week)
                })
                .collect();
            most.sort_unstable_by(|a, b| b.cmp(a));
            fewest(&most, lessons)
        })
        .collect()
}

/// The most lessons of one group a teacher can give, from the clock times they are
/// eligible for per date.
fn most_for_one(by_date: &BTreeMap<NaiveDate, Vec<TimeRange>>, weekly: Option<u32>) -> u64 {
    let mut per_week: BTreeMap<Week, u64> = BTreeMap::new();
    for (d, times) in by_date {
        *per_week.entry(week_of(*d)).or_default() += u64::from(most_apart(times));
    }
    per_week
        .values()
        .map(|&n| weekly.map_or(n, |m| n.min(u64::from(m))))
        .sum()
}

/// The fewest of the amounts (largest first) that reach `lessons` together.
fn fewest(most: &[u64], lessons: u64) -> Staffed {
    let mut given = 0u64;
    for (k, m) in most.iter().enumerate() {
        if given >= lessons {
            return staffed(lessons, k, true);
        }
        given += m;
    }
    let possible = given >= lessons;
    staffed(lessons, most.len(), possible)
}

fn staffed(lessons: u64, k: usize, possible: bool) -> Staffed {
    Staffed {
        lessons,
        at_least: u32::try_from(k).unwrap_or(u32::MAX),
        possible,
    }
}

#[cfg(test)]
mod tests {
    use super::fewest;

    #[test]
    fn the_fewest_teachers_take_the_largest_amounts_first() {
        // 10 lessons; teachers who can give 6, 3, 3 and 1: 6 + 3 = 9 < 10, 6 + 3 + 3 = 12.
        let s = fewest(&[6, 3, 3, 1], 10);
        assert_eq!((s.at_least, s.possible), (3, true));
        assert_eq!(fewest(&[6, 3, 3, 1], 0).at_least, 0);
        assert_eq!(fewest(&[10, 3], 10).at_least, 1);
        // 13 + 1: all four together give 13 of 14, so the group can never be staffed.
        let s = fewest(&[6, 3, 3, 1], 14);
        assert_eq!((s.at_least, s.possible), (4, false));
    }
}
