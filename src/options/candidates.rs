//! The changes to try, chosen from the bottleneck of a plan, and the changed instance.

use crate::check::CheckReport;
use crate::domain::{
    Availability, Group, Instance, Location, Profile, Register, Schedule, Slot, Teacher, TeacherId,
    Unavailability,
};
use crate::outcome::options::Change;
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, BTreeSet};

/// At most this many teachers are tried per kind of change.
const MOST_PER_KIND: usize = 8;

/// The changes to try, chosen from the plan's bottleneck, in a fixed order.
pub fn candidates(instance: &Instance, schedule: &Schedule, report: &CheckReport) -> Vec<Change> {
    let mut out = Vec::new();
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
            let w = r.date.iso_week();
            *weeks.entry((t, (w.year(), w.week()))).or_default() += 1;
        }
    }
    for id in registrations(instance, schedule)
        .into_iter()
        .take(MOST_PER_KIND)
    {
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

/// The non-certified teachers whose registration could make lessons of the plan certified:
/// those who could give a lesson given by a non-certified teacher or by nobody (qualified,
/// available then, and allowed by the locks), most such lessons first. A teacher who gives
/// nothing in the plan may be the best one to register: the plan keeps non-certified
/// teachers out where it can.
fn registrations<'a>(instance: &'a Instance, schedule: &Schedule) -> Vec<&'a TeacherId> {
    let slot_of: BTreeMap<_, _> = instance
        .lessons()
        .into_iter()
        .map(|l| ((l.course_code.clone(), l.date, l.time), l.slot))
        .collect();
    let uncertified: Vec<(&Group, &Slot, NaiveDate)> = schedule
        .timetable
        .iter()
        .filter(|r| {
            !r.teacher
                .as_ref()
                .and_then(|id| instance.teacher(id))
                .is_some_and(Teacher::is_certified)
        })
        .filter_map(|r| {
            let slot = slot_of.get(&(r.course_code.clone(), r.date, r.time))?;
            Some((instance.group(&r.course_code)?, slot, r.date))
        })
        .collect();
    let mut reach: Vec<(&TeacherId, usize)> = instance
        .teachers
        .iter()
        .filter(|t| !t.is_certified())
        .map(|t| {
            let n = uncertified
                .iter()
                .filter(|(g, slot, date)| {
                    t.locations.contains(&g.location)
                        && t.profiles.contains(&g.profile)
                        && t.available.allows(slot)
                        && !instance.is_unavailable(&t.id, *date)
                        && instance.lock_allows(&t.id, &g.course_code, slot, *date)
                })
                .count();
            (&t.id, n)
        })
        .filter(|(_, n)| *n > 0)
        .collect();
    reach.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    reach.into_iter().map(|(id, _)| id).collect()
}

/// `instance` with `change` made.
pub fn apply(instance: &Instance, change: &Change) -> Instance {
    let mut i = instance.clone();
    match change {
        Change::Register { teacher } => {
            keep_history_uncertified(&mut i, teacher);
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
                contract: Default::default(),
                wishes: Default::default(),
            });
        }
    }
    i
}

/// In a replan, a registration certifies no lesson given already: the lessons `teacher` gave
/// before `from` move to a copy of the teacher as they were (not registered, unavailable from
/// `from` on, without term limits), and the teacher is away before `from` with the term
/// limits less those lessons. The copy keeps the history's need of a mentor. The week of
/// `from`, when it falls mid-week, has the weekly maximum and minimum of both.
fn keep_history_uncertified(i: &mut Instance, teacher: &str) {
    let Some(frozen) = i.frozen.as_mut() else {
        return;
    };
    let id = TeacherId::new(teacher);
    let from = frozen.from;
    let copy = TeacherId::new(format!("{teacher}-voor-registratie"));
    let mut given = 0u32;
    for ((_, date, _), t) in frozen.teachers.iter_mut() {
        if *date < from && t.as_ref() == Some(&id) {
            *t = Some(copy.clone());
            given += 1;
        }
    }
    if given == 0 {
        return;
    }
    for o in frozen.observations.iter_mut().filter(|o| o.date < from) {
        if o.teacher == id {
            o.teacher = copy.clone();
        }
    }
    let Some(t) = i.teachers.iter_mut().find(|t| t.id == id) else {
        return;
    };
    let mut before = t.clone();
    before.id = copy.clone();
    before.name = format!("{} (voor registratie)", t.name);
    before.mentor_capacity = 0;
    before.contract.min_per_term = None;
    before.contract.max_per_term = None;
    t.contract.min_per_term = t.contract.min_per_term.map(|m| m.saturating_sub(given));
    t.contract.max_per_term = t.contract.max_per_term.map(|m| m.saturating_sub(given));
    i.teachers.push(before);
    let (start, end) = (i.school.term_start, i.school.term_end);
    i.unavailability.push(Unavailability {
        teacher: copy,
        from,
        to: end,
        reason: "geregistreerd".into(),
    });
    if let Some(last) = from.pred_opt().filter(|d| *d >= start) {
        i.unavailability.push(Unavailability {
            teacher: id,
            from: start,
            to: last,
            reason: "nog niet geregistreerd".into(),
        });
    }
}
