//! Positions and codes for TOML files (`school.toml`, rule sets, scenario files).

use crate::diag::{Diagnostic, ErrorCode};
use chrono::NaiveDate;
use toml::Spanned;

mod dutch;
#[cfg(test)]
mod syntax_tests;

/// 1-based line and column (in characters) of a byte offset in `src`.
pub fn line_col(src: &str, offset: usize) -> (u64, u64) {
    let offset = offset.min(src.len());
    let before = src.get(..offset).unwrap_or(src);
    let line = before.matches('\n').count() as u64 + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u64 + 1;
    (line, col)
}

/// A diagnostic at the start of `span` in `src`.
pub fn at_span(d: Diagnostic, src: &str, span: std::ops::Range<usize>) -> Diagnostic {
    let (line, col) = line_col(src, span.start);
    d.at(line, Some(col))
}

/// Turns a TOML parse or shape error into a coded diagnostic with its position.
pub fn de_error(file: &str, src: &str, err: &toml::de::Error) -> Diagnostic {
    let msg = err.message().trim().to_string();
    // A number beyond 64 bits is no wrong type but a number out of range (E204), and
    // "as i128, expected i64" means nothing to a planner.
    if let Some(number) = msg
        .strip_prefix("invalid type: integer `")
        .and_then(|rest| rest.split_once("` as i128"))
        .map(|(n, _)| n)
    {
        let d = Diagnostic::error(
            ErrorCode::BadNumber,
            file,
            format!("the number {number} is far too large"),
        )
        .fix("write a whole number in the range the README gives for this key")
        .nl(format!("het getal {number} is veel te groot"))
        .fix_nl("schrijf een geheel getal binnen het bereik dat de README voor deze sleutel geeft");
        return match err.span() {
            Some(span) => at_span(d, src, span),
            None => d,
        };
    }
    // The message is the TOML reader's, in English: the Dutch one is made from its kind,
    // its key and its values.
    let (code, fix, fix_nl) = if msg.starts_with("missing field") {
        (
            ErrorCode::TomlMissingKey,
            "add the key; see the README for this file's keys",
            "voeg de sleutel toe; de README noemt de sleutels van dit bestand",
        )
    } else if msg.starts_with("unknown field") {
        (
            ErrorCode::TomlUnknownKey,
            "remove the key or correct its spelling; see the README for this file's keys",
            "haal de sleutel weg of verbeter de spelling; de README noemt de sleutels van dit bestand",
        )
    } else if msg.starts_with("invalid type") || msg.contains("did not match any variant") {
        (
            ErrorCode::TomlWrongType,
            "give the value the type the README shows (text in quotes, numbers without)",
            "geef de waarde het type dat de README noemt (tekst tussen aanhalingstekens, getallen zonder)",
        )
    } else {
        (
            ErrorCode::TomlSyntax,
            "correct the TOML syntax at this place (strings in double quotes, key = value)",
            "verbeter de TOML op deze plaats (tekst tussen dubbele aanhalingstekens, sleutel = waarde)",
        )
    };
    let line = msg.replace('\n', " ");
    let key = err.span().and_then(|span| dutch::key_at(src, span.start));
    let mut d = Diagnostic::error(code, file, line.clone())
        .fix(fix)
        .nl(dutch::message(&line, key))
        .fix_nl(fix_nl);
    if let Some(span) = err.span() {
        d = at_span(d, src, span);
    }
    d
}

/// A date as TOML gives it: an ISO string or a native TOML date.
#[derive(Clone, Debug, serde::Deserialize)]
#[serde(untagged)]
pub enum DateValue {
    Text(String),
    Native(toml::value::Datetime),
}

/// Reads a date value, or reports `E202` at its place.
pub fn date(
    file: &str,
    src: &str,
    key: &str,
    value: &Spanned<DateValue>,
) -> Result<NaiveDate, Diagnostic> {
    let text = match value.get_ref() {
        DateValue::Text(s) => s.trim().to_string(),
        DateValue::Native(dt) => match (dt.date, dt.time) {
            (Some(d), None) => format!("{:04}-{:02}-{:02}", d.year, d.month, d.day),
            _ => dt.to_string(),
        },
    };
    NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|_| {
        at_span(
            Diagnostic::error(
                ErrorCode::BadDate,
                file,
                format!("`{key}` is \"{text}\", which is not a date"),
            )
            .field(key)
            .fix("write the date as YYYY-MM-DD, e.g. 2025-09-01")
            .nl(format!("`{key}` is \"{text}\", dat is geen datum"))
            .fix_nl("schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2025-09-01"),
            src,
            value.span(),
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Code;

    #[test]
    fn line_col_counts_lines_and_characters() {
        let src = "a = 1\nbé = \"x\"\n";
        assert_eq!(line_col(src, 0), (1, 1));
        assert_eq!(line_col(src, 6), (2, 1));
        assert_eq!(line_col(src, src.find('=').map_or(0, |_| 10)), (2, 4));
        assert_eq!(line_col(src, 10_000).0, 3);
    }

    #[test]
    fn unknown_key_gets_its_code_and_place() {
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct S {
            a: u32,
        }
        let src = "a = 1\nb = 2\n";
        let err = toml::from_str::<S>(src).expect_err("b is unknown");
        let d = de_error("x.toml", src, &err);
        assert_eq!(d.code(), Code::TomlUnknownKey);
        assert_eq!(d.line, Some(2));
    }

    #[test]
    fn a_number_beyond_64_bits_is_e204_at_its_place() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct S {
            a: i64,
        }
        let src = "\na = 99999999999999999999\n";
        let err = toml::from_str::<S>(src).expect_err("too large for i64");
        let d = de_error("x.toml", src, &err);
        assert_eq!(
            (d.code(), d.line, d.column),
            (Code::BadNumber, Some(2), Some(5))
        );
        assert!(d.message.contains("99999999999999999999"), "{}", d.message);
    }

    #[test]
    fn dates_accept_text_and_native_toml_dates() {
        #[derive(serde::Deserialize)]
        struct S {
            a: Spanned<DateValue>,
            b: Spanned<DateValue>,
            c: Spanned<DateValue>,
        }
        let src = "a = \"2025-09-01\"\nb = 2025-09-02\nc = \"01-09-2025\"\n";
        let s: S = toml::from_str(src).expect("parses");
        assert_eq!(
            date("f", src, "a", &s.a)
                .map(|d| d.to_string())
                .ok()
                .as_deref(),
            Some("2025-09-01")
        );
        assert_eq!(
            date("f", src, "b", &s.b)
                .map(|d| d.to_string())
                .ok()
                .as_deref(),
            Some("2025-09-02")
        );
        let err = date("f", src, "c", &s.c).expect_err("not ISO");
        assert_eq!((err.code(), err.line), (Code::BadDate, Some(3)));
    }

    /// Each kind of TOML error, rendered in Dutch as the terminal prints it.
    fn dutch(src: &str) -> String {
        #[derive(serde::Deserialize, Debug)]
        #[serde(deny_unknown_fields)]
        #[allow(dead_code)]
        struct S {
            name: String,
            weeks: u32,
        }
        let err = toml::from_str::<S>(src).expect_err("a bad file");
        let d = de_error("school.toml", src, &err);
        crate::report::diag_text::render(&d, crate::report::Lang::Nl)
    }

    #[test]
    fn each_kind_of_toml_error_has_a_dutch_message_with_its_key_and_place() {
        let missing = dutch("name = \"x\"\n");
        assert!(
            missing.starts_with("fout[E109]: de verplichte sleutel `weeks` ontbreekt"),
            "{missing}"
        );
        let unknown = dutch("name = \"x\"\nweeks = 3\nweken = 4\n");
        assert!(
            unknown.starts_with(
                "fout[E110]: sleutel `weken` is hier onbekend; bekende sleutels: `name` of `weeks`"
            ),
            "{unknown}"
        );
        assert!(unknown.contains("--> school.toml:3:1"), "{unknown}");
        let wrong = dutch("name = \"x\"\nweeks = \"drie\"\n");
        assert!(
            wrong.starts_with("fout[E111]: de waarde bij sleutel `weeks` heeft het verkeerde type: de tekst \"drie\" waar een geheel getal van 0 of meer hoort"),
            "{wrong}"
        );
        assert!(wrong.contains("--> school.toml:2:9"), "{wrong}");
        let syntax = dutch("name = \"x\"\nname = \"y\"\nweeks = 3\n");
        assert!(
            syntax.starts_with("fout[E108]: de TOML is hier niet te lezen: deze sleutel staat al eerder in het bestand"),
            "{syntax}"
        );
        assert!(syntax.contains("--> school.toml:2:1"), "{syntax}");
        for text in [missing, unknown, wrong, syntax] {
            for english in [
                "missing field",
                "unknown field",
                "invalid type",
                "duplicate key",
                "expected",
                "--lang en",
            ] {
                assert!(!text.contains(english), "{english:?} in {text}");
            }
        }
    }
}
