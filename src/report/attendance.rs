//! Attendance lists (*presentielijsten*): per group one printable HTML file, one A4 page per
//! lesson (or, on request, one page per ISO week with a column per lesson), for the auditor.
//!
//! A page names the school, the group (course code), the location, the date and time, and the
//! teacher; a table holds the ids of the students placed in the group (students are ids only,
//! never names) with an empty column to initial per lesson, and a row for the teacher to sign.
//! Files are `presentielijsten/<course code>.html`, the code made safe as a file name. Groups
//! without lessons in the schedule get no file. Dutch by default; no timestamps.

#[cfg(test)]
mod tests;

use crate::domain::{CourseCode, Instance, Schedule, StudentId, TimetableRow};
use crate::report::declaration::text::long_date;
use crate::report::printed;
use crate::report::workbook::weekday;
use crate::report::{Lang, safe_file_name};
use chrono::Datelike;
use maud::{Markup, html};
use std::collections::BTreeMap;

/// The folder the lists go in, relative to the output folder.
pub const FOLDER: &str = "presentielijsten";

/// How lessons are spread over the printed pages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Attendance {
    /// One page per lesson.
    #[default]
    PerLesson,
    /// One page per ISO week, with a column per lesson of that week.
    PerWeek,
}

/// The lists: `("presentielijsten/<code>.html", page)` for every group with at least one lesson
/// in the schedule, sorted by path.
pub fn attendance_lists(
    instance: &Instance,
    schedule: &Schedule,
    lang: Lang,
    per: Attendance,
) -> Vec<(String, String)> {
    let mut lessons: BTreeMap<&CourseCode, Vec<&TimetableRow>> = BTreeMap::new();
    for row in &schedule.timetable {
        lessons.entry(&row.course_code).or_default().push(row);
    }
    let mut out: Vec<(String, String)> = lessons
        .into_iter()
        .map(|(code, mut rows)| {
            rows.sort_by(|a, b| {
                (a.date, a.time, &a.location, &a.teacher).cmp(&(
                    b.date,
                    b.time,
                    &b.location,
                    &b.teacher,
                ))
            });
            let mut students: Vec<&StudentId> = schedule
                .placements
                .iter()
                .filter(|p| p.course_code.as_ref() == Some(code))
                .map(|p| &p.student)
                .collect();
            students.sort();
            students.dedup();
            let pages = match per {
                Attendance::PerLesson => rows.iter().map(|r| vec![*r]).collect(),
                Attendance::PerWeek => by_week(&rows),
            };
            let file = format!("{FOLDER}/{}.html", safe_file_name(code.as_str()));
            let list = List {
                instance,
                lang,
                code,
                students: &students,
                per,
            };
            (file, list.render(&pages))
        })
        .collect();
    out.sort();
    out
}

/// The lessons (sorted by date) cut into ISO weeks.
fn by_week<'a>(rows: &[&'a TimetableRow]) -> Vec<Vec<&'a TimetableRow>> {
    let mut weeks: Vec<Vec<&TimetableRow>> = Vec::new();
    for row in rows {
        match weeks.last_mut() {
            Some(week) if week[0].date.iso_week() == row.date.iso_week() => week.push(row),
            _ => weeks.push(vec![row]),
        }
    }
    weeks
}

const STYLE: &str = "\
@page { size: A4; margin: 15mm 15mm; }
* { box-sizing: border-box; }
html { background: #fff; color: #000; }
body { font-family: Arial, Helvetica, sans-serif; font-size: 10.5pt; line-height: 1.35;
  margin: 0 auto; max-width: 180mm; }
section.page { padding: 8mm 0; }
section.page:not(:last-child) { page-break-after: always; break-after: page; }
h1 { font-size: 16pt; margin: 0 0 3mm; }
table.head { border-collapse: collapse; margin: 0 0 5mm; }
table.head th { text-align: left; padding: 0.5mm 6mm 0.5mm 0; font-weight: bold; }
table.head td { padding: 0.5mm 0; }
table.list { width: 100%; border-collapse: collapse; }
table.list th, table.list td { border: 1px solid #000; padding: 1mm 2mm; height: 7.5mm;
  text-align: left; vertical-align: middle; }
table.list thead th { background: #eee; font-size: 9pt; }
table.list tr { page-break-inside: avoid; break-inside: avoid; }
table.list td.initial { min-width: 18mm; }
table.list tr.sign td { height: 16mm; }
p.note { font-size: 9pt; color: #333; margin: 4mm 0 0; }
@media print { section.page { padding: 0; } table.list thead th { background: none; } }
";

/// One group's list: what every page of it shares.
struct List<'a> {
    instance: &'a Instance,
    lang: Lang,
    code: &'a CourseCode,
    students: &'a [&'a StudentId],
    per: Attendance,
}

impl List<'_> {
    fn render(&self, pages: &[Vec<&TimetableRow>]) -> String {
        let lang = self.lang;
        let title = format!(
            "{} {}",
            lang.pick("Presentielijst", "Attendance list"),
            self.code
        );
        let body = html! {
            @for lessons in pages {
                (self.page(&title, lessons))
            }
        };
        printed::document(lang, &title, STYLE, body)
    }

    fn teacher_name(&self, row: &TimetableRow) -> String {
        match &row.teacher {
            Some(id) => match self.instance.teacher(id) {
                Some(t) if t.name != id.as_str() => format!("{} ({id})", t.name),
                _ => id.to_string(),
            },
            None => self.lang.pick("(geen docent)", "(no teacher)").to_string(),
        }
    }

    fn day(&self, row: &TimetableRow) -> String {
        format!(
            "{} {}",
            weekday(row.date, self.lang),
            long_date(row.date, self.lang)
        )
    }

    /// One printed page: the lessons of one page (one, or a week's).
    fn page(&self, title: &str, lessons: &[&TimetableRow]) -> Markup {
        let lang = self.lang;
        let school = &self.instance.school;
        let single = self.per == Attendance::PerLesson;
        let first = lessons[0];
        let mut locations: Vec<String> = lessons
            .iter()
            .map(|r| match &r.room {
                Some(room) => format!("{} ({} {room})", r.location, lang.pick("lokaal", "room")),
                None => r.location.to_string(),
            })
            .collect();
        locations.dedup();
        let mut teachers: Vec<String> = lessons.iter().map(|r| self.teacher_name(r)).collect();
        teachers.sort();
        teachers.dedup();
        let (year, week) = (first.date.iso_week().year(), first.date.iso_week().week());
        html! {
            section.page {
                h1 { (title) }
                table.head {
                    tr { th { (lang.pick("School", "School")) } td { (school.name) } }
                    @if let Some(bow) = &school.bow_number {
                        tr { th { (lang.pick("BOW-nummer", "BOW number")) } td { (bow) } }
                    }
                    tr { th { (lang.pick("Groep (cursuscode)", "Group (course code)")) } td { (self.code) } }
                    tr { th { (lang.pick("Locatie", "Location")) } td { (locations.join(", ")) } }
                    @if single {
                        tr { th { (lang.pick("Datum", "Date")) } td { (self.day(first)) } }
                        tr { th { (lang.pick("Tijd", "Time")) } td { (first.time) } }
                    } @else {
                        tr { th { (lang.pick("Week", "Week")) } td { (format!("{year}-W{week:02}")) } }
                    }
                    tr { th { (lang.pick("Docent", "Teacher")) } td { (teachers.join(", ")) } }
                }
                table.list {
                    thead {
                        tr {
                            th { (lang.pick("Cursist (id)", "Student (id)")) }
                            @for row in lessons {
                                th.initial {
                                    @if single {
                                        (lang.pick("Paraaf", "Initials"))
                                    } @else {
                                        (lang.pick("Paraaf", "Initials")) br;
                                        (weekday(row.date, lang)) " " (row.date.format("%d-%m")) br;
                                        (row.time) br;
                                        (self.teacher_name(row))
                                    }
                                }
                            }
                        }
                    }
                    tbody {
                        @for student in self.students {
                            tr {
                                td { (student) }
                                @for _ in lessons { td.initial {} }
                            }
                        }
                        tr.sign {
                            th { (lang.pick("Handtekening docent", "Teacher's signature")) }
                            @for _ in lessons {
                                td.initial {}
                            }
                        }
                    }
                }
                @if self.students.is_empty() {
                    p.note { (lang.pick("Geen cursisten geplaatst in deze groep.", "No students are placed in this group.")) }
                }
                p.note {
                    (lang.pick(
                        "Cursisten zetten hun paraaf bij aanwezigheid; de docent tekent na de les.",
                        "Students initial when present; the teacher signs after the lesson.",
                    ))
                }
            }
        }
    }
}
