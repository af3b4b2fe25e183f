//! `options.csv` and the options section of `report.md`: single changes a school can make,
//! each measured by a solve, best first (`options::options`).

use super::schedule_files::WriteError;
use crate::outcome::options::Options;
use std::fmt::Write as _;

/// The columns of `options.csv`.
const HEADER: [&str; 14] = [
    "rank",
    "change",
    "measured",
    "compliant",
    "proven",
    "lessons_without_teacher",
    "course_certified_missing",
    "floor_lessons_missing",
    "mentor_places_missing",
    "certified_lessons",
    "lessons_given",
    "certified_share",
    "students_placed",
    "students_total",
];

/// One row per change, best first: rank, change (Dutch), whether it was measured, compliant,
/// whether its shortfall is proven least, the shortfall level by level, the certified share
/// reached, students placed; then the changes not measured in time, with empty results.
pub fn options_csv(options: &Options, format: super::CsvFormat) -> Result<String, WriteError> {
    let measured = options.rows.iter().map(|r| {
        let s = r.shortfall.levels();
        vec![
            r.rank.to_string(),
            r.change.text(true),
            true.to_string(),
            r.compliant.to_string(),
            r.proven.to_string(),
            s[0].to_string(),
            s[1].to_string(),
            s[2].to_string(),
            s[3].to_string(),
            r.certified_lessons.to_string(),
            r.lessons_given.to_string(),
            r.certified_share.clone(),
            r.students_placed.to_string(),
            r.students_total.to_string(),
        ]
    });
    let not_measured = options.not_measured.iter().map(|c| {
        let mut row = vec![String::new(), c.text(true), false.to_string()];
        row.resize(HEADER.len(), String::new());
        row
    });
    format.table(&HEADER, measured.chain(not_measured))
}

/// The options as a Markdown section, in Dutch.
pub fn options_md(options: &Options) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "## Wat zou helpen\n\n{} enkele wijziging(en) geprobeerd, elk met een eigen berekening van \
         het gewijzigde rooster; de beste eerst.\n",
        options.tried
    );
    if options.tried == 0 {
        let _ = writeln!(s, "Geen wijziging gevonden om te proberen.");
        return s;
    }
    if !options.not_measured.is_empty() {
        let _ = writeln!(
            s,
            "Niet gemeten binnen de tijdslimiet (een langere `--time-limit` meet ze wel): {}.\n",
            options.not_measured_text(true)
        );
    }
    if options.rows.is_empty() {
        return s;
    }
    let _ = writeln!(
        s,
        "| # | Wijziging | Voldoet | Tekort (lessen zonder docent / 1.7.1b / 1.7.1a / begeleiding) | Aandeel gecertificeerd | Cursisten geplaatst |\n|---|---|---|---|---|---|"
    );
    for r in &options.rows {
        let l = r.shortfall.levels();
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} / {} / {} / {}{} | {} ({} van {}) | {} van {} |",
            r.rank,
            r.change.text(true),
            if r.compliant { "ja" } else { "nee" },
            l[0],
            l[1],
            l[2],
            l[3],
            if r.proven {
                ""
            } else {
                " (ten hoogste: niet bewezen binnen de tijd)"
            },
            r.certified_share,
            r.certified_lessons,
            r.lessons_given,
            r.students_placed,
            r.students_total
        );
    }
    s
}
