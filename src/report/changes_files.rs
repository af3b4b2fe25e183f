//! A replan's changes as files: `changes.csv` (one row per lesson given otherwise),
//! `moves.csv` (one row per student moved) and the section *Wijzigingen* of `report.md`.

use super::CsvFormat;
use super::schedule_files::{WriteError, hhmm};
use crate::check::{ChangeKind, Changes, LessonChange, RoomChange, StudentMove};
use crate::domain::TeacherId;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// The section `changes` of a replan's `report.json`: the counts, then every changed lesson
/// and every moved student as in changes.csv and moves.csv.
#[derive(Debug, serde::Serialize)]
pub struct ChangesSection<'a> {
    pub from: Option<chrono::NaiveDate>,
    pub lessons_changed: usize,
    pub lessons_forced: usize,
    pub lessons_chosen: usize,
    pub students_moved: usize,
    pub students_forced: usize,
    pub students_chosen: usize,
    pub lessons: &'a [LessonChange],
    pub students: &'a [StudentMove],
    /// With rooms only.
    #[serde(skip_serializing_if = "<[RoomChange]>::is_empty")]
    pub rooms: &'a [RoomChange],
}

impl<'a> ChangesSection<'a> {
    pub fn of(changes: &'a Changes) -> Self {
        ChangesSection {
            from: changes.from,
            lessons_changed: changes.lessons.len(),
            lessons_forced: changes.lessons_of(ChangeKind::Forced),
            lessons_chosen: changes.lessons_of(ChangeKind::Chosen),
            students_moved: changes.students.len(),
            students_forced: changes.students_of(ChangeKind::Forced),
            students_chosen: changes.students_of(ChangeKind::Chosen),
            lessons: &changes.lessons,
            students: &changes.students,
            rooms: &changes.rooms,
        }
    }
}

/// `changes.csv`: date, start, end, course_code, old_teacher (empty: a lesson without a
/// teacher before, or new), new_teacher (empty: no longer given), kind (`forced` or `chosen`), in date, time and course order.
pub fn changes_csv(changes: &Changes, format: CsvFormat) -> Result<String, WriteError> {
    format.table(
        &[
            "date",
            "start",
            "end",
            "course_code",
            "old_teacher",
            "new_teacher",
            "kind",
        ],
        changes.lessons.iter().map(|c| {
            [
                c.date.to_string(),
                hhmm(c.time.start),
                hhmm(c.time.end),
                c.course_code.to_string(),
                c.old_teacher
                    .as_ref()
                    .map_or_else(String::new, ToString::to_string),
                c.new_teacher
                    .as_ref()
                    .map_or_else(String::new, ToString::to_string),
                c.kind.as_str().to_string(),
            ]
        }),
    )
}

/// `room_changes.csv` (a replan of a school with rooms): date, start, end, course_code,
/// old_room, new_room, kind, in date, time and course order.
pub fn room_changes_csv(changes: &Changes, format: CsvFormat) -> Result<String, WriteError> {
    format.table(
        &[
            "date",
            "start",
            "end",
            "course_code",
            "old_room",
            "new_room",
            "kind",
        ],
        changes.rooms.iter().map(|c| {
            [
                c.date.to_string(),
                hhmm(c.time.start),
                hhmm(c.time.end),
                c.course_code.to_string(),
                c.old_room.to_string(),
                c.new_room.to_string(),
                c.kind.as_str().to_string(),
            ]
        }),
    )
}

/// `moves.csv`: student, old_group, new_group (empty: no place), kind, in student order.
pub fn moves_csv(changes: &Changes, format: CsvFormat) -> Result<String, WriteError> {
    format.table(
        &["student", "old_group", "new_group", "kind"],
        changes.students.iter().map(|m| {
            [
                m.student.to_string(),
                m.old_group.to_string(),
                m.new_group
                    .as_ref()
                    .map_or_else(String::new, ToString::to_string),
                m.kind.as_str().to_string(),
            ]
        }),
    )
}

fn soort(kind: ChangeKind) -> &'static str {
    match kind {
        ChangeKind::Forced => "afgedwongen",
        ChangeKind::Chosen => "gekozen",
    }
}

/// The section of `report.md` (Dutch): the counts, per teacher the lessons gained and
/// lost, per group the new faces, per student a move.
pub fn markdown(changes: &Changes) -> String {
    let mut md = String::new();
    let from = changes
        .from
        .map_or_else(String::new, |d| format!(" vanaf {d}"));
    let _ = writeln!(md, "\n## Wijzigingen{from}\n");
    let _ = writeln!(
        md,
        "Alles vóór deze datum is gegeven zoals gepland en blijft staan. Afgedwongen: de \
         gewijzigde gegevens laten het oude rooster niet meer toe (docent afwezig, vertrokken \
         of niet meer bevoegd, les of groep vervallen); gekozen: de planner koos een andere \
         docent of groep om de normen of de andere wensen te halen.\n"
    );
    let _ = writeln!(
        md,
        "- lessen met een andere docent of zonder docent: {} ({} afgedwongen, {} gekozen)",
        changes.lessons.len(),
        changes.lessons_of(ChangeKind::Forced),
        changes.lessons_of(ChangeKind::Chosen)
    );
    let _ = writeln!(
        md,
        "- cursisten naar een andere groep of zonder plaats: {} ({} afgedwongen, {} gekozen)",
        changes.students.len(),
        changes.students_of(ChangeKind::Forced),
        changes.students_of(ChangeKind::Chosen)
    );
    if !changes.rooms.is_empty() {
        let forced = changes
            .rooms
            .iter()
            .filter(|c| c.kind == ChangeKind::Forced)
            .count();
        let _ = writeln!(
            md,
            "- lessen in een ander lokaal: {} ({forced} afgedwongen, {} gekozen)",
            changes.rooms.len(),
            changes.rooms.len() - forced
        );
    }
    if changes.lessons.is_empty() && changes.students.is_empty() {
        return md;
    }
    let mut per_teacher: BTreeMap<&TeacherId, (usize, usize)> = BTreeMap::new();
    let mut faces: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for c in &changes.lessons {
        if let Some(t) = &c.old_teacher {
            per_teacher.entry(t).or_default().1 += 1;
        }
        if let Some(t) = &c.new_teacher {
            per_teacher.entry(t).or_default().0 += 1;
            let list = faces.entry(c.course_code.to_string()).or_default();
            if !list.contains(&t.to_string()) {
                list.push(t.to_string());
            }
        }
    }
    if !per_teacher.is_empty() {
        let _ = writeln!(
            md,
            "\n| docent | lessen erbij | lessen eraf |\n|---|---|---|"
        );
        for (t, (gained, lost)) in &per_teacher {
            let _ = writeln!(md, "| {t} | {gained} | {lost} |");
        }
    }
    if !faces.is_empty() {
        let _ = writeln!(md, "\n| groep | nieuwe gezichten |\n|---|---|");
        for (g, list) in &faces {
            let _ = writeln!(md, "| {g} | {} |", list.join(", "));
        }
    }
    if !changes.lessons.is_empty() {
        let _ = writeln!(
            md,
            "\n| datum | tijd | groep | was | wordt | soort |\n|---|---|---|---|---|---|"
        );
        for c in &changes.lessons {
            let new = c
                .new_teacher
                .as_ref()
                .map_or("(vervalt)".to_string(), ToString::to_string);
            let _ = writeln!(
                md,
                "| {} | {} | {} | {} | {new} | {} |",
                c.date,
                c.time,
                c.course_code,
                c.old_teacher
                    .as_ref()
                    .map_or("(nieuw)".to_string(), ToString::to_string),
                soort(c.kind)
            );
        }
    }
    if !changes.students.is_empty() {
        let _ = writeln!(
            md,
            "\n| cursist | was in | nu in | soort |\n|---|---|---|---|"
        );
        for m in &changes.students {
            let new = m
                .new_group
                .as_ref()
                .map_or("(geen plaats)".to_string(), ToString::to_string);
            let _ = writeln!(
                md,
                "| {} | {} | {new} | {} |",
                m.student,
                m.old_group,
                soort(m.kind)
            );
        }
    }
    md
}
