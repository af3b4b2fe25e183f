//! The TOML reader's syntax errors read in Dutch: broken files, each with the Dutch text the
//! planner sees and no English left; a message nobody wrote Dutch for keeps the reader's.

use super::*;

/// The Dutch cause of the error reading `src`, as the terminal prints it (first line).
fn dutch(src: &str) -> String {
    let err = toml::from_str::<toml::Table>(src).expect_err("a broken file");
    let d = de_error("school.toml", src, &err);
    crate::report::diag_text::render(&d, crate::report::Lang::Nl)
}

const ENGLISH: [&str; 10] = [
    "de lezer meldt",
    "expected",
    "invalid",
    "missing",
    "unclosed",
    "must",
    "between",
    "digits",
    "key",
    "--lang en",
];

#[test]
fn common_syntax_errors_have_a_dutch_text_and_no_english() {
    let cases = [
        (
            "weeks = 1__2\n",
            "een _ in een getal mag alleen tussen twee cijfers staan",
        ),
        (
            "weeks = 12_\n",
            "een _ in een getal mag alleen tussen twee cijfers staan",
        ),
        (
            "name = \"a\\qb\"\n",
            "na een \\ in tekst tussen dubbele aanhalingstekens hoort een geldige code",
        ),
        (
            "name = \"a\\u12\"\n",
            "na \\u horen 4 en na \\U 8 hexadecimale cijfers",
        ),
        (
            "name = \"x\nweeks = 3\n",
            "de tekst tussen aanhalingstekens wordt op deze regel niet gesloten",
        ),
        (
            "name = \"\"\"x\n",
            "de tekst over meerdere regels wordt niet gesloten",
        ),
        (
            "weeks\n",
            "na de sleutel horen een = en een waarde (sleutel = waarde)",
        ),
        ("weeks = 1.\n", "na de punt in een getal horen cijfers"),
        ("weeks = 1e\n", "na de e in een getal horen cijfers"),
        (
            "weeks = 1.2.3\n",
            "dit is geen geldig getal (een kommagetal schrijf je met een punt",
        ),
        (
            "weeks = +0x12\n",
            "een getal met 0x, 0o of 0b kan geen + of - ervoor hebben",
        ),
        (
            "weeks = 0X12\n",
            "schrijf 0x, 0o en 0b met een kleine letter",
        ),
        ("weeks = 0xZZ\n", "dit is geen geldig hexadecimaal getal"),
        ("weeks = ++1\n", "een getal heeft hoogstens één + of -"),
        ("weeks = 1e999\n", "dit getal is te groot"),
        ("holiday = True\n", "een ja/nee-waarde is true of false"),
        ("a = [1, = 2]\n", "in een lijst hoort geen ="),
        (
            "a = 1\na.b = 2\n",
            "een sleutel met een punt vult een getal aan die eerder is gegeven",
        ),
        (
            "a = [1]\na.b = 2\n",
            "een sleutel met een punt vult een lijst aan",
        ),
        (
            "a = 1 # ok\u{7}\n",
            "in de opmerking (na #) staat een stuurteken",
        ),
        (
            "a = 1\r b = 2\n",
            "hier staat een los regeleinde-teken (CR)",
        ),
        (
            "\"\"\"a\"\"\" = 1\n",
            "een sleutel kan geen tekst over meerdere regels zijn",
        ),
        (
            "start = 2025-13-01\n",
            "dit is geen geldige datum (verwacht: een maand van 01 tot en met 12); schrijf JJJJ-MM-DD",
        ),
        (
            "start = 2025-02-30\n",
            "dit is geen geldige datum (verwacht: een dag van 01 tot en met 28)",
        ),
        (
            "start = 2025-9-1\n",
            "dit is geen geldige datum (verwacht: een maand van twee cijfers (MM))",
        ),
        (
            "start = 2025-09-01T25:00:00\n",
            "dit is geen geldige tijd (verwacht: een uur van 00 tot en met 23)",
        ),
        ("a = {x = 1 y = 2}\n", "hier staat een = te veel"),
        ("[school\n", "de tabelnaam wordt niet gesloten met ]"),
    ];
    for (src, nl) in cases {
        let text = dutch(src);
        let first = text.lines().next().unwrap_or_default();
        assert!(
            first.starts_with(&format!("fout[E108]: de TOML is hier niet te lezen: {nl}")),
            "{src:?} gives {first}"
        );
        for english in ENGLISH {
            assert!(!text.contains(english), "{english:?} in {text} for {src:?}");
        }
    }
}

#[test]
fn a_syntax_error_keeps_its_place() {
    let text = dutch("name = \"x\"\nweeks = 1__2\n");
    assert!(text.contains("--> school.toml:2:"), "{text}");
}

#[test]
fn a_syntax_error_without_a_dutch_text_keeps_the_readers_detail() {
    let msg = "a complaint from a newer reader, expected `x`";
    assert_eq!(
        dutch::message(msg, None),
        "de TOML is hier niet te lezen (de lezer meldt: a complaint from a newer reader, expected `x`)"
    );
    // A known kind of date error with an expectation no Dutch text names: Dutch without it.
    assert_eq!(
        dutch::message("invalid date, expected a new kind of date part", None),
        "de TOML is hier niet te lezen: dit is geen geldige datum; schrijf JJJJ-MM-DD, bijvoorbeeld 2025-09-01"
    );
}
