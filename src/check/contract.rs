//! Contract hours (C159..C161): every teacher gives at least their weekly and term minimum
//! and at most their term maximum, as [`crate::domain::contract`] defines them (the program
//! and the brute force use the same requirement).
//!
//! Every timetable row with the teacher counts, as for the weekly maximum (C149): a row that
//! matches no planned lesson is C143 already. A teacher the schedule never names still has
//! minimums: a week without any of their lessons is judged too.

use super::facts::{Facts, list_some, list_some_nl};
use super::types::{Finding, SubjectKind};
use crate::diag::FindingCode;
use crate::domain::{TeacherId, Week, week_of};
use std::collections::BTreeMap;

/// C159 per teacher with weeks below the minimum; C160 and C161 per teacher.
pub fn judge(f: &Facts) -> Vec<Finding> {
    if f.instance.teachers.iter().all(|t| t.contract.is_empty()) {
        return Vec::new();
    }
    let mut per_week: BTreeMap<(&TeacherId, Week), u32> = BTreeMap::new();
    let mut per_term: BTreeMap<&TeacherId, u32> = BTreeMap::new();
    for (row, teacher) in f.given() {
        *per_week.entry((teacher, week_of(row.date))).or_default() += 1;
        *per_term.entry(teacher).or_default() += 1;
    }
    let mut out = Vec::new();
    for (teacher, required) in f.instance.teachers.iter().zip(f.instance.contract()) {
        let id = &teacher.id;
        // The weeks short, with given of required, in English and in Dutch.
        let (short, short_nl): (Vec<String>, Vec<String>) = required
            .weeks
            .iter()
            .filter_map(|(&w, &min)| {
                let n = per_week.get(&(id, w)).copied().unwrap_or(0);
                (n < min).then(|| {
                    (
                        format!("{}-W{:02} ({n} of {min})", w.0, w.1),
                        format!("{}-W{:02} ({n} van {min})", w.0, w.1),
                    )
                })
            })
            .unzip();
        if !short.is_empty() {
            out.push(
                Finding::new(
                    FindingCode::WeeklyMinMissed,
                    SubjectKind::Teacher,
                    id.as_str(),
                    format!(
                        "teacher {id} gives fewer lessons than their weekly minimum in {} week(s) \
                         (given of required): {}",
                        short.len(),
                        list_some(&short)
                    ),
                )
                .nl(format!(
                    "docent {id} geeft in {} week/weken minder lessen dan diens weekminimum \
                     (gegeven van vereist): {}",
                    short_nl.len(),
                    list_some_nl(&short_nl)
                ))
                .times(short.len()),
            );
        }
        let given = per_term.get(id).copied().unwrap_or(0);
        if given < required.term_min {
            out.push(
                Finding::new(
                    FindingCode::TermMinMissed,
                    SubjectKind::Teacher,
                    id.as_str(),
                    format!(
                        "teacher {id} gives {given} lesson(s) in the term, fewer than the {} their \
                     term minimum requires",
                        required.term_min
                    ),
                )
                .nl(format!(
                    "docent {id} geeft {given} les(sen) in de lesperiode, minder dan de {} die \
                 diens minimum voor de lesperiode vraagt",
                    required.term_min
                )),
            );
        }
        if let Some(max) = required.term_max.filter(|m| given > *m) {
            out.push(
                Finding::new(
                    FindingCode::TermMaxExceeded,
                    SubjectKind::Teacher,
                    id.as_str(),
                    format!(
                        "teacher {id} gives {given} lesson(s) in the term, more than their \
                     max_lessons_per_term of {max}"
                    ),
                )
                .nl(format!(
                    "docent {id} geeft {given} les(sen) in de lesperiode, meer dan diens \
                 max_lessons_per_term van {max}"
                )),
            );
        }
    }
    out
}

#[cfg(test)]
mod tests;
