//! Pass: rooms (`rooms.csv`), only for a school with rooms. A room is a resource like a
//! teacher, and rooms nothing tells apart are counted together as a pool (`pools.rs`; "room"
//! r below is a pool of size(r) rooms): per class and pool that may hold it
//! ([`crate::model::Class::rooms`]) a count z[c, r] of the class's lessons held there (a
//! binary for a single lesson, or when classes are given whole):
//! - Σ_r z[c, r] = lessons(c) · active(c) (`open[g]`, or the class's alternative of
//!   meeting times chosen, [`Model::active`]): every lesson of a running group has one room;
//! - no room holds two lessons at once: at most size(r) lessons at once in a pool, over the
//!   per-lesson cliques of each pool and date, summed
//!   over the classes lined up with them, exactly as a teacher's no-overlap rows
//!   (`staffing.rs`, which the classes line up for rooms too);
//! - u[g, r] ≥ z[c, r] / lessons(c), u costing `[weights] room_change`: u is whether group
//!   g uses pool r, so the u count the distinct pools of a group (its distinct rooms when
//!   `solve::dates` gives it one room in each pool, which the solve verifies);
//! - the room seats the group: on average over the lessons of each class (the per-lesson
//!   rows summed, which keeps the relaxation tight, and exact for a class held in one room;
//!   for a class of some alternatives of meeting times only when it takes place, big-M),
//!   and pinned + Σ_types n[type, g] ≤ capacity(r) wherever u[g, r] (a big-M row, for a
//!   class whose lessons may be split over rooms, and a room smaller than the group can
//!   become), so an overfilled group needs a larger room;
//! - in a replan, a history lesson may use CURRENT's room alone (the classes know), and
//!   every lesson of c from the replan's date on in another room than CURRENT's costs
//!   `[weights] changed_room` ([`crate::domain::Frozen::is_room_change`]).
//!
//! The counts say how many lessons of a class are in each pool; `solve::dates` says which
//! lessons, and which room of the pool.

use super::variables::clean;
use super::{Cmp, Family, Model, Subject, VarId, VarKind};
use crate::domain::Instance;
use std::collections::BTreeMap;

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
    // The most students each group can hold: its pinned ones and every placement's bound.
    let most: Vec<f64> = (0..instance.groups.len())
        .map(|g| {
            let placed: f64 = members[g].iter().map(|&n| m.mip.vars[n].upper).sum();
            f64::from(m.pinned[g]) + placed
        })
        .collect();
    let w = instance.school.weights;
    let mut uses: BTreeMap<(usize, usize), Vec<(usize, VarId)>> = BTreeMap::new();
    let mut mine: Vec<Vec<(usize, VarId)>> = vec![Vec::new(); m.pools.rooms.len()];
    for ci in 0..m.classes.len() {
        let class = &m.classes[ci];
        let (gi, lessons, unit) = (class.group, f64::from(class.lessons()), m.unit(ci));
        let group = &instance.groups[gi];
        let name = format!(
            "{}_{}_{}",
            clean(group.course_code.as_str()),
            clean(&class.slot.to_string()),
            class.part
        );
        let mut cover = Vec::new();
        let mut seats = Vec::new();
        for &ri in &class.rooms.clone() {
            let room = &instance.rooms[m.pools.first(ri)];
            let moved = m.classes[ci].changed_rooms.contains(&ri);
            let cost = if moved { w.changed_room * unit } else { 0.0 };
            let upper = lessons / unit;
            let kind = if upper > 1.0 {
                VarKind::Integer
            } else {
                VarKind::Binary
            };
            let z = m.mip.var(
                format!("room_{name}_{}", pool_name(instance, m, ri)),
                kind,
                0.0,
                upper,
                cost,
            );
            m.rooms[ci].push((ri, z));
            mine[ri].push((ci, z));
            uses.entry((gi, ri)).or_default().push((ci, z));
            cover.push((z, unit));
            seats.push((z, -f64::from(room.capacity) * unit / lessons));
        }
        cover.push((m.active(ci), -lessons));
        m.mip.row(
            format!("room_{name}"),
            Family::Rooms,
            Subject::Class(ci),
            cover,
            Cmp::Eq,
            0.0,
        );
        seats.extend(members[gi].iter().map(|n| (*n, 1.0)));
        // A class of one alternative of meeting times seats the group only when it takes
        // place: + most · active(c) <= most (nothing asked when it does not).
        let mut rhs = -f64::from(m.pinned[gi]);
        if m.active(ci) != m.open[gi] {
            seats.push((m.active(ci), most[gi]));
            rhs += most[gi];
        }
        m.mip.row(
            format!("seats_{name}"),
            Family::Rooms,
            Subject::Class(ci),
            seats,
            Cmp::Le,
            rhs,
        );
    }
    for ((gi, ri), zs) in uses {
        let room = &instance.rooms[m.pools.first(ri)];
        // A class held in one room (a binary z) is seated exactly by its average row; a
        // count of 2 out of 5 is not, and must make u whole.
        let counted = zs
            .iter()
            .any(|(ci, _)| m.unit(*ci) < f64::from(m.classes[*ci].lessons()));
        let small = counted && f64::from(room.capacity) < most[gi];
        if w.room_change <= 0.0 && !small {
            continue;
        }
        let group = &instance.groups[gi];
        let name = format!(
            "keeps_{}_{}",
            clean(group.course_code.as_str()),
            pool_name(instance, m, ri)
        );
        let kind = if counted {
            VarKind::Binary
        } else {
            VarKind::Continuous
        };
        let u = m.mip.var(name.clone(), kind, 0.0, 1.0, w.room_change);
        m.keeps.insert((gi, ri), u);
        for (k, (ci, z)) in zs.into_iter().enumerate() {
            let n = f64::from(m.classes[ci].lessons()) / m.unit(ci);
            m.mip.row(
                format!("{name}_{}", k + 1),
                Family::Definition,
                Subject::Class(ci),
                vec![(z, 1.0), (u, -n)],
                Cmp::Le,
                0.0,
            );
        }
        if small {
            // pinned + Σ n ≤ capacity when u, ≤ most otherwise.
            let big = most[gi] - f64::from(room.capacity);
            let mut terms: Vec<(VarId, f64)> = members[gi].iter().map(|n| (*n, 1.0)).collect();
            terms.push((u, big));
            m.mip.row(
                format!("fits_{name}"),
                Family::Rooms,
                Subject::Group(gi),
                terms,
                Cmp::Le,
                most[gi] - f64::from(m.pinned[gi]),
            );
        }
    }
    for (ri, mine) in mine.iter().enumerate() {
        if mine.is_empty() {
            continue;
        }
        let name = format!("room_once_{}", pool_name(instance, m, ri));
        let size = m.pools.size(ri);
        super::staffing::overlap_rows(m, mine, &name, size, Family::Rooms, |_| Subject::School);
    }
}

/// A pool's name in the program: its room's id, or its first room's with the number of
/// rooms (`UTR-01_x3`).
fn pool_name(instance: &Instance, m: &Model, p: usize) -> String {
    let first = clean(instance.rooms[m.pools.first(p)].id.as_str());
    match m.pools.size(p) {
        1 => first,
        n => format!("{first}_x{n}"),
    }
}
