//! The files of a schedule folder: `timetable.csv`, `placements.csv`, `mentoring.csv` (and
//! `observations.csv`), as CSV text; [`crate::output`] writes them.

use super::CsvFormat;
use crate::domain::{Instance, Schedule};

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("cannot write CSV: {0}")]
    Csv(#[from] csv::Error),
}

pub(super) fn hhmm(t: chrono::NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

/// The schedule tables as CSV text, in a stable order: `timetable.csv`, `placements.csv`,
/// `mentoring.csv`, and `observations.csv` when the school plans observation lessons or the
/// schedule has some; laid out as `format` says.
pub fn csv_files(
    instance: &Instance,
    schedule: &Schedule,
    format: CsvFormat,
) -> Result<Vec<(String, String)>, WriteError> {
    let table =
        |header: &[&str], rows: &mut dyn Iterator<Item = Vec<String>>| format.table(header, rows);
    // The room column only for a school with rooms: without rooms.csv the file stays as it was.
    let rooms = instance.has_rooms();
    let mut header = vec![
        "course_code",
        "date",
        "start",
        "end",
        "location",
        "teacher",
        "certified",
    ];
    if rooms {
        header.push("room");
    }
    let timetable = table(
        &header,
        &mut schedule.timetable.iter().map(|r| {
            let teacher = r.teacher.as_ref();
            let certified = teacher
                .and_then(|id| instance.teacher(id))
                .map_or("", |t| if t.is_certified() { "yes" } else { "no" });
            let mut cells = vec![
                r.course_code.to_string(),
                r.date.to_string(),
                hhmm(r.time.start),
                hhmm(r.time.end),
                r.location.to_string(),
                teacher.map_or_else(String::new, ToString::to_string),
                certified.to_string(),
            ];
            if rooms {
                cells.push(
                    r.room
                        .as_ref()
                        .map_or_else(String::new, ToString::to_string),
                );
            }
            cells
        }),
    )?;
    let placements = table(
        &["student", "course_code"],
        &mut schedule.placements.iter().map(|r| {
            vec![
                r.student.to_string(),
                r.course_code
                    .as_ref()
                    .map_or_else(String::new, ToString::to_string),
            ]
        }),
    )?;
    let mentoring = table(
        &["teacher", "mentor"],
        &mut schedule
            .mentoring
            .iter()
            .map(|r| vec![r.teacher.to_string(), r.mentor.clone()]),
    )?;
    let mut files = vec![
        ("timetable.csv".to_string(), timetable),
        ("placements.csv".to_string(), placements),
        ("mentoring.csv".to_string(), mentoring),
    ];
    if instance.school.supervision.observations_per_teacher > 0 || !schedule.observations.is_empty()
    {
        let observations = table(
            &["teacher", "observed", "course_code", "date", "start", "end"],
            &mut schedule.observations.iter().map(|o| {
                vec![
                    o.teacher.to_string(),
                    o.observed.to_string(),
                    o.course_code.to_string(),
                    o.date.to_string(),
                    hhmm(o.time.start),
                    hhmm(o.time.end),
                ]
            }),
        )?;
        files.push(("observations.csv".to_string(), observations));
    }
    Ok(files)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_that_a_spreadsheet_would_run_are_escaped_and_read_back_unchanged() {
        let mut fx = crate::check::fixture::Fx::new();
        fx.teacher("=cmd|' /C calc'!A0", true);
        fx.group("@SUM(A1)", "Utrecht", "B1");
        fx.staff("@SUM(A1)", "=cmd|' /C calc'!A0");
        let files = csv_files(&fx.instance, &fx.schedule, CsvFormat::Plain).expect("csv");
        let timetable = &files[0].1;
        assert!(
            timetable.contains("'@SUM(A1)") && timetable.contains("'=cmd"),
            "{timetable}"
        );
        let mut reader = csv::Reader::from_reader(timetable.as_bytes());
        let first = reader.records().next().expect("a row").expect("valid csv");
        let course = crate::input::csvfile::unescape(&first[0]);
        let teacher = crate::input::csvfile::unescape(&first[5]);
        assert_eq!(
            (course.as_str(), teacher.as_str()),
            ("@SUM(A1)", "=cmd|' /C calc'!A0")
        );
    }
}
