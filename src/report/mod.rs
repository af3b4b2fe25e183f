//! Printing: text and machine renderings of results. No solving and no checking logic here.

pub mod attendance;
pub mod calendar;
pub mod changes_files;
pub mod chart;
pub mod check_text;
mod csv_format;
pub mod declaration;
pub mod diag_text;
pub mod documents;
pub mod dossier;
mod finding_text;
pub mod html;
mod lang;
pub mod options_files;
mod printed;
pub mod progress_text;
pub mod reason_text;
pub mod schedule_files;
pub mod solve_report;
mod sweep_charts;
pub mod sweep_files;
pub mod sweep_text;
pub mod who_pays_text;
pub mod wijzigingen;
pub mod workbook;

pub use csv_format::CsvFormat;
pub use lang::Lang;

use std::borrow::Cow;

/// A file name made from an id that cannot leave its folder or clash: letters, digits, `-`
/// and `_` are kept, everything else (`/`, `..`, spaces, accents) becomes `_`, and a name
/// that had to change gets a short hash of the id so that `T/1` and `T_1` stay apart.
pub fn safe_file_name(id: &str) -> String {
    let kept: String = id
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if kept == id && !id.is_empty() {
        return kept;
    }
    // FNV-1a: stable across platforms and versions, unlike the standard hasher.
    let hash = id.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{kept}-{:08x}", hash & 0xffff_ffff)
}

/// A text cell made safe for a spreadsheet: a cell that starts with `=`, `+`, `-`, `@`, a
/// tab or a carriage return could run as a formula when the file is opened, so it gets a
/// leading `'` (the OWASP advice for CSV injection). A plain number such as `-3` stays.
pub fn spreadsheet_safe(cell: &str) -> Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    if risky && cell.parse::<f64>().is_err() {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_from_ids_stay_in_their_folder_and_apart() {
        assert_eq!(safe_file_name("T01"), "T01");
        let up = safe_file_name("../../etc/passwd");
        assert!(!up.contains('/') && !up.contains(".."), "{up}");
        assert_ne!(safe_file_name("T/1"), safe_file_name("T_1"));
        assert_ne!(safe_file_name(""), "");
        assert_eq!(safe_file_name("Ödön"), safe_file_name("Ödön"));
    }

    #[test]
    fn formulas_are_defused_and_numbers_kept() {
        assert_eq!(spreadsheet_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(spreadsheet_safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(spreadsheet_safe("+31 6"), "'+31 6");
        assert_eq!(spreadsheet_safe("-3"), "-3");
        assert_eq!(spreadsheet_safe("Utrecht"), "Utrecht");
        assert_eq!(spreadsheet_safe(""), "");
    }
}
