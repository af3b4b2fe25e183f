use super::*;
use crate::check::fixture::{Fx, addendum, handleiding};
use crate::testing::{assert_golden, demo};

/// Only certified lessons and a group within the standard maximum.
fn plain() -> Fx {
    let mut fx = Fx::new();
    fx.teacher("C1", true);
    fx.group("G1", "Utrecht", "B1");
    fx.fill("G1", 10);
    fx.staff("G1", "C1");
    fx
}

/// 6 of 20 lessons by non-certified N1 (70% certified), and a full cell with one group at 23.
fn both_in_use() -> Fx {
    let mut fx = Fx::new();
    fx.teacher("C1", true);
    fx.teacher("N1", false).name = "Noor Nieuw".into();
    fx.big_group("B1-A", 2);
    fx.fill("B1-A", 23);
    fx.staff_split("B1-A", &[("C1", 14), ("N1", 6)]);
    fx.mentoring("N1", "C1");
    fx
}

#[test]
fn demo_declaration_matches_the_golden_file() {
    let (instance, rules, _, report) = demo();
    let md = declaration_md(&instance, &rules, &report, Lang::Nl);
    assert_golden("verklaring.md", &md);
}

#[test]
fn demo_declaration_states_the_numbers_of_the_schedule() {
    let (instance, rules, _, report) = demo();
    let md = declaration_md(&instance, &rules, &report, Lang::Nl);
    for needle in [
        "**Naam Keurmerkhouder:** Taalschool De Brug",
        "**Bow-nummer Keurmerkhouder:** BOW-12345",
        "Per 1 september 2025 gebruik te willen maken",
        "☒ Uitzondering 1; minimaal 60% van de gegeven lessen",
        "groep van de 40% niet-gecertificeerden",
        "- Bram Jansen (T02)",
        "178 van 251 (70.9%)",
        "addendum-2025",
        "gelden tot uiterlijk 1 januari 2026.",
    ] {
        assert!(md.contains(needle), "missing {needle:?} in\n{md}");
    }
    assert_eq!(md, declaration_md(&instance, &rules, &report, Lang::Nl));
}

#[test]
fn a_schedule_using_no_exception_leaves_both_boxes_unchecked() {
    let fx = plain();
    let report = fx.check(&addendum());
    let md = declaration_md(&fx.instance, &addendum(), &report, Lang::Nl);
    assert!(md.contains("☐ Uitzondering 1;"), "{md}");
    assert!(md.contains("☐ Uitzondering 2;"), "{md}");
    assert!(!md.contains('☒'), "{md}");
    assert!(md.contains("Niet van toepassing: gecertificeerd 5 van 5 (100.0%)"));
}

#[test]
fn exceptions_in_use_are_ticked_with_the_teachers_and_the_cells() {
    let fx = both_in_use();
    let report = fx.check(&addendum());
    let md = declaration_md(&fx.instance, &addendum(), &report, Lang::Nl);
    assert!(md.contains("☒ Uitzondering 1;"), "{md}");
    assert!(md.contains("- Noor Nieuw (N1)"), "{md}");
    assert!(md.contains("☒ Uitzondering 2;"), "{md}");
    assert!(
        md.contains(
            "- Utrecht – B1 (NT2/B1, standaardmaximum 20, tijdelijk maximum 25): B1-A (23 \
             cursisten); 3 cursist(en) boven het standaardmaximum"
        ),
        "{md}"
    );
    // The statements stay for the signer to tick.
    assert_eq!(md.matches('☐').count(), 4, "{md}");
}

#[test]
fn a_rule_set_without_exceptions_says_so_instead_of_offering_a_box() {
    let fx = both_in_use();
    let report = fx.check(&handleiding());
    let md = declaration_md(&fx.instance, &handleiding(), &report, Lang::Nl);
    assert!(!md.contains("Uitzondering 1;"), "{md}");
    assert!(!md.contains("Uitzondering 2;"), "{md}");
    assert!(
        md.contains("wordt niet aangeboden door regelset handleiding-2024"),
        "{md}"
    );
    assert!(md.contains("een overtreding van norm 1.7.1a."), "{md}");
    assert!(md.contains("een overtreding van norm 2.2.1."), "{md}");
    assert!(md.contains("biedt geen van beide uitzonderingen"), "{md}");
}

#[test]
fn a_missing_bow_number_and_an_empty_timetable_leave_lines_to_fill_in() {
    let mut fx = Fx::new();
    fx.instance.school.bow_number = None;
    let report = fx.check(&addendum());
    let md = declaration_md(&fx.instance, &addendum(), &report, Lang::Nl);
    assert!(
        md.contains("**Bow-nummer Keurmerkhouder:** ____________________\n"),
        "{md}"
    );
    assert!(
        md.contains("**Contactpersoon Keurmerkhouder:** ____"),
        "{md}"
    );
    assert!(md.contains("Per ____________________ gebruik"), "{md}");
    assert!(md.contains("het rooster bevat geen gegeven lessen"), "{md}");
}

#[test]
fn html_escapes_every_text_value() {
    let mut fx = both_in_use();
    fx.instance.school.name = "Smit & Zn <b>".into();
    fx.instance.teachers[1].name = "<script>alert(1)</script> & co".into();
    let report = fx.check(&addendum());
    let html = declaration_html(&fx.instance, &addendum(), &report, Lang::Nl);
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<b>"), "{html}");
    assert!(
        html.contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co (N1)"),
        "{html}"
    );
    assert!(
        html.contains("<title>Verklaring – Smit &amp; Zn &lt;b&gt;</title>"),
        "{html}"
    );
    let md = declaration_md(&fx.instance, &addendum(), &report, Lang::Nl);
    assert!(
        md.contains("- \\<script\\>alert(1)\\</script\\> \\& co (N1)"),
        "{md}"
    );
}

#[test]
fn html_is_one_self_contained_printable_page() {
    let (instance, rules, _, report) = demo();
    let html = declaration_html(&instance, &rules, &report, Lang::Nl);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">"));
    assert!(html.ends_with("</html>\n"));
    assert!(html.contains("@page { size: A4;"));
    assert!(html.contains("default-src 'none'"));
    for external in ["<script", "src=", "href=", "url(", "<link", "@import"] {
        assert!(!html.contains(external), "{external} in\n{html}");
    }
    assert!(html.contains("<span class=\"box\">☒</span><span>Uitzondering 1;"));
    assert!(html.contains("<span class=\"box\">☒</span><span>Uitzondering 2;"));
    assert!(html.contains("<td>Handtekening:<span class=\"blank\"></span></td>"));
}

#[test]
fn english_is_marked_as_a_translation_of_the_dutch_form() {
    let (instance, rules, _, report) = demo();
    let md = declaration_md(&instance, &rules, &report, Lang::En);
    for needle in [
        "# Declaration",
        "Translation of the Dutch form Bijlage 1",
        "**Name of the Keurmerkhouder:** Taalschool De Brug",
        "As of 1 September 2025 to wish to make use",
        "☒ Exception 1; at least 60% of the lessons given",
        "group of the 40% non-certified",
        "apply until 1 January 2026 at the latest.",
        "178 of 251 (70.9%)",
    ] {
        assert!(md.contains(needle), "missing {needle:?} in\n{md}");
    }
    assert!(!md.contains("Uitzondering"), "{md}");
    let html = declaration_html(&instance, &rules, &report, Lang::En);
    assert!(html.contains("<html lang=\"en\">"));
}
