//! `nt2plan sweep`: families of solves on variations of one instance, compared side by side.
//!
//! A scenario file ([`file`]) names a base instance and axes of variation ([`spec`]); they
//! expand into scenarios ([`expand`]), each a change of the instance and rule set
//! ([`vary`]) that is solved and checked like `nt2plan solve` does ([`run`]), giving one
//! [`row::Row`] each. [`breaking`] bisects levels for the breaking point, and [`shard`]
//! splits the work over machines and joins the parts again.

pub mod breaking;
pub mod expand;
pub mod file;
pub mod row;
pub mod run;
pub mod shard;
pub mod spec;
pub mod vary;

use breaking::{BreakOn, BreakingPoint};
use row::{Row, Timing};
use run::{Job, JobOutput};
use serde::{Deserialize, Serialize};
use spec::Vary;

/// Version of `results.json` and of part files.
pub const FORMAT_VERSION: u32 = 1;

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
            format_version: FORMAT_VERSION,
            sweep,
            rows,
            breaking_points,
            timings,
        }
    }

    /// Rows that end without a schedule because something failed (not infeasibility).
    pub fn errors(&self) -> usize {
        self.rows.iter().filter(|r| r.status == "error").count()
    }
}

/// The jobs of a sweep: every scenario, or with `breaking` the lines of that axis.
pub fn jobs(
    spec: &spec::SweepSpec,
    scenarios: &[expand::Scenario],
    breaking: Option<usize>,
) -> Vec<Job> {
    match breaking {
        None => (0..scenarios.len()).map(Job::Scenario).collect(),
        Some(axis) => breaking::lines(spec, scenarios, axis)
            .into_iter()
            .map(Job::Line)
            .collect(),
    }
}

/// The description of a sweep for its results.
pub fn info(
    loaded: &file::LoadedSweep,
    solver: &str,
    settings: &crate::solve::Settings,
    scenarios: usize,
    jobs: usize,
    highest: bool,
    breaking: Option<BreakingInfo>,
) -> SweepInfo {
    let spec = &loaded.spec;
    let name = |p: &std::path::Path| {
        p.file_name()
            .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
    };
    SweepInfo {
        title: spec.title.clone(),
        scenario_file: name(&spec.file),
        school: loaded.instance.school.name.clone(),
        instance: name(&spec.instance_dir),
        solver: solver.to_string(),
        time_limit: settings.time_limit,
        gap: settings.gap,
        seeds: spec.seeds.clone(),
        axes: spec
            .axes
            .iter()
            .map(|a| AxisInfo {
                name: a.name.clone(),
                vary: a.vary,
                labels: a.variants.iter().map(|v| v.label.clone()).collect(),
            })
            .collect(),
        scenarios,
        jobs,
        highest,
        breaking_point: breaking,
    }
}

#[cfg(test)]
mod tests;
