//! Observation lessons (Bijlage 2 of the Addendum advises that a non-certified teacher
//! regularly observes a certified one): every row of `observations.csv` must name a lesson the
//! observed teacher gives (C136), that teacher must be certified (C137), and the observer must
//! be free then: not teaching or observing at an overlapping time, available in that weekly
//! block and not unavailable that day (C138). A non-certified teacher who teaches and has
//! fewer observations than `observations_per_teacher` is a warning (C139): advice, not a norm.

use super::facts::{Facts, list_some, list_some_nl};
use super::soundness::Plan;
use super::types::{Finding, SubjectKind};
use crate::diag::FindingCode;
use crate::domain::{ObservationRow, TeacherId, TimetableRow};
use std::collections::BTreeMap;

/// The findings on observation lessons.
pub fn judge(f: &Facts, plan: &Plan) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut per: BTreeMap<&TeacherId, Vec<&ObservationRow>> = BTreeMap::new();
    for o in &f.schedule.observations {
        per.entry(&o.teacher).or_default().push(o);
        let what = format!(
            "{} {} {}-{}",
            o.date,
            o.course_code,
            o.time.start.format("%H:%M"),
            o.time.end.format("%H:%M")
        );
        let lesson = f.schedule.timetable.iter().find(|r| {
            r.course_code == o.course_code
                && r.date == o.date
                && r.time == o.time
                && r.teacher.as_ref() == Some(&o.observed)
        });
        let Some(lesson) = lesson else {
            out.push(
                Finding::new(
                    FindingCode::ObservedLessonMissing,
                    SubjectKind::Teacher,
                    o.teacher.as_str(),
                    format!(
                        "teacher {} is to observe {} on {what}, but the timetable has no such lesson by {}",
                        o.teacher, o.observed, o.observed
                    ),
                )
                .nl(format!(
                    "docent {} zou {} observeren op {what}, maar het rooster heeft die les van {} niet",
                    o.teacher, o.observed, o.observed
                )),
            );
            continue;
        };
        if !f.is_certified(&o.observed) {
            out.push(
                Finding::new(
                    FindingCode::ObservedNotCertified,
                    SubjectKind::Teacher,
                    o.teacher.as_str(),
                    format!(
                        "teacher {} observes {} on {what}, who is not certified",
                        o.teacher, o.observed
                    ),
                )
                .nl(format!(
                    "docent {} observeert {} op {what}, die niet gecertificeerd is",
                    o.teacher, o.observed
                )),
            );
        }
        if let Some((why, why_nl)) = busy(f, plan, o, lesson) {
            out.push(
                Finding::new(
                    FindingCode::ObserverNotFree,
                    SubjectKind::Teacher,
                    o.teacher.as_str(),
                    format!("teacher {} cannot observe on {what}: {why}", o.teacher),
                )
                .nl(format!(
                    "docent {} kan niet observeren op {what}: {why_nl}",
                    o.teacher
                )),
            );
        }
    }
    let wanted = f.instance.school.supervision.observations_per_teacher as usize;
    if wanted > 0 {
        for (id, lessons) in &f.lessons_by_teacher {
            let has = per.get(id).map_or(0, Vec::len);
            if *lessons > 0 && !f.is_certified(id) && f.teachers.contains_key(id) && has < wanted {
                out.push(
                    Finding::new(
                        FindingCode::ObservationsTooFew,
                        SubjectKind::Teacher,
                        id.as_str(),
                        format!(
                            "teacher {id} teaches and observes {has} lesson(s) of a certified teacher; the school plans {wanted}"
                        ),
                    )
                    .nl(format!(
                        "docent {id} geeft les en observeert {has} les(sen) van een gecertificeerde docent; de school plant er {wanted}"
                    )),
                );
            }
        }
    }
    out
}

/// Why the observer is not free for the lesson, if they are not, in English and in Dutch.
fn busy(
    f: &Facts,
    plan: &Plan,
    o: &ObservationRow,
    lesson: &TimetableRow,
) -> Option<(String, String)> {
    let teaching: Vec<String> = f
        .schedule
        .timetable
        .iter()
        .filter(|r| {
            r.teacher.as_ref() == Some(&o.teacher) && r.date == o.date && r.time.overlaps(&o.time)
        })
        .map(|r| r.course_code.to_string())
        .collect();
    if !teaching.is_empty() {
        return Some((
            format!("they teach {} then", list_some(&teaching)),
            format!("die geeft dan {}", list_some_nl(&teaching)),
        ));
    }
    let other = f
        .schedule
        .observations
        .iter()
        .filter(|x| {
            x.teacher == o.teacher && x.date == o.date && x.time.overlaps(&o.time) && *x != o
        })
        .count();
    if other > 0 {
        return Some((
            "they observe another lesson then".into(),
            "die observeert dan een andere les".into(),
        ));
    }
    if f.instance.is_unavailable(&o.teacher, o.date) {
        return Some((
            "they are unavailable that day".into(),
            "die is die dag afwezig".into(),
        ));
    }
    let teacher = f.teachers.get(&o.teacher)?;
    match plan.matched(lesson) {
        Some(l) if !teacher.available.allows(&l.slot) => Some((
            format!("they are not available {}", l.slot),
            format!("die is niet beschikbaar op {}", l.slot),
        )),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
