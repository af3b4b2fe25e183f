//! A throw-away folder under the system's temp dir, filled with the demo instance, so that a
//! fuzzed file is read by exactly the code that reads a planner's folder.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The demo instance (`instances/demo`), file by file, built into the harness so that it
/// runs from any working directory.
pub const DEMO: &[(&str, &[u8])] = &[
    (
        "school.toml",
        include_bytes!("../../instances/demo/school.toml"),
    ),
    (
        "teachers.csv",
        include_bytes!("../../instances/demo/teachers.csv"),
    ),
    (
        "groups.csv",
        include_bytes!("../../instances/demo/groups.csv"),
    ),
    (
        "students.csv",
        include_bytes!("../../instances/demo/students.csv"),
    ),
    (
        "mentors.csv",
        include_bytes!("../../instances/demo/mentors.csv"),
    ),
    (
        "unavailability.csv",
        include_bytes!("../../instances/demo/unavailability.csv"),
    ),
    (
        "locks.csv",
        include_bytes!("../../instances/demo/locks.csv"),
    ),
];

/// The small valid instance of the unit tests (`tests/fixtures/mini`): a scenario file may
/// name it as `../instances/mini`.
pub const MINI: &[(&str, &[u8])] = &[
    (
        "school.toml",
        include_bytes!("../../tests/fixtures/mini/school.toml"),
    ),
    (
        "teachers.csv",
        include_bytes!("../../tests/fixtures/mini/teachers.csv"),
    ),
    (
        "groups.csv",
        include_bytes!("../../tests/fixtures/mini/groups.csv"),
    ),
    (
        "students.csv",
        include_bytes!("../../tests/fixtures/mini/students.csv"),
    ),
    (
        "mentors.csv",
        include_bytes!("../../tests/fixtures/mini/mentors.csv"),
    ),
    (
        "unavailability.csv",
        include_bytes!("../../tests/fixtures/mini/unavailability.csv"),
    ),
];

/// The hand-made schedule of the demo (`instances/demo-schedule`), in the order in which the
/// `schedule_folder` target splits its input.
pub const DEMO_SCHEDULE: &[(&str, &[u8])] = &[
    (
        "timetable.csv",
        include_bytes!("../../instances/demo-schedule/timetable.csv"),
    ),
    (
        "placements.csv",
        include_bytes!("../../instances/demo-schedule/placements.csv"),
    ),
    (
        "mentoring.csv",
        include_bytes!("../../instances/demo-schedule/mentoring.csv"),
    ),
    (
        "observations.csv",
        include_bytes!("../../instances/demo-schedule/observations.csv"),
    ),
];

/// A folder in the temp dir holding `files` (paths relative to it), shared by every thread and
/// process that asks for the same files: its name is a hash of them, and a file is written
/// by [`crate::output::write_file`] (under a temporary name, renamed into place), so a reader
/// never sees half a file. It stays, like a cache, so that a fuzz target does not write it
/// again for every input.
pub fn shared_folder(files: &[(&str, &[u8])]) -> io::Result<PathBuf> {
    let mut hasher = DefaultHasher::new();
    files.hash(&mut hasher);
    let root = std::env::temp_dir().join(format!("nt2plan-harness-{:016x}", hasher.finish()));
    for (rel, bytes) in files {
        let path = root.join(rel);
        if std::fs::read(&path).is_ok_and(|b| b == *bytes) {
            continue;
        }
        crate::output::write_file(&path, bytes).map_err(io::Error::other)?;
    }
    Ok(root)
}

/// A number not given out before in this process.
pub fn next() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// A folder that is removed again when dropped (a [`tempfile::TempDir`]). Its name is
/// unique, so that test threads and fuzzing jobs never share one.
#[derive(Debug)]
pub struct Scratch {
    root: tempfile::TempDir,
}

impl Scratch {
    /// Creates an empty folder in the temp dir.
    pub fn new() -> io::Result<Scratch> {
        let root = tempfile::Builder::new()
            .prefix("nt2plan-harness-")
            .tempdir()?;
        Ok(Scratch { root })
    }

    /// The folder.
    pub fn path(&self) -> &Path {
        self.root.path()
    }

    /// Writes `bytes` to `rel` inside the folder, creating parent folders.
    pub fn write(&self, rel: &str, bytes: &[u8]) -> io::Result<PathBuf> {
        let path = self.root.path().join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, bytes)?;
        Ok(path)
    }

    /// Writes every file of `files` into the subfolder `under` ("" for the folder itself).
    pub fn write_all(&self, under: &str, files: &[(&str, &[u8])]) -> io::Result<()> {
        for (name, bytes) in files {
            let rel = if under.is_empty() {
                (*name).to_string()
            } else {
                format!("{under}/{name}")
            };
            self.write(&rel, bytes)?;
        }
        Ok(())
    }
}
