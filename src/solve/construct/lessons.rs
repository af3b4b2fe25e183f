//! The dated lessons of every group with the teachers who could give them, taken from the
//! classes the restriction uses (`model::classes`, `Formulation::Segment`): a class is a run
//! of dates of one weekly series on which the same teachers are eligible (location,
//! profile, weekly availability, not unavailable that day), so its candidates are every
//! one of its lessons' candidates.

use crate::domain::{Instance, RuleSet, TimeRange};
use crate::model::classes::{self, Class, Formulation, Refinement, Week, week_of};
use chrono::NaiveDate;

/// One dated lesson of a group.
#[derive(Clone, Debug)]
pub(super) struct Lesson {
    /// Index into `instance.groups`.
    pub group: usize,
    pub date: NaiveDate,
    pub time: TimeRange,
    pub week: Week,
    /// Index into [`Lessons::classes`].
    pub class: usize,
    /// Whether the rule set covers the date: a lesson it does not cover cannot be judged,
    /// so nobody may give it.
    pub judged: bool,
}

pub(super) struct Lessons {
    pub list: Vec<Lesson>,
    pub classes: Vec<Class>,
    /// Per group: its lessons, in date and time order.
    pub of_group: Vec<Vec<usize>>,
}

impl Lessons {
    pub fn new(instance: &Instance, rules: &RuleSet) -> Lessons {
        let classes = classes::classes(instance, Formulation::Segment, &Refinement::default()).list;
        let mut list = Vec::new();
        for (c, class) in classes.iter().enumerate() {
            for &date in &class.dates {
                list.push(Lesson {
                    group: class.group,
                    date,
                    time: class.time,
                    week: week_of(date),
                    class: c,
                    judged: rules.covers(date),
                });
            }
        }
        list.sort_by_key(|l| (l.group, l.date, l.time));
        let mut of_group = vec![Vec::new(); instance.groups.len()];
        for (i, l) in list.iter().enumerate() {
            of_group[l.group].push(i);
        }
        Lessons {
            list,
            classes,
            of_group,
        }
    }

    /// The teachers who could give lesson `l`, in teacher order.
    pub fn candidates(&self, l: usize) -> &[usize] {
        let lesson = &self.list[l];
        if lesson.judged {
            &self.classes[lesson.class].candidates
        } else {
            &[]
        }
    }

    pub fn is_candidate(&self, l: usize, t: usize) -> bool {
        self.candidates(l).binary_search(&t).is_ok()
    }
}
