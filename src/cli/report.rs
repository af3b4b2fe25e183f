//! `nt2plan report INSTANCE SCHEDULE -o OUT`: the documents planners read, from a schedule
//! folder (the optimizer's or one made by hand).

use super::{Outcome, load_judged};
use nt2plan::check::check;
use nt2plan::output::{self, Replace};
use nt2plan::report::attendance::Attendance;
use nt2plan::report::documents::{Beside, documents_in};
use nt2plan::report::{Lang, check_text};
use nt2plan::rules::RuleChoice;
use std::path::PathBuf;

/// The language of the documents.
#[derive(Clone, Copy, Debug, Default, clap::ValueEnum)]
pub enum LangChoice {
    /// Nederlands.
    #[default]
    Nl,
    /// English.
    En,
}

impl From<LangChoice> for Lang {
    fn from(l: LangChoice) -> Lang {
        match l {
            LangChoice::Nl => Lang::Nl,
            LangChoice::En => Lang::En,
        }
    }
}

/// How attendance lists are printed.
#[derive(Clone, Copy, Debug, Default, clap::ValueEnum)]
pub enum AttendanceChoice {
    /// One page per lesson.
    #[default]
    PerLesson,
    /// One page per week, a column per lesson.
    PerWeek,
}

impl From<AttendanceChoice> for Attendance {
    fn from(a: AttendanceChoice) -> Attendance {
        match a {
            AttendanceChoice::PerLesson => Attendance::PerLesson,
            AttendanceChoice::PerWeek => Attendance::PerWeek,
        }
    }
}

/// Write the documents planners read: a dashboard with week timetables, calendars, a workbook,
/// the declaration and the supervision dossier.
///
/// OUT gets index.html (one self-contained page: compliance dashboard and week timetables per
/// location, group and teacher), calendars/ID.ics per teacher, timetable.xlsx, verklaring.md
/// and verklaring.html (the declaration of Bijlage 1, filled in), begeleiding/ (one page per
/// non-certified teacher, Bijlage 2) and presentielijsten/GROUP.html (attendance lists to print,
/// one A4 page per lesson or per week). Dutch by default. The schedule is judged by the checker
/// first; the documents are written either way, since a planner needs to see the findings.
/// Exit 0 when compliant, 1 when a norm is violated, 2 on input errors.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The instance folder, or an instance workbook (.xlsx).
    instance: PathBuf,
    /// The schedule folder, or a timetable.xlsx that report wrote (edited or not).
    schedule: PathBuf,
    /// Output folder; an earlier report folder there is replaced once the new one is complete.
    #[arg(short, long, value_name = "DIR")]
    out: PathBuf,
    /// Judge under this rule set instead of school.toml's: a built-in name or a TOML file.
    #[arg(long, value_name = "NAME|PATH")]
    rules: Option<RuleChoice>,
    /// Replace teacher and mentor names by their ids in every output, for documents shared
    /// beyond the school's planners (students are ids only anyway).
    #[arg(long)]
    anonymize: bool,
    /// Attendance lists (presentielijsten/GROUP.html): one printed page per lesson, or one per
    /// week with a column per lesson.
    #[arg(long, value_enum, default_value_t = AttendanceChoice::PerLesson, value_name = "PAGES")]
    attendance: AttendanceChoice,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let (loaded, schedule) =
        match load_judged(&args.instance, &args.schedule, args.rules.as_ref(), false) {
            Ok(both) => both,
            Err(outcome) => return Ok(outcome),
        };
    let instance = &if args.anonymize {
        loaded.value.instance.anonymized()
    } else {
        loaded.value.instance.clone()
    };
    let rules = &loaded.value.rules;
    let schedule = schedule.value;
    let report = match check(instance, rules, &schedule) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{}", check_text::error_in(&e, super::lang::terminal()));
            return Ok(Outcome::Error);
        }
    };
    let files = documents_in(
        instance,
        rules,
        &schedule,
        &report,
        super::lang::documents(),
        Beside::default(),
        args.attendance.into(),
    )?;
    {
        let _writing = super::interrupt::Writing::start();
        output::write_folder(&args.out, &files, Replace::Marked(&["index.html"]))?;
    }
    out!(
        "{}",
        check_text::render_in(&report, super::lang::terminal())
    );
    match super::lang::terminal() {
        Lang::En => outln!(
            "{} document(s) written to {}",
            files.len(),
            args.out.display()
        ),
        Lang::Nl => outln!(
            "{} document(en) geschreven naar {}",
            files.len(),
            args.out.display()
        ),
    }
    Ok(if report.compliant {
        Outcome::Ok
    } else {
        Outcome::Violations
    })
}
