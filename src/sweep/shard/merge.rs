//! `sweep merge`: part files, and the records of shards that did not finish their part,
//! joined into the results one run would have written, once they are checked to be every
//! job of one sweep exactly once.

use super::records::{self, Record};
use super::{KIND, Part, PartJob, Shard, read_piece};
use crate::diag::{Diagnostic, Diagnostics, ErrorCode};
use crate::sweep::fingerprint::Fingerprint;
use crate::sweep::{Results, SweepInfo};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// A part file or a record, as far as merging goes.
struct Piece {
    file: PathBuf,
    fingerprint: Fingerprint,
    sweep: SweepInfo,
    shard: Shard,
    /// A finished part (all of its shard) rather than one record.
    whole: bool,
    jobs: Vec<PartJob>,
}

impl From<(PathBuf, Part)> for Piece {
    fn from((file, p): (PathBuf, Part)) -> Piece {
        Piece {
            file,
            fingerprint: p.fingerprint,
            sweep: p.sweep,
            shard: p.shard,
            whole: true,
            jobs: p.jobs,
        }
    }
}

impl From<(PathBuf, Record)> for Piece {
    fn from((file, r): (PathBuf, Record)) -> Piece {
        Piece {
            file,
            fingerprint: r.fingerprint,
            sweep: r.sweep,
            shard: r.shard,
            whole: false,
            jobs: vec![r.job],
        }
    }
}

/// The Dutch fix of a part that is not as `sweep --shard` wrote it.
const UNEDITED_NL: &str = "geef de bestanden die `nt2plan sweep --shard K/N` schreef, onveranderd";

fn name_of(f: &Path) -> String {
    f.file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned())
}

fn is_part_name(n: &str) -> bool {
    n.starts_with("part-") && n.ends_with(".json")
}

/// The part and record files among `paths`: files as given; folders by their
/// `part-*.json` files and the `job-*.json` files of their `part-*.records` folders (or
/// their own, for a records folder given itself).
pub fn part_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Diagnostics> {
    let mut out = Vec::new();
    let mut diags = Diagnostics::default();
    for p in paths {
        if !p.is_dir() {
            out.push(p.clone());
            continue;
        }
        let mut found = records::files(p);
        for entry in std::fs::read_dir(p).into_iter().flatten().flatten() {
            let (path, name) = (entry.path(), name_of(&entry.path()));
            if path.is_dir() && name.starts_with("part-") && name.ends_with(".records") {
                found.extend(records::files(&path));
            } else if path.is_file() && is_part_name(&name) {
                found.push(path);
            }
        }
        if found.is_empty() {
            diags.push(
                Diagnostic::error(ErrorCode::BadPart, p.display().to_string(), "the folder holds no part-*.json file and no records of a shard")
                    .fix("give the part files, or the folders that `nt2plan sweep --shard K/N -o DIR` wrote them to")
                    .nl("de map bevat geen bestand part-*.json en geen verslagen van een shard")
                    .fix_nl("geef de deelbestanden, of de mappen waarin `nt2plan sweep --shard K/N -o MAP` ze schreef"),
            );
        }
        found.sort();
        out.extend(found);
    }
    if diags.is_empty() {
        Ok(out)
    } else {
        Err(diags)
    }
}

fn read(f: &Path) -> Result<Piece, Diagnostic> {
    let piece = if records::is_record_name(&name_of(f)) {
        Piece::from((f.to_path_buf(), records::read(f)?))
    } else {
        Piece::from((f.to_path_buf(), read_piece::<Part>(f, KIND)?))
    };
    let s = piece.shard;
    if s.k == 0 || s.k > s.n {
        return Err(Diagnostic::error(
            ErrorCode::BadPart,
            f.display().to_string(),
            format!("shard {}/{} is not a slice", s.k, s.n),
        )
        .fix("give the files `nt2plan sweep --shard K/N` wrote, unedited")
        .nl(format!("shard {}/{} is geen deel van de sweep", s.k, s.n))
        .fix_nl(UNEDITED_NL));
    }
    if let Some(j) = piece
        .jobs
        .iter()
        .find(|j| j.job >= piece.sweep.jobs || !s.has(j.job))
    {
        return Err(Diagnostic::error(
            ErrorCode::BadPart,
            f.display().to_string(),
            format!("job {} is not one of shard {}/{}", j.job, s.k, s.n),
        )
        .fix("give the files `nt2plan sweep --shard K/N` wrote, unedited")
        .nl(format!(
            "taak {} hoort niet bij shard {}/{}",
            j.job, s.k, s.n
        ))
        .fix_nl(UNEDITED_NL));
    }
    Ok(piece)
}

/// Reads the part files and records and joins them, checking that they hold every job of
/// one sweep exactly once. Every problem is reported at once.
pub fn merge(paths: &[PathBuf]) -> Result<Results, Diagnostics> {
    let files = part_files(paths)?;
    let mut diags = Diagnostics::default();
    let mut pieces: Vec<Piece> = Vec::new();
    for f in &files {
        match read(f) {
            Ok(p) => pieces.push(p),
            Err(d) => diags.push(d),
        }
    }
    let Some(first) = pieces.first() else {
        if diags.is_empty() {
            diags.push(
                Diagnostic::error(ErrorCode::PartsIncomplete, "-", "no part files were given")
                    .fix("give every part file of the sweep")
                    .nl("er zijn geen deelbestanden opgegeven")
                    .fix_nl("geef alle deelbestanden van de sweep"),
            );
        }
        return Err(diags);
    };
    let (first_file, fingerprint, sweep, n) = (
        first.file.clone(),
        first.fingerprint.clone(),
        first.sweep.clone(),
        first.shard.n,
    );
    // By shard: its part file, else its records.
    let mut wholes: BTreeMap<usize, &Piece> = BTreeMap::new();
    let mut recorded: BTreeMap<usize, Vec<&Piece>> = BTreeMap::new();
    for p in &pieces {
        let file = p.file.display().to_string();
        let differs = p.fingerprint.differences(&fingerprint);
        if !differs.is_empty() {
            let differs_nl = p.fingerprint.differences_nl(&fingerprint);
            diags.push(
                Diagnostic::error(ErrorCode::PartsMismatch, &file, format!("this part is of another sweep than {}: {} differ", first_file.display(), differs.join(", ")))
                    .fix("merge only the parts of one run of one scenario file; rerun the shards of the sweep you want with the same files and nt2plan")
                    .nl(format!("dit deel hoort bij een andere sweep dan {}: {} verschillen", first_file.display(), differs_nl.join(", ")))
                    .fix_nl("voeg alleen de delen van één run van één scenariobestand samen; draai de shards van de sweep die je wilt opnieuw met dezelfde bestanden en dezelfde nt2plan"),
            );
            continue;
        }
        if p.sweep != sweep || p.shard.n != n {
            diags.push(
                Diagnostic::error(ErrorCode::PartsMismatch, &file, format!("this part is not of the same sweep as {} (scenario file, instance, settings or shard count differ)", first_file.display()))
                    .fix("merge only the parts of one run of one scenario file, all with the same N in --shard K/N")
                    .nl(format!("dit deel hoort niet bij dezelfde sweep als {} (het scenariobestand, de instantie, de instellingen of het aantal shards verschilt)", first_file.display()))
                    .fix_nl("voeg alleen de delen van één run van één scenariobestand samen, allemaal met dezelfde N in --shard K/N"),
            );
            continue;
        }
        if !p.whole {
            recorded.entry(p.shard.k).or_default().push(p);
        } else if let Some(other) = wholes.insert(p.shard.k, p) {
            diags.push(
                Diagnostic::error(
                    ErrorCode::PartsIncomplete,
                    &file,
                    format!(
                        "shard {}/{n} is given twice (also {})",
                        p.shard.k,
                        other.file.display()
                    ),
                )
                .fix("give each part once")
                .nl(format!(
                    "shard {}/{n} is twee keer opgegeven (ook {})",
                    p.shard.k,
                    other.file.display()
                ))
                .fix_nl("geef elk deel één keer op"),
            );
        }
    }
    let mut jobs: BTreeMap<usize, &PartJob> = BTreeMap::new();
    let mut missing = Vec::new();
    for k in 1..=n {
        let shard = Shard { k, n };
        if let Some(p) = wholes.get(&k) {
            jobs.extend(p.jobs.iter().map(|j| (j.job, j)));
            continue;
        }
        let Some(records) = recorded.get(&k) else {
            missing.push(format!("{k}/{n}"));
            continue;
        };
        let mut done: BTreeMap<usize, &Path> = BTreeMap::new();
        for r in records {
            for j in &r.jobs {
                if let Some(other) = done.insert(j.job, &r.file) {
                    diags.push(
                        Diagnostic::error(
                            ErrorCode::PartsIncomplete,
                            r.file.display().to_string(),
                            format!("job {} is given twice (also {})", j.job, other.display()),
                        )
                        .fix("give each record once")
                        .nl(format!(
                            "taak {} is twee keer opgegeven (ook {})",
                            j.job,
                            other.display()
                        ))
                        .fix_nl("geef elk verslag één keer op"),
                    );
                }
                jobs.insert(j.job, j);
            }
        }
        let expected = shard.job_count(sweep.jobs);
        if done.len() < expected {
            diags.push(
                Diagnostic::error(
                    ErrorCode::PartsIncomplete,
                    records[0].file.display().to_string(),
                    format!(
                        "shard {k}/{n} did not finish: {} of its {expected} jobs are recorded",
                        done.len()
                    ),
                )
                .fix(format!("run `nt2plan sweep ... --shard {k}/{n}` again with the same -o: it solves only the jobs not recorded"))
                .nl(format!(
                    "shard {k}/{n} is niet afgemaakt: van {} van zijn {expected} taken is een verslag",
                    done.len()
                ))
                .fix_nl(format!("draai `nt2plan sweep ... --shard {k}/{n}` opnieuw met dezelfde -o: dan worden alleen de taken zonder verslag opgelost")),
            );
        }
    }
    if let Some(p) = wholes
        .values()
        .find(|p| p.jobs.len() != p.shard.job_count(sweep.jobs))
    {
        diags.push(
            Diagnostic::error(
                ErrorCode::BadPart,
                p.file.display().to_string(),
                format!(
                    "the part holds {} jobs, not the {} of shard {}/{n}",
                    p.jobs.len(),
                    p.shard.job_count(sweep.jobs),
                    p.shard.k
                ),
            )
            .fix("give the files `nt2plan sweep --shard K/N` wrote, unedited")
            .nl(format!(
                "het deel bevat {} taken, niet de {} van shard {}/{n}",
                p.jobs.len(),
                p.shard.job_count(sweep.jobs),
                p.shard.k
            ))
            .fix_nl(UNEDITED_NL),
        );
    }
    if !missing.is_empty() && diags.is_empty() {
        diags.push(
            Diagnostic::error(
                ErrorCode::PartsIncomplete,
                first_file.display().to_string(),
                format!("shard(s) {} are missing", missing.join(", ")),
            )
            .fix("run the missing shards, or give their part files too")
            .nl(format!("shard(s) {} ontbreken", missing.join(", ")))
            .fix_nl("draai de ontbrekende shards, of geef ook hun deelbestanden op"),
        );
    }
    if !diags.is_empty() {
        return Err(diags.sorted());
    }
    let outputs = jobs.into_values().map(|j| j.clone().output()).collect();
    Ok(Results::assemble(sweep, outputs))
}
