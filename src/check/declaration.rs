//! The data for the declaration (Bijlage 1) a school signs to use the Addendum's exceptions.
//!
//! "In use" is judged from the schedule, as a departure from the Handleiding standard that
//! the exception covers, whether or not the rule set offers it (`offered` says that; when it
//! does not, the departure is also a violation: C101 or C121):
//! - **Exception 1** is in use when lessons are given and the certified share is below the
//!   Handleiding's 80% (norm 1.7.1a). A schedule at 80% or more meets the standard norm and
//!   needs no exception, even if non-certified teachers teach some of the lessons; a school
//!   below it relies on the lowered floor and must name its non-certified teachers. The 80%
//!   is the Handleiding's own number, not a rule set value: a rule set can lower the floor,
//!   but "below the standard" keeps meaning below the Handleiding.
//! - **Exception 2** is in use when any running group is above its standard maximum; the
//!   declaration names each such (location, profile).
//!
//! The non-certified teachers who teach are always listed: the supervision duty of a rule set
//! with `mentor_required` covers all of them, and the auditor asks for their names.

use super::facts::Facts;
use super::types::{Declaration, ExceptionUse, NamedTeacher, OverflowCell, Totals};
use crate::domain::Share;
use crate::domain::rules::percent_floor;

/// Norm 1.7.1a of the Handleiding 2024: 80% of the lessons given by certified teachers.
pub const HANDLEIDING_MIN_SHARE: Share = Share(8000);

pub fn declaration(f: &Facts, totals: &Totals, cells: Vec<OverflowCell>) -> Declaration {
    let school = &f.instance.school;
    let mut non_certified_teachers: Vec<NamedTeacher> = f
        .lessons_by_teacher
        .keys()
        .filter_map(|id| f.teachers.get(id))
        .filter(|t| !t.is_certified())
        .map(|t| NamedTeacher {
            id: t.id.clone(),
            name: t.name.clone(),
        })
        .collect();
    non_certified_teachers.sort();
    let dates = f.schedule.timetable.iter().map(|r| r.date);
    Declaration {
        school: school.name.clone(),
        bow_number: school.bow_number.clone(),
        main_location: school.main_location.clone(),
        first_lesson: dates.clone().min(),
        last_lesson: dates.max(),
        exception_1: exception_1(f, totals, non_certified_teachers.len()),
        exception_2: exception_2(f, &cells),
        non_certified_teachers,
        overflow_cells: cells,
    }
}

fn exception_1(f: &Facts, totals: &Totals, teachers: usize) -> ExceptionUse {
    let (part, total) = (totals.certified_lessons, totals.lessons_given);
    let share = percent_floor(part, total);
    let offered = f.rules.min_certified_share < HANDLEIDING_MIN_SHARE;
    let in_use = total > 0 && !HANDLEIDING_MIN_SHARE.met_by(part, total);
    let reason = match (in_use, offered) {
        _ if total == 0 => "no lessons are given".to_string(),
        (false, _) => format!(
            "certified share {share} ({part} of {total}) meets the Handleiding standard of \
             {HANDLEIDING_MIN_SHARE}; exception 1 is not needed"
        ),
        (true, true) => format!(
            "certified share {share} ({part} of {total}) is below the Handleiding standard of \
             {HANDLEIDING_MIN_SHARE}; {} allows down to {} under exception 1, with {teachers} \
             non-certified teacher(s) to declare and supervise",
            f.rules.name, f.rules.min_certified_share
        ),
        (true, false) => format!(
            "certified share {share} ({part} of {total}) is below the Handleiding standard of \
             {HANDLEIDING_MIN_SHARE}, and {} does not offer exception 1",
            f.rules.name
        ),
    };
    let name = &f.rules.name;
    let min = f.rules.min_certified_share;
    let reason_nl = match (in_use, offered) {
        _ if total == 0 => "er worden geen lessen gegeven".to_string(),
        (false, _) => format!(
            "aandeel gecertificeerde lessen {share} ({part} van {total}) haalt de norm van de \
             Handleiding van {HANDLEIDING_MIN_SHARE}; uitzondering 1 is niet nodig"
        ),
        (true, true) => format!(
            "aandeel gecertificeerde lessen {share} ({part} van {total}) ligt onder de norm van \
             de Handleiding van {HANDLEIDING_MIN_SHARE}; {name} staat onder uitzondering 1 tot \
             {min} toe, met {teachers} niet-gecertificeerde docent(en) om op te geven en te \
             begeleiden"
        ),
        (true, false) => format!(
            "aandeel gecertificeerde lessen {share} ({part} van {total}) ligt onder de norm van \
             de Handleiding van {HANDLEIDING_MIN_SHARE}, en {name} kent uitzondering 1 niet"
        ),
    };
    ExceptionUse {
        in_use,
        offered,
        reason,
        reason_nl,
    }
}

fn exception_2(f: &Facts, cells: &[OverflowCell]) -> ExceptionUse {
    let offered = f.rules.allows_overflow();
    let groups: usize = cells
        .iter()
        .map(|c| c.groups.iter().filter(|g| g.size > c.standard_max).count())
        .sum();
    let reason = if cells.is_empty() {
        "no group is above its standard maximum".to_string()
    } else {
        let tail = if offered {
            String::new()
        } else {
            format!(", and {} does not offer exception 2", f.rules.name)
        };
        format!(
            "{groups} group(s) in {} location/profile cell(s) are above the standard \
             maximum{tail}",
            cells.len()
        )
    };
    let reason_nl = if cells.is_empty() {
        "geen groep is groter dan haar standaardmaximum".to_string()
    } else {
        let tail = if offered {
            String::new()
        } else {
            format!(", en {} kent uitzondering 2 niet", f.rules.name)
        };
        format!(
            "{groups} groep(en) in {} combinatie(s) van locatie en profiel zijn groter dan het \
             standaardmaximum{tail}",
            cells.len()
        )
    };
    ExceptionUse {
        in_use: !cells.is_empty(),
        offered,
        reason,
        reason_nl,
    }
}

#[cfg(test)]
mod tests;
