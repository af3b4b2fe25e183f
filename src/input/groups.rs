//! `groups.csv`: `course_code,location,profile,law,slots,start,end,optional,min_size`.

use super::Rows;
use super::cells::{self, Field, SlotSpec};
use super::csvfile::{self, Cell, Spec};
use crate::diag::Diagnostics;
use crate::domain::Law;
use chrono::NaiveDate;
use std::path::Path;

pub const SPEC: Spec = Spec {
    file: "groups.csv",
    required: &[
        "course_code",
        "location",
        "profile",
        "law",
        "slots",
        "start",
        "end",
        "optional",
        "min_size",
    ],
    optional: &[],
    extra_allowed: false,
};

/// One row, parsed but not yet resolved against the school.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroupRow {
    pub line: u64,
    pub course_code: Cell,
    pub location: Cell,
    pub profile: Cell,
    pub law: Law,
    /// Every entry has a day and a block (no `*`); with a choice of meeting times, every
    /// entry of every alternative, once.
    pub slots: Field<Vec<SlotSpec>>,
    /// A choice of meeting times (`|` in `slots`): each alternative, sorted; empty without.
    pub alternatives: Vec<Vec<SlotSpec>>,
    /// `None`: the term's dates.
    pub start: Field<Option<NaiveDate>>,
    pub end: Field<Option<NaiveDate>>,
    pub optional: bool,
    pub min_size: Field<u32>,
}

/// Reads `groups.csv`; `None` when the file is missing or unusable (reported).
pub fn read(dir: &Path, diags: &mut Diagnostics) -> Option<Rows<GroupRow>> {
    csvfile::read(dir, SPEC, true, diags).map(|table| rows(&table, diags))
}

/// Parses the bytes of a `groups.csv` (the file is present); see [`read`].
pub fn parse(bytes: &[u8], diags: &mut Diagnostics) -> Option<Rows<GroupRow>> {
    csvfile::parse(SPEC, bytes, diags).map(|table| rows(&table, diags))
}

fn rows(table: &csvfile::Table, diags: &mut Diagnostics) -> Rows<GroupRow> {
    super::read_rows(table, "course_code", diags, |t, r, d| {
        let code = t.cell(r, "course_code");
        let location = t.cell(r, "location");
        let profile = t.cell(r, "profile");
        let law = t.cell(r, "law");
        let slots = t.cell(r, "slots");
        let start = t.cell(r, "start");
        let end = t.cell(r, "end");
        let optional = t.cell(r, "optional");
        let min_size = t.cell(r, "min_size");
        let parsed = (
            cells::required(&code, d),
            cells::required(&location, d),
            cells::required(&profile, d),
            cells::required(&law, d).and_then(|_| cells::law(&law, d)),
            cells::alternatives(&slots, d),
            cells::date_opt(&start, d),
            cells::date_opt(&end, d),
            cells::yes_no(&optional, d),
            cells::number_or(&min_size, 1, d),
        );
        let (Some(_), Some(_), Some(_), Some(law), Some(s), Some(st), Some(en), Some(o), Some(m)) =
            parsed
        else {
            return None;
        };
        let (s, alternatives) = if s.len() > 1 {
            let mut union: Vec<SlotSpec> = s.iter().flatten().cloned().collect();
            union.sort();
            union.dedup();
            (union, s)
        } else {
            (s.into_iter().flatten().collect(), Vec::new())
        };
        Some(GroupRow {
            line: r.line,
            alternatives,
            course_code: code,
            location,
            profile,
            law,
            slots: Field {
                value: s,
                cell: slots,
            },
            start: Field {
                value: st,
                cell: start,
            },
            end: Field {
                value: en,
                cell: end,
            },
            optional: o,
            min_size: Field {
                value: m,
                cell: min_size,
            },
        })
    })
}
