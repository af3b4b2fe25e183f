//! The relaxation: every relaxable row of the program may give way at a cost of one per
//! unit (one lesson, one student, one mentor place); the original objective is dropped.
//!
//! Its optimum is the least number of units that must give way (proven: the program is a
//! relaxation of the exact problem, so no schedule needs fewer). The rows that gave way are
//! one cheapest choice; another of equal cost may exist, so they are reported as an example.

use super::describe::describe;
use super::{Fact, GiveWay, Reason, Rule, Said, reason};
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
    let (rule, way) = match family {
        Family::Staffing => (Rule::Staffing, GiveWay::LessonsWithoutTeacher),
        Family::WeeklyMax => (Rule::WeeklyMax, GiveWay::AboveWeeklyMax),
        Family::ContractMin => (Rule::ContractHours, GiveWay::ShortOfContractMinimums),
        Family::TermMax => (Rule::ContractHours, GiveWay::AboveTermMax),
        Family::CertifiedShare => (Rule::CertifiedShare, GiveWay::CertifiedShare),
        Family::CourseCertified => (Rule::CourseCertified, GiveWay::CertifiedInCourses),
        Family::GroupMax => (Rule::GroupSize, GiveWay::AboveGroupMax),
        Family::GroupMin => (Rule::MinSize, GiveWay::BelowMinSize),
        Family::Mentoring => (Rule::Supervision, GiveWay::MentorPlaces),
        // A unit is a lesson without a room, a student without a seat in the group's room,
        // or a second lesson in a room at once (a row about the whole school: no example).
        Family::Rooms => (Rule::Rooms, GiveWay::Rooms),
        _ => return None,
    };
    Some(reason(
        rule,
        Said::GiveWay {
            way,
            total: total as u64,
        },
        facts,
    ))
}
