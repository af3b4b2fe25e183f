//! Teachers' wishes (`prefers`, `avoids`): per teacher with wishes, how many of their lessons
//! met one and how many broke one ([`crate::domain::Wishes::judge`]). A cost, not a norm:
//! no finding, only the counts `report.md` and the JSON show.

use super::facts::Facts;
use super::soundness::Plan;
use crate::domain::TeacherId;
use serde::Serialize;
use std::collections::BTreeMap;

/// One teacher's lessons against their wishes.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct TeacherWishes {
    pub teacher: TeacherId,
    /// Lessons of something preferred and of nothing avoided.
    pub met: u64,
    /// Lessons of something avoided, or of nothing preferred (when some things are).
    pub broken: u64,
}

/// Per teacher with wishes, by id.
pub fn wishes(f: &Facts, plan: &Plan) -> Vec<TeacherWishes> {
    let mut out: BTreeMap<&TeacherId, (u64, u64)> = f
        .instance
        .teachers
        .iter()
        .filter(|t| !t.wishes.is_empty())
        .map(|t| (&t.id, (0, 0)))
        .collect();
    if out.is_empty() {
        return Vec::new();
    }
    for (row, id) in f.given() {
        let (Some(t), Some(counts), Some(lesson)) =
            (f.teachers.get(id), out.get_mut(id), plan.matched(row))
        else {
            continue;
        };
        match t
            .wishes
            .judge(&lesson.course_code, &lesson.location, &lesson.slot)
        {
            Some(true) => counts.0 += 1,
            Some(false) => counts.1 += 1,
            None => {}
        }
    }
    out.into_iter()
        .map(|(teacher, (met, broken))| TeacherWishes {
            teacher: teacher.clone(),
            met,
            broken,
        })
        .collect()
}
