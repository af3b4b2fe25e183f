//! The alternatives, supervision and declaration sections of the check summary: the meeting
//! times each group with a choice follows, who supervises whom, and the data of Bijlage 1, in
//! the language of the text.

use super::{Lang, limit};
use crate::check::{CheckReport, MentorKind, MentorRef};
use std::fmt::Write as _;

fn mentor_text(m: &MentorRef, lang: Lang) -> String {
    let kind = match m.kind {
        MentorKind::Internal if m.certified => lang.pick("intern", "internal"),
        MentorKind::Internal => lang.pick("intern, NIET gecertificeerd", "internal, NOT certified"),
        MentorKind::External => lang.pick("extern", "external"),
        MentorKind::Unknown => lang.pick("ONBEKEND", "UNKNOWN"),
    };
    if m.name.is_empty() {
        format!("{} ({kind})", m.id)
    } else {
        format!("{} {} ({kind})", m.id, m.name)
    }
}

pub(super) fn mentoring(out: &mut String, r: &CheckReport, lang: Lang) {
    let m = &r.mentoring;
    let name = &r.rules.name;
    let _ = match (lang, m.required) {
        (Lang::Nl, true) => writeln!(
            out,
            "Begeleiding van niet-gecertificeerde docenten (verplicht onder {name})"
        ),
        (Lang::Nl, false) => writeln!(
            out,
            "Begeleiding van niet-gecertificeerde docenten (niet verplicht onder {name})"
        ),
        (Lang::En, true) => writeln!(
            out,
            "Supervision of non-certified teachers (required by {name})"
        ),
        (Lang::En, false) => writeln!(
            out,
            "Supervision of non-certified teachers (not required by {name})"
        ),
    };
    if m.teachers.is_empty() {
        let none = lang.pick(
            "geen niet-gecertificeerde docent geeft les",
            "no non-certified teacher gives lessons",
        );
        let _ = writeln!(out, "  {none}");
    }
    for t in &m.teachers {
        let mentors = if t.mentors.is_empty() {
            lang.pick("GEEN BEGELEIDER", "NO MENTOR").to_string()
        } else {
            t.mentors
                .iter()
                .map(|m| mentor_text(m, lang))
                .collect::<Vec<_>>()
                .join("; ")
        };
        let (lessons, mentor) = (
            lang.pick("lessen", "lessons"),
            lang.pick("begeleider", "mentor"),
        );
        let _ = writeln!(
            out,
            "  {} {}: {} {lessons}, {mentor} {mentors}",
            t.teacher, t.name, t.lessons
        );
    }
    for load in &m.mentors {
        let mentees: Vec<&str> = load.mentees.iter().map(|t| t.as_str()).collect();
        let _ = writeln!(
            out,
            "  {} {}: {} {} {}: {}",
            lang.pick("begeleider", "mentor"),
            mentor_text(&load.mentor, lang),
            mentees.len(),
            lang.pick("van capaciteit", "of capacity"),
            limit(load.capacity),
            mentees.join(", ")
        );
    }
    out.push('\n');
}

pub(super) fn declaration(out: &mut String, r: &CheckReport, lang: Lang) {
    let d = &r.declaration;
    let pick = |nl, en| lang.pick(nl, en);
    let _ = writeln!(
        out,
        "{}",
        pick(
            "Gegevens voor de verklaring (Bijlage 1)",
            "Declaration data (Bijlage 1)"
        )
    );
    let bow = d.bow_number.as_deref().unwrap_or("-");
    let (school, main) = (&d.school, &d.main_location);
    let _ = match lang {
        Lang::Nl => writeln!(
            out,
            "  school: {school}, hoofdlocatie {main}, BOW-nummer {bow}"
        ),
        Lang::En => writeln!(
            out,
            "  school: {school}, main location {main}, BOW number {bow}"
        ),
    };
    if let (Some(first), Some(last)) = (d.first_lesson, d.last_lesson) {
        let _ = match lang {
            Lang::Nl => writeln!(out, "  lessen van {first} tot en met {last}"),
            Lang::En => writeln!(out, "  lessons from {first} to {last}"),
        };
    }
    for (name, e) in [
        (pick("uitzondering 1", "exception 1"), &d.exception_1),
        (pick("uitzondering 2", "exception 2"), &d.exception_2),
    ] {
        let state = if e.in_use {
            pick("IN GEBRUIK", "IN USE")
        } else {
            pick("niet in gebruik", "not in use")
        };
        let reason = lang.pick(&e.reason_nl, &e.reason);
        let _ = writeln!(out, "  {name}: {state} - {reason}");
    }
    if !d.non_certified_teachers.is_empty() {
        let names: Vec<String> = d
            .non_certified_teachers
            .iter()
            .map(|t| format!("{} {}", t.id, t.name))
            .collect();
        let label = pick("niet-gecertificeerde docenten", "non-certified teachers");
        let _ = writeln!(out, "  {label}: {}", names.join(", "));
    }
    for c in &d.overflow_cells {
        let groups: Vec<String> = c
            .groups
            .iter()
            .map(|g| format!("{} {}", g.course_code, g.size))
            .collect();
        let (loc, profile, class) = (&c.location, &c.profile, &c.size_class);
        let (std, temp, surplus) = (c.standard_max, c.temporary_max, c.surplus);
        let groups = groups.join(", ");
        let _ = match lang {
            Lang::Nl => writeln!(
                out,
                "  boven standaard op {loc} / {profile} ({class}, standaard {std}, \
                 tijdelijk {temp}): {groups}; {surplus} boven standaard"
            ),
            Lang::En => writeln!(
                out,
                "  above standard at {loc} / {profile} ({class}, standard {std}, \
                 temporary {temp}): {groups}; {surplus} above standard"
            ),
        };
    }
    out.push('\n');
}

/// The alternative of meeting times each group with a choice follows; nothing without.
pub(super) fn alternatives(out: &mut String, r: &CheckReport, lang: Lang) {
    if r.alternatives.is_empty() {
        return;
    }
    let _ = writeln!(
        out,
        "{}",
        lang.pick(
            "Gekozen lesmomenten (alternatieven in slots)",
            "Chosen meeting times (alternatives in slots)"
        )
    );
    for a in &r.alternatives {
        let chosen = match a.alternative {
            None => lang.pick("geen gevolgd", "none followed").to_string(),
            Some(k) => format!(
                "{} {k} {} {}: {}",
                lang.pick("alternatief", "alternative"),
                lang.pick("van", "of"),
                a.of,
                a.slots.join(";")
            ),
        };
        let _ = writeln!(out, "  {}: {chosen}", a.course_code);
    }
    out.push('\n');
}
