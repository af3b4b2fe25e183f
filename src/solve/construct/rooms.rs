//! Rooms, for a school with `rooms.csv`: every lesson of a running group gets a room at its
//! location that is available in its weekly slot, seats the group and holds no other lesson
//! at an overlapping time that date. A group keeps one room where it can (the `room_change`
//! cost of the program): the largest groups choose first, each the smallest room free for
//! all of its lessons, else per lesson the room it had last, else the smallest free one.
//! (A group whose own lessons overlap takes another room for the second.)
//! It proves nothing: where a lesson finds no room it gives up ([`Stuck::Room`]), and the
//! program plans that school.

use super::Stuck;
use super::lessons::Lessons;
use crate::domain::{Instance, TimeRange};
use chrono::NaiveDate;
use std::cmp::Reverse;
use std::collections::BTreeMap;

/// Per lesson (index into `lessons.list`), the index of its room in `instance.rooms`; `None`
/// for every lesson without rooms, and for the lessons of groups not `running`. `sizes`:
/// the students of each group.
pub(super) fn assign(
    instance: &Instance,
    lessons: &Lessons,
    running: &[bool],
    sizes: &[u32],
) -> Result<Vec<Option<usize>>, Stuck> {
    let mut room_of = vec![None; lessons.list.len()];
    if !instance.has_rooms() {
        return Ok(room_of);
    }
    let rooms = &instance.rooms;
    let mut busy: BTreeMap<(usize, NaiveDate), Vec<TimeRange>> = BTreeMap::new();
    let mut groups: Vec<usize> = (0..instance.groups.len()).filter(|&g| running[g]).collect();
    groups.sort_by_key(|&g| (Reverse(sizes[g]), g));
    for g in groups {
        let group = &instance.groups[g];
        let mine = &lessons.of_group[g];
        let hosts = |r: usize, l: usize| {
            let slot = &lessons.classes[lessons.list[l].class].slot;
            rooms[r].can_host(&group.location, slot) && rooms[r].seats(sizes[g])
        };
        let free = |busy: &BTreeMap<(usize, NaiveDate), Vec<TimeRange>>, r: usize, l: usize| {
            let lesson = &lessons.list[l];
            busy.get(&(r, lesson.date))
                .is_none_or(|taken| !taken.iter().any(|t| t.overlaps(&lesson.time)))
        };
        let smallest = |candidates: &mut dyn Iterator<Item = usize>| {
            candidates.min_by_key(|&r| (rooms[r].capacity, r))
        };
        let whole = smallest(
            &mut (0..rooms.len())
                .filter(|&r| mine.iter().all(|&l| hosts(r, l) && free(&busy, r, l))),
        );
        let mut last = None;
        for &l in mine {
            // The group's own lessons may overlap (blocks that overlap in clock time): each
            // is checked against what is taken by then.
            let usable = |busy: &BTreeMap<_, _>, r: &usize| hosts(*r, l) && free(busy, *r, l);
            let room = whole
                .filter(|r| usable(&busy, r))
                .or_else(|| last.filter(|r| usable(&busy, r)))
                .or_else(|| smallest(&mut (0..rooms.len()).filter(|r| usable(&busy, r))))
                .ok_or_else(|| {
                    let lesson = &lessons.list[l];
                    Stuck::Room {
                        course: group.course_code.clone(),
                        date: lesson.date,
                        time: lesson.time,
                    }
                })?;
            let lesson = &lessons.list[l];
            busy.entry((room, lesson.date))
                .or_default()
                .push(lesson.time);
            room_of[l] = Some(room);
            last = Some(room);
        }
    }
    Ok(room_of)
}
