//! Writing an instance folder with [`crate::output`]: a hidden sibling folder first, renamed
//! into place, so a reader never sees half an instance and a failed run leaves the old folder
//! as it was.

use super::{GenerateError, GeneratedInstance};
use crate::output::{self, OutputError, Replace};
use std::path::Path;

/// Writes the instance's files into `dir`. An existing empty folder is replaced; a
/// non-empty one only when `force` (its old contents are then deleted).
pub fn write(dir: &Path, g: &GeneratedInstance, force: bool) -> Result<(), GenerateError> {
    let replace = if force { Replace::Any } else { Replace::Empty };
    output::write_folder(dir, &g.files, replace).map_err(|e| match e {
        OutputError::NotEmpty { path } => GenerateError::NotEmpty { path },
        OutputError::NotAFolder { path } => GenerateError::NotAFolder { path },
        OutputError::Io { path, source } => GenerateError::Io { path, source },
        OutputError::NoName { path } => GenerateError::Io {
            path,
            source: std::io::Error::new(
                std::io::ErrorKind::InvalidInput,
                "give a folder name, not . or ..",
            ),
        },
        // Never: the file names are the generator's own, and `NotOurs` comes only with
        // `Replace::Marked`.
        other @ (OutputError::UnsafeName(_) | OutputError::NotOurs { .. }) => GenerateError::Io {
            path: dir.to_path_buf(),
            source: std::io::Error::other(other.to_string()),
        },
    })
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
