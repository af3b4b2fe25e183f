//! Part 3: the fewest distinct teachers the running groups need together (see the module
//! above for why it is a bound).
//!
//! A teacher can give a group at most, per ISO week, the smaller of their weekly maximum and
//! the sum over that week's dates of the most of the group's lessons they are eligible for
//! that are pairwise apart in time. The group's teachers give all its lessons between them,
//! so `k` teachers suffice only if the `k` largest such amounts reach the group's lessons.
//!
//! Non-certified lessons tie the groups together: part 2 shows that at least `D` lessons go
//! to non-certified teachers. A group that gets one of them has a non-certified teacher, and
//! under 1.7.1b a certified one as well: at least 2; a group that gets none has certified
//! teachers only, and needs as many of them as give all its lessons. Each group can take at
//! most its lessons less those 1.7.1b keeps certified, so the `D` lessons need groups whose
//! room adds up to `D`: the cheapest such choice, as a fractional cover (the optimum of its
//! linear relaxation, by the best extra teachers per lesson of room first), bounds the pairs.

use super::{Context, most_apart};
use crate::domain::TimeRange;
use crate::model::classes::{Week, week_of};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// One group's lessons and the fewest teachers who can give them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Staffed {
    pub lessons: u64,
    /// The fewest distinct teachers: 0 for a group without lessons.
    pub at_least: u32,
    /// Whether its candidates can give every lesson between them at all; a group that
    /// cannot is never staffed, so an optional one never opens.
    pub possible: bool,
    /// The fewest certified teachers who give all its lessons, if they can.
    pub all_certified: Option<u32>,
    /// The most of its lessons non-certified teachers can give.
    pub non_certified_room: u64,
}

/// Per group of the instance (must-run or not).
pub(super) fn fewest_teachers(cx: &Context) -> Vec<Staffed> {
    let groups = cx.instance.groups.len();
    let teachers = &cx.instance.teachers;
    // Per group, per teacher, per date: the clock times of the lessons they are eligible for.
    let mut eligible: Vec<BTreeMap<usize, BTreeMap<NaiveDate, Vec<TimeRange>>>> =
        vec![BTreeMap::new(); groups];
    let mut lessons = vec![0u64; groups];
    // Per group: lessons with a certified candidate, and with a non-certified one.
    let mut reach = vec![(0u64, 0u64); groups];
    for class in &cx.classes {
        let n = u64::from(class.lessons());
        lessons[class.group] += n;
        let mut kinds = (false, false);
        for t in cx.candidates(class) {
            if teachers[t].is_certified() {
                kinds.0 = true;
            } else {
                kinds.1 = true;
            }
            let by_date = eligible[class.group].entry(t).or_default();
            for d in &class.dates {
                by_date.entry(*d).or_default().push(class.time);
            }
        }
        reach[class.group].0 += if kinds.0 { n } else { 0 };
        reach[class.group].1 += if kinds.1 { n } else { 0 };
    }
    eligible
        .iter()
        .zip(lessons)
        .zip(reach)
        .map(|((by_teacher, lessons), (certifiable, uncertified))| {
            // (amount, certified), largest amounts first.
            let mut most: Vec<(u64, bool)> = by_teacher
                .iter()
                .map(|(&t, by_date)| {
                    let amount = most_for_one(by_date, teachers[t].max_lessons_per_week);
                    (amount, teachers[t].is_certified())
                })
                .collect();
            most.sort_unstable_by(|a, b| b.cmp(a));
            let all: Vec<u64> = most.iter().map(|m| m.0).collect();
            let certified: Vec<u64> = most.iter().filter(|m| m.1).map(|m| m.0).collect();
            let others: u64 = most.iter().filter(|m| !m.1).map(|m| m.0).sum();
            let at_least = fewest(&all, lessons);
            Staffed {
                lessons,
                at_least: at_least.unwrap_or(count(all.len())),
                possible: at_least.is_some(),
                all_certified: fewest(&certified, lessons).filter(|_| certifiable >= lessons),
                non_certified_room: others.min(uncertified),
            }
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

/// The fewest of the amounts (largest first) that reach `lessons` together, if all of
/// them do.
fn fewest(most: &[u64], lessons: u64) -> Option<u32> {
    let mut given = 0u64;
    for (k, m) in most.iter().enumerate() {
        if given >= lessons {
            return Some(count(k));
        }
        given += m;
    }
    (given >= lessons).then(|| count(most.len()))
}

fn count(k: usize) -> u32 {
    u32::try_from(k).unwrap_or(u32::MAX)
}

/// The fewest (teacher, group) pairs of `groups` when at least `non_certified` of their
/// lessons go to non-certified teachers and 1.7.1b keeps `per_course` of each group's
/// lessons certified.
pub(super) fn pairs_at_least<'a>(
    groups: impl IntoIterator<Item = &'a Staffed>,
    per_course: u32,
    non_certified: u64,
) -> u64 {
    let mut pairs = 0u64;
    let mut room = 0u64;
    // (extra teachers, room) of the groups that need more teachers to take lessons.
    let mut dearer: Vec<(u64, u64)> = Vec::new();
    for g in groups {
        let k = u64::from(g.at_least);
        // With a non-certified lesson: someone non-certified, and certified teachers for
        // 1.7.1b's lessons.
        let mixed = k.max(1 + u64::from(per_course > 0));
        let takes = g
            .non_certified_room
            .min(g.lessons.saturating_sub(u64::from(per_course)));
        match g.all_certified.map(u64::from) {
            _ if g.lessons == 0 => {}
            Some(alone) if alone < mixed && takes > 0 => {
                pairs += alone;
                dearer.push((mixed - alone, takes));
            }
            _ => {
                pairs += mixed.min(g.all_certified.map_or(u64::MAX, u64::from));
                room += takes;
            }
        }
    }
    // The cheapest cover of what is left, fractionally: the least extra teachers per lesson
    // of room first (a·d < b·c compares a/c with b/d in whole numbers).
    dearer.sort_unstable_by(|(a, c), (b, d)| (a * d).cmp(&(b * c)));
    let mut extra = 0.0;
    let mut left = non_certified.saturating_sub(room);
    for (cost, takes) in dearer {
        if left == 0 {
            break;
        }
        let used = takes.min(left);
        extra += cost as f64 * used as f64 / takes as f64;
        left -= used;
    }
    // Pairs are whole: round the fractional cover up, short of rounding error.
    pairs + (extra - 1e-9).ceil().max(0.0) as u64
}

#[cfg(test)]
mod tests {
    use super::{Staffed, fewest, pairs_at_least};

    #[test]
    fn the_fewest_teachers_take_the_largest_amounts_first() {
        // 10 lessons; teachers who can give 6, 3, 3 and 1: 6 + 3 = 9 < 10, 6 + 3 + 3 = 12.
        assert_eq!(fewest(&[6, 3, 3, 1], 10), Some(3));
        assert_eq!(fewest(&[6, 3, 3, 1], 0), Some(0));
        assert_eq!(fewest(&[10, 3], 10), Some(1));
        // 13 of 14: the group can never be staffed.
        assert_eq!(fewest(&[6, 3, 3, 1], 14), None);
    }

    fn group(lessons: u64, at_least: u32, all_certified: Option<u32>, room: u64) -> Staffed {
        Staffed {
            lessons,
            at_least,
            possible: true,
            all_certified,
            non_certified_room: room,
        }
    }

    #[test]
    fn non_certified_lessons_cost_a_second_teacher_in_the_groups_that_take_them() {
        // Three groups of 10 lessons, each can be given by one certified teacher or take up
        // to 9 non-certified lessons (1.7.1b keeps one certified) with 2 teachers. No
        // non-certified lesson: 3 pairs. 12 of them: one group takes 9, a second the other 3
        // (3/9 of a teacher, rounded up): 5. 27: all three take 9: 6.
        let gs = [group(10, 1, Some(1), 10); 3];
        assert_eq!(pairs_at_least(&gs, 1, 0), 3);
        assert_eq!(pairs_at_least(&gs, 1, 12), 5);
        assert_eq!(pairs_at_least(&gs, 1, 27), 6);
        // Without 1.7.1b a non-certified teacher may give a group alone: no extra teacher.
        assert_eq!(pairs_at_least(&gs, 0, 27), 3);
        // A group certified teachers cannot give alone has its two teachers anyway, and its
        // room comes for free: 9 of the 12 there, 3 in a second group (1 more): 2 + 1 + 1 + 1.
        let mixed = [
            group(10, 1, None, 10),
            group(10, 1, Some(1), 10),
            group(10, 1, Some(1), 10),
        ];
        assert_eq!(pairs_at_least(&mixed, 1, 12), 5);
    }
}
