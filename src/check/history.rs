//! The history of a replan (C162): every lesson before the replan's date is given exactly
//! as in the schedule it replaces (see `domain::frozen`): its teacher and, with rooms, its
//! room; and no other lesson is dated
//! before it; likewise every observation lesson (C167, one finding per observer). Judged only for an instance that carries the replaced schedule
//! (`nt2plan replan`, `nt2plan check --against CURRENT --from DATE`). One finding per
//! course, listing its changed lessons.

use super::facts::{Facts, list_some, list_some_nl};
use super::soundness::Plan;
use super::types::{Finding, SubjectKind};
use crate::diag::FindingCode;
use crate::domain::{CourseCode, ObservationRow, TeacherId};
use std::collections::{BTreeMap, BTreeSet};

fn who(t: Option<&TeacherId>) -> String {
    t.map_or_else(|| "nobody".to_string(), ToString::to_string)
}

fn wie(t: Option<&TeacherId>) -> String {
    t.map_or_else(|| "niemand".to_string(), ToString::to_string)
}

/// The changed lessons or observations of one subject, in English and in Dutch.
type Changes = (Vec<String>, Vec<String>);

/// C162 per course whose history differs from the replaced schedule's.
pub fn judge(f: &Facts, plan: &Plan) -> Vec<Finding> {
    let Some(frozen) = &f.instance.frozen else {
        return Vec::new();
    };
    let mut changed: BTreeMap<CourseCode, Changes> = BTreeMap::new();
    let mut seen = BTreeSet::new();
    for row in f
        .schedule
        .timetable
        .iter()
        .filter(|r| frozen.is_history(r.date))
    {
        let entry = plan
            .matched(row)
            .map(|l| (l.course_code.clone(), l.date, l.slot.clone()))
            .and_then(|key| Some((frozen.teachers.get(&key)?, key)));
        let Some((before, key)) = entry else {
            let (en, nl) = changed.entry(row.course_code.clone()).or_default();
            en.push(format!(
                "{} {} added by {}",
                row.date,
                row.time,
                who(row.teacher.as_ref())
            ));
            nl.push(format!(
                "{} {} toegevoegd door {}",
                row.date,
                row.time,
                wie(row.teacher.as_ref())
            ));
            continue;
        };
        if before != &row.teacher {
            let (en, nl) = changed.entry(row.course_code.clone()).or_default();
            en.push(format!(
                "{} {} by {} instead of {}",
                row.date,
                key.2,
                who(row.teacher.as_ref()),
                who(before.as_ref())
            ));
            nl.push(format!(
                "{} {} door {} in plaats van {}",
                row.date,
                key.2,
                wie(row.teacher.as_ref()),
                wie(before.as_ref())
            ));
        }
        if let Some(room) = frozen.rooms.get(&key)
            && row.room.as_ref() != Some(room)
        {
            let (en, nl) = changed.entry(row.course_code.clone()).or_default();
            en.push(format!(
                "{} {} in room {} instead of {room}",
                row.date,
                key.2,
                row.room.as_ref().map_or("none", |r| r.as_str())
            ));
            nl.push(format!(
                "{} {} in lokaal {} in plaats van {room}",
                row.date,
                key.2,
                row.room.as_ref().map_or("geen", |r| r.as_str())
            ));
        }
        seen.insert(key);
    }
    for (key, before) in &frozen.teachers {
        if frozen.is_history(key.1) && !seen.contains(key) {
            let (en, nl) = changed.entry(key.0.clone()).or_default();
            en.push(format!(
                "{} {} by {} left out",
                key.1,
                key.2,
                who(before.as_ref())
            ));
            nl.push(format!(
                "{} {} door {} weggelaten",
                key.1,
                key.2,
                wie(before.as_ref())
            ));
        }
    }
    let mut findings = observations(f);
    findings.extend(changed.into_iter().map(|(course, (lessons, lessons_nl))| {
        Finding::new(
            FindingCode::HistoryChanged,
            SubjectKind::Course,
            course.as_str(),
            format!(
                "{} lesson(s) of {course} before {} differ from the schedule replaced: {}",
                lessons.len(),
                frozen.from,
                list_some(&lessons)
            ),
        )
        .nl(format!(
            "{} les(sen) van {course} vóór {} wijken af van het vervangen rooster: {}",
            lessons_nl.len(),
            frozen.from,
            list_some_nl(&lessons_nl)
        ))
        .times(lessons.len())
    }));
    findings
}

/// C167 per observer whose observation lessons before the date differ from the replaced
/// schedule's (one added or left out; an observation is its observer, lesson and observed).
fn observations(f: &Facts) -> Vec<Finding> {
    let Some(frozen) = &f.instance.frozen else {
        return Vec::new();
    };
    let before = |list: &[ObservationRow]| -> BTreeSet<ObservationRow> {
        list.iter()
            .filter(|o| frozen.is_history(o.date))
            .cloned()
            .collect()
    };
    let (was, now) = (
        before(&frozen.observations),
        before(&f.schedule.observations),
    );
    let mut changed: BTreeMap<TeacherId, Changes> = BTreeMap::new();
    for (set, other, what, what_nl) in [
        (&now, &was, "added", "toegevoegd"),
        (&was, &now, "left out", "weggelaten"),
    ] {
        for o in set.difference(other) {
            let (en, nl) = changed.entry(o.teacher.clone()).or_default();
            en.push(format!(
                "{} {} {} of {} {what}",
                o.date, o.time, o.course_code, o.observed
            ));
            nl.push(format!(
                "{} {} {} van {} {what_nl}",
                o.date, o.time, o.course_code, o.observed
            ));
        }
    }
    changed
        .into_iter()
        .map(|(teacher, (list, list_nl))| {
            Finding::new(
                FindingCode::ObservationHistoryChanged,
                SubjectKind::Teacher,
                teacher.as_str(),
                format!(
                    "{} observation lesson(s) of {teacher} before {} differ from the schedule replaced: {}",
                    list.len(),
                    frozen.from,
                    list_some(&list)
                ),
            )
            .nl(format!(
                "{} observatieles(sen) van {teacher} vóór {} wijken af van het vervangen rooster: {}",
                list_nl.len(),
                frozen.from,
                list_some_nl(&list_nl)
            ))
            .times(list.len())
        })
        .collect()
}
