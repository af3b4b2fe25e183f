//! `unavailability.csv` (optional): `teacher,from,to,reason`, dates inclusive.

use super::Rows;
use super::cells::{self, Field};
use super::csvfile::{self, Cell, Spec};
use crate::diag::Diagnostics;
use chrono::NaiveDate;
use std::path::Path;

pub const SPEC: Spec = Spec {
    file: "unavailability.csv",
    required: &["teacher", "from", "to"],
    optional: &["reason"],
    extra_allowed: false,
};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnavailabilityRow {
    pub line: u64,
    pub teacher: Cell,
    pub from: Field<NaiveDate>,
    pub to: Field<NaiveDate>,
    pub reason: String,
}

/// Reads `unavailability.csv`; an absent file is no unavailability.
pub fn read(dir: &Path, diags: &mut Diagnostics) -> Option<Rows<UnavailabilityRow>> {
    match csvfile::read_optional(dir, SPEC, diags)? {
        Some(table) => Some(rows(&table, diags)),
        None => Some(Rows::default()),
    }
}

/// Parses the bytes of an `unavailability.csv` (the file is present); see [`read`].
pub fn parse(bytes: &[u8], diags: &mut Diagnostics) -> Option<Rows<UnavailabilityRow>> {
    csvfile::parse(SPEC, bytes, diags).map(|table| rows(&table, diags))
}

fn rows(table: &csvfile::Table, diags: &mut Diagnostics) -> Rows<UnavailabilityRow> {
    super::read_rows(table, "teacher", diags, |t, r, d| {
        let teacher = t.cell(r, "teacher");
        let from = t.cell(r, "from");
        let to = t.cell(r, "to");
        let parsed = (
            cells::required(&teacher, d),
            cells::required(&from, d).and_then(|_| cells::date(&from, d)),
            cells::required(&to, d).and_then(|_| cells::date(&to, d)),
        );
        let (Some(_), Some(f), Some(u)) = parsed else {
            return None;
        };
        Some(UnavailabilityRow {
            line: r.line,
            teacher,
            from: Field {
                value: f,
                cell: from,
            },
            to: Field { value: u, cell: to },
            reason: t.cell(r, "reason").text,
        })
    })
}
