//! `mentors.csv` (optional): `id,name,capacity`, external certified mentors.

use super::Rows;
use super::cells;
use super::csvfile::{self, Cell, Spec};
use crate::diag::Diagnostics;
use std::path::Path;

pub const SPEC: Spec = Spec {
    file: "mentors.csv",
    required: &["id", "name", "capacity"],
    optional: &[],
    extra_allowed: false,
};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct MentorRow {
    pub line: u64,
    pub id: Cell,
    pub name: String,
    pub capacity: u32,
}

/// Reads `mentors.csv`; an absent file is no mentors.
pub fn read(dir: &Path, diags: &mut Diagnostics) -> Option<Rows<MentorRow>> {
    match csvfile::read_optional(dir, SPEC, diags)? {
        Some(table) => Some(rows(&table, diags)),
        None => Some(Rows::default()),
    }
}

/// Parses the bytes of a `mentors.csv` (the file is present); see [`read`].
pub fn parse(bytes: &[u8], diags: &mut Diagnostics) -> Option<Rows<MentorRow>> {
    csvfile::parse(SPEC, bytes, diags).map(|table| rows(&table, diags))
}

fn rows(table: &csvfile::Table, diags: &mut Diagnostics) -> Rows<MentorRow> {
    super::read_rows(table, "id", diags, |t, r, d| {
        let id = t.cell(r, "id");
        let capacity = t.cell(r, "capacity");
        let (Some(_), Some(c)) = (
            cells::required(&id, d),
            cells::required(&capacity, d).and_then(|_| cells::number(&capacity, d)),
        ) else {
            return None;
        };
        Some(MentorRow {
            line: r.line,
            id,
            name: t.cell(r, "name").text,
            capacity: c,
        })
    })
}
