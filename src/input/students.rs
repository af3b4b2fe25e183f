//! `students.csv`: `id,profile,law,locations,available,group`. Ids only: personal data.

use super::Rows;
use super::cells::{self, Field, List, SlotSpec};
use super::csvfile::{self, Cell, Spec};
use crate::diag::Diagnostics;
use crate::domain::Law;
use std::path::Path;

pub const SPEC: Spec = Spec {
    file: "students.csv",
    required: &["id", "profile", "law", "locations", "available", "group"],
    optional: &[],
    extra_allowed: false,
};

/// One row, parsed but not yet resolved against the school.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StudentRow {
    pub line: u64,
    pub id: Cell,
    pub profile: Cell,
    pub law: Law,
    /// In order of preference; `*`: every location, none preferred.
    pub locations: Field<List>,
    pub available: Field<Vec<SlotSpec>>,
    /// A pinned course code; empty when not pinned.
    pub group: Cell,
}

/// Reads `students.csv`; `None` when the file is missing or unusable (reported).
pub fn read(dir: &Path, diags: &mut Diagnostics) -> Option<Rows<StudentRow>> {
    csvfile::read(dir, SPEC, true, diags).map(|table| rows(&table, diags))
}

/// Parses the bytes of a `students.csv` (the file is present); see [`read`].
pub fn parse(bytes: &[u8], diags: &mut Diagnostics) -> Option<Rows<StudentRow>> {
    csvfile::parse(SPEC, bytes, diags).map(|table| rows(&table, diags))
}

fn rows(table: &csvfile::Table, diags: &mut Diagnostics) -> Rows<StudentRow> {
    super::read_rows(table, "id", diags, |t, r, d| {
        let id = t.cell(r, "id");
        let profile = t.cell(r, "profile");
        let law = t.cell(r, "law");
        let locations = t.cell(r, "locations");
        let available = t.cell(r, "available");
        let parsed = (
            cells::required(&id, d),
            cells::required(&profile, d),
            cells::required(&law, d).and_then(|_| cells::law(&law, d)),
            cells::list(&locations, d),
            cells::slots(&available, true, d),
        );
        let (Some(_), Some(_), Some(law), Some(l), Some(a)) = parsed else {
            return None;
        };
        Some(StudentRow {
            line: r.line,
            id,
            profile,
            law,
            locations: Field {
                value: l,
                cell: locations,
            },
            available: Field {
                value: a,
                cell: available,
            },
            group: t.cell(r, "group"),
        })
    })
}
