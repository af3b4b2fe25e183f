//! Dated lessons grouped into *classes* of interchangeable dates.
//!
//! The exact problem gives every dated lesson its own teacher. The program decides instead,
//! per class, how many of its lessons each teacher gives (an integer count): a class is a set
//! of dates of one weekly series on which nothing the rows can see differs. Two dates of a
//! series fall into one class when, for every teacher who could give them:
//! - the same teachers are eligible (location, profile, weekly availability, not
//!   unavailable that day, and the locks of `locks.csv` allow it);
//! - the teacher's other lessons that overlap it in clock time are of the same series (so
//!   it sits in the same cliques of the no-overlap rows);
//! - where the teacher's weekly maximum can bind that week, or their contract asks a weekly
//!   minimum, the teacher's lessons that week are of the same series;
//! - with rooms, the same rooms may hold it (a room is a resource like a teacher), the other
//!   lessons such a room could hold at an overlapping time are of the same series, and in a
//!   replan the same rooms would be a room change.
//!
//! Every row of the program is then an exact sum of rows of the per-lesson program (see
//! `staffing.rs`), so the program is a relaxation of the exact problem whose optimum is a
//! valid bound; `solve::decode` assigns the dates, and when it cannot, the classes it names
//! are split into single lessons and the program is solved again. `Formulation::Lesson`
//! makes every lesson its own class: the per-lesson program itself, the reference.

use super::pools::Pools;
use crate::domain::{Instance, Slot, TimeRange};
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet, HashMap};

pub use crate::outcome::Formulation;

pub use crate::domain::{Week, week_of};

/// Dates of one weekly series that the program treats alike.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Class {
    /// Index of the series (group and weekly slot), in group order then slot order.
    pub series: usize,
    /// Index into `instance.groups`.
    pub group: usize,
    pub slot: Slot,
    pub time: TimeRange,
    /// In date order; never empty. A series meets at most once a week, so these are
    /// also distinct weeks.
    pub dates: Vec<NaiveDate>,
    /// Indices into `instance.teachers` of everyone who can give every one of these lessons.
    pub candidates: Vec<usize>,
    /// 1-based number of this class within its series (for names).
    pub part: usize,
    /// In a replan, the teacher (index) the schedule replaced gave every lesson of the
    /// class, against whom a change is counted (`Frozen::previous`); the same for every date
    /// of the class by its signature.
    pub previous: Option<usize>,
    /// With rooms: the pools (indices into [`Pools::rooms`]) of every room that may hold
    /// every one of these lessons (it can host the slot, and a replan's history keeps its
    /// room; in a replan every room is a pool of its own).
    pub rooms: Vec<usize>,
    /// In a replan, the pools of `rooms` in which holding these lessons is a room change:
    /// CURRENT held them (from the replan's date on) in another room, which may be one
    /// that `rooms.csv` no longer has (`Frozen::is_room_change`).
    pub changed_rooms: Vec<usize>,
}

impl Class {
    pub fn lessons(&self) -> u32 {
        u32::try_from(self.dates.len()).unwrap_or(u32::MAX)
    }
}

/// The classes of an instance, with what the rows need to know about them.
pub struct Classes {
    pub list: Vec<Class>,
    /// The (teacher, week) pairs that need a weekly row: the weekly maximum can bind, or the
    /// contract asks a minimum.
    pub binding: BTreeSet<(usize, Week)>,
    /// Per teacher what their contract hours require ([`Instance::contract`]).
    pub contract: Vec<crate::domain::Required>,
    /// Whether the classes were lined up across the rows they share (see `align.rs`): then
    /// every summed row is a sum of identical weeks and dates are nearly always placed.
    pub lined_up: bool,
    /// The rooms counted together; [`Class::rooms`] are its pools.
    pub pools: Pools,
}

/// What the classes are made finer by, beyond their signatures.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refinement {
    /// Lessons that are classes of their own (after a failed placement of dates).
    pub alone: BTreeSet<LessonKey>,
    /// Line the classes up across shared rows, unless that leaves more classes than half
    /// the lessons and twice as many as without lining up (then the smaller program pays
    /// for its rounds of refinement: xl).
    pub line_up: bool,
    /// Every room its own pool (see `pools.rs`): after a schedule whose groups needed more
    /// rooms than the pooled program counted.
    pub distinct_rooms: bool,
}

impl Default for Refinement {
    fn default() -> Self {
        Refinement {
            alone: BTreeSet::new(),
            line_up: true,
            distinct_rooms: false,
        }
    }
}

/// A dated lesson of a series: `(group, slot, date)`. Lessons named in a refinement become
/// classes of their own.
pub type LessonKey = (usize, Slot, NaiveDate);

/// One weekly series of a group with its dates and the teachers qualified for its slot.
struct Series {
    group: usize,
    slot: Slot,
    time: TimeRange,
    dates: Vec<NaiveDate>,
    qualified: Vec<usize>,
    /// Pools whose rooms can host the slot at the group's location.
    hosts: Vec<usize>,
}

fn series(instance: &Instance, pools: &Pools) -> Vec<Series> {
    let mut out = Vec::new();
    for (gi, group) in instance.groups.iter().enumerate() {
        let mut by_slot: BTreeMap<Slot, (TimeRange, Vec<NaiveDate>)> = BTreeMap::new();
        for lesson in instance.lessons_of(group) {
            by_slot
                .entry(lesson.slot)
                .or_insert((lesson.time, Vec::new()))
                .1
                .push(lesson.date);
        }
        for (slot, (time, dates)) in by_slot {
            let qualified = instance
                .teachers
                .iter()
                .enumerate()
                .filter(|(_, t)| {
                    t.locations.contains(&group.location)
                        && t.profiles.contains(&group.profile)
                        && t.available.allows(&slot)
                })
                .map(|(i, _)| i)
                .collect();
            let hosts = (0..pools.rooms.len())
                .filter(|&p| instance.rooms[pools.first(p)].can_host(&group.location, &slot))
                .collect();
            out.push(Series {
                group: gi,
                slot,
                time,
                dates,
                qualified,
                hosts,
            });
        }
    }
    out
}

/// What the rows can see of one dated lesson; equal signatures may share a class.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
struct Signature {
    /// The eligible teachers, then the rooms that may hold the lesson (by [`Resources`]).
    eligible: Vec<usize>,
    /// Per eligible teacher or room with overlapping lessons that day: the series of those
    /// lessons.
    overlaps: Vec<(usize, Vec<usize>)>,
    /// Per eligible teacher whose weekly maximum can bind that week: the series of the
    /// teacher's lessons that week.
    weekly: Vec<(usize, Vec<usize>)>,
    /// Set for a lesson that must be a class of its own.
    alone: Option<NaiveDate>,
    /// The replaced schedule's teacher, whom keeping costs no change.
    previous: Option<usize>,
    /// The rooms in which holding the lesson is a room change (a replan's).
    changed_rooms: Vec<usize>,
}

/// Teachers and rooms in one index space: a room is a resource like a teacher (no two
/// lessons at once), so the rows of both line up the same way. Teacher `t` is `t`, room `r`
/// is `teachers + r`.
#[derive(Clone, Copy)]
struct Resources {
    teachers: usize,
}

impl Resources {
    fn room(self, r: usize) -> usize {
        self.teachers + r
    }
}

/// Every class of every series, in series order, then first date; and the (teacher, week)
/// pairs in which the weekly maximum can bind, where the program needs weekly rows.
pub fn classes(instance: &Instance, formulation: Formulation, refinement: &Refinement) -> Classes {
    let alone = &refinement.alone;
    // The per-lesson program, the reference, keeps every room apart.
    let distinct = refinement.distinct_rooms || formulation == Formulation::Lesson;
    let pools = Pools::of(instance, distinct);
    let series = series(instance, &pools);
    let mut away: BTreeMap<usize, Vec<(NaiveDate, NaiveDate)>> = BTreeMap::new();
    for u in &instance.unavailability {
        if let Some(t) = instance.teachers.iter().position(|t| t.id == u.teacher) {
            away.entry(t).or_default().push((u.from, u.to));
        }
    }
    let is_away = |t: usize, d: NaiveDate| {
        away.get(&t)
            .is_some_and(|spans| spans.iter().any(|(f, to)| d >= *f && d <= *to))
    };
    // A lock narrows the eligible teachers of the lessons it covers, so a lock on one date
    // or slot splits a series exactly where the teachers differ, like a day away does.
    // A replan's history is a lock of its own (see `domain::frozen`).
    let allowed = |t: usize, s: &Series, d: NaiveDate| {
        (instance.locks.is_empty() && instance.frozen.is_none())
            || instance.lock_allows(
                &instance.teachers[t].id,
                &instance.groups[s.group].course_code,
                &s.slot,
                d,
            )
    };
    // Every dated lesson with its eligible teachers, and per teacher the lessons they could
    // give on each date and in each week.
    let previous = |s: &Series, d: NaiveDate| -> Option<usize> {
        let f = instance.frozen.as_ref()?;
        let t = f.previous(&instance.groups[s.group].course_code, d, &s.slot)?;
        instance.teachers.iter().position(|x| &x.id == t)
    };
    // With rooms: the rooms that may hold the lesson on that date (a replan's history keeps
    // CURRENT's room), and those in which it would be a room change.
    let res = Resources {
        teachers: instance.teachers.len(),
    };
    let rooms_of = |s: &Series, d: NaiveDate| -> Vec<usize> {
        let code = &instance.groups[s.group].course_code;
        s.hosts
            .iter()
            .copied()
            .filter(|&p| {
                let id = &instance.rooms[pools.first(p)].id;
                instance
                    .frozen
                    .as_ref()
                    .is_none_or(|f| f.room_allows(code, d, &s.slot, id))
            })
            .collect()
    };
    let changed_rooms = |s: &Series, d: NaiveDate, rooms: &[usize]| -> Vec<usize> {
        let Some(f) = &instance.frozen else {
            return Vec::new();
        };
        let code = &instance.groups[s.group].course_code;
        rooms
            .iter()
            .copied()
            .filter(|&p| {
                let id = &instance.rooms[pools.first(p)].id;
                f.is_room_change(code, d, &s.slot, Some(id))
            })
            .collect()
    };
    let mut eligible: Vec<Vec<Vec<usize>>> = Vec::with_capacity(series.len());
    let mut roomed: Vec<Vec<Vec<usize>>> = Vec::with_capacity(series.len());
    let mut by_date: HashMap<(usize, NaiveDate), Vec<usize>> = HashMap::new();
    let mut by_week: HashMap<(usize, Week), Vec<usize>> = HashMap::new();
    for (si, s) in series.iter().enumerate() {
        let per_date: Vec<Vec<usize>> = s
            .dates
            .iter()
            .map(|&d| {
                let e: Vec<usize> = s
                    .qualified
                    .iter()
                    .copied()
                    .filter(|&t| !is_away(t, d) && allowed(t, s, d))
                    .collect();
                for &t in &e {
                    by_date.entry((t, d)).or_default().push(si);
                    by_week.entry((t, week_of(d))).or_default().push(si);
                }
                e
            })
            .collect();
        eligible.push(per_date);
        let per_date: Vec<Vec<usize>> = s
            .dates
            .iter()
            .map(|&d| {
                let rs = rooms_of(s, d);
                for &r in &rs {
                    by_date.entry((res.room(r), d)).or_default().push(si);
                }
                rs
            })
            .collect();
        roomed.push(per_date);
    }
    for list in by_week.values_mut() {
        list.sort_unstable();
    }
    let contract = instance.contract();
    let mut binding = rows::binding_weeks(instance, &series, &by_week);
    // A weekly minimum is a row in every week it asks something: the teacher's lessons
    // there must be classes that lie in such weeks only, as for a maximum that binds.
    for (t, required) in contract.iter().enumerate() {
        for w in required.weeks.keys() {
            if by_week.contains_key(&(t, *w)) {
                binding.insert((t, *w));
            }
        }
    }
    let binds = |t: usize, w: Week| -> Option<&Vec<usize>> {
        binding
            .contains(&(t, w))
            .then(|| by_week.get(&(t, w)))
            .flatten()
    };
    // Per series and date the class: first by signature, then lined up across rows.
    let mut labels: Vec<Vec<usize>> = Vec::with_capacity(series.len());
    for (si, s) in series.iter().enumerate() {
        let mut index: HashMap<Signature, usize> = HashMap::new();
        let mut of_date = Vec::with_capacity(s.dates.len());
        for (k, &date) in s.dates.iter().enumerate() {
            let e = &eligible[si][k];
            let both: Vec<usize> = e
                .iter()
                .copied()
                .chain(roomed[si][k].iter().map(|&r| res.room(r)))
                .collect();
            // Classes given whole need only the same teachers: their rows are per date and
            // week, exact for any classes; fewer classes make the restriction quicker.
            let context = !formulation.whole();
            let key = Signature {
                overlaps: both
                    .iter()
                    .filter(|_| context)
                    .filter_map(|&t| {
                        let mut others: Vec<usize> = by_date
                            .get(&(t, date))
                            .into_iter()
                            .flatten()
                            .copied()
                            .filter(|&o| o != si && series[o].time.overlaps(&s.time))
                            .collect();
                        others.sort_unstable();
                        (!others.is_empty()).then_some((t, others))
                    })
                    .collect(),
                weekly: e
                    .iter()
                    .filter(|_| context)
                    .filter_map(|&t| binds(t, week_of(date)).map(|l| (t, l.clone())))
                    .collect(),
                alone: (formulation == Formulation::Lesson
                    || alone.contains(&(s.group, s.slot.clone(), date)))
                .then_some(date),
                previous: previous(s, date),
                changed_rooms: changed_rooms(s, date, &roomed[si][k]),
                eligible: both,
            };
            let next = index.len();
            of_date.push(*index.entry(key).or_insert(next));
        }
        labels.push(of_date);
    }
    let types = rows::row_types(&series, &by_date, &by_week, &binding);
    // Rows per date and week (a restriction) need no lining up. Lining up that would leave
    // more classes than half the lessons and twice as many as before is given up (the
    // classes stay as they were): on xl 10156 classes of 13974 lessons against 1613, and
    // the smaller program wins despite its refinement rounds; on medium-tight (614 against
    // 476 of 616 lessons) the lined-up program is 7 times faster than the other with microlp.
    let mut lined_up = false;
    if !formulation.whole() && refinement.line_up {
        let before = labels.clone();
        let lessons: usize = series.iter().map(|s| s.dates.len()).sum();
        let most = (lessons / 2).max(2 * align::distinct(&labels));
        lined_up = align::align(&mut labels, &types, most);
        if !lined_up {
            labels = before;
        }
    }
    let mut out = Vec::new();
    for (si, s) in series.iter().enumerate() {
        // Dates with one label form one class, in first-date order.
        // (label, the index of its first date, dates); every date of a label has the same
        // signature, so its first date speaks for all.
        let mut parts: Vec<(usize, usize, Vec<NaiveDate>)> = Vec::new();
        for (k, &date) in s.dates.iter().enumerate() {
            match parts.iter_mut().find(|(l, _, _)| *l == labels[si][k]) {
                Some((_, _, ds)) => ds.push(date),
                None => parts.push((labels[si][k], k, vec![date])),
            }
        }
        for (i, (_, k, dates)) in parts.into_iter().enumerate() {
            let first = dates[0];
            out.push(Class {
                series: si,
                group: s.group,
                slot: s.slot.clone(),
                time: s.time,
                candidates: eligible[si][k].clone(),
                part: i + 1,
                previous: previous(s, first),
                changed_rooms: changed_rooms(s, first, &roomed[si][k]),
                rooms: roomed[si][k].clone(),
                dates,
            });
        }
    }
    Classes {
        list: out,
        binding,
        contract,
        lined_up,
        pools,
    }
}

mod align;
mod rows;
#[cfg(test)]
mod tests;
