//! `options.csv` and the options section of `report.md`: single changes a school can make,
//! each measured by a solve, best first (`options::options`).

use super::Lang;
use super::schedule_files::WriteError;
use crate::outcome::options::{OptionRow, Options};
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

/// One option as the terminal prints it, in `lang`: rank, change, whether it complies (else
/// its shortfall level by level), the certified share and the students placed.
pub fn option_line(r: &OptionRow, lang: Lang) -> String {
    let l = r.shortfall.levels();
    let nl = lang == Lang::Nl;
    let verdict = match (r.compliant, nl) {
        (true, true) => "CONFORM".to_string(),
        (true, false) => "COMPLIANT".to_string(),
        (false, true) => format!(
            "NIET CONFORM (tekort: {} lessen zonder docent, {} in 1.7.1b, {} voor de ondergrens, {} begeleidingsplaatsen{})",
            l[0],
            l[1],
            l[2],
            l[3],
            if r.proven {
                ""
            } else {
                "; ten hoogste: niet bewezen binnen de tijd"
            }
        ),
        (false, false) => format!(
            "NOT COMPLIANT (short: {} lessons without a teacher, {} in 1.7.1b, {} for the floor, {} mentor places{})",
            l[0],
            l[1],
            l[2],
            l[3],
            if r.proven {
                ""
            } else {
                "; at most: not proven in time"
            }
        ),
    };
    if nl {
        format!(
            "{}. {}: {verdict}; gecertificeerd {} ({} van {}); {} van {} cursisten geplaatst",
            r.rank,
            r.change.text(true),
            r.certified_share,
            r.certified_lessons,
            r.lessons_given,
            r.students_placed,
            r.students_total
        )
    } else {
        format!(
            "{}. {}: {verdict}; certified {} ({} of {}); {} of {} students placed",
            r.rank,
            r.change.text(false),
            r.certified_share,
            r.certified_lessons,
            r.lessons_given,
            r.students_placed,
            r.students_total
        )
    }
}

/// The changes not measured in time, as the terminal prints them in `lang`; `None` when
/// every change was measured.
pub fn not_measured_line(options: &Options, lang: Lang) -> Option<String> {
    if options.not_measured.is_empty() {
        return None;
    }
    Some(match lang {
        Lang::Nl => format!(
            "Niet gemeten binnen de tijdslimiet (een langere --time-limit meet ze wel): {}",
            options.not_measured_text(true)
        ),
        Lang::En => format!(
            "Not measured within the time limit (a longer --time-limit measures them): {}",
            options.not_measured_text(false)
        ),
    })
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Shortfall;
    use crate::outcome::options::Change;

    fn options() -> Options {
        Options {
            tried: 2,
            rows: vec![OptionRow {
                rank: 1,
                change: Change::Register {
                    teacher: "T7".into(),
                },
                compliant: false,
                shortfall: Shortfall {
                    lessons_without_teacher: 0,
                    course_certified_missing: 1,
                    floor_lessons_missing: 4,
                    mentor_places_missing: 0,
                },
                proven: false,
                certified_lessons: 56,
                lessons_given: 100,
                certified_share: "56.00%".into(),
                students_placed: 40,
                students_total: 42,
            }],
            not_measured: vec![Change::Open { group: "G9".into() }],
        }
    }

    #[test]
    fn an_option_row_reads_in_dutch_with_its_change_shortfall_and_counts() {
        let o = options();
        let nl = option_line(&o.rows[0], Lang::Nl);
        assert_eq!(
            nl,
            "1. T7 laten registreren (Kwaliteitsregister of BVNT2): NIET CONFORM (tekort: 0 lessen \
             zonder docent, 1 in 1.7.1b, 4 voor de ondergrens, 0 begeleidingsplaatsen; ten hoogste: \
             niet bewezen binnen de tijd); gecertificeerd 56.00% (56 van 100); 40 van 42 cursisten geplaatst"
        );
        let rest = not_measured_line(&o, Lang::Nl).expect("one not measured");
        assert!(
            rest.starts_with("Niet gemeten binnen de tijdslimiet"),
            "{rest}"
        );
        assert!(rest.contains("optionele groep G9 openen"), "{rest}");
        for english in [
            "NOT COMPLIANT",
            "register T7",
            "students placed",
            "Not measured",
        ] {
            assert!(
                !nl.contains(english) && !rest.contains(english),
                "{english:?}"
            );
        }
        let en = option_line(&o.rows[0], Lang::En);
        assert!(en.starts_with("1. register T7 (Kwaliteitsregister or BVNT2): NOT COMPLIANT (short: 0 lessons without a teacher"), "{en}");
    }
}
