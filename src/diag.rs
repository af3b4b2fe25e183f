//! Diagnostics: every problem the tool reports has a stable code, a place and a fix.
//!
//! Input problems (`E…`, `W…`) carry the file, line and column they were found at;
//! checker findings (`C…`) carry the norm they concern. The table below is the single
//! source of the code list printed by `nt2plan codes` and documented in the README.

use serde::Serialize;
use std::fmt;

macro_rules! codes {
    ($($variant:ident = $code:literal, $summary:literal;)*) => {
        /// A stable problem code. Never renumber a code once released.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
        pub enum Code { $($variant,)* }

        impl Code {
            /// Every code, in documentation order.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The code as printed, e.g. `E104`.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $code,)* }
            }

            /// One line saying what the code means.
            pub fn summary(self) -> &'static str {
                match self { $(Code::$variant => $summary,)* }
            }
        }
    };
}

codes! {
    // Files and formats
    FileMissing = "E101", "a required file is missing";
    FileUnreadable = "E102", "a file cannot be read (I/O error or not UTF-8 text)";
    CsvSyntax = "E103", "a CSV row cannot be parsed (e.g. a different number of fields than the header)";
    ColumnMissing = "E104", "a required column is missing from a CSV header";
    ColumnUnknown = "E105", "a CSV header has a column this file does not know";
    ColumnDuplicated = "E106", "a CSV header names the same column twice";
    FileEmpty = "E107", "a CSV file is empty (not even a header)";
    TomlSyntax = "E108", "a TOML file is not valid TOML";
    TomlMissingKey = "E109", "a TOML file lacks a required key";
    TomlUnknownKey = "E110", "a TOML file has a key this file does not know";
    TomlWrongType = "E111", "a TOML value has the wrong type";
    // Values
    ValueEmpty = "E201", "a required value is empty";
    BadDate = "E202", "a date is not an ISO date YYYY-MM-DD";
    BadTime = "E203", "a time or time range is not HH:MM or HH:MM-HH:MM";
    BadNumber = "E204", "a number is not a whole number of 0 or more, or too large";
    BadRegister = "E205", "a register is not bvnt2, kwaliteitsregister or none";
    BadLaw = "E206", "a law is not wi2013 or wi2021";
    BadYesNo = "E207", "a yes/no value is not yes or no";
    BadSlot = "E208", "a slot or availability entry is not DAY-BLOCK, DAY-* or *";
    BadShare = "E209", "a share is not a number from 0 to 1";
    // References
    UnknownBlock = "E301", "a slot names a block that school.toml does not define";
    UnknownLocation = "E302", "a location is not one of the school's locations";
    UnknownProfile = "E303", "a profile is not known to school.toml or the rule set";
    UnknownSizeClass = "E304", "a profile maps to a size class the rule set does not have";
    UnknownTeacher = "E305", "a teacher id is not in teachers.csv";
    UnknownCourse = "E306", "a course code is not in groups.csv";
    UnknownStudent = "E307", "a student id is not in students.csv";
    UnknownMentor = "E308", "a mentor is neither a teacher nor an external mentor";
    DuplicateId = "E309", "an id or course code appears twice";
    // Consistency
    EndBeforeStart = "E401", "an end date or time lies before its start";
    GroupWithoutLessons = "E402", "a group has no lesson dates (all dates closed or outside its range)";
    OutsideTerm = "E403", "a group's dates lie outside the term";
    OutsideRuleValidity = "E404", "a lesson is dated outside the validity of the rule set";
    UnknownRuleSet = "E405", "a rule set is neither built in nor a readable file";
    InvalidRuleSet = "E406", "a rule set's values contradict each other";
    PinContradiction = "E407", "a pinned placement contradicts the student's or group's data";
    MinSizeTooLarge = "E408", "a group's min_size exceeds the largest size its class allows";
    DuplicateSlot = "E409", "a group lists the same or overlapping weekly slot twice";
    TermTooLong = "E410", "the term spans more than two years (a mistyped year?)";
    // Sweep scenario files and parts
    ScenarioInstance = "E601", "a scenario file's instance folder is missing or has errors";
    BadLevels = "E602", "levels are empty, unordered, or not a range from/to/step";
    BadVary = "E603", "`vary` names no variation that takes a number, or an axis mixes levels and variants";
    BadVariation = "E604", "a variation's value is out of range or contradicts another";
    TooManyScenarios = "E605", "a sweep expands to more scenarios than the limit (10,000)";
    BadPart = "E606", "a sweep part file cannot be read or is not a sweep part";
    PartsMismatch = "E607", "sweep parts come from different sweeps or shard counts";
    PartsIncomplete = "E608", "a shard is missing from the parts, or given twice";
    UnknownSolver = "E609", "a scenario file's `solver` is not auto, highs or microlp";
    // Warnings on input
    TeacherTeachesNothing = "W501", "a teacher fits no group (location, profile, availability)";
    StudentFitsNoGroup = "W502", "a student fits no group (profile, location, availability)";
    CapacityIgnored = "W503", "a non-certified teacher has a mentor capacity, which is ignored";
    UnavailabilityOutsideTerm = "W504", "an unavailability period lies entirely outside the term";
    // Checker findings
    ShareBelowMinimum = "C101", "1.7.1a: certified share below the rule set's minimum";
    ShareBelowTarget = "C102", "1.7.1a: certified share below the target (the aim stays 80%)";
    CourseWithoutCertified = "C111", "1.7.1b: a course code has too few lessons by a certified teacher";
    AboveMaximum = "C121", "2.2.1: a group is above the largest size the rule set allows";
    OverflowConditionNotMet = "C122", "2.2.1: above the standard maximum while not every group of that profile at that location is full";
    OverflowCouldFormGroup = "C123", "2.2.1: the students above the standard maximum could form a new group";
    BelowMinSize = "C124", "a running group has fewer students than its min_size";
    MentorMissing = "C131", "supervision: a non-certified teacher who teaches has no certified mentor";
    MentorNotCertified = "C132", "supervision: a mentor is not a certified teacher";
    MentorOverCapacity = "C133", "supervision: a mentor supervises more teachers than their capacity";
    MentorSelf = "C134", "supervision: a teacher is listed as their own mentor";
    MentoringUnneeded = "C135", "supervision: a mentoring row for a teacher who is certified or gives no lesson";
    ObservedLessonMissing = "C136", "supervision: an observation names a lesson the observed teacher does not give";
    ObservedNotCertified = "C137", "supervision: an observation lesson is given by a teacher who is not certified";
    ObserverNotFree = "C138", "supervision: an observer teaches or observes at the same time, or is not available then";
    ObservationsTooFew = "C139", "supervision: a non-certified teacher who teaches has fewer observation lessons than observations_per_teacher";
    LessonMissing = "C141", "a planned lesson of a running group has no teacher";
    LessonDuplicated = "C142", "a lesson appears more than once in the timetable";
    LessonNotPlanned = "C143", "a timetable row matches no planned lesson of its group";
    TeacherOverlap = "C144", "a teacher gives two lessons at overlapping times";
    TeacherLocation = "C145", "a teacher teaches at a location they do not work at";
    TeacherProfile = "C146", "a teacher teaches a profile they are not qualified for";
    TeacherAvailability = "C147", "a teacher teaches in a block they are not available";
    TeacherUnavailable = "C148", "a teacher teaches on a date they are unavailable";
    TeacherWeeklyMax = "C149", "a teacher gives more lessons in a week than max_lessons_per_week";
    StudentProfile = "C151", "a student is in a group of another profile";
    StudentLocation = "C152", "a student is in a group at a location they did not accept";
    StudentAvailability = "C153", "a student is in a group with a slot they are not available for";
    PinNotKept = "C154", "a pinned placement is not kept";
    StudentPlacedTwice = "C155", "a student is placed more than once";
    ClosedGroupActive = "C156", "an optional group without students has lessons";
    UnknownReference = "C157", "a schedule row names a teacher, student, course or mentor the instance does not have (or a profile's size class is not in the rule set)";
}

impl Code {
    /// Codes starting with `W` and checker warnings do not fail a run on their own.
    pub fn kind(self) -> &'static str {
        match self.as_str().as_bytes().first() {
            Some(b'E') => "error",
            Some(b'W') => "warning",
            _ => "finding",
        }
    }
}

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
    pub code: Code,
    pub severity: Severity,
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
}

impl Diagnostic {
    /// An error in `file` with no position yet; add one with [`Diagnostic::at`].
    pub fn error(code: Code, file: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: Severity::Error,
            file: file.into(),
            line: None,
            column: None,
            field: None,
            message: message.into(),
            fix: String::new(),
        }
    }

    /// A warning in `file`; add a position with [`Diagnostic::at`].
    pub fn warning(code: Code, file: impl Into<String>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, file, message)
        }
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

    fn sort_key(&self) -> (&str, u64, u64, Code) {
        (
            &self.file,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_well_formed() {
        let mut seen = std::collections::BTreeSet::new();
        for code in Code::ALL {
            let s = code.as_str();
            assert!(seen.insert(s), "code {s} listed twice");
            assert_eq!(s.len(), 4, "{s}");
            assert!(matches!(&s[..1], "E" | "W" | "C"), "{s}");
            assert!(s[1..].chars().all(|c| c.is_ascii_digit()), "{s}");
        }
    }

    #[test]
    fn display_shows_place_cause_and_fix() {
        let d = Diagnostic::error(
            Code::UnknownLocation,
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
        let a = Diagnostic::error(Code::BadDate, "b.csv", "x").at(2, Some(1));
        let b = Diagnostic::error(Code::BadDate, "a.csv", "x").at(9, Some(1));
        let ds = Diagnostics(vec![a.clone(), b.clone(), a.clone()]).sorted();
        assert_eq!(ds.0, vec![b, a]);
    }
}
