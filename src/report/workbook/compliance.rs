//! The compliance sheet: the checker's report as one filterable table.

use super::Table;
use super::table::{Cell, count, text};
use crate::check::{CheckReport, FindingSeverity};
use crate::report::Lang;
use crate::report::finding_text;

/// A row of the compliance table; unset cells stay empty.
#[derive(Default)]
struct Line {
    section: Cell,
    subject: Cell,
    value: Cell,
    part: Cell,
    total: Cell,
    norm: Cell,
    code: Cell,
    note: Cell,
}

impl Line {
    fn cells(self) -> Vec<Cell> {
        vec![
            self.section,
            self.subject,
            self.value,
            self.part,
            self.total,
            self.norm,
            self.code,
            self.note,
        ]
    }
}

/// The checker's report as one filterable table: the rule set, the certified share against
/// the minimum and the aim, each course's certified lessons, the verdict and every finding.
pub(super) fn table(check: &CheckReport, lang: Lang) -> Table {
    let headers = if lang == Lang::En {
        vec![
            "Section",
            "Subject",
            "Value",
            "Part",
            "Total",
            "Norm",
            "Code",
            "Explanation",
        ]
    } else {
        vec![
            "Onderdeel",
            "Onderwerp",
            "Waarde",
            "Deel",
            "Totaal",
            "Norm",
            "Code",
            "Toelichting",
        ]
    };
    let t = &check.totals;
    let r = &check.rules;
    let share = |section, value: String, part, total| Line {
        section: text(section),
        value: text(value),
        part: count(part),
        total: count(total),
        norm: text("1.7.1a"),
        ..Line::default()
    };
    let mut lines = vec![
        Line {
            section: text(lang.pick("Regelset", "Rule set")),
            subject: text(r.name.as_str()),
            value: text(r.title.as_str()),
            note: text(validity(check, lang)),
            ..Line::default()
        },
        share(
            lang.pick("Aandeel gecertificeerd", "Certified share"),
            t.certified_share.percent.clone(),
            t.certified_share.part,
            t.certified_share.total,
        ),
        share(
            lang.pick("Minimum (regelset)", "Minimum (rule set)"),
            r.min_certified_share.text.to_string(),
            t.min_certified_lessons,
            t.lessons_given,
        ),
        share(
            lang.pick("Streven", "Aim"),
            r.target_certified_share.text.to_string(),
            t.target_certified_lessons,
            t.lessons_given,
        ),
    ];
    for c in &check.courses {
        lines.push(Line {
            section: text(lang.pick(
                "Gecertificeerde lessen per cursus",
                "Certified lessons per course",
            )),
            subject: text(c.course_code.as_str()),
            value: text(if c.ok {
                lang.pick("voldoet", "meets the norm")
            } else {
                lang.pick("voldoet niet", "below the norm")
            }),
            part: count(c.certified_lessons),
            total: count(c.lessons),
            norm: text("1.7.1b"),
            note: text(format!(
                "{} {}",
                lang.pick("minimaal", "at least"),
                c.required
            )),
            ..Line::default()
        });
    }
    lines.push(Line {
        section: text(lang.pick("Oordeel", "Verdict")),
        value: text(if check.compliant {
            lang.pick("voldoet", "compliant")
        } else {
            lang.pick("voldoet niet", "not compliant")
        }),
        note: text(format!(
            "{} {}, {} {}",
            check.violations,
            lang.pick("overtredingen", "violations"),
            check.warnings,
            lang.pick("waarschuwingen", "warnings")
        )),
        ..Line::default()
    });
    for f in &check.findings {
        lines.push(Line {
            section: text(lang.pick("Bevinding", "Finding")),
            subject: text(f.subject.as_str()),
            value: text(match f.severity() {
                FindingSeverity::Violation => lang.pick("overtreding", "violation"),
                FindingSeverity::Warning => lang.pick("waarschuwing", "warning"),
            }),
            part: count(u64::try_from(f.occurrences).unwrap_or(u64::MAX)),
            norm: text(lang.norm(f.norm())),
            code: text(f.code().as_str()),
            note: text(finding_text::one_line(f, lang)),
            ..Line::default()
        });
    }
    (headers, lines.into_iter().map(Line::cells).collect())
}

/// `geldig van 2025-01-01 t/m 2025-12-31` / `valid from 2025-01-01 to 2025-12-31`.
fn validity(check: &CheckReport, lang: Lang) -> String {
    let r = &check.rules;
    match r.valid_until {
        Some(until) => format!(
            "{} {} {} {until}",
            lang.pick("geldig van", "valid from"),
            r.valid_from,
            lang.pick("t/m", "to"),
        ),
        None => format!(
            "{} {}, {}",
            lang.pick("geldig vanaf", "valid from"),
            r.valid_from,
            lang.pick("zonder einddatum", "open-ended"),
        ),
    }
}
