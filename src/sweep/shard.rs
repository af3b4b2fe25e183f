//! Bigger than one machine: `--shard K/N` solves the jobs `i` with `i mod N = K - 1` and
//! writes them as a part file; `sweep merge` joins the parts into the results one machine
//! would have written. Round-robin slices spread cheap and costly levels evenly.

use super::breaking::BreakingPoint;
use super::row::{Row, Timing};
use super::run::JobOutput;
use super::{RESULTS_FORMAT_VERSION, Results, SweepInfo};
use crate::diag::{Diagnostic, Diagnostics, ErrorCode};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

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
        let w = self.n.to_string().len().max(3);
        format!("part-{:0w$}-of-{:0w$}.json", self.k, self.n)
    }
}

/// One shard's work: what the sweep is, and the outputs of its jobs by job index.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Part {
    /// Always `nt2plan-sweep-part`.
    pub kind: String,
    pub format_version: u32,
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
}

const KIND: &str = "nt2plan-sweep-part";

impl Part {
    pub fn new(sweep: SweepInfo, shard: Shard, outputs: Vec<(usize, JobOutput)>) -> Part {
        Part {
            kind: KIND.into(),
            format_version: RESULTS_FORMAT_VERSION,
            sweep,
            shard,
            jobs: outputs
                .into_iter()
                .map(|(job, o)| PartJob {
                    job,
                    rows: o.rows,
                    timings: o.timings,
                    breaking: o.breaking,
                })
                .collect(),
        }
    }
}

/// The part files among `paths`: files as given, folders by their `part-*.json` files.
pub fn part_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Diagnostics> {
    let mut out = Vec::new();
    let mut diags = Diagnostics::default();
    for p in paths {
        if p.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(p)
                .map(|entries| {
                    entries
                        .filter_map(|e| e.ok().map(|e| e.path()))
                        .filter(|f| {
                            f.file_name().is_some_and(|n| {
                                let n = n.to_string_lossy();
                                n.starts_with("part-") && n.ends_with(".json")
                            })
                        })
                        .collect()
                })
                .unwrap_or_default();
            if found.is_empty() {
                diags.push(
                    Diagnostic::error(ErrorCode::BadPart, p.display().to_string(), "the folder holds no part-*.json file")
                        .fix("give the part files, or the folders that `nt2plan sweep --shard K/N -o DIR` wrote them to"),
                );
            }
            found.sort();
            out.extend(found);
        } else {
            out.push(p.clone());
        }
    }
    if diags.is_empty() {
        Ok(out)
    } else {
        Err(diags)
    }
}

/// Reads the part files and joins them, checking that they are the complete set of shards
/// of one sweep. Every problem is reported at once.
pub fn merge(paths: &[PathBuf]) -> Result<Results, Diagnostics> {
    let files = part_files(paths)?;
    let mut diags = Diagnostics::default();
    let mut parts: Vec<(PathBuf, Part)> = Vec::new();
    for f in &files {
        match read_part(f) {
            Ok(p) => parts.push((f.clone(), p)),
            Err(d) => diags.push(d),
        }
    }
    let Some((first_file, first)) = parts.first() else {
        if diags.is_empty() {
            diags.push(
                Diagnostic::error(ErrorCode::PartsIncomplete, "-", "no part files were given")
                    .fix("give every part file of the sweep"),
            );
        }
        return Err(diags);
    };
    let mut seen: BTreeMap<usize, &Path> = BTreeMap::new();
    for (f, p) in &parts {
        let file = f.display().to_string();
        if p.sweep != first.sweep || p.shard.n != first.shard.n {
            diags.push(
                Diagnostic::error(ErrorCode::PartsMismatch, &file, format!("this part is not of the same sweep as {} (scenario file, instance, settings or shard count differ)", first_file.display()))
                    .fix("merge only the parts of one run of one scenario file, all with the same N in --shard K/N"),
            );
            continue;
        }
        if let Some(other) = seen.insert(p.shard.k, f) {
            diags.push(
                Diagnostic::error(
                    ErrorCode::PartsIncomplete,
                    &file,
                    format!(
                        "shard {}/{} is given twice (also {})",
                        p.shard.k,
                        p.shard.n,
                        other.display()
                    ),
                )
                .fix("give each part once"),
            );
        }
    }
    let missing: Vec<String> = (1..=first.shard.n)
        .filter(|k| !seen.contains_key(k))
        .map(|k| format!("{k}/{}", first.shard.n))
        .collect();
    if !missing.is_empty() && diags.is_empty() {
        diags.push(
            Diagnostic::error(
                ErrorCode::PartsIncomplete,
                first_file.display().to_string(),
                format!("shard(s) {} are missing", missing.join(", ")),
            )
            .fix("run the missing shards, or give their part files too"),
        );
    }
    if !diags.is_empty() {
        return Err(diags.sorted());
    }
    let sweep = first.sweep.clone();
    let outputs = parts
        .into_iter()
        .flat_map(|(_, p)| p.jobs)
        .map(|j| {
            (
                j.job,
                JobOutput {
                    rows: j.rows,
                    timings: j.timings,
                    breaking: j.breaking,
                },
            )
        })
        .collect();
    Ok(Results::assemble(sweep, outputs))
}

fn read_part(f: &Path) -> Result<Part, Diagnostic> {
    let file = f.display().to_string();
    let fix = "give a part-K-of-N.json file written by `nt2plan sweep --shard K/N` of this version";
    let text = std::fs::read_to_string(f).map_err(|e| {
        let code = if e.kind() == std::io::ErrorKind::NotFound {
            ErrorCode::FileMissing
        } else {
            ErrorCode::BadPart
        };
        Diagnostic::error(code, &file, format!("cannot read the part: {e}")).fix(fix)
    })?;
    let part: Part = serde_json::from_str(&text).map_err(|e| {
        Diagnostic::error(ErrorCode::BadPart, &file, format!("not a sweep part: {e}"))
            // serde_json counts an error before a line's first character as column 0 (an
            // empty file is "line 1 column 0"); positions here count from 1.
            .at(e.line().max(1) as u64, Some(e.column().max(1) as u64))
            .fix(fix)
    })?;
    if part.kind != KIND || part.format_version != RESULTS_FORMAT_VERSION {
        return Err(Diagnostic::error(
            ErrorCode::BadPart,
            &file,
            format!(
                "a {} of format version {}, not a sweep part of version {RESULTS_FORMAT_VERSION}",
                part.kind, part.format_version
            ),
        )
        .fix(fix));
    }
    if part.shard.k == 0 || part.shard.k > part.shard.n {
        return Err(Diagnostic::error(
            ErrorCode::BadPart,
            &file,
            format!("shard {}/{} is not a slice", part.shard.k, part.shard.n),
        )
        .fix(fix));
    }
    Ok(part)
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
