//! `nt2plan generate`: the checked-in instances are what the command makes of their size
//! and seed, with and without `--tight`, the high school among them.

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
        ("highschool", false),
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
    assert!(text.contains("highschool"), "{text}");
}

/// The high school is one week: `--tight`, which varies a term of many weeks, is refused
/// with an input error and nothing is written.
#[test]
fn generate_refuses_tight_for_the_high_school() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let out = tmp.path().join("hs");
    let dir = out.display().to_string();
    let run = nt2plan(["generate", "--size", "highschool", "--tight", "-o", &dir]);
    assert_eq!(run.status.code(), Some(2), "{}", stderr(&run));
    assert!(stderr(&run).contains("one week"), "{}", stderr(&run));
    assert!(!out.exists());
}

/// The names of the entries right in `dir` (files and folders), sorted.
fn entries(dir: &std::path::Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .expect("read folder")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

/// A `generate --force` killed between its two renames leaves what it wrote so far under a
/// temporary name and the earlier instance moved aside under another, both beside the
/// target (named after a process that has ended). The next `generate --force` must succeed
/// and write the complete instance, with no leftover beside it.
#[test]
fn generate_force_succeeds_after_a_killed_run() {
    let tmp = tempfile::tempdir().expect("temp dir");
    let parent = tmp.path().join("instances");
    let inst = parent.join("inst");
    let dir = inst.display().to_string();
    let first = nt2plan(["generate", "--size", "small", "--seed", "2", "-o", &dir]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    // The id of a process that has ended: the killed run's.
    let mut done = std::process::Command::new("true")
        .spawn()
        .expect("true runs");
    let dead = done.id();
    done.wait().expect("true ends");
    let stem = format!(".inst.nt2plan-{dead}-0123456789abcdef-Kq7Zp2Xw");
    let partial = parent.join(&stem);
    std::fs::create_dir(&partial).expect("mkdir");
    std::fs::write(partial.join("school.toml"), "name = \"half").expect("write");
    std::fs::write(partial.join("stale-extra.csv"), "x").expect("write");
    std::fs::rename(&inst, parent.join(format!("{stem}-old"))).expect("move aside");
    let forced = nt2plan([
        "generate", "--size", "small", "--seed", "1", "-o", &dir, "--force",
    ]);
    assert_eq!(forced.status.code(), Some(0), "{}", stderr(&forced));
    same_folder(&inst, "small");
    if cfg!(target_os = "linux") {
        assert_eq!(entries(&parent), ["inst"], "the leftovers are gone");
    }
    // And once more over the complete folder, now without leftovers.
    let again = nt2plan([
        "generate", "--size", "small", "--seed", "1", "-o", &dir, "--force",
    ]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    same_folder(&inst, "small");
}
