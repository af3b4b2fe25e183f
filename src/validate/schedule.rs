//! A schedule folder read against a valid instance: only references, syntax and the rule
//! set's validity are checked here. Whether the schedule keeps the norms is for `check`.

use crate::diag::{Diagnostic, Diagnostics, ErrorCode};
use crate::domain::{
    CourseCode, Instance, Location, MentoringRow, ObservationRow, Placement, RoomId, RuleSet,
    Schedule, StudentId, TeacherId, TimetableRow,
};
use crate::input::csvfile::Cell;
use crate::input::suggest;
use crate::input::timetable::TimetableLine;
use crate::input::workbook::schedule::Lines;

fn unknown<'a>(
    cell: &Cell,
    code: ErrorCode,
    what: &str,
    file: &str,
    known: impl IntoIterator<Item = &'a str>,
) -> Diagnostic {
    let known: Vec<&str> = known.into_iter().collect();
    cell.error(code, format!("{what} \"{}\" is not in {file}", cell.text))
        .fix(suggest::fix_for_id(&cell.text, known.iter().copied()))
        .nl(format!(
            "{} \"{}\" staat niet in {file}",
            super::refs::dutch_noun(what),
            cell.text
        ))
        .fix_nl(suggest::fix_for_id_nl(&cell.text, known.iter().copied()))
}

/// The room of a timetable row: `Some(None)` for none (an empty cell, or a school without
/// rooms, whose `room` column is ignored as any extra column), `None` after E420 for a room
/// `rooms.csv` lacks (kept as written in a replan's history).
fn room_of(
    cell: &Cell,
    instance: &Instance,
    kept: bool,
    diags: &mut Diagnostics,
) -> Option<Option<RoomId>> {
    if cell.is_empty() || !instance.has_rooms() {
        return Some(None);
    }
    let id = RoomId::new(cell.text.as_str());
    if !kept && instance.room(&id).is_none() {
        let rooms = instance.rooms.iter().map(|r| r.id.as_str());
        diags.push(unknown(
            cell,
            ErrorCode::UnknownRoom,
            "room",
            "rooms.csv",
            rooms,
        ));
        return None;
    }
    Some(Some(id))
}

/// What an id the instance does not have means in a schedule folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum References {
    /// An error (E306, E305, E307, E308): the folder must be a schedule of this instance.
    Checked,
    /// Kept as written: the schedule a replan replaces names teachers who left, groups that
    /// were removed and students who left, which the replan reports or refuses itself.
    Kept,
}

/// Checks the lines of a schedule's files (a folder's or a workbook's); every problem lands
/// in `diags`.
pub fn read(
    files: Lines,
    instance: &Instance,
    rules: &RuleSet,
    references: References,
    diags: &mut Diagnostics,
) -> Schedule {
    let kept = references == References::Kept;
    let courses = || instance.groups.iter().map(|g| g.course_code.as_str());
    let teachers = || instance.teachers.iter().map(|t| t.id.as_str());
    let unknown_course = |cell: &Cell| {
        unknown(
            cell,
            ErrorCode::UnknownCourse,
            "course code",
            "groups.csv",
            courses(),
        )
    };
    let unknown_teacher = |cell: &Cell| {
        unknown(
            cell,
            ErrorCode::UnknownTeacher,
            "teacher",
            "teachers.csv",
            teachers(),
        )
    };
    let mut schedule = Schedule::default();

    let lines = files.timetable;
    for row in &lines.rows {
        let code = CourseCode::new(row.course_code.text.as_str());
        let mut ok = true;
        if !kept && instance.group(&code).is_none() {
            diags.push(unknown_course(&row.course_code));
            ok = false;
        }
        let spelled = super::refs::school_spelling(&instance.school.locations, &row.location.text);
        let location = spelled
            .clone()
            .unwrap_or_else(|| Location::new(row.location.text.as_str()));
        if spelled.is_none() {
            diags.push(
                row.location
                    .error(
                        ErrorCode::UnknownLocation,
                        format!(
                            "location \"{}\" is not one of the school's locations",
                            location
                        ),
                    )
                    .fix(suggest::fix_for(
                        &row.location.text,
                        instance.school.locations.iter().map(Location::as_str),
                    ))
                    .nl(format!(
                        "locatie \"{location}\" is geen van de locaties van de school"
                    ))
                    .fix_nl(suggest::fix_for_nl(
                        &row.location.text,
                        instance.school.locations.iter().map(Location::as_str),
                    )),
            );
            ok = false;
        }
        let teacher = (!row.teacher.is_empty()).then(|| TeacherId::new(row.teacher.text.as_str()));
        if let Some(t) = &teacher
            && !kept
            && instance.teacher(t).is_none()
        {
            diags.push(unknown_teacher(&row.teacher));
            ok = false;
        }
        let room = room_of(&row.room, instance, kept, diags);
        ok &= room.is_some();
        if ok {
            schedule.timetable.push(TimetableRow {
                course_code: code,
                date: row.date.value,
                time: row.time,
                location,
                teacher,
                room: room.flatten(),
            });
        }
    }
    outside_validity(&lines.rows, rules, diags);

    for row in files.placements.rows {
        let student = StudentId::new(row.student.text.as_str());
        let mut ok = true;
        if !kept && instance.student(&student).is_none() {
            let ids = instance.students.iter().map(|s| s.id.as_str());
            diags.push(unknown(
                &row.student,
                ErrorCode::UnknownStudent,
                "student",
                "students.csv",
                ids,
            ));
            ok = false;
        }
        let course =
            (!row.course_code.is_empty()).then(|| CourseCode::new(row.course_code.text.as_str()));
        if let Some(c) = &course
            && !kept
            && instance.group(c).is_none()
        {
            diags.push(unknown_course(&row.course_code));
            ok = false;
        }
        if ok {
            schedule.placements.push(Placement {
                student,
                course_code: course,
            });
        }
    }

    for row in files.mentoring.rows {
        let teacher = TeacherId::new(row.teacher.text.as_str());
        let mut ok = true;
        if instance.teacher(&teacher).is_none() {
            if !kept {
                diags.push(unknown_teacher(&row.teacher));
            }
            ok = false;
        }
        let mentor = row.mentor.text.clone();
        if instance.teacher(&TeacherId::new(mentor.as_str())).is_none()
            && instance.mentor(&mentor).is_none()
        {
            let ids: Vec<&str> = teachers()
                .chain(instance.mentors.iter().map(|m| m.id.as_str()))
                .collect();
            ok = false;
            if kept {
                continue;
            }
            diags.push(
                row.mentor
                    .error(
                        ErrorCode::UnknownMentor,
                        format!("mentor \"{mentor}\" is neither a teacher in teachers.csv nor an external mentor in mentors.csv"),
                    )
                    .fix(suggest::fix_for_id(&mentor, ids.iter().copied()))
                    .nl(format!("begeleider \"{mentor}\" is geen docent in teachers.csv en ook geen externe begeleider in mentors.csv"))
                    .fix_nl(suggest::fix_for_id_nl(&mentor, ids.iter().copied())),
            );
        }
        if ok {
            schedule.mentoring.push(MentoringRow { teacher, mentor });
        }
    }

    for row in files.observations.rows {
        let teacher = TeacherId::new(row.teacher.text.as_str());
        let observed = TeacherId::new(row.observed.text.as_str());
        let course_code = CourseCode::new(row.course_code.text.as_str());
        let mut ok = true;
        for (id, cell) in [(&teacher, &row.teacher), (&observed, &row.observed)] {
            if instance.teacher(id).is_none() {
                if !kept {
                    diags.push(unknown_teacher(cell));
                }
                ok = false;
            }
        }
        if instance.group(&course_code).is_none() {
            if !kept {
                diags.push(unknown_course(&row.course_code));
            }
            ok = false;
        }
        if ok {
            schedule.observations.push(ObservationRow {
                teacher,
                course_code,
                date: row.date.value,
                time: row.time,
                observed,
            });
        }
    }
    schedule
}

/// E404 once for the file: the first row dated outside the rule set, and how many there are.
fn outside_validity(rows: &[TimetableLine], rules: &RuleSet, diags: &mut Diagnostics) {
    let outside: Vec<&TimetableLine> = rows
        .iter()
        .filter(|r| !rules.covers(r.date.value))
        .collect();
    let Some(first) = outside.first() else {
        return;
    };
    let others: Vec<String> = crate::rules::builtins()
        .into_iter()
        .filter(|o| o.name != rules.name && outside.iter().all(|r| o.covers(r.date.value)))
        .map(|o| o.name)
        .collect();
    let (choose, choose_nl) = if others.is_empty() {
        (
            "judge them with a rule set valid on those dates (--rules)".to_string(),
            "beoordeel ze met een regeling die op die data geldt (--rules)".to_string(),
        )
    } else {
        (
            format!("judge them with rule set {} (--rules)", others.join(" or ")),
            format!(
                "beoordeel ze met regeling {} (--rules)",
                others.join(" of ")
            ),
        )
    };
    let fix_nl = match rules.valid_until {
        Some(until) if first.date.value > until => format!(
            "regeling {} geldt tot en met {until}: {choose_nl}, of haal de latere lessen weg",
            rules.name
        ),
        _ => format!(
            "regeling {} geldt vanaf {}: {choose_nl}, of haal de eerdere lessen weg",
            rules.name, rules.valid_from
        ),
    };
    let validity_nl = match rules.valid_until {
        Some(u) => format!("van {} t/m {u}", rules.valid_from),
        None => format!("vanaf {}, zonder einddatum", rules.valid_from),
    };
    let fix = match rules.valid_until {
        Some(until) if first.date.value > until => format!(
            "rule set {} applies up to {until}: {choose}, or remove the later lessons",
            rules.name
        ),
        _ => format!(
            "rule set {} applies from {}: {choose}, or remove the earlier lessons",
            rules.name, rules.valid_from
        ),
    };
    diags.push(
        first
            .date
            .cell
            .error(
                ErrorCode::OutsideRuleValidity,
                format!(
                    "{} lesson(s) are dated outside the validity of rule set {} ({}), the first on {} (this line)",
                    outside.len(),
                    rules.name,
                    rules.validity(),
                    first.date.value
                ),
            )
            .fix(fix)
            .nl(format!(
                "{} les(sen) vallen buiten de geldigheid van regeling {} ({validity_nl}), de eerste op {} (deze regel)",
                outside.len(),
                rules.name,
                first.date.value
            ))
            .fix_nl(fix_nl),
    );
}
