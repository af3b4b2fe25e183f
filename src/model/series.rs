//! Lessons grouped into series: one weekly slot of one group over its dates, split into
//! segments wherever the set of teachers who could give it changes (unavailability).
//!
//! Deciding per segment instead of per lesson is what makes the program small: a term of
//! 15 weeks is one decision per slot unless a teacher is away for part of it.

use crate::domain::{Instance, Slot, TimeRange};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// Lessons of one series that the same teachers can give.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Segment {
    /// Index into `instance.groups`.
    pub group: usize,
    pub slot: Slot,
    pub time: TimeRange,
    /// In date order; never empty.
    pub dates: Vec<NaiveDate>,
    /// Indices into `instance.teachers` of everyone who can give all these lessons:
    /// location, profile, weekly availability, and not unavailable on any of the dates.
    pub candidates: Vec<usize>,
    /// 1-based number of this segment within its series (for names).
    pub part: usize,
}

impl Segment {
    pub fn lessons(&self) -> u32 {
        u32::try_from(self.dates.len()).unwrap_or(u32::MAX)
    }
}

/// Every segment of every group, in group order, then slot order, then first date.
pub fn segments(instance: &Instance) -> Vec<Segment> {
    let mut away: BTreeMap<usize, Vec<(NaiveDate, NaiveDate)>> = BTreeMap::new();
    for u in &instance.unavailability {
        if let Some(t) = instance.teachers.iter().position(|t| t.id == u.teacher) {
            away.entry(t).or_default().push((u.from, u.to));
        }
    }
    let is_away = |t: usize, d: NaiveDate| {
        away.get(&t)
            .is_some_and(|spans| spans.iter().any(|(f, to)| d >= *f && d <= *to))
    };
    let mut out = Vec::new();
    for (gi, group) in instance.groups.iter().enumerate() {
        let mut series: BTreeMap<Slot, (TimeRange, Vec<NaiveDate>)> = BTreeMap::new();
        for lesson in instance.lessons_of(group) {
            series
                .entry(lesson.slot)
                .or_insert((lesson.time, Vec::new()))
                .1
                .push(lesson.date);
        }
        for (slot, (time, dates)) in series {
            let qualified: Vec<usize> = instance
                .teachers
                .iter()
                .enumerate()
                .filter(|(_, t)| {
                    t.locations.contains(&group.location)
                        && t.profiles.contains(&group.profile)
                        && t.available.allows(&slot)
                })
                .map(|(i, _)| i)
                .collect();
            // Dates with the same available teachers form one segment, in first-date order.
            let mut parts: Vec<(Vec<usize>, Vec<NaiveDate>)> = Vec::new();
            for date in dates {
                let key: Vec<usize> = qualified
                    .iter()
                    .copied()
                    .filter(|&t| !is_away(t, date))
                    .collect();
                match parts.iter_mut().find(|(k, _)| *k == key) {
                    Some((_, ds)) => ds.push(date),
                    None => parts.push((key, vec![date])),
                }
            }
            for (i, (candidates, dates)) in parts.into_iter().enumerate() {
                out.push(Segment {
                    group: gi,
                    slot: slot.clone(),
                    time,
                    dates,
                    candidates,
                    part: i + 1,
                });
            }
        }
    }
    out
}
