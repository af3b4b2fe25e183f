//! Small text helpers shared by the declaration and the supervision dossier: escaping for
//! Markdown (the HTML is escaped by `maud`), and dates written out the way the Dutch form writes them.

use crate::report::Lang;
use chrono::{Datelike, NaiveDate};

/// Text that Markdown shows as written: the punctuation that could start markup, a link,
/// raw HTML, an entity or a table cell gets a backslash (CommonMark escapes); line breaks
/// become spaces so that a value cannot start a heading or a list.
pub(crate) fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '&' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

const MONTHS_NL: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// A date written out, as the form does: `1 januari 2026`, or `1 January 2026` in English.
pub(crate) fn long_date(date: NaiveDate, lang: Lang) -> String {
    let months = match lang {
        Lang::Nl => &MONTHS_NL,
        Lang::En => &MONTHS_EN,
    };
    let month = months.get(date.month0() as usize).copied().unwrap_or("");
    format!("{} {month} {}", date.day(), date.year())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn md_escape_keeps_plain_names_and_defuses_markup() {
        assert_eq!(md_escape("Bram Jansen"), "Bram Jansen");
        assert_eq!(md_escape("B1-UTR-01"), "B1-UTR-01");
        assert_eq!(md_escape("a|b"), "a\\|b");
        assert_eq!(md_escape("<b>*x*</b>"), "\\<b\\>\\*x\\*\\</b\\>");
        assert_eq!(md_escape("[x](javascript:y)"), "\\[x\\](javascript:y)");
        assert_eq!(md_escape("a\n# b"), "a \\# b");
    }

    #[test]
    fn long_dates_in_both_languages() {
        let d = NaiveDate::from_ymd_opt(2026, 1, 1).unwrap_or_default();
        assert_eq!(long_date(d, Lang::Nl), "1 januari 2026");
        assert_eq!(long_date(d, Lang::En), "1 January 2026");
    }
}
