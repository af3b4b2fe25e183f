//! An instance given as a workbook (`input::workbook`): each sheet read by the reader of the
//! file it stands for, so the checks after reading are those of a folder.

use super::InstanceFiles;
use crate::diag::{Diagnostic, Diagnostics, ErrorCode};
use crate::input::{self, Rows, workbook};
use crate::rules::RuleChoice;
use std::path::Path;

/// Where the files of a workbook instance are: which sheet stands for which file.
#[derive(Clone, Debug, Default)]
pub struct Places {
    book: String,
    sheets: Vec<(&'static str, String)>,
}

impl Places {
    /// Points every diagnostic about one of the files at its sheet and cell, in the order
    /// of the sheets' names, then of rows and columns. Diagnostics are made with the file
    /// names while the workbook is read and validated like a folder, so this comes last.
    pub fn apply(&self, mut diags: Diagnostics) -> Diagnostics {
        for (file, sheet) in &self.sheets {
            workbook::relocate(&mut diags, 0, file, &self.book, sheet);
        }
        diags.sorted()
    }
}

/// Reads every sheet of the workbook at `path`; a rule set file named in its `School` sheet
/// is relative to the workbook's folder.
pub fn read(
    path: &Path,
    rules_override: Option<&RuleChoice>,
    diags: &mut Diagnostics,
) -> (InstanceFiles, Places) {
    let book = match workbook::open(path) {
        Ok(b) => b,
        Err(d) => {
            diags.push(d);
            let files = InstanceFiles {
                school: None,
                rules: None,
                groups: None,
                teachers: None,
                students: None,
                mentors: None,
                unavailability: None,
                locks: None,
                rooms: None,
            };
            return (files, Places::default());
        }
    };
    let places = Places {
        book: book.file.clone(),
        sheets: workbook::SHEETS
            .iter()
            .filter_map(|(file, _)| Some((*file, book.sheet_for(file)?.name.clone())))
            .collect(),
    };
    let dir = path.parent().unwrap_or(Path::new("."));
    let school = sheet(&book, input::school::FILE, true, diags, |s, d| {
        input::school::parse(&s.school_toml(), d)
    })
    .flatten();
    let rules = super::school::rule_set(dir, school.as_ref(), rules_override, diags);
    let files = InstanceFiles {
        school,
        rules,
        groups: sheet(&book, input::groups::SPEC.file, true, diags, |s, d| {
            input::groups::parse(&s.csv(), d)
        })
        .flatten(),
        teachers: sheet(&book, input::teachers::SPEC.file, true, diags, |s, d| {
            input::teachers::parse(&s.csv(), d)
        })
        .flatten(),
        students: sheet(&book, input::students::SPEC.file, true, diags, |s, d| {
            input::students::parse(&s.csv(), d)
        })
        .flatten(),
        mentors: optional(sheet(
            &book,
            input::mentors::SPEC.file,
            false,
            diags,
            |s, d| input::mentors::parse(&s.csv(), d),
        )),
        unavailability: optional(sheet(
            &book,
            input::unavailability::SPEC.file,
            false,
            diags,
            |s, d| input::unavailability::parse(&s.csv(), d),
        )),
        locks: optional(sheet(
            &book,
            input::locks::SPEC.file,
            false,
            diags,
            |s, d| input::locks::parse(&s.csv(), d),
        )),
        rooms: optional(sheet(
            &book,
            input::rooms::SPEC.file,
            false,
            diags,
            |s, d| input::rooms::parse(&s.csv(), d),
        )),
    };
    (files, places)
}

/// An optional sheet: absent is no rows, unusable (reported) is `None`.
fn optional<T>(read: Option<Option<Rows<T>>>) -> Option<Rows<T>> {
    match read {
        None => Some(Rows::default()),
        Some(rows) => rows,
    }
}

/// Reads the sheet standing for `file` with `parse`; `None` without the sheet (E101 when
/// `required`).
fn sheet<T>(
    book: &workbook::Workbook,
    file: &str,
    required: bool,
    diags: &mut Diagnostics,
    parse: impl FnOnce(&workbook::Sheet, &mut Diagnostics) -> Option<T>,
) -> Option<Option<T>> {
    let Some(sheet) = book.sheet_for(file) else {
        if required {
            let name = workbook::Workbook::sheet_name_of(file);
            diags.push(
                Diagnostic::error(
                    ErrorCode::FileMissing,
                    book.file.as_str(),
                    format!("{} has no sheet {name} (for {file})", book.file),
                )
                .fix(format!(
                    "add a sheet named {name}; the sheets are: {}",
                    book.sheets
                        .iter()
                        .map(|s| s.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ))
                .nl(format!(
                    "{} heeft geen blad {name} (voor {file})",
                    book.file
                ))
                .fix_nl(format!(
                    "voeg een blad met de naam {name} toe; de bladen zijn: {}",
                    book.sheets
                        .iter()
                        .map(|s| s.name.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                )),
            );
        }
        return None;
    };
    Some(parse(sheet, diags))
}
