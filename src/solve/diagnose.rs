//! Why no schedule exists, in a planner's words.
//!
//! First cheap capacity bounds that need no solver (a slot nobody can teach, too few
//! certified lessons possible, a week with more lessons than teachers can give), then a
//! relaxation: the same program with every hard requirement allowed to give way at a cost,
//! whose optimum says which requirements must give way, where, and by how much.

use super::{Settings, backend};
use crate::domain::rules::percent_floor;
use crate::domain::{Instance, RuleSet, Share};
use crate::model::{self, Cmp, Family, Model, VarKind};
use chrono::{Datelike, NaiveDate, NaiveTime};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// An ISO week: (year, week number).
type Week = (i32, u32);
/// Distinct (date, start time) moments.
type Moments = BTreeSet<(NaiveDate, NaiveTime)>;

/// One reason, tied to the rule it concerns.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Reason {
    /// e.g. `staffing`, `1.7.1a`, `1.7.1b`, `2.2.1`, `min_size`, `weekly maximum`, `supervision`.
    pub rule: String,
    pub message: String,
}

/// Everything found out about an infeasible instance.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Diagnosis {
    /// Capacity bounds that alone make the instance infeasible.
    pub bounds: Vec<Reason>,
    /// What the relaxation had to give way, and by how much.
    pub relaxation: Vec<Reason>,
}

impl Diagnosis {
    pub fn reasons(&self) -> impl Iterator<Item = &Reason> {
        self.bounds.iter().chain(&self.relaxation)
    }
}

pub fn diagnose(
    instance: &Instance,
    rules: &RuleSet,
    model: &Model,
    settings: &Settings,
) -> Diagnosis {
    Diagnosis {
        bounds: bounds(instance, rules, model),
        relaxation: relaxation(instance, rules, model, settings),
    }
}

fn reason(rule: &str, message: String) -> Reason {
    Reason {
        rule: rule.to_string(),
        message,
    }
}

fn dates_text(dates: &[chrono::NaiveDate]) -> String {
    let shown: Vec<String> = dates.iter().take(4).map(|d| d.to_string()).collect();
    match dates.len() {
        n if n > 4 => format!("{} and {} more", shown.join(", "), n - 4),
        _ => shown.join(", "),
    }
}

/// Bounds that hold for every schedule, computed from the segments alone.
pub fn bounds(instance: &Instance, rules: &RuleSet, model: &Model) -> Vec<Reason> {
    let mut out = Vec::new();
    let must_run: Vec<bool> = model
        .open
        .iter()
        .map(|v| model.mip.vars[*v].lower >= 1.0)
        .collect();
    // A slot of a running group that nobody can teach.
    for s in model
        .segments
        .iter()
        .filter(|s| must_run[s.group] && s.candidates.is_empty())
    {
        let g = &instance.groups[s.group];
        out.push(reason(
            "staffing",
            format!(
                "course {} has no teacher who can teach {} in {} ({}) on {} of its {} dates: {}",
                g.course_code,
                s.slot,
                g.location,
                g.profile,
                s.dates.len(),
                model
                    .segments
                    .iter()
                    .filter(|o| o.group == s.group && o.slot == s.slot)
                    .map(|o| o.dates.len())
                    .sum::<usize>(),
                dates_text(&s.dates)
            ),
        ));
    }
    // 1.7.1b: a running course no certified teacher can reach.
    if rules.min_certified_lessons_per_course > 0 {
        for (gi, g) in instance
            .groups
            .iter()
            .enumerate()
            .filter(|(gi, _)| must_run[*gi])
        {
            let possible: u32 = model
                .segments
                .iter()
                .filter(|s| {
                    s.group == gi
                        && s.candidates
                            .iter()
                            .any(|t| instance.teachers[*t].is_certified())
                })
                .map(|s| s.lessons())
                .sum();
            if possible < rules.min_certified_lessons_per_course {
                out.push(reason(
                    "1.7.1b",
                    format!(
                        "course {} has no certified teacher who can teach any of its slots in {} ({}): {} certified lesson(s) possible, {} required",
                        g.course_code, g.location, g.profile, possible, rules.min_certified_lessons_per_course
                    ),
                ));
            }
        }
    }
    // Weekly capacity of all teachers and of certified teachers.
    let mut lessons: BTreeMap<(i32, u32), u64> = BTreeMap::new();
    // Per week and teacher the distinct (date, start) moments they could teach at: nobody
    // gives two lessons at once, so this bounds what they can give.
    let mut reach: BTreeMap<Week, BTreeMap<usize, Moments>> = BTreeMap::new();
    let mut certified_reachable: BTreeMap<(i32, u32), u64> = BTreeMap::new();
    for s in model.segments.iter().filter(|s| must_run[s.group]) {
        let has_certified = s
            .candidates
            .iter()
            .any(|t| instance.teachers[*t].is_certified());
        for d in &s.dates {
            let w = (d.iso_week().year(), d.iso_week().week());
            *lessons.entry(w).or_default() += 1;
            if has_certified {
                *certified_reachable.entry(w).or_default() += 1;
            }
            for t in &s.candidates {
                reach
                    .entry(w)
                    .or_default()
                    .entry(*t)
                    .or_default()
                    .insert((*d, s.time.start));
            }
        }
    }
    let cap = |t: usize, n: u64| -> u64 {
        instance.teachers[t]
            .max_lessons_per_week
            .map_or(n, |m| n.min(u64::from(m)))
    };
    let mut total = 0u64;
    let mut certified_max = 0u64;
    for (w, n) in &lessons {
        total += n;
        let per = reach.get(w);
        let all: u64 = per.map_or(0, |p| p.iter().map(|(t, k)| cap(*t, k.len() as u64)).sum());
        let cert: u64 = per.map_or(0, |p| {
            p.iter()
                .filter(|(t, _)| instance.teachers[**t].is_certified())
                .map(|(t, k)| cap(*t, k.len() as u64))
                .sum()
        });
        certified_max += cert.min(certified_reachable.get(w).copied().unwrap_or(0));
        if all < *n {
            out.push(reason(
                "staffing",
                format!(
                    "in week {} of {} there are {n} lessons of groups that must run, but the teachers who could give them can give at most {all} (weekly maxima)",
                    w.1, w.0
                ),
            ));
        }
    }
    let share: Share = rules.min_certified_share;
    if total > 0 && !share.met_by(certified_max, total) {
        out.push(reason(
            "1.7.1a",
            format!(
                "certified teachers can give at most {certified_max} of the {total} lessons of the groups that must run: {}; rule set {} needs {share} ({} lessons)",
                percent_floor(certified_max, total),
                rules.name,
                share.minimum_of(total)
            ),
        ));
    }
    // Group sizes: too few students for min_size, or too many pinned.
    for (gi, g) in instance.groups.iter().enumerate() {
        let pinned = model.pinned[gi];
        let could: u32 = pinned
            + model
                .types
                .iter()
                .filter(|t| t.options.iter().any(|(og, _)| *og == gi))
                .map(|t| u32::try_from(t.members.len()).unwrap_or(u32::MAX))
                .sum::<u32>();
        if must_run[gi] && could < g.min_size {
            out.push(reason(
                "min_size",
                format!("group {} needs at least {} students, but only {could} fit it (profile, location, availability)", g.course_code, g.min_size),
            ));
        }
        if let Some(l) = rules
            .size_classes
            .get(instance.school.size_class(&g.profile))
            && pinned > l.temporary_max
        {
            out.push(reason(
                "2.2.1",
                format!(
                    "{pinned} students are pinned to {}, above the largest size {} allows for {} ({})",
                    g.course_code,
                    rules.name,
                    instance.school.size_class(&g.profile),
                    l.temporary_max
                ),
            ));
        }
    }
    out
}

/// The program with every relaxable row allowed to give way at a cost of one per unit
/// (one lesson, one student, one mentor place); the original objective is dropped. The
/// amounts reported are in those units.
fn relaxation(
    instance: &Instance,
    rules: &RuleSet,
    model: &Model,
    settings: &Settings,
) -> Vec<Reason> {
    let mut mip = model.mip.clone();
    for v in &mut mip.vars {
        v.cost = 0.0;
    }
    mip.objective_constant = 0.0;
    let mut slacks: Vec<(usize, usize, f64)> = Vec::new();
    for ri in 0..mip.rows.len() {
        let row = &mip.rows[ri];
        if !Family::RELAXABLE.contains(&row.family) {
            continue;
        }
        // One certified lesson more adds `b` to the certified floor row (`b · certified -
        // a · lessons >= 0`): `b` units of its slack are one lesson short, and cost one.
        let unit = match row.family {
            Family::CertifiedShare => {
                model::share_coefficients(rules.min_certified_share).map_or(1.0, |(_, b)| b)
            }
            _ => 1.0,
        };
        let sign = match row.cmp {
            Cmp::Le => -1.0,
            Cmp::Ge | Cmp::Eq => 1.0,
        };
        let s = mip.var(
            format!("slack_{}", row.name),
            VarKind::Continuous,
            0.0,
            f64::INFINITY,
            1.0 / unit,
        );
        mip.rows[ri].terms.push((s, sign));
        slacks.push((ri, s, unit));
    }
    let raw = match backend::run(&mip, settings.backend, settings) {
        Ok(r) if !r.values.is_empty() => r,
        _ => return Vec::new(),
    };
    let mut by_family: BTreeMap<Family, Vec<(String, f64)>> = BTreeMap::new();
    for (ri, s, unit) in slacks {
        let amount = raw.values.get(s).copied().unwrap_or(0.0) / unit;
        if amount > 1e-6 {
            let row = &mip.rows[ri];
            by_family
                .entry(row.family)
                .or_default()
                .push((row.name.clone(), amount));
        }
    }
    by_family
        .into_iter()
        .map(|(family, rows)| explain(instance, model, family, &rows))
        .collect()
}

fn explain(instance: &Instance, model: &Model, family: Family, rows: &[(String, f64)]) -> Reason {
    let total: f64 = rows.iter().map(|(_, a)| a).sum();
    let list = |rows: &[(String, f64)]| {
        let shown: Vec<String> = rows
            .iter()
            .take(6)
            .map(|(n, a)| format!("{} ({})", describe(instance, model, n), fmt(*a)))
            .collect();
        let more = rows.len().saturating_sub(6);
        if more > 0 {
            format!("{}, and {more} more", shown.join(", "))
        } else {
            shown.join(", ")
        }
    };
    match family {
        Family::Staffing => reason(
            "staffing",
            format!(
                "{} series of lessons cannot be staffed even with every other rule relaxed: {}",
                rows.len(),
                list(rows)
            ),
        ),
        Family::WeeklyMax => reason(
            "weekly maximum",
            format!(
                "teachers would need {} lesson(s) above their max_lessons_per_week: {}",
                fmt(total),
                list(rows)
            ),
        ),
        Family::CertifiedShare => reason(
            "1.7.1a",
            format!(
                "the certified share falls {} lesson(s) short of the rule set's minimum",
                fmt((total - 1e-6).ceil())
            ),
        ),
        Family::CourseCertified => reason(
            "1.7.1b",
            format!(
                "{} course(s) cannot get their certified lessons: {}",
                rows.len(),
                list(rows)
            ),
        ),
        Family::GroupMax => reason(
            "2.2.1",
            format!(
                "{} student(s) above the maximum group size would be needed: {}",
                fmt(total),
                list(rows)
            ),
        ),
        Family::GroupMin => reason(
            "min_size",
            format!(
                "{} student(s) are missing to reach groups' min_size: {}",
                fmt(total),
                list(rows)
            ),
        ),
        Family::Mentoring => reason(
            "supervision",
            format!(
                "{} more mentor place(s) are needed for the non-certified teachers who must teach",
                fmt(total.ceil())
            ),
        ),
        other => reason("model", format!("{other:?}: {}", list(rows))),
    }
}

fn fmt(x: f64) -> String {
    if (x - x.round()).abs() < 1e-6 {
        format!("{}", x.round() as i64)
    } else {
        format!("{x:.1}")
    }
}

mod describe;
use describe::describe;
