//! The relaxation: every relaxable row of the program may give way at a cost of one per
//! unit (one lesson, one student, one mentor place); the original objective is dropped.
//!
//! Its optimum is the least number of units that must give way (proven: the program is a
//! relaxation of the exact problem, so no schedule needs fewer). The rows that gave way are
//! one cheapest choice; another of equal cost may exist, so they are reported as an example.

use super::describe::describe;
use super::{Fact, Reason, Rule, reason};
use crate::domain::{Instance, RuleSet};
use crate::model::{self, Cmp, Family, Model, VarKind};
use crate::solve::{Deadline, Settings, backend};
use std::collections::BTreeMap;

/// The proven least number of units that must give way, and per rule one way to do it.
pub(super) fn relaxation(
    instance: &Instance,
    rules: &RuleSet,
    model: &Model,
    settings: &Settings,
    deadline: Deadline,
) -> (Option<f64>, Vec<Reason>) {
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
        // Continuous, for speed: a lesson, a student and a mentor place are whole, so the
        // least number that must give way is the optimum rounded up.
        let s = mip.var(
            format!("slack_{}", row.name),
            VarKind::Continuous,
            0.0,
            f64::INFINITY,
            1.0,
        );
        mip.rows[ri].terms.push((s, sign * unit));
        slacks.push((ri, s, unit));
    }
    let raw = match backend::run(&mip, &settings.quiet(), deadline, None) {
        Ok(r) if !r.values.is_empty() => r,
        _ => return (None, Vec::new()),
    };
    let proven = raw
        .bound
        .or_else(|| {
            (raw.termination == backend::Termination::Optimal).then(|| mip.objective(&raw.values))
        })
        .map(|b| (b - 1e-6).ceil().max(0.0));
    let mut by_family: BTreeMap<Family, Vec<(usize, f64)>> = BTreeMap::new();
    for (ri, s, _) in slacks {
        let amount = (raw.values.get(s).copied().unwrap_or(0.0) - 1e-6).ceil();
        if amount >= 1.0 {
            by_family
                .entry(mip.rows[ri].family)
                .or_default()
                .push((ri, amount));
        }
    }
    let reasons = by_family
        .into_iter()
        .filter_map(|(family, rows)| explain(instance, model, family, &rows))
        .collect();
    (proven, reasons)
}

fn explain(
    instance: &Instance,
    model: &Model,
    family: Family,
    rows: &[(usize, f64)],
) -> Option<Reason> {
    let total: f64 = rows.iter().map(|(_, a)| a).sum();
    let facts: Vec<Fact> = rows
        .iter()
        .map(|(ri, a)| describe(instance, model, &model.mip.rows[*ri].subject).amount(*a))
        .collect();
    let list = |dutch: bool| {
        let shown: Vec<String> = facts.iter().take(6).map(|f| fact_text(f, dutch)).collect();
        let more = facts.len().saturating_sub(6);
        match (more, dutch) {
            (0, _) => shown.join(", "),
            (_, true) => format!("{} en nog {more}", shown.join(", ")),
            (_, false) => format!("{}, and {more} more", shown.join(", ")),
        }
    };
    let total = total as u64;
    let (rule, en, nl) = match family {
        Family::Staffing => (
            Rule::Staffing,
            format!(
                "{total} lesson(s) without a teacher, for example: {}",
                list(false)
            ),
            format!(
                "{total} les(sen) zonder docent, bijvoorbeeld: {}",
                list(true)
            ),
        ),
        Family::WeeklyMax => (
            Rule::WeeklyMax,
            format!(
                "{total} lesson(s) above teachers' max_lessons_per_week, for example: {}",
                list(false)
            ),
            format!(
                "{total} les(sen) boven de max_lessons_per_week van docenten, bijvoorbeeld: {}",
                list(true)
            ),
        ),
        Family::ContractMin => (
            Rule::ContractHours,
            format!(
                "{total} lesson(s) short of teachers' contract minimums, for example: {}",
                list(false)
            ),
            format!(
                "{total} les(sen) te weinig voor de contractminimums van docenten, bijvoorbeeld: {}",
                list(true)
            ),
        ),
        Family::TermMax => (
            Rule::ContractHours,
            format!(
                "{total} lesson(s) above teachers' max_lessons_per_term, for example: {}",
                list(false)
            ),
            format!(
                "{total} les(sen) boven de max_lessons_per_term van docenten, bijvoorbeeld: {}",
                list(true)
            ),
        ),
        Family::CertifiedShare => (
            Rule::CertifiedShare,
            format!("the certified share falls {total} lesson(s) short of the rule set's minimum"),
            format!(
                "het gecertificeerde aandeel komt {total} les(sen) tekort op het minimum van de regeling"
            ),
        ),
        Family::CourseCertified => (
            Rule::CourseCertified,
            format!(
                "{total} certified lesson(s) missing in courses, for example: {}",
                list(false)
            ),
            format!(
                "{total} gecertificeerde les(sen) ontbreken in cursussen, bijvoorbeeld: {}",
                list(true)
            ),
        ),
        Family::GroupMax => (
            Rule::GroupSize,
            format!(
                "{total} student(s) above the maximum group size, for example: {}",
                list(false)
            ),
            format!(
                "{total} cursist(en) boven de maximale groepsgrootte, bijvoorbeeld: {}",
                list(true)
            ),
        ),
        Family::GroupMin => (
            Rule::MinSize,
            format!(
                "{total} student(s) missing to reach groups' min_size, for example: {}",
                list(false)
            ),
            format!(
                "{total} cursist(en) te weinig om de min_size van groepen te halen, bijvoorbeeld: {}",
                list(true)
            ),
        ),
        Family::Mentoring => (
            Rule::Supervision,
            format!(
                "{total} more mentor place(s) are needed for the non-certified teachers who must teach"
            ),
            format!(
                "er zijn {total} begeleidingsplaats(en) meer nodig voor de niet-gecertificeerde docenten die moeten lesgeven"
            ),
        ),
        // A unit is a lesson without a room, a student without a seat in the group's room,
        // or a second lesson in a room at once (a row about the whole school: no example).
        Family::Rooms => {
            let example = |dutch: bool| {
                let shown: Vec<String> = facts
                    .iter()
                    .filter(|f| f.group.is_some())
                    .take(6)
                    .map(|f| fact_text(f, dutch))
                    .collect();
                match (shown.is_empty(), dutch) {
                    (true, _) => String::new(),
                    (false, true) => format!(", bijvoorbeeld: {}", shown.join(", ")),
                    (false, false) => format!(", for example: {}", shown.join(", ")),
                }
            };
            (
                Rule::Rooms,
                format!(
                    "{total} lesson(s) without a room, student(s) without a seat or lesson(s) in an occupied room (rooms.csv: too few or too small rooms at the location in that slot){}",
                    example(false)
                ),
                format!(
                    "{total} les(sen) zonder lokaal, cursist(en) zonder plaats of les(sen) in een bezet lokaal (rooms.csv: te weinig of te kleine lokalen op de locatie op dat lesmoment){}",
                    example(true)
                ),
            )
        }
        _ => return None,
    };
    Some(reason(rule, (en, nl), facts))
}

/// A fact in a planner's words, with its amount, in English or in Dutch.
fn fact_text(f: &Fact, dutch: bool) -> String {
    let word = |en: &'static str, nl: &'static str| if dutch { nl } else { en };
    let mut parts = Vec::new();
    if let Some(t) = &f.teacher {
        parts.push(format!("{} {t}", word("teacher", "docent")));
    }
    if let Some(g) = &f.group {
        parts.push(format!("{} {g}", word("group", "groep")));
    }
    if let Some(s) = &f.slot {
        parts.push(format!("{} {s}", word("on", "op")));
    }
    match f.dates.as_slice() {
        [] => {}
        [d] => parts.push(format!("({d})")),
        [a, .., b] if dutch => parts.push(format!("(tussen {a} en {b})")),
        [a, .., b] => parts.push(format!("(between {a} and {b})")),
    }
    match f.weeks.as_slice() {
        [] => {}
        [w] => parts.push(format!("{} {w}", word("in week", "in week"))),
        ws => parts.push(format!(
            "{} {}",
            word("in weeks", "in de weken"),
            ws.join(", ")
        )),
    }
    format!("{} ({})", parts.join(" "), f.amount)
}
