//! Nothing is lost and nothing personal leaks: Ctrl-C during a solve keeps the earlier
//! schedule, and `--anonymize` leaves no teacher's or mentor's name in any output.

use crate::support::{demo, demo_schedule, nt2plan, root, stderr, stdout, tree};

/// The names in a names column of a CSV file of the demo.
fn names(file: &str) -> Vec<String> {
    let text = std::fs::read_to_string(demo().join(file)).expect("read");
    let mut rows = csv::Reader::from_reader(text.as_bytes());
    let column = rows
        .headers()
        .expect("header")
        .iter()
        .position(|h| h == "name")
        .expect("a name column");
    rows.records()
        .map(|r| r.expect("row")[column].to_string())
        .collect()
}

/// All XML text inside a workbook (it is a zip of XML files).
fn xlsx_text(bytes: &[u8]) -> String {
    use std::io::Read;
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("a zip");
    let mut text = String::new();
    for i in 0..zip.len() {
        let mut entry = zip.by_index(i).expect("entry");
        let _ = entry.read_to_string(&mut text);
    }
    assert!(
        text.contains("<sheetData") || text.contains("<sst"),
        "the workbook was read"
    );
    text
}

#[cfg(unix)]
#[test]
fn ctrl_c_during_a_solve_ends_with_130_and_keeps_the_earlier_schedule() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("schedule");
    let first = nt2plan([
        "solve",
        &demo().display().to_string(),
        "-o",
        &out.display().to_string(),
        "--solver",
        "microlp",
    ]);
    assert_eq!(first.status.code(), Some(0), "{}", stderr(&first));
    let before = tree(&out);
    // xl with microlp runs for its whole time limit: long enough to be interrupted.
    let xl = root().join("instances/xl");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_nt2plan"))
        .args([
            "solve",
            &xl.display().to_string(),
            "-o",
            &out.display().to_string(),
            "--solver",
            "microlp",
            "--time-limit",
            "60",
        ])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("solve starts");
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let kill = std::process::Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(kill.success());
    let status = child.wait().expect("solve ends");
    assert_eq!(
        status.code(),
        Some(130),
        "an interrupted run exits with 130"
    );
    assert_eq!(tree(&out), before, "the earlier schedule is untouched");
    let leftovers: Vec<String> = std::fs::read_dir(dir.path())
        .expect("list")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    assert!(
        leftovers.is_empty(),
        "temporary folders left: {leftovers:?}"
    );
}

#[test]
fn anonymize_leaves_no_name_in_any_document() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("report");
    let run = nt2plan([
        "report",
        &demo().display().to_string(),
        &demo_schedule().display().to_string(),
        "-o",
        &out.display().to_string(),
        "--anonymize",
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let people: Vec<String> = names("teachers.csv")
        .into_iter()
        .chain(names("mentors.csv"))
        .collect();
    assert!(people.len() > 10);
    let files = tree(&out);
    assert!(files.len() > 10);
    for (file, bytes) in &files {
        let text = if file.ends_with(".xlsx") {
            xlsx_text(bytes)
        } else {
            String::from_utf8_lossy(bytes).into_owned()
        };
        for name in &people {
            assert!(!text.contains(name.as_str()), "{file} names {name}");
        }
    }
    // Without the flag the names are there: the check above can fail.
    let named = dir.path().join("named");
    let run = nt2plan([
        "report",
        &demo().display().to_string(),
        &demo_schedule().display().to_string(),
        "-o",
        &named.display().to_string(),
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", stderr(&run));
    let html = std::fs::read_to_string(named.join("index.html")).expect("index.html");
    assert!(people.iter().any(|n| html.contains(n.as_str())));
}

/// The time limit covers building and solving: with microlp, and HiGHS when it is compiled
/// in, on the large instance and on the tight one (single days off, groups of their own
/// dates, overlapping blocks: the kind of school on which HiGHS once overran its limit by
/// minutes), both of which need longer than the limit, the reported times stay within 10%
/// of it, plus a fifth of a second for a busy machine to wake the waiting thread.
///
/// The whole test suite shares two cores with this test: a solve that holds its limit on
/// its own has been measured at 0.89 s for 0.5 s while the other tests ran (debug build),
/// and at 1.13 s with more work beside it (a limit of 0.5 s then; building the program
/// alone took most of it). So the limit is 2 s, and each solve gets three tries and must
/// hold the limit in one of them; a solve that overruns it by itself overruns it every time.
#[test]
fn the_time_limit_is_kept_within_ten_percent() {
    // HiGHS proves large optimal in about 5 s and large-tight in about 30: a limit of 2 s
    // stops it inside its search (and its watchdog answers at the latest a twentieth of the
    // limit, at least 0.2 s, late).
    let highs = cfg!(feature = "highs").then_some(nt2plan::solve::Backend::Highs);
    for name in ["large", "large-tight"] {
        let loaded = nt2plan::validate::load_instance(&root().join("instances").join(name), None)
            .expect("instance loads")
            .value;
        for backend in std::iter::once(nt2plan::solve::Backend::Microlp).chain(highs) {
            // Long enough that building the program (uninterruptible: 0.5 s for large-tight
            // in a debug build, twice that when the machine is loaded) fits inside it, so
            // what is measured is the solvers' keeping of the limit; still far below what
            // either needs for these schools in a debug build.
            let limit = 2.0;
            let settings = nt2plan::solve::Settings {
                backend,
                time_limit: Some(limit),
                gap: 0.0,
                ..Default::default()
            };
            let mut tries = Vec::new();
            let mut held = false;
            while !held && tries.len() < 3 {
                let solved = nt2plan::solve::solve(&loaded.instance, &loaded.rules, &settings)
                    .expect("solves");
                assert!(
                    !matches!(solved.status, nt2plan::solve::Status::Optimal),
                    "{name}, {}: the limit was reached: {:?}",
                    backend.name(),
                    solved.status
                );
                let used = (solved.build_time + solved.solve_time).as_secs_f64();
                tries.push(format!("{used:.3} s ({:?})", solved.status));
                held = used <= limit * 1.1 + 0.2;
            }
            assert!(
                held,
                "{name}, {}: every try overran the limit of {limit} s: {}",
                backend.name(),
                tries.join(", ")
            );
        }
    }
}

/// `solve` on a school that misses the norms runs the diagnosis, the plan that breaks them
/// least, the highest reachable share and the options (a solve per change) after the solve
/// itself: all of it within `--time-limit`, counted from the start of the run. The demo
/// with T10 and T11 unregistered under the Handleiding (tests/it/best_effort.rs), with a
/// limit of 1 s: what does not fit is listed as not measured, and the run ends in time.
/// Three tries, as above.
#[test]
fn the_plan_and_the_options_of_a_school_that_misses_the_norms_stay_within_the_time_limit() {
    let inst = crate::best_effort::scarce();
    let dir = tempfile::tempdir().expect("temp dir");
    let limit = 1.0;
    let mut tries = Vec::new();
    let mut held = false;
    while !held && tries.len() < 3 {
        let out = dir.path().join(format!("out{}", tries.len()));
        let began = std::time::Instant::now();
        let run = nt2plan([
            "solve",
            &inst.path().display().to_string(),
            "-o",
            &out.display().to_string(),
            "--rules",
            "handleiding-2024",
            "--time-limit",
            &limit.to_string(),
        ]);
        let used = began.elapsed().as_secs_f64();
        assert_eq!(run.status.code(), Some(1), "{}", stderr(&run));
        // The plan is written all the same, with every change either measured or listed.
        let written = tree(&out);
        let options = String::from_utf8(written["options.csv"].clone()).expect("UTF-8");
        assert!(options.lines().count() > 1, "{options}");
        tries.push(format!("{used:.3} s"));
        // The process itself (start, reading, writing) adds a little: 0.3 s.
        held = used <= limit * 1.1 + 0.3;
    }
    assert!(held, "every try overran {limit} s: {}", tries.join(", "));
}

/// No schedule within the time limit proves nothing about the rules: exit code 3 (not 1, as
/// for a school that no schedule fits), and the report with its status is written.
#[test]
fn no_schedule_within_the_time_limit_exits_3_with_the_report() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("xl");
    let solve = |lang: &str| {
        nt2plan([
            "--lang",
            lang,
            "solve",
            &root().join("instances/xl").display().to_string(),
            "-o",
            &out.display().to_string(),
            "--solver",
            "microlp",
            "--time-limit",
            "1",
        ])
    };
    let run = solve("en");
    assert_eq!(run.status.code(), Some(3), "{}", stderr(&run));
    // What helps, on the terminal: the HiGHS build and more time.
    let said = stdout(&run);
    assert!(said.contains("--features highs"), "{said}");
    assert!(said.contains("a longer --time-limit"), "{said}");
    // The folder is recognized as nt2plan's on the next run, though it holds no timetable;
    // in Dutch, the same help in Dutch.
    let again = solve("nl");
    assert_eq!(again.status.code(), Some(3), "{}", stderr(&again));
    let said = stdout(&again);
    assert!(
        said.contains("bouw met `cargo build --release --features highs`"),
        "{said}"
    );
    assert!(said.contains("een langere --time-limit"), "{said}");
    assert!(!said.contains("Give it more time"), "{said}");
    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out.join("report.json")).expect("report.json"))
            .expect("JSON");
    assert_eq!(report["status"], "no_schedule_in_time");
    assert!(report["check"].is_null());
    assert!(!out.join("timetable.csv").exists());
    assert!(
        std::fs::read_to_string(out.join("report.md"))
            .expect("report.md")
            .contains("geen rooster gevonden")
    );
}

/// Ctrl-C during a HiGHS solve leaves no log file in the temp folder. The progress display
/// (and with it the log it follows) needs a terminal: `script` gives the run one, and a ^C
/// typed into it reaches the program as SIGINT, just as from a keyboard. Without `script`
/// the signal is sent directly (no terminal, so no log is made: a weaker check).
#[cfg(all(unix, feature = "highs"))]
#[test]
fn ctrl_c_during_a_highs_solve_leaves_no_log_in_the_temp_folder() {
    use std::io::Write as _;
    use std::path::Path;
    use std::process::{Command, Stdio};
    use std::time::{Duration, Instant};
    let temp = tempfile::tempdir().expect("temp dir");
    let work = tempfile::tempdir().expect("temp dir");
    let quote = |p: &Path| format!("'{}'", p.display().to_string().replace('\'', "'\\''"));
    let args = [
        "solve",
        &root().join("instances/xl").display().to_string(),
        "-o",
        &work.path().join("out").display().to_string(),
        "--solver",
        "highs",
        "--time-limit",
        "120",
    ]
    .map(String::from);
    let bin = Path::new(env!("CARGO_BIN_EXE_nt2plan"));
    let line = std::iter::once(format!("exec {}", quote(bin)))
        .chain(args.iter().map(|a| quote(Path::new(a))))
        .collect::<Vec<_>>()
        .join(" ");
    let transcript = std::fs::File::create(work.path().join("transcript")).expect("file");
    let through_script = Command::new("script")
        .args(["-qefc", &line, "/dev/null"])
        .env("TMPDIR", temp.path())
        .stdin(Stdio::piped())
        .stdout(transcript)
        .stderr(Stdio::null())
        .spawn();
    let (mut child, on_terminal) = match through_script {
        Ok(child) => (child, true),
        Err(e) => {
            eprintln!("no `script` ({e}): sending SIGINT without a terminal");
            let child = Command::new(bin)
                .args(&args)
                .env("TMPDIR", temp.path())
                .stderr(Stdio::null())
                .spawn()
                .expect("solve starts");
            (child, false)
        }
    };
    let started = Instant::now();
    let in_temp = || -> Vec<(String, u64)> {
        std::fs::read_dir(temp.path())
            .expect("list")
            .map(|e| {
                let e = e.expect("entry");
                let size = e.metadata().map_or(0, |m| m.len());
                (e.file_name().to_string_lossy().into_owned(), size)
            })
            .collect()
    };
    if on_terminal {
        // Wait until HiGHS writes its log: the solve is under way.
        while !in_temp()
            .iter()
            .any(|(n, size)| n.starts_with("nt2plan-highs-") && *size > 0)
        {
            assert!(
                started.elapsed() < Duration::from_secs(120),
                "no HiGHS log appeared: {:?}",
                in_temp()
            );
            assert!(child.try_wait().expect("wait").is_none(), "ended early");
            std::thread::sleep(Duration::from_millis(100));
        }
        let stdin = child.stdin.as_mut().expect("stdin");
        stdin.write_all(b"\x03").expect("type ^C");
        stdin.flush().expect("flush");
    } else {
        std::thread::sleep(Duration::from_secs(3));
        let kill = Command::new("kill")
            .args(["-INT", &child.id().to_string()])
            .status()
            .expect("kill runs");
        assert!(kill.success());
    }
    let status = loop {
        if let Some(status) = child.try_wait().expect("wait") {
            break status;
        }
        if started.elapsed() > Duration::from_secs(180) {
            let _ = child.kill();
            panic!("the interrupted solve did not end");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    let transcript = std::fs::read_to_string(work.path().join("transcript")).unwrap_or_default();
    assert_eq!(status.code(), Some(130), "{transcript}");
    assert!(
        in_temp().is_empty(),
        "left in the temp folder: {:?}",
        in_temp()
    );
    assert!(!work.path().join("out").exists(), "nothing was written");
}
