//! Soundness for teachers: each lesson's teacher could give it (C144..C149).
//!
//! Every check runs over the rows with a teacher of the instance; unknown teachers are
//! reported once as C157 instead. Repeats are aggregated per teacher (and per location,
//! course or slot where that is what the planner has to fix), so a wrong availability over a
//! term is one finding listing its dates, not a line per lesson.

use super::facts::{Facts, list_some, list_some_nl};
use super::soundness::{Plan, key};
use super::types::{Finding, SubjectKind};
use crate::diag::FindingCode;
use crate::domain::{CourseCode, Location, Slot, Teacher, TeacherId, TimetableRow};
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, BTreeSet};

/// C144..C149.
pub fn judge(f: &Facts, plan: &Plan) -> Vec<Finding> {
    let mut rows_of: BTreeMap<&TeacherId, Vec<&TimetableRow>> = BTreeMap::new();
    for (row, teacher) in f.given() {
        rows_of.entry(teacher).or_default().push(row);
    }
    let mut out = Vec::new();
    for (id, rows) in rows_of {
        let Some(teacher) = f.teachers.get(id) else {
            continue; // C157
        };
        out.extend(overlaps(id, &rows));
        out.extend(places(f, teacher, &rows));
        out.extend(availability(f, plan, teacher, &rows));
        out.extend(weekly(teacher, &rows));
    }
    out
}

/// C144: two lessons on one date whose times overlap. Two rows of the same lesson are a
/// duplicate (C142), not an overlap.
fn overlaps(id: &TeacherId, rows: &[&TimetableRow]) -> Vec<Finding> {
    let mut by_date: BTreeMap<NaiveDate, Vec<&TimetableRow>> = BTreeMap::new();
    for r in rows {
        by_date.entry(r.date).or_default().push(r);
    }
    let mut clashes = Vec::new();
    let mut clashes_nl = Vec::new();
    for (date, mut day) in by_date {
        day.sort_by_key(|r| (r.time, &r.course_code));
        for (i, a) in day.iter().enumerate() {
            for b in &day[i + 1..] {
                if key(a) != key(b) && a.time.overlaps(&b.time) {
                    clashes.push(format!(
                        "{date} {} {} and {} {}",
                        a.course_code, a.time, b.course_code, b.time
                    ));
                    clashes_nl.push(format!(
                        "{date} {} {} en {} {}",
                        a.course_code, a.time, b.course_code, b.time
                    ));
                }
            }
        }
    }
    if clashes.is_empty() {
        return Vec::new();
    }
    vec![
        Finding::new(
            FindingCode::TeacherOverlap,
            SubjectKind::Teacher,
            id.as_str(),
            format!(
                "teacher {id} gives overlapping lessons {} time(s): {}",
                clashes.len(),
                list_some(&clashes)
            ),
        )
        .nl(format!(
            "docent {id} geeft {} keer lessen die elkaar overlappen: {}",
            clashes_nl.len(),
            list_some_nl(&clashes_nl)
        ))
        .times(clashes.len()),
    ]
}

/// C145 per location the teacher does not work at; C146 per course of a profile they are
/// not qualified for.
fn places(f: &Facts, teacher: &Teacher, rows: &[&TimetableRow]) -> Vec<Finding> {
    let id = &teacher.id;
    let mut wrong_location: BTreeMap<&Location, Vec<NaiveDate>> = BTreeMap::new();
    let mut wrong_profile: BTreeMap<&CourseCode, Vec<NaiveDate>> = BTreeMap::new();
    for r in rows {
        if !teacher.locations.contains(&r.location) {
            wrong_location.entry(&r.location).or_default().push(r.date);
        }
        if let Some(g) = f.groups.get(&r.course_code)
            && !teacher.profiles.contains(&g.profile)
        {
            wrong_profile
                .entry(&r.course_code)
                .or_default()
                .push(r.date);
        }
    }
    let mut out = Vec::new();
    for (location, dates) in wrong_location {
        out.push(
            Finding::new(
                FindingCode::TeacherLocation,
                SubjectKind::Teacher,
                id.as_str(),
                format!(
                    "teacher {id} gives {} lesson(s) at {location}, which is not one of their \
                     locations: {}",
                    dates.len(),
                    list_some(&dates)
                ),
            )
            .nl(format!(
                "docent {id} geeft {} les(sen) in {location}, geen van diens locaties: {}",
                dates.len(),
                list_some_nl(&dates)
            ))
            .times(dates.len()),
        );
    }
    for (code, dates) in wrong_profile {
        let profile = f
            .groups
            .get(code)
            .map(|g| g.profile.to_string())
            .unwrap_or_default();
        out.push(
            Finding::new(
                FindingCode::TeacherProfile,
                SubjectKind::Teacher,
                id.as_str(),
                format!(
                    "teacher {id} gives {} lesson(s) of course {code} (profile {profile}), which \
                     they are not qualified for: {}",
                    dates.len(),
                    list_some(&dates)
                ),
            )
            .nl(format!(
                "docent {id} geeft {} les(sen) van cursus {code} (profiel {profile}), waarvoor \
                 die niet bevoegd is: {}",
                dates.len(),
                list_some_nl(&dates)
            ))
            .times(dates.len()),
        );
    }
    out
}

/// C147 per weekly slot the teacher is not available in (taken from the planned lesson the
/// row matches; unmatched rows are C143 already); C148 for dates in `unavailability.csv`.
fn availability(f: &Facts, plan: &Plan, teacher: &Teacher, rows: &[&TimetableRow]) -> Vec<Finding> {
    let id = &teacher.id;
    let mut slots: BTreeMap<&Slot, Vec<String>> = BTreeMap::new();
    let mut dates: BTreeSet<NaiveDate> = BTreeSet::new();
    let mut lessons_on_unavailable = 0;
    for r in rows {
        if let Some(l) = plan.matched(r)
            && !teacher.available.allows(&l.slot)
        {
            slots
                .entry(&l.slot)
                .or_default()
                .push(format!("{} {}", r.date, r.course_code));
        }
        if f.instance.is_unavailable(id, r.date) {
            dates.insert(r.date);
            lessons_on_unavailable += 1;
        }
    }
    let mut out = Vec::new();
    for (slot, lessons) in slots {
        out.push(
            Finding::new(
                FindingCode::TeacherAvailability,
                SubjectKind::Teacher,
                id.as_str(),
                format!(
                    "teacher {id} is not available {slot} but gives {} lesson(s) then: {}",
                    lessons.len(),
                    list_some(&lessons)
                ),
            )
            .nl(format!(
                "docent {id} is niet beschikbaar op {slot} maar geeft dan {} les(sen): {}",
                lessons.len(),
                list_some_nl(&lessons)
            ))
            .times(lessons.len()),
        );
    }
    if !dates.is_empty() {
        let dates: Vec<NaiveDate> = dates.into_iter().collect();
        out.push(
            Finding::new(
                FindingCode::TeacherUnavailable,
                SubjectKind::Teacher,
                id.as_str(),
                format!(
                    "teacher {id} is unavailable on {} date(s) but gives {lessons_on_unavailable} \
                     lesson(s) then: {}",
                    dates.len(),
                    list_some(&dates)
                ),
            )
            .nl(format!(
                "docent {id} is op {} datum(s) afwezig maar geeft dan {lessons_on_unavailable} \
                 les(sen): {}",
                dates.len(),
                list_some_nl(&dates)
            ))
            .times(dates.len()),
        );
    }
    out
}

/// C149: more rows than `max_lessons_per_week` in an ISO week (Monday to Sunday).
fn weekly(teacher: &Teacher, rows: &[&TimetableRow]) -> Vec<Finding> {
    let Some(max) = teacher.max_lessons_per_week else {
        return Vec::new();
    };
    let mut per_week: BTreeMap<(i32, u32), u32> = BTreeMap::new();
    for r in rows {
        let w = r.date.iso_week();
        *per_week.entry((w.year(), w.week())).or_default() += 1;
    }
    let over: Vec<String> = per_week
        .into_iter()
        .filter(|(_, n)| *n > max)
        .map(|((y, w), n)| format!("{y}-W{w:02} ({n})"))
        .collect();
    if over.is_empty() {
        return Vec::new();
    }
    let id = &teacher.id;
    vec![
        Finding::new(
            FindingCode::TeacherWeeklyMax,
            SubjectKind::Teacher,
            id.as_str(),
            format!(
                "teacher {id} gives more than their maximum of {max} lessons per week in {} \
                 week(s): {}",
                over.len(),
                list_some(&over)
            ),
        )
        .nl(format!(
            "docent {id} geeft in {} week/weken meer dan diens maximum van {max} lessen per \
             week: {}",
            over.len(),
            list_some_nl(&over)
        ))
        .times(over.len()),
    ]
}

#[cfg(test)]
mod tests;
