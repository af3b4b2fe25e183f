//! `mentoring.csv` of a schedule folder (optional): `teacher,mentor`.

use super::Rows;
use super::cells;
use super::csvfile::{self, Cell, Spec};
use crate::diag::Diagnostics;
use std::path::Path;

pub const SPEC: Spec = Spec {
    file: "mentoring.csv",
    required: &["teacher", "mentor"],
    optional: &[],
    extra_allowed: false,
};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MentoringLine {
    pub line: u64,
    pub teacher: Cell,
    /// A teacher id or an external mentor id.
    pub mentor: Cell,
}

/// Reads `mentoring.csv`; an absent file is no mentoring.
pub fn read(dir: &Path, diags: &mut Diagnostics) -> Option<Rows<MentoringLine>> {
    let Some(table) = csvfile::read_optional(dir, SPEC, diags)? else {
        return Some(Rows::default());
    };
    Some(rows(&table, diags))
}

/// Parses the bytes of a `mentoring.csv` (a sheet of a schedule workbook); `None` when unusable
/// (reported).
pub fn parse(bytes: &[u8], diags: &mut Diagnostics) -> Option<Rows<MentoringLine>> {
    let table = csvfile::parse(SPEC, bytes, diags)?;
    Some(rows(&table, diags))
}

fn rows(table: &csvfile::Table, diags: &mut Diagnostics) -> Rows<MentoringLine> {
    super::read_rows(table, "teacher", diags, |t, r, d| {
        let teacher = t.cell(r, "teacher");
        let mentor = t.cell(r, "mentor");
        let (Some(_), Some(_)) = (cells::required(&teacher, d), cells::required(&mentor, d)) else {
            return None;
        };
        Some(MentoringLine {
            line: r.line,
            teacher,
            mentor,
        })
    })
}
