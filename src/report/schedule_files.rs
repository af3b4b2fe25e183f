//! A schedule folder on disk: `timetable.csv`, `placements.csv`, `mentoring.csv`, plus
//! reports, written atomically.
//!
//! Everything goes into a fresh temporary folder beside the target first; only when every
//! file is written is it renamed into place. A failed run therefore never leaves a
//! half-written folder and never destroys the earlier one.

use crate::domain::{Instance, Schedule};
use std::path::{Path, PathBuf};

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("cannot write {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error(
        "{} exists and is not a folder written by nt2plan (it has no {marker}); choose another -o or remove it", path.display()
    )]
    NotOurs { path: PathBuf, marker: String },
    #[error("refusing to write {0:?}: a file name must stay inside the output folder")]
    UnsafeName(String),
    #[error("cannot write CSV: {0}")]
    Csv(#[from] csv::Error),
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> WriteError + '_ {
    move |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// A CSV table with every cell made safe for spreadsheets ([`super::spreadsheet_safe`]);
/// the readers undo the escape, so ids survive a round trip.
fn table<const N: usize>(
    header: [&str; N],
    rows: impl Iterator<Item = [String; N]>,
) -> Result<String, WriteError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header)?;
    for row in rows {
        w.write_record(row.iter().map(|c| super::spreadsheet_safe(c).into_owned()))?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| WriteError::Csv(e.into_error().into()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

fn hhmm(t: chrono::NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

/// The schedule tables as CSV text, in a stable order: `timetable.csv`, `placements.csv`,
/// `mentoring.csv`, and `observations.csv` when the school plans observation lessons or the
/// schedule has some.
pub fn csv_files(
    instance: &Instance,
    schedule: &Schedule,
) -> Result<Vec<(String, String)>, WriteError> {
    let timetable = table(
        [
            "course_code",
            "date",
            "start",
            "end",
            "location",
            "teacher",
            "certified",
        ],
        schedule.timetable.iter().map(|r| {
            let teacher = r.teacher.as_ref();
            let certified = teacher
                .and_then(|id| instance.teacher(id))
                .map_or("", |t| if t.is_certified() { "yes" } else { "no" });
            [
                r.course_code.to_string(),
                r.date.to_string(),
                hhmm(r.time.start),
                hhmm(r.time.end),
                r.location.to_string(),
                teacher.map_or_else(String::new, ToString::to_string),
                certified.to_string(),
            ]
        }),
    )?;
    let placements = table(
        ["student", "course_code"],
        schedule.placements.iter().map(|r| {
            [
                r.student.to_string(),
                r.course_code
                    .as_ref()
                    .map_or_else(String::new, ToString::to_string),
            ]
        }),
    )?;
    let mentoring = table(
        ["teacher", "mentor"],
        schedule
            .mentoring
            .iter()
            .map(|r| [r.teacher.to_string(), r.mentor.clone()]),
    )?;
    let mut files = vec![
        ("timetable.csv".to_string(), timetable),
        ("placements.csv".to_string(), placements),
        ("mentoring.csv".to_string(), mentoring),
    ];
    if instance.school.supervision.observations_per_teacher > 0 || !schedule.observations.is_empty()
    {
        let observations = table(
            ["teacher", "observed", "course_code", "date", "start", "end"],
            schedule.observations.iter().map(|o| {
                [
                    o.teacher.to_string(),
                    o.observed.to_string(),
                    o.course_code.to_string(),
                    o.date.to_string(),
                    hhmm(o.time.start),
                    hhmm(o.time.end),
                ]
            }),
        )?;
        files.push(("observations.csv".to_string(), observations));
    }
    Ok(files)
}

/// Writes `files` (name, contents) as the folder `out`, replacing an earlier schedule
/// folder there only once the new one is complete.
pub fn write_atomically<C: AsRef<[u8]>>(
    out: &Path,
    files: &[(String, C)],
) -> Result<(), WriteError> {
    // A folder of a solve that found no schedule in time holds report.json only.
    replace_folder(out, files, &["timetable.csv", "report.json"])
}

/// Writes `files` as the folder `out`. An earlier folder there is replaced only once the
/// new one is complete, and only if it is empty or holds one of `markers` (so that a
/// mistyped `-o` never deletes someone's documents).
pub fn replace_folder<C: AsRef<[u8]>>(
    out: &Path,
    files: &[(String, C)],
    markers: &[&'static str],
) -> Result<(), WriteError> {
    let inside = |name: &str| {
        !name.is_empty()
            && Path::new(name)
                .components()
                .all(|c| matches!(c, std::path::Component::Normal(_)))
    };
    if let Some((bad, _)) = files.iter().find(|(name, _)| !inside(name)) {
        return Err(WriteError::UnsafeName(bad.clone()));
    }
    if out.exists() {
        let is_empty = std::fs::read_dir(out).map_err(io(out))?.next().is_none();
        if !is_empty && !markers.iter().any(|m| out.join(m).is_file()) {
            return Err(WriteError::NotOurs {
                path: out.to_path_buf(),
                marker: markers.join(" or "),
            });
        }
    }
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(io(&parent))?;
    let name = out
        .file_name()
        .map_or_else(|| "schedule".into(), |n| n.to_string_lossy().into_owned());
    let tmp = parent.join(format!(".{name}.tmp-{}", std::process::id()));
    let old = parent.join(format!(".{name}.old-{}", std::process::id()));
    // A run that was killed can leave these behind, and process ids repeat (in a container
    // the same id comes back every run): never let a stale file into the new folder.
    for stale in [&tmp, &old] {
        if stale.exists() {
            std::fs::remove_dir_all(stale).map_err(io(stale))?;
        }
    }
    let result = (|| {
        std::fs::create_dir_all(&tmp).map_err(io(&tmp))?;
        for (file, contents) in files {
            let path = tmp.join(file);
            if let Some(dir) = path.parent() {
                std::fs::create_dir_all(dir).map_err(io(dir))?;
            }
            std::fs::write(&path, contents.as_ref()).map_err(io(&path))?;
        }
        if out.exists() {
            std::fs::rename(out, &old).map_err(io(out))?;
        }
        if let Err(e) = std::fs::rename(&tmp, out) {
            // Put the earlier folder back: never lose it.
            let _ = std::fs::rename(&old, out);
            return Err(io(out)(e));
        }
        let _ = std::fs::remove_dir_all(&old);
        Ok(())
    })();
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    result
}

/// Writes one file so that it is either complete or absent: a temporary file beside it,
/// renamed into place.
pub fn write_file_atomically(path: &Path, contents: &str) -> Result<(), WriteError> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&dir).map_err(io(&dir))?;
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
    std::fs::write(&tmp, contents).map_err(io(&tmp))?;
    std::fs::rename(&tmp, path).map_err(|e| {
        let _ = std::fs::remove_file(&tmp);
        io(path)(e)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_an_earlier_schedule_and_refuses_foreign_folders() {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("out");
        let files = vec![("timetable.csv".to_string(), "a\n".to_string())];
        write_atomically(&out, &files).expect("first write");
        let files2 = vec![("timetable.csv".to_string(), "b\n".to_string())];
        write_atomically(&out, &files2).expect("second write");
        assert_eq!(
            std::fs::read_to_string(out.join("timetable.csv"))
                .ok()
                .as_deref(),
            Some("b\n")
        );
        let leftovers: Vec<_> = std::fs::read_dir(dir.path()).expect("list").collect();
        assert_eq!(leftovers.len(), 1, "no temporary folders left behind");
        let foreign = dir.path().join("foreign");
        std::fs::create_dir_all(&foreign).expect("mkdir");
        std::fs::write(foreign.join("thesis.docx"), "x").expect("write");
        assert!(matches!(
            write_atomically(&foreign, &files),
            Err(WriteError::NotOurs { .. })
        ));
        assert!(foreign.join("thesis.docx").is_file());
    }

    #[test]
    fn a_killed_run_s_leftover_temporary_folder_never_reaches_the_new_output() {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("out");
        let pid = std::process::id();
        for leftover in [format!(".out.tmp-{pid}"), format!(".out.old-{pid}")] {
            let stale = dir.path().join(leftover);
            std::fs::create_dir_all(&stale).expect("mkdir");
            std::fs::write(stale.join("calendar-of-a-teacher-who-left.ics"), "x").expect("write");
        }
        let files = vec![("timetable.csv".to_string(), "a\n".to_string())];
        write_atomically(&out, &files).expect("write");
        let names: Vec<String> = std::fs::read_dir(&out)
            .expect("list")
            .filter_map(Result::ok)
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .collect();
        assert_eq!(names, ["timetable.csv"]);
        let left: Vec<_> = std::fs::read_dir(dir.path()).expect("list").collect();
        assert_eq!(left.len(), 1, "the leftovers are gone too");
    }

    #[test]
    fn cells_that_a_spreadsheet_would_run_are_escaped_and_read_back_unchanged() {
        let mut fx = crate::check::fixture::Fx::new();
        fx.teacher("=cmd|' /C calc'!A0", true);
        fx.group("@SUM(A1)", "Utrecht", "B1");
        fx.staff("@SUM(A1)", "=cmd|' /C calc'!A0");
        let files = csv_files(&fx.instance, &fx.schedule).expect("csv");
        let timetable = &files[0].1;
        assert!(
            timetable.contains("'@SUM(A1)") && timetable.contains("'=cmd"),
            "{timetable}"
        );
        let mut reader = csv::Reader::from_reader(timetable.as_bytes());
        let first = reader.records().next().expect("a row").expect("valid csv");
        let course = crate::input::csvfile::unescape(&first[0]);
        let teacher = crate::input::csvfile::unescape(&first[5]);
        assert_eq!(
            (course.as_str(), teacher.as_str()),
            ("@SUM(A1)", "=cmd|' /C calc'!A0")
        );
    }

    #[test]
    fn a_file_name_that_would_leave_the_folder_is_refused_before_anything_is_written() {
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("out");
        for name in ["../escape.csv", "/etc/x", "a/../../b", ""] {
            let files = vec![(name.to_string(), "x".to_string())];
            assert!(
                matches!(
                    replace_folder(&out, &files, &["m"]),
                    Err(WriteError::UnsafeName(_))
                ),
                "{name}"
            );
        }
        assert!(!out.exists());
        assert!(!dir.path().join("escape.csv").exists());
    }
}
