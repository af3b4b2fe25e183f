//! `timetable.csv` of a schedule folder: `course_code,date,start,end,location,teacher`, one
//! row per lesson, and `room` when the school has rooms (`rooms.csv`). Extra columns are
//! ignored: other tools may add their own (notes); without rooms, so is `room`.

use super::Rows;
use super::cells::{self, Field};
use super::csvfile::{self, Cell, Spec};
use crate::diag::Diagnostics;
use crate::domain::TimeRange;
use chrono::NaiveDate;
use std::path::Path;

pub const SPEC: Spec = Spec {
    file: "timetable.csv",
    required: &["course_code", "date", "start", "end", "location", "teacher"],
    optional: &["room"],
    extra_allowed: true,
};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TimetableLine {
    pub line: u64,
    pub course_code: Cell,
    pub date: Field<NaiveDate>,
    pub time: TimeRange,
    pub location: Cell,
    /// Empty: a lesson nobody gives.
    pub teacher: Cell,
    /// Empty (or no column): no room.
    pub room: Cell,
}

/// Reads `timetable.csv`; `None` when the file is missing or unusable (reported).
pub fn read(dir: &Path, diags: &mut Diagnostics) -> Option<Rows<TimetableLine>> {
    let table = csvfile::read(dir, SPEC, true, diags)?;
    Some(rows(&table, diags))
}

/// Parses the bytes of a `timetable.csv` (a sheet of a schedule workbook); `None` when unusable
/// (reported).
pub fn parse(bytes: &[u8], diags: &mut Diagnostics) -> Option<Rows<TimetableLine>> {
    let table = csvfile::parse(SPEC, bytes, diags)?;
    Some(rows(&table, diags))
}

fn rows(table: &csvfile::Table, diags: &mut Diagnostics) -> Rows<TimetableLine> {
    super::read_rows(table, "course_code", diags, |t, r, d| {
        let code = t.cell(r, "course_code");
        let date = t.cell(r, "date");
        let start = t.cell(r, "start");
        let end = t.cell(r, "end");
        let location = t.cell(r, "location");
        let parsed = (
            cells::required(&code, d),
            cells::required(&date, d).and_then(|_| cells::date(&date, d)),
            cells::time_range(&start, &end, d),
            cells::required(&location, d),
        );
        let (Some(_), Some(day), Some(time), Some(_)) = parsed else {
            return None;
        };
        Some(TimetableLine {
            line: r.line,
            course_code: code,
            date: Field {
                value: day,
                cell: date,
            },
            time,
            location,
            teacher: t.cell(r, "teacher"),
            room: t.cell(r, "room"),
        })
    })
}
