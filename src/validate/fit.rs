//! Warnings about people nothing fits: a teacher who can teach no group (W501) and a
//! student who fits no group (W502). Not errors: the data may be right and the plan
//! incomplete, but a planner wants to know before solving.

use crate::diag::{Diagnostics, WarningCode};
use crate::domain::{Group, Student, Teacher};
use crate::input::Rows;
use crate::input::csvfile::Cell;
use crate::input::students::StudentRow;
use crate::input::teachers::TeacherRow;
use std::collections::BTreeMap;

/// The `id` cell of the first row with each id. Looking each warned person's row up by
/// scanning all rows made a school whose students fit no group quadratic in the students.
fn first_rows<'a, T>(rows: &'a [T], id: impl Fn(&'a T) -> &'a Cell) -> BTreeMap<&'a str, &'a Cell> {
    let mut out = BTreeMap::new();
    for row in rows {
        let cell = id(row);
        out.entry(cell.text.as_str()).or_insert(cell);
    }
    out
}

/// Whether `t` could give at least one lesson of `g`.
pub fn teacher_fits(t: &Teacher, g: &Group) -> bool {
    t.locations.contains(&g.location)
        && t.profiles.contains(&g.profile)
        && g.slots.iter().any(|s| t.available.allows(s))
}

pub fn teachers(
    rows: &Rows<TeacherRow>,
    teachers: &[Teacher],
    groups: &[Group],
    diags: &mut Diagnostics,
) {
    let ids = first_rows(&rows.rows, |r| &r.id);
    for t in teachers {
        if groups.iter().any(|g| teacher_fits(t, g)) {
            continue;
        }
        if let Some(id) = ids.get(t.id.as_str()) {
            diags.push(
                id.warning(
                    WarningCode::TeacherTeachesNothing,
                    format!(
                        "teacher {} fits no group: none is at one of their locations, of one of their profiles, with a slot they are available for",
                        t.id
                    ),
                )
                .fix("check the teacher's locations, profiles and available, or the groups' slots")
                .nl(format!(
                    "docent {} past bij geen enkele groep: geen groep is op een van diens locaties, in een van diens profielen, met een lesmoment waarop die beschikbaar is",
                    t.id
                ))
                .fix_nl("kijk de locaties, profielen en beschikbaarheid van de docent na, of de lesmomenten van de groepen"),
            );
        }
    }
}

pub fn students(
    rows: &Rows<StudentRow>,
    students: &[Student],
    groups: &[Group],
    diags: &mut Diagnostics,
) {
    let ids = first_rows(&rows.rows, |r| &r.id);
    for s in students {
        if groups.iter().any(|g| s.fits(g)) {
            continue;
        }
        if let Some(id) = ids.get(s.id.as_str()) {
            diags.push(
                id.warning(
                    WarningCode::StudentFitsNoGroup,
                    format!(
                        "student {} fits no group: none has profile {}, meets at a listed location and only in slots they are available for",
                        s.id, s.profile
                    ),
                )
                .fix("check the student's profile, locations and available, or add a group that fits")
                .nl(format!(
                    "cursist {} past in geen enkele groep: geen groep heeft profiel {}, op een genoemde locatie en alleen op lesmomenten waarop de cursist kan",
                    s.id, s.profile
                ))
                .fix_nl("kijk het profiel, de locaties en de beschikbaarheid van de cursist na, of voeg een groep toe die past"),
            );
        }
    }
}
