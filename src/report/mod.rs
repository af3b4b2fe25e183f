//! Printing: text and machine renderings of results. No solving and no checking logic here.

pub mod chart;
pub mod check_text;
pub mod schedule_files;
pub mod solve_report;
mod sweep_charts;
pub mod sweep_files;

use std::borrow::Cow;

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
    fn formulas_are_defused_and_numbers_kept() {
        assert_eq!(spreadsheet_safe("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(spreadsheet_safe("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(spreadsheet_safe("+31 6"), "'+31 6");
        assert_eq!(spreadsheet_safe("-3"), "-3");
        assert_eq!(spreadsheet_safe("Utrecht"), "Utrecht");
        assert_eq!(spreadsheet_safe(""), "");
    }
}
