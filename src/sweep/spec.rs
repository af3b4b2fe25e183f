//! A sweep as read from its scenario file: the base instance, the axes of variation and the
//! solver settings. Every value here has been checked against the base instance.

use crate::domain::{Location, Profile, RoomId, RuleSet, TeacherId};
use crate::outcome::Backend;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::PathBuf;

/// Students of one profile at one location, to add or to remove.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Cell {
    pub location: Location,
    pub profile: Profile,
    pub count: u32,
}

/// One variation of the base instance and rule set. Several combine into one scenario:
/// later axes override single values and add to lists.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Change {
    /// Rule set reference (built-in name or path), resolved in [`SweepSpec::rule_sets`].
    pub rules: Option<String>,
    /// Exception 2 on (the Addendum's temporary maxima) or off (standard maxima only).
    pub temporary_maxima: Option<bool>,
    /// Norm 1.7.1a's floor, in percent.
    pub certified_floor: Option<f64>,
    /// Whether non-certified teachers need a mentor.
    pub mentoring: Option<bool>,
    pub remove_teachers: Vec<TeacherId>,
    /// Share of the certified teachers that leaves, in percent, chosen by seed.
    pub remove_certified_percent: Option<f64>,
    /// Number of certified teachers that leaves, chosen by seed.
    pub remove_certified_count: Option<u32>,
    /// A cap on every teacher's lessons per week.
    pub max_lessons_per_week: Option<u32>,
    /// Every teacher's weekly maximum scaled to this percentage (teachers without a maximum:
    /// of the weekly slots they are available).
    pub max_lessons_percent: Option<f64>,
    /// Teachers who get registered (non-certified becomes certified).
    pub certify: Vec<TeacherId>,
    /// Teachers who count as non-certified.
    pub decertify: Vec<TeacherId>,
    pub add_students: Vec<Cell>,
    pub remove_students: Vec<Cell>,
    /// Every group may stay closed when it cannot be staffed or filled (as optional groups),
    /// so that a shortage shows as students without a place instead of no schedule at all.
    pub groups_may_close: Option<bool>,
    /// Teachers who leave from a date on: the scenario is the plan of the rest of the
    /// change, replanned from the earliest date with them unavailable to the term's end.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub leave: Vec<Leave>,
    /// Rooms taken out of rooms.csv.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub remove_rooms: Vec<RoomId>,
    /// Every room's seats scaled to this percentage, rounded down.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rooms_capacity_percent: Option<f64>,
}

/// A teacher who leaves from a date on (`leave = [{ teacher = "T03", from = "2025-11-01" }]`).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Leave {
    pub teacher: TeacherId,
    pub from: chrono::NaiveDate,
}

impl Change {
    /// `other` applied after `self`: its single values win, its lists are added.
    pub fn then(&self, other: &Change) -> Change {
        fn pick<T: Clone>(a: &Option<T>, b: &Option<T>) -> Option<T> {
            b.clone().or_else(|| a.clone())
        }
        fn join<T: Clone>(a: &[T], b: &[T]) -> Vec<T> {
            a.iter().chain(b).cloned().collect()
        }
        Change {
            rules: pick(&self.rules, &other.rules),
            temporary_maxima: pick(&self.temporary_maxima, &other.temporary_maxima),
            certified_floor: pick(&self.certified_floor, &other.certified_floor),
            mentoring: pick(&self.mentoring, &other.mentoring),
            remove_teachers: join(&self.remove_teachers, &other.remove_teachers),
            remove_certified_percent: pick(
                &self.remove_certified_percent,
                &other.remove_certified_percent,
            ),
            remove_certified_count: pick(
                &self.remove_certified_count,
                &other.remove_certified_count,
            ),
            max_lessons_per_week: pick(&self.max_lessons_per_week, &other.max_lessons_per_week),
            max_lessons_percent: pick(&self.max_lessons_percent, &other.max_lessons_percent),
            certify: join(&self.certify, &other.certify),
            decertify: join(&self.decertify, &other.decertify),
            add_students: join(&self.add_students, &other.add_students),
            remove_students: join(&self.remove_students, &other.remove_students),
            groups_may_close: pick(&self.groups_may_close, &other.groups_may_close),
            leave: join(&self.leave, &other.leave),
            remove_rooms: join(&self.remove_rooms, &other.remove_rooms),
            rooms_capacity_percent: pick(
                &self.rooms_capacity_percent,
                &other.rooms_capacity_percent,
            ),
        }
    }

    /// Whether the change draws at random (who leaves, which students come or go), so that
    /// it is solved once per seed.
    pub fn is_random(&self) -> bool {
        // (A leave draws nothing; its date is written.)
        self.remove_certified_percent.is_some_and(|p| p > 0.0)
            || self.remove_certified_count.is_some_and(|c| c > 0)
            || self.add_students.iter().any(|c| c.count > 0)
            || self.remove_students.iter().any(|c| c.count > 0)
    }
}

pub use crate::outcome::sweep::Vary;

/// One value along an axis.
#[derive(Clone, Debug, PartialEq)]
pub struct Variant {
    pub label: String,
    /// The number on the axis, for a levels axis.
    pub level: Option<f64>,
    pub change: Change,
}

/// One dimension of the sweep: a list of variants, or a variation over levels.
#[derive(Clone, Debug, PartialEq)]
pub struct Axis {
    pub name: String,
    /// Set for a levels axis: what the level is.
    pub vary: Option<Vary>,
    pub variants: Vec<Variant>,
}

/// A whole sweep: the base, the axes and how to solve.
#[derive(Clone, Debug)]
pub struct SweepSpec {
    /// The scenario file, as given.
    pub file: PathBuf,
    pub title: String,
    pub instance_dir: PathBuf,
    pub seeds: Vec<u64>,
    /// The file's `solver` (`auto` is read as [`Backend::auto`]); `None`: the command line
    /// decides.
    pub solver: Option<Backend>,
    pub time_limit: Option<f64>,
    pub gap: Option<f64>,
    /// Applied to every scenario before the axes.
    pub base: Change,
    pub axes: Vec<Axis>,
    /// Every rule set reference of the file, resolved.
    pub rule_sets: BTreeMap<String, RuleSet>,
}

/// A level as text: whole numbers without decimals, others with as few as needed.
pub fn level_label(level: f64) -> String {
    if level.fract() == 0.0 && level.abs() < 1e15 {
        format!("{}", level as i64)
    } else {
        let s = format!("{level:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn later_changes_override_values_and_add_to_lists() {
        let a = Change {
            rules: Some("handleiding-2024".into()),
            certified_floor: Some(80.0),
            remove_teachers: vec![TeacherId::new("T01")],
            ..Change::default()
        };
        let b = Change {
            rules: Some("addendum-2025".into()),
            remove_teachers: vec![TeacherId::new("T02")],
            ..Change::default()
        };
        let c = a.then(&b);
        assert_eq!(c.rules.as_deref(), Some("addendum-2025"));
        assert_eq!(c.certified_floor, Some(80.0));
        assert_eq!(c.remove_teachers.len(), 2);
    }

    #[test]
    fn only_a_nonzero_random_choice_is_random() {
        let zero = Change {
            remove_certified_percent: Some(0.0),
            ..Change::default()
        };
        assert!(!zero.is_random());
        let some = Change {
            remove_certified_percent: Some(5.0),
            ..Change::default()
        };
        assert!(some.is_random());
        let by_id = Change {
            remove_teachers: vec![TeacherId::new("T01")],
            ..Change::default()
        };
        assert!(!by_id.is_random());
    }

    #[test]
    fn levels_print_without_needless_decimals() {
        assert_eq!(level_label(20.0), "20");
        assert_eq!(level_label(2.5), "2.5");
        assert_eq!(level_label(0.1 + 0.2), "0.3");
    }
}
