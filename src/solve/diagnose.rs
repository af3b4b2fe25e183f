//! Why no schedule exists, as typed reasons (what each says, with its values) and typed
//! facts; `report::reason_text` says them in English or in Dutch.
//!
//! First cheap capacity bounds that need no solver (a slot nobody can teach, too few
//! certified lessons possible, a week with more lessons than teachers can give): each is a
//! proof on its own. Then a relaxation (`relax.rs`): the same program with every hard
//! requirement allowed to give way at a cost of one per unit (a lesson, a student, a mentor
//! place). Its optimum is a proven least number of units that must give way in every
//! schedule (the program is a relaxation of the exact problem); *where* they give way is one
//! cheapest choice among possibly several, reported as an example, never as the cause.

mod describe;
mod locks;
mod relax;

use crate::domain::{Instance, RuleSet, Share};
use crate::model::Model;
use crate::model::classes::Week;
use chrono::{Datelike, NaiveDate, NaiveTime};
use std::collections::{BTreeMap, BTreeSet};

use super::{Deadline, Settings};
pub use crate::outcome::diagnosis::{Diagnosis, Fact, GiveWay, Reason, Rule, Said};

/// Distinct (date, start time) moments.
type Moments = BTreeSet<(NaiveDate, NaiveTime)>;

pub fn diagnose(
    instance: &Instance,
    rules: &RuleSet,
    model: &Model,
    settings: &Settings,
    deadline: Deadline,
) -> Diagnosis {
    // With locks, half the time left goes to asking whether they are the cause.
    let first = if instance.locks.is_empty() {
        deadline
    } else {
        deadline.share(0.5)
    };
    let (must_give_way, mut relaxation) =
        relax::relaxation(instance, rules, model, settings, first);
    relaxation.extend(locks::reasons(instance, rules, settings, deadline));
    Diagnosis {
        bounds: bounds(instance, rules, model),
        must_give_way,
        relaxation,
    }
}

/// A reason about `rule`, saying `said`, with its facts.
fn reason(rule: Rule, said: Said, facts: Vec<Fact>) -> Reason {
    Reason { rule, said, facts }
}

/// Whether a certified teacher is among the candidates of `class`.
fn certified_can_give(instance: &Instance, class: &crate::model::classes::Class) -> bool {
    class
        .candidates
        .iter()
        .any(|t| instance.teachers[*t].is_certified())
}

/// The lessons of group `g`'s classes (over every alternative), or of those a certified
/// teacher could give.
fn lessons_of(instance: &Instance, model: &Model, g: usize, certified: bool) -> u32 {
    model
        .classes
        .iter()
        .filter(|c| c.group == g && (!certified || certified_can_give(instance, c)))
        .map(|c| c.lessons())
        .sum()
}

/// Bounds computed from the classes alone, shown once the program has proved that no
/// schedule exists. Each holds for every schedule; the certified share's counts the groups
/// that must run, and where an optional group could lift it (see [`proofs`]) it explains
/// rather than proves.
pub fn bounds(instance: &Instance, rules: &RuleSet, model: &Model) -> Vec<Reason> {
    bounds_of(instance, rules, model, false)
}

/// The bounds of [`bounds`] that each prove on their own that no schedule exists, so that
/// `solve` need not run the program: the certified share's only where no optional group
/// that may open could lift it.
pub fn proofs(instance: &Instance, rules: &RuleSet, model: &Model) -> Vec<Reason> {
    bounds_of(instance, rules, model, true)
}

fn bounds_of(instance: &Instance, rules: &RuleSet, model: &Model, proven: bool) -> Vec<Reason> {
    let mut out = Vec::new();
    let must_run: Vec<bool> = model
        .open
        .iter()
        .map(|v| model.mip.vars[*v].lower >= 1.0)
        .collect();
    // The lessons every schedule gives: of the groups that must run, in a slot of every
    // alternative of their meeting times (one of some alternatives may not take place).
    let sure: Vec<bool> = (0..model.classes.len())
        .map(|ci| {
            let g = model.classes[ci].group;
            must_run[g] && model.active(ci) == model.open[g]
        })
        .collect();
    // A slot of a running group that nobody can teach.
    for s in model
        .classes
        .iter()
        .enumerate()
        .filter(|(ci, s)| sure[*ci] && s.candidates.is_empty())
        .map(|(_, s)| s)
    {
        let g = &instance.groups[s.group];
        let of: usize = model
            .classes
            .iter()
            .filter(|o| o.series == s.series)
            .map(|o| o.dates.len())
            .sum();
        out.push(reason(
            Rule::Staffing,
            Said::NoTeacher {
                course: g.course_code.clone(),
                slot: s.slot.clone(),
                location: g.location.clone(),
                profile: g.profile.clone(),
                dates: s.dates.clone(),
                of,
            },
            vec![
                Fact::group(g)
                    .slot(&s.slot)
                    .dates(&s.dates)
                    .amount(s.dates.len() as f64),
            ],
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
            // Over every alternative: an upper bound on what any one allows.
            let possible = lessons_of(instance, model, gi, true);
            if possible < rules.min_certified_lessons_per_course {
                out.push(reason(
                    Rule::CourseCertified,
                    Said::NoCertifiedTeacher {
                        course: g.course_code.clone(),
                        location: g.location.clone(),
                        profile: g.profile.clone(),
                        possible,
                        required: rules.min_certified_lessons_per_course,
                    },
                    vec![
                        Fact::group(g)
                            .amount(f64::from(rules.min_certified_lessons_per_course - possible)),
                    ],
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
    for s in model
        .classes
        .iter()
        .enumerate()
        .filter(|(ci, _)| sure[*ci])
        .map(|(_, s)| s)
    {
        let has_certified = certified_can_give(instance, s);
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
                Rule::Staffing,
                Said::WeekOverCapacity {
                    year: w.0,
                    week: w.1,
                    lessons: *n,
                    at_most: all,
                },
                vec![Fact::default().weeks(&[*w]).amount((n - all) as f64)],
            ));
        }
    }
    let share: Share = rules.min_certified_share;
    // With a choice of meeting times the lessons of the alternatives could lift the share,
    // and so could an optional group (below): no bound is claimed then.
    // An optional group opens only with students (C156) and at least its `min_size`.
    let could: Vec<u32> = (0..instance.groups.len())
        .map(|gi| {
            model.pinned[gi]
                + model
                    .types
                    .iter()
                    .filter(|t| t.options.iter().any(|(og, _)| *og == gi))
                    .map(|t| u32::try_from(t.members.len()).unwrap_or(u32::MAX))
                    .sum::<u32>()
        })
        .collect();
    let choice = instance.groups.iter().any(|g| g.has_choice());
    // An optional group that may open lifts the share only if at least the floor's part of
    // its lessons could be certified; one that cannot only lowers it (the mediant of two
    // fractions below the floor stays below it).
    let may_lift = instance.groups.iter().enumerate().any(|(gi, g)| {
        let lessons = |certified| u64::from(lessons_of(instance, model, gi, certified));
        !must_run[gi]
            && could[gi] > 0
            && could[gi] >= g.min_size
            && lessons(false) > 0
            && share.met_by(lessons(true), lessons(false))
    });
    let lifted = proven && may_lift;
    if total > 0 && !choice && !lifted && !share.met_by(certified_max, total) {
        out.push(reason(
            Rule::CertifiedShare,
            Said::ShareOutOfReach {
                at_most: certified_max,
                total,
                rules: rules.name.clone(),
                share,
            },
            vec![
                Fact::default()
                    .amount(share.minimum_of(total).saturating_sub(certified_max) as f64),
            ],
        ));
    }
    // Group sizes: too few students for min_size, or too many pinned.
    for (gi, g) in instance.groups.iter().enumerate() {
        let pinned = model.pinned[gi];
        let could = could[gi];
        if must_run[gi] && could < g.min_size {
            out.push(reason(
                Rule::MinSize,
                Said::TooFewFit {
                    course: g.course_code.clone(),
                    min_size: g.min_size,
                    could,
                },
                vec![Fact::group(g).amount(f64::from(g.min_size - could))],
            ));
        }
        if let Some(l) = rules
            .size_classes
            .get(instance.school.size_class(&g.profile))
            && pinned > l.temporary_max
        {
            out.push(reason(
                Rule::GroupSize,
                Said::TooManyPinned {
                    course: g.course_code.clone(),
                    pinned,
                    rules: rules.name.clone(),
                    size_class: instance.school.size_class(&g.profile).to_string(),
                    max: l.temporary_max,
                },
                vec![Fact::group(g).amount(f64::from(pinned - l.temporary_max))],
            ));
        }
    }
    out
}

#[cfg(test)]
mod dutch_tests;
