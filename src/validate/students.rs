//! `students.csv`: profiles, locations, availability and pinned placements.

use super::refs::{self, Known, Names};
use crate::diag::{Diagnostics, ErrorCode};
use crate::domain::{CourseCode, Group, LocationOrder, Student, StudentId};
use crate::input::Rows;
use crate::input::cells::List;
use crate::input::students::StudentRow;

/// Validates the students; returns the good ones. `groups` are the good groups and
/// `codes` every course code of groups.csv (good or not).
pub fn validate(
    rows: &Rows<StudentRow>,
    names: &Names,
    groups: &[Group],
    codes: &Known,
    diags: &mut Diagnostics,
) -> Vec<Student> {
    refs::duplicates_in(rows, |s| &s.id, "student id", diags);
    rows.rows
        .iter()
        .filter_map(|row| student(row, names, groups, codes, diags))
        .collect()
}

fn student(
    row: &StudentRow,
    names: &Names,
    groups: &[Group],
    codes: &Known,
    diags: &mut Diagnostics,
) -> Option<Student> {
    let profile = refs::profile(&row.profile, &row.profile.text, names, diags);
    let locations = refs::locations(&row.locations, names, diags);
    let location_order = match row.locations.value {
        List::All => LocationOrder::Unranked,
        List::Items(_) => LocationOrder::Preference,
    };
    let available = refs::availability(&row.available, names, diags);
    let pinned = if row.group.is_empty() {
        Some(None)
    } else {
        codes
            .check(
                &row.group,
                ErrorCode::UnknownCourse,
                "course code",
                "groups.csv",
                diags,
            )
            .map(|_| Some(CourseCode::new(row.group.text.as_str())))
    };
    let student = Student {
        id: StudentId::new(row.id.text.as_str()),
        profile: profile?,
        law: row.law,
        locations: locations?,
        location_order,
        available: available?,
        pinned: pinned?,
    };
    if let Some(code) = &student.pinned
        && let Some(group) = groups.iter().find(|g| &g.course_code == code)
    {
        pin_contradictions(row, &student, group, diags);
    }
    Some(student)
}

/// E407: a pin to a group the student cannot be in, with every reason at once.
fn pin_contradictions(row: &StudentRow, s: &Student, g: &Group, diags: &mut Diagnostics) {
    let mut reasons = Vec::new();
    let mut reasons_nl = Vec::new();
    if s.profile != g.profile {
        reasons.push(format!(
            "the group's profile is {}, the student's {}",
            g.profile, s.profile
        ));
        reasons_nl.push(format!(
            "het profiel van de groep is {}, dat van de cursist {}",
            g.profile, s.profile
        ));
    }
    if !s.locations.contains(&g.location) {
        reasons.push(format!(
            "the group meets at {}, which the student did not list",
            g.location
        ));
        reasons_nl.push(format!(
            "de groep heeft les in {}, dat de cursist niet noemde",
            g.location
        ));
    }
    // With a choice of meeting times, one alternative the student can come to suffices:
    // the program then chooses one of those (else the slots missed in the nearest one).
    let missing = s.missed_slots(g);
    if !missing.is_empty() {
        reasons.push(format!(
            "the student is not available for {}",
            missing.join(", ")
        ));
        reasons_nl.push(format!("de cursist kan niet op {}", missing.join(", ")));
    }
    if !reasons.is_empty() {
        diags.push(
            row.group
                .error(
                    ErrorCode::PinContradiction,
                    format!("student {} is pinned to group {}, but {}", s.id, g.course_code, reasons.join("; ")),
                )
                .fix("pin the student to a group that fits, correct the student's data, or leave `group` empty")
                .nl(format!("cursist {} is vastgezet in groep {}, maar {}", s.id, g.course_code, reasons_nl.join("; ")))
                .fix_nl("zet de cursist vast in een groep die past, verbeter de gegevens van de cursist, of laat `group` leeg"),
        );
    }
}
