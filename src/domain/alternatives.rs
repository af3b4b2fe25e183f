//! A choice of meeting times (`|` in a group's `slots`): a group's alternatives, which a
//! student can come to, and the school with every group in its first.

use super::instance::{Group, Instance, Student};
use super::time::Slot;

impl Instance {
    /// The instance with every group with a choice of meeting times in its first
    /// alternative alone.
    pub fn in_first_alternatives(&self) -> Instance {
        let mut out = self.clone();
        for g in out.groups.iter_mut().filter(|g| g.has_choice()) {
            g.slots = g.choices.swap_remove(0);
            g.choices.clear();
        }
        out
    }
}

impl Group {
    /// The alternatives the group may meet in: its `choices`, or `slots` alone.
    pub fn alternatives(&self) -> Vec<&[Slot]> {
        if self.choices.is_empty() {
            vec![self.slots.as_slice()]
        } else {
            self.choices.iter().map(Vec::as_slice).collect()
        }
    }

    /// How many weekly slots the group meets in: those of one alternative (the most of any;
    /// E423 makes them equal).
    pub fn weekly_slots(&self) -> usize {
        self.alternatives()
            .iter()
            .map(|a| a.len())
            .max()
            .unwrap_or(0)
    }

    /// Whether the group has a choice of meeting times.
    pub fn has_choice(&self) -> bool {
        !self.choices.is_empty()
    }

    /// The alternatives (indices) that contain `slot`.
    pub fn alternatives_with(&self, slot: &Slot) -> Vec<usize> {
        self.alternatives()
            .iter()
            .enumerate()
            .filter(|(_, a)| a.contains(slot))
            .map(|(i, _)| i)
            .collect()
    }
}

impl Student {
    /// The weekly slots of `group` the student is not available for, in the alternative they
    /// miss least (none when one suits them; a group without a choice has one alternative).
    pub fn missed_slots(&self, group: &Group) -> Vec<String> {
        group
            .alternatives()
            .iter()
            .map(|a| {
                a.iter()
                    .filter(|slot| !self.available.allows(slot))
                    .map(ToString::to_string)
                    .collect::<Vec<String>>()
            })
            .min_by_key(Vec::len)
            .unwrap_or_default()
    }

    /// The alternatives (indices, see [`Group::alternatives`]) of `group` the student is
    /// available for in every weekly slot.
    pub fn fitting_alternatives(&self, group: &Group) -> Vec<usize> {
        group
            .alternatives()
            .iter()
            .enumerate()
            .filter(|(_, a)| self.available.allows_all(a.iter()))
            .map(|(i, _)| i)
            .collect()
    }
}
