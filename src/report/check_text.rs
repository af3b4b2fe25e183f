//! The checker's report as plain text for a terminal: an auditor's summary.
//!
//! The order follows what an auditor asks for: which rules, the certified share, courses
//! without enough certified lessons, group sizes against both limits, supervision, the
//! declaration data, then every finding grouped by norm, and a one-line verdict last so it
//! is what stays on screen. Only ids are printed for students (personal data).

use super::Lang;
use crate::check::{
    CheckError, CheckReport, Finding, FindingSeverity, GroupReport, GroupStatus, NORMS,
};
use std::fmt::Write as _;

mod sections;

/// Renders `report` as text in English; the last line is the verdict.
pub fn render(report: &CheckReport) -> String {
    render_in(report, Lang::En)
}

/// Renders `report` as text in `lang`: every heading, label, column and status word, the
/// findings (which in Dutch lead with their Dutch meaning from the code table) and the
/// verdict. Ids, names, course codes and the rule set's own title stay as written.
pub fn render_in(report: &CheckReport, lang: Lang) -> String {
    let mut out = String::new();
    header(&mut out, report, lang);
    share(&mut out, report, lang);
    courses(&mut out, report, lang);
    groups(&mut out, report, lang);
    sections::alternatives(&mut out, report, lang);
    sections::mentoring(&mut out, report, lang);
    sections::declaration(&mut out, report, lang);
    who_pays(&mut out, report, lang);
    findings(&mut out, &report.findings, lang);
    let _ = writeln!(out, "{}", verdict_in(report, lang));
    out
}

/// [`verdict`] in `lang`: `VOLDOET` or `VOLDOET NIET: N overtredingen, M waarschuwingen`.
pub fn verdict_in(report: &CheckReport, lang: Lang) -> String {
    if lang == Lang::En {
        return verdict(report);
    }
    let (v, w) = (report.violations, report.warnings);
    match (report.compliant, w) {
        (true, 0) => "VOLDOET".to_string(),
        (true, _) => format!("VOLDOET ({w} waarschuwing(en))"),
        (false, _) => format!("VOLDOET NIET: {v} overtreding(en), {w} waarschuwing(en)"),
    }
}

/// Why the schedule could not be judged, in `lang`: `error: …` or `fout[E404]: …`.
pub fn error_in(error: &CheckError, lang: Lang) -> String {
    match lang {
        Lang::En => format!("error: {error}"),
        Lang::Nl => format!("fout[{}]: {}", error.code(), error.dutch()),
    }
}

/// `COMPLIANT` or `NOT COMPLIANT: N violations, M warnings` (warnings alone keep compliance).
pub fn verdict(report: &CheckReport) -> String {
    if report.compliant {
        if report.warnings == 0 {
            "COMPLIANT".to_string()
        } else {
            format!("COMPLIANT ({} warnings)", report.warnings)
        }
    } else {
        format!(
            "NOT COMPLIANT: {} violations, {} warnings",
            report.violations, report.warnings
        )
    }
}

/// Everyone and everything that pays for the schedule, by name.
fn who_pays(out: &mut String, r: &CheckReport, lang: Lang) {
    let lines = super::who_pays_text::lines(&r.who_pays, lang);
    if lines.is_empty() {
        return;
    }
    let _ = writeln!(out, "{}", lang.pick("Wie betaalt", "Who pays"));
    for line in lines {
        let _ = writeln!(out, "  {line}");
    }
    out.push('\n');
}

fn header(out: &mut String, r: &CheckReport, lang: Lang) {
    let t = &r.totals;
    let (placed, not_placed, total) = (t.students_placed, t.students_not_placed, t.students_total);
    let (running, closed) = (t.groups_running, t.groups_closed);
    match lang {
        Lang::Nl => {
            let _ = writeln!(out, "Controle op de normen onder regeling {}", r.rules.name);
            let _ = writeln!(out, "  {}", r.rules.title);
            let validity = match r.rules.valid_until {
                Some(u) => format!("van {} t/m {u}", r.rules.valid_from),
                None => format!("vanaf {}, zonder einddatum", r.rules.valid_from),
            };
            let _ = writeln!(out, "  geldig {validity}");
            let _ = writeln!(
                out,
                "  cursisten: {placed} geplaatst, {not_placed} niet geplaatst (van {total}); \
                 groepen: {running} gaan door, {closed} gesloten"
            );
        }
        Lang::En => {
            let _ = writeln!(out, "Compliance check under rule set {}", r.rules.name);
            let _ = writeln!(out, "  {}", r.rules.title);
            let _ = writeln!(out, "  valid {}", r.rules.validity);
            let _ = writeln!(
                out,
                "  students: {placed} placed, {not_placed} not placed (of {total}); \
                 groups: {running} running, {closed} closed"
            );
        }
    }
    out.push('\n');
}

fn share(out: &mut String, r: &CheckReport, lang: Lang) {
    let t = &r.totals;
    let s = &t.certified_share;
    let pick = |nl, en| lang.pick(nl, en);
    let _ = writeln!(
        out,
        "{}",
        pick(
            "1.7.1a Aandeel gecertificeerde lessen",
            "1.7.1a Certified share"
        )
    );
    let _ = match lang {
        Lang::Nl => writeln!(
            out,
            "  gecertificeerde lessen: {} van {} gegeven ({})",
            s.part, s.total, s.percent
        ),
        Lang::En => writeln!(
            out,
            "  certified lessons: {} of {} given ({})",
            s.part, s.total, s.percent
        ),
    };
    let below_min = s.part < t.min_certified_lessons;
    let below_target = s.part < t.target_certified_lessons;
    let met = pick("gehaald", "met");
    let _ = writeln!(
        out,
        "  {:<7} {:>6} = {} {}   {}",
        "minimum",
        r.rules.min_certified_share.text.to_string(),
        t.min_certified_lessons,
        pick("lessen", "lessons"),
        if below_min {
            pick("ONDER HET MINIMUM", "BELOW MINIMUM")
        } else {
            met
        }
    );
    let _ = writeln!(
        out,
        "  {:<7} {:>6} = {} {}   {}",
        pick("streven", "target"),
        r.rules.target_certified_share.text.to_string(),
        t.target_certified_lessons,
        pick("lessen", "lessons"),
        if below_target {
            pick("onder het streven", "below target")
        } else {
            met
        }
    );
    out.push('\n');
}

fn courses(out: &mut String, r: &CheckReport, lang: Lang) {
    let least = r.rules.min_certified_lessons_per_course;
    let _ = match lang {
        Lang::Nl => writeln!(
            out,
            "1.7.1b Gecertificeerde lessen per cursuscode (ten minste {least} per cursus)"
        ),
        Lang::En => writeln!(
            out,
            "1.7.1b Certified lessons per course (at least {least} each)"
        ),
    };
    let short: Vec<_> = r.courses.iter().filter(|c| !c.ok).collect();
    if short.is_empty() {
        let n = r.courses.len();
        let _ = match lang {
            Lang::Nl => writeln!(
                out,
                "  alle {n} cursussen die doorgaan hebben genoeg gecertificeerde lessen"
            ),
            Lang::En => writeln!(
                out,
                "  all {n} running courses have enough certified lessons"
            ),
        };
    } else {
        let width = short
            .iter()
            .map(|c| c.course_code.as_str().len())
            .max()
            .unwrap_or(0);
        for c in short {
            let code = c.course_code.as_str();
            let (certified, lessons, required) = (c.certified_lessons, c.lessons, c.required);
            let _ = match lang {
                Lang::Nl => writeln!(
                    out,
                    "  {code:<width$}  {certified} van {lessons} lessen gecertificeerd, \
                     nodig {required}"
                ),
                Lang::En => writeln!(
                    out,
                    "  {code:<width$}  {certified} of {lessons} lessons certified, \
                     needs {required}"
                ),
            };
        }
    }
    out.push('\n');
}

fn limit(v: Option<u32>) -> String {
    v.map_or_else(|| "?".to_string(), |n| n.to_string())
}

fn groups(out: &mut String, r: &CheckReport, lang: Lang) {
    let _ = writeln!(
        out,
        "{}",
        lang.pick("2.2.1 Groepsgrootte", "2.2.1 Group sizes")
    );
    if r.groups.is_empty() {
        let _ = writeln!(out, "  {}\n", lang.pick("geen groepen", "no groups"));
        return;
    }
    let head = match lang {
        Lang::Nl => [
            "cursus", "locatie", "profiel", "klasse", "grootte", "std", "tijd", "status",
        ],
        Lang::En => [
            "course", "location", "profile", "class", "size", "std", "temp", "status",
        ],
    };
    let rows: Vec<[String; 8]> = r.groups.iter().map(|g| group_cells(g, lang)).collect();
    let mut widths = head.map(|h| h.chars().count());
    for row in &rows {
        for (w, cell) in widths.iter_mut().zip(row) {
            *w = (*w).max(cell.chars().count());
        }
    }
    let line = |cells: &[String]| -> String {
        let mut s = String::from(" ");
        for (i, (cell, w)) in cells.iter().zip(widths).enumerate() {
            // Numbers right-aligned, text left-aligned; the last column unpadded.
            if i == cells.len() - 1 {
                let _ = write!(s, " {cell}");
            } else if (4..=6).contains(&i) {
                let _ = write!(s, " {cell:>w$}");
            } else {
                let _ = write!(s, " {cell:<w$}");
            }
        }
        s
    };
    let _ = writeln!(out, "{}", line(&head.map(String::from)));
    for row in &rows {
        let _ = writeln!(out, "{}", line(row));
    }
    out.push('\n');
}

/// A group's status word in `lang`, as every text and document gives it; English is
/// [`GroupStatus::as_str`].
pub fn status_text(status: GroupStatus, lang: Lang) -> &'static str {
    let nl = match status {
        GroupStatus::Closed => "gesloten",
        GroupStatus::WithinStandard => "binnen standaard",
        GroupStatus::AboveStandardException2 => "boven standaard (uitzondering 2)",
        GroupStatus::Violation => "OVERTREDING",
        GroupStatus::UnknownSizeClass => "grootteklasse onbekend",
    };
    lang.pick(nl, status.as_str())
}

fn group_cells(g: &GroupReport, lang: Lang) -> [String; 8] {
    let mut status = status_text(g.status, lang).to_string();
    if g.status != GroupStatus::Closed && g.size < g.min_size {
        let below = lang.pick("onder min", "below min");
        status.push_str(&format!(", {below} {}", g.min_size));
    }
    [
        g.course_code.to_string(),
        g.location.to_string(),
        g.profile.to_string(),
        g.size_class.clone(),
        g.size.to_string(),
        limit(g.standard_max),
        limit(g.temporary_max),
        status,
    ]
}

fn findings(out: &mut String, all: &[Finding], lang: Lang) {
    let _ = writeln!(out, "{}", lang.pick("Bevindingen", "Findings"));
    if all.is_empty() {
        let _ = writeln!(out, "  {}\n", lang.pick("geen", "none"));
        return;
    }
    for norm in NORMS {
        let of_norm: Vec<&Finding> = all.iter().filter(|f| f.norm() == norm).collect();
        if of_norm.is_empty() {
            continue;
        }
        let _ = writeln!(out, "  {}", lang.norm(norm));
        for f in of_norm {
            let kind = match f.severity() {
                FindingSeverity::Violation => lang.pick("overtreding", "violation"),
                FindingSeverity::Warning => lang.pick("waarschuwing", "warning"),
            };
            let text = super::finding_text::one_line(f, lang);
            let _ = writeln!(out, "    {kind}[{}] {text}", f.code());
        }
    }
    out.push('\n');
}

#[cfg(test)]
mod tests;
