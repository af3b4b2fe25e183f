//! Records, resuming and merging without solving: jobs with made-up rows.

use super::records::Journal;
use super::{Part, PartJob, Shard, read_piece};
use crate::sweep::SweepInfo;
use crate::sweep::fingerprint::Fingerprint;
use crate::sweep::run::JobOutput;
use std::path::Path;

fn info(jobs: usize) -> SweepInfo {
    SweepInfo {
        title: "t".into(),
        scenario_file: "s.toml".into(),
        school: "school".into(),
        instance: "demo".into(),
        solver: "highs".into(),
        time_limit: None,
        gap: 0.0001,
        seeds: vec![1],
        axes: Vec::new(),
        scenarios: jobs,
        jobs,
        highest: false,
        breaking_point: None,
    }
}

fn print(version: &str) -> Fingerprint {
    serde_json::from_value(serde_json::json!({
        "sha256": format!("all-{version}"), "scenarios": "s", "instance": "i",
        "rules": "r", "solver": "o", "version": version,
    }))
    .expect("a fingerprint")
}

/// A job whose row carries a gap that only round-trips when floats are parsed exactly.
fn output(job: usize) -> JobOutput {
    let row = serde_json::from_value(serde_json::json!({
        "scenario": format!("s{job:03}"), "index": job, "labels": [], "seed": null,
        "rules": "addendum-2025", "min_certified_share": 60.0, "status": "feasible",
        "reason": "", "certified_share": 66.66, "highest_certified_share": null,
        "lessons": 90, "certified_lessons": 60, "students": 10, "students_placed": 10,
        "students_not_placed": 0, "students_above_standard": 0, "exception2_cells": [],
        "groups": 2, "groups_opened": 2, "teachers": 3, "certified_teachers": 2,
        "teachers_removed": [], "non_certified_teachers_used": 1, "mentors_used": 1,
        "external_mentors_used": 0, "objective": 40775.1234,
        "gap": 9.289687285901739e-6 + job as f64 * 1.1e-7,
    }))
    .expect("a row");
    JobOutput {
        rows: vec![row],
        timings: Vec::new(),
        breaking: None,
    }
}

fn text(d: &crate::diag::Diagnostics) -> String {
    d.iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join("\n")
}

fn names(dir: &Path) -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(dir)
        .map(|d| {
            d.filter_map(|e| e.ok())
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

#[test]
fn a_part_read_back_writes_the_same_bytes_to_the_last_digit_of_its_gaps() {
    let dir = tempfile::tempdir().expect("temp dir");
    let jobs = (0..3).map(|j| PartJob::new(j, output(j))).collect();
    let part = Part::new(print("1"), info(3), Shard { k: 1, n: 1 }, jobs);
    let text = part.to_text().expect("json");
    assert!(text.contains("9.289687285901739e-6"), "{text}");
    let path = dir.path().join(part.shard.file_name());
    std::fs::write(&path, &text).expect("write");
    let back: Part = read_piece(&path, super::KIND).expect("reads back");
    assert_eq!(back.to_text().expect("json"), text);
    let merged = super::merge(&[path]).expect("merges");
    let direct = crate::sweep::Results::assemble(info(3), (0..3).map(|j| (j, output(j))).collect());
    assert_eq!(
        serde_json::to_string(&merged).expect("json"),
        serde_json::to_string(&direct).expect("json")
    );
}

#[test]
fn a_rerun_resumes_the_records_of_its_sweep_and_removes_those_of_another() {
    let dir = tempfile::tempdir().expect("temp dir");
    let shard = Shard { k: 2, n: 2 };
    let journal = Journal::new(dir.path(), print("1"), info(6), shard);
    for job in [1, 3] {
        journal.record(job, &output(job)).expect("recorded");
    }
    let records = dir.path().join(shard.records_name());
    assert_eq!(names(&records), ["job-000001.json", "job-000003.json"]);
    let again = journal.resume();
    assert_eq!(again.done.keys().copied().collect::<Vec<_>>(), [1, 3]);
    assert_eq!(again.discarded, 0);

    // The same shard of an edited sweep starts over.
    let other = Journal::new(dir.path(), print("2"), info(6), shard);
    let fresh = other.resume();
    assert!(fresh.done.is_empty());
    assert_eq!(fresh.discarded, 2);
    assert!(names(&records).is_empty());
}

#[test]
fn merge_joins_records_without_their_part_and_names_a_shard_that_did_not_finish() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (one, two) = (Shard { k: 1, n: 2 }, Shard { k: 2, n: 2 });
    let first = Journal::new(dir.path(), print("1"), info(4), one);
    first
        .finish(vec![PartJob::new(0, output(0)), PartJob::new(2, output(2))])
        .expect("part written");
    let second = Journal::new(dir.path(), print("1"), info(4), two);
    second.record(1, &output(1)).expect("recorded");
    let paths = [dir.path().to_path_buf()];
    let err = super::merge(&paths).expect_err("job 3 is missing");
    let text = text(&err);
    assert!(
        text.contains("E608") && text.contains("2/2 did not finish: 1 of its 2"),
        "{text}"
    );
    second.record(3, &output(3)).expect("recorded");
    let merged = super::merge(&paths).expect("every job recorded");
    let direct = crate::sweep::Results::assemble(info(4), (0..4).map(|j| (j, output(j))).collect());
    assert_eq!(merged, direct);
    assert_eq!(
        names(dir.path()),
        ["part-001-of-002.json", "part-002-of-002.records"]
    );
}

#[test]
fn merge_names_what_differs_between_the_fingerprints_of_two_parts() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (k, version, job) in [(1, "0.1.0", 0), (2, "0.2.0", 1)] {
        Journal::new(dir.path(), print(version), info(2), Shard { k, n: 2 })
            .finish(vec![PartJob::new(job, output(job))])
            .expect("part written");
    }
    let err = super::merge(&[dir.path().to_path_buf()]).expect_err("two versions");
    let text = text(&err);
    assert!(
        text.contains("E607") && text.contains("nt2plan's version (0.2.0 and 0.1.0)"),
        "{text}"
    );
}

fn dutch(d: &crate::diag::Diagnostics) -> String {
    d.iter()
        .map(|d| crate::report::diag_text::render(d, crate::report::Lang::Nl))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn merge_tells_in_dutch_which_shard_did_not_finish_with_its_counts() {
    let dir = tempfile::tempdir().expect("temp dir");
    let first = Journal::new(dir.path(), print("1"), info(4), Shard { k: 1, n: 2 });
    first
        .finish(vec![PartJob::new(0, output(0)), PartJob::new(2, output(2))])
        .expect("part written");
    let second = Journal::new(dir.path(), print("1"), info(4), Shard { k: 2, n: 2 });
    second.record(1, &output(1)).expect("recorded");
    let err = super::merge(&[dir.path().to_path_buf()]).expect_err("job 3 is missing");
    let text = dutch(&err);
    assert!(
        text.contains(
            "fout[E608]: shard 2/2 is niet afgemaakt: van 1 van zijn 2 taken is een verslag"
        ),
        "{text}"
    );
    assert!(
        text.contains("--shard 2/2` opnieuw met dezelfde -o"),
        "{text}"
    );
    assert!(
        !text.contains("did not finish") && !text.contains("--lang en"),
        "{text}"
    );
}

#[test]
fn merge_names_in_dutch_what_differs_between_two_parts() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (k, version, job) in [(1, "0.1.0", 0), (2, "0.2.0", 1)] {
        Journal::new(dir.path(), print(version), info(2), Shard { k, n: 2 })
            .finish(vec![PartJob::new(job, output(job))])
            .expect("part written");
    }
    let err = super::merge(&[dir.path().to_path_buf()]).expect_err("two versions");
    let text = dutch(&err);
    assert!(
        text.contains("fout[E607]: dit deel hoort bij een andere sweep dan")
            && text.contains("de versie van nt2plan (0.2.0 en 0.1.0) verschillen"),
        "{text}"
    );
    assert!(
        !text.contains("another sweep") && !text.contains("nt2plan's version"),
        "{text}"
    );
}

/// Job `job` as an infeasible row with its reason in both languages, and a breaking point.
fn infeasible(job: usize) -> JobOutput {
    let mut out = output(job);
    let row = &mut out.rows[0];
    row.status = crate::outcome::Verdict::Infeasible;
    row.reason = format!("[1.7.1a] short at {job}");
    row.reason_nl = format!("[1.7.1a] tekort bij {job}");
    out.breaking = Some(crate::sweep::breaking::BreakingPoint {
        labels: vec![String::new()],
        seed: None,
        level: Some("99".into()),
        holds_until: None,
        scenario: Some(row.scenario.clone()),
        reason: row.reason.clone(),
        reason_nl: row.reason_nl.clone(),
        solves: 1,
    });
    out
}

#[test]
fn dutch_reasons_go_through_parts_and_records_but_stay_out_of_the_results_files() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (one, two) = (Shard { k: 1, n: 2 }, Shard { k: 2, n: 2 });
    Journal::new(dir.path(), print("1"), info(2), one)
        .finish(vec![PartJob::new(0, infeasible(0))])
        .expect("part written");
    // The second shard did not finish its part: its record is merged.
    Journal::new(dir.path(), print("1"), info(2), two)
        .record(1, &infeasible(1))
        .expect("recorded");
    let merged = super::merge(&[dir.path().to_path_buf()]).expect("merges");
    let direct =
        crate::sweep::Results::assemble(info(2), (0..2).map(|j| (j, infeasible(j))).collect());
    assert_eq!(merged, direct);
    assert_eq!(merged.rows[1].reason_nl, "[1.7.1a] tekort bij 1");
    assert_eq!(merged.breaking_points[0].reason_nl, "[1.7.1a] tekort bij 0");
    let files = crate::report::sweep_files::files(&merged).expect("files");
    let file = |name: &str| {
        files
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, text)| text.clone())
            .expect(name)
    };
    let json = file("results.json");
    assert!(
        json.contains("\"reason\": \"[1.7.1a] short at 1\""),
        "{json}"
    );
    assert!(
        !json.contains("reason_nl") && !json.contains("tekort"),
        "{json}"
    );
    let csv = file("results.csv");
    assert!(
        csv.contains("[1.7.1a] short at 1") && !csv.contains("tekort"),
        "{csv}"
    );
    // summary.md is Dutch: it gives the Dutch reason.
    assert!(file("summary.md").contains("[1.7.1a] tekort bij 1"));
}

#[test]
fn a_part_without_dutch_reasons_reads_back_with_them_empty() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut out = infeasible(0);
    out.rows[0].reason_nl.clear();
    out.breaking = None;
    let part = Part::new(
        print("1"),
        info(1),
        Shard { k: 1, n: 1 },
        vec![PartJob::new(0, out)],
    );
    let text = part.to_text().expect("json");
    assert!(!text.contains("reasons_nl"), "{text}");
    let path = dir.path().join(part.shard.file_name());
    std::fs::write(&path, &text).expect("write");
    let merged = super::merge(&[path]).expect("merges");
    assert_eq!(merged.rows[0].reason, "[1.7.1a] short at 0");
    assert!(merged.rows[0].reason_nl.is_empty());
}
