//! `placements.csv` of a schedule folder: `student,course_code` (empty: not placed).

use super::Rows;
use super::cells;
use super::csvfile::{self, Cell, Spec};
use crate::diag::Diagnostics;
use std::path::Path;

pub const SPEC: Spec = Spec {
    file: "placements.csv",
    required: &["student", "course_code"],
    optional: &[],
    extra_allowed: false,
};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlacementLine {
    pub line: u64,
    pub student: Cell,
    /// Empty: the student is not placed.
    pub course_code: Cell,
}

/// Reads `placements.csv`; `None` when the file is missing or unusable (reported).
pub fn read(dir: &Path, diags: &mut Diagnostics) -> Option<Rows<PlacementLine>> {
    let table = csvfile::read(dir, SPEC, true, diags)?;
    Some(rows(&table, diags))
}

/// Parses the bytes of a `placements.csv` (a sheet of a schedule workbook); `None` when unusable
/// (reported).
pub fn parse(bytes: &[u8], diags: &mut Diagnostics) -> Option<Rows<PlacementLine>> {
    let table = csvfile::parse(SPEC, bytes, diags)?;
    Some(rows(&table, diags))
}

fn rows(table: &csvfile::Table, diags: &mut Diagnostics) -> Rows<PlacementLine> {
    super::read_rows(table, "student", diags, |t, r, d| {
        let student = t.cell(r, "student");
        cells::required(&student, d)?;
        Some(PlacementLine {
            line: r.line,
            student,
            course_code: t.cell(r, "course_code"),
        })
    })
}
