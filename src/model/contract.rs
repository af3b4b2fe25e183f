//! Pass 3: contract hours ([`crate::domain::contract`]). Per teacher and week with a
//! minimum, at least that many lessons; per teacher over the term, at least the term minimum
//! and at most `max_lessons_per_term`.
//!
//! The weekly rows are the per-lesson program's rows summed as the weekly maximum's are
//! (`staffing.rs`): every week with a minimum is a week with a row (`Model::binding`), so the
//! classes of the teacher's lessons there lie in such weeks only, and a component of joined
//! weeks asks the sum of their minimums. With classes given whole, every week is its own
//! row and the same classes give the same row, which asks the largest of their minimums.
//! A term row sums every class the teacher could give: exact for any classes.

use super::classes::Week;
use super::staffing::{components, sum_of, weeks_by_type};
use super::variables::clean;
use super::{Cmp, Family, Model, Subject, VarId};
use crate::domain::Instance;
use std::collections::BTreeMap;

pub fn run(instance: &Instance, m: &mut Model) {
    if m.contract.iter().all(|r| r.is_empty()) {
        return;
    }
    let mut mine: Vec<Vec<(usize, VarId)>> = vec![Vec::new(); instance.teachers.len()];
    for (ci, a) in m.assign.iter().enumerate() {
        for &(t, x) in a {
            mine[t].push((ci, x));
        }
    }
    for (t, mine) in mine.iter().enumerate() {
        let Some(required) = m.contract.get(t) else {
            continue;
        };
        if required.is_empty() {
            continue;
        }
        weekly(instance, m, t, mine);
        term(instance, m, t, mine);
    }
}

/// Σ lessons in the weeks of a component >= Σ of their minimums.
fn weekly(instance: &Instance, m: &mut Model, t: usize, mine: &[(usize, VarId)]) {
    let required = m.contract[t].clone();
    if required.weeks.is_empty() {
        return;
    }
    let by_type = weeks_by_type(m, t, mine);
    let whole = m.formulation.whole();
    // (weeks, classes) -> the lessons they must hold together.
    let mut rows: BTreeMap<Vec<usize>, (Vec<Week>, u32)> = BTreeMap::new();
    for list in by_type.values() {
        for (weeks, classes) in components(list, whole) {
            let ask: u32 = weeks.iter().map(|w| required.week(*w)).sum();
            if ask == 0 {
                continue;
            }
            let entry = rows.entry(classes).or_insert((Vec::new(), 0));
            if whole {
                // Classes given whole: the same classes in another week are the same row.
                if ask > entry.1 {
                    *entry = (weeks, ask);
                }
            } else {
                entry.0.extend(weeks);
                entry.1 += ask;
            }
        }
    }
    for (k, (classes, (weeks, ask))) in rows.into_iter().enumerate() {
        let terms = sum_of(mine, &classes);
        let name = format!(
            "weekly_min_{}_{}",
            clean(instance.teachers[t].id.as_str()),
            k + 1
        );
        let subject = Subject::Weeks { teacher: t, weeks };
        m.mip.row(
            name,
            Family::ContractMin,
            subject,
            terms,
            Cmp::Ge,
            f64::from(ask),
        );
    }
}

/// Σ every lesson of the teacher >= the term minimum, <= the term maximum.
fn term(instance: &Instance, m: &mut Model, t: usize, mine: &[(usize, VarId)]) {
    let required = &m.contract[t];
    let (min, max) = (required.term_min, required.term_max);
    let most: u32 = mine.iter().map(|&(c, _)| m.classes[c].lessons()).sum();
    let terms: Vec<(VarId, f64)> = mine.iter().map(|&(c, x)| (x, m.unit(c))).collect();
    let id = clean(instance.teachers[t].id.as_str());
    if min > 0 {
        m.mip.row(
            format!("term_min_{id}"),
            Family::ContractMin,
            Subject::Teacher(t),
            terms.clone(),
            Cmp::Ge,
            f64::from(min),
        );
    }
    if let Some(max) = max.filter(|&max| most > max) {
        m.mip.row(
            format!("term_max_{id}"),
            Family::TermMax,
            Subject::Teacher(t),
            terms,
            Cmp::Le,
            f64::from(max),
        );
    }
}
