//! The shape of the code table: the macro that turns the rows of [`super::table`] into the
//! code enums, and the facts a row gives about its code.
//!
//! Each row names its variant, its code string, its kind, its English summary, its Dutch
//! meaning and a Dutch fix; a checker finding's row also gives its severity and the norm it concerns. The
//! macro accepts no row that lacks one of these, so a new code cannot fall into a default,
//! and a code string whose letter is not its section's (`E`, `W`, `C`) fails to compile.
//! It generates four enums: [`Code`], every code, for listing and serialization; and one per
//! kind, [`ErrorCode`], [`WarningCode`] and [`FindingCode`], each `Into<Code>`, so that the
//! constructors of diagnostics and findings take only a code of the right kind.

use super::{Code, ErrorCode, FindingCode, WarningCode};
use serde::Serialize;
use std::fmt;

/// How serious a finding is: a violation makes the schedule not compliant.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum FindingSeverity {
    Violation,
    Warning,
}

/// What a code is: an input error, an input warning, or a checker finding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The input cannot be used (exit 2).
    Error,
    /// Something in the input to look at; it does not fail a run on its own.
    Warning,
    /// The checker's judgement of a schedule.
    Finding {
        severity: FindingSeverity,
        /// One of [`crate::check::NORMS`].
        norm: &'static str,
    },
}

impl Kind {
    /// `error`, `warning` or `finding`, as `nt2plan codes` and the README list them.
    pub fn as_str(self) -> &'static str {
        match self {
            Kind::Error => "error",
            Kind::Warning => "warning",
            Kind::Finding { .. } => "finding",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// One row of the code table.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Row {
    /// The code as printed, e.g. `E104`.
    pub code: &'static str,
    pub kind: Kind,
    /// One line in English saying what the code means.
    pub summary: &'static str,
    /// The same meaning in Dutch, for planners.
    pub dutch: &'static str,
    /// What to do about it, in Dutch: the fix a Dutch text gives when the place that raised
    /// the code gave no Dutch fix of its own (a fix about a file format names the menus of a
    /// Dutch Excel).
    pub dutch_fix: &'static str,
}

/// Generates the code enums and the table from rows grouped by kind (see the module docs).
macro_rules! code_table {
    (
        errors { $($e:ident = $ec:literal, $es:literal, $en:literal, $ex:literal;)* }
        warnings { $($w:ident = $wc:literal, $ws:literal, $wn:literal, $wx:literal;)* }
        findings {
            $($f:ident = $fc:literal, $fsev:ident, $fnorm:literal, $fs:literal, $fn:literal, $fx:literal;)*
        }
    ) => {
        /// A stable problem code of any kind. Never renumber a code once released.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $($e,)* $($w,)* $($f,)* }

        /// A code of an input error: the only kind [`Diagnostic::error`](super::Diagnostic::error) takes.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum ErrorCode { $($e,)* }

        /// A code of an input warning: the only kind [`Diagnostic::warning`](super::Diagnostic::warning) takes.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum WarningCode { $($w,)* }

        /// A code of a checker finding: the only kind [`crate::check::Finding::new`] takes.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum FindingCode { $($f,)* }

        impl ErrorCode {
            /// Every error code, in table order.
            pub const ALL: &'static [ErrorCode] = &[$(ErrorCode::$e,)*];
        }

        impl WarningCode {
            /// Every warning code, in table order.
            pub const ALL: &'static [WarningCode] = &[$(WarningCode::$w,)*];
        }

        impl FindingCode {
            /// Every finding code, in table order.
            pub const ALL: &'static [FindingCode] = &[$(FindingCode::$f,)*];
        }

        impl Code {
            /// Every code, in documentation order (errors, warnings, findings).
            pub const ALL: &'static [Code] = &[$(Code::$e,)* $(Code::$w,)* $(Code::$f,)*];

            /// The table: the row of `code` is `ROWS[code as usize]`.
            pub const ROWS: &'static [Row] = &[
                $(Row { code: $ec, kind: Kind::Error, summary: $es, dutch: $en, dutch_fix: $ex },)*
                $(Row { code: $wc, kind: Kind::Warning, summary: $ws, dutch: $wn, dutch_fix: $wx },)*
                $(Row {
                    code: $fc,
                    kind: Kind::Finding { severity: FindingSeverity::$fsev, norm: $fnorm },
                    summary: $fs,
                    dutch: $fn,
                    dutch_fix: $fx,
                },)*
            ];
        }

        // A row in the wrong section does not compile either.
        const _: () = {
            $(assert!($ec.as_bytes()[0] == b'E', concat!($ec, ": errors start with E"));)*
            $(assert!($wc.as_bytes()[0] == b'W', concat!($wc, ": warnings start with W"));)*
            $(assert!($fc.as_bytes()[0] == b'C', concat!($fc, ": findings start with C"));)*
        };

        impl From<ErrorCode> for Code {
            fn from(code: ErrorCode) -> Code {
                match code { $(ErrorCode::$e => Code::$e,)* }
            }
        }

        impl From<WarningCode> for Code {
            fn from(code: WarningCode) -> Code {
                match code { $(WarningCode::$w => Code::$w,)* }
            }
        }

        impl From<FindingCode> for Code {
            fn from(code: FindingCode) -> Code {
                match code { $(FindingCode::$f => Code::$f,)* }
            }
        }

        impl FindingCode {
            /// Whether the finding breaks a norm or points at something to improve.
            pub fn severity(self) -> FindingSeverity {
                match self { $(FindingCode::$f => FindingSeverity::$fsev,)* }
            }

            /// The norm the finding concerns, one of [`crate::check::NORMS`].
            pub fn norm(self) -> &'static str {
                match self { $(FindingCode::$f => $fnorm,)* }
            }
        }
    };
}
pub(super) use code_table;

impl Code {
    /// The code's row of the table.
    pub fn row(self) -> &'static Row {
        &Code::ROWS[self as usize]
    }

    /// The code as printed, e.g. `E104`.
    pub fn as_str(self) -> &'static str {
        self.row().code
    }

    /// One line saying what the code means.
    pub fn summary(self) -> &'static str {
        self.row().summary
    }

    /// What the code means, in Dutch.
    pub fn dutch(self) -> &'static str {
        self.row().dutch
    }

    /// What to do about it, in Dutch, in general terms (see [`Row::dutch_fix`]).
    pub fn dutch_fix(self) -> &'static str {
        self.row().dutch_fix
    }

    /// Error, warning or finding (with its severity and norm); prints as `error`, ….
    pub fn kind(self) -> Kind {
        self.row().kind
    }
}

/// The facts of the table, on each kind's own enum.
macro_rules! via_code {
    ($($t:ident),*) => {$(
        impl $t {
            /// The code as printed, e.g. `E104`.
            pub fn as_str(self) -> &'static str {
                Code::from(self).as_str()
            }
        }

        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    )*};
}
via_code!(ErrorCode, WarningCode, FindingCode);

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl Serialize for Code {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeSet;

    #[test]
    fn codes_are_unique_and_well_formed() {
        let mut seen = BTreeSet::new();
        for code in Code::ALL {
            let s = code.as_str();
            assert!(seen.insert(s), "code {s} listed twice");
            assert_eq!(s.len(), 4, "{s}");
            assert!(s[1..].chars().all(|c| c.is_ascii_digit()), "{s}");
        }
    }

    #[test]
    fn the_table_has_one_row_per_code_in_the_order_of_the_enum() {
        assert_eq!(Code::ROWS.len(), Code::ALL.len());
        for (i, &code) in Code::ALL.iter().enumerate() {
            assert_eq!(code as usize, i, "{code}");
        }
    }

    #[test]
    fn a_code_starts_with_the_letter_of_its_kind() {
        for &code in Code::ALL {
            let letter = match code.kind() {
                Kind::Error => "E",
                Kind::Warning => "W",
                Kind::Finding { .. } => "C",
            };
            assert!(code.as_str().starts_with(letter), "{code}");
        }
    }

    #[test]
    fn every_code_has_a_dutch_meaning_distinct_from_its_summary() {
        let mut seen = BTreeSet::new();
        for &code in Code::ALL {
            let (en, nl) = (code.summary(), code.dutch());
            assert!(!en.trim().is_empty(), "{code} has no summary");
            assert!(!nl.trim().is_empty(), "{code} has no Dutch meaning");
            assert_ne!(en, nl, "{code}: the Dutch meaning is the English summary");
            assert!(
                seen.insert(nl),
                "{code} shares its Dutch meaning with another code"
            );
        }
    }

    /// The Dutch texts that may equal their English ones: none so far. A text that is a
    /// bare identifier (a column or key name both languages write alike) would go here.
    const SAME_IN_BOTH: &[&str] = &[];

    #[test]
    fn every_code_has_a_dutch_fix_that_is_dutch_and_not_its_meaning() {
        for &code in Code::ALL {
            let fix = code.dutch_fix();
            assert!(!fix.trim().is_empty(), "{code} has no Dutch fix");
            if SAME_IN_BOTH.contains(&code.as_str()) {
                continue;
            }
            assert_ne!(
                fix,
                code.summary(),
                "{code}: the Dutch fix is the English summary"
            );
            assert_ne!(
                fix,
                code.dutch(),
                "{code}: the Dutch fix is the Dutch meaning"
            );
            // Written as an instruction to the planner, in Dutch: no English fix words.
            for english in ["write ", "add ", "remove ", "check ", "the ", " or "] {
                assert!(
                    !fix.starts_with(english.trim_start()) && !fix.contains(&format!(" {english}")),
                    "{code}: the Dutch fix has the English {english:?}: {fix}"
                );
            }
        }
    }

    #[test]
    fn the_dutch_fixes_about_file_formats_name_the_dutch_excel_menu() {
        for code in [Code::FileUnreadable, Code::CsvSyntax] {
            assert!(
                code.dutch_fix()
                    .contains("Bestand > Opslaan als > CSV UTF-8 (door komma's gescheiden)"),
                "{code}: {}",
                code.dutch_fix()
            );
        }
    }

    #[test]
    fn a_finding_names_one_of_the_norms_and_its_summary_leads_with_it() {
        for &code in Code::ALL {
            if let Kind::Finding { norm, .. } = code.kind() {
                assert!(crate::check::NORMS.contains(&norm), "{code}: {norm}");
                let lead = code.summary().starts_with(&format!("{norm}: "));
                assert_eq!(lead, norm != "soundness", "{code}: {}", code.summary());
            }
        }
    }

    #[test]
    fn each_kind_of_code_converts_to_the_code_of_the_same_row() {
        let errors = [ErrorCode::FileMissing, ErrorCode::PartsIncomplete];
        let warnings = [
            WarningCode::TeacherTeachesNothing,
            WarningCode::CapacityIgnored,
        ];
        let findings = [FindingCode::ShareBelowTarget, FindingCode::UnknownReference];
        for e in errors {
            assert_eq!(Code::from(e).kind(), Kind::Error, "{e}");
        }
        for w in warnings {
            assert_eq!(Code::from(w).kind(), Kind::Warning, "{w}");
        }
        for f in findings {
            let kind = Kind::Finding {
                severity: f.severity(),
                norm: f.norm(),
            };
            assert_eq!(Code::from(f).kind(), kind, "{f}");
        }
        assert_eq!(ErrorCode::ColumnMissing.to_string(), "E104");
        assert_eq!(FindingCode::ShareBelowMinimum.norm(), "1.7.1a");
        assert_eq!(FindingCode::BelowMinSize.norm(), "soundness");
    }

    #[test]
    fn kinds_print_padded_as_the_codes_listing_needs() {
        assert_eq!(format!("{:<8}|", Kind::Error), "error   |");
        assert_eq!(Code::ShareBelowMinimum.kind().to_string(), "finding");
    }
}
