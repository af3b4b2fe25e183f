//! Every room assignment of the lessons of the running groups (`rooms.csv`): each lesson in
//! a room that can host it ([`crate::domain::Room::can_host`]), no room in two lessons that
//! overlap in time on a date. Rooms touch nothing of the staffing, and of the placing only
//! the most students each group may have (the smallest room it has a lesson in): so per
//! assignment the placing is the cheapest under those seats, and assignments that leave the
//! same seats differ only in their cost (`room_change` per distinct room of a group, and in a
//! replan `changed_room` per lesson from its date on in another room than the schedule
//! replaced had), of which the least is kept. A replan's history lesson keeps its room.

use super::staffing::Lesson;
use crate::domain::Instance;
use std::collections::{BTreeMap, BTreeSet};

/// An assignment's seats per group (`u32::MAX` for a group without lessons), its cost and
/// the room (index into `instance.rooms`) of every lesson of a running group.
pub struct Rooms {
    pub seats: Vec<u32>,
    pub cost: f64,
    pub room_of: BTreeMap<usize, usize>,
}

/// The cheapest assignment for every distinct vector of seats, in the order of the seats;
/// empty when the lessons of the running groups cannot all have a room.
pub fn assignments(instance: &Instance, lessons: &[Lesson], running: &[bool]) -> Vec<Rooms> {
    let todo: Vec<usize> = (0..lessons.len())
        .filter(|&l| running[lessons[l].group])
        .collect();
    let mut search = Search {
        instance,
        lessons,
        todo,
        chosen: Vec::new(),
        best: BTreeMap::new(),
    };
    search.go(0);
    search
        .best
        .into_iter()
        .map(|(seats, (cost, room_of))| Rooms {
            seats,
            cost,
            room_of,
        })
        .collect()
}

struct Search<'a> {
    instance: &'a Instance,
    lessons: &'a [Lesson],
    todo: Vec<usize>,
    /// (lesson, room) so far, in `todo` order.
    chosen: Vec<(usize, usize)>,
    best: BTreeMap<Vec<u32>, (f64, BTreeMap<usize, usize>)>,
}

impl Search<'_> {
    fn go(&mut self, i: usize) {
        if i == self.todo.len() {
            self.record();
            return;
        }
        let li = self.todo[i];
        let l = &self.lessons[li].lesson;
        for (ri, room) in self.instance.rooms.iter().enumerate() {
            if !room.can_host(&l.location, &l.slot) {
                continue;
            }
            let frozen = self.instance.frozen.as_ref();
            if frozen.is_some_and(|f| !f.room_allows(&l.course_code, l.date, &l.slot, &room.id)) {
                continue;
            }
            let taken = self.chosen.iter().any(|&(o, r)| {
                let other = &self.lessons[o].lesson;
                r == ri && other.date == l.date && other.time.overlaps(&l.time)
            });
            if taken {
                continue;
            }
            self.chosen.push((li, ri));
            self.go(i + 1);
            self.chosen.pop();
        }
    }

    fn record(&mut self) {
        let mut seats = vec![u32::MAX; self.instance.groups.len()];
        let mut pairs = BTreeSet::new();
        for &(li, ri) in &self.chosen {
            let g = self.lessons[li].group;
            seats[g] = seats[g].min(self.instance.rooms[ri].capacity);
            pairs.insert((g, ri));
        }
        let w = &self.instance.school.weights;
        let moved = self.instance.frozen.as_ref().map_or(0, |f| {
            self.chosen
                .iter()
                .filter(|&&(li, ri)| {
                    let l = &self.lessons[li].lesson;
                    f.is_room_change(
                        &l.course_code,
                        l.date,
                        &l.slot,
                        Some(&self.instance.rooms[ri].id),
                    )
                })
                .count()
        });
        let cost = w.room_change * pairs.len() as f64 + w.changed_room * moved as f64;
        let better = self.best.get(&seats).is_none_or(|(c, _)| cost < *c);
        if better {
            self.best
                .insert(seats, (cost, self.chosen.iter().copied().collect()));
        }
    }
}
