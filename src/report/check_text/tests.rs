use super::*;
use crate::check::fixture::{Fx, addendum, handleiding};

/// Under the addendum: 20 lessons (14 certified, 6 by unmentored N1), one group at 23 in a
/// full cell and one course without a certified lesson.
fn fx() -> Fx {
    let mut fx = Fx::new();
    fx.teacher("C1", true);
    fx.teacher("C2", true);
    fx.teacher("N1", false);
    fx.big_group("B1-A", 2);
    fx.fill("B1-A", 20);
    fx.staff_split("B1-A", &[("C1", 14), ("N1", 6)]);
    fx.group("B1-B", "Utrecht", "B1").slots = vec![crate::check::fixture::slot("mon-evening")];
    fx.fill("B1-B", 23);
    fx.staff("B1-B", "N1");
    fx
}

#[test]
fn the_text_has_every_section_and_ends_with_the_verdict() {
    let report = fx().check(&addendum());
    let text = render(&report);
    for needle in [
        "Compliance check under rule set addendum-2025",
        "valid 2025-01-01 to 2025-12-31",
        "certified lessons: 14 of 25 given (56.0%)",
        "minimum    60% = 15 lessons   BELOW MINIMUM",
        "B1-B  0 of 5 lessons certified, needs 1",
        "above standard (exception 2)",
        "N1 Name of N1: 11 lessons, mentor NO MENTOR",
        "exception 2: IN USE",
        "non-certified teachers: N1 Name of N1",
        "above standard at Utrecht / B1 (NT2/B1, standard 20, temporary 25): B1-A 20, B1-B 23",
        "  1.7.1a\n    violation[C101] certified teachers gave 14 of 25",
        "  supervision\n    violation[C131]",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
    let last = text.lines().last().unwrap_or_default();
    assert_eq!(last, "NOT COMPLIANT: 3 violations, 0 warnings", "\n{text}");
}

#[test]
fn a_compliant_report_says_so_and_lists_no_findings() {
    let mut fx = Fx::new();
    fx.teacher("C1", true);
    fx.group("G1", "Utrecht", "B1");
    fx.fill("G1", 10);
    fx.staff("G1", "C1");
    let text = render(&fx.check(&handleiding()));
    assert!(text.contains("Findings\n  none"), "{text}");
    assert!(text.ends_with("COMPLIANT\n"), "{text}");
    assert!(text.contains("not required by handleiding-2024"), "{text}");
}

#[test]
fn the_group_table_aligns_its_columns() {
    let text = render(&fx().check(&addendum()));
    let table: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("2.2.1"))
        .skip(1)
        .take(3)
        .collect();
    let col = |l: &str| l.find("Utrecht");
    assert!(
        table[0].contains("course") && table[0].contains("status"),
        "{table:?}"
    );
    assert_eq!(col(table[1]), col(table[2]), "{table:?}");
}

#[test]
fn the_dutch_text_has_every_section_in_dutch_and_none_of_the_english_words() {
    // The fixture of the English test above, told in Dutch: the same numbers.
    let report = fx().check(&addendum());
    let text = render_in(&report, Lang::Nl);
    for needle in [
        "Controle op de normen onder regeling addendum-2025",
        "geldig van 2025-01-01 t/m 2025-12-31",
        "gecertificeerde lessen: 14 van 25 gegeven (56.0%)",
        "minimum    60% = 15 lessen   ONDER HET MINIMUM",
        "B1-B  0 van 5 lessen gecertificeerd, nodig 1",
        "boven standaard (uitzondering 2)",
        "N1 Name of N1: 11 lessen, begeleider GEEN BEGELEIDER",
        "uitzondering 2: IN GEBRUIK",
        "niet-gecertificeerde docenten: N1 Name of N1",
        "boven standaard op Utrecht / B1 (NT2/B1, standaard 20, tijdelijk 25): B1-A 20, B1-B 23",
        "  1.7.1a\n    overtreding[C101] aandeel lessen door gecertificeerde docenten onder het \
         minimum — gecertificeerde docenten gaven 14 van 25",
        "  begeleiding\n    overtreding[C131]",
        "VOLDOET NIET: ",
    ] {
        assert!(text.contains(needle), "missing {needle:?} in\n{text}");
    }
    for english in [
        "Compliance check",
        "valid ",
        "given (",
        "BELOW",
        "lessons certified",
        "exception",
        "NO MENTOR",
        "IN USE",
        "non-certified teachers",
        "above standard",
        "violation[",
        "certified teachers gave",
        "COMPLIANT",
    ] {
        assert!(!text.contains(english), "{english:?} in\n{text}");
    }
}
