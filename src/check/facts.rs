//! What every norm needs, derived once from the instance and the schedule alone.
//!
//! Nothing here is taken from a solver: group sizes are counted from `placements.csv`,
//! lessons from `timetable.csv`, certification from `teachers.csv`. Ids the instance does not
//! know are kept (they count where a row counts) and reported once as C157 by
//! [`unknown_references`], so no later pass has to handle them specially or can panic on them.

use super::types::{Finding, SubjectKind};
use crate::diag::FindingCode;
use crate::domain::{
    CourseCode, Group, Instance, RuleSet, Schedule, SizeLimits, StudentId, Teacher, TeacherId,
};
use std::collections::{BTreeMap, BTreeSet};

/// Derived counts and look-ups shared by the passes.
pub struct Facts<'a> {
    pub instance: &'a Instance,
    pub rules: &'a RuleSet,
    pub schedule: &'a Schedule,
    pub teachers: BTreeMap<&'a TeacherId, &'a Teacher>,
    pub groups: BTreeMap<&'a CourseCode, &'a Group>,
    /// Distinct students placed per course code (also course codes the instance lacks).
    pub members: BTreeMap<&'a CourseCode, BTreeSet<&'a StudentId>>,
    /// Per student (also unknown ones): the course codes of their placement rows, in row order.
    pub placements: BTreeMap<&'a StudentId, Vec<&'a CourseCode>>,
    /// Timetable rows with a teacher, per course code.
    pub lessons: BTreeMap<&'a CourseCode, u64>,
    /// Of those, rows whose teacher is a certified teacher of the instance.
    pub certified: BTreeMap<&'a CourseCode, u64>,
    /// Timetable rows per teacher.
    pub lessons_by_teacher: BTreeMap<&'a TeacherId, u64>,
    /// Per group with a choice of meeting times: the alternative its rows follow.
    pub followed: BTreeMap<&'a CourseCode, super::alternatives::Followed>,
}

impl<'a> Facts<'a> {
    pub fn new(instance: &'a Instance, rules: &'a RuleSet, schedule: &'a Schedule) -> Self {
        let teachers = instance.teachers.iter().map(|t| (&t.id, t)).collect();
        let groups = instance
            .groups
            .iter()
            .map(|g| (&g.course_code, g))
            .collect();
        let mut facts = Facts {
            instance,
            rules,
            schedule,
            teachers,
            groups,
            members: BTreeMap::new(),
            placements: BTreeMap::new(),
            lessons: BTreeMap::new(),
            certified: BTreeMap::new(),
            lessons_by_teacher: BTreeMap::new(),
            followed: super::alternatives::follow(instance, schedule),
        };
        for p in &schedule.placements {
            let entry = facts.placements.entry(&p.student).or_default();
            if let Some(code) = &p.course_code {
                entry.push(code);
                facts.members.entry(code).or_default().insert(&p.student);
            }
        }
        for row in &schedule.timetable {
            let Some(teacher) = &row.teacher else {
                continue;
            };
            *facts.lessons.entry(&row.course_code).or_default() += 1;
            *facts.lessons_by_teacher.entry(teacher).or_default() += 1;
            if facts.is_certified(teacher) {
                *facts.certified.entry(&row.course_code).or_default() += 1;
            }
        }
        facts
    }

    /// Unknown teachers count as not certified: the checker cannot vouch for them.
    pub fn is_certified(&self, id: &TeacherId) -> bool {
        self.teachers.get(id).is_some_and(|t| t.is_certified())
    }

    /// Distinct students placed in the group.
    pub fn size(&self, code: &CourseCode) -> u32 {
        self.members
            .get(code)
            .map_or(0, |m| u32::try_from(m.len()).unwrap_or(u32::MAX))
    }

    pub fn lessons_of(&self, code: &CourseCode) -> u64 {
        self.lessons.get(code).copied().unwrap_or(0)
    }

    pub fn certified_of(&self, code: &CourseCode) -> u64 {
        self.certified.get(code).copied().unwrap_or(0)
    }

    /// A group runs when it must (not optional) or when the schedule uses it (students or
    /// lessons). A closed optional group is simply not offered and is not judged.
    pub fn is_running(&self, group: &Group) -> bool {
        !group.optional
            || self.size(&group.course_code) > 0
            || self.lessons_of(&group.course_code) > 0
    }

    /// The running groups, by course code.
    pub fn running_groups(&self) -> impl Iterator<Item = &'a Group> + '_ {
        self.groups.values().copied().filter(|g| self.is_running(g))
    }

    pub fn limits(&self, group: &Group) -> Option<SizeLimits> {
        let class = self.instance.school.size_class(&group.profile);
        self.rules.size_classes.get(class).copied()
    }

    /// The rows with a teacher, in file order.
    pub fn given(&self) -> impl Iterator<Item = (&'a crate::domain::TimetableRow, &'a TeacherId)> {
        self.schedule
            .timetable
            .iter()
            .filter_map(|r| r.teacher.as_ref().map(|t| (r, t)))
    }
}

/// C157: ids in the schedule (and size classes of the instance) that resolve to nothing.
/// Reported once per id and file so that one bad id does not bury the real findings.
pub fn unknown_references(f: &Facts) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut unknown_courses: BTreeMap<&CourseCode, (u64, u64)> = BTreeMap::new();
    let mut unknown_teachers: BTreeMap<&TeacherId, u64> = BTreeMap::new();
    for row in &f.schedule.timetable {
        if !f.groups.contains_key(&row.course_code) {
            unknown_courses.entry(&row.course_code).or_default().0 += 1;
        }
        if let Some(t) = &row.teacher
            && !f.teachers.contains_key(t)
        {
            *unknown_teachers.entry(t).or_default() += 1;
        }
    }
    for p in &f.schedule.placements {
        if let Some(code) = &p.course_code
            && !f.groups.contains_key(code)
        {
            unknown_courses.entry(code).or_default().1 += 1;
        }
    }
    for (code, (rows, placements)) in unknown_courses {
        let (mut parts, mut parts_nl) = (Vec::new(), Vec::new());
        if rows > 0 {
            parts.push(format!("{rows} timetable row(s)"));
            parts_nl.push(format!("{rows} roosterregel(s)"));
        }
        if placements > 0 {
            parts.push(format!("{placements} placement(s)"));
            parts_nl.push(format!("{placements} plaatsing(en)"));
        }
        out.push(
            Finding::new(
                FindingCode::UnknownReference,
                SubjectKind::Course,
                code.as_str(),
                format!(
                    "course code {code} is not a group of the instance but appears in {}; \
                     these rows are not matched to any planned lesson or group",
                    parts.join(" and ")
                ),
            )
            .nl(format!(
                "cursuscode {code} is geen groep van de instantie maar staat in {}; deze regels \
                 horen bij geen geplande les of groep",
                parts_nl.join(" en ")
            ))
            .times(usize::try_from(rows + placements).unwrap_or(usize::MAX)),
        );
    }
    for (teacher, rows) in unknown_teachers {
        out.push(
            Finding::new(
                FindingCode::UnknownReference,
                SubjectKind::Teacher,
                teacher.as_str(),
                format!(
                    "teacher {teacher} gives {rows} lesson(s) but is not in teachers.csv; \
                     the lessons count as not certified"
                ),
            )
            .nl(format!(
                "docent {teacher} geeft {rows} les(sen) maar staat niet in teachers.csv; de \
                 lessen tellen als niet gecertificeerd"
            ))
            .times(usize::try_from(rows).unwrap_or(usize::MAX)),
        );
    }
    let known_students: BTreeSet<&StudentId> = f.instance.students.iter().map(|s| &s.id).collect();
    for student in f.placements.keys() {
        if !known_students.contains(student) {
            out.push(
                Finding::new(
                    FindingCode::UnknownReference,
                    SubjectKind::Student,
                    student.as_str(),
                    format!("placements.csv names student {student}, who is not in students.csv"),
                )
                .nl(format!(
                    "placements.csv noemt cursist {student}, die niet in students.csv staat"
                )),
            );
        }
    }
    for group in f.groups.values() {
        let class = f.instance.school.size_class(&group.profile);
        if !f.rules.size_classes.contains_key(class) {
            out.push(
                Finding::new(
                    FindingCode::UnknownReference,
                    SubjectKind::Course,
                    group.course_code.as_str(),
                    format!(
                        "group {} has profile {} of size class \"{class}\", which rule set {} does \
                     not define; its size cannot be judged",
                        group.course_code, group.profile, f.rules.name
                    ),
                )
                .nl(format!(
                    "groep {} heeft profiel {} van grootteklasse \"{class}\", die regeling {} niet \
                 kent; haar grootte is niet te beoordelen",
                    group.course_code, group.profile, f.rules.name
                )),
            );
        }
    }
    out
}

/// `a, b, c and 7 more`: lists long enough to find the problem, short enough to read.
pub fn list_some<T: std::fmt::Display>(items: &[T]) -> String {
    list_some_with(items, "and {} more")
}

/// [`list_some`] for a Dutch message: `T01, T02 en nog 3`.
pub fn list_some_nl<T: std::fmt::Display>(items: &[T]) -> String {
    list_some_with(items, "en nog {}")
}

fn list_some_with<T: std::fmt::Display>(items: &[T], more: &str) -> String {
    const SHOWN: usize = 8;
    let shown: Vec<String> = items.iter().take(SHOWN).map(ToString::to_string).collect();
    let mut text = shown.join(", ");
    if items.len() > SHOWN {
        let rest = (items.len() - SHOWN).to_string();
        text.push(' ');
        text.push_str(&more.replace("{}", &rest));
    }
    text
}
