//! Turning an instance folder into a validated [`Instance`], reporting every problem at once.
//!
//! The passes run in a fixed order: school.toml and the rule set, then every CSV file is
//! read (so syntax problems in all files show up even when school.toml is broken), then
//! references are resolved file by file. A bad row is left out of later checks, and a
//! reference to a bad row is not reported again, so one mistake gives one diagnostic.

pub mod against;
pub mod fit;
pub mod groups;
pub mod locks;
pub mod refs;
pub mod rooms;
pub mod schedule;
pub mod school;
pub mod students;
pub mod teachers;
pub mod workbook;

use crate::diag::{Diagnostics, Loaded};
use crate::domain::{Instance, RuleSet, Schedule};
use crate::input::{self, Rows};
use crate::rules::RuleChoice;
use refs::Known;
use schedule::References;
use std::path::Path;

/// A validated instance and the rule set it is judged by.
#[derive(Clone, Debug, PartialEq)]
pub struct LoadedInstance {
    pub instance: Instance,
    pub rules: RuleSet,
}

/// Splits collected diagnostics into the result: `Err` with everything when there is an
/// error, otherwise the value with its warnings.
fn finish<T>(value: Option<T>, diags: Diagnostics) -> Result<Loaded<T>, Diagnostics> {
    let diags = diags.sorted();
    match value {
        Some(value) if !diags.has_errors() => Ok(Loaded {
            value,
            warnings: diags,
        }),
        _ => Err(diags),
    }
}

/// The files of an instance folder that [`InstanceFiles::read`] reads, by name.
pub const INSTANCE_FILES: [&str; 8] = [
    input::school::FILE,
    input::groups::SPEC.file,
    input::teachers::SPEC.file,
    input::students::SPEC.file,
    input::mentors::SPEC.file,
    input::unavailability::SPEC.file,
    input::locks::SPEC.file,
    input::rooms::SPEC.file,
];

/// The files of an instance folder, each read on its own but not yet checked against the
/// others. `None` where a file is missing or unusable (reported); an absent optional file
/// (mentors, unavailability, locks, rooms) is `Some` with no rows.
#[derive(Clone, Debug)]
pub struct InstanceFiles {
    pub school: Option<input::school::SchoolInput>,
    /// school.toml's rule set, or the override.
    pub rules: Option<RuleSet>,
    pub groups: Option<Rows<input::groups::GroupRow>>,
    pub teachers: Option<Rows<input::teachers::TeacherRow>>,
    pub students: Option<Rows<input::students::StudentRow>>,
    pub mentors: Option<Rows<input::mentors::MentorRow>>,
    pub unavailability: Option<Rows<input::unavailability::UnavailabilityRow>>,
    pub locks: Option<Rows<input::locks::LockRow>>,
    pub rooms: Option<Rows<input::rooms::RoomRow>>,
}

impl InstanceFiles {
    /// Reads every file of `dir`; see [`load_instance`] for `rules_override`.
    pub fn read(dir: &Path, rules_override: Option<&RuleChoice>, diags: &mut Diagnostics) -> Self {
        let school = input::school::read(dir, diags);
        let rules = school::rule_set(dir, school.as_ref(), rules_override, diags);
        InstanceFiles {
            school,
            rules,
            groups: input::groups::read(dir, diags),
            teachers: input::teachers::read(dir, diags),
            students: input::students::read(dir, diags),
            mentors: input::mentors::read(dir, diags),
            unavailability: input::unavailability::read(dir, diags),
            locks: input::locks::read(dir, diags),
            rooms: input::rooms::read(dir, diags),
        }
    }
}

/// Reads and validates an instance folder, or a workbook (`.xlsx`, see
/// [`input::workbook`]). `rules_override`: a built-in or a file (relative to the current dir)
/// that replaces school.toml's `rules`.
pub fn load_instance(
    dir: &Path,
    rules_override: Option<&RuleChoice>,
) -> Result<Loaded<LoadedInstance>, Diagnostics> {
    let mut diags = Diagnostics::default();
    if input::workbook::is_workbook(dir) {
        let (files, places) = workbook::read(dir, rules_override, &mut diags);
        return match validate_instance(&files, diags) {
            Ok(loaded) => Ok(Loaded {
                warnings: places.apply(loaded.warnings),
                value: loaded.value,
            }),
            Err(problems) => Err(places.apply(problems)),
        };
    }
    let files = InstanceFiles::read(dir, rules_override, &mut diags);
    validate_instance(&files, diags)
}

/// Validates files read with [`InstanceFiles::read`] against each other; `diags` holds the
/// problems found while reading them.
pub fn validate_instance(
    files: &InstanceFiles,
    mut diags: Diagnostics,
) -> Result<Loaded<LoadedInstance>, Diagnostics> {
    let school_in = &files.school;
    let rules = &files.rules;
    let (group_rows, teacher_rows, student_rows) =
        (&files.groups, &files.teachers, &files.students);
    let (mentor_rows, unavail_rows) = (&files.mentors, &files.unavailability);

    let names = school::names(
        school_in.as_ref(),
        rules.as_ref(),
        group_rows.as_ref(),
        &mut diags,
    );
    let school = school_in.as_ref().and_then(|s| school::build(s, &names));
    let calendar = school.clone().map(Instance::of_school);

    let groups = group_rows
        .as_ref()
        .map(|rows| groups::validate(rows, &names, calendar.as_ref(), rules.as_ref(), &mut diags));
    let course_codes = Known::of(group_rows.as_ref(), |g| g.course_code.text.as_str());
    let teacher_ids = Known::of(teacher_rows.as_ref(), |t| t.id.text.as_str());
    let teachers = teacher_rows
        .as_ref()
        .map(|rows| teachers::validate(rows, &names, &course_codes, &mut diags));
    let students = student_rows.as_ref().map(|rows| {
        let good_groups = groups.as_deref().unwrap_or_default();
        students::validate(rows, &names, good_groups, &course_codes, &mut diags)
    });
    let mentors = mentor_rows
        .as_ref()
        .map(|rows| teachers::mentors(rows, &teacher_ids, &mut diags));
    let unavailability = unavail_rows
        .as_ref()
        .map(|rows| teachers::unavailability(rows, &teacher_ids, school.as_ref(), &mut diags));

    let locks = files.locks.as_ref().map(|rows| {
        let cx = locks::Context {
            school: school.as_ref(),
            groups: groups.as_deref(),
            teachers: teachers.as_deref(),
            unavailability: unavailability.as_deref(),
            teacher_ids: &teacher_ids,
            course_codes: &course_codes,
        };
        locks::validate(rows, &cx, &mut diags)
    });

    let rooms = files
        .rooms
        .as_ref()
        .and_then(|rows| rooms::validate(rows, &names, &mut diags));
    if let (Some(r), Some(g), Some(rows)) = (&rooms, &groups, group_rows) {
        rooms::groups_without_room(r, g, rows, &mut diags);
    }

    // Who fits which group is only worth saying about data without errors: a broken term or
    // group would otherwise turn into a warning for every teacher and student.
    if !diags.has_errors() {
        if let (Some(rows), Some(t), Some(g)) = (&teacher_rows, &teachers, &groups) {
            fit::teachers(rows, t, g, &mut diags);
        }
        if let (Some(rows), Some(s), Some(g)) = (&student_rows, &students, &groups) {
            fit::students(rows, s, g, &mut diags);
        }
    }

    let value = (|| {
        Some(LoadedInstance {
            instance: Instance {
                school: school?,
                teachers: teachers?,
                groups: groups?,
                students: students?,
                mentors: mentors?,
                unavailability: unavailability?,
                locks: locks?,
                rooms: rooms?,
                frozen: None,
            },
            rules: rules.clone()?,
        })
    })();
    finish(value, diags)
}

/// Reads a schedule folder (timetable.csv, placements.csv, mentoring.csv) against an instance.
pub fn load_schedule(
    dir: &Path,
    instance: &Instance,
    rules: &RuleSet,
) -> Result<Loaded<Schedule>, Diagnostics> {
    read_schedule(dir, instance, rules, References::Checked)
}

/// Reads the schedule a replan replaces against the edited instance: ids the instance no
/// longer has are kept (a teacher who left, a group removed, a student who left), for
/// [`against::frozen`] to judge.
pub fn load_replaced(
    dir: &Path,
    instance: &Instance,
    rules: &RuleSet,
) -> Result<Loaded<Schedule>, Diagnostics> {
    read_schedule(dir, instance, rules, References::Kept)
}

/// A schedule folder, or a schedule workbook (`timetable.xlsx`, see
/// [`input::workbook::schedule`]) whose problems name its sheets and cells.
fn read_schedule(
    dir: &Path,
    instance: &Instance,
    rules: &RuleSet,
    references: References,
) -> Result<Loaded<Schedule>, Diagnostics> {
    let mut diags = Diagnostics::default();
    let (lines, places) = if input::workbook::is_workbook(dir) {
        input::workbook::schedule::read(dir, &mut diags)
    } else {
        let lines = input::workbook::schedule::Lines::read_folder(dir, &mut diags);
        (lines, Default::default())
    };
    let schedule = schedule::read(lines, instance, rules, references, &mut diags);
    match finish(Some(schedule), diags) {
        Ok(loaded) => Ok(Loaded {
            warnings: places.apply(loaded.warnings),
            value: loaded.value,
        }),
        Err(problems) => Err(places.apply(problems)),
    }
}

#[cfg(test)]
mod tests;
