//! Bigger than one machine: `--shard K/N` solves the jobs `i` with `i mod N = K - 1` and
//! writes them as a part file; `sweep merge` joins the parts into the results one machine
//! would have written. Round-robin slices spread cheap and costly levels evenly.
//!
//! A shard records each finished job as it goes ([`records`]), so that a task killed by its
//! batch system loses at most the jobs it was solving, and a rerun solves only the rest.
//! Every part and record carries the sweep's [`Fingerprint`]: [`merge`] joins only pieces of
//! one sweep, and a rerun reuses only records of the same one.

mod merge;
pub mod records;

use super::SweepInfo;
use super::breaking::BreakingPoint;
use super::fingerprint::Fingerprint;
use super::row::{Row, Timing};
use super::run::JobOutput;
use crate::diag::{Diagnostic, ErrorCode};
use serde::{Deserialize, Serialize};
use std::path::Path;

pub use merge::{merge, part_files};

/// Version of part and record files. 2: with the sweep's fingerprint.
pub const PART_FORMAT_VERSION: u32 = 2;

/// The K-th of N slices, K from 1.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Shard {
    pub k: usize,
    pub n: usize,
}

impl std::str::FromStr for Shard {
    type Err = String;

    fn from_str(s: &str) -> Result<Shard, String> {
        let bad = || format!("\"{s}\" is not K/N with 1 <= K <= N, e.g. 3/10");
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let (k, n) = (
            k.trim().parse::<usize>().map_err(|_| bad())?,
            n.trim().parse::<usize>().map_err(|_| bad())?,
        );
        if k == 0 || k > n || n > 100_000 {
            return Err(bad());
        }
        Ok(Shard { k, n })
    }
}

impl Shard {
    /// Whether job `index` belongs to this slice.
    pub fn has(self, index: usize) -> bool {
        index % self.n == self.k - 1
    }

    /// The part's file name: `part-003-of-010.json`, sorting in shard order.
    pub fn file_name(self) -> String {
        format!("{}.json", self.stem())
    }

    /// The folder of the shard's records while it runs: `part-003-of-010.records`.
    pub fn records_name(self) -> String {
        format!("{}.records", self.stem())
    }

    fn stem(self) -> String {
        let w = self.n.to_string().len().max(3);
        format!("part-{:0w$}-of-{:0w$}", self.k, self.n)
    }

    /// How many of `jobs` jobs this slice holds.
    pub fn job_count(self, jobs: usize) -> usize {
        (0..jobs).filter(|&i| self.has(i)).count()
    }
}

/// One shard's work: what the sweep is, and the outputs of its jobs by job index.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Part {
    /// Always `nt2plan-sweep-part`.
    pub kind: String,
    pub format_version: u32,
    pub fingerprint: Fingerprint,
    pub sweep: SweepInfo,
    pub shard: Shard,
    pub jobs: Vec<PartJob>,
}

/// One job's output in a part.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PartJob {
    pub job: usize,
    pub rows: Vec<Row>,
    pub timings: Vec<Timing>,
    pub breaking: Option<BreakingPoint>,
    /// The Dutch reasons, which the JSON of rows and breaking points leaves out (the results
    /// files stay English). A piece without them (none had a reason) reads back as such.
    #[serde(default, skip_serializing_if = "ReasonsNl::is_empty")]
    pub reasons_nl: ReasonsNl,
}

/// The Dutch reasons of one job: one per row, in the rows' order, and the breaking point's.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ReasonsNl {
    pub rows: Vec<String>,
    pub breaking: String,
}

impl ReasonsNl {
    fn is_empty(&self) -> bool {
        self.rows.iter().all(String::is_empty) && self.breaking.is_empty()
    }
}

const KIND: &str = "nt2plan-sweep-part";

impl PartJob {
    pub fn new(job: usize, o: JobOutput) -> PartJob {
        let reasons_nl = ReasonsNl {
            rows: o.rows.iter().map(|r| r.reason_nl.clone()).collect(),
            breaking: o
                .breaking
                .as_ref()
                .map_or_else(String::new, |b| b.reason_nl.clone()),
        };
        PartJob {
            job,
            rows: o.rows,
            timings: o.timings,
            breaking: o.breaking,
            reasons_nl,
        }
    }

    pub fn output(self) -> (usize, JobOutput) {
        let mut rows = self.rows;
        for (row, nl) in rows.iter_mut().zip(self.reasons_nl.rows) {
            row.reason_nl = nl;
        }
        let mut breaking = self.breaking;
        if let Some(b) = &mut breaking {
            b.reason_nl = self.reasons_nl.breaking;
        }
        (
            self.job,
            JobOutput {
                rows,
                timings: self.timings,
                breaking,
            },
        )
    }
}

impl Part {
    /// The part of `shard` from its jobs, in job order whatever order they came in.
    pub fn new(
        fingerprint: Fingerprint,
        sweep: SweepInfo,
        shard: Shard,
        mut jobs: Vec<PartJob>,
    ) -> Part {
        jobs.sort_by_key(|j| j.job);
        Part {
            kind: KIND.into(),
            format_version: PART_FORMAT_VERSION,
            fingerprint,
            sweep,
            shard,
            jobs,
        }
    }

    /// The part file's text: what `--shard` writes and a rerun compares against.
    pub fn to_text(&self) -> Result<String, serde_json::Error> {
        Ok(serde_json::to_string_pretty(self)? + "\n")
    }
}

/// The first fields of a part or record file, read before the rest so that a file of
/// another kind or version is named as such and not by a missing field.
#[derive(Deserialize)]
struct Header {
    kind: String,
    format_version: u32,
}

/// Reads a part or record file (`kind`) of this version, with coded errors.
fn read_piece<T: serde::de::DeserializeOwned>(f: &Path, kind: &str) -> Result<T, Diagnostic> {
    let file = f.display().to_string();
    let fix = "give the part-K-of-N.json files (or their folders) written by `nt2plan sweep --shard K/N` of this version";
    let fix_nl = "geef de bestanden part-K-of-N.json (of hun mappen) die `nt2plan sweep --shard K/N` van deze versie schreef";
    let text = std::fs::read_to_string(f).map_err(|e| {
        let code = if e.kind() == std::io::ErrorKind::NotFound {
            ErrorCode::FileMissing
        } else {
            ErrorCode::BadPart
        };
        Diagnostic::error(code, &file, format!("cannot read the part: {e}"))
            .fix(fix)
            .nl(format!(
                "het deel is niet te lezen: {}",
                crate::diag::io_error_nl(&e)
            ))
            .fix_nl(fix_nl)
    })?;
    let syntax = |e: serde_json::Error| {
        Diagnostic::error(ErrorCode::BadPart, &file, format!("not a sweep part: {e}"))
            // serde_json counts an error before a line's first character as column 0 (an
            // empty file is "line 1 column 0"); positions here count from 1.
            .at(e.line().max(1) as u64, Some(e.column().max(1) as u64))
            .fix(fix)
            .nl(format!("dit is geen deel van een sweep: {e}"))
            .fix_nl(fix_nl)
    };
    let header: Header = serde_json::from_str(&text).map_err(syntax)?;
    if header.kind != kind || header.format_version != PART_FORMAT_VERSION {
        return Err(Diagnostic::error(
            ErrorCode::BadPart,
            &file,
            format!(
                "a {} of format version {}, not a {kind} of version {PART_FORMAT_VERSION}",
                header.kind, header.format_version
            ),
        )
        .fix(fix)
        .nl(format!(
            "een {} van formaatversie {}, geen {kind} van versie {PART_FORMAT_VERSION}",
            header.kind, header.format_version
        ))
        .fix_nl(fix_nl));
    }
    serde_json::from_str(&text).map_err(syntax)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_parse_and_slice_round_robin() {
        let s: Shard = "2/3".parse().expect("valid");
        assert_eq!(s, Shard { k: 2, n: 3 });
        let mine: Vec<usize> = (0..8).filter(|&i| s.has(i)).collect();
        assert_eq!(mine, vec![1, 4, 7]);
        for bad in ["0/3", "4/3", "3", "a/b", "1/0"] {
            assert!(bad.parse::<Shard>().is_err(), "{bad} must be refused");
        }
        assert_eq!(s.file_name(), "part-002-of-003.json");
    }

    #[test]
    fn every_job_is_in_exactly_one_shard() {
        for n in 1..6 {
            for job in 0..20 {
                let owners = (1..=n).filter(|&k| Shard { k, n }.has(job)).count();
                assert_eq!(owners, 1, "job {job} with {n} shards");
            }
        }
    }
}

#[cfg(test)]
mod journal_tests;
