//! Pass 2: who can give which lessons. Every lesson of an open group once; no teacher in
//! two lessons at once; at most `max_lessons_per_week`.
//!
//! The no-overlap and weekly rows are those of the per-lesson program, summed. A per-lesson
//! row (one teacher, one date or week) holds one lesson of each class in it. Rows of the same
//! *type* (the same series) are joined when they share a class; by the way classes are made
//! (`classes.rs`), every lesson of every class in such a component lies in exactly one of
//! its rows, so the component's sum is a row over the class counts: exact as a sum, and a
//! relaxation of the rows it replaces. With one class per lesson nothing is joined and the
//! rows are the per-lesson program's.

use super::classes::{Week, week_of};
use super::variables::clean;
use super::{Cmp, Family, Model, Subject, VarId};
use crate::domain::Instance;
use chrono::{NaiveDate, NaiveTime};
use std::collections::{BTreeMap, BTreeSet, HashMap};

pub fn run(instance: &Instance, m: &mut Model) {
    cover(instance, m);
    let mut mine: Vec<Vec<(usize, VarId)>> = vec![Vec::new(); instance.teachers.len()];
    for (ci, a) in m.assign.iter().enumerate() {
        for &(t, x) in a {
            mine[t].push((ci, x));
        }
    }
    for (t, mine) in mine.iter().enumerate() {
        if mine.is_empty() {
            continue;
        }
        overlap(instance, m, t, mine);
        weekly(instance, m, t, mine);
    }
}

/// The name of the staffing row of class `c`, e.g. `staff_B1_UTR_01_mon_morning_1`.
fn staffing_row(instance: &Instance, m: &Model, c: usize) -> String {
    let class = &m.classes[c];
    format!(
        "staff_{}_{}_{}",
        clean(instance.groups[class.group].course_code.as_str()),
        clean(&class.slot.to_string()),
        class.part
    )
}

/// Σ_t x[t, c] = lessons(c) · active(c): every lesson of a running group (of its chosen
/// alternative, see `choices.rs`) is given, once.
fn cover(instance: &Instance, m: &mut Model) {
    for ci in 0..m.classes.len() {
        let c = &m.classes[ci];
        let unit = m.unit(ci);
        let mut terms: Vec<(VarId, f64)> = m.assign[ci].iter().map(|(_, x)| (*x, unit)).collect();
        terms.push((m.active(ci), -f64::from(c.lessons())));
        let name = staffing_row(instance, m, ci);
        m.mip.row(
            name,
            Family::Staffing,
            Subject::Class(ci),
            terms,
            Cmp::Eq,
            0.0,
        );
    }
}

/// Σ over `classes` of the teacher's variables (`mine`: per class the teacher may give).
pub(super) fn sum_of(mine: &[(usize, VarId)], classes: &[usize]) -> Vec<(VarId, f64)> {
    classes
        .iter()
        .filter_map(|&ci| mine.iter().find(|(c, _)| *c == ci).map(|(_, x)| (*x, 1.0)))
        .collect()
}

/// The rows of every type joined by shared classes ([`components`]), each set of classes
/// once per number of dates or weeks it sums (once at all when classes are given whole:
/// then its rows are per date or week and the same classes give the same row).
pub(super) fn joined<K: Copy + Ord>(
    by_type: &BTreeMap<Vec<usize>, Vec<(K, Vec<usize>)>>,
    whole: bool,
) -> Vec<(Vec<K>, Vec<usize>)> {
    let mut seen: BTreeSet<(Vec<usize>, usize)> = BTreeSet::new();
    by_type
        .values()
        .flat_map(|rows| components(rows, whole))
        .filter(|(keys, classes)| {
            seen.insert((classes.clone(), if whole { 1 } else { keys.len() }))
        })
        .collect()
}

/// Per-lesson rows of one type joined into components: (the keys of the rows joined, the
/// classes they hold). Two rows join when they hold a common class; with classes given
/// whole (`whole`), every row stays apart: a binary per class is exact in every row.
pub(super) fn components<K: Copy + Ord>(
    rows: &[(K, Vec<usize>)],
    whole: bool,
) -> Vec<(Vec<K>, Vec<usize>)> {
    if whole {
        return rows.iter().map(|(k, c)| (vec![*k], c.clone())).collect();
    }
    let mut parent: Vec<usize> = (0..rows.len()).collect();
    fn root(parent: &mut [usize], mut i: usize) -> usize {
        while parent[i] != i {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        i
    }
    let mut first: HashMap<usize, usize> = HashMap::new();
    for (r, (_, classes)) in rows.iter().enumerate() {
        for &c in classes {
            match first.get(&c) {
                Some(&o) => {
                    let (a, b) = (root(&mut parent, o), root(&mut parent, r));
                    parent[a.max(b)] = a.min(b);
                }
                None => {
                    first.insert(c, r);
                }
            }
        }
    }
    let mut joined: BTreeMap<usize, (Vec<K>, BTreeSet<usize>)> = BTreeMap::new();
    for (r, (key, classes)) in rows.iter().enumerate() {
        let entry = joined.entry(root(&mut parent, r)).or_default();
        entry.0.push(*key);
        entry.1.extend(classes.iter().copied());
    }
    joined
        .into_values()
        .map(|(mut keys, classes)| {
            keys.sort_unstable();
            (keys, classes.into_iter().collect())
        })
        .collect()
}

/// For every date and every moment a lesson of this teacher starts, the lessons going on
/// then form a clique: at most one of them. Per date only maximal cliques; joined by type.
fn overlap(instance: &Instance, m: &mut Model, t: usize, mine: &[(usize, VarId)]) {
    let name = format!("overlap_{}", clean(instance.teachers[t].id.as_str()));
    overlap_rows(m, mine, &name, 1, Family::Overlap, |dates| Subject::Dates {
        teacher: t,
        dates,
    });
}

/// The no-overlap rows of one resource (a teacher, or a pool of `size` rooms) over `mine`,
/// its classes with their variables: per date and moment a lesson starts, the lessons going
/// on then form a clique, at most `size` of them (a clique of no more is no row); only
/// maximal cliques, joined by type. Rows are named `{name}_{k}`, of `family`; `subject`
/// tells the dates a row sums.
pub(super) fn overlap_rows(
    m: &mut Model,
    mine: &[(usize, VarId)],
    name: &str,
    size: usize,
    family: Family,
    subject: impl Fn(Vec<NaiveDate>) -> Subject,
) {
    let mut by_date: BTreeMap<NaiveDate, Vec<usize>> = BTreeMap::new();
    for &(ci, _) in mine {
        for d in &m.classes[ci].dates {
            by_date.entry(*d).or_default().push(ci);
        }
    }
    let mut by_type: BTreeMap<Vec<usize>, Vec<(NaiveDate, Vec<usize>)>> = BTreeMap::new();
    for (date, here) in by_date {
        let starts: BTreeSet<NaiveTime> = here.iter().map(|&c| m.classes[c].time.start).collect();
        let mut cliques: BTreeSet<Vec<usize>> = BTreeSet::new();
        for p in starts {
            let mut clique: Vec<usize> = here
                .iter()
                .copied()
                .filter(|&c| m.classes[c].time.start <= p && p < m.classes[c].time.end)
                .collect();
            if clique.len() > size {
                clique.sort_unstable();
                cliques.insert(clique);
            }
        }
        let all: Vec<&Vec<usize>> = cliques.iter().collect();
        for clique in all.iter().filter(|c| {
            !all.iter()
                .any(|o| o.len() > c.len() && c.iter().all(|x| o.binary_search(x).is_ok()))
        }) {
            let mut series: Vec<usize> = clique.iter().map(|&c| m.classes[c].series).collect();
            series.sort_unstable();
            by_type
                .entry(series)
                .or_default()
                .push((date, clique.to_vec()));
        }
    }
    let mut k = 0;
    for (dates, classes) in joined(&by_type, m.formulation.whole()) {
        k += 1;
        let terms = sum_of(mine, &classes);
        let rhs = (size * dates.len()) as f64;
        if m.formulation.whole() && classes.len() < 2 {
            continue;
        }
        m.mip.row(
            format!("{name}_{k}"),
            family,
            subject(dates),
            terms,
            Cmp::Le,
            rhs,
        );
    }
}

/// The weeks in which teacher `t`'s weekly rows can bind, each with the classes of `mine`
/// dated in it, grouped by the series those classes belong to (weeks of one type can share a
/// row). Used by the weekly maximum and the contract minimum alike.
pub(super) fn weeks_by_type(
    m: &Model,
    t: usize,
    mine: &[(usize, VarId)],
) -> BTreeMap<Vec<usize>, Vec<(Week, Vec<usize>)>> {
    let mut by_week: BTreeMap<Week, Vec<usize>> = BTreeMap::new();
    for &(ci, _) in mine {
        for d in &m.classes[ci].dates {
            by_week.entry(week_of(*d)).or_default().push(ci);
        }
    }
    let mut by_type: BTreeMap<Vec<usize>, Vec<(Week, Vec<usize>)>> = BTreeMap::new();
    for (week, mut here) in by_week {
        if !m.binding.contains(&(t, week)) {
            continue;
        }
        here.sort_unstable();
        let mut series: Vec<usize> = here.iter().map(|&c| m.classes[c].series).collect();
        series.sort_unstable();
        by_type.entry(series).or_default().push((week, here));
    }
    by_type
}

/// Σ lessons in week w <= max, per ISO week where the teacher could exceed it; joined by
/// type, and left out where the classes joined cannot exceed the sum of the maxima.
fn weekly(instance: &Instance, m: &mut Model, t: usize, mine: &[(usize, VarId)]) {
    let Some(max) = instance.teachers[t].max_lessons_per_week else {
        return;
    };
    let by_type = weeks_by_type(m, t, mine);
    let mut k = 0;
    for (weeks, classes) in joined(&by_type, m.formulation.whole()) {
        let rhs = f64::from(max) * weeks.len() as f64;
        let most: u32 = if m.formulation.whole() {
            classes.len() as u32
        } else {
            classes.iter().map(|&c| m.classes[c].lessons()).sum()
        };
        if f64::from(most) <= rhs {
            continue;
        }
        k += 1;
        let terms = sum_of(mine, &classes);
        let name = format!("weekly_{}_{k}", clean(instance.teachers[t].id.as_str()));
        let subject = Subject::Weeks { teacher: t, weeks };
        m.mip
            .row(name, Family::WeeklyMax, subject, terms, Cmp::Le, rhs);
    }
}

#[cfg(test)]
mod tests {
    use super::components;

    #[test]
    fn rows_sharing_a_class_are_joined_and_others_stay_apart() {
        // Weeks 1-2 hold classes 0 and 1, week 3 classes 0 and 2, week 4 class 3 alone.
        let rows = vec![
            (1, vec![0, 1]),
            (2, vec![0, 1]),
            (3, vec![0, 2]),
            (4, vec![3]),
        ];
        assert_eq!(
            components(&rows, false),
            vec![(vec![1, 2, 3], vec![0, 1, 2]), (vec![4], vec![3])]
        );
    }
}
