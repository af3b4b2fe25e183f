//! Writing an instance folder atomically: the files go into a hidden sibling folder first,
//! which is then renamed into place, so a reader never sees half an instance and a failed
//! run leaves the old folder as it was.

use super::{GenerateError, GeneratedInstance};
use std::fs;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

fn io_err(path: &Path) -> impl FnOnce(io::Error) -> GenerateError + '_ {
    move |source| GenerateError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// Whether `dir` exists (as a folder) and holds anything.
fn existing(dir: &Path) -> Result<Option<bool>, GenerateError> {
    match fs::metadata(dir) {
        Ok(m) if !m.is_dir() => Err(GenerateError::NotAFolder {
            path: dir.to_path_buf(),
        }),
        Ok(_) => {
            let mut entries = fs::read_dir(dir).map_err(io_err(dir))?;
            Ok(Some(entries.next().is_some()))
        }
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(io_err(dir)(e)),
    }
}

fn write_files(tmp: &Path, g: &GeneratedInstance) -> Result<(), GenerateError> {
    fs::create_dir(tmp).map_err(io_err(tmp))?;
    for (name, text) in &g.files {
        let path = tmp.join(name);
        let mut f = fs::File::create(&path).map_err(io_err(&path))?;
        f.write_all(text.as_bytes()).map_err(io_err(&path))?;
        f.sync_all().map_err(io_err(&path))?;
    }
    Ok(())
}

/// Writes the instance's files into `dir`. An existing empty folder is replaced; a
/// non-empty one only when `force` (its old contents are then deleted).
pub fn write(dir: &Path, g: &GeneratedInstance, force: bool) -> Result<(), GenerateError> {
    let Some(name) = dir.file_name().map(|n| n.to_string_lossy().into_owned()) else {
        let source = io::Error::new(
            io::ErrorKind::InvalidInput,
            "give a folder name, not . or ..",
        );
        return Err(GenerateError::Io {
            path: dir.to_path_buf(),
            source,
        });
    };
    let before = existing(dir)?;
    if before == Some(true) && !force {
        return Err(GenerateError::NotEmpty {
            path: dir.to_path_buf(),
        });
    }
    let parent: PathBuf = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    };
    fs::create_dir_all(&parent).map_err(io_err(&parent))?;
    let tmp = parent.join(format!(".{name}.nt2plan-new-{}", std::process::id()));
    let old = parent.join(format!(".{name}.nt2plan-old-{}", std::process::id()));
    if tmp.exists() {
        fs::remove_dir_all(&tmp).map_err(io_err(&tmp))?;
    }
    if let Err(e) = write_files(&tmp, g) {
        let _ = fs::remove_dir_all(&tmp); // best effort: the error that matters is `e`
        return Err(e);
    }
    let moved_old = match before {
        Some(true) => {
            fs::rename(dir, &old).map_err(io_err(dir))?;
            true
        }
        Some(false) => {
            fs::remove_dir(dir).map_err(io_err(dir))?;
            false
        }
        None => false,
    };
    if let Err(e) = fs::rename(&tmp, dir) {
        if moved_old {
            let _ = fs::rename(&old, dir); // put the old folder back; best effort
        }
        let _ = fs::remove_dir_all(&tmp);
        return Err(io_err(dir)(e));
    }
    if moved_old {
        fs::remove_dir_all(&old).map_err(io_err(&old))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{GenerateError, SizeSpec, generate};

    fn made(size: &str, seed: u64) -> GeneratedInstance {
        generate(&SizeSpec::named(size).expect("size"), seed).expect("generates")
    }

    #[test]
    fn write_is_atomic_and_refuses_to_clobber() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let dir = tmp.path().join("nested").join("inst");
        let x = made("small", 1);
        write(&dir, &x, false).expect("writes a new folder");
        for (name, text) in &x.files {
            assert_eq!(
                &std::fs::read_to_string(dir.join(name)).expect("file"),
                text
            );
        }
        assert!(matches!(
            write(&dir, &x, false),
            Err(GenerateError::NotEmpty { .. })
        ));
        std::fs::write(dir.join("extra.txt"), "old").expect("write");
        let y = made("small", 2);
        write(&dir, &y, true).expect("force replaces");
        assert!(!dir.join("extra.txt").exists());
        assert_eq!(
            std::fs::read_to_string(dir.join("groups.csv")).expect("file"),
            y.files[2].1
        );
        let leftovers: Vec<_> = std::fs::read_dir(dir.parent().expect("parent"))
            .expect("list")
            .collect();
        assert_eq!(leftovers.len(), 1, "no temporary folders remain");
        let empty = tmp.path().join("empty");
        std::fs::create_dir(&empty).expect("mkdir");
        write(&empty, &x, false).expect("an empty folder is fine");
        let file = tmp.path().join("file");
        std::fs::write(&file, "x").expect("write");
        assert!(matches!(
            write(&file, &x, true),
            Err(GenerateError::NotAFolder { .. })
        ));
    }
}
