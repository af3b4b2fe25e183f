//! Pass 2: who can give which lessons. One teacher per segment of an open group; no teacher
//! in two lessons at once; at most `max_lessons_per_week`.

use super::variables::clean;
use super::{Cmp, Family, Model, Segment, VarId};
use crate::domain::Instance;
use chrono::{Datelike, NaiveDate, NaiveTime};
use std::collections::{BTreeMap, BTreeSet};

pub fn run(instance: &Instance, m: &mut Model) {
    staffing(instance, m);
    for t in 0..instance.teachers.len() {
        let mine: Vec<(usize, VarId)> = m
            .assign
            .iter()
            .enumerate()
            .flat_map(|(si, a)| {
                a.iter()
                    .filter(|(tt, _)| *tt == t)
                    .map(move |(_, z)| (si, *z))
            })
            .collect();
        if mine.is_empty() {
            continue;
        }
        overlap(instance, m, t, &mine);
        weekly(instance, m, t, &mine);
    }
}

/// The name of the staffing row of segment `s`, e.g. `staff_B1_UTR_01_mon_morning_1`.
pub fn staffing_row(instance: &Instance, s: &Segment) -> String {
    format!(
        "staff_{}_{}_{}",
        clean(instance.groups[s.group].course_code.as_str()),
        clean(&s.slot.to_string()),
        s.part
    )
}

/// Σ_t z[t, s] = open[g]: every lesson of a running group is given, by exactly one teacher.
fn staffing(instance: &Instance, m: &mut Model) {
    for (si, s) in m.segments.iter().enumerate() {
        let mut terms: Vec<(VarId, f64)> = m.assign[si].iter().map(|(_, z)| (*z, 1.0)).collect();
        terms.push((m.open[s.group], -1.0));
        m.mip.row(
            staffing_row(instance, s),
            Family::Staffing,
            terms,
            Cmp::Eq,
            0.0,
        );
    }
}

/// For every date and every moment a lesson of this teacher starts, the segments going on
/// then form a clique: at most one of them. Identical cliques (the same segments on many
/// dates) give one row, and cliques inside a larger one are dropped.
fn overlap(instance: &Instance, m: &mut Model, t: usize, mine: &[(usize, VarId)]) {
    let mut by_date: BTreeMap<NaiveDate, Vec<usize>> = BTreeMap::new();
    for &(si, _) in mine {
        for d in &m.segments[si].dates {
            by_date.entry(*d).or_default().push(si);
        }
    }
    let mut cliques: BTreeSet<Vec<usize>> = BTreeSet::new();
    for segs in by_date.values() {
        let starts: BTreeSet<NaiveTime> = segs.iter().map(|&s| m.segments[s].time.start).collect();
        for p in starts {
            let mut clique: Vec<usize> = segs
                .iter()
                .copied()
                .filter(|&s| m.segments[s].time.start <= p && p < m.segments[s].time.end)
                .collect();
            if clique.len() > 1 {
                clique.sort_unstable();
                cliques.insert(clique);
            }
        }
    }
    let all: Vec<&Vec<usize>> = cliques.iter().collect();
    let maximal = all.iter().filter(|c| {
        !all.iter()
            .any(|o| o.len() > c.len() && c.iter().all(|x| o.binary_search(x).is_ok()))
    });
    let var = |si: usize| mine.iter().find(|(s, _)| *s == si).map(|(_, z)| *z);
    for (k, clique) in maximal.enumerate() {
        let terms = clique
            .iter()
            .filter_map(|&s| var(s))
            .map(|z| (z, 1.0))
            .collect();
        let name = format!(
            "overlap_{}_{}",
            clean(instance.teachers[t].id.as_str()),
            k + 1
        );
        m.mip.row(name, Family::Overlap, terms, Cmp::Le, 1.0);
    }
}

/// Σ_s (lessons of s in week w) z[t, s] <= max, per ISO week; identical weeks give one row,
/// and weeks that cannot exceed the maximum give none.
fn weekly(instance: &Instance, m: &mut Model, t: usize, mine: &[(usize, VarId)]) {
    let Some(max) = instance.teachers[t].max_lessons_per_week else {
        return;
    };
    let mut weeks: BTreeMap<(i32, u32), BTreeMap<VarId, u32>> = BTreeMap::new();
    for &(si, z) in mine {
        for d in &m.segments[si].dates {
            let w = d.iso_week();
            *weeks
                .entry((w.year(), w.week()))
                .or_default()
                .entry(z)
                .or_default() += 1;
        }
    }
    let rows: BTreeSet<Vec<(VarId, u32)>> = weeks
        .into_values()
        .map(|c| c.into_iter().collect::<Vec<_>>())
        .filter(|c| c.iter().map(|(_, n)| n).sum::<u32>() > max)
        .collect();
    for (k, row) in rows.into_iter().enumerate() {
        let terms = row.into_iter().map(|(z, n)| (z, f64::from(n))).collect();
        let name = format!(
            "weekly_{}_{}",
            clean(instance.teachers[t].id.as_str()),
            k + 1
        );
        m.mip
            .row(name, Family::WeeklyMax, terms, Cmp::Le, f64::from(max));
    }
}
