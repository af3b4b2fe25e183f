//! Soundness of the timetable itself: every row is a planned lesson, given once, and every
//! planned lesson of a running group is given (C141, C142, C143, C156).
//!
//! Planned lessons are re-derived from the groups' weekly slots and dates
//! ([`Instance::lessons_of`]); a row matches one when course code, date, start and end time
//! and location are all equal. Rows that match nothing (a holiday, a wrong time, a wrong
//! location) are reported, never silently dropped, and they still count as lessons given in
//! the totals: the share is about what the timetable says was taught.

use super::facts::{Facts, list_some, list_some_nl};
use super::types::{Finding, SubjectKind};
use crate::diag::FindingCode;
use crate::domain::{CourseCode, Group, Instance, Lesson, TimetableRow};
use chrono::{NaiveDate, NaiveTime};
use std::collections::BTreeMap;

/// A lesson's identity in the timetable: course code, date and start time.
pub type LessonKey<'a> = (&'a CourseCode, NaiveDate, NaiveTime);

/// The planned lessons of every group of the instance, by key.
pub struct Plan {
    lessons: BTreeMap<(CourseCode, NaiveDate, NaiveTime), Lesson>,
}

impl Plan {
    pub fn new(instance: &Instance) -> Self {
        let lessons = instance
            .lessons()
            .into_iter()
            .map(|l| ((l.course_code.clone(), l.date, l.time.start), l))
            .collect();
        Plan { lessons }
    }

    /// The planned lesson a row stands for, if it matches one exactly.
    pub fn matched(&self, row: &TimetableRow) -> Option<&Lesson> {
        self.lessons
            .get(&(row.course_code.clone(), row.date, row.time.start))
            .filter(|l| l.time.end == row.time.end && l.location == row.location)
    }

    fn of_group<'p>(&'p self, group: &'p Group) -> impl Iterator<Item = &'p Lesson> + 'p {
        self.lessons
            .values()
            .filter(move |l| l.course_code == group.course_code)
    }
}

pub fn key(row: &TimetableRow) -> LessonKey<'_> {
    (&row.course_code, row.date, row.time.start)
}

/// C141, C142, C143 and C156.
pub fn judge(f: &Facts, plan: &Plan) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut rows_by_key: BTreeMap<LessonKey, (usize, usize)> = BTreeMap::new();
    for row in &f.schedule.timetable {
        let entry = rows_by_key.entry(key(row)).or_default();
        entry.0 += 1;
        if row.teacher.is_some() {
            entry.1 += 1;
        }
    }
    for group in f.groups.values() {
        if !f.is_running(group) {
            continue;
        }
        let code = &group.course_code;
        let lessons = f.lessons_of(code);
        if group.optional && f.size(code) == 0 {
            // The group should not run at all; its unstaffed lessons are not the problem.
            out.push(
                Finding::new(
                    FindingCode::ClosedGroupActive,
                    SubjectKind::Course,
                    code.as_str(),
                    format!("optional group {code} has no students but {lessons} lesson(s)"),
                )
                .nl(format!(
                    "optionele groep {code} heeft geen cursisten maar wel {lessons} les(sen)"
                )),
            );
            continue;
        }
        // With a choice of meeting times: the lessons of the alternative the rows follow.
        let slots = f.meeting_slots(group);
        let planned: Vec<&Lesson> = plan
            .of_group(group)
            .filter(|l| slots.contains(&l.slot))
            .collect();
        let missing: Vec<String> = planned
            .iter()
            .filter(|l| {
                rows_by_key
                    .get(&(&l.course_code, l.date, l.time.start))
                    .is_none_or(|(_, staffed)| *staffed == 0)
            })
            .map(|l| format!("{} {}", l.date, l.time))
            .collect();
        if !missing.is_empty() {
            out.push(
                Finding::new(
                    FindingCode::LessonMissing,
                    SubjectKind::Course,
                    code.as_str(),
                    format!(
                        "course {code}: {} of {} planned lessons have no teacher: {}",
                        missing.len(),
                        planned.len(),
                        list_some(&missing)
                    ),
                )
                .nl(format!(
                    "cursus {code}: {} van de {} geplande lessen hebben geen docent: {}",
                    missing.len(),
                    planned.len(),
                    list_some_nl(&missing)
                ))
                .times(missing.len()),
            );
        }
    }
    out.extend(duplicates(&rows_by_key));
    out.extend(unplanned(f, plan));
    out
}

/// C142, one finding per course code.
fn duplicates(rows_by_key: &BTreeMap<LessonKey, (usize, usize)>) -> Vec<Finding> {
    // The lessons with their row counts, in English and in Dutch.
    type Rows = (Vec<String>, Vec<String>);
    let mut per_course: BTreeMap<&CourseCode, Rows> = BTreeMap::new();
    for ((code, date, start), (rows, _)) in rows_by_key {
        if *rows > 1 {
            let (en, nl) = per_course.entry(code).or_default();
            let start = start.format("%H:%M");
            en.push(format!("{date} {start} ({rows} rows)"));
            nl.push(format!("{date} {start} ({rows} regels)"));
        }
    }
    per_course
        .into_iter()
        .map(|(code, (dups, dups_nl))| {
            Finding::new(
                FindingCode::LessonDuplicated,
                SubjectKind::Course,
                code.as_str(),
                format!(
                    "course {code}: {} lesson(s) appear more than once in the timetable: {}",
                    dups.len(),
                    list_some(&dups)
                ),
            )
            .nl(format!(
                "cursus {code}: {} les(sen) staan meer dan eens in het rooster: {}",
                dups_nl.len(),
                list_some_nl(&dups_nl)
            ))
            .times(dups.len())
        })
        .collect()
}

/// C143, one finding per course code, each row with the reason it matches nothing.
fn unplanned(f: &Facts, plan: &Plan) -> Vec<Finding> {
    // The rows with their reasons, in English and in Dutch.
    type Rows = (Vec<String>, Vec<String>);
    let mut per_course: BTreeMap<&CourseCode, Rows> = BTreeMap::new();
    for row in &f.schedule.timetable {
        let Some(group) = f.groups.get(&row.course_code) else {
            continue; // C157
        };
        if plan.matched(row).is_some() {
            continue;
        }
        let (why, why_nl) = reason(f, plan, group, row);
        let (en, nl) = per_course.entry(&row.course_code).or_default();
        en.push(format!(
            "{} {} at {} ({why})",
            row.date, row.time, row.location
        ));
        nl.push(format!(
            "{} {} in {} ({why_nl})",
            row.date, row.time, row.location
        ));
    }
    per_course
        .into_iter()
        .map(|(code, (rows, rows_nl))| {
            Finding::new(
                FindingCode::LessonNotPlanned,
                SubjectKind::Course,
                code.as_str(),
                format!(
                    "course {code}: {} timetable row(s) match no planned lesson of the group: {}",
                    rows.len(),
                    list_some(&rows)
                ),
            )
            .nl(format!(
                "cursus {code}: {} roosterregel(s) horen bij geen geplande les van de groep: {}",
                rows_nl.len(),
                list_some_nl(&rows_nl)
            ))
            .times(rows.len())
        })
        .collect()
}

/// Why a row of a known group matches no planned lesson, most basic cause first, in English
/// and in Dutch.
fn reason(f: &Facts, plan: &Plan, group: &Group, row: &TimetableRow) -> (String, String) {
    let school = &f.instance.school;
    if row.date < group.start || row.date > group.end {
        return (
            format!("outside the group's dates {} to {}", group.start, group.end),
            format!(
                "buiten de data van de groep, {} tot en met {}",
                group.start, group.end
            ),
        );
    }
    if let Some(c) = school
        .closed
        .iter()
        .find(|c| row.date >= c.from && row.date <= c.to)
    {
        return (
            format!("school closed: {}", c.reason),
            format!("school gesloten: {}", c.reason),
        );
    }
    if !school.is_open(row.date) {
        return (
            "outside the term".to_string(),
            "buiten de lesperiode".to_string(),
        );
    }
    match plan
        .lessons
        .get(&(row.course_code.clone(), row.date, row.time.start))
    {
        None => (
            "the group has no slot at that day and time".to_string(),
            "de groep heeft op die dag en tijd geen lesmoment".to_string(),
        ),
        Some(l) if l.time.end != row.time.end => (
            format!("the planned lesson is {}", l.time),
            format!("de geplande les is {}", l.time),
        ),
        Some(l) => (
            format!("the group meets at {}", l.location),
            format!("de groep heeft les in {}", l.location),
        ),
    }
}

#[cfg(test)]
mod tests;
