//! `teachers.csv`: `id,name,register,locations,profiles,max_lessons_per_week,available,mentor_capacity`,
//! and the optional contract hours `min_lessons_per_week,min_lessons_per_term,max_lessons_per_term`
//! and wishes `prefers,avoids`.

use super::Rows;
use super::cells::{self, Field, List, SlotSpec};
use super::csvfile::{self, Cell, Spec};
use crate::diag::Diagnostics;
use crate::domain::Register;
use std::path::Path;

pub const SPEC: Spec = Spec {
    file: "teachers.csv",
    required: &[
        "id",
        "name",
        "register",
        "locations",
        "profiles",
        "max_lessons_per_week",
        "available",
        "mentor_capacity",
    ],
    optional: &[
        "min_lessons_per_week",
        "min_lessons_per_term",
        "max_lessons_per_term",
        "prefers",
        "avoids",
    ],
    extra_allowed: false,
};

/// One row, parsed but not yet resolved against the school.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TeacherRow {
    pub line: u64,
    pub id: Cell,
    pub name: String,
    pub register: Register,
    pub locations: Field<List>,
    pub profiles: Field<List>,
    /// `None`: no limit.
    pub max_lessons_per_week: Option<u32>,
    pub available: Field<Vec<SlotSpec>>,
    pub mentor_capacity: Field<u32>,
    /// Contract hours; `None`: none (an empty cell or no column).
    pub min_lessons_per_week: Field<Option<u32>>,
    pub min_lessons_per_term: Field<Option<u32>>,
    pub max_lessons_per_term: Field<Option<u32>>,
    /// Wishes as written (`;`-separated), resolved by validation.
    pub prefers: Cell,
    pub avoids: Cell,
}

/// A whole number, or `None` for an empty cell (E204).
fn maybe(cell: Cell, diags: &mut Diagnostics) -> Option<Field<Option<u32>>> {
    let value = if cell.is_empty() {
        Some(None)
    } else {
        cells::number(&cell, diags).map(Some)
    }?;
    Some(Field { value, cell })
}

/// Reads `teachers.csv`; `None` when the file is missing or unusable (reported).
pub fn read(dir: &Path, diags: &mut Diagnostics) -> Option<Rows<TeacherRow>> {
    csvfile::read(dir, SPEC, true, diags).map(|table| rows(&table, diags))
}

/// Parses the bytes of a `teachers.csv` (the file is present); see [`read`].
pub fn parse(bytes: &[u8], diags: &mut Diagnostics) -> Option<Rows<TeacherRow>> {
    csvfile::parse(SPEC, bytes, diags).map(|table| rows(&table, diags))
}

fn rows(table: &csvfile::Table, diags: &mut Diagnostics) -> Rows<TeacherRow> {
    super::read_rows(table, "id", diags, |t, r, d| {
        let id = t.cell(r, "id");
        let name = t.cell(r, "name");
        let register = t.cell(r, "register");
        let locations = t.cell(r, "locations");
        let profiles = t.cell(r, "profiles");
        let max = t.cell(r, "max_lessons_per_week");
        let available = t.cell(r, "available");
        let capacity = t.cell(r, "mentor_capacity");
        let parsed = (
            cells::required(&id, d),
            cells::required(&register, d).and_then(|_| cells::register(&register, d)),
            cells::list(&locations, d),
            cells::list(&profiles, d),
            if max.is_empty() {
                Some(None)
            } else {
                cells::number(&max, d).map(Some)
            },
            cells::slots(&available, true, d),
            cells::number_or(&capacity, 0, d),
        );
        let contract = (
            maybe(t.cell(r, "min_lessons_per_week"), d),
            maybe(t.cell(r, "min_lessons_per_term"), d),
            maybe(t.cell(r, "max_lessons_per_term"), d),
        );
        let (Some(_), Some(register), Some(l), Some(p), Some(max), Some(a), Some(c)) = parsed
        else {
            return None;
        };
        let (Some(min_week), Some(min_term), Some(max_term)) = contract else {
            return None;
        };
        Some(TeacherRow {
            line: r.line,
            id,
            name: name.text,
            register,
            locations: Field {
                value: l,
                cell: locations,
            },
            profiles: Field {
                value: p,
                cell: profiles,
            },
            max_lessons_per_week: max,
            available: Field {
                value: a,
                cell: available,
            },
            mentor_capacity: Field {
                value: c,
                cell: capacity,
            },
            min_lessons_per_week: min_week,
            min_lessons_per_term: min_term,
            max_lessons_per_term: max_term,
            prefers: t.cell(r, "prefers"),
            avoids: t.cell(r, "avoids"),
        })
    })
}
