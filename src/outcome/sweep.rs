//! The results of a sweep as the reports render them: one [`Row`] per scenario (with the
//! [`Verdict`] of its solve), the [`BreakingPoint`] of each line of levels, and what the
//! sweep was ([`SweepInfo`]). `sweep` fills them; `report` renders them.

use super::Verdict;
use serde::{Deserialize, Serialize};

/// Version of `results.json` (part files have their own, `sweep::shard::PART_FORMAT_VERSION`).
pub const RESULTS_FORMAT_VERSION: u32 = 1;

/// One axis as the results describe it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AxisInfo {
    pub name: String,
    /// For a levels axis: what the level is.
    pub vary: Option<Vary>,
    pub labels: Vec<String>,
}

/// Bisection settings, when the sweep looks for a breaking point.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BreakingInfo {
    pub axis: String,
    pub break_on: BreakOn,
}

/// What a sweep is, as far as its results need: everything the outputs are rendered from
/// besides the rows, so that merged parts render exactly like one run.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SweepInfo {
    pub title: String,
    /// The scenario file's name.
    pub scenario_file: String,
    pub school: String,
    /// The instance folder's name.
    pub instance: String,
    pub solver: String,
    pub time_limit: Option<f64>,
    pub gap: f64,
    pub seeds: Vec<u64>,
    pub axes: Vec<AxisInfo>,
    pub scenarios: usize,
    pub jobs: usize,
    /// Whether the highest reachable certified share was solved for.
    pub highest: bool,
    pub breaking_point: Option<BreakingInfo>,
}

impl SweepInfo {
    /// The first axis of levels: the x axis of the charts.
    pub fn level_axis(&self) -> Option<usize> {
        self.axes.iter().position(|a| a.vary.is_some())
    }
}

/// Everything a sweep produced, in scenario order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Results {
    pub format_version: u32,
    pub sweep: SweepInfo,
    pub rows: Vec<Row>,
    /// Breaking points in job order (empty unless asked for).
    pub breaking_points: Vec<BreakingPoint>,
    #[serde(skip)]
    pub timings: Vec<Timing>,
}

impl Results {
    /// Joins job outputs (with their job index) into results: rows by scenario, each once
    /// (two lines may share a scenario), breaking points by job.
    pub fn assemble(sweep: SweepInfo, mut outputs: Vec<(usize, JobOutput)>) -> Results {
        outputs.sort_by_key(|(i, _)| *i);
        let mut rows: Vec<Row> = Vec::new();
        let mut timings: Vec<Timing> = Vec::new();
        let mut breaking_points = Vec::new();
        for (_, out) in outputs {
            rows.extend(out.rows);
            timings.extend(out.timings);
            breaking_points.extend(out.breaking);
        }
        rows.sort_by_key(|r| r.index);
        rows.dedup_by_key(|r| r.index);
        timings.sort_by_key(|t| t.index);
        timings.dedup_by_key(|t| t.index);
        Results {
            format_version: RESULTS_FORMAT_VERSION,
            sweep,
            rows,
            breaking_points,
            timings,
        }
    }

    /// Rows that end without a schedule because something failed (not infeasibility).
    pub fn errors(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| r.status == Verdict::Error)
            .count()
    }
}

/// The results of one scenario.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub scenario: String,
    pub index: usize,
    /// The variant per axis, in axis order.
    pub labels: Vec<String>,
    pub seed: Option<u64>,
    pub rules: String,
    /// Norm 1.7.1a's floor of the scenario's rules, in percent.
    pub min_certified_share: f64,
    /// How the solve ended: `optimal`, `feasible`, `time_limit`, `infeasible`,
    /// `no_schedule_in_time` or `error`.
    pub status: Verdict,
    /// Why no schedule meets the rules (infeasible), or what went wrong, in English: the
    /// `reason` of `results.csv` and `results.json`, which stay English.
    pub reason: String,
    /// The reason in Dutch, with the same values, for the terminal and `summary.md`. Not in
    /// the results files; part files carry it beside the row (`sweep::shard::PartJob`).
    #[serde(skip)]
    pub reason_nl: String,
    /// Certified lessons as a percentage of lessons, truncated to two decimals.
    pub certified_share: Option<f64>,
    /// The highest certified share any schedule reaches that places as many students as
    /// possible, with the other rules kept but no floor (see the README).
    pub highest_certified_share: Option<f64>,
    pub lessons: Option<u64>,
    pub certified_lessons: Option<u64>,
    pub students: usize,
    pub students_placed: Option<usize>,
    pub students_not_placed: Option<usize>,
    /// Students above the standard maximum, summed over the groups (exception 2).
    pub students_above_standard: Option<u32>,
    /// `location/profile` where a group goes above the standard maximum.
    pub exception2_cells: Vec<String>,
    pub groups: usize,
    pub groups_opened: Option<usize>,
    pub teachers: usize,
    pub certified_teachers: usize,
    /// Teachers the scenario removed, by id.
    pub teachers_removed: Vec<String>,
    pub non_certified_teachers_used: Option<usize>,
    /// Distinct mentors of the non-certified teachers who teach.
    pub mentors_used: Option<usize>,
    pub external_mentors_used: Option<usize>,
    pub objective: Option<f64>,
    /// The proven relative gap when the solver stopped early.
    pub gap: Option<f64>,
}

/// Wall-clock seconds of one scenario: differ from run to run, so written apart.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Timing {
    pub scenario: String,
    pub index: usize,
    pub solve_seconds: f64,
    pub highest_seconds: f64,
}

/// What one job produced.
#[derive(Clone, Debug, Default)]
pub struct JobOutput {
    pub rows: Vec<Row>,
    pub timings: Vec<Timing>,
    pub breaking: Option<BreakingPoint>,
}

/// When a scenario counts as broken.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BreakOn {
    /// No schedule meets every rule (or none was found in time).
    #[default]
    Infeasible,
    /// As `infeasible`, or more students go without a place than at the first level (some
    /// students may fit no group at all; they are not the shortage's doing).
    Unplaced,
}

impl BreakOn {
    /// Whether `row` is broken; `baseline` is the students without a place at the first level.
    pub fn broken(self, row: &Row, baseline: Option<usize>) -> bool {
        let no_schedule = row.certified_share.is_none() && row.students_placed.is_none();
        match self {
            BreakOn::Infeasible => no_schedule,
            BreakOn::Unplaced => {
                no_schedule
                    || row
                        .students_not_placed
                        .is_some_and(|n| n > baseline.unwrap_or(0))
            }
        }
    }
}

/// Where one line breaks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct BreakingPoint {
    pub labels: Vec<String>,
    pub seed: Option<u64>,
    /// The first level that breaks; `None` when every level holds.
    pub level: Option<String>,
    /// The last level that holds; `None` when the first level already breaks.
    pub holds_until: Option<String>,
    /// The scenario at the breaking level.
    pub scenario: Option<String>,
    /// The solver's reason at the breaking level, in English (as in the results files).
    pub reason: String,
    /// The reason in Dutch; as [`Row::reason_nl`], not in the results files.
    #[serde(skip)]
    pub reason_nl: String,
    /// How many levels were solved.
    pub solves: usize,
}

/// The variations whose value can run over a range of levels (`vary = "..."`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Vary {
    RemoveCertifiedPercent,
    RemoveCertifiedCount,
    CertifiedFloor,
    MaxLessonsPerWeek,
    MaxLessonsPercent,
    AddStudents,
    RemoveStudents,
    /// One teacher (`teacher` on the axis) leaves from the date of each level; the number
    /// on the axis is the day of the term the leave begins (0: the term's first day).
    LeaveFrom,
    RoomsCapacityPercent,
}

impl Vary {
    pub const ALL: [Vary; 9] = [
        Vary::RemoveCertifiedPercent,
        Vary::RemoveCertifiedCount,
        Vary::CertifiedFloor,
        Vary::MaxLessonsPerWeek,
        Vary::MaxLessonsPercent,
        Vary::AddStudents,
        Vary::RemoveStudents,
        Vary::LeaveFrom,
        Vary::RoomsCapacityPercent,
    ];

    pub fn key(self) -> &'static str {
        match self {
            Vary::RemoveCertifiedPercent => "remove_certified_percent",
            Vary::RemoveCertifiedCount => "remove_certified_count",
            Vary::CertifiedFloor => "certified_floor",
            Vary::MaxLessonsPerWeek => "max_lessons_per_week",
            Vary::MaxLessonsPercent => "max_lessons_percent",
            Vary::AddStudents => "add_students",
            Vary::RemoveStudents => "remove_students",
            Vary::LeaveFrom => "leave_from",
            Vary::RoomsCapacityPercent => "rooms_capacity_percent",
        }
    }

    pub fn parse(key: &str) -> Option<Vary> {
        Vary::ALL.into_iter().find(|v| v.key() == key)
    }

    /// Whether a level must be a whole number.
    pub fn whole(self) -> bool {
        matches!(
            self,
            Vary::RemoveCertifiedCount
                | Vary::MaxLessonsPerWeek
                | Vary::AddStudents
                | Vary::RemoveStudents
                | Vary::LeaveFrom
        )
    }

    /// Whether a level is a percentage (0 to 100).
    pub fn percent(self) -> bool {
        !self.whole()
    }

    /// The axis title in a chart, in Dutch.
    pub fn axis_title(self) -> &'static str {
        match self {
            Vary::RemoveCertifiedPercent => "gecertificeerde docenten vertrokken (%)",
            Vary::RemoveCertifiedCount => "gecertificeerde docenten vertrokken (aantal)",
            Vary::CertifiedFloor => "minimum aandeel gecertificeerde lessen (%)",
            Vary::MaxLessonsPerWeek => "maximum lessen per docent per week",
            Vary::MaxLessonsPercent => "lessen per docent per week (% van nu)",
            Vary::AddStudents => "cursisten erbij",
            Vary::RemoveStudents => "cursisten minder",
            Vary::LeaveFrom => "vertrek van de docent (dag van de lesperiode)",
            Vary::RoomsCapacityPercent => "zitplaatsen per lokaal (% van nu)",
        }
    }
}
