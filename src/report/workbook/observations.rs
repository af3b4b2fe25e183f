//! The `Observaties` sheet: the observation lessons of Bijlage 2, one row each, in the
//! columns `check` reads back from an edited workbook (`input::workbook::schedule`).

use super::Table;
use super::table::{Cell, text};
use crate::domain::Schedule;
use crate::report::Lang;

/// One row per observation lesson, in date, time and teacher order.
pub(super) fn table(schedule: &Schedule, lang: Lang) -> Table {
    let headers = if lang == Lang::En {
        vec!["Date", "Time", "Course code", "Teacher id", "Observed"]
    } else {
        vec!["Datum", "Tijd", "Cursuscode", "Docent-id", "Geobserveerd"]
    };
    let mut list: Vec<_> = schedule.observations.iter().collect();
    list.sort_by(|a, b| {
        (a.date, a.time, &a.teacher, &a.course_code).cmp(&(
            b.date,
            b.time,
            &b.teacher,
            &b.course_code,
        ))
    });
    let rows = list
        .into_iter()
        .map(|o| {
            vec![
                Cell::Date(o.date),
                text(o.time.to_string()),
                text(o.course_code.as_str()),
                text(o.teacher.as_str()),
                text(o.observed.as_str()),
            ]
        })
        .collect();
    (headers, rows)
}
