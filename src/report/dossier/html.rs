//! One teacher's page of the supervision dossier as printable HTML (A4), with room to write.
//!
//! The printed dossier has a fixed shape, so its number of pages is known: one summary page
//! (teacher, deadline, mentors, lessons per course, what Bijlage 2 recommends), one page per
//! planned observation lesson (at least one, to fill in by hand) with the guiding questions
//! and the talk afterwards, and one page each for the mentoring meetings, the lesson plans
//! used, and the further training with the deadline and the signatures.

use super::page::{Page, mentors_of};
use crate::check::MentorKind;
use crate::domain::ObservationRow;
use crate::report::Lang;
use crate::report::declaration::text::long_date;
use crate::report::printed;
use chrono::NaiveDate;
use maud::{Markup, html};

/// Empty rows in the tables to fill in by hand.
const ROWS: usize = 10;

/// The number of printed pages of a dossier with `observations` planned observation lessons.
#[cfg(test)]
pub(crate) fn printed_pages(observations: usize) -> usize {
    1 + observations.max(1) + 3
}

const STYLE: &str = "\
@page { size: A4; margin: 15mm 18mm; }
* { box-sizing: border-box; }
html { background: #fff; color: #000; }
body { font-family: Arial, Helvetica, sans-serif; font-size: 10.5pt; line-height: 1.4;
  margin: 0 auto; max-width: 175mm; }
section.page { padding: 8mm 0; }
section.page:not(:last-child) { page-break-after: always; break-after: page; }
h1 { font-size: 16pt; margin: 0 0 2mm; }
h2 { font-size: 12.5pt; margin: 0 0 3mm; }
h3 { font-size: 11pt; margin: 4mm 0 1.5mm; }
p { margin: 0 0 2.5mm; }
p.note { font-size: 9pt; color: #333; }
ul { margin: 0 0 2.5mm 7mm; padding: 0; font-size: 9.5pt; }
table { width: 100%; border-collapse: collapse; margin: 0 0 3mm; }
th, td { border: 1px solid #000; padding: 1mm 2mm; text-align: left; vertical-align: top; }
table.fill td { height: 11mm; }
table.sign td { border: none; border-bottom: 1px solid #000; height: 14mm; width: 50%; }
table.sign th { border: none; padding-left: 0; }
div.box { border: 1px solid #000; height: 62mm; margin: 0 0 3mm; }
@media print { section.page { padding: 0; } }
";

/// The teacher's dossier page in HTML.
pub(super) fn render(p: &Page<'_>) -> String {
    let mut observations: Vec<&ObservationRow> = p
        .schedule
        .observations
        .iter()
        .filter(|o| &o.teacher == p.id)
        .collect();
    observations.sort();
    let title = format!(
        "{} {} ({})",
        p.t("Begeleidingsdossier", "Supervision dossier"),
        p.name,
        p.id
    );
    let body = html! {
        (summary(p, &title))
        @if observations.is_empty() {
            (observation(p, None, 1))
        }
        @for (i, o) in observations.iter().enumerate() {
            (observation(p, Some(o), i + 1))
        }
        (meetings(p))
        (plans(p))
        (training(p))
    };
    printed::document(p.lang, &title, STYLE, body)
}

fn date(d: Option<NaiveDate>, lang: Lang) -> String {
    d.map_or("-".to_string(), |d| long_date(d, lang))
}

fn summary(p: &Page<'_>, title: &str) -> Markup {
    let lang = p.lang;
    let years = p.instance.school.supervision.certification_deadline_years;
    let by_course = p.by_course();
    let mentors = mentors_of(p.check, p.id);
    html! {
        section.page {
            h1 { (title) }
            p.note {
                (p.t("Bijlage 2 bij het Addendum op de Handleiding Keurmerk Inburgeren 2024, voor de auditor. School:",
                     "Bijlage 2 of the Addendum to the Handleiding Keurmerk Inburgeren 2024, for the auditor. School:"))
                " " (p.instance.school.name) "; " (p.t("regelset", "rule set")) " " (p.check.rules.name) "."
            }
            table {
                tr { th { "Id" } td { (p.id) } }
                tr { th { (p.t("Naam", "Name")) } td { (p.name) } }
                tr { th { "Register" } td { (p.t("geen (niet gecertificeerd)", "none (not certified)")) } }
                tr { th { (p.t("Eerste les in dit rooster", "First lesson in this schedule")) } td { (date(p.lessons.first().map(|r| r.date), lang)) } }
                tr { th { (p.t("Laatste les in dit rooster", "Last lesson in this schedule")) } td { (date(p.lessons.last().map(|r| r.date), lang)) } }
                tr { th { (p.t("Uiterlijk gecertificeerd op", "To be certified by")) } td { strong { (date(p.deadline, lang)) } } }
            }
            p.note {
                (p.t("De termijn is de eerste les plus", "The deadline is the first lesson plus")) " " (years) " "
                (p.t("jaar (certification_deadline_years in school.toml).", "year(s) (certification_deadline_years in school.toml)."))
            }
            h3 { (p.t("Begeleider(s)", "Mentor(s)")) }
            @if mentors.is_empty() {
                p { strong { (p.t("Geen begeleider vastgelegd in mentoring.csv.", "No mentor recorded in mentoring.csv.")) } }
            } @else {
                table {
                    tr { th { "Id" } th { (p.t("Naam", "Name")) } th { (p.t("Soort", "Kind")) } th { (p.t("Gecertificeerd", "Certified")) } }
                    @for m in mentors {
                        tr {
                            td { (m.id) }
                            td { (if m.name.is_empty() { "-" } else { &m.name }) }
                            td { (match m.kind {
                                MentorKind::Internal => p.t("interne collega", "internal colleague"),
                                MentorKind::External => p.t("extern", "external"),
                                MentorKind::Unknown => p.t("onbekend", "unknown"),
                            }) }
                            td { (if m.certified { p.t("ja", "yes") } else { p.t("nee", "no") }) }
                        }
                    }
                }
            }
            h3 { (p.t("Gegeven lessen", "Lessons taught")) " (" (p.lessons.len()) ")" }
            table {
                tr { th { (p.t("Cursuscode", "Course code")) } th { (p.t("Lessen", "Lessons")) } th { (p.t("Van", "From")) } th { (p.t("Tot en met", "To")) } }
                @for (code, (n, from, to)) in &by_course {
                    tr { td { (code) } td { (n) } td { (from) } td { (to) } }
                }
            }
            h3 { (p.t("Wat Bijlage 2 vraagt", "What Bijlage 2 asks")) }
            ul {
                li { (p.t("intensieve, persoonlijke begeleiding door een ervaren, gecertificeerde NT2-docent (intern of extern);",
                          "intensive, personal supervision by an experienced, certified NT2 teacher (internal or external);")) }
                li { (p.t("werken met uitgebreide lesplannen van ervaren, gecertificeerde NT2-docenten;",
                          "working from detailed lesson plans by experienced, certified NT2 teachers;")) }
                li { (p.t("regelmatig observeren bij een gecertificeerde docent met kijk- en reflectievragen en een nagesprek;",
                          "regularly observing a certified teacher with guiding questions and a talk afterwards;")) }
                li { (p.t("kennisuitbreiding in de basisprincipes van didactisch handelen (bijscholing);",
                          "further training in the basic principles of teaching;")) }
                li { (p.t("een termijn waarbinnen het certificaat gehaald wordt.", "a deadline for getting certified.")) }
            }
        }
    }
}

fn observation(p: &Page<'_>, o: Option<&ObservationRow>, n: usize) -> Markup {
    let observed = o.map(|o| match p.instance.teacher(&o.observed) {
        Some(t) => format!("{} ({})", t.name, t.id),
        None => o.observed.to_string(),
    });
    html! {
        section.page {
            h2 { (p.t("Observatieles", "Observation lesson")) " " (n) }
            table {
                tr { th { (p.t("Datum", "Date")) } td { (o.map_or(String::new(), |o| long_date(o.date, p.lang))) } }
                tr { th { (p.t("Tijd", "Time")) } td { (o.map_or(String::new(), |o| o.time.to_string())) } }
                tr { th { (p.t("Les (cursuscode)", "Lesson (course code)")) } td { (o.map_or(String::new(), |o| o.course_code.to_string())) } }
                tr { th { (p.t("Geobserveerde docent", "Observed teacher")) } td { (observed.unwrap_or_default()) } }
            }
            h3 { (p.t("Kijk- en reflectievragen vooraf", "Guiding questions beforehand")) }
            p.note { (p.t("Waar let de docent op (eventueel de criteria van de BOWKIT)?", "What does the teacher look at (possibly the BOWKIT criteria)?")) }
            div.box {}
            h3 { (p.t("Nagesprek", "Talk afterwards")) }
            p.note { (p.t("Over de les, de beweegredenen van de docent en de observaties.", "About the lesson, the teacher's reasons and the observations.")) }
            div.box {}
            (signatures(p))
        }
    }
}

fn fill_table(headers: &[&str]) -> Markup {
    html! {
        table.fill {
            tr { @for h in headers { th { (h) } } }
            @for _ in 0..ROWS {
                tr { @for _ in headers { td {} } }
            }
        }
    }
}

fn meetings(p: &Page<'_>) -> Markup {
    html! {
        section.page {
            h2 { (p.t("Begeleidingsgesprekken", "Mentoring meetings")) }
            p.note { (p.t("In te vullen door docent en begeleider.", "To be filled in by teacher and mentor.")) }
            (fill_table(&[p.t("Datum", "Date"), p.t("Begeleider", "Mentor"), p.t("Besproken", "Discussed"), p.t("Afspraken", "Agreements")]))
        }
    }
}

fn plans(p: &Page<'_>) -> Markup {
    html! {
        section.page {
            h2 { (p.t("Gebruikte lesplannen", "Lesson plans used")) }
            p.note { (p.t("Welk lesplan bij een les hoorde, en of de begeleider de voorbereiding besproken en afgetekend heeft.",
                          "Which lesson plan went with a lesson, and whether the mentor discussed and signed off the preparation.")) }
            (fill_table(&[p.t("Datum", "Date"), p.t("Les (cursuscode)", "Lesson (course code)"), p.t("Lesplan", "Lesson plan"), p.t("Afgetekend door begeleider", "Signed off by mentor")]))
        }
    }
}

fn training(p: &Page<'_>) -> Markup {
    html! {
        section.page {
            h2 { (p.t("Bijscholing en termijn", "Further training and deadline")) }
            p.note { (p.t("Kennisuitbreiding in de basisprincipes van didactisch handelen: bijscholing, opleiding tot NT2-docent.",
                          "Further training in the basic principles of teaching: courses, training as an NT2 teacher.")) }
            (fill_table(&[p.t("Datum", "Date"), p.t("Bijscholing / opleiding", "Training / course"), p.t("Uren", "Hours"), p.t("Resultaat", "Result")]))
            p {
                strong { (p.t("Uiterlijk gecertificeerd op", "To be certified by")) ": " (date(p.deadline, p.lang)) }
            }
            (signatures(p))
        }
    }
}

fn signatures(p: &Page<'_>) -> Markup {
    html! {
        table.sign {
            tr { th { (p.t("Handtekening docent", "Teacher's signature")) } th { (p.t("Handtekening begeleider", "Mentor's signature")) } }
            tr { td {} td {} }
        }
    }
}
