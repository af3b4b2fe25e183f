//! How far a schedule falls short of the norms, in the units the best-effort plan minimizes
//! lexicographically: plain counts. `check` counts them from a schedule
//! (`CheckReport::shortfall`); `solve::best_effort` minimizes them.

use serde::Serialize;

/// The shortfall vector, compared lexicographically in the order of its fields.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub struct Shortfall {
    /// Lessons of running groups that nobody gives (C141, summed over courses).
    pub lessons_without_teacher: u64,
    /// Certified lessons missing in courses below `min_certified_lessons_per_course`
    /// (C111); with the default of one, the number of courses without a certified lesson.
    pub course_certified_missing: u64,
    /// Certified lessons missing for the rule set's minimum share (C101), counted over the
    /// lessons given.
    pub floor_lessons_missing: u64,
    /// Non-certified teachers who teach without a mentor place (C131), when the rule set
    /// requires supervision.
    pub mentor_places_missing: u64,
}

impl Shortfall {
    /// The four amounts in lexicographic order.
    pub fn levels(&self) -> [u64; 4] {
        [
            self.lessons_without_teacher,
            self.course_certified_missing,
            self.floor_lessons_missing,
            self.mentor_places_missing,
        ]
    }

    /// Nothing short.
    pub fn is_none(&self) -> bool {
        self.levels() == [0; 4]
    }
}
