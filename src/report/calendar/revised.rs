//! A replan's calendars: the new schedule's, with what a calendar program needs to update
//! the events it imported from CURRENT's calendars.
//!
//! The rule, deterministic from CURRENT and the new schedule: every event starts from the
//! `SEQUENCE` its UID had in CURRENT's calendars (the highest over CURRENT's files; 0 when
//! CURRENT has no calendars or not that UID). A lesson whose teacher changed gets one more,
//! in the new teacher's file, and the old teacher's file gets a `STATUS:CANCELLED` event of
//! the same UID with that same raised `SEQUENCE`; every other event keeps CURRENT's. So a
//! lesson at 0 in CURRENT is at 1 after its first change, and a replan of a replan raises it
//! again.

use super::{CalendarError, Entry, Kind, entries, files, lesson_uid, uid};
use crate::check::{Changes, LessonChange};
use crate::domain::{Instance, Schedule};
use crate::report::Lang;
use std::collections::BTreeMap;

/// What a replan's calendars carry beside the new schedule.
#[derive(Clone, Copy, Debug)]
pub struct Revision<'a> {
    /// The replan's changes against CURRENT.
    pub changes: &'a Changes,
    /// The highest `SEQUENCE` of each UID in CURRENT's calendars (absent: 0).
    pub before: &'a BTreeMap<String, u32>,
}

/// The calendars of `schedule`, a replan of CURRENT: as [`super::teacher_calendars`], each
/// changed lesson's event one `SEQUENCE` up, and a cancelled event in the file of the
/// teacher who lost it (a teacher who lost every lesson gets a file of cancellations).
pub fn replan_calendars(
    instance: &Instance,
    schedule: &Schedule,
    lang: Lang,
    revision: Revision<'_>,
) -> Result<Vec<(String, String)>, CalendarError> {
    let mut entries = entries(schedule);
    let changed: BTreeMap<String, &LessonChange> = revision
        .changes
        .lessons
        .iter()
        .map(|c| (lesson_uid(&c.course_code, c.date, c.time), c))
        .collect();
    let before = |uid: &str| revision.before.get(uid).copied().unwrap_or(0);
    for (teacher, list) in &mut entries {
        for entry in list.iter_mut() {
            let uid = uid(teacher, entry);
            let raised = matches!(entry.kind, Kind::Lesson) && changed.contains_key(&uid);
            entry.sequence = before(&uid).saturating_add(u32::from(raised));
        }
    }
    for (uid, c) in &changed {
        let Some(old) = &c.old_teacher else { continue };
        entries.entry(old).or_default().push(Entry {
            date: c.date,
            time: c.time,
            course: &c.course_code,
            kind: Kind::Cancelled(c.new_teacher.as_ref()),
            sequence: before(uid).saturating_add(1),
            // A cancellation names the location only: the room is the new plan's business.
            room: None,
        });
    }
    files(instance, entries, lang)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::check::ChangeKind;
    use crate::domain::TeacherId;
    use icalendar::parser::{read_calendar, unfold};

    /// (UID, SEQUENCE, STATUS) of every event of `teacher`'s file.
    fn events(files: &[(String, String)], teacher: &str) -> Vec<(String, u32, String)> {
        let name = format!("calendars/{teacher}.ics");
        let text = &files.iter().find(|(n, _)| *n == name).expect("file").1;
        let unfolded = unfold(text);
        let parsed = read_calendar(&unfolded).expect("parses");
        parsed
            .components
            .iter()
            .filter(|c| c.name == "VEVENT")
            .map(|e| {
                let get = |p: &str| e.find_prop(p).map(|p| p.val.to_string());
                (
                    get("UID").expect("uid"),
                    get("SEQUENCE").map_or(0, |s| s.parse().expect("number")),
                    get("STATUS").unwrap_or_default(),
                )
            })
            .collect()
    }

    /// The demo's first T01 lesson given by T02 instead: in the old calendars it is T01's
    /// at SEQUENCE 0; in the new ones T02's at 1 with the same UID, and T01's file holds
    /// it CANCELLED at 1. With CURRENT's calendars at 4 for that UID, both are at 5.
    #[test]
    fn a_lesson_given_by_another_teacher_keeps_its_uid_one_sequence_up_and_is_cancelled_for_the_old_one()
     {
        let (instance, _, mut schedule, _) = crate::testing::demo();
        let old = super::super::teacher_calendars(&instance, &schedule, Lang::Nl).expect("old");
        let t01: TeacherId = "T01".into();
        let row = schedule
            .timetable
            .iter_mut()
            .find(|r| r.teacher.as_ref() == Some(&t01))
            .expect("T01 teaches");
        let uid = lesson_uid(&row.course_code, row.date, row.time);
        assert!(events(&old, "T01").contains(&(uid.clone(), 0, String::new())));
        row.teacher = Some("T02".into());
        let changes = Changes {
            rooms: Vec::new(),
            from: Some(row.date),
            lessons: vec![LessonChange {
                date: row.date,
                time: row.time,
                course_code: row.course_code.clone(),
                old_teacher: Some(t01),
                new_teacher: Some("T02".into()),
                kind: ChangeKind::Forced,
            }],
            students: Vec::new(),
        };
        let none = BTreeMap::new();
        let revision = Revision {
            changes: &changes,
            before: &none,
        };
        let new = replan_calendars(&instance, &schedule, Lang::Nl, revision).expect("new");
        assert!(events(&new, "T02").contains(&(uid.clone(), 1, String::new())));
        assert!(events(&new, "T01").contains(&(uid.clone(), 1, "CANCELLED".to_string())));
        let others = |files: &[(String, String)]| -> Vec<(String, u32, String)> {
            events(files, "T01")
                .into_iter()
                .filter(|e| e.0 != uid)
                .collect()
        };
        assert_eq!(others(&old), others(&new), "T01's other lessons unchanged");

        let four = BTreeMap::from([(uid.clone(), 4)]);
        let revision = Revision {
            changes: &changes,
            before: &four,
        };
        let again = replan_calendars(&instance, &schedule, Lang::En, revision).expect("again");
        assert!(events(&again, "T02").contains(&(uid.clone(), 5, String::new())));
        assert!(events(&again, "T01").contains(&(uid, 5, "CANCELLED".to_string())));
    }
}
