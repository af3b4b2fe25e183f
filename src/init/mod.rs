//! `nt2plan init`: a new school to fill in. [`Start`] is an instance as the planner types
//! it (school.toml as `key | value` rows, every CSV file as rows of cells), either the
//! built-in example ([`example`], itself a tiny valid school) or an existing instance folder
//! ([`from_folder`]). [`book::school_xlsx`] writes it as `school.xlsx`, the workbook that
//! `input::workbook` reads (the same sheets, Dutch headers, drop-down lists, an `Uitleg`
//! sheet), and [`Start::csv_files`] as an instance folder with Dutch headers.

pub mod book;
mod example;
mod uitleg;

pub use example::example;

use crate::diag::Diagnostics;
use crate::domain::Instance;
use crate::input::{self, csvfile, workbook};
use crate::output::{self, OutputError, Replace};
use crate::report::CsvFormat;
use std::path::Path;

/// What can go wrong in `init`.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    #[error("{0}")]
    Output(#[from] OutputError),
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        #[source]
        source: std::io::Error,
    },
    #[error("{file} cannot be read as TOML: {why}")]
    Toml { file: String, why: String },
    #[error("cannot write school.xlsx: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("cannot write a CSV file: {0}")]
    Csv(String),
}

/// One instance file as rows of cells, under its English column names.
#[derive(Clone, Debug, PartialEq)]
pub struct TableText {
    pub file: &'static str,
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<String>>,
}

/// The values the drop-down lists offer.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lists {
    pub locations: Vec<String>,
    pub profiles: Vec<String>,
    pub blocks: Vec<String>,
}

/// An instance as the planner types it.
#[derive(Clone, Debug, PartialEq)]
pub struct Start {
    /// school.toml as written (for `--csv`).
    pub school_toml: String,
    /// school.toml as `key | value` rows, dotted keys (`blocks.morning`).
    pub school: Vec<(String, String)>,
    /// teachers, groups, students, mentors, unavailability, locks, rooms, in the sheets'
    /// order.
    pub tables: Vec<TableText>,
    pub lists: Lists,
    /// Files copied as they are beside the workbook (a rule set file named in school.toml).
    pub extra: Vec<(String, Vec<u8>)>,
    /// The creation date written into the workbook (the term's start), for equal bytes.
    pub created: chrono::NaiveDate,
}

/// The CSV files in the order of the workbook's sheets, with their specs.
pub(crate) fn specs() -> [csvfile::Spec; 7] {
    [
        input::teachers::SPEC,
        input::groups::SPEC,
        input::students::SPEC,
        input::mentors::SPEC,
        input::unavailability::SPEC,
        input::locks::SPEC,
        input::rooms::SPEC,
    ]
}

/// The Dutch header of an English column (itself without a Dutch name).
pub fn dutch(column: &str) -> &str {
    csvfile::header::dutch_names(column)
        .first()
        .copied()
        .unwrap_or(column)
}

/// school.toml as `key | value` rows: a table's entries get dotted keys, a string is its
/// text, anything else its TOML form (`["Utrecht", "Amersfoort"]`).
pub fn school_rows(file: &str, text: &str) -> Result<Vec<(String, String)>, InitError> {
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| InitError::Toml {
        file: file.to_string(),
        why: e.message().to_string(),
    })?;
    let mut rows = Vec::new();
    flatten("", &table, &mut rows);
    Ok(rows)
}

fn flatten(prefix: &str, table: &toml::Table, rows: &mut Vec<(String, String)>) {
    for (key, value) in table {
        let key = format!("{prefix}{key}");
        match value {
            toml::Value::Table(t) => flatten(&format!("{key}."), t, rows),
            toml::Value::String(s) => rows.push((key, s.clone())),
            other => rows.push((key, other.to_string())),
        }
    }
}

/// The instance folder `dir` (already validated as `instance`) as a [`Start`].
pub fn from_folder(dir: &Path, instance: &Instance) -> Result<Start, InitError> {
    let school_path = dir.join(input::school::FILE);
    let read = |path: &Path| {
        std::fs::read(path).map_err(|source| InitError::Read {
            path: path.display().to_string(),
            source,
        })
    };
    let bytes = read(&school_path)?;
    let school_toml = String::from_utf8_lossy(&bytes)
        .trim_start_matches('\u{feff}')
        .to_string();
    let school = school_rows(input::school::FILE, &school_toml)?;
    let mut extra = Vec::new();
    if let Some((_, rules)) = school.iter().find(|(k, _)| k == "rules") {
        let inside = Path::new(rules)
            .components()
            .all(|c| matches!(c, std::path::Component::Normal(_)));
        if inside && dir.join(rules).is_file() {
            extra.push((rules.clone(), read(&dir.join(rules))?));
        }
    }
    let mut tables = Vec::new();
    for spec in specs() {
        // Validated already: nothing to report here.
        let mut quiet = Diagnostics::default();
        let Some(Some(table)) = csvfile::read_optional(dir, spec, &mut quiet) else {
            tables.push(TableText {
                file: spec.file,
                columns: spec.required.to_vec(),
                rows: Vec::new(),
            });
            continue;
        };
        let columns: Vec<&'static str> = spec
            .required
            .iter()
            .chain(spec.optional)
            .copied()
            .filter(|c| table.columns.iter().any(|t| t == c))
            .collect();
        let rows = table
            .rows
            .iter()
            .map(|r| columns.iter().map(|c| table.cell(r, c).text).collect())
            .collect();
        tables.push(TableText {
            file: spec.file,
            columns,
            rows,
        });
    }
    Ok(Start {
        school_toml,
        school,
        tables,
        lists: lists_of(instance),
        extra,
        created: instance.school.term_start,
    })
}

/// The drop-down values of an instance: its locations, profiles and blocks.
pub fn lists_of(instance: &Instance) -> Lists {
    let school = &instance.school;
    let mut profiles: Vec<String> = school.profiles.keys().map(|p| p.to_string()).collect();
    for g in &instance.groups {
        let p = g.profile.to_string();
        if !profiles.contains(&p) {
            profiles.push(p);
        }
    }
    Lists {
        locations: school.locations.iter().map(|l| l.to_string()).collect(),
        profiles,
        blocks: school.blocks.iter().map(|b| b.name.to_string()).collect(),
    }
}

impl Start {
    /// The table of `file`.
    pub fn table(&self, file: &str) -> Option<&TableText> {
        self.tables.iter().find(|t| t.file == file)
    }

    /// The instance as a folder: school.toml and the CSV files with Dutch headers.
    pub fn csv_files(&self, format: CsvFormat) -> Result<Vec<(String, Vec<u8>)>, InitError> {
        let mut files = vec![(
            input::school::FILE.to_string(),
            self.school_toml.clone().into_bytes(),
        )];
        for t in &self.tables {
            let header: Vec<&str> = t.columns.iter().map(|c| dutch(c)).collect();
            let text = format
                .table(&header, t.rows.iter())
                .map_err(|e| InitError::Csv(e.to_string()))?;
            files.push((t.file.to_string(), text.into_bytes()));
        }
        files.extend(self.extra.iter().cloned());
        Ok(files)
    }

    /// The instance as a workbook: `school.xlsx`, plus the extra files.
    pub fn workbook_files(&self) -> Result<Vec<(String, Vec<u8>)>, InitError> {
        let mut files = vec![(BOOK.to_string(), book::school_xlsx(self)?)];
        files.extend(self.extra.iter().cloned());
        Ok(files)
    }
}

/// The workbook's file name.
pub const BOOK: &str = "school.xlsx";

/// The sheet name of an instance file (Dutch).
pub fn sheet_name(file: &str) -> &'static str {
    workbook::Workbook::sheet_name_of(file)
}

/// Writes `files` as the folder `dir`: an existing folder that is not empty only with
/// `force` (its contents are replaced).
pub fn write(dir: &Path, files: &[(String, Vec<u8>)], force: bool) -> Result<(), InitError> {
    let replace = if force { Replace::Any } else { Replace::Empty };
    output::write_folder(dir, files, replace)?;
    Ok(())
}

#[cfg(test)]
mod tests;
