//! How the planner-facing CSV files are written (a schedule's `timetable.csv`,
//! `placements.csv`, `mentoring.csv`, `observations.csv`, and `options.csv`).
//!
//! A Dutch Excel opens a double-clicked `.csv` with the list separator of the Dutch locale,
//! `;`, and reads it as UTF-8 only with a byte order mark: a plain `,` file without one opens
//! as a single column with the accents garbled. So these files are written for it by default
//! ([`CsvFormat::Excel`]); [`CsvFormat::Plain`] is `,` without a BOM, for scripts. nt2plan's
//! own readers take both (`input::csvfile` sniffs the separator from the header and drops a
//! BOM), so every file written here reads back either way. Cells holding a `;` (lists) are
//! quoted by the csv writer.
//!
//! Sweep results (`results.csv` and the rest) are for analysis in scripts and notebooks, not
//! for planners, and stay plain.

use super::schedule_files::WriteError;

/// The layout of a planner-facing CSV file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum CsvFormat {
    /// `;` between fields and a UTF-8 BOM, as a Dutch Excel reads and writes CSV.
    #[default]
    Excel,
    /// `,` between fields and no BOM.
    Plain,
}

impl CsvFormat {
    pub fn delimiter(self) -> u8 {
        match self {
            CsvFormat::Excel => b';',
            CsvFormat::Plain => b',',
        }
    }

    fn bom(self) -> &'static str {
        match self {
            CsvFormat::Excel => "\u{feff}",
            CsvFormat::Plain => "",
        }
    }

    /// A table as text: the header, then the rows, every cell made safe for spreadsheets
    /// ([`super::spreadsheet_safe`]; the readers undo the escape, so ids survive a round
    /// trip).
    pub fn table<R: AsRef<[String]>>(
        self,
        header: &[&str],
        rows: impl Iterator<Item = R>,
    ) -> Result<String, WriteError> {
        let mut w = csv::WriterBuilder::new()
            .delimiter(self.delimiter())
            .from_writer(Vec::new());
        w.write_record(header)?;
        for row in rows {
            let cells = row.as_ref().iter();
            w.write_record(cells.map(|c| super::spreadsheet_safe(c).into_owned()))?;
        }
        let bytes = w
            .into_inner()
            .map_err(|e| WriteError::Csv(e.into_error().into()))?;
        Ok(format!("{}{}", self.bom(), String::from_utf8_lossy(&bytes)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows() -> Vec<Vec<String>> {
        vec![vec!["T01".into(), "mon-morning;wed-morning".into()]]
    }

    #[test]
    fn excel_is_semicolons_with_a_bom_and_plain_is_commas_without() {
        let excel = CsvFormat::Excel
            .table(&["teacher", "slots"], rows().iter())
            .expect("csv");
        assert_eq!(
            excel,
            "\u{feff}teacher;slots\nT01;\"mon-morning;wed-morning\"\n"
        );
        let plain = CsvFormat::Plain
            .table(&["teacher", "slots"], rows().iter())
            .expect("csv");
        assert_eq!(plain, "teacher,slots\nT01,mon-morning;wed-morning\n");
    }

    #[test]
    fn both_formats_read_back_as_the_same_table() {
        use crate::input::csvfile::{Spec, parse};
        let spec = Spec {
            file: "t.csv",
            required: &["teacher", "slots"],
            optional: &[],
            extra_allowed: false,
        };
        let read = |format: CsvFormat| {
            let text = format
                .table(&["teacher", "slots"], rows().iter())
                .expect("csv");
            let mut d = crate::diag::Diagnostics::default();
            let t = parse(spec, text.as_bytes(), &mut d).expect("reads back");
            assert!(d.is_empty(), "{d:?}");
            let r = &t.rows[0];
            (t.cell(r, "teacher").text, t.cell(r, "slots").text)
        };
        assert_eq!(read(CsvFormat::Excel), read(CsvFormat::Plain));
        assert_eq!(read(CsvFormat::Excel).1, "mon-morning;wed-morning");
    }
}
