//! What would fix it: single changes a school can make, chosen from the bottleneck of its
//! plan, each measured by an actual solve of the changed instance (in parallel, each solve
//! single-threaded), ranked by what it reaches.
//!
//! Candidates, from the plan of the instance as it is (the schedule, or the best-effort
//! plan): register a non-certified teacher who teaches in it (most lessons first); raise the
//! weekly maximum of a certified teacher whose maximum is reached in some week, by one and by
//! two; open an optional group that stayed closed while students who fit it have no place;
//! let a group close that has a lesson nobody gives or no certified lesson; one more
//! certified teacher ("vacancy") at the location and profile of the group with the most
//! lessons by non-certified teachers or by nobody. Exception 2 is not among them: since the
//! Addendum ended no rule set in force permits it.
//!
//! Ranked by: every norm holds; the shortfall, level by level (`solve::best_effort`);
//! students not placed; the certified share (higher first); then the change that is easier
//! for a school (registering a teacher before a higher maximum, opening or closing a group,
//! and a vacancy last), and its subject.

use crate::check::CheckReport;
use crate::domain::{
    Availability, Instance, Location, Profile, Register, RuleSet, Teacher, TeacherId,
};
pub use crate::outcome::options::{Change, OptionRow, Options};
use crate::solve::{self, Settings, SolveError, Status, best_effort};
use chrono::Datelike;
use rayon::prelude::*;
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// At most this many teachers are tried per kind of change.
const MOST_PER_KIND: usize = 8;

/// The checker's report on the plan of `instance`: its schedule, or its best-effort plan;
/// `None` when neither was found in time.
pub fn plan_report(
    instance: &Instance,
    rules: &RuleSet,
    settings: &Settings,
) -> Result<Option<(crate::domain::Schedule, CheckReport)>, SolveError> {
    let solved = solve::solve(instance, rules, settings)?;
    if let Some(found) = solved.schedule {
        return Ok(Some(found));
    }
    if matches!(solved.status, Status::Infeasible { .. }) {
        return Ok(best_effort::plan(instance, rules, settings)?.map(|p| (p.schedule, p.report)));
    }
    Ok(None)
}

/// The options of `instance`, best first, each measured with `settings` (one thread each).
pub fn options(
    instance: &Instance,
    rules: &RuleSet,
    settings: &Settings,
) -> Result<Options, SolveError> {
    let single = Settings {
        threads: 1,
        progress: None,
        log_file: None,
        ..settings.clone()
    };
    let Some((schedule, report)) = plan_report(instance, rules, &single)? else {
        return Ok(Options::default());
    };
    let changes = candidates(instance, &schedule, &report);
    let measured: Vec<Result<Option<OptionRow>, SolveError>> = changes
        .par_iter()
        .map(|change| {
            let changed = apply(instance, change);
            Ok(plan_report(&changed, rules, &single)?.map(|(_, r)| row(change.clone(), &r)))
        })
        .collect();
    let mut rows = Vec::new();
    for m in measured {
        rows.extend(m?);
    }
    rows.sort_by(better);
    for (i, r) in rows.iter_mut().enumerate() {
        r.rank = i + 1;
    }
    Ok(Options {
        tried: changes.len(),
        rows,
    })
}

fn row(change: Change, r: &CheckReport) -> OptionRow {
    let t = &r.totals;
    OptionRow {
        rank: 0,
        change,
        compliant: r.compliant,
        shortfall: r.shortfall(),
        certified_lessons: t.certified_lessons,
        lessons_given: t.lessons_given,
        certified_share: t.certified_share.percent.clone(),
        students_placed: t.students_placed,
        students_total: t.students_total,
    }
}

fn kind(c: &Change) -> u8 {
    match c {
        Change::Register { .. } => 0,
        Change::RaiseWeeklyMax { .. } => 1,
        Change::Open { .. } => 2,
        Change::Close { .. } => 3,
        Change::Vacancy { .. } => 4,
    }
}

fn better(a: &OptionRow, b: &OptionRow) -> Ordering {
    let share = |x: &OptionRow, y: &OptionRow| {
        // Higher first: compare y's share with x's, exactly.
        (u128::from(y.certified_lessons) * u128::from(x.lessons_given.max(1)))
            .cmp(&(u128::from(x.certified_lessons) * u128::from(y.lessons_given.max(1))))
    };
    (!a.compliant)
        .cmp(&!b.compliant)
        .then(a.shortfall.cmp(&b.shortfall))
        .then(b.students_placed.cmp(&a.students_placed))
        .then_with(|| share(a, b))
        .then(kind(&a.change).cmp(&kind(&b.change)))
        .then_with(|| a.change.cmp(&b.change))
}

/// The changes to try, chosen from the plan's bottleneck, in a fixed order.
pub fn candidates(
    instance: &Instance,
    schedule: &crate::domain::Schedule,
    report: &CheckReport,
) -> Vec<Change> {
    let mut out = Vec::new();
    let mut given: BTreeMap<&TeacherId, u64> = BTreeMap::new();
    let mut weeks: BTreeMap<(&TeacherId, (i32, u32)), u32> = BTreeMap::new();
    let mut by_group: BTreeMap<&str, u64> = BTreeMap::new();
    for r in &schedule.timetable {
        let certified = r
            .teacher
            .as_ref()
            .and_then(|id| instance.teacher(id))
            .is_some_and(Teacher::is_certified);
        if !certified {
            *by_group.entry(r.course_code.as_str()).or_default() += 1;
        }
        if let Some(t) = &r.teacher {
            *given.entry(t).or_default() += 1;
            let w = r.date.iso_week();
            *weeks.entry((t, (w.year(), w.week()))).or_default() += 1;
        }
    }
    let mut uncertified: Vec<(&TeacherId, u64)> = given
        .iter()
        .filter(|(id, _)| instance.teacher(id).is_some_and(|t| !t.is_certified()))
        .map(|(id, n)| (*id, *n))
        .collect();
    uncertified.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    for (id, _) in uncertified.into_iter().take(MOST_PER_KIND) {
        out.push(Change::Register {
            teacher: id.to_string(),
        });
    }
    let binding: BTreeSet<&TeacherId> = weeks
        .iter()
        .filter(|((id, _), n)| {
            instance.teacher(id).is_some_and(|t| {
                t.is_certified() && t.max_lessons_per_week.is_some_and(|m| **n >= m)
            })
        })
        .map(|((id, _), _)| *id)
        .collect();
    for id in binding.into_iter().take(MOST_PER_KIND) {
        for by in [1, 2] {
            out.push(Change::RaiseWeeklyMax {
                teacher: id.to_string(),
                by,
            });
        }
    }
    let w = &report.who_pays;
    let closed: BTreeSet<String> = w
        .students
        .iter()
        .filter_map(|s| match &s.reason {
            crate::check::UnplacedReason::OptionalGroupClosed { closed, .. } => Some(closed),
            _ => None,
        })
        .flatten()
        .map(|c| c.course_code.to_string())
        .collect();
    out.extend(closed.into_iter().map(|group| Change::Open { group }));
    let short: BTreeSet<String> = w
        .lessons_without_teacher
        .iter()
        .map(|l| l.course_code.to_string())
        .chain(w.courses_without_certified.iter().map(ToString::to_string))
        .collect();
    // In a replan a group that ran before its date has history and cannot close.
    let ran = |group: &String| {
        instance
            .frozen
            .as_ref()
            .is_some_and(|f| f.ran(&crate::domain::CourseCode::new(group.as_str())))
    };
    out.extend(
        short
            .into_iter()
            .filter(|g| !ran(g))
            .map(|group| Change::Close { group }),
    );
    let worst = by_group
        .iter()
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .and_then(|(code, _)| {
            instance
                .groups
                .iter()
                .find(|g| g.course_code.as_str() == *code)
        });
    if let Some(g) = worst {
        out.push(Change::Vacancy {
            location: g.location.to_string(),
            profile: g.profile.to_string(),
        });
    }
    out
}

/// `instance` with `change` made.
pub fn apply(instance: &Instance, change: &Change) -> Instance {
    let mut i = instance.clone();
    match change {
        Change::Register { teacher } => {
            if let Some(t) = i.teachers.iter_mut().find(|t| t.id.as_str() == teacher) {
                t.register = Register::Kwaliteitsregister;
            }
        }
        Change::RaiseWeeklyMax { teacher, by } => {
            if let Some(t) = i.teachers.iter_mut().find(|t| t.id.as_str() == teacher) {
                t.max_lessons_per_week = t.max_lessons_per_week.map(|m| m + by);
            }
        }
        Change::Open { group } => {
            if let Some(g) = i
                .groups
                .iter_mut()
                .find(|g| g.course_code.as_str() == group)
            {
                g.optional = false;
            }
        }
        Change::Close { group } => {
            if let Some(g) = i
                .groups
                .iter_mut()
                .find(|g| g.course_code.as_str() == group)
            {
                g.optional = true;
                for s in i.students.iter_mut() {
                    if s.pinned.as_ref().is_some_and(|c| c.as_str() == group) {
                        s.pinned = None;
                    }
                }
            }
        }
        Change::Vacancy { location, profile } => {
            let blocks = i.school.blocks.clone();
            i.teachers.push(Teacher {
                id: TeacherId::new("VACATURE"),
                name: "Vacature".into(),
                register: Register::Kwaliteitsregister,
                locations: BTreeSet::from([Location::new(location.as_str())]),
                profiles: BTreeSet::from([Profile::new(profile.as_str())]),
                max_lessons_per_week: None,
                available: Availability::always(&blocks),
                mentor_capacity: 0,
            });
        }
    }
    i
}

#[cfg(test)]
mod tests;
