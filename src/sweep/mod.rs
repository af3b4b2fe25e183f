//! `nt2plan sweep`: families of solves on variations of one instance, compared side by side.
//!
//! A scenario file ([`file`]) names a base instance and axes of variation ([`spec`]); they
//! expand into scenarios ([`expand`]), each a change of the instance and rule set
//! ([`vary`]) that is solved and checked like `nt2plan solve` does ([`run`]), giving one
//! [`row::Row`] each. [`breaking`] bisects levels for the breaking point, and [`shard`]
//! splits the work over machines and joins the parts again, each part marked with the
//! sweep's [`fingerprint`].

pub mod breaking;
pub mod expand;
pub mod file;
pub mod fingerprint;
pub mod row;
pub mod run;
pub mod shard;
pub mod spec;
pub mod vary;

#[cfg(test)]
mod leave_levels_tests;
#[cfg(test)]
mod leave_tests;
#[cfg(test)]
mod rooms_tests;

pub use crate::outcome::sweep::{
    AxisInfo, BreakingInfo, RESULTS_FORMAT_VERSION, Results, SweepInfo,
};
use run::Job;

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
