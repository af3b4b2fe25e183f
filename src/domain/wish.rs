//! A teacher's wishes (`teachers.csv`: `prefers`, `avoids`): weekly slots, course codes or
//! locations, and whether a lesson meets or breaks them. One place: the program's costs, the
//! brute force, the checker's cost and the report all ask [`Wishes::judge`].

use super::ids::{CourseCode, Location};
use super::time::Slot;
use serde::Serialize;
use std::fmt;

/// One entry of `prefers` or `avoids`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub enum Wish {
    Slot(Slot),
    Course(CourseCode),
    Location(Location),
}

impl Wish {
    fn matches(&self, course: &CourseCode, location: &Location, slot: &Slot) -> bool {
        match self {
            Wish::Slot(s) => s == slot,
            Wish::Course(c) => c == course,
            Wish::Location(l) => l == location,
        }
    }
}

impl fmt::Display for Wish {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Wish::Slot(s) => write!(f, "{s}"),
            Wish::Course(c) => write!(f, "{c}"),
            Wish::Location(l) => write!(f, "{l}"),
        }
    }
}

/// A teacher's wishes; empty lists: none.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Wishes {
    pub prefers: Vec<Wish>,
    pub avoids: Vec<Wish>,
}

impl Wishes {
    pub fn is_empty(&self) -> bool {
        self.prefers.is_empty() && self.avoids.is_empty()
    }

    /// Whether a lesson of `course` at `location` in `slot`, given by this teacher, meets a
    /// wish (`Some(true)`), breaks one (`Some(false)`), or touches none (`None`). A lesson
    /// breaks a wish when it is of something the teacher avoids, or when the teacher prefers
    /// some things and it is none of them; it meets one when it is of something preferred
    /// and of nothing avoided.
    pub fn judge(&self, course: &CourseCode, location: &Location, slot: &Slot) -> Option<bool> {
        if self
            .avoids
            .iter()
            .any(|w| w.matches(course, location, slot))
        {
            return Some(false);
        }
        if self.prefers.is_empty() {
            return None;
        }
        Some(
            self.prefers
                .iter()
                .any(|w| w.matches(course, location, slot)),
        )
    }

    /// Whether such a lesson breaks a wish: what `[weights] teacher_preference` costs.
    pub fn broken_by(&self, course: &CourseCode, location: &Location, slot: &Slot) -> bool {
        self.judge(course, location, slot) == Some(false)
    }
}
