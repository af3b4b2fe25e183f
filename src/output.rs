//! The one writer of output on disk: folders (a schedule, a report, sweep results, a
//! generated instance) and single files (a sweep part), written so that a reader sees the
//! old output or the new one, never half of either.
//!
//! Everything is written under a unique temporary name *beside* the target (same folder, so
//! same file system) and renamed into place once complete. An earlier folder is first moved
//! aside under a temporary name and deleted only after the new one is in place; if that
//! rename fails it is put back. A failure midway removes the temporary copy and leaves the
//! old output as it was.
//!
//! Temporary names are hidden and tell who made them:
//! `.{target}.nt2plan-{process id}-{run token}-{random}` (the token is drawn once per
//! process, since process ids repeat, e.g. in containers). Before writing, leftovers of
//! earlier runs that were killed are removed: those of a process that no longer runs (on
//! Linux; elsewhere only those of an earlier process with our id), never those of a writer
//! still at work. An earlier folder that such a run had moved aside but not yet replaced is
//! put back instead.
//!
//! A folder nt2plan did not write is never replaced: see [`Replace`].

use std::ffi::OsStr;
use std::io::Write as _;
use std::path::{Component, Path, PathBuf};

/// Why output could not be written. The earlier output is unchanged in every case.
#[derive(Debug, thiserror::Error)]
pub enum OutputError {
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
    /// Only with [`Replace::Empty`].
    #[error("{} exists and is not empty", path.display())]
    NotEmpty { path: PathBuf },
    #[error("{} exists and is not a folder", path.display())]
    NotAFolder { path: PathBuf },
    #[error("{}: give a folder or file name, not . or ..", path.display())]
    NoName { path: PathBuf },
    #[error("refusing to write {0:?}: a file name must stay inside the output folder")]
    UnsafeName(String),
}

/// Which earlier folder at the target may be replaced (none there is always fine, and so
/// is an empty one).
#[derive(Clone, Copy, Debug)]
pub enum Replace<'a> {
    /// Only an empty folder: anything else is [`OutputError::NotEmpty`].
    Empty,
    /// A folder holding one of these files, the marks of a folder nt2plan wrote (say
    /// `timetable.csv` or `report.json`), so that a mistyped `-o` never deletes someone's
    /// documents: anything else is [`OutputError::NotOurs`].
    Marked(&'a [&'a str]),
    /// Any folder; its old contents are deleted (`generate --force`).
    Any,
}

fn io(path: &Path) -> impl FnOnce(std::io::Error) -> OutputError + '_ {
    move |source| OutputError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Writes `files` (relative path, contents) as the folder `out`, creating its parents. An
/// earlier folder there is replaced, as `replace` allows, only once the new one is complete.
pub fn write_folder<N: AsRef<str>, C: AsRef<[u8]>>(
    out: &Path,
    files: &[(N, C)],
    replace: Replace<'_>,
) -> Result<(), OutputError> {
    let inside = |name: &str| {
        !name.is_empty()
            && Path::new(name)
                .components()
                .all(|c| matches!(c, Component::Normal(_)))
    };
    if let Some((bad, _)) = files.iter().find(|(name, _)| !inside(name.as_ref())) {
        return Err(OutputError::UnsafeName(bad.as_ref().to_string()));
    }
    let (parent, name) = beside(out)?;
    std::fs::create_dir_all(&parent).map_err(io(&parent))?;
    remove_stale(&parent, name, out);
    let before = existing(out)?;
    if before == Some(true) {
        match replace {
            Replace::Any => {}
            Replace::Empty => return Err(OutputError::NotEmpty { path: out.into() }),
            Replace::Marked(marks) if marks.iter().any(|m| out.join(m).is_file()) => {}
            Replace::Marked(marks) => {
                return Err(OutputError::NotOurs {
                    path: out.into(),
                    marker: marks.join(" or "),
                });
            }
        }
    }
    // Removed again when dropped: on every error below, the new copy is gone.
    let tmp = tempfile::Builder::new()
        .prefix(&prefix(name))
        .rand_bytes(8)
        .tempdir_in(&parent)
        .map_err(io(&parent))?;
    for (file, contents) in files {
        let path = tmp.path().join(file.as_ref());
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).map_err(io(dir))?;
        }
        write_synced(&path, contents.as_ref())?;
    }
    let mut aside = tmp.path().as_os_str().to_owned();
    aside.push("-old");
    let aside = PathBuf::from(aside);
    match before {
        Some(true) => std::fs::rename(out, &aside).map_err(io(out))?,
        Some(false) => std::fs::remove_dir(out).map_err(io(out))?,
        None => {}
    }
    if let Err(e) = std::fs::rename(tmp.path(), out) {
        if before == Some(true) {
            let _ = std::fs::rename(&aside, out); // put the old folder back; best effort
        }
        return Err(io(out)(e));
    }
    // The new folder is in place: nothing is left under `tmp`'s name to remove.
    let _ = tmp.keep();
    if before == Some(true) {
        // Best effort: a folder that cannot be deleted is a leftover of a dead run next time.
        let _ = std::fs::remove_dir_all(&aside);
    }
    Ok(())
}

/// Writes one file, creating its folder: a temporary file beside it, renamed into place,
/// so that it is either complete or as it was.
pub fn write_file(path: &Path, contents: &[u8]) -> Result<(), OutputError> {
    let (dir, name) = beside(path)?;
    std::fs::create_dir_all(&dir).map_err(io(&dir))?;
    remove_stale(&dir, name, path);
    let prefix = prefix(name);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).rand_bytes(8);
    // As `std::fs::write` would make it (a temporary file is private, 0o600, by default).
    #[cfg(unix)]
    builder
        .permissions(<std::fs::Permissions as std::os::unix::fs::PermissionsExt>::from_mode(0o666));
    // Removed again when dropped, also when the rename fails.
    let mut tmp = builder.tempfile_in(&dir).map_err(io(&dir))?;
    tmp.write_all(contents)
        .and_then(|()| tmp.as_file().sync_all())
        .map_err(io(tmp.path()))?;
    tmp.persist(path).map_err(|e| io(path)(e.error))?;
    Ok(())
}

/// The folder to write in and the target's name in it.
fn beside(target: &Path) -> Result<(PathBuf, &OsStr), OutputError> {
    let name = target.file_name().ok_or_else(|| OutputError::NoName {
        path: target.into(),
    })?;
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    Ok((parent, name))
}

/// `None` when nothing is at `dir`, else whether the folder there holds anything.
fn existing(dir: &Path) -> Result<Option<bool>, OutputError> {
    match std::fs::metadata(dir) {
        Ok(m) if !m.is_dir() => Err(OutputError::NotAFolder { path: dir.into() }),
        Ok(_) => Ok(Some(
            std::fs::read_dir(dir).map_err(io(dir))?.next().is_some(),
        )),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io(dir)(e)),
    }
}

fn write_synced(path: &Path, contents: &[u8]) -> Result<(), OutputError> {
    let mut f = std::fs::File::create(path).map_err(io(path))?;
    f.write_all(contents)
        .and_then(|()| f.sync_all())
        .map_err(io(path))
}

/// `.{name}.nt2plan-`: how every temporary name for the target `name` begins.
fn stem(name: &OsStr) -> String {
    format!(".{}.nt2plan-", name.to_string_lossy())
}

/// How this process's temporary names for the target `name` begin (a random part follows).
fn prefix(name: &OsStr) -> String {
    format!("{}{}-{}-", stem(name), std::process::id(), token())
}

/// A number drawn once per process, told apart from an earlier process with the same id.
fn token() -> &'static str {
    static TOKEN: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    TOKEN.get_or_init(|| {
        use std::hash::{BuildHasher, Hasher};
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u128(
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |d| d.as_nanos()),
        );
        format!("{:016x}", h.finish())
    })
}

/// Removes, best effort, the temporary files and folders for the target `name` in `dir`
/// that were left by runs that no longer run. An earlier folder that such a run had moved
/// aside and not yet replaced (it was killed between the two renames) is put back at
/// `target` instead, so that it is never lost.
fn remove_stale(dir: &Path, name: &OsStr, target: &Path) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let stem = stem(name);
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(rest) = file_name.to_str().and_then(|n| n.strip_prefix(&stem)) else {
            continue;
        };
        let mut parts = rest.split('-');
        let (Some(pid), Some(token)) = (parts.next(), parts.next()) else {
            continue;
        };
        let Ok(pid) = pid.parse::<u32>() else {
            continue;
        };
        if !is_stale(pid, token) {
            continue;
        }
        let path = entry.path();
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if is_dir && rest.ends_with("-old") && std::fs::symlink_metadata(target).is_err() {
            let _ = std::fs::rename(&path, target);
            continue;
        }
        let _ = if is_dir {
            std::fs::remove_dir_all(&path)
        } else {
            std::fs::remove_file(&path)
        };
    }
}

/// Whether the writer with this process id and token is gone.
fn is_stale(pid: u32, run: &str) -> bool {
    if pid == std::process::id() {
        return run != token();
    }
    // Without /proc there is no telling: keep it (its name is unique, it harms nothing).
    cfg!(target_os = "linux") && !Path::new("/proc").join(pid.to_string()).exists()
}

#[cfg(test)]
mod tests;
