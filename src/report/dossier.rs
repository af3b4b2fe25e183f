//! The supervision dossier (Bijlage 2 of the Addendum): one Markdown page per non-certified
//! teacher who teaches, and an index.
//!
//! Under exception 1 the school documents, per non-certified teacher, the status of their
//! supervision, for the auditor. A page holds what the schedule knows (the teacher, their
//! mentors, the lessons they give, the observation lessons planned, the deadline for
//! certification) and leaves room for what only the school knows (the lesson plans used,
//! signed off by the mentor). Each page is also written as printable HTML (A4) with room to
//! write per observation lesson, for the mentoring meetings, the lesson plans and the further
//! training. Pages are `begeleiding/<id>.md` and `.html` with the id made safe as a
//! file name, so an id cannot lead out of the folder. Dutch by default, English on request;
//! no timestamps.

mod html;
mod page;

#[cfg(test)]
use html::printed_pages;

#[cfg(test)]
mod tests;

use crate::check::CheckReport;
use crate::domain::{Instance, Schedule, TeacherId, TimetableRow};
use crate::report::declaration::text::md_escape;
use crate::report::{Lang, safe_file_name};
use chrono::{Months, NaiveDate};
use std::fmt::Write as _;

/// The folder the pages go in, relative to the output folder.
pub const FOLDER: &str = "begeleiding";

/// The deadline for certification: `first_lesson` plus `years` whole years. A first lesson
/// on 29 February ends on 28 February of a year without one (the earlier of the two
/// candidates, so the term is never exceeded). `None` only beyond the calendar's range.
pub fn certification_deadline(first_lesson: NaiveDate, years: u32) -> Option<NaiveDate> {
    first_lesson.checked_add_months(Months::new(years.checked_mul(12)?))
}

/// The page's file name inside [`FOLDER`], without the folder: the id made safe, and kept
/// apart from the index (also where file systems ignore case).
pub fn page_file_name(id: &TeacherId) -> String {
    let name = safe_file_name(id.as_str());
    let name = if name.eq_ignore_ascii_case("index") {
        // A changed id gets a hash suffix, which no plain `index` id can collide with.
        safe_file_name(&format!("{id} "))
    } else {
        name
    };
    format!("{name}.md")
}

/// The dossier: `("begeleiding/<id>.md", page)` and its printable `<id>.html` for every non-certified teacher who teaches
/// (`check.declaration.non_certified_teachers`) and `("begeleiding/index.md", index)`
/// linking them, sorted by path.
pub fn dossier_pages(
    instance: &Instance,
    schedule: &Schedule,
    check: &CheckReport,
    lang: Lang,
) -> Vec<(String, String)> {
    let mut teachers = check.declaration.non_certified_teachers.clone();
    teachers.sort();
    teachers.dedup_by(|a, b| a.id == b.id);
    let mut entries = Vec::new();
    let mut pages = Vec::new();
    for named in &teachers {
        let lessons = lessons_of(schedule, &named.id);
        let file = page_file_name(&named.id);
        let first = lessons.first().map(|r| r.date);
        let deadline = first.and_then(|d| {
            certification_deadline(d, instance.school.supervision.certification_deadline_years)
        });
        let page = page::Page {
            instance,
            schedule,
            check,
            lang,
            id: &named.id,
            name: &named.name,
            lessons: &lessons,
            deadline,
        };
        let text = page::render(&page);
        let printable = html::render(&page);
        entries.push(Entry {
            id: &named.id,
            name: &named.name,
            file: file.clone(),
            lessons: lessons.len(),
            deadline,
        });
        let html_file = format!("{}.html", file.trim_end_matches(".md"));
        pages.push((format!("{FOLDER}/{html_file}"), printable));
        pages.push((format!("{FOLDER}/{file}"), text));
    }
    pages.push((
        format!("{FOLDER}/index.md"),
        index(instance, check, &entries, lang),
    ));
    pages.sort();
    pages
}

/// The teacher's timetable rows, by date, time and course code.
fn lessons_of<'a>(schedule: &'a Schedule, id: &TeacherId) -> Vec<&'a TimetableRow> {
    let mut rows: Vec<&TimetableRow> = schedule
        .timetable
        .iter()
        .filter(|r| r.teacher.as_ref() == Some(id))
        .collect();
    rows.sort_by(|a, b| {
        (a.date, a.time, &a.course_code, &a.location).cmp(&(
            b.date,
            b.time,
            &b.course_code,
            &b.location,
        ))
    });
    rows
}

/// One line of the index.
struct Entry<'a> {
    id: &'a TeacherId,
    name: &'a str,
    file: String,
    lessons: usize,
    deadline: Option<NaiveDate>,
}

fn index(instance: &Instance, check: &CheckReport, entries: &[Entry<'_>], lang: Lang) -> String {
    let t = |nl: &'static str, en: &'static str| lang.pick(nl, en);
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# {} {}\n",
        t("Begeleidingsdossier", "Supervision dossier"),
        md_escape(&instance.school.name)
    );
    let _ = writeln!(
        s,
        "> {} {}.\n",
        t(
            "Begeleiding van niet-gecertificeerde docenten (Bijlage 2 bij het Addendum op de \
             Handleiding Keurmerk Inburgeren 2024), opgesteld door nt2plan uit het rooster; \
             regelset",
            "Supervision of non-certified teachers (Bijlage 2 of the Addendum to the \
             Handleiding Keurmerk Inburgeren 2024), drawn up by nt2plan from the schedule; \
             rule set"
        ),
        md_escape(&check.rules.name)
    );
    if entries.is_empty() {
        let _ = writeln!(
            s,
            "{}",
            t(
                "Geen niet-gecertificeerde docent geeft les in dit rooster; er is geen dossier \
                 nodig.",
                "No non-certified teacher teaches in this schedule; no dossier is needed."
            )
        );
        return s;
    }
    let _ = writeln!(
        s,
        "{} {}\n",
        entries.len(),
        t(
            "niet-gecertificeerde docent(en) geven les:",
            "non-certified teacher(s) teach:"
        )
    );
    let _ = writeln!(
        s,
        "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|",
        t("Docent", "Teacher"),
        t("Naam", "Name"),
        t("Lessen", "Lessons"),
        t("Begeleider(s)", "Mentor(s)"),
        t("Uiterlijk gecertificeerd", "Certified by")
    );
    for e in entries {
        let mentors = page::mentors_of(check, e.id);
        let mentors = if mentors.is_empty() {
            t("**geen**", "**none**").to_string()
        } else {
            mentors
                .iter()
                .map(|m| format!("{} ({})", md_escape(&m.name), md_escape(&m.id)))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let _ = writeln!(
            s,
            "| [{}]({}) | {} | {} | {mentors} | {} |",
            md_escape(e.id.as_str()),
            e.file,
            md_escape(e.name),
            e.lessons,
            e.deadline.map_or("-".to_string(), |d| d.to_string())
        );
    }
    s
}
