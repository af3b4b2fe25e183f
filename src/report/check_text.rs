//! The checker's report as plain text for a terminal: an auditor's summary.
//!
//! The order follows what an auditor asks for: which rules, the certified share, courses
//! without enough certified lessons, group sizes against both limits, supervision, the
//! declaration data, then every finding grouped by norm, and a one-line verdict last so it
//! is what stays on screen. Only ids are printed for students (personal data).

use super::Lang;
use crate::check::{
    CheckReport, Finding, FindingSeverity, GroupReport, GroupStatus, MentorKind, MentorRef, NORMS,
};
use std::fmt::Write as _;

/// Renders `report` as text in English; the last line is the verdict.
pub fn render(report: &CheckReport) -> String {
    render_in(report, Lang::En)
}

/// Renders `report` as text; in Dutch the findings lead with their Dutch meaning (from the
/// code table) and the verdict is Dutch, the tables above them stay English.
pub fn render_in(report: &CheckReport, lang: Lang) -> String {
    let mut out = String::new();
    header(&mut out, report);
    share(&mut out, report);
    courses(&mut out, report);
    groups(&mut out, report);
    alternatives(&mut out, report);
    mentoring(&mut out, report);
    declaration(&mut out, report);
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

fn header(out: &mut String, r: &CheckReport) {
    let _ = writeln!(out, "Compliance check under rule set {}", r.rules.name);
    let _ = writeln!(out, "  {}", r.rules.title);
    let _ = writeln!(out, "  valid {}", r.rules.validity);
    let t = &r.totals;
    let _ = writeln!(
        out,
        "  students: {} placed, {} not placed (of {}); groups: {} running, {} closed",
        t.students_placed,
        t.students_not_placed,
        t.students_total,
        t.groups_running,
        t.groups_closed
    );
    out.push('\n');
}

fn share(out: &mut String, r: &CheckReport) {
    let t = &r.totals;
    let s = &t.certified_share;
    let _ = writeln!(out, "1.7.1a Certified share");
    let _ = writeln!(
        out,
        "  certified lessons: {} of {} given ({})",
        s.part, s.total, s.percent
    );
    let below_min = s.part < t.min_certified_lessons;
    let below_target = s.part < t.target_certified_lessons;
    let _ = writeln!(
        out,
        "  minimum {:>6} = {} lessons   {}",
        r.rules.min_certified_share.text.to_string(),
        t.min_certified_lessons,
        if below_min { "BELOW MINIMUM" } else { "met" }
    );
    let _ = writeln!(
        out,
        "  target  {:>6} = {} lessons   {}",
        r.rules.target_certified_share.text.to_string(),
        t.target_certified_lessons,
        if below_target { "below target" } else { "met" }
    );
    out.push('\n');
}

fn courses(out: &mut String, r: &CheckReport) {
    let _ = writeln!(
        out,
        "1.7.1b Certified lessons per course (at least {} each)",
        r.rules.min_certified_lessons_per_course
    );
    let short: Vec<_> = r.courses.iter().filter(|c| !c.ok).collect();
    if short.is_empty() {
        let _ = writeln!(
            out,
            "  all {} running courses have enough certified lessons",
            r.courses.len()
        );
    } else {
        let width = short
            .iter()
            .map(|c| c.course_code.as_str().len())
            .max()
            .unwrap_or(0);
        for c in short {
            let _ = writeln!(
                out,
                "  {:<width$}  {} of {} lessons certified, needs {}",
                c.course_code.as_str(),
                c.certified_lessons,
                c.lessons,
                c.required
            );
        }
    }
    out.push('\n');
}

fn limit(v: Option<u32>) -> String {
    v.map_or_else(|| "?".to_string(), |n| n.to_string())
}

fn groups(out: &mut String, r: &CheckReport) {
    let _ = writeln!(out, "2.2.1 Group sizes");
    if r.groups.is_empty() {
        let _ = writeln!(out, "  no groups\n");
        return;
    }
    let head = [
        "course", "location", "profile", "class", "size", "std", "temp", "status",
    ];
    let rows: Vec<[String; 8]> = r.groups.iter().map(group_cells).collect();
    let mut widths = head.map(str::len);
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

/// The alternative of meeting times each group with a choice follows; nothing without.
fn alternatives(out: &mut String, r: &CheckReport) {
    if r.alternatives.is_empty() {
        return;
    }
    let _ = writeln!(out, "Chosen meeting times (alternatives in slots)");
    for a in &r.alternatives {
        let chosen = a.alternative.map_or("none followed".to_string(), |k| {
            format!("alternative {k} of {}: {}", a.of, a.slots.join(";"))
        });
        let _ = writeln!(out, "  {}: {chosen}", a.course_code);
    }
    out.push('\n');
}

fn group_cells(g: &GroupReport) -> [String; 8] {
    let mut status = g.status.as_str().to_string();
    if g.status != GroupStatus::Closed && g.size < g.min_size {
        status.push_str(&format!(", below min {}", g.min_size));
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

fn mentor_text(m: &MentorRef) -> String {
    let kind = match m.kind {
        MentorKind::Internal if m.certified => "internal",
        MentorKind::Internal => "internal, NOT certified",
        MentorKind::External => "external",
        MentorKind::Unknown => "UNKNOWN",
    };
    if m.name.is_empty() {
        format!("{} ({kind})", m.id)
    } else {
        format!("{} {} ({kind})", m.id, m.name)
    }
}

fn mentoring(out: &mut String, r: &CheckReport) {
    let m = &r.mentoring;
    let rule = if m.required {
        format!("required by {}", r.rules.name)
    } else {
        format!("not required by {}", r.rules.name)
    };
    let _ = writeln!(out, "Supervision of non-certified teachers ({rule})");
    if m.teachers.is_empty() {
        let _ = writeln!(out, "  no non-certified teacher gives lessons");
    }
    for t in &m.teachers {
        let mentors = if t.mentors.is_empty() {
            "NO MENTOR".to_string()
        } else {
            t.mentors
                .iter()
                .map(mentor_text)
                .collect::<Vec<_>>()
                .join("; ")
        };
        let _ = writeln!(
            out,
            "  {} {}: {} lessons, mentor {mentors}",
            t.teacher, t.name, t.lessons
        );
    }
    for load in &m.mentors {
        let mentees: Vec<&str> = load.mentees.iter().map(|t| t.as_str()).collect();
        let _ = writeln!(
            out,
            "  mentor {}: {} of capacity {}: {}",
            mentor_text(&load.mentor),
            mentees.len(),
            limit(load.capacity),
            mentees.join(", ")
        );
    }
    out.push('\n');
}

fn declaration(out: &mut String, r: &CheckReport) {
    let d = &r.declaration;
    let _ = writeln!(out, "Declaration data (Bijlage 1)");
    let bow = d.bow_number.as_deref().unwrap_or("-");
    let _ = writeln!(
        out,
        "  school: {}, main location {}, BOW number {bow}",
        d.school, d.main_location
    );
    if let (Some(first), Some(last)) = (d.first_lesson, d.last_lesson) {
        let _ = writeln!(out, "  lessons from {first} to {last}");
    }
    for (name, e) in [
        ("exception 1", &d.exception_1),
        ("exception 2", &d.exception_2),
    ] {
        let state = if e.in_use { "IN USE" } else { "not in use" };
        let _ = writeln!(out, "  {name}: {state} - {}", e.reason);
    }
    if !d.non_certified_teachers.is_empty() {
        let names: Vec<String> = d
            .non_certified_teachers
            .iter()
            .map(|t| format!("{} {}", t.id, t.name))
            .collect();
        let _ = writeln!(out, "  non-certified teachers: {}", names.join(", "));
    }
    for c in &d.overflow_cells {
        let groups: Vec<String> = c
            .groups
            .iter()
            .map(|g| format!("{} {}", g.course_code, g.size))
            .collect();
        let _ = writeln!(
            out,
            "  above standard at {} / {} ({}, standard {}, temporary {}): {}; {} above standard",
            c.location,
            c.profile,
            c.size_class,
            c.standard_max,
            c.temporary_max,
            groups.join(", "),
            c.surplus
        );
    }
    out.push('\n');
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
        let _ = writeln!(out, "  {norm}");
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
