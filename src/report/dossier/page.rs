//! One teacher's page of the supervision dossier.

use crate::check::{CheckReport, MentorKind, MentorRef};
use crate::domain::{Instance, Schedule, TeacherId, TimetableRow};
use crate::report::Lang;
use crate::report::declaration::text::md_escape;
use chrono::NaiveDate;
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Empty rows in the table of lesson plans, to fill in by hand or in an editor.
const PLAN_ROWS: usize = 8;

/// What a page is made of.
pub(super) struct Page<'a> {
    pub instance: &'a Instance,
    pub schedule: &'a Schedule,
    pub check: &'a CheckReport,
    pub lang: Lang,
    pub id: &'a TeacherId,
    pub name: &'a str,
    /// The teacher's timetable rows, in date and time order.
    pub lessons: &'a [&'a TimetableRow],
    pub deadline: Option<NaiveDate>,
}

impl Page<'_> {
    /// Per course code the teacher gives: the lessons, the first date and the last.
    pub(super) fn by_course(&self) -> BTreeMap<&str, (usize, NaiveDate, NaiveDate)> {
        let mut by_course: BTreeMap<&str, (usize, NaiveDate, NaiveDate)> = BTreeMap::new();
        for r in self.lessons {
            let e = by_course
                .entry(r.course_code.as_str())
                .or_insert((0, r.date, r.date));
            e.0 += 1;
            e.1 = e.1.min(r.date);
            e.2 = e.2.max(r.date);
        }
        by_course
    }

    pub(super) fn t(&self, nl: &'static str, en: &'static str) -> &'static str {
        self.lang.pick(nl, en)
    }
}

/// The mentors the checker found for `id` (from `mentoring.csv`), by mentor id.
pub(super) fn mentors_of<'a>(check: &'a CheckReport, id: &TeacherId) -> &'a [MentorRef] {
    check
        .mentoring
        .teachers
        .iter()
        .find(|s| &s.teacher == id)
        .map_or(&[], |s| s.mentors.as_slice())
}

pub(super) fn render(p: &Page<'_>) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# {} {} ({})\n",
        p.t("Begeleidingsdossier", "Supervision dossier"),
        md_escape(p.name),
        md_escape(p.id.as_str())
    );
    let _ = writeln!(
        s,
        "> {} {}, {} {}. {}\n",
        p.t(
            "Bijlage 2 bij het Addendum op de Handleiding Keurmerk Inburgeren 2024. Opgesteld \
             door nt2plan uit het rooster van",
            "Bijlage 2 of the Addendum to the Handleiding Keurmerk Inburgeren 2024. Drawn up by \
             nt2plan from the schedule of"
        ),
        md_escape(&p.instance.school.name),
        p.t("regelset", "rule set"),
        md_escape(&p.check.rules.name),
        p.t(
            "Voor de auditor: de stand van de begeleiding van deze niet-gecertificeerde docent.",
            "For the auditor: the state of this non-certified teacher's supervision."
        )
    );
    teacher(&mut s, p);
    mentors(&mut s, p);
    lessons(&mut s, p);
    observations(&mut s, p);
    lesson_plans(&mut s, p);
    advice(&mut s, p);
    while s.ends_with("\n\n") {
        s.pop();
    }
    s
}

fn teacher(s: &mut String, p: &Page<'_>) {
    let years = p.instance.school.supervision.certification_deadline_years;
    let first = p.lessons.first().map(|r| r.date);
    let last = p.lessons.last().map(|r| r.date);
    let date = |d: Option<NaiveDate>| d.map_or("-".to_string(), |d| d.to_string());
    let _ = writeln!(s, "## {}\n", p.t("Docent", "Teacher"));
    let _ = writeln!(s, "| | |\n|---|---|");
    let _ = writeln!(s, "| Id | {} |", md_escape(p.id.as_str()));
    let _ = writeln!(s, "| {} | {} |", p.t("Naam", "Name"), md_escape(p.name));
    let _ = writeln!(
        s,
        "| Register | {} |",
        p.t(
            "geen (niet gecertificeerd: niet in BVNT2 of Kwaliteitsregister NT2-docent)",
            "none (not certified: in neither BVNT2 nor Kwaliteitsregister NT2-docent)"
        )
    );
    let _ = writeln!(
        s,
        "| {} | {} |",
        p.t("Eerste les in dit rooster", "First lesson in this schedule"),
        date(first)
    );
    let _ = writeln!(
        s,
        "| {} | {} |",
        p.t("Laatste les in dit rooster", "Last lesson in this schedule"),
        date(last)
    );
    let _ = writeln!(
        s,
        "| {} | **{}** |\n",
        p.t("Uiterlijk gecertificeerd op", "To be certified by"),
        date(p.deadline)
    );
    let _ = writeln!(
        s,
        "{} {years} {}\n",
        p.t(
            "De termijn voor certificering is de eerste les plus",
            "The deadline for certification is the first lesson plus"
        ),
        p.t(
            "jaar (`certification_deadline_years` in school.toml; Bijlage 2 noemt als \
             voorbeeld \"in de basis binnen twee jaar\"). Gaf de docent al eerder les dan dit \
             rooster, dan telt die eerdere datum.",
            "year(s) (`certification_deadline_years` in school.toml; Bijlage 2 gives \"in \
             principle within two years\" as an example). If the teacher taught before this \
             schedule, that earlier date counts."
        )
    );
}

fn mentors(s: &mut String, p: &Page<'_>) {
    let _ = writeln!(s, "## {}\n", p.t("Begeleider(s)", "Mentor(s)"));
    let list = mentors_of(p.check, p.id);
    if list.is_empty() {
        let _ = writeln!(
            s,
            "**{}** {}\n",
            p.t("Geen begeleider vastgelegd", "No mentor recorded"),
            p.t(
                "in mentoring.csv. Het Addendum vraagt begeleiding door een ervaren, \
                 gecertificeerde NT2-docent, intern of extern.",
                "in mentoring.csv. The Addendum asks for supervision by an experienced, \
                 certified NT2 teacher, internal or external."
            )
        );
        return;
    }
    let _ = writeln!(
        s,
        "| Id | {} | {} | {} |\n|---|---|---|---|",
        p.t("Naam", "Name"),
        p.t("Soort", "Kind"),
        p.t("Gecertificeerd", "Certified")
    );
    for m in list {
        let kind = match m.kind {
            MentorKind::Internal => p.t("interne collega", "internal colleague"),
            MentorKind::External => p.t("extern", "external"),
            MentorKind::Unknown => p.t(
                "onbekend (niet in teachers.csv of mentors.csv)",
                "unknown (in neither teachers.csv nor mentors.csv)",
            ),
        };
        let certified = if m.certified {
            p.t("ja", "yes")
        } else {
            p.t("**nee**", "**no**")
        };
        let name = if m.name.is_empty() { "-" } else { &m.name };
        let _ = writeln!(
            s,
            "| {} | {} | {kind} | {certified} |",
            md_escape(&m.id),
            md_escape(name)
        );
    }
    s.push('\n');
}

fn lessons(s: &mut String, p: &Page<'_>) {
    let _ = writeln!(s, "## {}\n", p.t("Gegeven lessen", "Lessons taught"));
    let _ = writeln!(
        s,
        "{} {}\n",
        p.lessons.len(),
        p.t("lessen in het rooster.", "lessons in the schedule.")
    );
    if p.lessons.is_empty() {
        return;
    }
    let by_course = p.by_course();
    let _ = writeln!(
        s,
        "| {} | {} | {} | {} |\n|---|---|---|---|",
        p.t("Cursuscode", "Course code"),
        p.t("Lessen", "Lessons"),
        p.t("Van", "From"),
        p.t("Tot en met", "To")
    );
    for (code, (n, from, to)) in &by_course {
        let _ = writeln!(s, "| {} | {n} | {from} | {to} |", md_escape(code));
    }
    let _ = writeln!(
        s,
        "\n| {} | {} | {} | {} |\n|---|---|---|---|",
        p.t("Datum", "Date"),
        p.t("Tijd", "Time"),
        p.t("Cursus", "Course"),
        p.t("Locatie", "Location")
    );
    for r in p.lessons {
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} |",
            r.date,
            r.time,
            md_escape(r.course_code.as_str()),
            md_escape(r.location.as_str())
        );
    }
    s.push('\n');
}

fn observations(s: &mut String, p: &Page<'_>) {
    let wanted = p.instance.school.supervision.observations_per_teacher;
    let mut rows: Vec<_> = p
        .schedule
        .observations
        .iter()
        .filter(|o| &o.teacher == p.id)
        .collect();
    rows.sort();
    let _ = writeln!(s, "## {}\n", p.t("Observatielessen", "Observation lessons"));
    let setting = if wanted == 0 {
        p.t(
            "school.toml vraagt geen vast aantal (`observations_per_teacher` = 0).",
            "school.toml asks for no set number (`observations_per_teacher` = 0).",
        )
        .to_string()
    } else {
        format!(
            "{} {wanted} {}",
            p.t("De school vraagt", "The school asks for"),
            p.t(
                "observatieles(sen) per docent (`observations_per_teacher` in school.toml).",
                "observation lesson(s) per teacher (`observations_per_teacher` in school.toml)."
            )
        )
    };
    if rows.is_empty() {
        let _ = writeln!(
            s,
            "**{}** {setting}\n",
            p.t(
                "Geen observatielessen gepland.",
                "No observation lessons planned."
            )
        );
        return;
    }
    let _ = writeln!(
        s,
        "{} {} {setting}\n",
        rows.len(),
        p.t("gepland.", "planned.")
    );
    let _ = writeln!(
        s,
        "| {} | {} | {} | {} |\n|---|---|---|---|",
        p.t("Datum", "Date"),
        p.t("Tijd", "Time"),
        p.t("Cursus", "Course"),
        p.t("Geobserveerde docent", "Observed teacher")
    );
    for o in rows {
        let observed = match p.instance.teacher(&o.observed) {
            Some(t) if t.is_certified() => format!(
                "{} ({}, {})",
                md_escape(&t.name),
                md_escape(t.id.as_str()),
                p.t("gecertificeerd", "certified")
            ),
            Some(t) => format!(
                "{} ({}, **{}**)",
                md_escape(&t.name),
                md_escape(t.id.as_str()),
                p.t("niet gecertificeerd", "not certified")
            ),
            None => md_escape(o.observed.as_str()),
        };
        let _ = writeln!(
            s,
            "| {} | {} | {} | {observed} |",
            o.date,
            o.time,
            md_escape(o.course_code.as_str())
        );
    }
    s.push('\n');
}

fn lesson_plans(s: &mut String, p: &Page<'_>) {
    let _ = writeln!(
        s,
        "## {}\n",
        p.t("Gebruikte lesplannen", "Lesson plans used")
    );
    let _ = writeln!(
        s,
        "{}\n",
        p.t(
            "In te vullen door docent en begeleider: welk lesplan of welke kijkwijzer bij een \
             les hoorde, en of de begeleider de voorbereiding besproken en afgetekend heeft.",
            "To be filled in by teacher and mentor: which lesson plan or observation guide \
             (kijkwijzer) went with a lesson, and whether the mentor discussed and signed off \
             the preparation."
        )
    );
    let _ = writeln!(
        s,
        "| {} | {} | {} | {} |\n|---|---|---|---|",
        p.t("Datum", "Date"),
        p.t("Les (cursuscode)", "Lesson (course code)"),
        p.t("Lesplan / kijkwijzer", "Lesson plan / kijkwijzer"),
        p.t("Afgetekend door begeleider", "Signed off by mentor")
    );
    for _ in 0..PLAN_ROWS {
        let _ = writeln!(s, "| | | | |");
    }
    s.push('\n');
}

fn advice(s: &mut String, p: &Page<'_>) {
    let _ = writeln!(
        s,
        "## {}\n",
        p.t("Wat Bijlage 2 aanbeveelt", "What Bijlage 2 recommends")
    );
    let (items, after): ([&str; 5], &str) = match p.lang {
        Lang::Nl => (
            [
                "Intensieve, persoonlijke begeleiding door een ervaren, gecertificeerde \
                 NT2-docent met goede begeleidingskwaliteiten: intern als die voorhanden is, \
                 anders extern aangetrokken.",
                "Werken aan de hand van uitgebreide lesplannen, gemaakt door ervaren, \
                 gecertificeerde NT2-docenten: lesdoelen, structuur van de les, opbouw van \
                 vaardigheden, werkvormen inclusief differentiatie.",
                "Regelmatig observeren bij een gecertificeerde docent, gestuurd met kijk- en \
                 reflectievragen (eventueel de criteria van de BOWKIT), met een nagesprek over \
                 de les, de beweegredenen van de docent en de observaties.",
                "Kennisuitbreiding in de basisprincipes van didactisch handelen (bijscholing of \
                 een toolkit 'handvatten NT2'); dat vergt tijd, geen studiemiddag.",
                "Een termijn waarbinnen de docent het certificaat haalt; in het regulier \
                 onderwijs in de basis binnen twee jaar.",
            ],
            "Dit dossier legt daarom vast wie begeleidt, welke observatielessen gepland zijn, \
             de termijn, en welke lesplannen gebruikt zijn en of de begeleider de \
             lesvoorbereiding besproken en afgetekend heeft.",
        ),
        Lang::En => (
            [
                "Intensive, personal supervision by an experienced, certified NT2 teacher with \
                 good coaching skills: internal where available, otherwise brought in from \
                 outside.",
                "Working from detailed lesson plans made by experienced, certified NT2 \
                 teachers: lesson goals, structure of the lesson, build-up of skills, \
                 activities including differentiation.",
                "Regularly observing a certified teacher, guided by observation and reflection \
                 questions (possibly the BOWKIT criteria), followed by a talk about the \
                 lesson, the teacher's reasons and the observations.",
                "Broadening knowledge of the basic principles of teaching (training or a \
                 toolkit 'handvatten NT2'); this takes time, not one afternoon.",
                "A term within which the teacher gets certified; in regular education in \
                 principle within two years.",
            ],
            "This dossier therefore records who supervises, which observation lessons are \
             planned, the deadline, and which lesson plans were used and whether the mentor \
             discussed and signed off the lesson preparation.",
        ),
    };
    for item in items {
        let _ = writeln!(s, "- {item}");
    }
    let _ = writeln!(s, "\n{after}");
}
