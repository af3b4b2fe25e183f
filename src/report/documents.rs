//! Every planner-facing document of a schedule, by file name: `index.html` (dashboard and
//! week timetables), `verklaring.md` and `.html` (Bijlage 1), `begeleiding/` (Bijlage 2, one
//! page per non-certified teacher), `presentielijsten/` (one attendance list per group),
//! `calendars/` (one iCalendar file per teacher) and `timetable.xlsx`. Written by `nt2plan report` and by `nt2plan solve --report`.

use super::attendance::{Attendance, attendance_lists};
use super::{Lang, calendar, declaration, dossier, html, workbook};
use crate::check::{CheckReport, ShareValue};
use crate::domain::{Instance, RuleSet, Schedule};
use crate::outcome::options::Options;

/// What `solve` knows beside the schedule and shows on the dashboard: the highest reachable
/// certified share, and for a school that misses the norms, what would help. `report` on a
/// given schedule knows neither.
#[derive(Clone, Copy, Debug, Default)]
pub struct Beside<'a> {
    pub highest: Option<&'a ShareValue>,
    pub options: Option<&'a Options>,
}

#[derive(Debug, thiserror::Error)]
pub enum DocumentsError {
    #[error("cannot make {file}: {message}")]
    Render { file: &'static str, message: String },
}

/// The documents, in a fixed order, as (file name, bytes); the dashboard shows what is
/// known `beside` the schedule. Attendance lists have one page per lesson.
pub fn documents(
    instance: &Instance,
    rules: &RuleSet,
    schedule: &Schedule,
    check: &CheckReport,
    lang: Lang,
    beside: Beside<'_>,
) -> Result<Vec<(String, Vec<u8>)>, DocumentsError> {
    documents_in(
        instance,
        rules,
        schedule,
        check,
        lang,
        beside,
        Attendance::default(),
    )
}

/// [`documents`] with the attendance lists spread over pages as `attendance` says.
pub fn documents_in(
    instance: &Instance,
    rules: &RuleSet,
    schedule: &Schedule,
    check: &CheckReport,
    lang: Lang,
    beside: Beside<'_>,
    attendance: Attendance,
) -> Result<Vec<(String, Vec<u8>)>, DocumentsError> {
    let mut out: Vec<(String, Vec<u8>)> = vec![
        (
            "index.html".into(),
            html::index_html_with(instance, rules, schedule, check, lang, beside).into_bytes(),
        ),
        (
            "verklaring.md".into(),
            declaration::declaration_md(instance, rules, check, lang).into_bytes(),
        ),
        (
            "verklaring.html".into(),
            declaration::declaration_html(instance, rules, check, lang).into_bytes(),
        ),
    ];
    out.extend(
        dossier::dossier_pages(instance, schedule, check, lang)
            .into_iter()
            .map(|(name, text)| (name, text.into_bytes())),
    );
    out.extend(
        attendance_lists(instance, schedule, lang, attendance)
            .into_iter()
            .map(|(name, text)| (name, text.into_bytes())),
    );
    let calendars = calendar::teacher_calendars(instance, schedule, lang).map_err(|e| {
        DocumentsError::Render {
            file: "calendars",
            message: e.to_string(),
        }
    })?;
    out.extend(
        calendars
            .into_iter()
            .map(|(name, text)| (name, text.into_bytes())),
    );
    let xlsx = workbook::timetable_xlsx(instance, schedule, check, lang).map_err(|e| {
        DocumentsError::Render {
            file: "timetable.xlsx",
            message: e.to_string(),
        }
    })?;
    out.push(("timetable.xlsx".into(), xlsx));
    Ok(out)
}
