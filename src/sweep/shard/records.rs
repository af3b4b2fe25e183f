//! A shard's journal: one small file per finished job, `part-K-of-N.records/job-000017.json`,
//! each written whole under a temporary name and renamed into place, so that a task killed
//! at any moment leaves only complete records. A rerun of the shard with the same
//! fingerprint takes the recorded jobs as done and solves the rest; records of another
//! sweep are removed first. When every job is done the part file is written and the records
//! are removed: the folder holds either a finished part or the records of an unfinished one.

use super::{PART_FORMAT_VERSION, Part, PartJob, Shard, read_piece};
use crate::output::{self, OutputError};
use crate::sweep::SweepInfo;
use crate::sweep::fingerprint::Fingerprint;
use crate::sweep::run::JobOutput;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub(super) const KIND: &str = "nt2plan-sweep-record";

/// One finished job of one shard, with what it belongs to, so that `sweep merge` can join
/// records without their part file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Always `nt2plan-sweep-record`.
    pub kind: String,
    pub format_version: u32,
    pub fingerprint: Fingerprint,
    pub sweep: SweepInfo,
    pub shard: Shard,
    pub job: PartJob,
}

/// Whether a file name is a record's: `job-NNNNNN.json`.
pub fn is_record_name(name: &str) -> bool {
    name.strip_prefix("job-")
        .and_then(|n| n.strip_suffix(".json"))
        .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
}

fn record_name(job: usize) -> String {
    format!("job-{job:06}.json")
}

/// Reads a record file, with coded errors.
pub fn read(f: &Path) -> Result<Record, crate::diag::Diagnostic> {
    read_piece(f, KIND)
}

/// The record files of a records folder, in name order; none when there is no folder.
pub fn files(dir: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| {
                    f.file_name()
                        .is_some_and(|n| is_record_name(&n.to_string_lossy()))
                })
                .collect()
        })
        .unwrap_or_default();
    out.sort();
    out
}

/// What an earlier run of the shard left.
#[derive(Debug, Default)]
pub struct Resumed {
    /// Finished jobs of this sweep, by job index.
    pub done: BTreeMap<usize, PartJob>,
    /// Records (or a part file) of another sweep, or unreadable, that were removed.
    pub discarded: usize,
}

/// The journal of one shard of one sweep in an output folder.
pub struct Journal {
    fingerprint: Fingerprint,
    sweep: SweepInfo,
    shard: Shard,
    part: PathBuf,
    dir: PathBuf,
}

impl Journal {
    pub fn new(out: &Path, fingerprint: Fingerprint, sweep: SweepInfo, shard: Shard) -> Journal {
        Journal {
            part: out.join(shard.file_name()),
            dir: out.join(shard.records_name()),
            fingerprint,
            sweep,
            shard,
        }
    }

    /// The part file this shard writes when done.
    pub fn part_path(&self) -> &Path {
        &self.part
    }

    /// Whether a piece read back belongs to this very shard of this very sweep.
    fn ours(&self, fingerprint: &Fingerprint, sweep: &SweepInfo, shard: Shard) -> bool {
        *fingerprint == self.fingerprint && *sweep == self.sweep && shard == self.shard
    }

    /// The jobs an earlier run finished: all of its part file when that is of this sweep,
    /// else its records. A part file or records of another sweep are removed, so that they
    /// are never merged with this one's.
    pub fn resume(&self) -> Resumed {
        let mut resumed = Resumed::default();
        if self.part.exists() {
            match read_piece::<Part>(&self.part, super::KIND) {
                Ok(p) if self.ours(&p.fingerprint, &p.sweep, p.shard) => {
                    for j in p.jobs.into_iter().filter(|j| self.shard.has(j.job)) {
                        resumed.done.insert(j.job, j);
                    }
                }
                _ => {
                    resumed.discarded += 1;
                    let _ = std::fs::remove_file(&self.part);
                }
            }
        }
        for f in files(&self.dir) {
            match read(&f) {
                Ok(r)
                    if self.ours(&r.fingerprint, &r.sweep, r.shard)
                        && self.shard.has(r.job.job) =>
                {
                    resumed.done.entry(r.job.job).or_insert(r.job);
                }
                // Of another sweep, or damaged: solved again.
                _ => {
                    resumed.discarded += 1;
                    let _ = std::fs::remove_file(&f);
                }
            }
        }
        resumed
    }

    /// Records one finished job.
    pub fn record(&self, job: usize, output: &JobOutput) -> Result<(), OutputError> {
        let record = Record {
            kind: KIND.into(),
            format_version: PART_FORMAT_VERSION,
            fingerprint: self.fingerprint.clone(),
            sweep: self.sweep.clone(),
            shard: self.shard,
            job: PartJob::new(job, output.clone()),
        };
        let text = serde_json::to_string_pretty(&record).map_err(|e| OutputError::Io {
            path: self.dir.clone(),
            source: std::io::Error::other(e),
        })? + "\n";
        output::write_file(&self.dir.join(record_name(job)), text.as_bytes())
    }

    /// Writes the part file from every job, then removes the records, which it holds.
    pub fn finish(&self, jobs: Vec<PartJob>) -> Result<Part, OutputError> {
        let part = Part::new(
            self.fingerprint.clone(),
            self.sweep.clone(),
            self.shard,
            jobs,
        );
        let text = part.to_text().map_err(|e| OutputError::Io {
            path: self.part.clone(),
            source: std::io::Error::other(e),
        })?;
        output::write_file(&self.part, text.as_bytes())?;
        // Best effort: leftover records of a finished part are passed over by a rerun and
        // by `sweep merge`, which take the part file.
        let _ = std::fs::remove_dir_all(&self.dir);
        Ok(part)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_job_numbers_are_record_names() {
        assert!(is_record_name("job-000017.json"));
        assert!(!is_record_name("job-.json"));
        assert!(!is_record_name("job-12a.json"));
        assert!(!is_record_name(".job-000017.json.nt2plan-1-2-3"));
        assert!(!is_record_name("part-001-of-002.json"));
    }
}
