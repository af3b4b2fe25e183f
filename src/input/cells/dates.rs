//! Date cells. ISO `YYYY-MM-DD` is the format; a Dutch Excel, once a planner has edited the
//! file, saves every date day first (`1-9-2025`, `01-09-2025`). Those are read as such, with
//! a warning (W201, one per file: see [`collapse_day_first`]), since the order is certain: a
//! Dutch Excel writes `-` and four-digit years, day first. What is not certain stays E202: a
//! date with `/` (an English or American Excel, which may put the month first), a two-digit
//! year, and a date that does not exist (`31-02-2025`, `2025-13-01`).

use super::super::csvfile::Cell;
use crate::diag::{Code, Diagnostics, ErrorCode, WarningCode};
use chrono::NaiveDate;

/// How a cell is written, before the calendar says whether the date exists.
enum Shape {
    /// `YYYY-MM-DD`.
    Iso(i32, u32, u32),
    /// `D-M-YYYY` or `DD-MM-YYYY`.
    DayFirst(i32, u32, u32),
    Other,
}

fn shape(t: &str) -> Shape {
    let parts: Vec<&str> = t.split('-').collect();
    let digits = |s: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&s.len()) && s.chars().all(|c| c.is_ascii_digit())
    };
    match parts.as_slice() {
        [y, m, d] if digits(y, 4..=4) && digits(m, 2..=2) && digits(d, 2..=2) => {
            match (y.parse(), m.parse(), d.parse()) {
                (Ok(y), Ok(m), Ok(d)) => Shape::Iso(y, m, d),
                _ => Shape::Other,
            }
        }
        [d, m, y] if digits(d, 1..=2) && digits(m, 1..=2) && digits(y, 4..=4) => {
            match (y.parse(), m.parse(), d.parse()) {
                (Ok(y), Ok(m), Ok(d)) => Shape::DayFirst(y, m, d),
                _ => Shape::Other,
            }
        }
        _ => Shape::Other,
    }
}

/// A date `YYYY-MM-DD`, or day first as a Dutch Excel writes it (W201); E202 otherwise.
pub fn date(cell: &Cell, diags: &mut Diagnostics) -> Option<NaiveDate> {
    let t = cell.text.as_str();
    let (y, m, d, day_first) = match shape(t) {
        Shape::Iso(y, m, d) => (y, m, d, false),
        Shape::DayFirst(y, m, d) => (y, m, d, true),
        Shape::Other => {
            diags.push(not_a_date(cell));
            return None;
        }
    };
    let Some(date) = NaiveDate::from_ymd_opt(y, m, d) else {
        let (order, order_nl) = if day_first {
            ("day-month-year", "dag-maand-jaar")
        } else {
            ("year-month-day", "jaar-maand-dag")
        };
        diags.push(
            cell.error(
                ErrorCode::BadDate,
                format!(
                    "`{}` is \"{t}\", which is no date: read as {order}, it is day {d} of month {m} of {y}",
                    cell.field
                ),
            )
            .fix("write an existing date as YYYY-MM-DD, e.g. 2025-09-01")
            .nl(format!(
                "`{}` is \"{t}\", dat is geen datum: gelezen als {order_nl} is het dag {d} van maand {m} van {y}",
                cell.field
            ))
            .fix_nl("schrijf een bestaande datum als JJJJ-MM-DD, bijvoorbeeld 2025-09-01"),
        );
        return None;
    };
    if day_first {
        diags.push(
            cell.warning(
                WarningCode::DayFirstDates,
                format!(
                    "`{}` is \"{t}\", read day first as {date}, as a Dutch Excel writes dates",
                    cell.field
                ),
            )
            .fix(
                "nothing to do if the dates are right; to write ISO dates, format the column in Excel as jjjj-mm-dd before saving",
            )
            .nl(format!(
                "`{}` is \"{t}\", met de dag vooraan gelezen als {date}, zoals een Nederlandse Excel datums schrijft",
                cell.field
            ))
            .fix_nl(
                "niets te doen als de datums kloppen; voor ISO-datums: geef de kolom in Excel vóór het opslaan de notatie jjjj-mm-dd (Celeigenschappen > Getal > Aangepast)",
            ),
        );
    }
    Some(date)
}

fn not_a_date(cell: &Cell) -> crate::diag::Diagnostic {
    let t = cell.text.as_str();
    let (why, why_nl) = if t.contains('/') {
        (
            ": with `/` the order of day and month is not certain",
            ": met `/` is de volgorde van dag en maand niet zeker",
        )
    } else if t
        .split(['-', '.'])
        .next_back()
        .is_some_and(|y| y.len() == 2)
    {
        (
            ": a two-digit year is not certain",
            ": een jaartal van twee cijfers is niet zeker",
        )
    } else {
        ("", "")
    };
    let example = ["%d/%m/%Y", "%d.%m.%Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(t, f).ok())
        .map_or_else(|| "2025-09-01".to_string(), |d| d.to_string());
    cell.error(
        ErrorCode::BadDate,
        format!("`{}` is \"{t}\", not a date YYYY-MM-DD{why}", cell.field),
    )
    .fix(format!("write YYYY-MM-DD, e.g. {example}"))
    .nl(format!(
        "`{}` is \"{t}\", geen datum JJJJ-MM-DD{why_nl}",
        cell.field
    ))
    .fix_nl(format!("schrijf JJJJ-MM-DD, bijvoorbeeld {example}"))
}

/// A date, or `None` inside `Some` when the cell is empty.
pub fn date_opt(cell: &Cell, diags: &mut Diagnostics) -> Option<Option<NaiveDate>> {
    if cell.is_empty() {
        Some(None)
    } else {
        date(cell, diags).map(Some)
    }
}

/// Keeps the first W201 of `file` among `diags[from..]` and drops the others, counting them
/// in the one kept: a file saved by a Dutch Excel has every date day first, and one warning
/// says so as well as hundreds.
pub fn collapse_day_first(diags: &mut Diagnostics, from: usize, file: &str) {
    let is_w201 = |d: &crate::diag::Diagnostic| d.code() == Code::DayFirstDates && d.file == file;
    let Some(tail) = diags.0.get(from..) else {
        return;
    };
    let count = tail.iter().filter(|d| is_w201(d)).count();
    if count < 2 {
        return;
    }
    let mut seen = false;
    let mut kept = diags.0.split_off(from);
    kept.retain(|d| {
        if !is_w201(d) {
            return true;
        }
        let first = !seen;
        seen = true;
        first
    });
    if let Some(first) = kept.iter_mut().find(|d| is_w201(d)) {
        first.message = format!(
            "{}; so were the other {} day-first dates of this file",
            first.message,
            count - 1
        );
        if let Some(nl) = &mut first.message_nl {
            *nl = format!(
                "{nl}; zo ook de andere {} datums met de dag vooraan in dit bestand",
                count - 1
            );
        }
    }
    diags.0.extend(kept);
}
