//! Pass: rooms (`rooms.csv`), only for a school with rooms. A binary y[c, r] per class and
//! room that can host it ([`crate::domain::Room::can_host`]):
//! - Σ_r y[c, r] = active(c) (`open[g]`, or the class's alternative chosen): every lesson of a running group has one room;
//! - pinned + Σ_types n[type, g] − Σ_r capacity(r) · y[c, r] ≤ 0: the room seats the group
//!   (for a closed group both sides are 0), so an overfilled group needs a larger room;
//! - per room, date and moment a lesson that may use it starts: Σ y over the lessons going
//!   on then ≤ 1 (the maximal cliques of an interval graph);
//! - u[g, r] ≥ y[c, r], u costing `[weights] room_change`: every distinct room of a group;
//! - in a replan, a history lesson has a y for CURRENT's room alone, and y[c, r] costs
//!   `[weights] changed_room` per lesson of c from the replan's date on that CURRENT held in
//!   another room than r ([`crate::domain::Frozen::is_room_change`]).
//!
//! y[c, r] gives every lesson of class c the same room. That is exact only when every class
//! is one lesson: [`formulation_for`] makes `build` use the per-lesson program for a school
//! with rooms (the restriction `Segment`, every class whole, stays a restriction).

use super::variables::clean;
use super::{Cmp, Family, Formulation, Model, Subject, VarId};
use crate::domain::Instance;
use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};

/// The program `build` makes of `formulation` for `instance`: with rooms, the classes of
/// dates give way to one class per lesson, so that every lesson has a room of its own.
pub fn formulation_for(instance: &Instance, formulation: Formulation) -> Formulation {
    if instance.has_rooms() && formulation == Formulation::Class {
        Formulation::Lesson
    } else {
        formulation
    }
}

pub fn run(instance: &Instance, m: &mut Model) {
    if !instance.has_rooms() {
        return;
    }
    let mut members: Vec<Vec<VarId>> = vec![Vec::new(); instance.groups.len()];
    for place in &m.place {
        for (g, n) in place {
            members[*g].push(*n);
        }
    }
    let weight = instance.school.weights.room_change;
    let mut kept: BTreeMap<(usize, usize), VarId> = BTreeMap::new();
    let mut by_room_date: BTreeMap<(usize, NaiveDate), Vec<(usize, VarId)>> = BTreeMap::new();
    for ci in 0..m.classes.len() {
        let (gi, slot) = (m.classes[ci].group, m.classes[ci].slot.clone());
        let group = &instance.groups[gi];
        let name = format!(
            "{}_{}_{}",
            clean(group.course_code.as_str()),
            clean(&slot.to_string()),
            m.classes[ci].part
        );
        let mut cover = Vec::new();
        let mut seats = Vec::new();
        for (ri, room) in instance.rooms.iter().enumerate() {
            if !room.can_host(&group.location, &slot) {
                continue;
            }
            let dates = &m.classes[ci].dates;
            let mut moved = 0.0;
            if let Some(f) = &instance.frozen {
                let code = &group.course_code;
                if !dates
                    .iter()
                    .all(|d| f.room_allows(code, *d, &slot, &room.id))
                {
                    continue;
                }
                moved = dates
                    .iter()
                    .filter(|d| f.is_room_change(code, **d, &slot, Some(&room.id)))
                    .count() as f64;
            }
            let y = m.mip.binary(
                format!("room_{name}_{}", clean(room.id.as_str())),
                instance.school.weights.changed_room * moved,
            );
            m.rooms[ci].push((ri, y));
            cover.push((y, 1.0));
            seats.push((y, -f64::from(room.capacity)));
            for d in &m.classes[ci].dates {
                by_room_date.entry((ri, *d)).or_default().push((ci, y));
            }
            if weight > 0.0 {
                let u = *kept.entry((gi, ri)).or_insert_with(|| {
                    m.mip.binary(
                        format!(
                            "keeps_{}_{}",
                            clean(group.course_code.as_str()),
                            clean(room.id.as_str())
                        ),
                        weight,
                    )
                });
                m.mip.row(
                    format!("keeps_{name}_{}", clean(room.id.as_str())),
                    Family::Definition,
                    Subject::Class(ci),
                    vec![(y, 1.0), (u, -1.0)],
                    Cmp::Le,
                    0.0,
                );
            }
        }
        cover.push((m.active(ci), -1.0));
        m.mip.row(
            format!("room_{name}"),
            Family::Rooms,
            Subject::Class(ci),
            cover,
            Cmp::Eq,
            0.0,
        );
        seats.extend(members[gi].iter().map(|n| (*n, 1.0)));
        m.mip.row(
            format!("seats_{name}"),
            Family::Rooms,
            Subject::Class(ci),
            seats,
            Cmp::Le,
            -f64::from(m.pinned[gi]),
        );
    }
    for ((ri, date), here) in by_room_date {
        let mut cliques: BTreeSet<Vec<VarId>> = BTreeSet::new();
        for &(a, _) in &here {
            let start = m.classes[a].time.start;
            let on: Vec<VarId> = here
                .iter()
                .filter(|(c, _)| {
                    let t = m.classes[*c].time;
                    t.start <= start && start < t.end
                })
                .map(|(_, y)| *y)
                .collect();
            if on.len() > 1 {
                cliques.insert(on);
            }
        }
        let room = clean(instance.rooms[ri].id.as_str());
        for (k, clique) in cliques.into_iter().enumerate() {
            m.mip.row(
                format!("room_once_{room}_{}_{k}", date.format("%Y%m%d")),
                Family::Rooms,
                Subject::School,
                clique.into_iter().map(|y| (y, 1.0)).collect(),
                Cmp::Le,
                1.0,
            );
        }
    }
}
