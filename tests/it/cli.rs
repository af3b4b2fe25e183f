//! The command line: subcommands, help, exit codes, and the README kept in step.

use crate::support::{nt2plan, root, stderr, stdout};
use nt2plan::diag::Code;

#[test]
fn help_lists_every_subcommand() {
    let out = nt2plan(["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    for cmd in [
        "solve",
        "init",
        "generate",
        "validate",
        "check",
        "rules",
        "codes",
        "indicators",
        "sweep",
        "report",
    ] {
        assert!(text.contains(cmd), "--help lacks {cmd}:\n{text}");
    }
    assert!(text.contains("Exit codes"), "{text}");
}

#[test]
fn unknown_subcommand_is_a_usage_error_with_exit_2() {
    let out = nt2plan(["plan-everything"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn rules_lists_the_builtin_sets_with_their_norms() {
    let out = nt2plan(["rules"]);
    assert_eq!(out.status.code(), Some(0));
    let text = stdout(&out);
    assert!(
        text.contains("handleiding-2024") && text.contains("addendum-2025"),
        "{text}"
    );
    assert!(text.contains("2025-01-01 to 2025-12-31"), "{text}");
    assert!(text.contains("60%") && text.contains("80%"), "{text}");
}

#[test]
fn rules_show_prints_toml_that_reads_back_to_the_builtin() {
    for r in nt2plan::rules::builtins() {
        let out = nt2plan(["rules", "show", &r.name]);
        assert_eq!(out.status.code(), Some(0));
        assert_eq!(nt2plan::rules::parse("shown", &stdout(&out)), Ok(r));
    }
}

#[test]
fn rules_show_of_an_unknown_name_is_e405_with_exit_2() {
    let out = nt2plan(["rules", "show", "addendum-2026"]);
    assert_eq!(out.status.code(), Some(2));
    let err = stderr(&out);
    assert!(
        err.contains("E405") && err.contains("handleiding-2024"),
        "{err}"
    );
}

#[test]
fn codes_lists_every_code_and_the_readme_documents_each() {
    let out = nt2plan(["codes"]);
    assert_eq!(out.status.code(), Some(0));
    let listed = stdout(&out);
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    for code in Code::ALL {
        assert!(listed.contains(code.as_str()), "codes lacks {code}");
        let row = format!("| {} | {} | {} |", code, code.kind(), code.summary());
        assert!(
            readme.contains(&row),
            "README lacks the row `{row}`: run `nt2plan codes --markdown`"
        );
        let row_nl = format!("{row} {} | {} |", code.dutch(), code.dutch_fix());
        assert!(
            readme.contains(&row_nl),
            "README lacks the Dutch meaning and fix in `{row_nl}`: run `nt2plan codes --markdown`"
        );
    }
}

#[test]
fn readme_starts_with_the_two_commands_that_are_tested_here() {
    let readme = std::fs::read_to_string(root().join("README.md")).expect("README.md");
    let head: Vec<&str> = readme.lines().take(6).collect();
    let head = head.join("\n");
    assert!(
        head.contains("cargo run --release -- solve instances/demo -o out/demo"),
        "{head}"
    );
    assert!(head.contains("cargo test"), "{head}");
    let ci = std::fs::read_to_string(root().join(".ci/run")).expect(".ci/run");
    assert!(
        ci.lines().any(|l| l.trim() == "cargo test"),
        ".ci/run must run the README's test command"
    );
}

#[test]
fn a_reader_that_stops_early_ends_the_program_quietly_without_a_panic() {
    use std::io::Read;
    // 3,000 students with an unknown law: far more diagnostics than a pipe buffer holds, so
    // the program is still writing when the reader goes away (`nt2plan validate | head`).
    let dir = tempfile::tempdir().expect("temp dir");
    crate::support::copy_dir(&crate::support::demo(), dir.path());
    let mut students = String::from("id,profile,law,locations,available,group\n");
    for i in 0..3000 {
        students.push_str(&format!("X{i:05},B1-route,wi2099,Utrecht,*,\n"));
    }
    std::fs::write(dir.path().join("students.csv"), students).expect("write students");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_nt2plan"))
        .args(["validate", &dir.path().display().to_string()])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("nt2plan runs");
    let mut first = [0u8; 64];
    child
        .stdout
        .take()
        .expect("stdout")
        .read_exact(&mut first)
        .expect("the first bytes");
    // Our end of the pipe is closed now.
    let out = child.wait_with_output().expect("nt2plan ends");
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    assert_eq!(out.status.code(), Some(0), "a closed pipe is not an error");
}
