//! `locks.csv` (optional): `teacher,course_code,slot,date,rule`. `slot` and `date` may be
//! empty; `rule` is `gives` or `never` (E210). Whether the teacher, course, slot and date
//! exist is for `validate::locks`.

use super::Rows;
use super::cells::{self, Field};
use super::csvfile::{self, Cell, Spec};
use crate::diag::{Diagnostics, ErrorCode};
use crate::domain::{Day, LockRule};
use chrono::NaiveDate;
use std::path::Path;

pub const SPEC: Spec = Spec {
    file: "locks.csv",
    required: &["teacher", "course_code", "rule"],
    optional: &["slot", "date"],
    extra_allowed: false,
};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LockRow {
    pub line: u64,
    pub teacher: Cell,
    pub course_code: Cell,
    /// The weekly slot (day, block name), or `None` for every slot.
    pub slot: Option<Field<(Day, String)>>,
    pub date: Option<Field<NaiveDate>>,
    pub rule: Field<LockRule>,
}

/// Reads `locks.csv`; an absent file is no locks.
pub fn read(dir: &Path, diags: &mut Diagnostics) -> Option<Rows<LockRow>> {
    match csvfile::read_optional(dir, SPEC, diags)? {
        Some(table) => Some(rows(&table, diags)),
        None => Some(Rows::default()),
    }
}

/// Parses the bytes of a `locks.csv` (the file is present); see [`read`].
pub fn parse(bytes: &[u8], diags: &mut Diagnostics) -> Option<Rows<LockRow>> {
    csvfile::parse(SPEC, bytes, diags).map(|table| rows(&table, diags))
}

fn rows(table: &csvfile::Table, diags: &mut Diagnostics) -> Rows<LockRow> {
    super::read_rows(table, "teacher", diags, |t, r, d| {
        let teacher = t.cell(r, "teacher");
        let course_code = t.cell(r, "course_code");
        let slot = t.cell(r, "slot");
        let date = t.cell(r, "date");
        let rule = t.cell(r, "rule");
        let parsed = (
            cells::required(&teacher, d),
            cells::required(&course_code, d),
            one_slot(&slot, d),
            cells::date_opt(&date, d),
            cells::required(&rule, d).and_then(|_| lock_rule(&rule, d)),
        );
        let (Some(_), Some(_), Some(s), Some(dt), Some(ru)) = parsed else {
            return None;
        };
        Some(LockRow {
            line: r.line,
            teacher,
            course_code,
            slot: s.map(|value| Field {
                value,
                cell: slot.clone(),
            }),
            date: dt.map(|value| Field {
                value,
                cell: date.clone(),
            }),
            rule: Field {
                value: ru,
                cell: rule,
            },
        })
    })
}

/// An empty cell (`Some(None)`: every slot) or one `DAY-BLOCK` entry (E208 otherwise).
fn one_slot(cell: &Cell, diags: &mut Diagnostics) -> Option<Option<(Day, String)>> {
    if cell.is_empty() {
        return Some(None);
    }
    let specs = cells::slots(cell, false, diags)?;
    match specs.as_slice() {
        [
            cells::SlotSpec {
                day: Some(day),
                block: Some(block),
            },
        ] => Some(Some((*day, block.clone()))),
        _ => {
            diags.push(
                cell.error(
                    ErrorCode::BadSlot,
                    format!("`slot` is \"{}\": a lock names one weekly slot", cell.text),
                )
                .fix("write one DAY-BLOCK (e.g. mon-morning), or leave it empty for every slot; write one row per slot")
                .nl(format!("`slot` is \"{}\": een vastzetting noemt één wekelijks lesmoment", cell.text))
                .fix_nl("schrijf één DAG-BLOK (bijvoorbeeld ma-morning), of laat het leeg voor elk lesmoment; schrijf één regel per lesmoment"),
            );
            None
        }
    }
}

/// `gives` or `never` (Dutch: `geeft`, `nooit`), any case (E210).
fn lock_rule(cell: &Cell, diags: &mut Diagnostics) -> Option<LockRule> {
    match cell.text.to_lowercase().as_str() {
        "gives" | "geeft" => Some(LockRule::Gives),
        "never" | "nooit" => Some(LockRule::Never),
        _ => {
            diags.push(
                cell.error(
                    ErrorCode::BadLockRule,
                    format!("`rule` is \"{}\", which is not known", cell.text),
                )
                .fix("write gives (this teacher gives these lessons) or never (this teacher gives none of them); in Dutch geeft or nooit")
                .nl(format!("`rule` is \"{}\", dat is niet bekend", cell.text))
                .fix_nl("schrijf geeft (deze docent geeft deze lessen) of nooit (deze docent geeft er geen van); in het Engels gives of never"),
            );
            None
        }
    }
}
