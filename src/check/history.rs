//! The history of a replan (C162): every lesson before the replan's date is given exactly
//! as in the schedule it replaces (see `domain::frozen`), and no other lesson is dated
//! before it. Judged only for an instance that carries the replaced schedule
//! (`nt2plan replan`, `nt2plan check --against CURRENT --from DATE`). One finding per
//! course, listing its changed lessons.

use super::facts::{Facts, list_some};
use super::soundness::Plan;
use super::types::{Finding, SubjectKind};
use crate::diag::FindingCode;
use crate::domain::{CourseCode, TeacherId};
use std::collections::{BTreeMap, BTreeSet};

fn who(t: Option<&TeacherId>) -> String {
    t.map_or_else(|| "nobody".to_string(), ToString::to_string)
}

/// C162 per course whose history differs from the replaced schedule's.
pub fn judge(f: &Facts, plan: &Plan) -> Vec<Finding> {
    let Some(frozen) = &f.instance.frozen else {
        return Vec::new();
    };
    let mut changed: BTreeMap<CourseCode, Vec<String>> = BTreeMap::new();
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
            changed
                .entry(row.course_code.clone())
                .or_default()
                .push(format!(
                    "{} {} added by {}",
                    row.date,
                    row.time,
                    who(row.teacher.as_ref())
                ));
            continue;
        };
        if before != &row.teacher {
            changed
                .entry(row.course_code.clone())
                .or_default()
                .push(format!(
                    "{} {} by {} instead of {}",
                    row.date,
                    key.2,
                    who(row.teacher.as_ref()),
                    who(before.as_ref())
                ));
        }
        seen.insert(key);
    }
    for (key, before) in &frozen.teachers {
        if frozen.is_history(key.1) && !seen.contains(key) {
            changed.entry(key.0.clone()).or_default().push(format!(
                "{} {} by {} left out",
                key.1,
                key.2,
                who(before.as_ref())
            ));
        }
    }
    changed
        .into_iter()
        .map(|(course, lessons)| {
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
            .times(lessons.len())
        })
        .collect()
}
