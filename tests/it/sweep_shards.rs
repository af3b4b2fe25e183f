//! Sharded sweeps (issue 18): merged parts whose rows carry gaps equal one run byte for byte,
//! a shard that was stopped resumes and solves only what is missing, and parts of a sweep
//! edited under the same name are refused with E607.

use crate::support::{demo, nt2plan, stderr, stdout, tree};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Fast on the demo: a gap of 5% stops microlp early, so that the rows carry gaps with all
/// their digits (e.g. 0.0006674082313681868).
const GAPS: &str = r#"gap = 0.05
seeds = [1]
[[axis]]
name = "weg"
vary = "remove_certified_count"
levels = [0, 1, 2, 3]
"#;

fn scenario_file(dir: &Path, body: &str) -> PathBuf {
    std::fs::create_dir_all(dir).expect("mkdir");
    let path = dir.join("scenarios.toml");
    let text = format!(
        "instance = \"{}\"\n{body}",
        demo().display().to_string().replace('\\', "/")
    );
    std::fs::write(&path, text).expect("write the scenario file");
    path
}

/// Every file of a results folder except the timings (wall clock).
fn files(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = tree(dir);
    files.remove("timings.csv");
    files
}

fn ok(args: &[&str]) -> std::process::Output {
    let o = nt2plan(args);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    o
}

fn path(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 path")
}

fn shard(file: &Path, k: usize, n: usize, out: &Path) -> std::process::Output {
    ok(&[
        "sweep",
        path(file),
        "--solver",
        "microlp",
        "--jobs",
        "1",
        "--shard",
        &format!("{k}/{n}"),
        "-o",
        path(out),
    ])
}

#[test]
fn a_merged_sharded_sweep_whose_rows_carry_gaps_is_byte_identical_to_one_run() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = scenario_file(dir.path(), GAPS);
    let whole = dir.path().join("whole");
    ok(&[
        "sweep",
        path(&file),
        "-o",
        path(&whole),
        "--solver",
        "microlp",
    ]);
    let results: serde_json::Value =
        serde_json::from_slice(&files(&whole)["results.json"]).expect("results.json is JSON");
    let gaps: Vec<f64> = results["rows"]
        .as_array()
        .expect("rows")
        .iter()
        .filter_map(|r| r["gap"].as_f64())
        .collect();
    assert!(
        gaps.iter()
            .any(|g| *g > 0.0 && format!("{g}").trim_start_matches("0.").len() > 12),
        "the rows must carry gaps with many digits: {gaps:?}"
    );
    let parts = dir.path().join("parts");
    for k in 1..=3 {
        shard(&file, k, 3, &parts);
    }
    let merged = dir.path().join("merged");
    ok(&["sweep", "merge", path(&parts), "-o", path(&merged)]);
    assert_eq!(files(&whole), files(&merged));
}

#[test]
fn a_stopped_shard_rerun_solves_only_the_missing_jobs_and_merges_byte_identical() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = scenario_file(dir.path(), GAPS);
    let (done, stopped) = (dir.path().join("done"), dir.path().join("stopped"));
    for k in 1..=2 {
        shard(&file, k, 2, &done);
    }
    // Shard 2 as a killed task leaves it: the records of the jobs it finished (here all but
    // the last), no part file.
    let text = std::fs::read_to_string(done.join("part-002-of-002.json")).expect("part");
    let part: nt2plan::sweep::shard::Part = serde_json::from_str(&text).expect("a part");
    let journal = nt2plan::sweep::shard::records::Journal::new(
        &stopped,
        part.fingerprint.clone(),
        part.sweep.clone(),
        part.shard,
    );
    let (last, finished) = part.jobs.split_last().expect("jobs");
    for j in finished {
        let (job, output) = j.clone().output();
        journal.record(job, &output).expect("recorded");
    }
    std::fs::copy(
        done.join("part-001-of-002.json"),
        stopped.join("part-001-of-002.json"),
    )
    .expect("copy");

    // The records alone do not merge: the shard did not finish.
    let o = nt2plan([
        "sweep",
        "merge",
        path(&stopped),
        "-o",
        path(&dir.path().join("x")),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("error[E608]") && stderr(&o).contains("2/2 did not finish"),
        "{}",
        stderr(&o)
    );

    let rerun = shard(&file, 2, 2, &stopped);
    let log = stderr(&rerun);
    assert!(
        log.contains(&format!(
            "{} job(s) done earlier, 1 to solve",
            finished.len()
        )) && log.contains("1 solve(s)"),
        "only job {} is solved again: {log}",
        last.job
    );
    assert!(
        !stopped.join("part-002-of-002.records").exists(),
        "the part replaces the records"
    );
    let (a, b) = (dir.path().join("a"), dir.path().join("b"));
    ok(&["sweep", "merge", path(&done), "-o", path(&a)]);
    ok(&["sweep", "merge", path(&stopped), "-o", path(&b)]);
    assert_eq!(files(&a), files(&b));

    // A finished shard run again solves nothing.
    let again = stderr(&shard(&file, 2, 2, &stopped));
    assert!(again.contains("0 to solve"), "{again}");
}

#[test]
fn a_part_of_the_same_scenario_file_edited_is_refused_with_e607_naming_the_scenarios() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (first, second) = (dir.path().join("first"), dir.path().join("second"));
    let parts = dir.path().join("parts");
    shard(&scenario_file(&first, GAPS), 1, 2, &parts);
    let edited = GAPS.replace("[[axis]]", "[base]\ngroups_may_close = true\n[[axis]]");
    // Same name, same title: only the setting differs.
    shard(&scenario_file(&second, &edited), 2, 2, &parts);
    let o = nt2plan([
        "sweep",
        "merge",
        path(&parts),
        "-o",
        path(&dir.path().join("x")),
    ]);
    assert_eq!(o.status.code(), Some(2));
    let err = stderr(&o);
    assert!(
        err.contains("error[E607]") && err.contains("the scenarios"),
        "{err}"
    );
    assert!(!dir.path().join("x").exists());
}
