//! `school.xlsx`: a [`Start`] as the workbook `input::workbook` reads. The sheets `School`
//! (`sleutel | waarde` rows, the meaning beside each), `Docenten`, `Groepen`, `Cursisten`,
//! `Mentoren`, `Afwezigheid`, `Vergrendelingen` and `Lokalen` with Dutch headers, then `Lijsten` (the
//! values of the drop-down lists) and `Uitleg` (what every key and column means); the
//! reader skips the last two. Dates are Excel dates (shown `dd-mm-jjjj`), whole numbers
//! numbers. A column whose value comes from a list (register, wet, ja/nee, locatie,
//! profiel, lesmoment, regel) has a drop-down list that warns about another value.
//!
//! Deterministic: the creation date is the term's start, so the same start gives the same
//! bytes.

use super::{InitError, Start, dutch, sheet_name, uitleg};
use chrono::Datelike;
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DocProperties, ExcelDateTime, Format, Formula,
    Workbook, Worksheet,
};

/// The rows a drop-down list covers (the header is row 1).
const LAST_ROW: u32 = 2000;
const LISTS: &str = "Lijsten";

/// The drop-down lists: their header on the `Lijsten` sheet.
const LIST_HEADERS: [&str; 7] = [
    "locaties",
    "profielen",
    "lesmomenten",
    "register",
    "wet",
    "ja_nee",
    "regel",
];

/// Which list (a column of `Lijsten`) offers the values of a column.
fn list_of(file: &str, column: &str) -> Option<usize> {
    Some(match (file, column) {
        ("rooms.csv", "available") => return None,
        (_, "location") => 0,
        (_, "profile") => 1,
        ("locks.csv", "slot") => 2,
        (_, "register") => 3,
        (_, "law") => 4,
        (_, "optional") => 5,
        ("locks.csv", "rule") => 6,
        _ => return None,
    })
}

struct Formats {
    bold: Format,
    date: Format,
}

/// The workbook's bytes.
pub fn school_xlsx(start: &Start) -> Result<Vec<u8>, InitError> {
    let formats = Formats {
        bold: Format::new().set_bold(),
        date: Format::new().set_num_format("dd-mm-yyyy"),
    };
    let mut book = Workbook::new();
    let d = start.created;
    let created = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
    book.set_properties(
        &DocProperties::new()
            .set_title("nt2plan: de school")
            .set_creation_datetime(&created),
    );
    school_sheet(book.add_worksheet(), start, &formats)?;
    for table in &start.tables {
        let sheet = book.add_worksheet().set_name(sheet_name(table.file))?;
        let header: Vec<&str> = table.columns.iter().map(|c| dutch(c)).collect();
        let mut widths: Vec<usize> = header.iter().map(|h| h.chars().count()).collect();
        for (c, h) in header.iter().enumerate() {
            sheet.write_string_with_format(0, c as u16, *h, &formats.bold)?;
        }
        for (r, row) in table.rows.iter().enumerate() {
            for (c, text) in row.iter().enumerate() {
                write_cell(sheet, r as u32 + 1, c as u16, text, &formats)?;
                if let Some(w) = widths.get_mut(c) {
                    *w = (*w).max(text.chars().count());
                }
            }
        }
        for (c, column) in table.columns.iter().enumerate() {
            if let Some(list) = list_of(table.file, column) {
                let letter = (b'A' + list as u8) as char;
                let validation = DataValidation::new()
                    .allow_list_formula(Formula::new(format!("={LISTS}!${letter}$2:${letter}$200")))
                    .set_error_style(DataValidationErrorStyle::Warning)
                    .set_error_title("Waarde niet in de lijst")?
                    .set_error_message(format!(
                        "Kies een waarde uit de lijst (blad {LISTS}, kolom {}).",
                        LIST_HEADERS[list]
                    ))?;
                sheet.add_data_validation(1, c as u16, LAST_ROW, c as u16, &validation)?;
            }
        }
        finish(sheet, &widths)?;
    }
    lists_sheet(book.add_worksheet(), start, &formats)?;
    uitleg_sheet(book.add_worksheet(), &formats)?;
    Ok(book.save_to_buffer()?)
}

/// The values of list `list` (a column of `Lijsten`).
fn list_rows(start: &Start, list: usize) -> Vec<String> {
    let strings = |v: &[&str]| v.iter().map(|s| s.to_string()).collect();
    match list {
        0 => start.lists.locations.clone(),
        1 => start.lists.profiles.clone(),
        2 => ["ma", "di", "wo", "do", "vr", "za", "zo"]
            .iter()
            .flat_map(|d| start.lists.blocks.iter().map(move |b| format!("{d}-{b}")))
            .collect(),
        3 => strings(&["bvnt2", "kwaliteitsregister", "none"]),
        4 => strings(&["wi2021", "wi2013"]),
        5 => strings(&["ja", "nee"]),
        _ => strings(&["geeft", "nooit"]),
    }
}

/// A cell as a planner's Excel holds it: ISO dates as dates, whole numbers as numbers.
fn write_cell(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    text: &str,
    formats: &Formats,
) -> Result<(), InitError> {
    let date = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").ok();
    if let Some(d) = date.filter(|d| (1900..=9999).contains(&d.year())) {
        let excel = ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8)?;
        sheet.write_datetime_with_format(row, col, &excel, &formats.date)?;
    } else if let Ok(n) = text.parse::<u32>()
        && !text.starts_with('0')
    {
        sheet.write_number(row, col, f64::from(n))?;
    } else if !text.is_empty() {
        sheet.write_string(row, col, text)?;
    }
    Ok(())
}

/// Column widths from the contents, the top row frozen.
fn finish(sheet: &mut Worksheet, widths: &[usize]) -> Result<(), InitError> {
    for (c, w) in widths.iter().enumerate() {
        sheet.set_column_width(c as u16, (*w).clamp(8, 60) as f64 + 2.0)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    Ok(())
}

fn school_sheet(sheet: &mut Worksheet, start: &Start, formats: &Formats) -> Result<(), InitError> {
    sheet.set_name("School")?;
    for (c, h) in ["sleutel", "waarde", "betekenis"].iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, &formats.bold)?;
    }
    let mut widths = vec![10, 10, 10];
    for (r, (key, value)) in start.school.iter().enumerate() {
        let row = r as u32 + 1;
        sheet.write_string(row, 0, key)?;
        write_cell(sheet, row, 1, value, formats)?;
        let meaning = school_meaning(key);
        sheet.write_string(row, 2, meaning)?;
        for (w, t) in widths.iter_mut().zip([key.as_str(), value, meaning]) {
            *w = (*w).max(t.chars().count());
        }
    }
    finish(sheet, &widths)
}

/// The meaning of a `School` key: `blocks.morning` is explained as `blocks.NAAM`.
fn school_meaning(key: &str) -> &'static str {
    let general = key.split_once('.').map(|(t, _)| format!("{t}.NAAM"));
    let key = general.as_deref().unwrap_or(key);
    uitleg::SCHOOL_KEYS
        .iter()
        .find(|(k, _)| *k == key)
        .map_or("", |(_, m)| m)
}

fn lists_sheet(sheet: &mut Worksheet, start: &Start, formats: &Formats) -> Result<(), InitError> {
    sheet.set_name(LISTS)?;
    let mut widths = Vec::new();
    for (c, h) in LIST_HEADERS.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, &formats.bold)?;
        let values = list_rows(start, c);
        for (r, v) in values.iter().enumerate() {
            sheet.write_string(r as u32 + 1, c as u16, v)?;
        }
        widths.push(
            values
                .iter()
                .map(|v| v.chars().count())
                .fold(h.len(), usize::max),
        );
    }
    finish(sheet, &widths)
}

fn uitleg_sheet(sheet: &mut Worksheet, formats: &Formats) -> Result<(), InitError> {
    sheet.set_name("Uitleg")?;
    let header = ["blad", "kolom", "in het Engels", "verplicht", "betekenis"];
    for (c, h) in header.iter().enumerate() {
        sheet.write_string_with_format(0, c as u16, *h, &formats.bold)?;
    }
    let mut rows: Vec<[String; 5]> = uitleg::SCHOOL_KEYS
        .iter()
        .map(|(k, m)| {
            let required = matches!(
                *k,
                "name" | "main_location" | "rules" | "term_start" | "term_end" | "blocks.NAAM"
            );
            [
                "School".into(),
                k.to_string(),
                k.to_string(),
                yes(required),
                m.to_string(),
            ]
        })
        .collect();
    for spec in super::specs() {
        for column in spec.required.iter().chain(spec.optional) {
            rows.push([
                sheet_name(spec.file).to_string(),
                dutch(column).to_string(),
                column.to_string(),
                yes(spec.required.contains(column)),
                super::uitleg::meaning(spec.file, column).to_string(),
            ]);
        }
    }
    rows.push([
        LISTS.into(),
        String::new(),
        String::new(),
        String::new(),
        "de waarden van de keuzelijsten; voeg hier een nieuwe locatie of een nieuw profiel toe"
            .into(),
    ]);
    let mut widths: Vec<usize> = header.iter().map(|h| h.len()).collect();
    for (r, row) in rows.iter().enumerate() {
        for (c, text) in row.iter().enumerate() {
            sheet.write_string(r as u32 + 1, c as u16, text)?;
            widths[c] = widths[c].max(text.chars().count());
        }
    }
    finish(sheet, &widths)
}

fn yes(b: bool) -> String {
    if b { "ja" } else { "nee" }.to_string()
}
