//! `index.html`: one self-contained page (no network, no external assets) with the compliance
//! dashboard, drawn on the server side from the checker's report, and week timetables per
//! location, group and teacher drawn by a small inline script from embedded JSON.
//!
//! Every number the dashboard shows carries `data-num="<JSON pointer>"` into `check --json`,
//! so a test in a real browser can compare the page with the checker number by number.
//!
//! The markup is written with `maud`, which escapes every inserted value; the only text put in
//! unescaped (`PreEscaped`) is the page's own style sheet and script and the embedded JSON,
//! whose `</` is written `<\/` so that no name in it can end the script element.
//!
//! Every verdict the page shows is the checker's: the share bar is red exactly when the
//! checker found the share below the minimum (C101), the course and group rows take their
//! `ok` and status from the report. The page itself judges nothing.

use super::Lang;
use super::documents::Beside;
use super::finding_text;
use crate::check::{CheckReport, FindingSeverity, GroupStatus, ShareValue};
use crate::diag::Code;
use crate::domain::{Instance, RuleSet, Schedule};
use maud::{DOCTYPE, Markup, PreEscaped, html};

mod data;
mod options;

const CSS: &str = include_str!("html/page.css");
const JS: &str = include_str!("html/page.js");

/// The page.
pub fn index_html(
    instance: &Instance,
    rules: &RuleSet,
    schedule: &Schedule,
    check: &CheckReport,
    lang: Lang,
) -> String {
    index_html_with(instance, rules, schedule, check, lang, Beside::default())
}

/// The page, with what is known beside the schedule: the highest reachable certified share
/// beside the share reached, and what would help a school that misses the norms (`solve`
/// computes them; `report` on a given schedule does not).
pub fn index_html_with(
    instance: &Instance,
    rules: &RuleSet,
    schedule: &Schedule,
    check: &CheckReport,
    lang: Lang,
    beside: Beside<'_>,
) -> String {
    let t = |nl: &'static str, en: &'static str| lang.pick(nl, en);
    let data = serde_json::to_string(&data::page_data(instance, schedule, lang))
        .unwrap_or_else(|_| "{}".into())
        .replace("</", "<\\/");
    let page = html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (instance.school.name) " · " (t("rooster en naleving", "timetable and compliance")) }
                style { (PreEscaped(CSS)) }
            }
            body {
                (header(instance, rules, check, lang))
                main {
                    pre id="js-errors" {}
                    (share_section(check, lang, beside.highest))
                    (courses_section(check, lang))
                    (groups_section(check, lang))
                    (who_pays_section(check, lang))
                    (findings_section(check, lang))
                    (options::section(beside.options, lang))
                    (timetable_section(lang, instance.has_rooms()))
                }
                script type="application/json" id="data" { (PreEscaped(data)) }
                script { (PreEscaped(JS)) }
            }
        }
    };
    let mut page = page.into_string();
    page.push('\n');
    page
}

fn header(instance: &Instance, rules: &RuleSet, check: &CheckReport, lang: Lang) -> Markup {
    let t = |nl: &'static str, en: &'static str| lang.pick(nl, en);
    let validity = match rules.valid_until {
        Some(u) => format!("{} {} {u}", rules.valid_from, t("t/m", "to")),
        None => format!("{} {}", t("vanaf", "from"), rules.valid_from),
    };
    html! {
        header {
            h1 { (instance.school.name) }
            p {
                @if check.compliant {
                    span.verdict.ok { (t("VOLDOET", "COMPLIANT")) }
                } @else {
                    span.verdict.bad { (t("VOLDOET NIET", "NOT COMPLIANT")) }
                }
                " " (t("onder regelset", "under rule set")) " "
                strong { (rules.name) }
                " (" (validity) ") · " (t("periode", "term")) " " (instance.school.term_start)
                " " (t("tot en met", "to")) " " (instance.school.term_end) " · "
                span data-num="/violations" { (check.violations) }
                " " (t("overtreding(en)", "violation(s)")) " · "
                span data-num="/warnings" { (check.warnings) }
                " " (t("waarschuwing(en)", "warning(s)"))
            }
        }
    }
}

/// The class of the share bar: the checker's verdict on norm 1.7.1a's minimum (C101), never
/// a comparison of its own.
fn share_bar_class(check: &CheckReport) -> &'static str {
    if check.has(Code::ShareBelowMinimum) {
        "fill bad"
    } else {
        "fill"
    }
}

fn share_section(check: &CheckReport, lang: Lang, highest: Option<&ShareValue>) -> Markup {
    let t = |nl: &'static str, en: &'static str| lang.pick(nl, en);
    let s = &check.totals.certified_share;
    // Positions on the bar only (two decimals of a percent); the colour is the checker's.
    let percent = |part: u64, total: u64| {
        if total == 0 {
            0.0
        } else {
            part as f64 * 100.0 / total as f64
        }
    };
    let reached = percent(s.part, s.total);
    let min = f64::from(check.rules.min_certified_share.parts_per_10000) / 100.0;
    let aim = f64::from(check.rules.target_certified_share.parts_per_10000) / 100.0;
    let totals = &check.totals;
    html! {
        section id="share" {
            h2 { (t("Aandeel gecertificeerde lessen (norm 1.7.1a)", "Share of lessons by certified teachers (norm 1.7.1a)")) }
            div.cards {
                div.card {
                    div.big data-num="/totals/certified_share/percent" { (s.percent) }
                    " " span data-num="/totals/certified_lessons" { (totals.certified_lessons) }
                    " " (t("van", "of")) " "
                    span data-num="/totals/lessons_given" { (totals.lessons_given) }
                    " " (t("lessen door gecertificeerde NT2-docenten", "lessons by certified NT2 teachers"))
                    div.meter {
                        div class=(share_bar_class(check)) style=(format!("width:{reached:.2}%")) {}
                        div.mark style=(format!("left:{min:.2}%")) {
                            span { "min " (check.rules.min_certified_share.text) }
                        }
                        div.mark style=(format!("left:{aim:.2}%")) {
                            span { (t("streven", "aim")) " " (check.rules.target_certified_share.text) }
                        }
                    }
                }
                @if let Some(h) = highest {
                    div.card id="highest" {
                        div.big { (h.percent) }
                        (t("hoogst haalbaar aandeel", "highest reachable share")) " ("
                        (h.part) " " (t("van", "of")) " " (h.total) " "
                        (t("lessen, met zoveel mogelijk cursisten geplaatst", "lessons, with as many students placed as possible")) ")"
                    }
                }
                div.card {
                    div.big data-num="/totals/students_placed" { (totals.students_placed) }
                    (t("van", "of")) " "
                    span data-num="/totals/students_total" { (totals.students_total) }
                    " " (t("cursisten geplaatst", "students placed")) "; "
                    span data-num="/totals/students_not_placed" { (totals.students_not_placed) }
                    " " (t("zonder plaats", "without a place"))
                }
                div.card {
                    div.big data-num="/totals/groups_running" { (totals.groups_running) }
                    (t("van", "of")) " "
                    span data-num="/totals/groups_total" { (totals.groups_total) }
                    " " (t("groepen draaien", "groups run"))
                }
            }
        }
    }
}

fn courses_section(check: &CheckReport, lang: Lang) -> Markup {
    let t = |nl: &'static str, en: &'static str| lang.pick(nl, en);
    html! {
        section id="courses" {
            h2 { (t("Gecertificeerde lessen per cursuscode (norm 1.7.1b)", "Certified lessons per course code (norm 1.7.1b)")) }
            table {
                tr {
                    th { (t("cursuscode", "course code")) }
                    th.num { (t("lessen", "lessons")) }
                    th.num { (t("gecertificeerd", "certified")) }
                    th.num { (t("vereist", "required")) }
                    th { (t("voldoet", "meets")) }
                }
                @for (i, c) in check.courses.iter().enumerate() {
                    tr {
                        td { (c.course_code.as_str()) }
                        td.num data-num=(format!("/courses/{i}/lessons")) { (c.lessons) }
                        td.num data-num=(format!("/courses/{i}/certified_lessons")) { (c.certified_lessons) }
                        td.num data-num=(format!("/courses/{i}/required")) { (c.required) }
                        @if c.ok {
                            td.yes { (t("ja", "yes")) }
                        } @else {
                            td.no { (t("nee", "no")) }
                        }
                    }
                }
            }
        }
    }
}

fn groups_section(check: &CheckReport, lang: Lang) -> Markup {
    let t = |nl: &'static str, en: &'static str| lang.pick(nl, en);
    let opt = |v: Option<u32>| v.map_or_else(|| "–".to_string(), |x| x.to_string());
    html! {
        section id="groups" {
            h2 { (t("Groepsgrootte (norm 2.2.1)", "Group sizes (norm 2.2.1)")) }
            p.muted { (t("Geel: boven het standaardmaximum met uitzondering 2.", "Yellow: above the standard maximum under exception 2.")) }
            table {
                tr {
                    th { (t("groep", "group")) }
                    th { (t("locatie", "location")) }
                    th { (t("profiel", "profile")) }
                    th.num { (t("grootte", "size")) }
                    th.num { (t("standaard max.", "standard max.")) }
                    th.num { (t("tijdelijk max.", "temporary max.")) }
                    th { (t("status", "status")) }
                }
                @for (i, g) in check.groups.iter().enumerate() {
                    tr class=[group_class(g.status)] {
                        td { (g.course_code.as_str()) }
                        td { (g.location.as_str()) }
                        td { (g.profile.as_str()) }
                        td.num data-num=(format!("/groups/{i}/size")) { (g.size) }
                        td.num { (opt(g.standard_max)) }
                        td.num { (opt(g.temporary_max)) }
                        td { (group_status(g.status, lang)) }
                    }
                }
            }
            @if !check.alternatives.is_empty() {
                h3 { (t("Gekozen lesmomenten", "Chosen meeting times")) }
                ul {
                    @for a in &check.alternatives {
                        li { (a.course_code.as_str()) ": " (a.slots.join(", ")) }
                    }
                }
            }
        }
    }
}

fn group_class(status: GroupStatus) -> Option<&'static str> {
    match status {
        GroupStatus::AboveStandardException2 => Some("ex2"),
        GroupStatus::Violation => Some("violation"),
        _ => None,
    }
}

fn group_status(status: GroupStatus, lang: Lang) -> &'static str {
    super::check_text::status_text(status, lang)
}

/// Who pays, highlighted: every student without a place with the reason, every lesson
/// without a teacher, every course and teacher short (the checker's `who_pays`).
fn who_pays_section(check: &CheckReport, lang: Lang) -> Markup {
    let t = |nl: &'static str, en: &'static str| lang.pick(nl, en);
    let lines = super::who_pays_text::lines(&check.who_pays, lang);
    html! {
        @if !lines.is_empty() {
            section id="who-pays" class="who-pays" {
                h2 { (t("Wie betaalt: zonder plaats, zonder docent, tekort", "Who pays: without a place, without a teacher, short")) }
                ul {
                    @for line in &lines {
                        li { (line) }
                    }
                }
            }
        }
    }
}

fn findings_section(check: &CheckReport, lang: Lang) -> Markup {
    let t = |nl: &'static str, en: &'static str| lang.pick(nl, en);
    html! {
        section id="findings" {
            h2 { (t("Bevindingen van de controle", "Findings of the check")) }
            @if check.findings.is_empty() {
                p { (t("Geen bevindingen: het rooster voldoet aan elke norm.", "No findings: the timetable meets every norm.")) }
            } @else {
                table {
                    tr {
                        th { (t("code", "code")) }
                        th { (t("norm", "norm")) }
                        th { (t("ernst", "severity")) }
                        th { (t("bevinding", "finding")) }
                    }
                    @for f in &check.findings {
                        tr {
                            td { (f.code()) }
                            td { (lang.norm(f.norm())) }
                            @match f.severity() {
                                FindingSeverity::Violation => {
                                    td.sev-violation { (t("overtreding", "violation")) }
                                }
                                FindingSeverity::Warning => {
                                    td.sev-warning { (t("waarschuwing", "warning")) }
                                }
                            }
                            td {
                                @match finding_text::describe(f, lang) {
                                    (meaning, Some(message)) => {
                                        (meaning) br; small { (message) }
                                    }
                                    (meaning, None) => { (meaning) }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// With `rooms` (a school with rooms.csv) the timetable can be shown per room too.
fn timetable_section(lang: Lang, rooms: bool) -> Markup {
    let t = |nl: &'static str, en: &'static str| lang.pick(nl, en);
    html! {
        section id="timetable" {
            h2 { (t("Weekrooster", "Week timetable")) }
            div.controls {
                label {
                    (t("Per", "By")) " "
                    select id="kind" {
                        option value="location" { (t("locatie", "location")) }
                        option value="group" { (t("groep", "group")) }
                        option value="teacher" { (t("docent", "teacher")) }
                        @if rooms {
                            option value="room" { (t("lokaal", "room")) }
                        }
                    }
                }
                " " label { select id="who" {} }
                " " button id="prev" type="button" { "◀" }
                label { (t("Week", "Week")) " " select id="week" {} }
                button id="next" type="button" { "▶" }
                " " span id="grid-count" class="muted" {}
            }
            p.legend {
                span { "✓ " (t("les van een gecertificeerde docent", "lesson by a certified teacher")) }
                span { "* " (t("niet-gecertificeerde docent", "non-certified teacher")) }
            }
            p id="link-note" class="link-note" {}
            div id="grid" {
                p.muted { (t("Het weekrooster heeft JavaScript nodig; de tabellen hierboven niet.", "The week timetable needs JavaScript; the tables above do not.")) }
            }
            // Every week of the chosen view, filled by the script; shown only when printing.
            div id="print-weeks" {}
        }
    }
}

#[cfg(test)]
mod tests;
