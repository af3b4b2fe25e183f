use super::*;
use crate::diag::Code;
use crate::diag::Diagnostic;

fn cell(text: &str) -> Cell {
    Cell {
        file: "f.csv",
        line: 4,
        column: Some(3),
        field: "x",
        text: text.to_string(),
    }
}

#[track_caller]
fn one_error(d: &Diagnostics, code: Code) -> &Diagnostic {
    assert_eq!(d.0.len(), 1, "{d:?}");
    let e = &d.0[0];
    assert_eq!(
        (
            e.code(),
            e.file.as_str(),
            e.line,
            e.column,
            e.field.as_deref()
        ),
        (code, "f.csv", Some(4), Some(3), Some("x"))
    );
    e
}

#[test]
fn e201_required_and_empty_lists() {
    for f in [
        |c: &Cell, d: &mut Diagnostics| required(c, d).is_some(),
        |c: &Cell, d: &mut Diagnostics| list(c, d).is_some(),
        |c: &Cell, d: &mut Diagnostics| slots(c, true, d).is_some(),
    ] {
        let mut d = Diagnostics::default();
        assert!(!f(&cell(" ; "[..0].trim()), &mut d));
        one_error(&d, Code::ValueEmpty);
    }
    let mut d = Diagnostics::default();
    assert_eq!(list(&cell(";;"), &mut d), None);
    one_error(&d, Code::ValueEmpty);
}

#[test]
fn e202_dates_are_iso_or_dutch_excel_day_first_and_nothing_uncertain() {
    let mut d = Diagnostics::default();
    assert_eq!(
        date(&cell("2025-09-01"), &mut d)
            .map(|x| x.to_string())
            .as_deref(),
        Some("2025-09-01")
    );
    assert!(d.is_empty());
    for dutch in ["01-09-2025", "1-9-2025"] {
        let mut d = Diagnostics::default();
        let read = date(&cell(dutch), &mut d).map(|x| x.to_string());
        assert_eq!(read.as_deref(), Some("2025-09-01"), "{dutch}");
        assert_eq!(d.0.len(), 1, "{d:?}");
        assert_eq!(
            (d.0[0].code(), d.0[0].severity()),
            (Code::DayFirstDates, crate::diag::Severity::Warning)
        );
    }
    let mut d = Diagnostics::default();
    assert_eq!(date(&cell("01/09/2025"), &mut d), None);
    assert_eq!(
        one_error(&d, Code::BadDate).fix,
        "write YYYY-MM-DD, e.g. 2025-09-01"
    );
    for bad in [
        "2025-9-1",
        "2025-02-30",
        "2025-13-01",
        "31-02-2025",
        "1-13-2025",
        "1/9/2025",
        "1-9-25",
        "morgen",
    ] {
        let mut d = Diagnostics::default();
        assert_eq!(date(&cell(bad), &mut d), None, "{bad}");
        one_error(&d, Code::BadDate);
    }
    assert_eq!(date_opt(&cell(""), &mut Diagnostics::default()), Some(None));
}

#[test]
fn w201_day_first_dates_collapse_to_one_warning_per_file_counting_the_rest() {
    let mut d = Diagnostics::default();
    d.push(crate::diag::Diagnostic::error(
        ErrorCode::BadDate,
        "earlier.csv",
        "kept",
    ));
    for text in ["1-9-2025", "2-9-2025", "3-9-2025"] {
        date(&cell(text), &mut d);
    }
    collapse_day_first(&mut d, 1, cell("").file);
    let codes: Vec<Code> = d.iter().map(|x| x.code()).collect();
    assert_eq!(codes, [Code::BadDate, Code::DayFirstDates]);
    assert!(
        d.0[1].message.contains("\"1-9-2025\""),
        "{}",
        d.0[1].message
    );
    assert!(
        d.0[1]
            .message
            .ends_with("the other 2 day-first dates of this file")
    );
}

#[test]
fn e203_times() {
    assert!(parse_time("9:00").is_some() && parse_time("18:30").is_some());
    for bad in ["24:00", "9.00", "09:0", "-1:00", "x"] {
        assert_eq!(parse_time(bad), None, "{bad}");
    }
    let mut d = Diagnostics::default();
    assert_eq!(time(&cell("9u"), &mut d), None);
    one_error(&d, Code::BadTime);
}

#[test]
fn e204_numbers_are_whole_non_negative_and_fit() {
    let mut d = Diagnostics::default();
    assert_eq!(number(&cell("25"), &mut d), Some(25));
    assert_eq!(number_or(&cell(""), 7, &mut d), Some(7));
    assert!(d.is_empty());
    for bad in ["-1", "abc", "99999999999999999999", "+3", "2.5"] {
        let mut d = Diagnostics::default();
        assert_eq!(number(&cell(bad), &mut d), None, "{bad}");
        one_error(&d, Code::BadNumber);
    }
}

#[test]
fn e205_e206_e207_keywords_any_case() {
    let mut d = Diagnostics::default();
    assert_eq!(register(&cell("BVNT2"), &mut d), Some(Register::Bvnt2));
    assert_eq!(
        register(&cell("Kwaliteitsregister"), &mut d),
        Some(Register::Kwaliteitsregister)
    );
    assert_eq!(law(&cell("Wi2013"), &mut d), Some(Law::Wi2013));
    assert_eq!(yes_no(&cell(""), &mut d), Some(false));
    assert_eq!(yes_no(&cell("Ja"), &mut d), Some(true));
    assert_eq!(yes_no(&cell("false"), &mut d), Some(false));
    assert!(d.is_empty());
    let mut d = Diagnostics::default();
    assert_eq!(register(&cell("bvnt3"), &mut d), None);
    one_error(&d, Code::BadRegister);
    let mut d = Diagnostics::default();
    assert_eq!(law(&cell("wi2015"), &mut d), None);
    one_error(&d, Code::BadLaw);
    let mut d = Diagnostics::default();
    assert_eq!(yes_no(&cell("misschien"), &mut d), None);
    one_error(&d, Code::BadYesNo);
}

#[test]
fn lists_split_on_semicolons_and_star_means_all() {
    let mut d = Diagnostics::default();
    assert_eq!(
        list(&cell(" Utrecht ; Amersfoort;"), &mut d),
        Some(List::Items(vec!["Utrecht".into(), "Amersfoort".into()]))
    );
    assert_eq!(list(&cell("*"), &mut d), Some(List::All));
    assert!(d.is_empty());
}

#[test]
fn e208_slot_syntax() {
    let mut d = Diagnostics::default();
    let got = slots(&cell("mon-morning; TUE-* ;*"), true, &mut d).expect("valid");
    assert_eq!(got.len(), 3);
    assert_eq!(
        got[1],
        SlotSpec {
            day: Some(Day::Tue),
            block: None
        }
    );
    assert!(d.is_empty());
    for (text, allow_star) in [
        ("monday-morning", true),
        ("mon", true),
        ("mon-", true),
        ("mon-mor*", true),
        ("mon-*", false),
        ("*", false),
    ] {
        let mut d = Diagnostics::default();
        assert_eq!(slots(&cell(text), allow_star, &mut d), None, "{text}");
        one_error(&d, Code::BadSlot);
    }
    let mut d = Diagnostics::default();
    assert_eq!(slots(&cell("x-y;mon-morning;z"), true, &mut d), None);
    assert_eq!(d.0.len(), 2, "each bad entry is reported");
}

#[test]
fn dutch_day_names_and_words_read_as_their_english_ones() {
    let mut d = Diagnostics::default();
    let dutch = slots(
        &cell("ma-morning; DI-* ;Woensdag-evening;zo-x"),
        true,
        &mut d,
    );
    let english = slots(&cell("mon-morning;tue-*;wed-evening;sun-x"), true, &mut d);
    assert!(d.is_empty(), "{d:?}");
    assert_eq!(dutch.expect("Dutch days"), english.expect("English days"));
    let days: Vec<Option<Day>> = ["ma", "di", "wo", "do", "vr", "za", "zo"]
        .into_iter()
        .map(Day::parse)
        .collect();
    assert_eq!(days, Day::ALL.map(Some));
    assert_eq!(register(&cell("None"), &mut d), Some(Register::None));
    assert_eq!(register(&cell("BvNT2"), &mut d), Some(Register::Bvnt2));
    assert_eq!(yes_no(&cell("Ja"), &mut d), Some(true));
    assert_eq!(yes_no(&cell("NEE"), &mut d), Some(false));
    assert!(d.is_empty(), "{d:?}");
}
