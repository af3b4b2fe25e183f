//! `sweep --lang nl`: the terminal gives the breaking point's reason (and the log its lines)
//! in Dutch, while the results files stay what they are in English (the analysts' files,
//! read back by scripts).

use crate::support::{demo, nt2plan, stderr, stdout, tree};
use std::path::Path;

fn sweep(file: &Path, out: &Path, lang: &str) -> (String, String) {
    let o = nt2plan([
        "--lang",
        lang,
        "sweep",
        file.to_str().expect("path"),
        "-o",
        out.to_str().expect("path"),
        "--solver",
        "microlp",
        "--no-highest",
        "--find-breaking-point",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}{}", stdout(&o), stderr(&o));
    (stdout(&o), stderr(&o))
}

#[test]
fn a_breaking_points_reason_reads_in_dutch_and_the_results_files_are_those_of_english() {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("scenarios.toml");
    let body = format!(
        "instance = \"{}\"\n[[axis]]\nname = \"minimum\"\nvary = \"certified_floor\"\nlevels = [60, 99]\n",
        demo().display().to_string().replace('\\', "/")
    );
    std::fs::write(&file, body).expect("write the scenario file");
    let (nl_out, en_out) = (dir.path().join("nl"), dir.path().join("en"));
    let (nl, log) = sweep(&file, &nl_out, "nl");
    let (en, _) = sweep(&file, &en_out, "en");
    // Without a terminal the log tells each scenario done, with its status, in Dutch.
    assert!(log.contains("] s002 klaar: onhaalbaar"), "{log}");
    // s001 (60%) has a schedule: its first one is told with what found it, in Dutch.
    assert!(
        log.lines().any(
            |l| l.contains(" s001: een rooster met kosten ") && l.ends_with("(eerste rooster)")
        ),
        "{log}"
    );
    assert!(
        !log.contains(" done: ")
            && !log.contains("a schedule costing")
            && !log.contains("(first schedule)"),
        "{log}"
    );
    let line = nl
        .lines()
        .find(|l| l.starts_with("breekpunt"))
        .unwrap_or_else(|| panic!("a breaking point in {nl}"));
    assert!(
        line.contains(": 99: [1.7.1a] gecertificeerde docenten kunnen hoogstens")
            && line.contains("tekort op het minimum van de regeling"),
        "{line}"
    );
    assert!(
        !line.contains("certified teachers can") && !line.contains("short of"),
        "{line}"
    );
    let english = en
        .lines()
        .find(|l| l.starts_with("breaking point"))
        .unwrap_or_else(|| panic!("a breaking point in {en}"));
    assert!(
        english.contains("[1.7.1a] certified teachers can give at most"),
        "{english}"
    );
    // The results files do not depend on the terminal's language, and keep the English
    // reason without a Dutch one beside it.
    let (mut nl_files, mut en_files) = (tree(&nl_out), tree(&en_out));
    nl_files.remove("timings.csv");
    en_files.remove("timings.csv");
    assert_eq!(nl_files, en_files);
    let json = String::from_utf8_lossy(&nl_files["results.json"]).into_owned();
    assert!(
        json.contains("\"reason\": \"[1.7.1a] certified teachers can give at most"),
        "{json}"
    );
    assert!(
        !json.contains("reason_nl") && !json.contains("gecertificeerde"),
        "{json}"
    );
    let csv = String::from_utf8_lossy(&nl_files["results.csv"]).into_owned();
    assert!(
        csv.lines()
            .next()
            .is_some_and(|h| h.ends_with(",gap,reason,scenario_index"))
    );
    assert!(!csv.contains("gecertificeerde docenten"), "{csv}");
}
