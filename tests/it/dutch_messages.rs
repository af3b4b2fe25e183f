//! Issue 17, part 5: the terminal speaks the planner's language. `--lang nl|en` chooses;
//! without it `LANG` (or `LC_MESSAGES`, `LC_ALL`) `nl_*` gives Dutch; else English. Dutch
//! diagnostics and findings lead with the code table's Dutch meaning. Documents stay Dutch
//! by default, whatever the locale, as before.

use crate::support::{copy_dir, demo, demo_schedule};
use std::process::{Command, Output};

/// Runs nt2plan with `LANG` set to `lang` (and no other locale variable).
fn with_lang(lang: Option<&str>, args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_nt2plan"));
    cmd.env_remove("LC_ALL").env_remove("LC_MESSAGES");
    match lang {
        Some(l) => cmd.env("LANG", l),
        None => cmd.env_remove("LANG"),
    };
    cmd.args(args).output().expect("nt2plan runs")
}

fn text(o: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    )
}

/// The demo with T01's register mistyped: E205 at teachers.csv line 2, column 3.
fn broken_demo(dir: &std::path::Path) -> String {
    copy_dir(&demo(), dir);
    let path = dir.join("teachers.csv");
    let teachers = std::fs::read_to_string(&path).expect("teachers");
    std::fs::write(&path, teachers.replacen(",bvnt2,", ",bogus,", 1)).expect("write");
    dir.display().to_string()
}

#[test]
fn a_dutch_locale_gives_a_dutch_input_error() {
    let dir = tempfile::tempdir().expect("temp dir");
    let instance = broken_demo(dir.path());
    let out = with_lang(Some("nl_NL.UTF-8"), &["validate", &instance]);
    assert_eq!(out.status.code(), Some(2));
    let t = text(&out);
    assert!(
        t.contains(
            "fout[E205]: een register is niet bvnt2, kwaliteitsregister of none — `register` is \"bogus\""
        ),
        "{t}"
    );
    assert!(t.contains("  --> teachers.csv:2:3 (register)"), "{t}");
    assert!(t.contains("  = oplossing: "), "{t}");
    assert!(t.contains("1 fout(en), 0 waarschuwing(en)"), "{t}");
}

#[test]
fn lang_en_overrides_a_dutch_locale_and_no_locale_is_english() {
    let dir = tempfile::tempdir().expect("temp dir");
    let instance = broken_demo(dir.path());
    for out in [
        with_lang(
            Some("nl_NL.UTF-8"),
            &["validate", &instance, "--lang", "en"],
        ),
        with_lang(None, &["validate", &instance]),
        with_lang(Some("en_US.UTF-8"), &["validate", &instance]),
    ] {
        let t = text(&out);
        assert!(t.contains("error[E205]: `register` is \"bogus\""), "{t}");
        assert!(t.contains("1 error(s), 0 warning(s)"), "{t}");
    }
    // And --lang nl without a locale, before the subcommand too.
    let t = text(&with_lang(None, &["--lang", "nl", "validate", &instance]));
    assert!(t.contains("fout[E205]"), "{t}");
}

#[test]
fn a_dutch_locale_gives_dutch_findings_and_verdict() {
    // Under handleiding-2024 the demo schedule's certified share, 70.9%, is below the 80%
    // minimum: a violation of 1.7.1a (C101), so check ends NOT COMPLIANT (exit 1).
    let (instance, schedule) = (demo(), demo_schedule());
    let args = [
        "check",
        instance.to_str().expect("path"),
        schedule.to_str().expect("path"),
        "--rules",
        "handleiding-2024",
    ];
    let out = with_lang(Some("nl_NL.UTF-8"), &args);
    assert_eq!(out.status.code(), Some(1));
    let t = text(&out);
    let meaning = nt2plan::diag::Code::from(nt2plan::diag::FindingCode::ShareBelowMinimum).dutch();
    assert!(t.contains("Bevindingen"), "{t}");
    assert!(
        t.contains(&format!("overtreding[C101] {meaning} — ")),
        "{t}"
    );
    assert!(t.contains("VOLDOET NIET: "), "{t}");
    let english = text(&with_lang(None, &args));
    assert!(english.contains("violation[C101] "), "{english}");
    assert!(english.contains("NOT COMPLIANT: "), "{english}");
}

#[test]
fn documents_stay_dutch_by_default_whatever_the_locale() {
    use calamine::Reader;
    let dir = tempfile::tempdir().expect("temp dir");
    let (instance, schedule) = (demo(), demo_schedule());
    let (i, s) = (
        instance.to_str().expect("path"),
        schedule.to_str().expect("path"),
    );
    let sheets = |out: &std::path::Path| {
        let book: calamine::Xlsx<_> =
            calamine::open_workbook(out.join("timetable.xlsx")).expect("workbook");
        book.sheet_names()[0].clone()
    };
    let nl = dir.path().join("nl");
    let out = with_lang(
        Some("en_US.UTF-8"),
        &["report", i, s, "-o", nl.to_str().expect("p")],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(sheets(&nl), "Lessen");
    let en = dir.path().join("en");
    let out = with_lang(
        Some("nl_NL.UTF-8"),
        &[
            "report",
            i,
            s,
            "-o",
            en.to_str().expect("p"),
            "--lang",
            "en",
        ],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert_eq!(sheets(&en), "Lessons");
}

#[test]
fn init_speaks_dutch_in_a_dutch_locale() {
    let dir = tempfile::tempdir().expect("temp dir");
    let school = dir.path().join("school");
    let out = with_lang(
        Some("nl_NL.UTF-8"),
        &["init", school.to_str().expect("path")],
    );
    assert_eq!(out.status.code(), Some(0), "{}", text(&out));
    assert!(
        text(&out).contains("school.xlsx geschreven, met een voorbeeldregel per blad"),
        "{}",
        text(&out)
    );
    // Again into the same folder: refused, in Dutch.
    let out = with_lang(
        Some("nl_NL.UTF-8"),
        &["init", school.to_str().expect("path")],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out).contains("kies een andere map, of --force"),
        "{}",
        text(&out)
    );
}
