use super::*;
use crate::report::declaration::golden::demo;

/// Every `data-num="POINTER">VALUE<` pair of the page.
pub(crate) fn numbers(html: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(i) = rest.find("data-num=\"") {
        rest = &rest[i + 10..];
        let Some(end) = rest.find('"') else { break };
        let pointer = rest[..end].to_string();
        let Some(open) = rest.find('>') else { break };
        let Some(close) = rest[open..].find('<') else {
            break;
        };
        out.push((pointer, rest[open + 1..open + close].to_string()));
    }
    out
}

#[test]
fn every_number_on_the_page_equals_the_checkers() {
    let (instance, rules, schedule, check) = demo();
    let html = index_html(&instance, &rules, &schedule, &check, Lang::Nl);
    let json = serde_json::to_value(&check).expect("report as JSON");
    let found = numbers(&html);
    assert!(found.len() > 20, "{} numbers", found.len());
    for (pointer, shown) in &found {
        let value = json
            .pointer(pointer)
            .unwrap_or_else(|| panic!("{pointer} is not in check --json"));
        let expected = value
            .as_str()
            .map_or_else(|| value.to_string(), str::to_string);
        assert_eq!(shown, &expected, "{pointer}");
    }
    assert!(found.iter().any(|(p, _)| p == "/totals/certified_lessons"));
}

#[test]
fn the_page_is_self_contained_and_the_same_every_time() {
    let (instance, rules, schedule, check) = demo();
    let html = index_html(&instance, &rules, &schedule, &check, Lang::Nl);
    for external in ["http://", "https://", "<link", "src=", "@import", "url("] {
        assert!(
            !html.contains(external),
            "the page refers to something outside: {external}"
        );
    }
    assert_eq!(
        html,
        index_html(&instance, &rules, &schedule, &check, Lang::Nl)
    );
    assert!(html.contains("lang=\"nl\"") && html.contains("Weekrooster"));
    let en = index_html(&instance, &rules, &schedule, &check, Lang::En);
    assert!(en.contains("lang=\"en\"") && en.contains("Week timetable"));
}

#[test]
fn names_cannot_break_out_of_the_page_or_its_data() {
    let (mut instance, rules, schedule, check) = demo();
    instance.school.name = "<b>De Brug</b> & co".into();
    if let Some(t) = instance.teachers.first_mut() {
        t.name = "</script><script>alert(1)</script>".into();
    }
    let html = index_html(&instance, &rules, &schedule, &check, Lang::Nl);
    assert!(html.contains("&lt;b&gt;De Brug&lt;/b&gt; &amp; co"));
    assert!(!html.contains("</script><script>alert(1)"));
    assert_eq!(
        html.matches("</script>").count(),
        2,
        "only the page's own two scripts end"
    );
}
