//! The header line: column names in English or Dutch, and the checks on them (E104..E106).
//! Planners type headers; a Dutch planner types Dutch ones. Every column has one English
//! name, which the code and the diagnostics use, and one or more Dutch names, which a file
//! may use instead; [`DUTCH_NAMES`] is the one place that says which.

use super::{Record, Spec};
use crate::diag::{Diagnostic, Diagnostics, ErrorCode};

/// Every column's English name with its Dutch name(s), for all files at once: a column that
/// two files share (`course_code`, `teacher`, `date`) means the same in both, so it has the
/// same Dutch name in both. `start` and `end` are dates in groups.csv and times in
/// timetable.csv; `begin` and `einde` say both.
pub const DUTCH_NAMES: &[(&str, &[&str])] = &[
    ("available", &["beschikbaar"]),
    ("avoids", &["liever_niet"]),
    ("capacity", &["capaciteit"]),
    ("course_code", &["cursuscode"]),
    ("date", &["datum"]),
    ("end", &["einde"]),
    ("exam_date", &["examendatum"]),
    ("from", &["van"]),
    ("group", &["groep"]),
    ("id", &["code", "lokaal"]),
    ("law", &["wet"]),
    ("location", &["locatie"]),
    ("locations", &["locaties"]),
    ("max_lessons_per_term", &["max_lessen_per_periode"]),
    ("max_lessons_per_week", &["max_lessen_per_week"]),
    ("mentor", &["begeleider"]),
    ("mentor_capacity", &["mentorcapaciteit"]),
    ("min_lessons_per_term", &["min_lessen_per_periode"]),
    ("min_lessons_per_week", &["min_lessen_per_week"]),
    ("min_size", &["min_grootte"]),
    ("name", &["naam"]),
    ("observed", &["geobserveerd"]),
    ("optional", &["optioneel"]),
    ("passed", &["geslaagd"]),
    ("prefers", &["voorkeur"]),
    ("profile", &["profiel"]),
    ("profiles", &["profielen"]),
    ("reason", &["reden"]),
    ("register", &["register"]),
    ("room", &["lokaal"]),
    ("rule", &["regel"]),
    ("slot", &["lesmoment"]),
    ("slots", &["lesmomenten"]),
    ("start", &["begin"]),
    ("student", &["cursist"]),
    ("teacher", &["docent"]),
    ("to", &["tot_en_met", "tot"]),
];

/// The Dutch names of the English column `english` (none when it has no Dutch name).
pub fn dutch_names(english: &str) -> &'static [&'static str] {
    DUTCH_NAMES
        .iter()
        .find(|(e, _)| *e == english)
        .map_or(&[], |(_, d)| d)
}

/// A header cell as typed: case and spacing do not matter, so `Max lessen per week` is
/// `max_lessen_per_week`.
pub fn normalize(raw: &str) -> String {
    raw.split_whitespace()
        .collect::<Vec<_>>()
        .join("_")
        .to_lowercase()
}

/// The English name of a normalized header cell: itself when the file knows it (or it is
/// not a Dutch name of one of the file's columns), else the column it is the Dutch name of.
pub(super) fn canonical(spec: Spec, name: &str) -> String {
    if spec.known().any(|k| k == name) {
        return name.to_string();
    }
    spec.known()
        .find(|k| dutch_names(k).contains(&name))
        .unwrap_or(name)
        .to_string()
}

/// Every name the file accepts for its columns, English first, then Dutch.
fn accepted(spec: Spec) -> Vec<&'static str> {
    let dutch = spec.known().flat_map(|k| dutch_names(k).iter().copied());
    let mut out: Vec<&str> = spec.known().collect();
    for d in dutch {
        if !out.contains(&d) {
            out.push(d);
        }
    }
    out
}

/// Reports unknown, duplicated and missing columns; false when a required one is missing.
/// `typed` are the normalized header cells, `columns` their English names.
pub(super) fn check(
    spec: Spec,
    line: u64,
    typed: &[String],
    columns: &[String],
    diags: &mut Diagnostics,
) -> bool {
    let known: Vec<&str> = spec.known().collect();
    for (i, (name, typed_name)) in columns.iter().zip(typed).enumerate() {
        let column = Some(i as u64 + 1);
        if name.is_empty() {
            continue; // see `unnamed_columns`
        }
        if columns.iter().take(i).any(|c| c == name) {
            let (same, same_nl) = if typed_name == name {
                (String::new(), String::new())
            } else {
                (
                    format!(" (as \"{typed_name}\")"),
                    format!(" (als \"{typed_name}\")"),
                )
            };
            diags.push(
                Diagnostic::error(
                    ErrorCode::ColumnDuplicated,
                    spec.file,
                    format!("column \"{name}\" appears twice in the header{same}"),
                )
                .at(line, column)
                .field(name.clone())
                .fix("remove or rename one of the two columns (a Dutch name and its English one are the same column)")
                .nl(format!("kolom \"{name}\" staat twee keer in de kopregel{same_nl}"))
                .fix_nl("haal een van de twee kolommen weg of geef haar een andere naam (een Nederlandse naam en de Engelse zijn dezelfde kolom)"),
            );
        } else if !spec.extra_allowed && !known.contains(&name.as_str()) {
            let hint = crate::input::suggest::did_you_mean(name, accepted(spec));
            let hint_nl = crate::input::suggest::did_you_mean_nl(name, accepted(spec));
            diags.push(
                Diagnostic::error(
                    ErrorCode::ColumnUnknown,
                    spec.file,
                    format!("{} has no column \"{typed_name}\"", spec.file),
                )
                .at(line, column)
                .field(name.clone())
                .fix(format!("{hint}the columns are: {}", names_both(spec)))
                .nl(format!("{} heeft geen kolom \"{typed_name}\"", spec.file))
                .fix_nl(format!("{hint_nl}de kolommen zijn: {}", names_nl(spec))),
            );
        }
    }
    let mut complete = true;
    for required in spec.required {
        if !columns.iter().any(|c| c == required) {
            complete = false;
            diags.push(
                Diagnostic::error(
                    ErrorCode::ColumnMissing,
                    spec.file,
                    format!("the header lacks the column \"{required}\""),
                )
                .at(line, None)
                .field(*required)
                .fix(format!(
                    "add the column; the header needs: {}",
                    required_both(spec)
                ))
                .nl(format!("de kolom \"{required}\" ontbreekt in de kopregel"))
                .fix_nl(format!(
                    "voeg de kolom toe; de kopregel heeft nodig: {}",
                    required_nl(spec)
                )),
            );
        }
    }
    complete
}

/// `id,name,note (in Dutch: code,naam)`: the columns as a fix names them.
fn names_both(spec: Spec) -> String {
    with_dutch(spec.known())
}

fn required_both(spec: Spec) -> String {
    with_dutch(spec.required.iter().copied())
}

/// `code,naam,notitie (of in het Engels: id,name,note)`: the columns as a Dutch fix names them.
fn names_nl(spec: Spec) -> String {
    dutch_first(spec.known())
}

fn required_nl(spec: Spec) -> String {
    dutch_first(spec.required.iter().copied())
}

/// The columns joined in English, and in Dutch where any has a Dutch name.
fn both_names(columns: impl Iterator<Item = &'static str>) -> (String, Option<String>) {
    let english: Vec<&str> = columns.collect();
    let dutch: Vec<&str> = english
        .iter()
        .map(|c| dutch_names(c).first().copied().unwrap_or(c))
        .collect();
    (
        english.join(","),
        (dutch != english).then(|| dutch.join(",")),
    )
}

fn dutch_first(columns: impl Iterator<Item = &'static str>) -> String {
    match both_names(columns) {
        (english, Some(dutch)) => format!("{dutch} (of in het Engels: {english})"),
        (english, None) => english,
    }
}

fn with_dutch(columns: impl Iterator<Item = &'static str>) -> String {
    match both_names(columns) {
        (english, Some(dutch)) => format!("{english} (in Dutch: {dutch})"),
        (english, None) => english,
    }
}

/// Excel writes trailing separators for columns that were once formatted (`id;name;;`):
/// a column without a name is ignored while it is empty, and E105 at its first filled cell.
pub(super) fn unnamed_columns(
    spec: Spec,
    columns: &[String],
    rows: &[Record],
    diags: &mut Diagnostics,
) {
    for (i, _) in columns.iter().enumerate().filter(|(_, c)| c.is_empty()) {
        let filled = rows
            .iter()
            .find(|r| r.cells.get(i).is_some_and(|c| !c.is_empty()));
        if let Some(row) = filled {
            diags.push(
                Diagnostic::error(
                    ErrorCode::ColumnUnknown,
                    spec.file,
                    format!("column {} has a value but no name in the header", i + 1),
                )
                .at(row.line, Some(i as u64 + 1))
                .fix(format!(
                    "remove the value or the column; the columns are: {}",
                    names_both(spec)
                ))
                .nl(format!(
                    "kolom {} heeft een waarde maar geen naam in de kopregel",
                    i + 1
                ))
                .fix_nl(format!(
                    "haal de waarde of de kolom weg; de kolommen zijn: {}",
                    names_nl(spec)
                )),
            );
        }
    }
}
