//! Replays the fuzz corpora (`fuzz/corpus/TARGET/`) and every crash reproducer
//! (`tests/fuzz-regressions/TARGET/`) through `nt2plan::harness`, without libFuzzer: no
//! input may panic, and every answer must be a value or coded diagnostics.

use crate::support::{file_names, root};
use nt2plan::harness::{self, Outcome, TARGETS, Target};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};

/// The files of `dir` in name order (none when it does not exist).
fn files(dir: &Path) -> Vec<PathBuf> {
    file_names(dir).iter().map(|name| dir.join(name)).collect()
}

/// Runs `run` on `file`, turning a panic or a broken rule into a message naming the file.
fn replay(name: &str, run: Target, file: &Path) -> Result<Outcome, String> {
    let data = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
    match catch_unwind(AssertUnwindSafe(|| run(&data))) {
        Ok(Ok(outcome)) => Ok(outcome),
        Ok(Err(broken)) => Err(format!("{name}: {}: {broken}", file.display())),
        Err(_) => Err(format!("{name}: {}: panicked", file.display())),
    }
}

/// Replays the chosen files of every target on its own thread; all failures at once.
fn replay_all(choose: impl Fn(&str) -> Vec<PathBuf> + Sync) -> (usize, Vec<String>) {
    std::thread::scope(|s| {
        let handles: Vec<_> = TARGETS
            .iter()
            .map(|&(name, run)| {
                let chosen = choose(name);
                s.spawn(move || {
                    let failures: Vec<String> = chosen
                        .iter()
                        .filter_map(|f| replay(name, run, f).err())
                        .collect();
                    (chosen.len(), failures)
                })
            })
            .collect();
        let mut total = 0;
        let mut failures = Vec::new();
        for h in handles {
            let (n, f) = h.join().unwrap_or((0, vec!["a replay thread died".into()]));
            total += n;
            failures.extend(f);
        }
        (total, failures)
    })
}

#[test]
fn every_crash_reproducer_reads_without_a_panic_and_with_coded_errors() {
    let dir = root().join("tests/fuzz-regressions");
    let (_, failures) = replay_all(|name| files(&dir.join(name)));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn the_fuzz_corpora_read_without_a_panic_and_with_coded_errors() {
    let dir = root().join("fuzz/corpus");
    // Every file: the minimized corpora replay in a few seconds in a debug build.
    let (replayed, failures) = replay_all(|name| files(&dir.join(name)));
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(
        replayed >= TARGETS.len(),
        "corpora missing under {}",
        dir.display()
    );
}

#[test]
fn every_target_has_a_fuzz_target_and_a_seeded_corpus() {
    let manifest = std::fs::read_to_string(root().join("fuzz/Cargo.toml")).expect("fuzz crate");
    for (name, _) in TARGETS {
        let target = format!("fuzz/fuzz_targets/{name}.rs");
        assert!(root().join(&target).is_file(), "{target} is missing");
        assert!(
            manifest.contains(&format!("path = \"fuzz_targets/{name}.rs\"")),
            "fuzz/Cargo.toml lacks {name}"
        );
        let corpus = root().join("fuzz/corpus").join(name);
        assert!(!files(&corpus).is_empty(), "{} is empty", corpus.display());
    }
}

/// The harness must not turn good input into a refusal: the demo's own files are accepted.
#[test]
fn the_harness_accepts_the_demo_files() {
    let accepted = |name: &str, data: &[u8]| {
        let run = TARGETS.iter().find(|(n, _)| *n == name).expect("target").1;
        let outcome = run(data).unwrap_or_else(|b| panic!("{name}: {b}"));
        assert!(outcome.accepted, "{name}: {outcome:?}");
        outcome
    };
    for (file, data) in harness::DEMO {
        accepted(&file.replace('.', "_"), data);
    }
    let schedule: Vec<&[u8]> = harness::DEMO_SCHEDULE.iter().map(|(_, d)| *d).collect();
    accepted("schedule_folder", &harness::schedule_input(&schedule));
    for (_, text) in nt2plan::rules::BUILTIN {
        accepted("rule_set_toml", text.as_bytes());
    }
    let read = |p: &str| std::fs::read(root().join(p)).expect(p);
    accepted("exams_csv", &read("instances/demo-exams.csv"));
    accepted("scenario_toml", &read("scenarios/demo-shortage.toml"));
    accepted(
        "sweep_part_json",
        &read("fuzz/corpus/sweep_part_json/demo-shard-1-of-1"),
    );
}
