use super::*;

/// The names in `dir`, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn read(path: &Path) -> String {
    std::fs::read_to_string(path).expect("read")
}

const MARKS: Replace<'static> = Replace::Marked(&["timetable.csv", "report.json"]);

#[test]
fn a_new_folder_replaces_the_earlier_one_in_place() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("nested").join("out");
    let first = [("timetable.csv", "a\n"), ("calendars/t1.ics", "x")];
    write_folder(&out, &first, MARKS).expect("first write");
    assert_eq!(read(&out.join("calendars/t1.ics")), "x");
    write_folder(&out, &[("timetable.csv", "b\n")], MARKS).expect("second write");
    assert_eq!(
        names(&out),
        ["timetable.csv"],
        "nothing of the old folder stays"
    );
    assert_eq!(read(&out.join("timetable.csv")), "b\n");
    assert_eq!(
        names(&dir.path().join("nested")),
        ["out"],
        "no temporary left"
    );
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).expect("mkdir");
    write_folder(&empty, &[("a.csv", "a")], Replace::Empty).expect("an empty folder is fine");
    assert_eq!(names(&empty), ["a.csv"]);
}

#[test]
fn a_folder_nt2plan_did_not_write_is_never_replaced() {
    let dir = tempfile::tempdir().expect("temp dir");
    let foreign = dir.path().join("foreign");
    std::fs::create_dir(&foreign).expect("mkdir");
    std::fs::write(foreign.join("thesis.docx"), "x").expect("write");
    let files = [("timetable.csv", "a\n")];
    let err = write_folder(&foreign, &files, MARKS).expect_err("refused");
    assert!(matches!(err, OutputError::NotOurs { .. }), "{err}");
    assert!(
        err.to_string().contains("timetable.csv or report.json"),
        "{err}"
    );
    assert!(matches!(
        write_folder(&foreign, &files, Replace::Empty),
        Err(OutputError::NotEmpty { .. })
    ));
    assert_eq!(names(&foreign), ["thesis.docx"]);
    assert_eq!(names(dir.path()), ["foreign"]);
    write_folder(&foreign, &files, Replace::Any).expect("forced");
    assert_eq!(names(&foreign), ["timetable.csv"]);
    let file = dir.path().join("file");
    std::fs::write(&file, "x").expect("write");
    assert!(matches!(
        write_folder(&file, &files, Replace::Any),
        Err(OutputError::NotAFolder { .. })
    ));
    assert!(matches!(
        write_folder(&dir.path().join(".."), &files, Replace::Any),
        Err(OutputError::NoName { .. })
    ));
}

#[test]
fn a_file_name_that_would_leave_the_folder_is_refused_before_anything_is_written() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out");
    for name in ["../escape.csv", "/etc/x", "a/../../b", ""] {
        assert!(
            matches!(
                write_folder(&out, &[(name, "x")], MARKS),
                Err(OutputError::UnsafeName(_))
            ),
            "{name}"
        );
    }
    assert!(names(dir.path()).is_empty());
}

#[test]
fn leftovers_of_killed_runs_are_removed_and_those_of_live_writers_kept() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out");
    let pid = std::process::id();
    // An earlier process with our id (containers), and one that no longer runs.
    let mut stale = vec![format!(".out.nt2plan-{pid}-0123456789abcdef-AbCdEf12")];
    if cfg!(target_os = "linux") {
        stale.push(".out.nt2plan-999999999-0123456789abcdef-AbCdEf12".into());
    }
    for name in &stale {
        let leftover = dir.path().join(name);
        std::fs::create_dir(&leftover).expect("mkdir");
        std::fs::write(leftover.join("calendar-of-a-teacher-who-left.ics"), "x").expect("write");
    }
    std::fs::write(dir.path().join(format!("{}x", stale[0])), "half").expect("write");
    // A writer of this process still at work, and another target's temporary.
    let live = format!("{}ZyXwVu98", prefix(OsStr::new("out")));
    std::fs::create_dir(dir.path().join(&live)).expect("mkdir");
    let other = format!(".other.nt2plan-{pid}-0123456789abcdef-AbCdEf12");
    std::fs::create_dir(dir.path().join(&other)).expect("mkdir");
    write_folder(&out, &[("timetable.csv", "a\n")], MARKS).expect("write");
    assert_eq!(names(&out), ["timetable.csv"]);
    let mut expected = vec![live.clone(), other.clone(), "out".to_string()];
    expected.sort();
    assert_eq!(names(dir.path()), expected);
    // A single file too.
    let part = dir.path().join("part.json");
    let leftover = dir
        .path()
        .join(format!(".part.json.nt2plan-{pid}-00-AbCdEf12"));
    std::fs::write(&leftover, "half").expect("write");
    write_file(&part, b"{}").expect("write");
    assert!(!leftover.exists());
    assert_eq!(read(&part), "{}");
}

#[cfg(unix)]
#[test]
fn files_and_folders_get_the_modes_of_plain_writes() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp dir");
    let mode = |p: &Path| std::fs::metadata(p).expect("metadata").permissions().mode() & 0o777;
    let plain = dir.path().join("plain");
    std::fs::write(&plain, "x").expect("write");
    std::fs::create_dir(dir.path().join("plain-dir")).expect("mkdir");
    write_file(&dir.path().join("part.json"), b"{}").expect("write");
    write_folder(&dir.path().join("out"), &[("a.csv", "a")], MARKS).expect("write");
    assert_eq!(mode(&dir.path().join("part.json")), mode(&plain));
    assert_eq!(mode(&dir.path().join("out/a.csv")), mode(&plain));
    assert_eq!(
        mode(&dir.path().join("out")),
        mode(&dir.path().join("plain-dir"))
    );
}

#[test]
fn a_failure_midway_leaves_the_old_output_intact() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out");
    write_folder(&out, &[("timetable.csv", "old\n")], MARKS).expect("first write");
    // `a` is a file, so `a/b` cannot be written: the failure comes after a file was written.
    let broken = [("timetable.csv", "new\n"), ("a", "x"), ("a/b", "y")];
    let err = write_folder(&out, &broken, MARKS).expect_err("fails");
    assert!(matches!(err, OutputError::Io { .. }), "{err}");
    assert_eq!(read(&out.join("timetable.csv")), "old\n");
    assert_eq!(names(dir.path()), ["out"], "the new copy is removed");
    // A single file whose place is taken by a folder.
    std::fs::create_dir(dir.path().join("part.json")).expect("mkdir");
    assert!(write_file(&dir.path().join("part.json"), b"{}").is_err());
    assert_eq!(names(dir.path()), ["out", "part.json"]);
}

#[test]
fn an_earlier_folder_a_killed_run_had_moved_aside_is_put_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out");
    let aside = dir
        .path()
        .join(".out.nt2plan-999999999-0123456789abcdef-AbCdEf12-old");
    std::fs::create_dir(&aside).expect("mkdir");
    std::fs::write(aside.join("timetable.csv"), "old\n").expect("write");
    let broken = [("a", "x"), ("a/b", "y")];
    assert!(write_folder(&out, &broken, MARKS).is_err());
    if cfg!(target_os = "linux") {
        assert_eq!(read(&out.join("timetable.csv")), "old\n");
        assert_eq!(names(dir.path()), ["out"]);
    }
}
