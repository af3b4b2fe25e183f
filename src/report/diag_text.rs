//! Diagnostics as the terminal prints them, in the planner's language, one language at a
//! time. English is the diagnostic's own text ([`Diagnostic`]'s `Display`). Dutch gives the
//! Dutch cause and fix the place that raised it wrote, with the same values; where it wrote
//! none, the code table's Dutch meaning and fix ([`crate::diag::Code::dutch`],
//! [`crate::diag::Code::dutch_fix`]) and a pointer to `--lang en` for the English message
//! with its values.

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
    let mut out = format!("{kind}[{}]: {}\n", d.code(), d.dutch_message());
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
    let _ = write!(out, "\n  = oplossing: {}", d.dutch_fix());
    if d.message_nl.is_none() && !d.message.is_empty() {
        let _ = write!(
            out,
            "\n  = de melding met al haar waarden: voeg --lang en toe"
        );
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
    use crate::diag::{Code, ErrorCode, WarningCode};

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
    fn dutch_without_a_dutch_message_gives_the_code_tables_meaning_and_fix_alone() {
        let text = render(&e305(), Lang::Nl);
        let code = Code::from(ErrorCode::UnknownTeacher);
        let first = text.lines().next().expect("a line");
        assert_eq!(first, format!("fout[E305]: {}", code.dutch()));
        assert!(text.contains("  --> timetable.csv:5:6 (teacher)"), "{text}");
        assert!(
            text.contains(&format!("  = oplossing: {}", code.dutch_fix())),
            "{text}"
        );
        assert!(text.ends_with("voeg --lang en toe"), "{text}");
        assert!(!text.contains("is not in teachers.csv"), "{text}");
        assert!(!text.contains("write an id"), "{text}");
    }

    #[test]
    fn dutch_gives_the_dutch_message_and_fix_the_place_wrote_with_their_values() {
        let d = e305()
            .nl("docent \"T99\" staat niet in teachers.csv")
            .fix_nl("schrijf een id uit teachers.csv");
        let text = render(&d, Lang::Nl);
        assert_eq!(
            text,
            "fout[E305]: docent \"T99\" staat niet in teachers.csv\n  \
             --> timetable.csv:5:6 (teacher)\n  = oplossing: schrijf een id uit teachers.csv"
        );
        // English is untouched by the Dutch texts.
        assert_eq!(render(&d, Lang::En), e305().to_string());
    }

    /// A diagnostic of every input code, with an English message and fix only.
    fn every_input_code() -> Vec<Diagnostic> {
        let (message, fix) = ("English message with \"T99\"", "English fix");
        let errors = ErrorCode::ALL
            .iter()
            .map(|&c| Diagnostic::error(c, "x.csv", message).fix(fix));
        let warnings = WarningCode::ALL
            .iter()
            .map(|&c| Diagnostic::warning(c, "x.csv", message).fix(fix));
        errors.chain(warnings).collect()
    }

    #[test]
    fn every_input_code_renders_in_dutch_alone_with_the_tables_meaning_and_fix() {
        let all = every_input_code();
        assert_eq!(
            all.len(),
            Code::ALL
                .iter()
                .filter(|c| !matches!(c.kind(), crate::diag::Kind::Finding { .. }))
                .count()
        );
        for d in &all {
            let code = d.code();
            let kind = match d.severity() {
                Severity::Error => "fout",
                Severity::Warning => "waarschuwing",
            };
            let text = render(d, Lang::Nl);
            assert!(
                text.starts_with(&format!("{kind}[{code}]: {}\n", code.dutch())),
                "{text}"
            );
            assert!(
                text.contains(&format!("  = oplossing: {}", code.dutch_fix())),
                "{text}"
            );
            assert!(!text.contains("English"), "{text}");
            let english = render(d, Lang::En);
            assert!(english.contains("English message") && english.contains("= fix: English fix"));
        }
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
