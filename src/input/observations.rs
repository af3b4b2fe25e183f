//! `observations.csv` of a schedule folder (optional):
//! `teacher,observed,course_code,date,start,end`, one row per observation lesson.

use super::Rows;
use super::cells::{self, Field};
use super::csvfile::{self, Cell, Spec};
use crate::diag::Diagnostics;
use crate::domain::TimeRange;
use chrono::NaiveDate;
use std::path::Path;

pub const SPEC: Spec = Spec {
    file: "observations.csv",
    required: &["teacher", "observed", "course_code", "date", "start", "end"],
    optional: &[],
    extra_allowed: true,
};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ObservationLine {
    pub line: u64,
    /// The non-certified teacher who observes.
    pub teacher: Cell,
    /// The teacher who gives the lesson.
    pub observed: Cell,
    pub course_code: Cell,
    pub date: Field<NaiveDate>,
    pub time: TimeRange,
}

/// Reads `observations.csv`; an absent file is no observation lessons.
pub fn read(dir: &Path, diags: &mut Diagnostics) -> Option<Rows<ObservationLine>> {
    let Some(table) = csvfile::read_optional(dir, SPEC, diags)? else {
        return Some(Rows::default());
    };
    Some(rows(&table, diags))
}

/// Parses the bytes of a `observations.csv` (a sheet of a schedule workbook); `None` when unusable
/// (reported).
pub fn parse(bytes: &[u8], diags: &mut Diagnostics) -> Option<Rows<ObservationLine>> {
    let table = csvfile::parse(SPEC, bytes, diags)?;
    Some(rows(&table, diags))
}

fn rows(table: &csvfile::Table, diags: &mut Diagnostics) -> Rows<ObservationLine> {
    super::read_rows(table, "teacher", diags, |t, r, d| {
        let teacher = t.cell(r, "teacher");
        let observed = t.cell(r, "observed");
        let code = t.cell(r, "course_code");
        let date = t.cell(r, "date");
        let start = t.cell(r, "start");
        let end = t.cell(r, "end");
        let parsed = (
            cells::required(&teacher, d),
            cells::required(&observed, d),
            cells::required(&code, d),
            cells::required(&date, d).and_then(|_| cells::date(&date, d)),
            cells::time_range(&start, &end, d),
        );
        let (Some(_), Some(_), Some(_), Some(day), Some(time)) = parsed else {
            return None;
        };
        Some(ObservationLine {
            line: r.line,
            teacher,
            observed,
            course_code: code,
            date: Field {
                value: day,
                cell: date,
            },
            time,
        })
    })
}
