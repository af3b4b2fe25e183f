//! The independent compliance checker: judges any [`Schedule`] against a [`RuleSet`].
//!
//! It never trusts a solver. Every number is re-derived from the instance and the schedule's
//! three tables (timetable, placements, mentoring), so the checker judges a hand-made or
//! foreign timetable exactly like one of ours. It imports only `crate::domain` and
//! `crate::diag`.
//!
//! # Passes, one norm family per file
//! | file | norm | codes |
//! |---|---|---|
//! | `share.rs` | 1.7.1a certified share | C101 C102 |
//! | `courses.rs` | 1.7.1b certified lessons per course | C111 |
//! | `sizes.rs` | 2.2.1 group sizes, exception 2 | C121..C124 |
//! | `mentoring.rs` | supervision of non-certified teachers | C131..C135 |
//! | `soundness.rs` | rows against planned lessons | C141..C143, C156 |
//! | `teachers.rs` | each teacher could give their lessons | C144..C149 |
//! | `locks.rs` | the locks of `locks.csv` | C158 |
//! | `contract.rs` | contract hours: weekly and term minimums, term maximum | C159..C161 |
//! | `students.rs` | each student could take their group | C151..C155 |
//! | `locks.rs` | the locks of `locks.csv` | C158 |
//! | `history.rs` | a replan's history, as in the schedule replaced | C162 |
//! | `alternatives.rs` | a choice of meeting times: one alternative, completely | C168 |
//! | `facts.rs` | shared counts; ids the instance lacks | C157 |
//! | `declaration.rs` | Bijlage 1 data, exceptions in use | - |
//! | `cost.rs` | the objective's counts and weighted cost (not a norm) | - |
//! | `changes.rs` | a replan's changed lessons and moved students, forced or chosen | - |
//! | `who_pays.rs` | students without a place and why; lessons, courses, teachers short | - |
//! | `shortfall.rs` | how far the norms are missed, in the best-effort plan's units | - |
//! | `wishes.rs` | per teacher, lessons that met or broke a wish (`prefers`, `avoids`) | - |
//!
//! # Counting
//! - A *lesson given* is a timetable row with a teacher. Every such row counts in the share,
//!   also one that matches no planned lesson (C143) or repeats one (C142): those are
//!   reported, and the share states what the timetable says was taught. A row whose teacher
//!   the instance lacks counts as not certified (C157).
//! - A group's *size* is the number of distinct students placed in it.
//! - A group is *running* when it is not optional, or has students or lessons; only running
//!   groups are judged for 1.7.1b, sizes and missing lessons.
//!
//! # JSON (`nt2plan check --json`), format_version 1
//! [`CheckReport`] serialized with serde: `format_version`, `compliant`, `violations`,
//! `warnings`, `rules` (name, title, valid_from, valid_until|null, validity,
//! min/target_certified_share as `{parts_per_10000, text}`, ...), `totals` (lessons_given,
//! certified_lessons, certified_share `{part, total, percent}`, min_certified_lessons, student
//! and group counts), `courses[]` (course_code, lessons, certified_lessons, required, ok),
//! `groups[]` (course_code, location, profile, size_class, size, min_size, standard_max,
//! temporary_max, running, status: `closed` | `within_standard` |
//! `above_standard_exception2` | `violation` | `unknown_size_class`), `mentoring` (required,
//! teachers[] with mentors[], mentors[] with mentees[] and capacity), `declaration` (school,
//! exception_1/exception_2 `{in_use, offered, reason}`, non_certified_teachers[],
//! overflow_cells[]), `findings[]` (code, norm, severity `violation`|`warning`, subject_kind,
//! subject, occurrences, message), `who_pays` (students[] with their reason,
//! lessons_without_teacher[], courses_without_certified[], certified_lessons_missing,
//! teachers_without_mentor[]), `alternatives[]` (only with a choice of meeting times: per
//! such group course_code, alternative (1-based, the one its timetable follows, or null), of
//! (how many it has), slots[]). Lists are sorted by their ids; findings by code, subject
//! and message. Fields may be added in later versions, never renamed or removed.

mod alternatives;
pub mod changes;
mod contract;
mod cost;
mod courses;
mod declaration;
mod facts;
mod history;
mod locks;
mod mentoring;
mod observations;
mod rooms;
mod share;
mod shortfall;
mod sizes;
mod soundness;
mod students;
mod teachers;
pub mod types;
mod who_pays;
mod wishes;

#[cfg(test)]
pub(crate) mod fixture;

pub use alternatives::ChosenAlternative;
pub use changes::{ChangeKind, Changes, LessonChange, RoomChange, StudentMove, changes};
pub use cost::{Cost, cost};
pub use declaration::HANDLEIDING_MIN_SHARE;
pub use shortfall::Shortfall;
pub use types::*;
pub use who_pays::{
    ClosedGroup, GroupAtMaximum, LessonWithoutTeacher, Obstacle, UnplacedReason, UnplacedStudent,
    WhoPays,
};
pub use wishes::TeacherWishes;

use crate::diag::Code;
use crate::domain::{Instance, RuleSet, Schedule};
use chrono::NaiveDate;

/// Why a schedule cannot be judged at all (as opposed to findings, which judge it).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CheckError {
    /// Judging lessons under a rule set that does not apply on their dates would give a
    /// verdict nobody may rely on (e.g. the Addendum's 60% after it ended).
    #[error(
        "{count} timetable row(s) from {first} to {last} lie outside the validity of rule set \
         {rules} ({validity}){ended}; choose another rule set that covers these dates with \
         --rules (e.g. handleiding-2024), or check a timetable within {validity}"
    )]
    OutsideRuleValidity {
        rules: String,
        validity: String,
        valid_until: Option<NaiveDate>,
        /// `, which ended on DATE` for rows after the end, else `, which starts on DATE`.
        ended: String,
        /// The same in Dutch: `, die eindigde op DATE` or `, die begint op DATE`.
        ended_nl: String,
        /// The validity in Dutch: `van DATE t/m DATE` or `vanaf DATE, zonder einddatum`.
        validity_nl: String,
        count: usize,
        first: NaiveDate,
        last: NaiveDate,
    },
}

impl CheckError {
    /// The error in Dutch, with the same values as its English `Display`.
    pub fn dutch(&self) -> String {
        match self {
            CheckError::OutsideRuleValidity {
                rules,
                validity_nl,
                ended_nl,
                count,
                first,
                last,
                ..
            } => format!(
                "{count} roosterregel(s) van {first} tot en met {last} vallen buiten de \
                 geldigheid van regeling {rules} ({validity_nl}){ended_nl}; kies met --rules een \
                 andere regeling die deze data dekt (bijvoorbeeld handleiding-2024), of controleer \
                 een rooster binnen {validity_nl}"
            ),
        }
    }

    /// The stable code of the error, as for input diagnostics.
    pub fn code(&self) -> Code {
        match self {
            CheckError::OutsideRuleValidity { .. } => Code::OutsideRuleValidity,
        }
    }
}

/// Judges `schedule` for `instance` under `rules`.
///
/// Returns an error only when the schedule cannot be judged under `rules` at all; every
/// problem of the schedule itself is a [`Finding`] in the report, and
/// [`CheckReport::compliant`] says whether any of them is a violation.
pub fn check(
    instance: &Instance,
    rules: &RuleSet,
    schedule: &Schedule,
) -> Result<CheckReport, CheckError> {
    validity(rules, schedule)?;
    let f = facts::Facts::new(instance, rules, schedule);
    let plan = soundness::Plan::new(instance);

    let totals = share::totals(&f);
    let courses = courses::courses(&f);
    let (groups, size_findings) = sizes::groups(&f);
    let cells = sizes::overflow_cells(&f);
    let (mentoring, mentoring_findings) = mentoring::mentoring(&f);

    let mut findings = share::judge(&f, &totals);
    findings.extend(courses::judge(&f, &courses));
    findings.extend(size_findings);
    findings.extend(sizes::could_form_group(&f, &cells));
    findings.extend(mentoring_findings);
    findings.extend(observations::judge(&f, &plan));
    findings.extend(soundness::judge(&f, &plan));
    findings.extend(teachers::judge(&f, &plan));
    findings.extend(locks::judge(&f, &plan));
    findings.extend(contract::judge(&f));
    findings.extend(history::judge(&f, &plan));
    findings.extend(rooms::judge(&f));
    findings.extend(students::judge(&f));
    findings.extend(alternatives::judge(&f));
    findings.extend(facts::unknown_references(&f));
    findings.sort_by(|a, b| {
        (a.code(), &a.subject, &a.message).cmp(&(b.code(), &b.subject, &b.message))
    });
    findings.dedup();

    let who_pays = who_pays::who_pays(&f, &courses, &totals, &mentoring);
    let wishes = wishes::wishes(&f, &plan);
    let declaration = declaration::declaration(&f, &totals, cells);
    let chosen = alternatives::chosen(&f);
    let violations = findings
        .iter()
        .filter(|x| x.severity() == FindingSeverity::Violation)
        .count();
    Ok(CheckReport {
        format_version: FORMAT_VERSION,
        compliant: violations == 0,
        violations,
        warnings: findings.len() - violations,
        rules: rules_info(rules),
        totals,
        courses,
        groups,
        mentoring,
        declaration,
        findings,
        who_pays,
        wishes,
        alternatives: chosen,
    })
}

/// Every row must lie within the rule set's validity; all such rows are counted in the error.
fn validity(rules: &RuleSet, schedule: &Schedule) -> Result<(), CheckError> {
    let outside: Vec<NaiveDate> = schedule
        .timetable
        .iter()
        .map(|r| r.date)
        .filter(|d| !rules.covers(*d))
        .collect();
    let (Some(first), Some(last)) = (outside.iter().min(), outside.iter().max()) else {
        return Ok(());
    };
    Err(CheckError::OutsideRuleValidity {
        rules: rules.name.clone(),
        validity: rules.validity(),
        valid_until: rules.valid_until,
        ended: match rules.valid_until {
            Some(u) if *last > u => format!(", which ended on {u}"),
            _ => format!(", which starts on {}", rules.valid_from),
        },
        ended_nl: match rules.valid_until {
            Some(u) if *last > u => format!(", die eindigde op {u}"),
            _ => format!(", die begint op {}", rules.valid_from),
        },
        validity_nl: match rules.valid_until {
            Some(u) => format!("van {} t/m {u}", rules.valid_from),
            None => format!("vanaf {}, zonder einddatum", rules.valid_from),
        },
        count: outside.len(),
        first: *first,
        last: *last,
    })
}

fn rules_info(rules: &RuleSet) -> RulesInfo {
    RulesInfo {
        name: rules.name.clone(),
        title: rules.title.clone(),
        valid_from: rules.valid_from,
        valid_until: rules.valid_until,
        validity: rules.validity(),
        min_certified_share: rules.min_certified_share.into(),
        target_certified_share: rules.target_certified_share.into(),
        min_certified_lessons_per_course: rules.min_certified_lessons_per_course,
        mentor_required: rules.mentor_required,
        overflow_requires_full_groups: rules.overflow_requires_full_groups,
    }
}

/// Norm 1.7.1a's findings (C101, C102) for `totals`, made as [`check`] makes them: for the
/// tests of the pages that show the checker's verdict on totals no real schedule reaches.
#[cfg(test)]
pub(crate) fn judge_share(
    instance: &Instance,
    rules: &RuleSet,
    schedule: &Schedule,
    totals: &Totals,
) -> Vec<Finding> {
    share::judge(&facts::Facts::new(instance, rules, schedule), totals)
}

#[cfg(test)]
mod tests;
