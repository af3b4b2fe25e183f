//! Diagnostics as the terminal prints them, in the planner's language. English is the
//! diagnostic's own text ([`Diagnostic`]'s `Display`). Dutch leads with the Dutch meaning of
//! the code from the code table ([`crate::diag::Code::dutch`]) and gives the message with
//! its ids and values after it, as a Dutch document does with a finding
//! (`finding_text`).

use super::Lang;
use crate::diag::{Diagnostic, Diagnostics, Severity};
use std::fmt::Write as _;

/// One diagnostic: the headline, the place, and the fix.
pub fn render(d: &Diagnostic, lang: Lang) -> String {
    if lang == Lang::En {
        return d.to_string();
    }
    let kind = match d.severity() {
        Severity::Error => "fout",
        Severity::Warning => "waarschuwing",
    };
    let mut out = format!(
        "{kind}[{}]: {} — {}\n",
        d.code(),
        d.code().dutch(),
        d.message
    );
    let _ = write!(out, "  --> {}", d.file);
    if let Some(line) = d.line {
        let _ = write!(out, ":{line}");
        if let Some(col) = d.column {
            let _ = write!(out, ":{col}");
        }
    }
    if let Some(cell) = &d.cell {
        let _ = write!(out, ", {cell}");
    }
    if let Some(field) = &d.field {
        let _ = write!(out, " ({field})");
    }
    if !d.fix.is_empty() {
        let _ = write!(out, "\n  = oplossing: {}", d.fix);
    }
    out
}

/// Every diagnostic, a blank line after each, then the count.
pub fn render_all(ds: &Diagnostics, lang: Lang) -> String {
    let mut text = String::new();
    for d in ds.iter() {
        text.push_str(&render(d, lang));
        text.push_str("\n\n");
    }
    let errors = ds.error_count();
    let warnings = ds.0.len() - errors;
    text.push_str(&match lang {
        Lang::Nl => format!("{errors} fout(en), {warnings} waarschuwing(en)\n"),
        Lang::En => format!("{errors} error(s), {warnings} warning(s)\n"),
    });
    text
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{Code, ErrorCode};

    fn e305() -> Diagnostic {
        Diagnostic::error(
            ErrorCode::UnknownTeacher,
            "timetable.csv",
            "teacher \"T99\" is not in teachers.csv",
        )
        .at(5, Some(6))
        .field("teacher")
        .fix("write an id from teachers.csv")
    }

    #[test]
    fn dutch_leads_with_the_code_tables_meaning_and_keeps_the_message_and_place() {
        let text = render(&e305(), Lang::Nl);
        let first = text.lines().next().expect("a line");
        assert_eq!(
            first,
            format!(
                "fout[E305]: {} — teacher \"T99\" is not in teachers.csv",
                Code::from(ErrorCode::UnknownTeacher).dutch()
            )
        );
        assert!(text.contains("  --> timetable.csv:5:6 (teacher)"), "{text}");
        assert!(
            text.ends_with("  = oplossing: write an id from teachers.csv"),
            "{text}"
        );
    }

    #[test]
    fn english_is_the_diagnostics_own_text() {
        assert_eq!(render(&e305(), Lang::En), e305().to_string());
        let all = render_all(&Diagnostics(vec![e305()]), Lang::En);
        assert!(all.ends_with("1 error(s), 0 warning(s)\n"), "{all}");
        let all = render_all(&Diagnostics(vec![e305()]), Lang::Nl);
        assert!(all.ends_with("1 fout(en), 0 waarschuwing(en)\n"), "{all}");
    }
}
