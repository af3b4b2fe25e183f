//! The rows the classes must line up with: a teacher's weeks where the weekly maximum can
//! bind, and the cliques of a teacher's lessons that overlap on a date.

use super::{Series, Week, align, week_of};
use crate::domain::{Instance, TimeRange};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// The per-lesson rows of every teacher, by type: the weeks in which the weekly maximum can
/// bind, and the maximal cliques of overlapping lessons on each date. Each row lists its
/// lessons in series order; rows of one teacher and one set of series form a type.
pub(super) fn row_types(
    series: &[Series],
    by_date: &HashMap<(usize, NaiveDate), Vec<usize>>,
    by_week: &HashMap<(usize, Week), Vec<usize>>,
    binding: &BTreeSet<(usize, Week)>,
) -> Vec<Vec<Vec<align::Lesson>>> {
    let mut at: HashMap<(usize, NaiveDate), usize> = HashMap::new();
    for (si, s) in series.iter().enumerate() {
        for (k, d) in s.dates.iter().enumerate() {
            at.insert((si, *d), k);
        }
    }
    let lesson_in_week = |si: usize, w: Week| {
        series[si]
            .dates
            .iter()
            .position(|d| week_of(*d) == w)
            .map(|k| (si, k))
    };
    let mut types: BTreeMap<(usize, bool, Vec<usize>), Vec<Vec<align::Lesson>>> = BTreeMap::new();
    let mut weeks: Vec<(&(usize, Week), &Vec<usize>)> = by_week.iter().collect();
    weeks.sort();
    for (&(t, w), list) in weeks {
        if binding.contains(&(t, w)) {
            let row: Vec<align::Lesson> = list
                .iter()
                .filter_map(|&si| lesson_in_week(si, w))
                .collect();
            types.entry((t, true, list.clone())).or_default().push(row);
        }
    }
    let mut dates: Vec<(&(usize, NaiveDate), &Vec<usize>)> = by_date.iter().collect();
    dates.sort();
    for (&(t, d), here) in dates {
        let mut cliques: Vec<Vec<usize>> = Vec::new();
        for &si in here {
            let p = series[si].time.start;
            let mut clique: Vec<usize> = here
                .iter()
                .copied()
                .filter(|&o| series[o].time.start <= p && p < series[o].time.end)
                .collect();
            clique.sort_unstable();
            if clique.len() > 1 && !cliques.contains(&clique) {
                cliques.push(clique);
            }
        }
        let maximal: Vec<&Vec<usize>> = cliques
            .iter()
            .filter(|c| {
                !cliques
                    .iter()
                    .any(|o| o.len() > c.len() && c.iter().all(|x| o.contains(x)))
            })
            .collect();
        for clique in maximal {
            let row: Vec<align::Lesson> = clique
                .iter()
                .filter_map(|&si| at.get(&(si, d)).map(|&k| (si, k)))
                .collect();
            types
                .entry((t, false, clique.clone()))
                .or_default()
                .push(row);
        }
    }
    types.into_values().collect()
}

/// The (teacher, week) pairs in which the teacher's weekly maximum can bind: they could give
/// more lessons than it that week. Lessons at the same time count once (nobody gives two at
/// once): per date the most lessons that do not overlap, found by earliest end.
pub(super) fn binding_weeks(
    instance: &Instance,
    series: &[Series],
    by_week: &HashMap<(usize, Week), Vec<usize>>,
) -> BTreeSet<(usize, Week)> {
    let mut out = BTreeSet::new();
    for (&(t, w), list) in by_week {
        let Some(max) = instance.teachers[t].max_lessons_per_week else {
            continue;
        };
        if list.len() <= max as usize {
            continue;
        }
        let mut by_day: BTreeMap<crate::domain::Day, Vec<TimeRange>> = BTreeMap::new();
        for &si in list {
            by_day
                .entry(series[si].slot.day)
                .or_default()
                .push(series[si].time);
        }
        let mut most = 0usize;
        for times in by_day.values_mut() {
            times.sort_by_key(|r| (r.end, r.start));
            let mut free_from = None;
            for r in times.iter() {
                if free_from.is_none_or(|f| r.start >= f) {
                    most += 1;
                    free_from = Some(r.end);
                }
            }
        }
        if most > max as usize {
            out.insert((t, w));
        }
    }
    out
}
