//! Lessons generated from the groups' weekly slots over their dates.

use super::ids::{CourseCode, Location};
use super::instance::{Group, Instance};
use super::time::{Day, Slot, TimeRange};
use chrono::NaiveDate;
use serde::Serialize;

/// One dated, timed lesson of a group (not yet staffed).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Lesson {
    pub date: NaiveDate,
    pub time: TimeRange,
    pub course_code: CourseCode,
    pub location: Location,
    pub slot: Slot,
}

impl Instance {
    /// The lessons of `group`: every date from its start to its end whose day has a slot of
    /// the group, skipping closed days, in date and time order. For a group with a choice of
    /// meeting times these are the lessons of every alternative (the candidates; a schedule
    /// holds those of the one chosen).
    pub fn lessons_of(&self, group: &Group) -> Vec<Lesson> {
        let mut out = Vec::new();
        let mut date = group.start;
        while date <= group.end {
            if self.school.is_open(date) {
                let day = Day::of(date);
                for slot in group.slots.iter().filter(|s| s.day == day) {
                    if let Some(block) = self.school.block(slot.block.as_str()) {
                        out.push(Lesson {
                            date,
                            time: block.time,
                            course_code: group.course_code.clone(),
                            location: group.location.clone(),
                            slot: slot.clone(),
                        });
                    }
                }
            }
            match date.succ_opt() {
                Some(next) => date = next,
                None => break,
            }
        }
        out.sort();
        out
    }

    /// The lessons of `group` when it meets in its first alternative (see
    /// [`Group::alternatives`]): what the group has without a choice of meeting times, and
    /// what a count of the school's lessons counts (the alternatives of a group have as many
    /// weekly lessons, E423).
    pub fn first_alternative_lessons(&self, group: &Group) -> Vec<Lesson> {
        let first = group.alternatives()[0].to_vec();
        let mut lessons = self.lessons_of(group);
        lessons.retain(|l| first.contains(&l.slot));
        lessons
    }

    /// Every planned lesson of every group, in date, time and course order.
    pub fn lessons(&self) -> Vec<Lesson> {
        let mut all: Vec<Lesson> = self
            .groups
            .iter()
            .flat_map(|g| self.lessons_of(g))
            .collect();
        all.sort();
        all
    }
}
