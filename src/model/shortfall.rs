//! The best-effort program: the norms may be missed, at a price counted in four levels
//! (used only by `solve::best_effort`, when no schedule meets every norm).
//!
//! | level | what gives way | how |
//! |---|---|---|
//! | 1 | a lesson of a group that must run, given by nobody | a *stand-in* teacher per weekly slot of such a group (see [`with_stand_ins`]): qualified for those lessons and nothing else, never busy, no weekly maximum; their lessons are the ones nobody gives |
//! | 2 | a certified lesson in a course below 1.7.1b | `short_g` in `Σ certified_g + short_g >= k · open_g`, `0 <= short_g <= k` |
//! | 3 | a certified lesson for the floor of 1.7.1a | `s` in `b · (certified + s) - a · given >= 0`, where `given` leaves out the stand-ins' lessons (the checker counts lessons given) |
//! | 4 | a mentor place | `p` in `Σ used <= capacity + p` |
//!
//! Group maxima, exception 2's condition, `min_size`, overlaps, weekly maxima and every
//! teacher's qualifications stay hard: a student who does not fit stays without a place.
//! Every amount is a whole number, and at the optimum of its level it is exactly what the
//! checker counts (`check::Shortfall`): the rows bound each from below by the checker's
//! number, and minimizing takes it down to it. The stand-ins cost nothing in the usual
//! objective: the checker does not see them (their rows have no teacher).

use super::{Cmp, Family, Model, Subject, VarId, VarKind};
use crate::domain::{
    Availability, CourseCode, Day, Instance, Register, RuleSet, Schedule, Slot, Teacher, TeacherId,
};
use std::collections::BTreeSet;

/// The instance a best-effort program is built from: the school's (in id order) with the
/// stand-ins appended, teachers `first..` of `instance`.
#[derive(Clone, Debug)]
pub struct StandIns {
    pub instance: Instance,
    pub first: usize,
}

impl StandIns {
    /// Whether teacher `t` (an index into `instance.teachers`) is a stand-in.
    pub fn is_stand_in(&self, t: usize) -> bool {
        t >= self.first
    }
}

/// `instance` with stand-in teachers appended, one for every weekly slot of every group that
/// must run (not optional, or with a pinned student): one per series, so that a stand-in
/// never has two lessons at once, even where a group's slots overlap (which validation
/// refuses, E409, but the program must not rely on). Stand-ins are never written: their
/// lessons are written without a teacher.
pub fn with_stand_ins(instance: &Instance) -> StandIns {
    let mut out = instance.clone();
    for g in &instance.groups {
        let pinned = instance
            .students
            .iter()
            .any(|s| s.pinned.as_ref() == Some(&g.course_code));
        if g.optional && !pinned {
            continue;
        }
        for slot in &g.slots {
            out.teachers.push(Teacher {
                id: stand_in_id(&g.course_code, slot),
                name: String::new(),
                register: Register::None,
                locations: BTreeSet::from([g.location.clone()]),
                profiles: BTreeSet::from([g.profile.clone()]),
                max_lessons_per_week: None,
                available: Availability(BTreeSet::from([slot.clone()])),
                mentor_capacity: 0,
                contract: Default::default(),
                wishes: Default::default(),
            });
        }
    }
    StandIns {
        instance: out,
        first: instance.teachers.len(),
    }
}

/// The stand-in of a weekly slot of a group.
fn stand_in_id(code: &CourseCode, slot: &Slot) -> TeacherId {
    TeacherId::new(format!("nobody-{code}-{slot}"))
}

/// The values of the best-effort program `m` (of `stand_ins`, with `levels`) that describe
/// `schedule`, a plan of a school like it (the school's own, for a change that only widens
/// it): its lessons without a teacher given by the stand-ins, every level's amount the
/// least its rows allow. `None` when they break a row or a bound (a change that narrows the
/// school): never a start that is not a plan of this program.
pub fn start(
    stand_ins: &StandIns,
    rules: &RuleSet,
    m: &Model,
    levels: &Levels,
    schedule: &Schedule,
) -> Option<Vec<f64>> {
    let school = &stand_ins.instance.school;
    let mut given = schedule.clone();
    for row in given.timetable.iter_mut().filter(|r| r.teacher.is_none()) {
        let Some(g) = stand_ins.instance.group(&row.course_code) else {
            continue;
        };
        let slot = g.slots.iter().find(|sl| {
            sl.day == Day::of(row.date)
                && school
                    .blocks
                    .iter()
                    .any(|b| b.name == sl.block && b.time == row.time)
        });
        if let Some(sl) = slot {
            row.teacher = Some(stand_in_id(&g.course_code, sl));
        }
    }
    let mut values = super::values_of(&stand_ins.instance, rules, m, &given);
    // The slacks of levels 2 to 4, and level 1's helpers (a count of lessons per class given
    // whole); a stand-in's lessons themselves come from the schedule.
    let lessons: BTreeSet<VarId> = levels.vars[0].iter().copied().collect();
    let amounts: BTreeSet<VarId> = levels
        .vars
        .iter()
        .flatten()
        .copied()
        .filter(|v| !lessons.contains(v) || m.mip.vars[*v].kind == VarKind::Continuous)
        .collect();
    for row in &m.mip.rows {
        let Some(&(v, c)) = row.terms.iter().find(|(v, _)| amounts.contains(v)) else {
            continue;
        };
        let lhs: f64 = row.terms.iter().map(|(i, k)| k * values[*i]).sum();
        let short = match row.cmp {
            Cmp::Ge if lhs < row.rhs => row.rhs - lhs,
            Cmp::Le if lhs > row.rhs => row.rhs - lhs,
            Cmp::Eq => row.rhs - lhs,
            _ => continue,
        };
        let x = values[v] + short / c;
        values[v] = match m.mip.vars[v].kind {
            VarKind::Continuous => x,
            _ => (x - 1e-9).ceil(),
        };
    }
    m.mip.broken_by(&values, 1e-6).is_empty().then_some(values)
}

/// The variables of each level, summed with coefficient one.
#[derive(Clone, Debug, Default)]
pub struct Levels {
    pub vars: [Vec<VarId>; 4],
}

/// Turns the program of `stand_ins.instance` into the best-effort program: the stand-ins'
/// lessons free of cost and out of the certified floor's lessons, and a slack on every
/// 1.7.1b, floor and mentor row. Returns the variables of the levels.
pub fn run(stand_ins: &StandIns, rules: &RuleSet, m: &mut Model) -> Levels {
    let mut levels = Levels::default();
    let stand_in = |t: usize| stand_ins.is_stand_in(t);
    let mut absent: Vec<(VarId, f64)> = Vec::new();
    for (c, assign) in m.assign.iter().enumerate() {
        for &(_, x) in assign.iter().filter(|(t, _)| stand_in(*t)) {
            m.mip.vars[x].cost = 0.0;
            // One unit of x is `unit` lessons nobody gives.
            let unit = m.unit(c);
            absent.push((x, unit));
            if unit == 1.0 {
                levels.vars[0].push(x);
            } else {
                // Classes given whole: count lessons through a helper equal to them.
                let h = m.mip.var(
                    format!("nobody_{}", m.mip.vars[x].name),
                    VarKind::Continuous,
                    0.0,
                    f64::INFINITY,
                    0.0,
                );
                m.mip.row(
                    format!("nobody_{}", m.mip.vars[x].name),
                    Family::Definition,
                    Subject::Class(c),
                    vec![(h, 1.0), (x, -unit)],
                    Cmp::Eq,
                    0.0,
                );
                levels.vars[0].push(h);
            }
        }
    }
    for (&(t, _), &y) in &m.pairs {
        if stand_in(t) {
            m.mip.vars[y].cost = 0.0;
        }
    }
    let k = f64::from(rules.min_certified_lessons_per_course);
    let coefficients = super::share_coefficients(rules.min_certified_share);
    let stand_in_used: BTreeSet<VarId> = m
        .used
        .iter()
        .filter(|(t, _)| stand_in(*t))
        .map(|(_, v)| *v)
        .collect();
    m.used.retain(|(t, _)| !stand_in(*t));
    for ri in 0..m.mip.rows.len() {
        let (family, name) = (m.mip.rows[ri].family, m.mip.rows[ri].name.clone());
        match family {
            Family::CourseCertified => {
                let s = m
                    .mip
                    .var(format!("short_{name}"), VarKind::Integer, 0.0, k, 0.0);
                m.mip.rows[ri].terms.push((s, 1.0));
                levels.vars[1].push(s);
            }
            Family::CertifiedShare => {
                let Some((a, b)) = coefficients else { continue };
                let s = m.mip.var(
                    "short_certified_share".into(),
                    VarKind::Integer,
                    0.0,
                    f64::INFINITY,
                    0.0,
                );
                let row = &mut m.mip.rows[ri];
                row.terms.extend(absent.iter().map(|(x, u)| (*x, a * u)));
                row.terms.push((s, b));
                levels.vars[2].push(s);
            }
            Family::Mentoring => {
                let p = m.mip.var(
                    "short_mentor_places".into(),
                    VarKind::Integer,
                    0.0,
                    f64::INFINITY,
                    0.0,
                );
                let row = &mut m.mip.rows[ri];
                row.terms.retain(|(v, _)| !stand_in_used.contains(v));
                row.terms.push((p, -1.0));
                levels.vars[3].push(p);
            }
            _ => {}
        }
    }
    levels
}
