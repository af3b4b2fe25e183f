//! Why no schedule exists, as the solver's diagnosis states it: reasons tied to the rule they
//! concern, with typed facts. `solve::diagnose` finds them; the reports render them.

use crate::domain::{CourseCode, Group, Location, Profile, Share, Slot, TeacherId};
use chrono::NaiveDate;
use serde::Serialize;

/// The rule a reason concerns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Rule {
    /// Every lesson of a running group needs a teacher.
    #[serde(rename = "staffing")]
    Staffing,
    #[serde(rename = "weekly maximum")]
    WeeklyMax,
    #[serde(rename = "1.7.1a")]
    CertifiedShare,
    #[serde(rename = "1.7.1b")]
    CourseCertified,
    #[serde(rename = "2.2.1")]
    GroupSize,
    #[serde(rename = "min_size")]
    MinSize,
    #[serde(rename = "supervision")]
    Supervision,
    /// The planner's locks (`locks.csv`).
    #[serde(rename = "locks")]
    Locks,
    /// Contract hours (`teachers.csv`): weekly and term minimums, term maximum.
    #[serde(rename = "contract hours")]
    ContractHours,
    /// Rooms (`rooms.csv`): a room for every lesson, seating its group, one lesson at a time.
    #[serde(rename = "rooms")]
    Rooms,
}

impl Rule {
    pub fn as_str(self) -> &'static str {
        match self {
            Rule::Staffing => "staffing",
            Rule::WeeklyMax => "weekly maximum",
            Rule::CertifiedShare => "1.7.1a",
            Rule::CourseCertified => "1.7.1b",
            Rule::GroupSize => "2.2.1",
            Rule::MinSize => "min_size",
            Rule::Supervision => "supervision",
            Rule::Locks => "locks",
            Rule::ContractHours => "contract hours",
            Rule::Rooms => "rooms",
        }
    }
}

impl Rule {
    /// The rule's name in Dutch, as a Dutch report prints it; a norm keeps its number.
    pub fn nl(self) -> &'static str {
        match self {
            Rule::Staffing => "bezetting",
            Rule::WeeklyMax => "weekmaximum",
            Rule::CertifiedShare => "1.7.1a",
            Rule::CourseCertified => "1.7.1b",
            Rule::GroupSize => "2.2.1",
            Rule::MinSize => "minimale groepsgrootte",
            Rule::Supervision => "begeleiding",
            Rule::Locks => "vastzettingen",
            Rule::ContractHours => "contracturen",
            Rule::Rooms => "lokalen",
        }
    }
}

impl std::fmt::Display for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// What a reason is about: the group, slot, teacher, dates or weeks, and how many units
/// (lessons, students, mentor places) give way there. Empty fields do not apply.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Fact {
    pub group: Option<CourseCode>,
    pub slot: Option<String>,
    pub teacher: Option<TeacherId>,
    pub dates: Vec<NaiveDate>,
    /// ISO weeks as `YYYY-Www`.
    pub weeks: Vec<String>,
    pub amount: f64,
}

impl Fact {
    pub fn group(g: &Group) -> Fact {
        Fact {
            group: Some(g.course_code.clone()),
            ..Fact::default()
        }
    }

    pub fn teacher(id: &TeacherId) -> Fact {
        Fact {
            teacher: Some(id.clone()),
            ..Fact::default()
        }
    }

    pub fn slot(mut self, slot: &Slot) -> Fact {
        self.slot = Some(slot.to_string());
        self
    }

    pub fn dates(mut self, dates: &[NaiveDate]) -> Fact {
        self.dates = dates.to_vec();
        self
    }

    /// ISO weeks as (ISO year, week number).
    pub fn weeks(mut self, weeks: &[(i32, u32)]) -> Fact {
        self.weeks = weeks.iter().map(|(y, w)| format!("{y}-W{w:02}")).collect();
        self
    }

    pub fn amount(mut self, amount: f64) -> Fact {
        self.amount = amount;
        self
    }
}

/// One reason, tied to the rule it concerns: what it says, with its values, and the facts.
/// The reports say it in English or in Dutch (`report::reason_text`, which also writes it
/// to JSON with its English `message`).
#[derive(Clone, Debug, PartialEq)]
pub struct Reason {
    pub rule: Rule,
    pub said: Said,
    pub facts: Vec<Fact>,
}

/// What a reason says, with its values. A relaxation's examples are its facts.
#[derive(Clone, Debug, PartialEq)]
pub enum Said {
    /// A slot of a group that must run has nobody who can teach it on `dates`, of the `of`
    /// dates of its series.
    NoTeacher {
        course: CourseCode,
        slot: Slot,
        location: Location,
        profile: Profile,
        dates: Vec<NaiveDate>,
        of: usize,
    },
    /// 1.7.1b: no certified teacher can give the certified lessons a course needs.
    NoCertifiedTeacher {
        course: CourseCode,
        location: Location,
        profile: Profile,
        possible: u32,
        required: u32,
    },
    /// A week with more lessons of groups that must run than their teachers can give.
    WeekOverCapacity {
        year: i32,
        week: u32,
        lessons: u64,
        at_most: u64,
    },
    /// 1.7.1a: certified teachers can give at most `at_most` of the `total` lessons of the
    /// groups that must run, below the `share` rule set `rules` needs.
    ShareOutOfReach {
        at_most: u64,
        total: u64,
        rules: String,
        share: Share,
    },
    /// Fewer students fit a group that must run than its minimum size.
    TooFewFit {
        course: CourseCode,
        min_size: u32,
        could: u32,
    },
    /// More students pinned to a group than the largest size its size class allows.
    TooManyPinned {
        course: CourseCode,
        pinned: u32,
        rules: String,
        size_class: String,
        max: u32,
    },
    /// The relaxation: `total` units give way in this way (examples in the facts).
    GiveWay { way: GiveWay, total: u64 },
    /// The `count` locks of locks.csv together leave no schedule.
    Locks { count: usize },
    /// Lifting this one lock alone leaves nothing that has to give way.
    OneLock { lock: String },
}

/// How the relaxation gives way: the unit and the requirement.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GiveWay {
    LessonsWithoutTeacher,
    AboveWeeklyMax,
    ShortOfContractMinimums,
    AboveTermMax,
    CertifiedShare,
    CertifiedInCourses,
    AboveGroupMax,
    BelowMinSize,
    MentorPlaces,
    Rooms,
}

/// Everything found out about an infeasible instance.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Diagnosis {
    /// Capacity bounds that hold for every schedule (`solve::diagnose::bounds`); each but a
    /// certified share that an optional group could lift makes the instance infeasible alone.
    pub bounds: Vec<Reason>,
    /// Proven: at least this many units (lessons, students, mentor places) must give way in
    /// every schedule. `None` when the relaxation was not solved in time.
    pub must_give_way: Option<f64>,
    /// One cheapest way to give way, per rule: examples, not causes.
    pub relaxation: Vec<Reason>,
}

impl Diagnosis {
    pub fn reasons(&self) -> impl Iterator<Item = &Reason> {
        self.bounds.iter().chain(&self.relaxation)
    }
}
