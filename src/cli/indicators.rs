//! `nt2plan indicators RESULTS.csv`: pass rates per measurement period, law and profile.

use super::{Outcome, print_diagnostics, print_json};
use nt2plan::diag::Diagnostics;
use nt2plan::indicators::{EXCEPTION_3_FROM, FORMAT_VERSION, PassRate, pass_rates};
use nt2plan::input::exams;
use std::fmt::Write as _;
use std::path::PathBuf;

/// Pass rates (slagingspercentage) per measurement period, law and profile.
///
/// Reads exam results, one row per exam: student,law,profile,exam_date,passed. A measurement
/// period runs from 1 September to 31 August. Under exception 3 of the Addendum the Wi2013
/// pass rate is, from the period 2023/2024 on, a performance indicator only: not judged as a
/// norm and not counted for the star rating. Rates are truncated, never rounded up.
/// Exit 0 when the file is read, 2 on input errors (all of them listed at once).
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The exam results (CSV): student,law,profile,exam_date,passed.
    results: PathBuf,
    /// Print the pass rates as JSON (for machines) instead of a table.
    #[arg(long)]
    json: bool,
}

/// The `--json` output.
#[derive(serde::Serialize)]
struct Json<'a> {
    format_version: u32,
    /// The results were read without errors.
    ok: bool,
    file: String,
    /// Exam results read (rows).
    exams: usize,
    /// By period, then law, then profile.
    rows: &'a [PassRate],
    /// Errors (when not ok) and warnings.
    diagnostics: &'a Diagnostics,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let file = args.results.display().to_string();
    let loaded = match exams::load(&args.results) {
        Ok(l) => l,
        Err(problems) => {
            if args.json {
                print_json(&Json {
                    format_version: FORMAT_VERSION,
                    ok: false,
                    file,
                    exams: 0,
                    rows: &[],
                    diagnostics: &problems,
                })?;
            } else {
                print_diagnostics(&problems, false);
            }
            return Ok(Outcome::Error);
        }
    };
    let rates = pass_rates(&loaded.value);
    if args.json {
        print_json(&Json {
            format_version: FORMAT_VERSION,
            ok: true,
            file,
            exams: loaded.value.len(),
            rows: &rates,
            diagnostics: &loaded.warnings,
        })?;
    } else {
        if !loaded.warnings.is_empty() {
            print_diagnostics(&loaded.warnings, true);
        }
        out!("{}", render(&file, loaded.value.len(), &rates));
    }
    Ok(Outcome::Ok)
}

/// The table for people: one line per period, law and profile; rates that exception 3
/// makes an indicator only are marked `*` and explained below the table.
fn render(file: &str, exams: usize, rates: &[PassRate]) -> String {
    let mut out = String::new();
    if rates.is_empty() {
        let _ = writeln!(
            out,
            "{file}: no exam results (only a header), no pass rates"
        );
        return out;
    }
    let _ = writeln!(
        out,
        "Pass rates per measurement period (1 September to 31 August): {exams} exam(s) in {file}\n"
    );
    let header = ["period", "law", "profile", "exams", "passed", "pass rate"];
    let cells: Vec<[String; 6]> = rates
        .iter()
        .map(|r| {
            [
                r.period.label(),
                r.law.as_str().to_string(),
                r.profile.to_string(),
                r.exams.to_string(),
                r.passed.to_string(),
                r.pass_rate.clone(),
            ]
        })
        .collect();
    let mut width = header.map(str::len);
    for row in &cells {
        for (w, c) in width.iter_mut().zip(row) {
            *w = (*w).max(c.chars().count());
        }
    }
    let line = |out: &mut String, row: [&str; 6], mark: &str| {
        let [period, law, profile, n, k, rate] = row;
        let [w0, w1, w2, w3, w4, w5] = width;
        let text = format!(
            "{period:<w0$}  {law:<w1$}  {profile:<w2$}  {n:>w3$}  {k:>w4$}  {rate:>w5$}  {mark}"
        );
        let _ = writeln!(out, "{}", text.trim_end());
    };
    line(&mut out, header, "");
    let mut previous = None;
    for (rate, row) in rates.iter().zip(&cells) {
        if previous.is_some_and(|p| p != rate.period) {
            out.push('\n');
        }
        previous = Some(rate.period);
        let mark = if rate.indicator_only() { "*" } else { "" };
        line(&mut out, row.each_ref().map(String::as_str), mark);
    }
    if rates.iter().any(PassRate::indicator_only) {
        let _ = writeln!(
            out,
            "\n* Exception 3 (Addendum): from measurement period {} ({}) on,\n  \
             the Wi2013 pass rate is a performance indicator only: not judged as a norm and\n  \
             not counted for the star rating.",
            EXCEPTION_3_FROM.label(),
            EXCEPTION_3_FROM.range()
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;
    use nt2plan::domain::{ExamResult, Law, Profile, StudentId};

    fn exam(law: Law, date: &str, passed: bool) -> ExamResult {
        ExamResult {
            student: StudentId::new("S1"),
            law,
            profile: Profile::new("B1-route"),
            date: NaiveDate::parse_from_str(date, "%Y-%m-%d").expect("a date"),
            passed,
        }
    }

    #[test]
    fn the_table_marks_exception_3_rows_and_explains_the_mark() {
        let rates = pass_rates(&[
            exam(Law::Wi2013, "2023-08-31", true),
            exam(Law::Wi2013, "2023-09-01", false),
            exam(Law::Wi2021, "2023-09-01", true),
        ]);
        let text = render("r.csv", 3, &rates);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(
            lines[2],
            "period     law     profile   exams  passed  pass rate"
        );
        assert_eq!(
            lines[3],
            "2022/2023  wi2013  B1-route      1       1     100.0%"
        );
        assert_eq!(lines[4], "");
        assert_eq!(
            lines[5],
            "2023/2024  wi2013  B1-route      1       0       0.0%  *"
        );
        assert!(!lines[6].ends_with('*'), "{text}");
        assert!(text.contains("* Exception 3 (Addendum)"), "{text}");
        assert!(text.contains("2023-09-01..2024-08-31"), "{text}");
    }

    #[test]
    fn no_mark_no_footnote_and_an_empty_file_says_so() {
        let rates = pass_rates(&[exam(Law::Wi2021, "2024-03-01", true)]);
        assert!(!render("r.csv", 1, &rates).contains('*'));
        let empty = render("r.csv", 0, &[]);
        assert_eq!(
            empty,
            "r.csv: no exam results (only a header), no pass rates\n"
        );
    }
}
