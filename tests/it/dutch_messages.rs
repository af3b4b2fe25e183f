//! Issue 17, part 5: the terminal speaks the planner's language. `--lang nl|en` chooses;
//! without it `LANG` (or `LC_MESSAGES`, `LC_ALL`) `nl_*` gives Dutch; else English. Dutch
//! diagnostics and findings are in Dutch alone (the English message is for `--lang en`),
//! and so is the check summary. Documents stay Dutch by default, whatever the locale.

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
        t.contains("fout[E205]: `register` is \"bogus\", dat is niet bekend"),
        "{t}"
    );
    assert!(t.contains("  --> teachers.csv:2:3 (register)"), "{t}");
    assert!(
        t.contains(
            "  = oplossing: schrijf bvnt2 of kwaliteitsregister voor een gecertificeerde docent, anders none"
        ),
        "{t}"
    );
    assert!(t.contains("1 fout(en), 0 waarschuwing(en)"), "{t}");
    // The Dutch alone: the English message and fix are for --lang en.
    assert!(!t.contains("which is not known"), "{t}");
    assert!(
        !t.contains("for a certified teacher, none otherwise"),
        "{t}"
    );
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

/// `check` of the demo schedule under handleiding-2024 (not compliant: C101, C121).
fn check_demo_args() -> Vec<String> {
    let (instance, schedule) = (demo(), demo_schedule());
    vec![
        "check".into(),
        instance.display().to_string(),
        schedule.display().to_string(),
        "--rules".into(),
        "handleiding-2024".into(),
    ]
}

#[test]
fn a_dutch_locale_gives_dutch_findings_and_verdict() {
    // Under handleiding-2024 the demo schedule's certified share, 70.9%, is below the 80%
    // minimum: a violation of 1.7.1a (C101), so check ends NOT COMPLIANT (exit 1).
    let args = check_demo_args();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
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

/// The line after a solve (the program's size, the times, the solver and the status) is
/// Dutch in a Dutch locale and English under `--lang en`.
#[test]
fn the_line_after_a_solve_follows_the_terminals_language() {
    let dir = tempfile::tempdir().expect("temp dir");
    let instance = demo();
    let solve = |lang: &str, out: &str| {
        let out = dir.path().join(out);
        let o = with_lang(
            Some("nl_NL.UTF-8"),
            &[
                "--lang",
                lang,
                "solve",
                instance.to_str().expect("path"),
                "-o",
                out.to_str().expect("path"),
                "--solver",
                "microlp",
            ],
        );
        assert_eq!(o.status.code(), Some(0), "{}", text(&o));
        text(&o)
    };
    let nl = solve("nl", "nl");
    assert!(
        nl.contains(" variabelen (")
            && nl.contains(" beperkingen; opgebouwd in ")
            && nl.contains(", opgelost door microlp in "),
        "{nl}"
    );
    assert!(
        !nl.contains("solved by") && !nl.contains(" constraints;"),
        "{nl}"
    );
    let en = solve("en", "en");
    assert!(
        en.contains(" constraints; built in ") && en.contains(", solved by microlp in "),
        "{en}"
    );
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

/// Changes a fresh copy of the demo folder.
type Change = fn(&std::path::Path);

/// Broken copies of the demo, one per kind of problem a planner's spreadsheet or editor
/// makes, as in the corpus (`tests/it/corpus`): each is named, and changes one thing.
const BROKEN: &[(&str, Change)] = &[
    ("register bogus (E205)", |d| {
        replace(d, "teachers.csv", ",bvnt2,", ",bogus,")
    }),
    ("a day November lacks (E202)", |d| {
        replace(d, "unavailability.csv", "T04,2025-11-10", "T04,31-11-2025")
    }),
    ("an unknown column (E105)", |d| {
        replace(d, "teachers.csv", "id,name,", "id,nam,")
    }),
    ("students.csv missing (E101)", |d| {
        std::fs::remove_file(d.join("students.csv")).expect("remove")
    }),
    ("a row with a field too many (E103)", |d| {
        replace(
            d,
            "groups.csv",
            "wi2021,mon-morning;wed-morning,,,no,",
            "wi2021,mon-morning;wed-morning,,,no,,x",
        )
    }),
    ("a mistyped location (E302)", |d| {
        replace(
            d,
            "teachers.csv",
            "T04,Dirk Visser,bvnt2,Utrecht",
            "T04,Dirk Visser,bvnt2,Utreht",
        )
    }),
    ("a teacher id twice (E309)", |d| {
        replace(d, "teachers.csv", "T02,Bram", "T01,Bram")
    }),
    ("a negative number (E204)", |d| {
        replace(
            d,
            "teachers.csv",
            "B1-route;ONA-KNM,6,*",
            "B1-route;ONA-KNM,-6,*",
        )
    }),
    ("saved as Windows-1252 (E102)", |d| {
        let path = d.join("mentors.csv");
        let mut bytes = std::fs::read(&path).expect("read");
        bytes.extend_from_slice(b"M02,Jos\xe9 Pe\xf1a,1\n");
        std::fs::write(path, bytes).expect("write")
    }),
    ("a weekday that is not one (E208)", |d| {
        replace(
            d,
            "groups.csv",
            "mon-morning;wed-morning",
            "mnd-morning;wed-morning",
        )
    }),
    ("school.toml is not TOML (E108)", |d| {
        replace(d, "school.toml", "[blocks]", "[blocks")
    }),
];

fn replace(dir: &std::path::Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = std::fs::read_to_string(&path).expect("read");
    assert!(text.contains(from), "{file} has no {from:?}");
    std::fs::write(&path, text.replacen(from, to, 1)).expect("write");
}

/// The messages and fixes of an English text: what follows `error[E…]: `, `warning[W…]: `,
/// `violation[C…] ` and `= fix: ` on its lines.
fn english_sentences(english: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in english.lines().map(str::trim) {
        let rest = if let Some(fix) = line.strip_prefix("= fix: ") {
            Some(fix)
        } else if line.starts_with("error[")
            || line.starts_with("warning[")
            || line.starts_with("violation[")
        {
            line.split_once("] ")
                .or_else(|| line.split_once("]: "))
                .map(|(_, m)| m.trim_start_matches(": "))
        } else {
            None
        };
        if let Some(m) = rest.filter(|m| m.len() > 12) {
            out.push(m.to_string());
        }
    }
    out
}

#[test]
fn every_broken_instance_of_the_corpus_kinds_is_told_in_dutch_alone_under_a_dutch_locale() {
    for (name, make) in BROKEN {
        let dir = tempfile::tempdir().expect("temp dir");
        copy_dir(&demo(), dir.path());
        make(dir.path());
        let instance = dir.path().display().to_string();
        let nl = with_lang(Some("nl_NL.UTF-8"), &["validate", &instance]);
        let en = with_lang(None, &["validate", &instance]);
        assert_eq!(nl.status.code(), Some(2), "{name}: {}", text(&nl));
        let (nl, en) = (text(&nl), text(&en));
        assert!(nl.contains("fout["), "{name}: {nl}");
        assert!(nl.contains("  = oplossing: "), "{name}: {nl}");
        assert!(nl.contains(" fout(en), "), "{name}: {nl}");
        for english in ["error[", "warning[", "= fix:", " error(s)"] {
            assert!(!nl.contains(english), "{name}: {english:?} in {nl}");
        }
        let sentences = english_sentences(&en);
        assert!(!sentences.is_empty(), "{name}: no English message in {en}");
        for sentence in sentences {
            assert!(
                !nl.contains(&sentence),
                "{name}: the English {sentence:?} is in the Dutch text:\n{nl}"
            );
        }
    }
}

#[test]
fn check_of_a_non_compliant_schedule_is_dutch_alone_tables_findings_and_verdict() {
    // Under handleiding-2024 the demo schedule misses the 80% minimum (C101: 178 of 251
    // lessons certified, 201 needed) and Z-UTR-01 has 14 students, above 12 (C121).
    let args = check_demo_args();
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let nl = with_lang(Some("nl_NL.UTF-8"), &args);
    assert_eq!(nl.status.code(), Some(1));
    let nl = text(&nl);
    for dutch in [
        "Controle op de normen onder regeling handleiding-2024",
        "1.7.1a Aandeel gecertificeerde lessen",
        "  gecertificeerde lessen: 178 van 251 gegeven (70.9%)",
        "ONDER HET MINIMUM",
        "2.2.1 Groepsgrootte",
        "cursus",
        "grootte",
        "binnen standaard",
        "OVERTREDING",
        "Begeleiding van niet-gecertificeerde docenten",
        "Gegevens voor de verklaring (Bijlage 1)",
        "uitzondering 1: IN GEBRUIK - aandeel gecertificeerde lessen 70.9%",
        "gecertificeerde docenten gaven 178 van 251 lessen (70.9%)",
        "er zijn 23 gecertificeerde les(sen) meer nodig",
        "groep Z-UTR-01 in Utrecht (Z-route, grootteklasse Alfabetisering/Z-route) heeft 14 cursisten",
        "VOLDOET NIET: 2 overtreding(en), 0 waarschuwing(en)",
    ] {
        assert!(nl.contains(dutch), "{dutch:?} missing from:\n{nl}");
    }
    for english in [
        "Compliance check",
        "Certified share",
        "certified lessons:",
        "Group sizes",
        "within standard",
        "VIOLATION",
        "Supervision of",
        "Declaration data",
        "IN USE",
        "certified teachers gave",
        "NOT COMPLIANT",
    ] {
        assert!(
            !nl.contains(english),
            "{english:?} in the Dutch text:\n{nl}"
        );
    }
    let en = text(&with_lang(None, &args));
    assert!(en.contains("2.2.1 Group sizes"), "{en}");
    let sentences = english_sentences(&en);
    assert!(sentences.len() >= 2, "{en}");
    for sentence in sentences {
        assert!(!nl.contains(&sentence), "{sentence:?} in:\n{nl}");
    }
}

#[test]
fn check_of_a_broken_timetable_gives_every_soundness_finding_in_dutch_with_its_values() {
    // The demo schedule with T05 also on Z-UTR-01 at 09:00 on 2 September (at Utrecht, a
    // profile T05 does not teach, against T03's lock), a lesson of B1-UTR-02 without a
    // teacher, a row given twice and a row of B1-UTR-01 on a day it has no lesson.
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&demo_schedule(), dir.path());
    let path = dir.path().join("timetable.csv");
    let mut timetable = std::fs::read_to_string(&path).expect("timetable");
    for (from, to) in [
        (
            "Z-UTR-01,2025-09-02,09:00,12:00,Utrecht,T03",
            "Z-UTR-01,2025-09-02,09:00,12:00,Utrecht,T05",
        ),
        (
            "B1-UTR-02,2025-09-02,13:00,16:00,Utrecht,T11",
            "B1-UTR-02,2025-09-02,13:00,16:00,Utrecht,",
        ),
    ] {
        assert!(timetable.contains(from), "{from}");
        timetable = timetable.replacen(from, to, 1);
    }
    timetable.push_str("B1-AMF-01,2025-09-04,09:00,12:00,Amersfoort,T10\n");
    timetable.push_str("B1-UTR-01,2025-09-02,09:00,12:00,Utrecht,T04\n");
    std::fs::write(&path, timetable).expect("write");
    let (instance, schedule) = (
        demo().display().to_string(),
        dir.path().display().to_string(),
    );
    let args = ["check", instance.as_str(), schedule.as_str()];
    let nl = with_lang(Some("nl_NL.UTF-8"), &args);
    assert_eq!(nl.status.code(), Some(1));
    let nl = text(&nl);
    for dutch in [
        "  samenhang van het rooster\n",
        "overtreding[C141] ",
        "cursus B1-UTR-02: 1 van de 30 geplande lessen hebben geen docent: 2025-09-02 13:00-16:00",
        "2025-09-04 09:00 (2 regels)",
        "(de groep heeft op die dag en tijd geen lesmoment)",
        "docent T05 geeft 1 keer lessen die elkaar overlappen: 2025-09-02 ALFA-AMF-01 09:00-12:00 en Z-UTR-01 09:00-12:00",
        "docent T05 geeft 1 les(sen) in Utrecht, geen van diens locaties: 2025-09-02",
        "volgens locks.csv geeft docent T03 Z-UTR-01 tue-morning, maar 1 les(sen) worden anders gegeven: 2025-09-02 tue-morning door T05",
        "VOLDOET NIET: 8 overtreding(en), 1 waarschuwing(en)",
    ] {
        assert!(nl.contains(dutch), "{dutch:?} missing from:\n{nl}");
    }
    let findings = nl.split("Bevindingen").nth(1).expect("findings");
    for english in [
        " and ",
        " rows)",
        " lesson(s) ",
        " by T05",
        "teacher ",
        "course ",
    ] {
        assert!(!findings.contains(english), "{english:?} in:\n{findings}");
    }
    let en = text(&with_lang(None, &args));
    let sentences = english_sentences(&en);
    assert!(sentences.len() >= 8, "{en}");
    for sentence in sentences {
        assert!(!nl.contains(&sentence), "{sentence:?} in:\n{nl}");
    }
}
