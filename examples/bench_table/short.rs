//! The second table: schools that miss the norms. After the solve that proves no schedule
//! meets the rules (with its diagnosis), `solve` makes the plan that breaks them least, the
//! highest reachable share and the options (a plan per change); this times each step, the
//! same library calls in the same order, with medians over the runs.

use super::{duration, median};
use nt2plan::domain::{Instance, Register};
use nt2plan::solve::{self, Backend, Deadline, Settings, Status, best_effort, highest};
use std::path::Path;
use std::time::{Duration, Instant};

/// The variants: an instance and the certified teachers who lose their registration.
fn variants(root: &Path) -> anyhow::Result<Vec<(String, Instance)>> {
    let load = |name: &str| super::load(root, name).map(|(instance, _)| instance);
    // The demo of tests/it/best_effort.rs: T10 and T11 unregistered.
    let mut demo = load("demo")?;
    for t in demo.teachers.iter_mut() {
        if ["T10", "T11"].contains(&t.id.as_str()) {
            t.register = Register::None;
        }
    }
    // medium with every third certified teacher (in id order) unregistered.
    let mut medium = load("medium")?;
    let mut certified = 0;
    for t in medium.teachers.iter_mut().filter(|t| t.is_certified()) {
        certified += 1;
        if certified % 3 == 0 {
            t.register = Register::None;
        }
    }
    Ok(vec![
        ("demo, T10 and T11 unregistered".into(), demo),
        (
            "medium, every third certified teacher unregistered".into(),
            medium,
        ),
    ])
}

pub fn table(root: &Path, runs: usize, time_limit: f64) -> anyhow::Result<()> {
    let rules = nt2plan::rules::builtins()
        .into_iter()
        .find(|r| r.name == "handleiding-2024")
        .ok_or_else(|| anyhow::anyhow!("handleiding-2024 is not built in"))?;
    println!();
    println!("When the norms cannot be met (handleiding-2024, microlp):");
    println!();
    println!(
        "| school | solve (proves infeasible, with diagnosis) | plan breaking the norms least | highest share | options (measured of tried) | all after the solve | after / plan |"
    );
    println!("|---|---:|---:|---:|---:|---:|---:|");
    for (name, instance) in variants(root)? {
        let settings = Settings {
            backend: Backend::Microlp,
            time_limit: Some(time_limit),
            ..Settings::default()
        };
        let mut times: [Vec<Duration>; 4] = Default::default();
        let mut counted = String::new();
        for _ in 0..runs {
            let began = Instant::now();
            let solved = solve::solve(&instance, &rules, &settings)?;
            anyhow::ensure!(
                matches!(solved.status, Status::Infeasible { .. }),
                "{name}: expected no schedule, got {:?}",
                solved.status
            );
            times[0].push(began.elapsed());
            let began = Instant::now();
            let plan = best_effort::plan(&instance, &rules, &settings)?
                .ok_or_else(|| anyhow::anyhow!("{name}: no plan in time"))?;
            times[1].push(began.elapsed());
            let began = Instant::now();
            highest::highest_share(&instance, &rules, &settings)?;
            times[2].push(began.elapsed());
            let began = Instant::now();
            let deadline = Deadline::after(began, Some(time_limit));
            let options = nt2plan::options::measure(
                &instance,
                &rules,
                &plan.schedule,
                &plan.report,
                &settings,
                deadline,
            )?;
            times[3].push(began.elapsed());
            counted = format!("{} of {}", options.rows.len(), options.tried);
        }
        let [solve, plan, high, opts] = times.map(median);
        let after = plan + high + opts;
        println!(
            "| {name} | {} | {} | {} | {} ({counted}) | {} | {:.1} |",
            duration(solve),
            duration(plan),
            duration(high),
            duration(opts),
            duration(after),
            after.as_secs_f64() / plan.as_secs_f64().max(1e-9)
        );
    }
    println!();
    println!(
        "Medians of {runs} run(s); time limit {time_limit} s per step; the options in parallel \
         on the machine's threads, each change solved to within {}% (`options::OPTION_GAP`).",
        nt2plan::options::OPTION_GAP * 100.0
    );
    Ok(())
}
