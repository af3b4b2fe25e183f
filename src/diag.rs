//! Diagnostics: every problem the tool reports has a stable code, a place and a fix.
//!
//! Input problems (`E…`, `W…`) carry the file, line and column they were found at;
//! checker findings (`C…`) carry the norm they concern. The code table (`src/diag/table.rs`,
//! its rows in `src/diag/table/`, read through [`Code::row`]) is the single source of every
//! fact about a code: its kind, norm, English summary and Dutch meaning, as printed by
//! `nt2plan codes`, documented in the README and given in Dutch documents.
//!
//! Whether a diagnostic is an error or a warning follows from its code's type:
//! [`Diagnostic::error`] takes an [`ErrorCode`] and [`Diagnostic::warning`] a [`WarningCode`],
//! and the code and severity cannot be changed afterwards, so no warning code is ever raised as
//! an error.

use serde::Serialize;
use std::fmt;

mod codes;
mod table;

pub use codes::{FindingSeverity, Kind, Row};
pub use table::{Code, ErrorCode, FindingCode, WarningCode};

/// How serious an input diagnostic is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// One problem in the input, with where it was found, its cause and its fix.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Private, with [`Diagnostic::severity`]: set together by the constructors only.
    code: Code,
    severity: Severity,
    /// File name relative to the instance or schedule folder, e.g. `teachers.csv`.
    pub file: String,
    /// 1-based line in the file, when the problem has one.
    pub line: Option<u64>,
    /// 1-based column: the field number in a CSV row, the character in a TOML line.
    pub column: Option<u64>,
    /// The CSV column or TOML key concerned, when known.
    pub field: Option<String>,
    /// The cause, in one sentence.
    pub message: String,
    /// What to do about it.
    pub fix: String,
    /// The cause in Dutch, with the same values, when the place that raised it wrote one;
    /// else a Dutch text gives the code's Dutch meaning ([`Code::dutch`]). Not in the JSON,
    /// which stays English.
    #[serde(skip)]
    pub message_nl: Option<String>,
    /// The fix in Dutch, when the place that raised it wrote one; else a Dutch text gives
    /// the code's Dutch fix ([`Code::dutch_fix`]).
    #[serde(skip)]
    pub fix_nl: Option<String>,
    /// The sheet and cell (`Docenten!C5`, or `Docenten!5:5` for a whole row) when `file` is
    /// a workbook; `line` and `column` are that row and column then.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cell: Option<String>,
}

impl Diagnostic {
    /// An error in `file` with no position yet; add one with [`Diagnostic::at`].
    ///
    /// Only an error code is an error; a warning code does not compile here:
    ///
    /// ```
    /// use nt2plan::diag::{Diagnostic, ErrorCode, Severity};
    /// let d = Diagnostic::error(ErrorCode::BadDate, "groups.csv", "`start` is not a date");
    /// assert_eq!((d.code().as_str(), d.severity()), ("E202", Severity::Error));
    /// ```
    ///
    /// ```compile_fail,E0308
    /// use nt2plan::diag::{Diagnostic, WarningCode};
    /// let d = Diagnostic::error(WarningCode::CapacityIgnored, "teachers.csv", "ignored");
    /// ```
    pub fn error(code: ErrorCode, file: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic::new(code.into(), Severity::Error, file.into(), message.into())
    }

    /// A warning in `file`; add a position with [`Diagnostic::at`].
    ///
    /// Only a warning code is a warning; an error code does not compile here:
    ///
    /// ```
    /// use nt2plan::diag::{Diagnostic, Severity, WarningCode};
    /// let d = Diagnostic::warning(WarningCode::CapacityIgnored, "teachers.csv", "ignored");
    /// assert_eq!((d.code().as_str(), d.severity()), ("W503", Severity::Warning));
    /// ```
    ///
    /// ```compile_fail,E0308
    /// use nt2plan::diag::{Diagnostic, ErrorCode};
    /// let d = Diagnostic::warning(ErrorCode::BadDate, "groups.csv", "not a date");
    /// ```
    pub fn warning(code: WarningCode, file: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic::new(code.into(), Severity::Warning, file.into(), message.into())
    }

    /// The one place a diagnostic is made: the public constructors fix its severity by the
    /// type of its code.
    fn new(code: Code, severity: Severity, file: String, message: String) -> Self {
        Diagnostic {
            code,
            severity,
            file,
            line: None,
            column: None,
            field: None,
            message,
            fix: String::new(),
            message_nl: None,
            fix_nl: None,
            cell: None,
        }
    }

    /// Another error at the same place (file, line, column, field) as `self`, with no fix yet.
    pub fn retold(self, code: ErrorCode, message: impl Into<String>) -> Self {
        Diagnostic {
            code: code.into(),
            severity: Severity::Error,
            message: message.into(),
            fix: String::new(),
            message_nl: None,
            fix_nl: None,
            ..self
        }
    }

    pub fn code(&self) -> Code {
        self.code
    }

    /// An error for an [`ErrorCode`], a warning for a [`WarningCode`].
    pub fn severity(&self) -> Severity {
        self.severity
    }

    pub fn at(mut self, line: u64, column: Option<u64>) -> Self {
        self.line = Some(line);
        self.column = column;
        self
    }

    pub fn field(mut self, field: impl Into<String>) -> Self {
        self.field = Some(field.into());
        self
    }

    pub fn fix(mut self, fix: impl Into<String>) -> Self {
        self.fix = fix.into();
        self
    }

    /// The cause in Dutch, with the same values as the English message.
    pub fn nl(mut self, message: impl Into<String>) -> Self {
        self.message_nl = Some(message.into());
        self
    }

    /// The fix in Dutch.
    pub fn fix_nl(mut self, fix: impl Into<String>) -> Self {
        self.fix_nl = Some(fix.into());
        self
    }

    /// The cause in Dutch: the message written in Dutch, else the code's Dutch meaning.
    pub fn dutch_message(&self) -> &str {
        self.message_nl.as_deref().unwrap_or(self.code.dutch())
    }

    /// The fix in Dutch: the fix written in Dutch, else the code's Dutch fix.
    pub fn dutch_fix(&self) -> &str {
        self.fix_nl.as_deref().unwrap_or(self.code.dutch_fix())
    }

    fn sort_key(&self) -> (&str, &str, u64, u64, Code) {
        let sheet = self.cell.as_deref().and_then(|c| c.split('!').next());
        (
            &self.file,
            sheet.unwrap_or(""),
            self.line.unwrap_or(0),
            self.column.unwrap_or(0),
            self.code,
        )
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let kind = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        writeln!(f, "{kind}[{}]: {}", self.code, self.message)?;
        write!(f, "  --> {}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
            if let Some(col) = self.column {
                write!(f, ":{col}")?;
            }
        }
        if let Some(cell) = &self.cell {
            write!(f, ", {cell}")?;
        }
        if let Some(field) = &self.field {
            write!(f, " ({field})")?;
        }
        if !self.fix.is_empty() {
            write!(f, "\n  = fix: {}", self.fix)?;
        }
        Ok(())
    }
}

/// All problems found in one pass over the input, errors and warnings together.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, thiserror::Error)]
#[serde(transparent)]
#[error("{} error(s) in the input", self.error_count())]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, d: Diagnostic) {
        self.0.push(d);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(|d| d.severity == Severity::Error)
    }

    pub fn error_count(&self) -> usize {
        self.0
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }

    /// Sorts by file, line, column and code, and drops exact repeats, so that output is stable.
    pub fn sorted(mut self) -> Self {
        self.0.sort_by(|a, b| {
            a.sort_key()
                .cmp(&b.sort_key())
                .then_with(|| a.message.cmp(&b.message))
        });
        self.0.dedup();
        self
    }
}

/// The value, plus the warnings met on the way.
#[derive(Clone, Debug)]
pub struct Loaded<T> {
    pub value: T,
    pub warnings: Diagnostics,
}

/// What a failed read says, in Dutch: the kind of I/O error in words, the system's own
/// (English) text only for a kind without Dutch words.
pub fn io_error_nl(e: &std::io::Error) -> String {
    use std::io::ErrorKind;
    match e.kind() {
        ErrorKind::NotFound => "het bestand of de map bestaat niet".into(),
        ErrorKind::PermissionDenied => "er is geen toestemming om het te lezen".into(),
        ErrorKind::InvalidData => "het is geen tekst in UTF-8".into(),
        ErrorKind::IsADirectory => "het is een map, geen bestand".into(),
        ErrorKind::NotADirectory => "een deel van het pad is geen map".into(),
        ErrorKind::UnexpectedEof => "het bestand houdt onverwacht op".into(),
        ErrorKind::Interrupted => "het lezen is onderbroken".into(),
        _ => format!("een leesfout ({e})"),
    }
}

#[cfg(test)]
mod tests {

    /// A missing file and a folder where a file should be are said in Dutch words; a kind
    /// without them keeps the system's text.
    #[test]
    fn io_errors_are_told_in_dutch() {
        use std::io::{Error, ErrorKind};
        let missing = Error::new(ErrorKind::NotFound, "No such file or directory");
        assert_eq!(io_error_nl(&missing), "het bestand of de map bestaat niet");
        let dir = tempfile::tempdir().expect("temp dir");
        let folder = std::fs::read_to_string(dir.path()).expect_err("a folder");
        assert_eq!(io_error_nl(&folder), "het is een map, geen bestand");
        let other = Error::other("disk on fire");
        assert_eq!(io_error_nl(&other), "een leesfout (disk on fire)");
    }
    use super::*;

    #[test]
    fn display_shows_place_cause_and_fix() {
        let d = Diagnostic::error(
            ErrorCode::UnknownLocation,
            "teachers.csv",
            "unknown location \"Amersfort\"",
        )
        .at(3, Some(4))
        .field("locations")
        .fix("use one of: Amersfoort, Utrecht");
        let text = d.to_string();
        assert!(text.starts_with("error[E302]: unknown location"));
        assert!(text.contains("--> teachers.csv:3:4 (locations)"));
        assert!(text.contains("= fix: use one of: Amersfoort, Utrecht"));
    }

    #[test]
    fn sorted_orders_by_place_and_drops_repeats() {
        let a = Diagnostic::error(ErrorCode::BadDate, "b.csv", "x").at(2, Some(1));
        let b = Diagnostic::error(ErrorCode::BadDate, "a.csv", "x").at(9, Some(1));
        let ds = Diagnostics(vec![a.clone(), b.clone(), a.clone()]).sorted();
        assert_eq!(ds.0, vec![b, a]);
    }

    #[test]
    fn a_warning_code_makes_a_warning_that_is_not_counted_as_an_error() {
        let w = Diagnostic::warning(WarningCode::TeacherTeachesNothing, "teachers.csv", "x");
        assert_eq!(w.severity(), Severity::Warning);
        assert_eq!(w.code(), Code::TeacherTeachesNothing);
        let ds = Diagnostics(vec![w]);
        assert!(!ds.has_errors());
        assert_eq!(ds.error_count(), 0);
    }

    #[test]
    fn retold_keeps_the_place_and_the_error_and_replaces_code_message_and_fix() {
        let origin = Diagnostic::error(ErrorCode::UnknownRuleSet, "school.toml", "")
            .at(4, Some(9))
            .field("rules")
            .fix("old fix");
        let d = origin.retold(ErrorCode::UnknownRuleSet, "not built in");
        assert_eq!(
            (d.file.as_str(), d.line, d.column),
            ("school.toml", Some(4), Some(9))
        );
        assert_eq!(d.field.as_deref(), Some("rules"));
        assert_eq!(
            (d.code(), d.severity()),
            (Code::UnknownRuleSet, Severity::Error)
        );
        assert_eq!((d.message.as_str(), d.fix.as_str()), ("not built in", ""));
    }

    #[test]
    fn the_dutch_texts_are_kept_beside_the_english_out_of_the_json_and_dropped_when_retold() {
        let d = Diagnostic::error(ErrorCode::BadDate, "groups.csv", "`start` is \"x\"")
            .fix("write YYYY-MM-DD")
            .nl("`start` is \"x\", geen datum")
            .fix_nl("schrijf JJJJ-MM-DD");
        assert_eq!(
            (d.dutch_message(), d.dutch_fix()),
            ("`start` is \"x\", geen datum", "schrijf JJJJ-MM-DD")
        );
        let json = serde_json::to_string(&d).expect("json");
        assert!(
            !json.contains("geen datum") && !json.contains("JJJJ"),
            "{json}"
        );
        let retold = d.retold(ErrorCode::OutsideTerm, "outside");
        let code = Code::OutsideTerm;
        assert_eq!(
            (retold.dutch_message(), retold.dutch_fix()),
            (code.dutch(), code.dutch_fix())
        );
    }

    #[test]
    fn a_diagnostic_serializes_its_code_and_severity_as_before() {
        let d = Diagnostic::warning(WarningCode::CapacityIgnored, "teachers.csv", "m").at(2, None);
        let json = serde_json::to_string(&d).expect("json");
        assert_eq!(
            json,
            r#"{"code":"W503","severity":"warning","file":"teachers.csv","line":2,"column":null,"field":null,"message":"m","fix":""}"#
        );
    }
}
