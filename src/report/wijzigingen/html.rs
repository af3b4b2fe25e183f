//! `wijzigingen.html`: the same sections as the Markdown, one self-contained printable page
//! (inline CSS, no scripts, nothing loaded); maud escapes every text.

use super::{ChangeKind, Words, gained_rows, lost_rows, part, person, student_rows};
use crate::check::Changes;
use crate::domain::{Instance, Schedule};
use crate::report::Lang;
use crate::report::printed;
use maud::{Markup, html};

const STYLE: &str = "\
@page { size: A4; margin: 18mm 20mm; }
body { font-family: Arial, Helvetica, sans-serif; font-size: 11pt; line-height: 1.4;
  max-width: 180mm; margin: 0 auto; padding: 10mm 0; color: #000; background: #fff; }
h1 { font-size: 18pt; margin: 0 0 3mm; }
h2 { font-size: 14pt; margin: 8mm 0 2mm; border-top: 1px solid #999; padding-top: 4mm; }
h3 { font-size: 12pt; margin: 5mm 0 2mm; }
h4 { font-size: 11pt; margin: 4mm 0 1mm; }
table { border-collapse: collapse; margin: 0 0 3mm; }
th, td { border: 1px solid #bbb; padding: 1mm 2mm; text-align: left; vertical-align: top; }
th { background: #eee; }
.new { font-weight: bold; }
@media print { body { padding: 0; max-width: none; } h2, h3, h4 { break-after: avoid; } }
";

/// `wijzigingen.html`: the changes of a replan of `current`, in `lang`.
pub fn wijzigingen_html(
    instance: &Instance,
    current: &Schedule,
    changes: &Changes,
    lang: Lang,
) -> String {
    let w = Words { lang };
    let title = w.title(changes);
    let nothing = changes.lessons.is_empty() && changes.students.is_empty();
    let body = html! {
        h1 { (title) }
        p { (w.intro()) }
        ul {
            @for line in w.counts(changes) {
                li { (line) }
            }
        }
        @if nothing {
            p { (w.nothing()) }
        } @else {
            @for kind in [ChangeKind::Forced, ChangeKind::Chosen] {
                (section(instance, current, changes, kind, &w))
            }
        }
    };
    printed::document(lang, &title, STYLE, body)
}

fn section(
    instance: &Instance,
    current: &Schedule,
    changes: &Changes,
    kind: ChangeKind,
    w: &Words,
) -> Markup {
    let p = part(current, changes, kind);
    html! {
        section class=(kind.as_str()) {
            h2 { (w.heading(kind)) }
            @if p.is_empty() {
                p { (w.none()) }
            }
            @if !p.teachers.is_empty() {
                h3 { (w.t("Per docent", "Per teacher")) }
            }
            @for (teacher, tp) in &p.teachers {
                h4 { (person(instance, teacher)) }
                @if !tp.lost.is_empty() {
                    p { (w.t("Lessen eraf", "Lessons lost")) ":" }
                    (table(&w.lost_head(), &lost_rows(instance, w, &tp.lost)))
                }
                @if !tp.gained.is_empty() {
                    p { (w.t("Lessen erbij", "Lessons gained")) ":" }
                    (table(&w.gained_head(), &gained_rows(instance, w, &tp.gained)))
                }
            }
            @if !p.groups.is_empty() {
                h3 { (w.t("Per groep: wie er voor de klas staat", "Per group: who teaches it")) }
            }
            @for (course, faces) in &p.groups {
                h4 { (course.as_str()) }
                table {
                    tr { @for h in w.group_head() { th { (h) } } }
                    @for f in faces {
                        tr {
                            td { (person(instance, f.teacher)) }
                            td { (f.lessons) }
                            td class=[f.new.then_some("new")] { (w.face(f.new)) }
                        }
                    }
                }
            }
            @if !p.students.is_empty() {
                h3 { (w.t("Per cursist", "Per student")) }
                (table(&w.student_head(), &student_rows(w, &p.students)))
            }
        }
    }
}

fn table<const N: usize>(head: &[&str; N], rows: &[[String; N]]) -> Markup {
    html! {
        table {
            tr { @for h in head { th { (h) } } }
            @for row in rows {
                tr { @for cell in row { td { (cell) } } }
            }
        }
    }
}
