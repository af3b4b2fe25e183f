//! `index.html`: one self-contained page (no network, no external assets) with the compliance
//! dashboard, drawn on the server side from the checker's report, and week timetables per
//! location, group and teacher drawn by a small inline script from embedded JSON.
//!
//! Every number the dashboard shows carries `data-num="<JSON pointer>"` into `check --json`,
//! so a test in a real browser can compare the page with the checker number by number.

use super::Lang;
use super::declaration::text::html_escape as esc;
use super::finding_text;
use crate::check::{CheckReport, FindingSeverity, GroupStatus};
use crate::domain::{Instance, RuleSet, Schedule};
use chrono::{Datelike, NaiveDate};
use serde_json::json;
use std::collections::BTreeMap;
use std::fmt::Write as _;

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
    let t = |nl: &'static str, en: &'static str| lang.pick(nl, en);
    let mut h = String::new();
    let _ = writeln!(
        h,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{} · {}</title>\n<style>\n{CSS}</style>\n</head>\n<body>",
        lang.code(),
        esc(&instance.school.name),
        t("rooster en naleving", "timetable and compliance"),
    );
    let verdict = if check.compliant {
        format!(
            "<span class=\"verdict ok\">{}</span>",
            t("VOLDOET", "COMPLIANT")
        )
    } else {
        format!(
            "<span class=\"verdict bad\">{}</span>",
            t("VOLDOET NIET", "NOT COMPLIANT")
        )
    };
    let _ = writeln!(
        h,
        "<header><h1>{}</h1><p>{verdict} {} <strong>{}</strong> ({}) · {} {} {} {} · <span data-num=\"/violations\">{}</span> {} · <span data-num=\"/warnings\">{}</span> {}</p></header>\n<main>\n<pre id=\"js-errors\"></pre>",
        esc(&instance.school.name),
        t("onder regelset", "under rule set"),
        esc(&rules.name),
        esc(&match rules.valid_until {
            Some(u) => format!("{} {} {u}", rules.valid_from, t("t/m", "to")),
            None => format!("{} {}", t("vanaf", "from"), rules.valid_from),
        }),
        t("periode", "term"),
        instance.school.term_start,
        t("tot en met", "to"),
        instance.school.term_end,
        check.violations,
        t("overtreding(en)", "violation(s)"),
        check.warnings,
        t("waarschuwing(en)", "warning(s)"),
    );
    share_section(&mut h, check, lang);
    courses_section(&mut h, check, lang);
    groups_section(&mut h, check, lang);
    findings_section(&mut h, check, lang);
    let _ = writeln!(
        h,
        "<section id=\"timetable\"><h2>{}</h2>\n<div class=\"controls\"><label>{} <select id=\"kind\"><option value=\"location\">{}</option><option value=\"group\">{}</option><option value=\"teacher\">{}</option></select></label> <label><select id=\"who\"></select></label> <button id=\"prev\" type=\"button\">◀</button><label>{} <select id=\"week\"></select></label><button id=\"next\" type=\"button\">▶</button> <span id=\"grid-count\" class=\"muted\"></span></div>\n<p class=\"legend\"><span>✓ {}</span><span>* {}</span></p>\n<div id=\"grid\"><p class=\"muted\">{}</p></div></section>",
        t("Weekrooster", "Week timetable"),
        t("Per", "By"),
        t("locatie", "location"),
        t("groep", "group"),
        t("docent", "teacher"),
        t("Week", "Week"),
        t(
            "les van een gecertificeerde docent",
            "lesson by a certified teacher"
        ),
        t("niet-gecertificeerde docent", "non-certified teacher"),
        t(
            "Het weekrooster heeft JavaScript nodig; de tabellen hierboven niet.",
            "The week timetable needs JavaScript; the tables above do not."
        ),
    );
    let data = serde_json::to_string(&page_data(instance, schedule, lang))
        .unwrap_or_else(|_| "{}".into())
        .replace("</", "<\\/");
    let _ = writeln!(
        h,
        "</main>\n<script type=\"application/json\" id=\"data\">{data}</script>\n<script>\n{JS}</script>\n</body>\n</html>"
    );
    h
}

fn share_section(h: &mut String, check: &CheckReport, lang: Lang) {
    let t = |nl: &'static str, en: &'static str| lang.pick(nl, en);
    let s = &check.totals.certified_share;
    let fraction = |part: u64, total: u64| {
        if total == 0 {
            0.0
        } else {
            part as f64 * 100.0 / total as f64
        }
    };
    let reached = fraction(s.part, s.total);
    let min = f64::from(check.rules.min_certified_share.parts_per_10000) / 100.0;
    let aim = f64::from(check.rules.target_certified_share.parts_per_10000) / 100.0;
    let class = if reached + 1e-9 >= min {
        "fill"
    } else {
        "fill bad"
    };
    let totals = &check.totals;
    let _ = writeln!(
        h,
        "<section id=\"share\"><h2>{}</h2>\n<div class=\"cards\">\
         <div class=\"card\"><div class=\"big\" data-num=\"/totals/certified_share/percent\">{}</div>{} <span data-num=\"/totals/certified_lessons\">{}</span> {} <span data-num=\"/totals/lessons_given\">{}</span> {}\
         <div class=\"meter\"><div class=\"{class}\" style=\"width:{reached:.2}%\"></div><div class=\"mark\" style=\"left:{min:.2}%\"><span>min {}</span></div><div class=\"mark\" style=\"left:{aim:.2}%\"><span>{} {}</span></div></div></div>\
         <div class=\"card\"><div class=\"big\" data-num=\"/totals/students_placed\">{}</div>{} <span data-num=\"/totals/students_total\">{}</span> {}; <span data-num=\"/totals/students_not_placed\">{}</span> {}</div>\
         <div class=\"card\"><div class=\"big\" data-num=\"/totals/groups_running\">{}</div>{} <span data-num=\"/totals/groups_total\">{}</span> {}</div>\
         </div></section>",
        t(
            "Aandeel gecertificeerde lessen (norm 1.7.1a)",
            "Share of lessons by certified teachers (norm 1.7.1a)"
        ),
        esc(&s.percent),
        t("", ""),
        totals.certified_lessons,
        t("van", "of"),
        totals.lessons_given,
        t(
            "lessen door gecertificeerde NT2-docenten",
            "lessons by certified NT2 teachers"
        ),
        esc(&check.rules.min_certified_share.text.to_string()),
        t("streven", "aim"),
        esc(&check.rules.target_certified_share.text.to_string()),
        totals.students_placed,
        t("van", "of"),
        totals.students_total,
        t("cursisten geplaatst", "students placed"),
        totals.students_not_placed,
        t("zonder plaats", "without a place"),
        totals.groups_running,
        t("van", "of"),
        totals.groups_total,
        t("groepen draaien", "groups run"),
    );
}

fn courses_section(h: &mut String, check: &CheckReport, lang: Lang) {
    let t = |nl: &'static str, en: &'static str| lang.pick(nl, en);
    let _ = writeln!(
        h,
        "<section id=\"courses\"><h2>{}</h2><table><tr><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th>{}</th></tr>",
        t(
            "Gecertificeerde lessen per cursuscode (norm 1.7.1b)",
            "Certified lessons per course code (norm 1.7.1b)"
        ),
        t("cursuscode", "course code"),
        t("lessen", "lessons"),
        t("gecertificeerd", "certified"),
        t("vereist", "required"),
        t("voldoet", "meets"),
    );
    for (i, c) in check.courses.iter().enumerate() {
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td class=\"num\" data-num=\"/courses/{i}/lessons\">{}</td><td class=\"num\" data-num=\"/courses/{i}/certified_lessons\">{}</td><td class=\"num\" data-num=\"/courses/{i}/required\">{}</td><td class=\"{}\">{}</td></tr>",
            esc(c.course_code.as_str()),
            c.lessons,
            c.certified_lessons,
            c.required,
            if c.ok { "yes" } else { "no" },
            if c.ok { t("ja", "yes") } else { t("nee", "no") },
        );
    }
    h.push_str("</table></section>\n");
}

fn groups_section(h: &mut String, check: &CheckReport, lang: Lang) {
    let t = |nl: &'static str, en: &'static str| lang.pick(nl, en);
    let _ = writeln!(
        h,
        "<section id=\"groups\"><h2>{}</h2><p class=\"muted\">{}</p><table><tr><th>{}</th><th>{}</th><th>{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th class=\"num\">{}</th><th>{}</th></tr>",
        t("Groepsgrootte (norm 2.2.1)", "Group sizes (norm 2.2.1)"),
        t(
            "Geel: boven het standaardmaximum met uitzondering 2.",
            "Yellow: above the standard maximum under exception 2."
        ),
        t("groep", "group"),
        t("locatie", "location"),
        t("profiel", "profile"),
        t("grootte", "size"),
        t("standaard max.", "standard max."),
        t("tijdelijk max.", "temporary max."),
        t("status", "status"),
    );
    for (i, g) in check.groups.iter().enumerate() {
        let class = match g.status {
            GroupStatus::AboveStandardException2 => " class=\"ex2\"",
            GroupStatus::Violation => " class=\"violation\"",
            _ => "",
        };
        let status = match g.status {
            GroupStatus::Closed => t("gesloten", "closed"),
            GroupStatus::WithinStandard => t("binnen standaard", "within standard"),
            GroupStatus::AboveStandardException2 => t(
                "boven standaard (uitzondering 2)",
                "above standard (exception 2)",
            ),
            GroupStatus::Violation => t("OVERTREDING", "VIOLATION"),
            GroupStatus::UnknownSizeClass => t("grootteklasse onbekend", "size class unknown"),
        };
        let opt = |v: Option<u32>| v.map_or_else(|| "–".to_string(), |x| x.to_string());
        let _ = writeln!(
            h,
            "<tr{class}><td>{}</td><td>{}</td><td>{}</td><td class=\"num\" data-num=\"/groups/{i}/size\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td>{}</td></tr>",
            esc(g.course_code.as_str()),
            esc(g.location.as_str()),
            esc(g.profile.as_str()),
            g.size,
            opt(g.standard_max),
            opt(g.temporary_max),
            status,
        );
    }
    h.push_str("</table></section>\n");
}

fn findings_section(h: &mut String, check: &CheckReport, lang: Lang) {
    let t = |nl: &'static str, en: &'static str| lang.pick(nl, en);
    let _ = write!(
        h,
        "<section id=\"findings\"><h2>{}</h2>",
        t("Bevindingen van de controle", "Findings of the check")
    );
    if check.findings.is_empty() {
        let _ = writeln!(
            h,
            "<p>{}</p></section>",
            t(
                "Geen bevindingen: het rooster voldoet aan elke norm.",
                "No findings: the timetable meets every norm."
            )
        );
        return;
    }
    let _ = writeln!(
        h,
        "<table><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr>",
        t("code", "code"),
        t("norm", "norm"),
        t("ernst", "severity"),
        t("bevinding", "finding"),
    );
    for f in &check.findings {
        let (class, sev) = match f.severity {
            FindingSeverity::Violation => ("sev-violation", t("overtreding", "violation")),
            FindingSeverity::Warning => ("sev-warning", t("waarschuwing", "warning")),
        };
        let _ = writeln!(
            h,
            "<tr><td>{}</td><td>{}</td><td class=\"{class}\">{sev}</td><td>{}</td></tr>",
            f.code,
            esc(f.norm),
            match finding_text::describe(f, lang) {
                (meaning, Some(message)) => format!(
                    "{}<br><small lang=\"en\">{}</small>",
                    esc(&meaning),
                    esc(message)
                ),
                (meaning, None) => esc(&meaning),
            },
        );
    }
    h.push_str("</table></section>\n");
}

/// What the week timetables are drawn from.
fn page_data(instance: &Instance, schedule: &Schedule, lang: Lang) -> serde_json::Value {
    let week_of = |d: NaiveDate| {
        let w = d.iso_week();
        format!("{}-W{:02}", w.year(), w.week())
    };
    let mut weeks: BTreeMap<String, NaiveDate> = BTreeMap::new();
    let mut days = std::collections::BTreeSet::new();
    let lesson = |date: NaiveDate| {
        let monday =
            date - chrono::Duration::days(i64::from(date.weekday().num_days_from_monday()));
        (week_of(date), monday, date.weekday().num_days_from_monday())
    };
    let hhmm = |t: chrono::NaiveTime| t.format("%H:%M").to_string();
    let mut lessons = Vec::new();
    for r in &schedule.timetable {
        let (w, monday, wd) = lesson(r.date);
        weeks.insert(w.clone(), monday);
        days.insert(wd);
        let teacher = r.teacher.as_ref().and_then(|id| instance.teacher(id));
        lessons.push(json!({
            "w": w, "wd": wd, "d": r.date, "s": hhmm(r.time.start), "e": hhmm(r.time.end),
            "c": r.course_code, "l": r.location,
            "t": r.teacher.as_ref().map_or("", |t| t.as_str()),
            "tn": teacher.map_or("", |t| t.name.as_str()),
            "cert": teacher.is_some_and(|t| t.is_certified()),
        }));
    }
    let observations: Vec<_> = schedule
        .observations
        .iter()
        .map(|o| {
            let (w, _, wd) = lesson(o.date);
            let observed = instance.teacher(&o.observed);
            json!({
                "w": w, "wd": wd, "d": o.date, "s": hhmm(o.time.start), "e": hhmm(o.time.end),
                "c": o.course_code, "t": o.teacher, "o": o.observed,
                "tn": observed.map_or("", |t| t.name.as_str()),
                "l": instance.group(&o.course_code).map_or("", |g| g.location.as_str()),
                "cert": observed.is_some_and(|t| t.is_certified()),
            })
        })
        .collect();
    let month = |d: NaiveDate| {
        let names = match lang {
            Lang::Nl => [
                "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
            ],
            Lang::En => [
                "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
            ],
        };
        format!("{} {}", d.day(), names[d.month0() as usize])
    };
    let weeks: Vec<_> = weeks
        .into_iter()
        .map(|(key, monday)| {
            let dates: Vec<String> = (0..7).map(|k| month(monday + chrono::Duration::days(k))).collect();
            json!({ "key": key, "label": format!("{} {} ({})", lang.pick("week", "week"), monday.iso_week().week(), month(monday)), "dates": dates })
        })
        .collect();
    let mut shown: Vec<u32> = (0..5).collect();
    shown.extend(days.into_iter().filter(|d| *d >= 5));
    json!({
        "days": shown,
        "weeks": weeks,
        "blocks": instance.school.blocks.iter().map(|b| json!({"name": b.name, "start": hhmm(b.time.start), "end": hhmm(b.time.end)})).collect::<Vec<_>>(),
        "lessons": lessons,
        "observations": observations,
        "locations": instance.school.locations,
        "groups": instance.groups.iter().map(|g| json!({"code": g.course_code, "location": g.location, "profile": g.profile})).collect::<Vec<_>>(),
        "teachers": instance.teachers.iter().map(|t| json!({"id": t.id, "name": t.name, "cert": t.is_certified()})).collect::<Vec<_>>(),
        "labels": {
            "dayNames": match lang {
                Lang::Nl => ["ma", "di", "wo", "do", "vr", "za", "zo"],
                Lang::En => ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
            },
            "block": lang.pick("blok", "block"),
            "observes": lang.pick("observeert", "observes"),
            "certified": lang.pick("gecertificeerde docent", "certified teacher"),
            "notCertified": lang.pick("niet-gecertificeerde docent", "non-certified teacher"),
            "none": lang.pick("geen lessen deze week", "no lessons this week"),
            "lessons": lang.pick("lessen", "lessons"),
        },
    })
}

#[cfg(test)]
mod tests;
