//! Rooms (C163..C166), only when the instance has rooms (`rooms.csv`): every timetable row of
//! a group has a room (C163) at the group's location and available in the row's block (C164),
//! seating the students placed in the group (C165), and no room holds two rows at
//! overlapping times on one date (C166). Every row counts, also one nobody gives: the program
//! keeps a room for every lesson of a running group. A room the instance lacks is C157.
//!
//! The rules are [`crate::domain::Room::can_host`] and [`crate::domain::Room::seats`], which
//! the program and the brute force use too.

use super::facts::{Facts, list_some, list_some_nl};
use super::types::{Finding, SubjectKind};
use crate::diag::FindingCode;
use crate::domain::{CourseCode, Day, RoomId, Slot, TimetableRow};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// The findings of every rule above, aggregated per course, course and room, or room.
pub fn judge(f: &Facts) -> Vec<Finding> {
    let instance = f.instance;
    if !instance.has_rooms() {
        return Vec::new();
    }
    let mut without: BTreeMap<&CourseCode, Vec<NaiveDate>> = BTreeMap::new();
    // The lesson dates, and why the room is not usable in English and in Dutch.
    type Why = (String, String);
    let mut unusable: BTreeMap<(&CourseCode, &RoomId), (Vec<NaiveDate>, Why)> = BTreeMap::new();
    let mut small: BTreeMap<(&CourseCode, &RoomId), u32> = BTreeMap::new();
    let mut unknown: BTreeMap<&RoomId, usize> = BTreeMap::new();
    let mut by_room: BTreeMap<(&RoomId, NaiveDate), Vec<&TimetableRow>> = BTreeMap::new();
    for row in &f.schedule.timetable {
        let Some(id) = &row.room else {
            if f.groups.contains_key(&row.course_code) {
                without.entry(&row.course_code).or_default().push(row.date);
            }
            continue;
        };
        by_room.entry((id, row.date)).or_default().push(row);
        let Some(room) = instance.room(id) else {
            *unknown.entry(id).or_default() += 1;
            continue;
        };
        let slot = slot_of(f, row);
        let available = slot.as_ref().is_none_or(|s| room.available.allows(s));
        let why = if room.location != row.location {
            Some((
                format!("is at {}, not at {}", room.location, row.location),
                format!("is in {}, niet in {}", room.location, row.location),
            ))
        } else if !available {
            Some((
                "is not available in the block".to_string(),
                "is in dat blok niet beschikbaar".to_string(),
            ))
        } else {
            None
        };
        if let Some(why) = why {
            let entry = unusable
                .entry((&row.course_code, id))
                .or_insert_with(|| (Vec::new(), why));
            entry.0.push(row.date);
        }
        let size = f.size(&row.course_code);
        if !room.seats(size) {
            small.insert((&row.course_code, id), size);
        }
    }
    let mut out = Vec::new();
    for (code, dates) in without {
        out.push(
            Finding::new(
                FindingCode::LessonWithoutRoom,
                SubjectKind::Course,
                code.as_str(),
                format!(
                    "{} lesson(s) of {code} have no room: {}",
                    dates.len(),
                    list_some(&dates)
                ),
            )
            .nl(format!(
                "{} les(sen) van {code} hebben geen lokaal: {}",
                dates.len(),
                list_some_nl(&dates)
            ))
            .times(dates.len()),
        );
    }
    for ((code, id), (dates, (why, why_nl))) in unusable {
        out.push(
            Finding::new(
                FindingCode::RoomNotUsable,
                SubjectKind::Course,
                code.as_str(),
                format!(
                    "room {id} of {} lesson(s) of {code} {why}: {}",
                    dates.len(),
                    list_some(&dates)
                ),
            )
            .nl(format!(
                "lokaal {id} van {} les(sen) van {code} {why_nl}: {}",
                dates.len(),
                list_some_nl(&dates)
            ))
            .times(dates.len()),
        );
    }
    for ((code, id), size) in small {
        let capacity = instance.room(id).map_or(0, |r| r.capacity);
        out.push(Finding::new(
            FindingCode::RoomTooSmall,
            SubjectKind::Course,
            code.as_str(),
            format!(
                "group {code} has {size} student(s), more than the {capacity} seats of room {id}"
            ),
        )
        .nl(format!(
            "groep {code} heeft {size} cursist(en), meer dan de {capacity} plaatsen van lokaal {id}"
        )));
    }
    out.extend(double_booked(&by_room));
    for (id, n) in unknown {
        out.push(
            Finding::new(
                FindingCode::UnknownReference,
                SubjectKind::Room,
                id.as_str(),
                format!("room {id} of {n} timetable row(s) is not in rooms.csv"),
            )
            .nl(format!(
                "lokaal {id} van {n} roosterregel(s) staat niet in rooms.csv"
            ))
            .times(n),
        );
    }
    out
}

/// C166 per room: the dates on which two of its rows overlap in time.
fn double_booked(by_room: &BTreeMap<(&RoomId, NaiveDate), Vec<&TimetableRow>>) -> Vec<Finding> {
    // The clashes in English and in Dutch.
    type Clashes = (Vec<String>, Vec<String>);
    let mut clashes: BTreeMap<&RoomId, Clashes> = BTreeMap::new();
    for ((id, date), rows) in by_room {
        for (i, a) in rows.iter().enumerate() {
            for b in rows.iter().skip(i + 1) {
                if a.time.overlaps(&b.time) {
                    let (en, nl) = clashes.entry(id).or_default();
                    en.push(format!("{date} {} and {}", a.course_code, b.course_code));
                    nl.push(format!("{date} {} en {}", a.course_code, b.course_code));
                }
            }
        }
    }
    clashes
        .into_iter()
        .map(|(id, (what, what_nl))| {
            Finding::new(
                FindingCode::RoomDoubleBooked,
                SubjectKind::Room,
                id.as_str(),
                format!(
                    "room {id} holds two lessons at once {} time(s): {}",
                    what.len(),
                    list_some(&what)
                ),
            )
            .nl(format!(
                "in lokaal {id} zijn {} keer twee lessen tegelijk: {}",
                what_nl.len(),
                list_some_nl(&what_nl)
            ))
            .times(what.len())
        })
        .collect()
}

/// The weekly slot of a row: its weekday and the block with its time (`None` when no block
/// has it, which C143 reports).
fn slot_of(f: &Facts, row: &TimetableRow) -> Option<Slot> {
    let block = f
        .instance
        .school
        .blocks
        .iter()
        .find(|b| b.time == row.time)?;
    Some(Slot {
        day: Day::of(row.date),
        block: block.name.clone(),
    })
}

#[cfg(test)]
mod tests;
