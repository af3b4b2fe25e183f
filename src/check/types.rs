//! The checker's report: the `--json` output of `nt2plan check`.
//!
//! This is a machine format that auditors' tools and scenario scripts read, so it is kept
//! stable: fields are only ever added (never renamed or removed) and `format_version` goes
//! up when their meaning changes. Every list is sorted (see each field) so that the same
//! instance, rule set and schedule give byte-identical JSON.
//!
//! Shares are given twice: as exact counts (`part`, `total`, parts per 10,000) for machines,
//! and as text truncated to one decimal (`percent`) for people; the text never rounds up,
//! so 59.96% shows as 59.9% and never suggests a compliance that is not there.

use crate::diag::{Code, FindingCode};
use crate::domain::{CourseCode, Location, Profile, Share, TeacherId};
use chrono::NaiveDate;
use serde::Serialize;

/// The version of this JSON shape; bumped when the meaning of a field changes.
pub const FORMAT_VERSION: u32 = 1;

/// The whole judgement of one schedule under one rule set.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CheckReport {
    pub format_version: u32,
    /// No finding has severity `violation`.
    pub compliant: bool,
    pub violations: usize,
    pub warnings: usize,
    pub rules: RulesInfo,
    pub totals: Totals,
    /// One row per running group's course code, by course code.
    pub courses: Vec<CourseReport>,
    /// One row per group of the instance (running or closed), by course code.
    pub groups: Vec<GroupReport>,
    pub mentoring: MentoringReport,
    pub declaration: Declaration,
    /// Sorted by code, then subject, then message.
    pub findings: Vec<Finding>,
    /// Who pays for the schedule: students without a place with the reason, lessons without
    /// a teacher, courses below 1.7.1b, teachers without a mentor (`check::who_pays`).
    pub who_pays: super::WhoPays,
    /// Per teacher with wishes (`prefers`, `avoids`), by id: lessons that met or broke one.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub wishes: Vec<super::TeacherWishes>,
    /// Per group with a choice of meeting times, by course code: the alternative its
    /// timetable follows.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub alternatives: Vec<super::ChosenAlternative>,
}

impl CheckReport {
    /// The codes of all findings, in report order (handy in tests and scripts).
    pub fn codes(&self) -> Vec<Code> {
        self.findings.iter().map(|f| f.code).collect()
    }

    pub fn has(&self, code: Code) -> bool {
        self.findings.iter().any(|f| f.code == code)
    }
}

/// A share as parts per 10,000 and as text, e.g. `{ "parts_per_10000": 6000, "text": "60%" }`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct ShareSpec {
    pub parts_per_10000: u32,
    #[serde(serialize_with = "share_text")]
    pub text: Share,
}

fn share_text<S: serde::Serializer>(share: &Share, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(share)
}

impl From<Share> for ShareSpec {
    fn from(share: Share) -> Self {
        ShareSpec {
            parts_per_10000: share.0,
            text: share,
        }
    }
}

/// The rule set the schedule was judged under; every report names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct RulesInfo {
    pub name: String,
    pub title: String,
    pub valid_from: NaiveDate,
    /// `null`: open-ended.
    pub valid_until: Option<NaiveDate>,
    /// The validity as text, e.g. `2025-01-01 to 2025-12-31`.
    pub validity: String,
    pub min_certified_share: ShareSpec,
    pub target_certified_share: ShareSpec,
    pub min_certified_lessons_per_course: u32,
    pub mentor_required: bool,
    pub overflow_requires_full_groups: bool,
}

/// An achieved share: `part` of `total`, with `percent` truncated to one decimal.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ShareValue {
    pub part: u64,
    pub total: u64,
    /// E.g. `58.0%`; `-` when `total` is 0.
    pub percent: String,
}

/// Counts over the whole schedule.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Totals {
    /// Timetable rows with a teacher (every such row counts, see the module docs of `check`).
    pub lessons_given: u64,
    /// Of those, rows whose teacher is a certified teacher of the instance.
    pub certified_lessons: u64,
    pub non_certified_lessons: u64,
    pub certified_share: ShareValue,
    /// The fewest certified lessons that meet the rule set's minimum share.
    pub min_certified_lessons: u64,
    /// The fewest certified lessons that meet the target share.
    pub target_certified_lessons: u64,
    pub students_total: usize,
    /// Students of the instance with at least one placement in a group of the instance.
    pub students_placed: usize,
    pub students_not_placed: usize,
    pub groups_total: usize,
    pub groups_running: usize,
    pub groups_closed: usize,
}

/// Norm 1.7.1b for one course code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CourseReport {
    pub course_code: CourseCode,
    pub lessons: u64,
    pub certified_lessons: u64,
    pub required: u32,
    pub ok: bool,
}

/// How a group's size stands against norm 2.2.1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GroupStatus {
    /// Not running: optional, no students, no lessons.
    Closed,
    /// At most the standard maximum.
    WithinStandard,
    /// Above the standard maximum, allowed by exception 2.
    AboveStandardException2,
    /// Above the temporary maximum, or above the standard one without exception 2's condition.
    Violation,
    /// The profile's size class is not in the rule set (reported as C157); size not judged.
    UnknownSizeClass,
}

impl GroupStatus {
    pub fn as_str(self) -> &'static str {
        match self {
            GroupStatus::Closed => "closed",
            GroupStatus::WithinStandard => "within standard",
            GroupStatus::AboveStandardException2 => "above standard (exception 2)",
            GroupStatus::Violation => "VIOLATION",
            GroupStatus::UnknownSizeClass => "size class unknown",
        }
    }
}

/// One group's size against both limits.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct GroupReport {
    pub course_code: CourseCode,
    pub location: Location,
    pub profile: Profile,
    pub size_class: String,
    /// Distinct students placed in the group.
    pub size: u32,
    pub min_size: u32,
    /// `null` only when the size class is unknown to the rule set.
    pub standard_max: Option<u32>,
    pub temporary_max: Option<u32>,
    pub running: bool,
    pub status: GroupStatus,
}

/// Whether a mentor is a teacher of the school or an external mentor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MentorKind {
    Internal,
    External,
    /// Neither a teacher nor an external mentor of the instance (reported as C157).
    Unknown,
}

/// A mentor as named in `mentoring.csv`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct MentorRef {
    pub id: String,
    /// Empty when unknown.
    pub name: String,
    pub kind: MentorKind,
    /// Whether the mentor is a certified teacher (external mentors count as certified).
    pub certified: bool,
}

/// A non-certified teacher who teaches, and who supervises them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SupervisedTeacher {
    pub teacher: TeacherId,
    pub name: String,
    pub lessons: u64,
    /// Usually one; empty when no mentoring row names the teacher. By mentor id.
    pub mentors: Vec<MentorRef>,
}

/// One mentor's load.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MentorLoad {
    pub mentor: MentorRef,
    /// Distinct teachers the mentoring rows give this mentor, by id.
    pub mentees: Vec<TeacherId>,
    /// `null` when the mentor is unknown.
    pub capacity: Option<u32>,
}

/// Supervision of non-certified teachers (the Addendum's condition for exception 1).
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct MentoringReport {
    /// Whether the rule set requires supervision; when false the lists are informative only.
    pub required: bool,
    /// By teacher id.
    pub teachers: Vec<SupervisedTeacher>,
    /// By mentor id.
    pub mentors: Vec<MentorLoad>,
}

/// A teacher named in the declaration.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct NamedTeacher {
    pub id: TeacherId,
    pub name: String,
}

/// A group named in an overflow cell.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct CellGroup {
    pub course_code: CourseCode,
    pub size: u32,
}

/// A (location, profile) cell where at least one running group is above the standard maximum.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct OverflowCell {
    pub location: Location,
    pub profile: Profile,
    pub size_class: String,
    pub standard_max: u32,
    pub temporary_max: u32,
    /// The running groups of the cell, by course code.
    pub groups: Vec<CellGroup>,
    /// Students above the standard maximum, summed over the cell's groups.
    pub surplus: u32,
}

/// Whether the schedule departs from the Handleiding standard the way an exception allows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExceptionUse {
    /// The schedule departs from the standard norm (see `check::declaration`).
    pub in_use: bool,
    /// The rule set offers this exception.
    pub offered: bool,
    /// One sentence with the numbers.
    pub reason: String,
    /// The same sentence in Dutch; not in the JSON, which stays English.
    #[serde(skip)]
    pub reason_nl: String,
}

/// The data a school needs for the declaration (Bijlage 1) of the Addendum.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Declaration {
    pub school: String,
    pub bow_number: Option<String>,
    pub main_location: Location,
    /// The first and last date of the timetable, `null` when it is empty.
    pub first_lesson: Option<NaiveDate>,
    pub last_lesson: Option<NaiveDate>,
    pub exception_1: ExceptionUse,
    pub exception_2: ExceptionUse,
    /// Exception 1: the non-certified teachers who teach, by id.
    pub non_certified_teachers: Vec<NamedTeacher>,
    /// Exception 2: where groups go above the standard maximum, by location and profile.
    pub overflow_cells: Vec<OverflowCell>,
}

/// How serious a finding is; each finding code's row of the table gives it.
pub use crate::diag::FindingSeverity;

/// What a finding is about, so that tools can group findings without parsing `subject`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SubjectKind {
    /// The schedule as a whole (e.g. the certified share).
    Schedule,
    Course,
    /// A (location, profile) cell, written `LOCATION / PROFILE`.
    Cell,
    Teacher,
    Mentor,
    Student,
    /// A room of `rooms.csv`.
    Room,
}

/// One problem, reported once; repeats of one kind for one subject are aggregated.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Finding {
    // The code, its norm and its severity are set together by `Finding::new` from the code
    // table and never changed: read them with the methods of the same names.
    code: Code,
    /// `1.7.1a`, `1.7.1b`, `2.2.1`, `supervision` or `soundness`.
    norm: &'static str,
    severity: FindingSeverity,
    pub subject_kind: SubjectKind,
    /// The id of what the finding is about: a course code, teacher id, student id, ...
    pub subject: String,
    /// How many occurrences the finding aggregates (lessons, dates, weeks, ...); at least 1.
    pub occurrences: usize,
    /// English, with the numbers.
    pub message: String,
    /// Dutch, with the same numbers, when the norm's file wrote it; else a Dutch text gives
    /// the code's Dutch meaning and the subject ([`Finding::dutch_detail`]). Not in the JSON,
    /// which stays English.
    #[serde(skip)]
    pub message_nl: Option<String>,
}

impl Finding {
    /// A finding with the norm and severity that `code`'s row of the code table gives.
    ///
    /// Only a finding code makes a finding; an input code does not compile here:
    ///
    /// ```compile_fail,E0308
    /// use nt2plan::check::{Finding, SubjectKind};
    /// use nt2plan::diag::ErrorCode;
    /// let f = Finding::new(ErrorCode::BadDate, SubjectKind::Schedule, "", "not a date");
    /// ```
    pub fn new(
        code: FindingCode,
        subject_kind: SubjectKind,
        subject: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Finding {
            code: code.into(),
            norm: code.norm(),
            severity: code.severity(),
            subject_kind,
            subject: subject.into(),
            occurrences: 1,
            message: message.into(),
            message_nl: None,
        }
    }

    pub fn code(&self) -> Code {
        self.code
    }

    /// `1.7.1a`, `1.7.1b`, `2.2.1`, `supervision` or `soundness`: the code's row.
    pub fn norm(&self) -> &'static str {
        self.norm
    }

    pub fn severity(&self) -> FindingSeverity {
        self.severity
    }

    /// The message in Dutch, with the same numbers as the English one.
    pub fn nl(mut self, message: impl Into<String>) -> Self {
        self.message_nl = Some(message.into());
        self
    }

    /// What a Dutch text says after the code's Dutch meaning: the message written in Dutch,
    /// else what the finding is about (`docent T1`, `cursus B1-UTR-A (3 keer)`); `None` for
    /// a finding about the whole schedule without a Dutch message.
    pub fn dutch_detail(&self) -> Option<String> {
        if let Some(m) = &self.message_nl {
            return Some(m.clone());
        }
        let what = match self.subject_kind {
            SubjectKind::Schedule => return None,
            SubjectKind::Cell => "",
            SubjectKind::Course => "cursus ",
            SubjectKind::Teacher => "docent ",
            SubjectKind::Mentor => "begeleider ",
            SubjectKind::Student => "cursist ",
            SubjectKind::Room => "lokaal ",
        };
        if self.subject.is_empty() {
            return None;
        }
        let times = match self.occurrences {
            1 => String::new(),
            n => format!(" ({n} keer)"),
        };
        Some(format!("{what}{}{times}", self.subject))
    }

    pub fn times(mut self, occurrences: usize) -> Self {
        self.occurrences = occurrences.max(1);
        self
    }
}

/// The norms findings belong to, in the order reports present them; every finding code's row
/// of the code table names one of them. The group's own `min_size` (C124) is the school's
/// planning data, not a Keurmerk norm, so it counts as soundness.
pub const NORMS: [&str; 5] = ["1.7.1a", "1.7.1b", "2.2.1", "supervision", "soundness"];
