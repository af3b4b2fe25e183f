//! `locks.csv` against the rest of the instance: the teacher and course exist (E305, E306),
//! the slot is one of the course's (E411), the date has a lesson of the course in that slot
//! (E412), the teacher of a `gives` lock can give every lesson it covers (E413), and no two
//! locks contradict each other on a lesson (E414: two teachers `gives`, or one teacher
//! `gives` and `never`). The same lock twice is a warning (W505) and counts once.

use super::refs::Known;
use crate::diag::{Diagnostics, ErrorCode, WarningCode};
use crate::domain::{
    CourseCode, Group, Instance, Lesson, Lock, LockRule, School, Slot, Teacher, TeacherId,
    Unavailability,
};
use crate::input::Rows;
use crate::input::locks::LockRow;
use std::collections::BTreeMap;

/// What the locks are checked against; `None` where that part could not be read (the checks
/// that need it are then skipped, so one broken file does not flood this one).
pub struct Context<'a> {
    pub school: Option<&'a School>,
    pub groups: Option<&'a [Group]>,
    pub teachers: Option<&'a [Teacher]>,
    pub unavailability: Option<&'a [Unavailability]>,
    pub teacher_ids: &'a Known,
    pub course_codes: &'a Known,
}

/// The good locks, in file order, without repeats.
pub fn validate(rows: &Rows<LockRow>, cx: &Context, diags: &mut Diagnostics) -> Vec<Lock> {
    if rows.rows.is_empty() {
        return Vec::new();
    }
    // A scratch instance for the lessons and the days away; students play no part.
    let scratch = cx.school.map(|school| {
        let mut i = Instance::of_school(school.clone());
        i.groups = cx.groups.unwrap_or_default().to_vec();
        i.teachers = cx.teachers.unwrap_or_default().to_vec();
        i.unavailability = cx.unavailability.unwrap_or_default().to_vec();
        i
    });
    let mut out: Vec<(Lock, &LockRow, Vec<Lesson>)> = Vec::new();
    for row in &rows.rows {
        let teacher = cx.teacher_ids.check(
            &row.teacher,
            ErrorCode::UnknownTeacher,
            "teacher",
            "teachers.csv",
            diags,
        );
        let course = cx.course_codes.check(
            &row.course_code,
            ErrorCode::UnknownCourse,
            "course",
            "groups.csv",
            diags,
        );
        let (Some(true), Some(true), Some(scratch)) = (teacher, course, scratch.as_ref()) else {
            continue;
        };
        let code = CourseCode::new(row.course_code.text.as_str());
        let Some(group) = scratch.group(&code) else {
            continue;
        };
        let slot = row
            .slot
            .as_ref()
            .map(|s| Slot::new(s.value.0, s.value.1.as_str()));
        if let (Some(slot), Some(field)) = (&slot, &row.slot)
            && !group.slots.contains(slot)
        {
            let slots: Vec<String> = group.slots.iter().map(Slot::to_string).collect();
            diags.push(
                field
                    .cell
                    .error(
                        ErrorCode::LockSlotNotInCourse,
                        format!("course {code} has no lessons on {slot}"),
                    )
                    .fix(format!(
                        "write one of the course's slots ({}), or leave slot empty for all of them",
                        slots.join(", ")
                    ))
                    .nl(format!("cursus {code} heeft geen lessen op {slot}"))
                    .fix_nl(format!(
                        "schrijf een van de lesmomenten van de cursus ({}), of laat slot leeg voor allemaal",
                        slots.join(", ")
                    )),
            );
            continue;
        }
        if let (Some(slot), Some(field)) = (&slot, &row.slot) {
            let with = group.alternatives_with(slot);
            if group.has_choice() && with.len() < group.choices.len() {
                let which: Vec<String> = with.iter().map(|a| (a + 1).to_string()).collect();
                diags.push(
                    field
                        .cell
                        .warning(
                            WarningCode::LockOnAlternative,
                            format!(
                                "course {code} meets on {slot} only in alternative {} of {}: the lock holds only when that is chosen",
                                which.join(", "),
                                group.choices.len()
                            ),
                        )
                        .fix("lock a slot every alternative has, or leave slot empty, or drop the other alternatives"),
                );
            }
        }
        let lock = Lock {
            teacher: TeacherId::new(row.teacher.text.as_str()),
            course_code: code.clone(),
            slot,
            date: row.date.as_ref().map(|d| d.value),
            rule: row.rule.value,
        };
        let covered: Vec<Lesson> = scratch
            .lessons_of(group)
            .into_iter()
            .filter(|l| lock.covers(&code, &l.slot, l.date))
            .collect();
        if covered.is_empty() {
            if let Some(date) = &row.date {
                diags.push(
                    date.cell
                        .error(
                            ErrorCode::LockDateWithoutLesson,
                            format!(
                                "course {code} has no lesson {} on {} (its lessons run from {} to {}, on open days only)",
                                lock.slot.as_ref().map_or("in any slot".to_string(), |s| format!("on {s}")),
                                date.value,
                                group.start,
                                group.end
                            ),
                        )
                        .fix("write the date of a lesson of the course (a day of one of its slots, between its start and end, not a closed day), or leave date empty")
                        .nl(format!(
                            "cursus {code} heeft geen les {} op {} (haar lessen lopen van {} tot en met {}, alleen op open dagen)",
                            lock.slot.as_ref().map_or("op enig lesmoment".to_string(), |s| format!("op {s}")),
                            date.value,
                            group.start,
                            group.end
                        ))
                        .fix_nl("schrijf de datum van een les van de cursus (een dag van een van haar lesmomenten, tussen haar begin en einde, geen gesloten dag), of laat date leeg"),
                );
            }
            continue;
        }
        if let Some((_, dup, _)) = out.iter().find(|(l, _, _)| *l == lock) {
            diags.push(
                row.teacher
                    .warning(
                        WarningCode::LockDuplicated,
                        format!(
                            "the lock \"{lock}\" is written on line {} already",
                            dup.line
                        ),
                    )
                    .fix("remove one of the two rows")
                    .nl(format!(
                        "de vastzetting \"{lock}\" staat al op regel {}",
                        dup.line
                    ))
                    .fix_nl("haal een van de twee regels weg"),
            );
            continue;
        }
        if lock.rule == LockRule::Gives
            && let Some(why) = cannot_give(scratch, &lock.teacher, group, &covered)
        {
            diags.push(
                row.teacher
                    .error(
                        ErrorCode::LockTeacherCannotGive,
                        format!("teacher {} is locked to give {} but {why}", lock.teacher, lock.scope()),
                    )
                    .fix("lock a teacher who can give these lessons, narrow the lock (slot, date), or change the teacher's data in teachers.csv or unavailability.csv")
                    .fix_nl("zet een docent vast die deze lessen kan geven, maak de vastzetting smaller (slot, date), of pas de gegevens van de docent aan in teachers.csv of unavailability.csv"),
            );
            continue;
        }
        out.push((lock, row, covered));
    }
    conflicts(&out, diags);
    out.into_iter().map(|(lock, _, _)| lock).collect()
}

/// Why `teacher` cannot give every one of `lessons` of `group`, or `None` when they can.
fn cannot_give(
    instance: &Instance,
    teacher: &TeacherId,
    group: &Group,
    lessons: &[Lesson],
) -> Option<String> {
    let t = instance.teacher(teacher)?;
    if !t.locations.contains(&group.location) {
        return Some(format!("does not work at {}", group.location));
    }
    if !t.profiles.contains(&group.profile) {
        return Some(format!("does not teach profile {}", group.profile));
    }
    if t.max_lessons_per_week == Some(0) {
        return Some("has a weekly maximum of 0 lessons".into());
    }
    if let Some(l) = lessons.iter().find(|l| !t.available.allows(&l.slot)) {
        return Some(format!("is not available on {}", l.slot));
    }
    let away: Vec<String> = lessons
        .iter()
        .filter(|l| instance.is_unavailable(teacher, l.date))
        .map(|l| l.date.to_string())
        .collect();
    if let Some(first) = away.first() {
        return Some(format!(
            "is unavailable on {} of its lesson dates (the first {first}) by unavailability.csv",
            away.len()
        ));
    }
    None
}

/// E414 for every pair of locks that contradict each other on a lesson they both cover,
/// at the later row.
fn conflicts(locks: &[(Lock, &LockRow, Vec<Lesson>)], diags: &mut Diagnostics) {
    let mut by_course: BTreeMap<&CourseCode, Vec<usize>> = BTreeMap::new();
    for (i, (lock, _, _)) in locks.iter().enumerate() {
        by_course.entry(&lock.course_code).or_default().push(i);
    }
    for list in by_course.values() {
        for (k, &b) in list.iter().enumerate() {
            for &a in &list[..k] {
                let ((la, ra, lessons), (lb, rb, _)) = (&locks[a], &locks[b]);
                let clash = match (la.rule, lb.rule) {
                    (LockRule::Gives, LockRule::Gives) => la.teacher != lb.teacher,
                    (LockRule::Never, LockRule::Never) => false,
                    _ => la.teacher == lb.teacher,
                };
                if !clash {
                    continue;
                }
                let Some(shared) = lessons
                    .iter()
                    .find(|l| lb.covers(&l.course_code, &l.slot, l.date))
                else {
                    continue;
                };
                let (why, why_nl) = if la.rule == lb.rule {
                    (
                        format!(
                            "both {} and {} are locked to give it",
                            la.teacher, lb.teacher
                        ),
                        format!(
                            "zowel {} als {} moeten haar vast geven",
                            la.teacher, lb.teacher
                        ),
                    )
                } else {
                    (
                        format!(
                            "{} is locked both to give it and never to give it",
                            la.teacher
                        ),
                        format!(
                            "{} moet haar vast geven en tegelijk nooit geven",
                            la.teacher
                        ),
                    )
                };
                diags.push(
                    rb.teacher
                        .error(
                            ErrorCode::LockConflict,
                            format!(
                                "this lock contradicts line {} on the lesson of {} on {} ({}): {why}",
                                ra.line, shared.course_code, shared.date, shared.slot
                            ),
                        )
                        .fix("keep one of the two locks, or narrow them (slot, date) so that they cover different lessons")
                        .nl(format!(
                            "deze vastzetting spreekt regel {} tegen over de les van {} op {} ({}): {why_nl}",
                            ra.line, shared.course_code, shared.date, shared.slot
                        ))
                        .fix_nl("houd een van de twee vastzettingen, of maak ze smaller (slot, date) zodat ze over verschillende lessen gaan"),
                );
            }
        }
    }
}
