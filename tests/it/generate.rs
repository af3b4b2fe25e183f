//! `nt2plan generate`: the checked-in instances are what the command makes of their size
//! and seed, with and without `--tight`.

use crate::support::{file_names, nt2plan, root, stderr, stdout};

/// Every file of `made` equals the one of the same name in `instances/NAME`, and no file
/// is missing on either side.
fn same_folder(made: &std::path::Path, name: &str) {
    let checked_in = root().join("instances").join(name);
    let names = |dir: &std::path::Path| {
        assert!(dir.is_dir(), "{} is not a folder", dir.display());
        file_names(dir)
    };
    assert_eq!(names(made), names(&checked_in), "{name}");
    for file in names(made) {
        let a = std::fs::read_to_string(made.join(&file)).expect("made file");
        let b = std::fs::read_to_string(checked_in.join(&file)).expect("checked-in file");
        assert!(a == b, "{name}/{file} differs from what generate makes");
    }
}

#[test]
fn generate_makes_the_checked_in_instances_with_and_without_tight() {
    let tmp = tempfile::tempdir().expect("temp dir");
    for (size, tight) in [
        ("small", false),
        ("medium", false),
        ("large", false),
        ("medium", true),
        ("large", true),
    ] {
        let name = if tight {
            format!("{size}-tight")
        } else {
            size.to_string()
        };
        let out = tmp.path().join(&name);
        let mut args = vec!["generate", "--size", size, "--seed", "1", "-o"];
        let dir = out.display().to_string();
        args.push(&dir);
        if tight {
            args.push("--tight");
        }
        let run = nt2plan(&args);
        assert_eq!(run.status.code(), Some(0), "{name}: {}", stderr(&run));
        assert_eq!(
            stdout(&run).contains(", tight)"),
            tight,
            "{name}: {}",
            stdout(&run)
        );
        same_folder(&out, &name);
    }
}

#[test]
fn generate_help_explains_tight() {
    let out = nt2plan(["generate", "--help"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.contains("--tight") && text.contains("midday") && text.contains("unchanged"),
        "{text}"
    );
}
