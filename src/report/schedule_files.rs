//! The files of a schedule folder: `timetable.csv`, `placements.csv`, `mentoring.csv` (and
//! `observations.csv`), as CSV text; [`crate::output`] writes them.

use crate::domain::{Instance, Schedule};

#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error("cannot write CSV: {0}")]
    Csv(#[from] csv::Error),
}

/// A CSV table with every cell made safe for spreadsheets ([`super::spreadsheet_safe`]);
/// the readers undo the escape, so ids survive a round trip.
pub(super) fn table<const N: usize>(
    header: [&str; N],
    rows: impl Iterator<Item = [String; N]>,
) -> Result<String, WriteError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(header)?;
    for row in rows {
        w.write_record(row.iter().map(|c| super::spreadsheet_safe(c).into_owned()))?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| WriteError::Csv(e.into_error().into()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

pub(super) fn hhmm(t: chrono::NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

/// The schedule tables as CSV text, in a stable order: `timetable.csv`, `placements.csv`,
/// `mentoring.csv`, and `observations.csv` when the school plans observation lessons or the
/// schedule has some.
pub fn csv_files(
    instance: &Instance,
    schedule: &Schedule,
) -> Result<Vec<(String, String)>, WriteError> {
    let timetable = table(
        [
            "course_code",
            "date",
            "start",
            "end",
            "location",
            "teacher",
            "certified",
        ],
        schedule.timetable.iter().map(|r| {
            let teacher = r.teacher.as_ref();
            let certified = teacher
                .and_then(|id| instance.teacher(id))
                .map_or("", |t| if t.is_certified() { "yes" } else { "no" });
            [
                r.course_code.to_string(),
                r.date.to_string(),
                hhmm(r.time.start),
                hhmm(r.time.end),
                r.location.to_string(),
                teacher.map_or_else(String::new, ToString::to_string),
                certified.to_string(),
            ]
        }),
    )?;
    let placements = table(
        ["student", "course_code"],
        schedule.placements.iter().map(|r| {
            [
                r.student.to_string(),
                r.course_code
                    .as_ref()
                    .map_or_else(String::new, ToString::to_string),
            ]
        }),
    )?;
    let mentoring = table(
        ["teacher", "mentor"],
        schedule
            .mentoring
            .iter()
            .map(|r| [r.teacher.to_string(), r.mentor.clone()]),
    )?;
    let mut files = vec![
        ("timetable.csv".to_string(), timetable),
        ("placements.csv".to_string(), placements),
        ("mentoring.csv".to_string(), mentoring),
    ];
    if instance.school.supervision.observations_per_teacher > 0 || !schedule.observations.is_empty()
    {
        let observations = table(
            ["teacher", "observed", "course_code", "date", "start", "end"],
            schedule.observations.iter().map(|o| {
                [
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
        let files = csv_files(&fx.instance, &fx.schedule).expect("csv");
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
