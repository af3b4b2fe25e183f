//! The instance a replan solves: the edited instance with the history of the schedule it
//! replaces frozen in (`nt2plan replan`, `check --against`).
//!
//! What is frozen, precisely: every lesson of CURRENT dated before `from` keeps its teacher
//! (or its lack of one), its time and its location, even where the edited instance would no
//! longer allow it. To make that a fact every part of the crate sees alike, the instance is
//! derived from the edited one:
//! - [`Frozen`] holds CURRENT's teachers and placements; [`Instance::lock_allows`] answers
//!   for a history lesson with CURRENT's teacher alone;
//! - a teacher who gave a history lesson they are no longer qualified for (location,
//!   profile, weekly slot) keeps that qualification, with a `never` lock on every lesson from
//!   `from` on that the edited row does not allow, so nothing changes for the future;
//! - unavailability before `from` is dropped: the past is what it was;
//! - a group with history runs (it did: `optional` is cleared, so its opening is history too
//!   and no longer in the objective), and its dates reach over its
//!   history even where its `start` or `end` was moved; a group without history has no
//!   lessons before `from` (an optional group opened now starts now);
//! - with rooms, a history lesson keeps CURRENT's room, which must still be a room of
//!   `rooms.csv` that can host it (E418 otherwise); from `from` on CURRENT's rooms are what
//!   `changed_room` is counted against;
//! - a group with a choice of meeting times (`|` in `slots`) and a history keeps the
//!   alternative its history met in (the only one left, or those left that hold every slot
//!   it met in); a history no alternative holds is E424;
//! - the history must be exactly the derived instance's lessons before `from`, and within
//!   every teacher's weekly maximum; anything else is E418, naming the lesson.
//!
//! Students are not frozen: placements hold for the whole term, so a student of CURRENT may
//! move at the price `moved_student`; a student who left is no longer counted in a group.

use crate::diag::{Diagnostic, Diagnostics, ErrorCode};
use crate::domain::{
    CourseCode, Day, Frozen, Instance, Lesson, Lock, LockRule, Schedule, Slot, TeacherId, TimeRange,
};
use chrono::{Datelike, NaiveDate};
use std::collections::{BTreeMap, BTreeSet};

const FILE: &str = "timetable.csv";

/// The instance a replan from `from` solves, or why CURRENT's history cannot stand in
/// `edited` (E417, E418).
pub fn frozen(
    edited: &Instance,
    current: &Schedule,
    from: NaiveDate,
) -> Result<Instance, Diagnostics> {
    let mut problems = Diagnostics::default();
    let school = &edited.school;
    if from < school.term_start || from > school.term_end {
        problems.push(
            Diagnostic::error(
                ErrorCode::ReplanDate,
                "school.toml",
                format!(
                    "--from {from} is not a day of the term ({} to {})",
                    school.term_start, school.term_end
                ),
            )
            .fix("give the first day that may change, a date inside the term")
            .nl(format!(
                "--from {from} is geen dag van de lesperiode ({} tot en met {})",
                school.term_start, school.term_end
            ))
            .fix_nl("geef de eerste dag die mag veranderen, een datum binnen de lesperiode"),
        );
        return Err(problems);
    }
    let history: Vec<_> = current.timetable.iter().filter(|r| r.date < from).collect();
    let mut derived = edited.clone();
    derived.unavailability.retain_mut(|u| {
        u.from = u.from.max(from);
        u.from <= u.to
    });
    let mut by_group: BTreeMap<&CourseCode, Vec<_>> = BTreeMap::new();
    for row in &history {
        by_group.entry(&row.course_code).or_default().push(*row);
        if let Some(t) = &row.teacher
            && edited.teacher(t).is_none()
        {
            problems.push(history_error(
                format!(
                    "teacher {t} gave {} on {} before --from {from} but is not in teachers.csv",
                    row.course_code, row.date
                ),
                "keep the row of a teacher who taught before --from; to stop their lessons, add an unavailability from --from to the end of the term",
            )
            .nl(format!(
                "docent {t} gaf {} op {} vóór --from {from}, maar staat niet in teachers.csv",
                row.course_code, row.date
            ))
            .fix_nl("houd de regel van een docent die vóór --from lesgaf; om diens lessen te stoppen: voeg afwezigheid toe van --from tot het einde van de lesperiode"));
        }
    }
    for code in by_group.keys() {
        if edited.group(code).is_none() {
            problems.push(history_error(
                format!("group {code} had lessons before --from {from} but is not in groups.csv"),
                "keep the row of a group that ran before --from; to end it, set its end to the day before --from",
            )
            .nl(format!("groep {code} had lessen vóór --from {from}, maar staat niet in groups.csv"))
            .fix_nl("houd de regel van een groep die vóór --from liep; om haar te beëindigen: zet haar einde op de dag vóór --from"));
        }
    }
    if problems.has_errors() {
        return Err(problems);
    }
    let blocks = derived.school.blocks.clone();
    for g in &mut derived.groups {
        match by_group.get(&g.course_code) {
            None => g.start = g.start.max(from),
            Some(rows) => {
                g.optional = false;
                keep_alternative(g, rows, &blocks, from, &mut problems);
                if let Some(first) = rows.iter().map(|r| r.date).min() {
                    g.start = g.start.min(first);
                }
                if let Some(last) = rows.iter().map(|r| r.date).max() {
                    g.end = g.end.max(last);
                }
            }
        }
    }
    if problems.has_errors() {
        return Err(problems);
    }
    // A group left without a lesson date (it ended before --from and never ran) is gone.
    let gone: BTreeSet<CourseCode> = derived
        .groups
        .iter()
        .filter(|g| derived.lessons_of(g).is_empty())
        .map(|g| g.course_code.clone())
        .collect();
    derived.groups.retain(|g| !gone.contains(&g.course_code));
    for s in &mut derived.students {
        if s.pinned.as_ref().is_some_and(|c| gone.contains(c)) {
            s.pinned = None;
        }
    }
    let lessons: BTreeMap<(CourseCode, NaiveDate, TimeRange), Lesson> = derived
        .lessons()
        .into_iter()
        .map(|l| ((l.course_code.clone(), l.date, l.time), l))
        .collect();
    let mut frozen = Frozen {
        from,
        observations: current.observations.clone(),
        ..Frozen::default()
    };
    let mut widened: BTreeSet<TeacherId> = BTreeSet::new();
    let mut given: BTreeSet<(CourseCode, NaiveDate, TimeRange)> = BTreeSet::new();
    for row in &current.timetable {
        let key = (row.course_code.clone(), row.date, row.time);
        let Some(lesson) = lessons.get(&key) else {
            if row.date < from {
                problems.push(history_error(
                    format!(
                        "{} on {} at {} before --from {from} is not a lesson of groups.csv any more",
                        row.course_code, row.date, row.time
                    ),
                    "keep the dates, weekly slots, times and location of a group up to --from as they were; change them from --from on only",
                )
                .nl(format!(
                    "{} op {} om {} vóór --from {from} is geen les van groups.csv meer",
                    row.course_code, row.date, row.time
                ))
                .fix_nl("houd de data, wekelijkse lesmomenten, tijden en locatie van een groep tot --from zoals ze waren; verander ze pas vanaf --from"));
            }
            continue;
        };
        if row.date < from {
            given.insert(key);
            if lesson.location != row.location {
                problems.push(history_error(
                    format!(
                        "{} on {} before --from {from} was given in {}, but the group is now in {}",
                        row.course_code, row.date, row.location, lesson.location
                    ),
                    "keep the location of a group that ran before --from",
                )
                .nl(format!(
                    "{} op {} vóór --from {from} werd gegeven in {}, maar de groep is nu in {}",
                    row.course_code, row.date, row.location, lesson.location
                ))
                .fix_nl("houd de locatie van een groep die vóór --from liep"));
            }
            if let Some(t) = &row.teacher {
                widen(&mut derived, t, lesson, &mut widened);
            }
            if let Some(r) = &row.room
                && edited.has_rooms()
                && !edited
                    .room(r)
                    .is_some_and(|room| room.can_host(&lesson.location, &lesson.slot))
            {
                problems.push(history_error(
                    format!(
                        "{} on {} before --from {from} was held in room {r}, which rooms.csv no longer offers at {} on {}",
                        row.course_code, row.date, lesson.location, lesson.slot
                    ),
                    "keep the row of a room used before --from, with its location and the weekly slots it was used in",
                )
                .nl(format!(
                    "{} op {} vóór --from {from} was in lokaal {r}, dat rooms.csv niet meer biedt in {} op {}",
                    row.course_code, row.date, lesson.location, lesson.slot
                ))
                .fix_nl("houd de regel van een lokaal dat vóór --from gebruikt werd, met zijn locatie en de wekelijkse lesmomenten waarin het gebruikt werd"));
            }
        }
        if let Some(r) = &row.room
            && edited.has_rooms()
        {
            frozen.rooms.insert(
                (row.course_code.clone(), row.date, lesson.slot.clone()),
                r.clone(),
            );
        }
        frozen.teachers.insert(
            (row.course_code.clone(), row.date, lesson.slot.clone()),
            row.teacher.clone(),
        );
    }
    for key in lessons.keys().filter(|k| k.1 < from) {
        if !given.contains(key) {
            problems.push(history_error(
                format!(
                    "{} on {} at {} is a lesson before --from {from} that the schedule replaced does not have",
                    key.0, key.1, key.2
                ),
                "keep the dates, weekly slots and times of a group up to --from as they were; change them from --from on only",
            )
            .nl(format!(
                "{} op {} om {} is een les vóór --from {from} die het vervangen rooster niet heeft",
                key.0, key.1, key.2
            ))
            .fix_nl("houd de data, wekelijkse lesmomenten en tijden van een groep tot --from zoals ze waren; verander ze pas vanaf --from"));
        }
    }
    weekly_maxima(&derived, &history, &mut problems);
    if problems.has_errors() {
        return Err(problems);
    }
    // What a widened teacher may do from --from on stays what the edited row allows.
    for t in &widened {
        let Some(row) = edited.teacher(t) else {
            continue;
        };
        for lesson in lessons.values().filter(|l| l.date >= from) {
            let Some(g) = derived.group(&lesson.course_code) else {
                continue;
            };
            let allowed = row.locations.contains(&g.location)
                && row.profiles.contains(&g.profile)
                && row.available.allows(&lesson.slot);
            if !allowed {
                derived.locks.push(Lock {
                    teacher: t.clone(),
                    course_code: lesson.course_code.clone(),
                    slot: Some(lesson.slot.clone()),
                    date: Some(lesson.date),
                    rule: LockRule::Never,
                });
            }
        }
    }
    for p in &current.placements {
        if derived.student(&p.student).is_some() {
            let group = p.course_code.clone().filter(|c| !gone.contains(c));
            frozen.groups.insert(p.student.clone(), group);
        }
    }
    derived.frozen = Some(frozen);
    Ok(derived)
}

/// A group with a choice of meeting times and a history keeps the alternatives that hold
/// every slot its history met in: one of them is the group's slots from then on, several
/// stay a choice; none is E424.
fn keep_alternative(
    g: &mut crate::domain::Group,
    rows: &[&crate::domain::TimetableRow],
    blocks: &[crate::domain::Block],
    from: NaiveDate,
    problems: &mut Diagnostics,
) {
    if !g.has_choice() {
        return;
    }
    let used: BTreeSet<Slot> = rows
        .iter()
        .filter_map(|r| {
            let b = blocks.iter().find(|b| b.time == r.time)?;
            Some(Slot::new(Day::of(r.date), b.name.as_str()))
        })
        .collect();
    let keep: Vec<Vec<Slot>> = g
        .choices
        .iter()
        .filter(|a| used.iter().all(|s| a.contains(s)))
        .cloned()
        .collect();
    match keep.len() {
        0 => {
            let used: Vec<String> = used.iter().map(Slot::to_string).collect();
            problems.push(
                Diagnostic::error(
                    ErrorCode::HistoryOutsideAlternatives,
                    FILE,
                    format!(
                        "{} met in {} before --from {from}, which no one of its alternatives in groups.csv holds",
                        g.course_code,
                        used.join(", ")
                    ),
                )
                .fix("keep the alternative the group met in before --from among its slots in groups.csv"),
            );
        }
        1 => {
            g.slots = keep.into_iter().next().unwrap_or_default();
            g.choices.clear();
        }
        _ => {
            let mut union: Vec<Slot> = keep.concat();
            union.sort();
            union.dedup();
            g.slots = union;
            g.choices = keep;
        }
    }
}

fn history_error(message: String, fix: &str) -> Diagnostic {
    Diagnostic::error(ErrorCode::HistoryNotInInstance, FILE, message).fix(fix)
}

/// Gives `teacher` the location, profile and slot of a history lesson they gave.
fn widen(
    derived: &mut Instance,
    teacher: &TeacherId,
    lesson: &Lesson,
    widened: &mut BTreeSet<TeacherId>,
) {
    let Some(g) = derived.group(&lesson.course_code).cloned() else {
        return;
    };
    let Some(t) = derived.teachers.iter_mut().find(|t| &t.id == teacher) else {
        return;
    };
    let mut changed = t.locations.insert(g.location.clone());
    changed |= t.profiles.insert(g.profile.clone());
    changed |= t.available.0.insert(lesson.slot.clone());
    if changed {
        widened.insert(teacher.clone());
    }
}

/// E418 for every (teacher, week) whose history alone exceeds the weekly maximum.
fn weekly_maxima(
    derived: &Instance,
    history: &[&crate::domain::TimetableRow],
    problems: &mut Diagnostics,
) {
    let mut count: BTreeMap<(&TeacherId, (i32, u32)), u32> = BTreeMap::new();
    for row in history {
        if let Some(t) = &row.teacher {
            let w = row.date.iso_week();
            *count.entry((t, (w.year(), w.week()))).or_default() += 1;
        }
    }
    for ((t, (year, week)), n) in count {
        let Some(max) = derived.teacher(t).and_then(|t| t.max_lessons_per_week) else {
            continue;
        };
        if n > max {
            problems.push(
                Diagnostic::error(
                    ErrorCode::HistoryNotInInstance,
                    "teachers.csv",
                    format!(
                        "teacher {t} gave {n} lessons in week {year}-W{week:02} before --from, above max_lessons_per_week {max}"
                    ),
                )
                .fix("keep max_lessons_per_week at least what the teacher gave; to stop their lessons, add an unavailability from --from on"),
            );
        }
    }
}

#[cfg(test)]
mod tests;
