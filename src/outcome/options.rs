//! Options: single changes a school can make, each measured by a solve of the changed
//! instance (`options::options` makes them; the reports render them).

use crate::domain::Shortfall;
use serde::Serialize;

/// A single change to the instance.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Change {
    /// The teacher gets registered (BVNT2 or the Kwaliteitsregister).
    Register { teacher: String },
    /// The teacher's `max_lessons_per_week` goes up by `by`.
    RaiseWeeklyMax { teacher: String, by: u32 },
    /// The optional group runs.
    Open { group: String },
    /// The group may stay closed.
    Close { group: String },
    /// One more certified teacher at `location` for `profile`, in every block.
    Vacancy { location: String, profile: String },
}

impl Change {
    /// In a planner's words.
    pub fn text(&self, nl: bool) -> String {
        match (self, nl) {
            (Change::Register { teacher }, true) => {
                format!("{teacher} laten registreren (Kwaliteitsregister of BVNT2)")
            }
            (Change::Register { teacher }, false) => {
                format!("register {teacher} (Kwaliteitsregister or BVNT2)")
            }
            (Change::RaiseWeeklyMax { teacher, by }, true) => {
                format!("weekmaximum van {teacher} {by} hoger")
            }
            (Change::RaiseWeeklyMax { teacher, by }, false) => {
                format!("raise {teacher}'s weekly maximum by {by}")
            }
            (Change::Open { group }, true) => format!("optionele groep {group} openen"),
            (Change::Open { group }, false) => format!("open optional group {group}"),
            (Change::Close { group }, true) => format!("groep {group} mag dicht"),
            (Change::Close { group }, false) => format!("let group {group} close"),
            (Change::Vacancy { location, profile }, true) => {
                format!("vacature: een gecertificeerde docent {profile} in {location}")
            }
            (Change::Vacancy { location, profile }, false) => {
                format!("vacancy: one certified teacher for {profile} at {location}")
            }
        }
    }
}

/// One change and what a solve of the changed instance reached.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct OptionRow {
    pub rank: usize,
    pub change: Change,
    /// Every norm holds.
    pub compliant: bool,
    pub shortfall: Shortfall,
    /// The shortfall is the least of the changed instance (false: its best-effort plan was
    /// cut off by the time limit, and it may miss the norms by less).
    pub proven: bool,
    /// Certified lessons of lessons given, and as text (truncated).
    pub certified_lessons: u64,
    pub lessons_given: u64,
    pub certified_share: String,
    pub students_placed: usize,
    pub students_total: usize,
}

impl Options {
    /// The changes not measured, in a planner's words, `;`-separated.
    pub fn not_measured_text(&self, nl: bool) -> String {
        self.not_measured
            .iter()
            .map(|c| c.text(nl))
            .collect::<Vec<_>>()
            .join("; ")
    }
}

/// The options of one instance, best first.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Options {
    /// Changes tried (each one solve, or a solve and a best-effort plan).
    pub tried: usize,
    /// The changes measured, best first.
    pub rows: Vec<OptionRow>,
    /// Changes tried but not measured: not begun by the time limit, or without a plan in
    /// their share of it.
    pub not_measured: Vec<Change>,
}
