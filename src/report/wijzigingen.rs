//! `wijzigingen.md` and `wijzigingen.html`: what a replan changed, for whom, to hand to the
//! people concerned. Per teacher the lessons gained and lost (date, time, group, and who
//! takes over or from whom), per group the faces in front of it (a substitute who never
//! taught the group in the schedule replaced is a new face), per student a move. The forced
//! changes (the edited data leave no other way) and the chosen ones (the planner's choice)
//! are two sections of their own, so that nobody reads a choice as a necessity.
//!
//! Renders only: the facts are [`crate::check::changes`]'s, the schedule replaced says
//! which faces a group knows. Dutch by default, English with [`Lang::En`]; every text is
//! escaped (Markdown by `md_escape`, HTML by maud). No clock: byte-identical output.

mod html;
#[cfg(test)]
mod tests;

use super::Lang;
use super::declaration::text::md_escape;
use crate::check::{ChangeKind, Changes, LessonChange, StudentMove};
use crate::domain::{CourseCode, Instance, Schedule, TeacherId};
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

pub use html::wijzigingen_html;

/// A teacher's changed lessons of one kind.
#[derive(Debug, Default)]
struct TeacherPart<'a> {
    lost: Vec<&'a LessonChange>,
    gained: Vec<&'a LessonChange>,
}

/// A teacher who gives a group lessons of one kind of change.
#[derive(Debug)]
struct Face<'a> {
    teacher: &'a TeacherId,
    lessons: usize,
    /// Gave no lesson of the group in the schedule replaced.
    new: bool,
}

/// The changes of one kind, arranged per teacher, group and student.
#[derive(Debug)]
struct Part<'a> {
    teachers: BTreeMap<&'a TeacherId, TeacherPart<'a>>,
    groups: BTreeMap<&'a CourseCode, Vec<Face<'a>>>,
    students: Vec<&'a StudentMove>,
}

impl Part<'_> {
    fn is_empty(&self) -> bool {
        self.teachers.is_empty() && self.students.is_empty()
    }
}

fn part<'a>(current: &Schedule, changes: &'a Changes, kind: ChangeKind) -> Part<'a> {
    let known: BTreeSet<(&CourseCode, &TeacherId)> = current
        .timetable
        .iter()
        .filter_map(|r| Some((&r.course_code, r.teacher.as_ref()?)))
        .collect();
    let mut teachers: BTreeMap<&TeacherId, TeacherPart> = BTreeMap::new();
    let mut counts: BTreeMap<&CourseCode, BTreeMap<&TeacherId, usize>> = BTreeMap::new();
    for c in changes.lessons.iter().filter(|c| c.kind == kind) {
        if let Some(t) = &c.old_teacher {
            teachers.entry(t).or_default().lost.push(c);
        }
        if let Some(t) = &c.new_teacher {
            teachers.entry(t).or_default().gained.push(c);
            *counts
                .entry(&c.course_code)
                .or_default()
                .entry(t)
                .or_default() += 1;
        }
    }
    let groups = counts
        .into_iter()
        .map(|(course, by)| {
            let faces = by
                .into_iter()
                .map(|(teacher, lessons)| Face {
                    teacher,
                    lessons,
                    new: !known.contains(&(course, teacher)),
                })
                .collect();
            (course, faces)
        })
        .collect();
    Part {
        teachers,
        groups,
        students: changes.students.iter().filter(|m| m.kind == kind).collect(),
    }
}

/// The texts both renderers share.
struct Words {
    lang: Lang,
}

impl Words {
    fn t(&self, nl: &'static str, en: &'static str) -> &'static str {
        self.lang.pick(nl, en)
    }

    fn title(&self, changes: &Changes) -> String {
        let base = self.t("Wijzigingen in het rooster", "Changes to the timetable");
        match changes.from {
            Some(d) => format!("{base} {} {d}", self.t("vanaf", "from")),
            None => base.to_string(),
        }
    }

    fn intro(&self) -> &'static str {
        self.t(
            "Alles vóór deze datum is gegeven zoals gepland en blijft staan. Afgedwongen: de \
             gewijzigde gegevens laten het oude rooster niet meer toe (docent afwezig, \
             vertrokken of niet meer bevoegd, les of groep vervallen, cursist vertrokken). \
             Gekozen: de planner koos een andere docent of groep om de normen of de andere \
             wensen te halen.",
            "Everything before this date was given as planned and stays. Forced: the edited \
             data no longer allow the old timetable (teacher away, left or no longer \
             qualified, lesson or group cancelled, student left). Chosen: the planner chose \
             another teacher or group to meet the norms or the other wishes.",
        )
    }

    fn counts(&self, changes: &Changes) -> [String; 2] {
        [
            format!(
                "{}: {} ({} {}, {} {})",
                self.t(
                    "lessen met een andere docent of zonder docent",
                    "lessons with another teacher or none"
                ),
                changes.lessons.len(),
                changes.lessons_of(ChangeKind::Forced),
                self.t("afgedwongen", "forced"),
                changes.lessons_of(ChangeKind::Chosen),
                self.t("gekozen", "chosen"),
            ),
            format!(
                "{}: {} ({} {}, {} {})",
                self.t(
                    "cursisten naar een andere groep of zonder plaats",
                    "students in another group or without a place"
                ),
                changes.students.len(),
                changes.students_of(ChangeKind::Forced),
                self.t("afgedwongen", "forced"),
                changes.students_of(ChangeKind::Chosen),
                self.t("gekozen", "chosen"),
            ),
        ]
    }

    fn heading(&self, kind: ChangeKind) -> &'static str {
        match kind {
            ChangeKind::Forced => self.t("Afgedwongen wijzigingen", "Forced changes"),
            ChangeKind::Chosen => self.t("Gekozen wijzigingen", "Chosen changes"),
        }
    }

    fn none(&self) -> &'static str {
        self.t("Geen.", "None.")
    }

    fn nothing(&self) -> &'static str {
        self.t(
            "Niets gewijzigd: het rooster vanaf deze datum is gelijk aan het vorige.",
            "Nothing changed: the timetable from this date on is the previous one.",
        )
    }

    fn lost_head(&self) -> [&'static str; 4] {
        [
            self.t("datum", "date"),
            self.t("tijd", "time"),
            self.t("groep", "group"),
            self.t("overgenomen door", "taken over by"),
        ]
    }

    fn gained_head(&self) -> [&'static str; 4] {
        [
            self.t("datum", "date"),
            self.t("tijd", "time"),
            self.t("groep", "group"),
            self.t("in plaats van", "instead of"),
        ]
    }

    fn group_head(&self) -> [&'static str; 3] {
        [
            self.t("docent", "teacher"),
            self.t("lessen", "lessons"),
            self.t("gezicht", "face"),
        ]
    }

    fn student_head(&self) -> [&'static str; 3] {
        [
            self.t("cursist", "student"),
            self.t("was in", "was in"),
            self.t("nu in", "now in"),
        ]
    }

    fn face(&self, new: bool) -> &'static str {
        if new {
            self.t("nieuw gezicht", "new face")
        } else {
            self.t("bekend", "known")
        }
    }

    fn cancelled(&self) -> &'static str {
        self.t("(vervalt)", "(cancelled)")
    }

    /// Instead of nobody: a lesson without a teacher before, or not in the schedule replaced.
    fn added(&self) -> &'static str {
        self.t("(nieuw)", "(new)")
    }

    fn no_place(&self) -> &'static str {
        self.t("(geen plaats)", "(no place)")
    }
}

/// `Anna de Vries (T01)`, or the id of a teacher no longer in the instance.
fn person(instance: &Instance, teacher: &TeacherId) -> String {
    match instance.teacher(teacher) {
        Some(t) => format!("{} ({teacher})", t.name),
        None => teacher.to_string(),
    }
}

/// The rows of a teacher's lost lessons: date, time, group, who takes over.
fn lost_rows(instance: &Instance, w: &Words, lost: &[&LessonChange]) -> Vec<[String; 4]> {
    lost.iter()
        .map(|c| {
            [
                c.date.to_string(),
                c.time.to_string(),
                c.course_code.to_string(),
                c.new_teacher
                    .as_ref()
                    .map_or_else(|| w.cancelled().to_string(), |t| person(instance, t)),
            ]
        })
        .collect()
}

/// The rows of a teacher's gained lessons: date, time, group, instead of whom.
fn gained_rows(instance: &Instance, w: &Words, gained: &[&LessonChange]) -> Vec<[String; 4]> {
    gained
        .iter()
        .map(|c| {
            [
                c.date.to_string(),
                c.time.to_string(),
                c.course_code.to_string(),
                c.old_teacher
                    .as_ref()
                    .map_or_else(|| w.added().to_string(), |t| person(instance, t)),
            ]
        })
        .collect()
}

fn student_rows(w: &Words, students: &[&StudentMove]) -> Vec<[String; 3]> {
    students
        .iter()
        .map(|m| {
            [
                m.student.to_string(),
                m.old_group.to_string(),
                m.new_group
                    .as_ref()
                    .map_or_else(|| w.no_place().to_string(), ToString::to_string),
            ]
        })
        .collect()
}

/// `wijzigingen.md`: the changes of a replan of `current`, in `lang`.
pub fn wijzigingen_md(
    instance: &Instance,
    current: &Schedule,
    changes: &Changes,
    lang: Lang,
) -> String {
    let w = Words { lang };
    let mut md = String::new();
    let _ = writeln!(md, "# {}\n", md_escape(&w.title(changes)));
    let _ = writeln!(md, "{}\n", md_escape(w.intro()));
    for line in w.counts(changes) {
        let _ = writeln!(md, "- {}", md_escape(&line));
    }
    if changes.lessons.is_empty() && changes.students.is_empty() {
        let _ = writeln!(md, "\n{}", w.nothing());
        return md;
    }
    for kind in [ChangeKind::Forced, ChangeKind::Chosen] {
        let p = part(current, changes, kind);
        let _ = writeln!(md, "\n## {}\n", w.heading(kind));
        if p.is_empty() {
            let _ = writeln!(md, "{}", w.none());
            continue;
        }
        if !p.teachers.is_empty() {
            let _ = writeln!(md, "### {}", w.t("Per docent", "Per teacher"));
        }
        for (teacher, tp) in &p.teachers {
            let _ = writeln!(md, "\n#### {}", md_escape(&person(instance, teacher)));
            if !tp.lost.is_empty() {
                let _ = writeln!(md, "\n{}:\n", w.t("Lessen eraf", "Lessons lost"));
                table(&mut md, &w.lost_head(), &lost_rows(instance, &w, &tp.lost));
            }
            if !tp.gained.is_empty() {
                let _ = writeln!(md, "\n{}:\n", w.t("Lessen erbij", "Lessons gained"));
                table(
                    &mut md,
                    &w.gained_head(),
                    &gained_rows(instance, &w, &tp.gained),
                );
            }
        }
        if !p.groups.is_empty() {
            let _ = writeln!(
                md,
                "\n### {}",
                w.t(
                    "Per groep: wie er voor de klas staat",
                    "Per group: who teaches it"
                )
            );
        }
        for (course, faces) in &p.groups {
            let _ = writeln!(md, "\n#### {}\n", md_escape(course.as_str()));
            let rows: Vec<[String; 3]> = faces
                .iter()
                .map(|f| {
                    [
                        person(instance, f.teacher),
                        f.lessons.to_string(),
                        w.face(f.new).to_string(),
                    ]
                })
                .collect();
            table(&mut md, &w.group_head(), &rows);
        }
        if !p.students.is_empty() {
            let _ = writeln!(md, "\n### {}\n", w.t("Per cursist", "Per student"));
            table(&mut md, &w.student_head(), &student_rows(&w, &p.students));
        }
    }
    md
}

fn table<const N: usize>(md: &mut String, head: &[&str; N], rows: &[[String; N]]) {
    let _ = writeln!(md, "| {} |", head.join(" | "));
    let _ = writeln!(md, "|{}", "---|".repeat(N));
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| md_escape(c)).collect();
        let _ = writeln!(md, "| {} |", cells.join(" | "));
    }
}
