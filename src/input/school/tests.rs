use super::*;
use crate::diag::Code;

const GOOD: &str = r#"name = "Taalschool De Brug"
main_location = "Utrecht"
rules = "addendum-2025"
term_start = "2025-09-01"
term_end = 2025-12-19
closed = [ { from = "2025-10-13", to = "2025-10-17", reason = "herfstvakantie" } ]
observations_per_teacher = 2
[weights]
non_certified_lesson = 12
[blocks]
evening = "18:30-21:30"
morning = "09:00-12:00"
"#;

/// Code, line and column of a diagnostic.
type Place = (Code, Option<u64>, Option<u64>);

fn run(src: &str) -> (Option<SchoolInput>, Vec<Place>) {
    let mut d = Diagnostics::default();
    let s = parse(src, &mut d);
    assert!(d.iter().all(|e| e.file == FILE));
    (s, d.iter().map(|e| (e.code(), e.line, e.column)).collect())
}

#[test]
fn good_school_with_later_keys_reads() {
    let (s, d) = run(GOOD);
    assert!(d.is_empty(), "{d:?}");
    let s = s.expect("school");
    assert_eq!(
        s.term.map(|(a, b)| (a.to_string(), b.to_string())),
        Some(("2025-09-01".into(), "2025-12-19".into()))
    );
    assert_eq!(s.closed.len(), 1);
    let names: Vec<&str> = s.blocks.iter().map(|b| b.name.as_str()).collect();
    assert_eq!(names, ["morning", "evening"]);
    assert_eq!(
        (s.rules.text.as_str(), s.rules.line, s.rules.column),
        ("addendum-2025", 3, 9)
    );
}

#[test]
fn e108_syntax() {
    let (s, d) = run("name = \"x\nmain_location = 3\n");
    assert!(s.is_none());
    assert_eq!(
        d.first().map(|e| (e.0, e.1)),
        Some((Code::TomlSyntax, Some(1)))
    );
}

#[test]
fn e109_missing_key() {
    let (s, d) = run(&GOOD.replace("main_location = \"Utrecht\"\n", ""));
    assert!(s.is_none());
    assert_eq!(d.first().map(|e| e.0), Some(Code::TomlMissingKey));
}

#[test]
fn e110_unknown_key_with_its_line() {
    let (_, d) = run(&GOOD.replace("rules =", "rulez = \"x\"\nrules ="));
    assert_eq!(
        d.first().map(|e| (e.0, e.1)),
        Some((Code::TomlUnknownKey, Some(3)))
    );
}

#[test]
fn e111_wrong_type() {
    let (_, d) = run(&GOOD.replace("main_location = \"Utrecht\"", "main_location = 3"));
    assert_eq!(
        d.first().map(|e| (e.0, e.1)),
        Some((Code::TomlWrongType, Some(2)))
    );
}

#[test]
fn e202_bad_dates_are_all_reported() {
    let src = GOOD
        .replace("term_start = \"2025-09-01\"", "term_start = \"01-09-2025\"")
        .replace("to = \"2025-10-17\"", "to = \"17-10-2025\"");
    let (s, d) = run(&src);
    assert_eq!(
        d,
        [
            (Code::BadDate, Some(4), Some(14)),
            (Code::BadDate, Some(6), Some(40))
        ]
    );
    assert_eq!(s.expect("still read").term, None);
}

#[test]
fn e203_e401_e208_blocks() {
    let src = GOOD.replace(
        "morning = \"09:00-12:00\"",
        "morning = \"9-12\"\nlate = \"21:00-20:00\"\n\"a;b\" = \"10:00-11:00\"",
    );
    let (s, d) = run(&src);
    assert_eq!(
        d,
        [
            (Code::BadSlot, Some(14), Some(9)),
            (Code::EndBeforeStart, Some(13), Some(8)),
            (Code::BadTime, Some(12), Some(11)),
        ]
    );
    let s = s.expect("still read");
    assert_eq!(s.blocks.len(), 1);
    assert_eq!(s.broken_blocks, ["a;b", "late", "morning"]);
}

#[test]
fn e401_term_and_closed_periods() {
    let src = GOOD
        .replace("term_end = 2025-12-19", "term_end = 2025-08-01")
        .replace("from = \"2025-10-13\"", "from = \"2025-10-20\"");
    let (s, d) = run(&src);
    assert_eq!(
        d,
        [
            (Code::EndBeforeStart, Some(5), Some(12)),
            (Code::EndBeforeStart, Some(6), Some(40))
        ]
    );
    let s = s.expect("still read");
    assert_eq!((s.term, s.closed.len()), (None, 0));
}

#[test]
fn weights_are_read_and_default_where_not_given() {
    let (s, d) = run(GOOD);
    assert!(d.is_empty(), "{d:?}");
    let w = s.expect("school").weights;
    assert_eq!(w.non_certified_lesson, 12.0);
    assert_eq!(w.unplaced_student, Weights::default().unplaced_student);
}

#[test]
fn negative_weight_is_e204_and_unknown_weight_is_e110() {
    let (_, d) = run(&GOOD.replace("non_certified_lesson = 12", "non_certified_lesson = -1"));
    assert_eq!(
        d.first().map(|e| (e.0, e.1)),
        Some((Code::BadNumber, Some(9)))
    );
    let (_, d) = run(&GOOD.replace("non_certified_lesson = 12", "certified = 5"));
    assert_eq!(
        d.first().map(|e| (e.0, e.1)),
        Some((Code::TomlUnknownKey, Some(9)))
    );
}

#[test]
fn the_replan_weights_are_read_and_default_to_20_and_500() {
    let (s, d) = run(&GOOD.replace(
        "non_certified_lesson = 12",
        "non_certified_lesson = 12\nchanged_lesson = 3",
    ));
    assert!(d.is_empty(), "{d:?}");
    let w = s.expect("school").weights;
    assert_eq!((w.changed_lesson, w.moved_student), (3.0, 500.0));
    assert_eq!(Weights::default().changed_lesson, 20.0);
}

#[test]
fn a_missing_school_toml_is_told_in_dutch_with_its_folder() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut diags = Diagnostics::default();
    assert!(read(dir.path(), &mut diags).is_none());
    let text = crate::report::diag_text::render(&diags.0[0], crate::report::Lang::Nl);
    assert!(
        text.starts_with(&format!(
            "fout[E101]: school.toml ontbreekt in {}",
            dir.path().display()
        )),
        "{text}"
    );
    assert!(
        !text.contains("No such file") && !text.contains("--lang en"),
        "{text}"
    );
}
