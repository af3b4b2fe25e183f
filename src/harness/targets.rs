//! One function per fuzz target. Each reads its bytes the way the command line would, then
//! holds the answer to the rules of [`super::judge`].

use super::scratch::{DEMO, DEMO_SCHEDULE, MINI, Scratch, next, shared_folder};
use super::{Broken, Outcome, judge, report_is_coded};
use crate::diag::Diagnostics;
use crate::domain::{Instance, RuleSet, Schedule};
use crate::input;
use crate::validate::{InstanceFiles, LoadedInstance, load_schedule, school, validate_instance};
use std::path::PathBuf;
use std::sync::OnceLock;

/// `school.toml` in place of the demo's, with its rule set (a built-in name, or a file
/// relative to a folder that does not exist), validated with the demo's other files.
pub fn school_toml(data: &[u8]) -> Result<Outcome, Broken> {
    with_demo(|files, diags| {
        files.school = input::school::parse_bytes(data, diags);
        let nowhere = std::env::temp_dir().join("nt2plan-harness-no-folder");
        files.rules = school::rule_set(&nowhere, files.school.as_ref(), None, diags);
    })
}

/// `teachers.csv` in place of the demo's, validated with the demo's other files.
pub fn teachers_csv(data: &[u8]) -> Result<Outcome, Broken> {
    with_demo(|files, diags| files.teachers = input::teachers::parse(data, diags))
}

/// `groups.csv` in place of the demo's, validated with the demo's other files.
pub fn groups_csv(data: &[u8]) -> Result<Outcome, Broken> {
    with_demo(|files, diags| files.groups = input::groups::parse(data, diags))
}

/// `students.csv` in place of the demo's, validated with the demo's other files.
pub fn students_csv(data: &[u8]) -> Result<Outcome, Broken> {
    with_demo(|files, diags| files.students = input::students::parse(data, diags))
}

/// `mentors.csv` in place of the demo's, validated with the demo's other files.
pub fn mentors_csv(data: &[u8]) -> Result<Outcome, Broken> {
    with_demo(|files, diags| files.mentors = input::mentors::parse(data, diags))
}

/// `unavailability.csv` in place of the demo's, validated with the demo's other files.
pub fn unavailability_csv(data: &[u8]) -> Result<Outcome, Broken> {
    with_demo(|files, diags| files.unavailability = input::unavailability::parse(data, diags))
}

/// `locks.csv` in place of the demo's, validated with the demo's other files.
pub fn locks_csv(data: &[u8]) -> Result<Outcome, Broken> {
    with_demo(|files, diags| files.locks = input::locks::parse(data, diags))
}

/// `rooms.csv` in place of the demo's (none), validated with the demo's other files.
pub fn rooms_csv(data: &[u8]) -> Result<Outcome, Broken> {
    with_demo(|files, diags| files.rooms = input::rooms::parse(data, diags))
}

/// The demo's files with one replaced by `replace`, validated as `load_instance` does.
fn with_demo(
    replace: impl FnOnce(&mut InstanceFiles, &mut Diagnostics),
) -> Result<Outcome, Broken> {
    let mut files = demo()?.files.clone();
    let mut diags = Diagnostics::default();
    replace(&mut files, &mut diags);
    judge(&validate_instance(&files, diags))
}

/// A rule set file, read by `--rules PATH` itself ([`school::rule_set`], from a temporary
/// folder): when it reads, written back with `rules show`'s [`crate::rules::to_toml`] and read
/// again (it must give the same rule set), then used for the demo instance and, when that
/// validates, to check the demo's hand-made schedule
/// (`nt2plan check instances/demo instances/demo-schedule --rules PATH`).
pub fn rule_set_toml(data: &[u8]) -> Result<Outcome, Broken> {
    let demo = demo()?;
    let scratch = Scratch::new()?;
    let path = scratch.write("rules.toml", data)?;
    let mut files = demo.files.clone();
    let mut diags = Diagnostics::default();
    let reference = crate::rules::RuleChoice::File(path.clone());
    files.rules = school::rule_set(scratch.path(), None, Some(&reference), &mut diags);
    if let Some(rules) = &files.rules {
        round_trip(rules)?;
    }
    let loaded = validate_instance(&files, diags);
    let mut outcome = judge(&loaded)?;
    if let Ok(l) = loaded {
        let (instance, rules) = (&l.value.instance, &l.value.rules);
        outcome.findings = check(instance, rules, &demo.schedule)?;
    }
    Ok(outcome)
}

fn round_trip(rules: &RuleSet) -> Result<(), Broken> {
    let text = crate::rules::to_toml(rules);
    match crate::rules::parse("<rules show>", &text) {
        Ok(again) if again == *rules => Ok(()),
        Ok(again) => Err(Broken::RoundTrip(format!(
            "rules show writes a rule set that reads back differently:\n{rules:?}\n{again:?}\n{text}"
        ))),
        Err(d) => Err(Broken::RoundTrip(format!(
            "rules show writes a rule set that cannot be read back: {d:?}\n{text}"
        ))),
    }
}

/// Checks `schedule`; the number of findings.
fn check(instance: &Instance, rules: &RuleSet, schedule: &Schedule) -> Result<usize, Broken> {
    match crate::check::check(instance, rules, schedule) {
        Ok(report) => report_is_coded(&report),
        Err(e) if e.to_string().trim().is_empty() => Err(Broken::Finding(format!("{e:?}"))),
        Err(_) => Ok(0),
    }
}

/// A scenario file (`nt2plan sweep`), written into `scenarios/` of a folder that also holds
/// `instances/demo`, `instances/mini` (the small test instance `tests/fixtures/mini`, much
/// faster to load) and a rule set file `scenarios/mine.toml`, so that
/// `instance = "../instances/demo"` finds the demo; read with [`crate::sweep::file::load`].
/// When it loads, its scenarios are expanded and the first and last are applied to the
/// instance, as `sweep` does before it solves.
pub fn scenario_toml(data: &[u8]) -> Result<Outcome, Broken> {
    static FOLDER: OnceLock<Result<PathBuf, String>> = OnceLock::new();
    let folder = FOLDER.get_or_init(|| {
        let mine = crate::rules::builtin_text("handleiding-2024")
            .unwrap_or_default()
            .replacen("name = \"handleiding-2024\"", "name = \"mine\"", 1);
        let at = |under: &str, files: &[(&str, &[u8])]| {
            files
                .iter()
                .map(|(name, bytes)| (format!("{under}/{name}"), bytes.to_vec()))
                .collect::<Vec<_>>()
        };
        let mut files = at("instances/demo", DEMO);
        files.extend(at("instances/mini", MINI));
        files.push(("scenarios/mine.toml".into(), mine.into_bytes()));
        let files: Vec<(&str, &[u8])> = files
            .iter()
            .map(|(n, b)| (n.as_str(), b.as_slice()))
            .collect();
        shared_folder(&files).map_err(|e| e.to_string())
    });
    let folder = folder
        .as_ref()
        .map_err(|e| Broken::Setup(std::io::Error::other(e.clone())))?;
    let path = folder.join(format!(
        "scenarios/fuzz-{}-{}.toml",
        std::process::id(),
        next()
    ));
    std::fs::write(&path, data)?;
    let loaded = crate::sweep::file::load(&path);
    let _ = std::fs::remove_file(&path);
    let outcome = judge(&loaded)?;
    if let Ok(l) = loaded {
        let l = l.value;
        let scenarios = crate::sweep::expand::scenarios(&l.spec);
        let temporary = crate::rules::builtins()
            .into_iter()
            .find(|r| r.name == "addendum-2025")
            .unwrap_or_else(|| l.rules.clone());
        for s in scenarios.first().into_iter().chain(scenarios.last()) {
            crate::sweep::vary::apply(
                &l.instance,
                &l.rules,
                &l.spec.rule_sets,
                &temporary,
                &s.change,
                s.seed.unwrap_or(0),
            );
        }
    }
    Ok(outcome)
}

/// The byte that separates the files of the `schedule_folder` target's input. It never
/// occurs in UTF-8 text, so every text file can still be expressed.
pub const SCHEDULE_SEPARATOR: u8 = 0xFF;

/// A schedule folder for the demo instance (`nt2plan check instances/demo FOLDER`). The input
/// is split at [`SCHEDULE_SEPARATOR`] into `timetable.csv`, `placements.csv`,
/// `mentoring.csv` and `observations.csv` (see [`DEMO_SCHEDULE`]); a file without a part is
/// absent, and parts after the fourth are ignored. Read with `load_schedule`, then checked.
pub fn schedule_folder(data: &[u8]) -> Result<Outcome, Broken> {
    let demo = demo()?;
    let scratch = Scratch::new()?;
    let parts = data.split(|&b| b == SCHEDULE_SEPARATOR);
    for ((name, _), bytes) in DEMO_SCHEDULE.iter().zip(parts) {
        scratch.write(name, bytes)?;
    }
    let (instance, rules) = (&demo.loaded.instance, &demo.loaded.rules);
    let loaded = load_schedule(scratch.path(), instance, rules);
    let mut outcome = judge(&loaded)?;
    if let Ok(schedule) = loaded {
        outcome.findings = check(instance, rules, &schedule.value)?;
    }
    Ok(outcome)
}

/// The input of [`schedule_folder`] made of these files (in the order of [`DEMO_SCHEDULE`]).
pub fn schedule_input(files: &[&[u8]]) -> Vec<u8> {
    files.join(&SCHEDULE_SEPARATOR)
}

/// The demo, read once per process: its files, the instance, and its hand-made schedule.
struct Demo {
    files: InstanceFiles,
    loaded: LoadedInstance,
    schedule: Schedule,
}

fn demo() -> Result<&'static Demo, Broken> {
    static DEMO_ONCE: OnceLock<Result<Demo, String>> = OnceLock::new();
    let demo = DEMO_ONCE.get_or_init(|| {
        let scratch = Scratch::new().map_err(|e| e.to_string())?;
        scratch
            .write_all("instance", DEMO)
            .map_err(|e| e.to_string())?;
        scratch
            .write_all("schedule", DEMO_SCHEDULE)
            .map_err(|e| e.to_string())?;
        let mut diags = Diagnostics::default();
        let files = InstanceFiles::read(&scratch.path().join("instance"), None, &mut diags);
        let loaded = validate_instance(&files, diags)
            .map_err(|d| format!("{d:?}"))?
            .value;
        let schedule = load_schedule(
            &scratch.path().join("schedule"),
            &loaded.instance,
            &loaded.rules,
        )
        .map_err(|d| format!("{d:?}"))?
        .value;
        Ok(Demo {
            files,
            loaded,
            schedule,
        })
    });
    demo.as_ref().map_err(|e| {
        Broken::Setup(std::io::Error::other(format!(
            "the demo instance and schedule do not load: {e}"
        )))
    })
}

/// Exam results (`nt2plan indicators FILE`), read with
/// [`input::exams::load_bytes`]; accepted results go through
/// [`crate::indicators::pass_rates`].
pub fn exams_csv(data: &[u8]) -> Result<Outcome, Broken> {
    let loaded = input::exams::load_bytes("exams.csv", data);
    let outcome = judge(&loaded)?;
    if let Ok(l) = &loaded {
        crate::indicators::pass_rates(&l.value);
    }
    Ok(outcome)
}

/// A part file of a sharded sweep (`nt2plan sweep merge PART`), written into a temporary
/// folder as `part-001-of-001.json` and read with [`crate::sweep::shard::merge`]; when the part
/// is accepted, every file `sweep merge` writes is rendered in memory (results, summary,
/// charts), as the command does before it writes them.
pub fn sweep_part_json(data: &[u8]) -> Result<Outcome, Broken> {
    let scratch = Scratch::new()?;
    let path = scratch.write("part-001-of-001.json", data)?;
    let merged = crate::sweep::shard::merge(&[path]).map(|results| crate::diag::Loaded {
        value: results,
        warnings: Diagnostics::default(),
    });
    let outcome = judge(&merged)?;
    if let Ok(l) = merged {
        // A typed error is an answer too; only a panic is a finding.
        let _ = crate::report::sweep_files::files(&l.value);
    }
    Ok(outcome)
}
