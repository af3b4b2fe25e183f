//! `timetable.xlsx`: the timetable, groups, teachers, students and the compliance check in one
//! workbook for planners and auditors.
//!
//! Six sheets (Dutch names by default, English with [`Lang::En`]): lessons, groups,
//! teachers, students (ids only: students are personal data; why a student has no place),
//! observation lessons and compliance (the checker's
//! numbers and findings). Every sheet is one table with a bold header row, an autofilter,
//! the top row frozen and column widths from its contents; dates are real Excel dates.
//! Every text cell goes through [`spreadsheet_safe`](crate::report::spreadsheet_safe), so a
//! name such as `=HYPERLINK(...)` stays text.
//!
//! Deterministic: the same input gives the same bytes. `rust_xlsxwriter` stamps the zip
//! entries with a fixed date (1980-01-01) and would put the wall clock into
//! `docProps/core.xml`; the creation date is set to the school's `term_start` instead.

mod compliance;
mod observations;
mod table;

use super::Lang;
use crate::check::{CheckReport, GroupStatus};
use crate::domain::{Instance, Register, Schedule, TeacherId};
use chrono::{Datelike, NaiveDate, Weekday};
use rust_xlsxwriter::{DocProperties, Workbook};
use std::collections::BTreeMap;
use table::{Cell, Formats, count, maybe, text};

/// What can go wrong while writing the workbook.
#[derive(Debug, thiserror::Error)]
pub enum WorkbookError {
    #[error("cannot write timetable.xlsx: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("{0} cannot be written as an Excel date (years 1900 to 9999)")]
    Date(NaiveDate),
    #[error("sheet {sheet} has more rows than a worksheet holds")]
    TooManyRows { sheet: String },
    #[error("a sheet has more columns than a worksheet holds")]
    TooManyColumns,
}

/// The workbook as `.xlsx` bytes: lessons, groups, teachers, students and compliance.
pub fn timetable_xlsx(
    instance: &Instance,
    schedule: &Schedule,
    check: &CheckReport,
    lang: Lang,
) -> Result<Vec<u8>, WorkbookError> {
    let mut workbook = Workbook::new();
    let properties = DocProperties::new()
        .set_title(lang.pick("NT2-rooster", "NT2 timetable"))
        .set_company(instance.school.name.as_str())
        .set_creation_datetime(&table::creation_date(instance.school.term_start)?);
    workbook.set_properties(&properties);
    let formats = Formats::new();
    let (headers, rows) = lessons(instance, schedule, lang);
    let sheet = workbook.add_worksheet();
    table::write(
        sheet,
        lang.pick("Lessen", "Lessons"),
        &headers,
        &rows,
        &formats,
    )?;
    let (headers, rows) = groups(check, lang);
    let sheet = workbook.add_worksheet();
    table::write(
        sheet,
        lang.pick("Groepen", "Groups"),
        &headers,
        &rows,
        &formats,
    )?;
    let (headers, rows) = teachers(instance, schedule, lang);
    let sheet = workbook.add_worksheet();
    table::write(
        sheet,
        lang.pick("Docenten", "Teachers"),
        &headers,
        &rows,
        &formats,
    )?;
    let (headers, rows) = students(instance, schedule, check, lang);
    let sheet = workbook.add_worksheet();
    table::write(
        sheet,
        lang.pick("Cursisten", "Students"),
        &headers,
        &rows,
        &formats,
    )?;
    let (headers, rows) = observations::table(schedule, lang);
    let sheet = workbook.add_worksheet();
    table::write(
        sheet,
        lang.pick("Observaties", "Observations"),
        &headers,
        &rows,
        &formats,
    )?;
    let (headers, rows) = compliance::table(check, lang);
    let sheet = workbook.add_worksheet();
    table::write(
        sheet,
        lang.pick("Naleving", "Compliance"),
        &headers,
        &rows,
        &formats,
    )?;
    Ok(workbook.save_to_buffer()?)
}

/// Header texts and data rows of one sheet.
type Table = (Vec<&'static str>, Vec<Vec<Cell>>);

fn yes_no(yes: bool, lang: Lang) -> Cell {
    text(if yes {
        lang.pick("ja", "yes")
    } else {
        lang.pick("nee", "no")
    })
}

pub(crate) fn weekday(date: NaiveDate, lang: Lang) -> &'static str {
    let (nl, en) = match date.weekday() {
        Weekday::Mon => ("maandag", "Monday"),
        Weekday::Tue => ("dinsdag", "Tuesday"),
        Weekday::Wed => ("woensdag", "Wednesday"),
        Weekday::Thu => ("donderdag", "Thursday"),
        Weekday::Fri => ("vrijdag", "Friday"),
        Weekday::Sat => ("zaterdag", "Saturday"),
        Weekday::Sun => ("zondag", "Sunday"),
    };
    lang.pick(nl, en)
}

/// One row per timetable row, in date, time and course order.
fn lessons(instance: &Instance, schedule: &Schedule, lang: Lang) -> Table {
    let mut headers = if lang == Lang::En {
        vec![
            "Date",
            "Weekday",
            "Time",
            "Course code",
            "Location",
            "Profile",
            "Teacher id",
            "Teacher",
            "Certified",
        ]
    } else {
        vec![
            "Datum",
            "Dag",
            "Tijd",
            "Cursuscode",
            "Locatie",
            "Leerprofiel",
            "Docent-id",
            "Docent",
            "Gecertificeerd",
        ]
    };
    // A room column after the location, only for a school with rooms (`rooms.csv`).
    let rooms = instance.has_rooms();
    if rooms {
        headers.insert(5, lang.pick("Lokaal", "Room"));
    }
    let mut timetable: Vec<_> = schedule.timetable.iter().collect();
    timetable.sort_by(|a, b| {
        (a.date, a.time, &a.course_code, &a.teacher).cmp(&(
            b.date,
            b.time,
            &b.course_code,
            &b.teacher,
        ))
    });
    let rows = timetable
        .into_iter()
        .map(|r| {
            let group = instance.group(&r.course_code);
            let teacher = r.teacher.as_ref().and_then(|id| instance.teacher(id));
            let mut cells = vec![
                Cell::Date(r.date),
                text(weekday(r.date, lang)),
                text(r.time.to_string()),
                text(r.course_code.as_str()),
                text(group.map_or(r.location.as_str(), |g| g.location.as_str())),
                maybe(group.map(|g| g.profile.as_str())),
                maybe(r.teacher.as_ref().map(TeacherId::as_str)),
                maybe(teacher.map(|t| t.name.as_str())),
                teacher.map_or(Cell::Empty, |t| yes_no(t.is_certified(), lang)),
            ];
            if rooms {
                cells.insert(5, maybe(r.room.as_ref().map(crate::domain::RoomId::as_str)));
            }
            cells
        })
        .collect();
    (headers, rows)
}

fn status(status: GroupStatus, lang: Lang) -> &'static str {
    super::check_text::status_text(status, lang)
}

/// One row per group of the checker's report, by course code.
fn groups(check: &CheckReport, lang: Lang) -> Table {
    let headers = if lang == Lang::En {
        vec![
            "Course code",
            "Location",
            "Profile",
            "Size class",
            "Size",
            "Standard max",
            "Temporary max",
            "Status",
        ]
    } else {
        vec![
            "Cursuscode",
            "Locatie",
            "Leerprofiel",
            "Grootteklasse",
            "Grootte",
            "Standaard max",
            "Tijdelijk max",
            "Status",
        ]
    };
    let rows = check
        .groups
        .iter()
        .map(|g| {
            vec![
                text(g.course_code.as_str()),
                text(g.location.as_str()),
                text(g.profile.as_str()),
                text(g.size_class.as_str()),
                count(g.size),
                g.standard_max.map_or(Cell::Empty, count),
                g.temporary_max.map_or(Cell::Empty, count),
                text(status(g.status, lang)),
            ]
        })
        .collect();
    (headers, rows)
}

fn register(register: Register, lang: Lang) -> &'static str {
    match register {
        Register::Bvnt2 => "BVNT2",
        Register::Kwaliteitsregister => "Kwaliteitsregister NT2",
        Register::None => lang.pick("geen", "none"),
    }
}

/// One row per teacher of the instance, by id, with the lessons they give and their mentor.
fn teachers(instance: &Instance, schedule: &Schedule, lang: Lang) -> Table {
    let headers = if lang == Lang::En {
        vec![
            "Id",
            "Name",
            "Register",
            "Certified",
            "Lessons given",
            "Mentor",
        ]
    } else {
        vec![
            "Id",
            "Naam",
            "Register",
            "Gecertificeerd",
            "Lessen gegeven",
            "Mentor",
        ]
    };
    let mut given: BTreeMap<&TeacherId, u64> = BTreeMap::new();
    for id in schedule.timetable.iter().filter_map(|r| r.teacher.as_ref()) {
        *given.entry(id).or_default() += 1;
    }
    let mut mentors: BTreeMap<&TeacherId, Vec<String>> = BTreeMap::new();
    for m in &schedule.mentoring {
        let name = instance
            .teacher(&TeacherId::new(m.mentor.as_str()))
            .map(|t| t.name.as_str())
            .or_else(|| instance.mentor(&m.mentor).map(|x| x.name.as_str()));
        let label = match name {
            Some(name) => format!("{name} ({})", m.mentor),
            None => m.mentor.clone(),
        };
        mentors.entry(&m.teacher).or_default().push(label);
    }
    let mut list: Vec<_> = instance.teachers.iter().collect();
    list.sort_by(|a, b| a.id.cmp(&b.id));
    let rows = list
        .into_iter()
        .map(|t| {
            let mentor = mentors.get(&t.id).map(|m| m.join(", "));
            vec![
                text(t.id.as_str()),
                text(t.name.as_str()),
                text(register(t.register, lang)),
                yes_no(t.is_certified(), lang),
                count(given.get(&t.id).copied().unwrap_or(0)),
                maybe(mentor),
            ]
        })
        .collect();
    (headers, rows)
}

/// One row per student of the instance, by id: no names, only what planning needs.
/// A student without a place gets the checker's reason in the last column.
fn students(instance: &Instance, schedule: &Schedule, check: &CheckReport, lang: Lang) -> Table {
    let headers = if lang == Lang::En {
        vec!["Id", "Profile", "Group", "Why no place"]
    } else {
        vec!["Id", "Leerprofiel", "Groep", "Waarom geen plaats"]
    };
    let why: BTreeMap<&str, String> = check
        .who_pays
        .students
        .iter()
        .map(|s| {
            (
                s.student.as_str(),
                super::who_pays_text::reason(&s.reason, lang),
            )
        })
        .collect();
    let mut placed: BTreeMap<&str, Vec<&str>> = BTreeMap::new();
    for p in &schedule.placements {
        if let Some(code) = &p.course_code {
            placed
                .entry(p.student.as_str())
                .or_default()
                .push(code.as_str());
        }
    }
    let mut list: Vec<_> = instance.students.iter().collect();
    list.sort_by(|a, b| a.id.cmp(&b.id));
    let rows = list
        .into_iter()
        .map(|s| {
            vec![
                text(s.id.as_str()),
                text(s.profile.as_str()),
                maybe(placed.get(s.id.as_str()).map(|codes| codes.join(", "))),
                maybe(why.get(s.id.as_str()).cloned()),
            ]
        })
        .collect();
    (headers, rows)
}

#[cfg(test)]
mod tests;
