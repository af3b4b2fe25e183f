//! A lower bound on the cost of every compliant schedule, from flows and counting alone:
//! no integer program, no LP, a fraction of a second on the largest instances.
//!
//! The objective (`check::cost`) is a sum of terms, each a weight (at least 0) times a count.
//! For any split of the terms into parts, `min (A + B) >= min A + min B`: the cheapest
//! schedule pays each part at least what the cheapest schedule for that part alone pays. So
//! each part below bounds its own terms over a *relaxation* (fewer rules, so at least every
//! compliant schedule) of the exact problem (every dated lesson its own teacher), and their
//! sum is a valid bound. Which groups run is the link between the parts; each part bounds
//! the terms for every choice of the optional groups at once.
//!
//! A group *must run* when it is not optional or has a pinned student (as in the program:
//! `model::variables`); every lesson of a must-run group needs a teacher. Opening more
//! groups only adds lessons, pairs and openings, so parts 2 and 3 count must-run groups only.
//!
//! 1. **Placement** (`placement.rs`): unplaced students, students above the standard maximum,
//!    location ranks, and the optional groups opened. A minimum-cost flow of the unpinned
//!    students (the program's interchangeable types, `model::students`) to the groups they fit
//!    (profile, accepted location, available in every slot), or to "unplaced" at
//!    `unplaced_student`; a group takes up to its standard maximum free and, where the size
//!    class allows overflow, up to its temporary maximum at `student_above_standard` a student,
//!    after its pinned students. Every placement of a compliant schedule is such a flow at the
//!    cost it pays for these terms, so the flow's optimum is a bound. Left out (relaxed):
//!    exception 2's condition, `min_size`, and the opening itself, which is a fixed cost; in
//!    its place each student in an optional group pays the group's opening cost (below) divided
//!    by the most students it can hold: since a group that holds `f` students of at most `cap`
//!    is open, `opening · open >= opening · f / cap`. A group's opening cost is
//!    `optional_group_opened` plus `teacher_per_group` times the fewest teachers its lessons
//!    need (part 3; an opened group's pairs are not among the must-run groups' pairs). An
//!    optional group whose lessons no set of teachers can give cannot open and takes no one.
//!    Optional groups that must open (pinned students) pay `optional_group_opened` for certain.
//! 2. **Non-certified lessons** (`certified.rs`): every lesson of a must-run group is given by
//!    someone, so the lessons given by non-certified teachers are at least those lessons minus
//!    the most of them certified teachers can give. That most is bounded by a maximum flow:
//!    lesson → (certified candidate, date, clock time) → (teacher, date, clock times that
//!    overlap in a chain) with at most as many lessons as its times hold pairwise apart →
//!    (teacher, ISO week) with at most `max_lessons_per_week`. Every compliant staffing's
//!    certified lessons are such a flow (a teacher gives one lesson at a time, so one per time
//!    and at most a set apart per chain), so the flow is at least as large. The floor of
//!    1.7.1a and the lessons per course of 1.7.1b only ask for more certified lessons, and
//!    mentoring only limits the non-certified teachers: leaving them out keeps the bound.
//! 3. **Continuity** (`continuity.rs`): a must-run group's distinct teachers give all its
//!    lessons between them. Each candidate can give at most the group's lessons they are
//!    eligible for, at most a set apart in time per date and at most `max_lessons_per_week`
//!    per ISO week (ignoring every other group: more room, so a relaxation); `k` teachers give
//!    at most the `k` largest of those amounts together, so the group has at least the
//!    smallest `k` whose largest amounts reach its lessons.
//! 4. **The constant**: pinned students' location ranks, and their steps above the standard
//!    maximum, which every schedule pays (`check::cost` counts them like anyone's).
//!
//! Costs in the flow are whole multiples of a power of two (`2^-20` for the default weights),
//! rounded down: that only lowers the bound, and with whole weights it is exact. A weight below
//! 0 or not finite (which `validate` refuses, E204) makes any sum of parts meaningless, and
//! the bound is then minus infinity.

mod certified;
mod continuity;
mod flow;
mod placement;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_referees;

use crate::domain::{Instance, RuleSet, TimeRange, Weights};
use crate::model::classes::{self, Class, Formulation, Refinement};
use crate::model::students::{self, StudentType};
use serde::Serialize;

/// A lower bound on the objective of every compliant schedule, with its parts (weighted)
/// and the counts behind them.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Bound {
    /// The bound: the sum of the parts.
    pub total: f64,
    /// Unplaced students, students above the standard maximum, unpinned students' location
    /// ranks, and the opening of optional groups that take students (part 1).
    pub placement: f64,
    /// Optional groups that must open, for their pinned students.
    pub forced_openings: f64,
    /// Lessons that only non-certified teachers can be left to give (part 2).
    pub non_certified: f64,
    /// Distinct teachers the must-run groups need (part 3).
    pub continuity: f64,
    /// Pinned students' location ranks and steps above the standard maximum.
    pub constant: f64,
    /// Students the cheapest placement leaves out.
    pub unplaced_students: u64,
    /// Lessons of the groups that must run.
    pub lessons: u64,
    /// The most of them certified teachers can give.
    pub certified_at_most: u64,
    /// The fewest (teacher, group) pairs of the groups that must run.
    pub teacher_pairs_at_least: u64,
}

/// What the parts share: the instance's dated lessons with their candidates, and who must
/// run.
struct Context<'a> {
    instance: &'a Instance,
    /// The dated lessons of every group in classes of dates with the same eligible teachers
    /// (`Formulation::Segment`: cut only where they change).
    classes: Vec<Class>,
    types: Vec<StudentType>,
    /// Pinned students per group.
    pinned: Vec<u32>,
    must_run: Vec<bool>,
    /// Per teacher: whether they may give lessons at all (a weekly maximum above 0).
    teaches: Vec<bool>,
}

impl<'a> Context<'a> {
    fn new(instance: &'a Instance) -> Context<'a> {
        let classes = classes::classes(instance, Formulation::Segment, &Refinement::default());
        let (types, pinned) = students::student_types(instance);
        let must_run = instance
            .groups
            .iter()
            .zip(&pinned)
            .map(|(g, &p)| !g.optional || p > 0)
            .collect();
        let teaches = instance
            .teachers
            .iter()
            .map(|t| t.max_lessons_per_week != Some(0))
            .collect();
        Context {
            instance,
            classes: classes.list,
            types,
            pinned,
            must_run,
            teaches,
        }
    }

    /// The candidates of a class who may teach at all.
    fn candidates<'c>(&'c self, class: &'c Class) -> impl Iterator<Item = usize> + 'c {
        class
            .candidates
            .iter()
            .copied()
            .filter(|&t| self.teaches[t])
    }
}

/// A lower bound on `check::cost(instance, rules, s).total` for every schedule `s` that
/// meets every hard rule of `rules` (see the module's documentation for why).
pub fn lower_bound(instance: &Instance, rules: &RuleSet) -> Bound {
    let w = instance.school.weights;
    if !weights_usable(&w) {
        return Bound {
            total: f64::NEG_INFINITY,
            ..Bound::default()
        };
    }
    let cx = Context::new(instance);
    let teachers = continuity::fewest_teachers(&cx);
    let certified = certified::most_certified(&cx);
    let placed = placement::cheapest(&cx, rules, &teachers);

    let must: Vec<usize> = (0..instance.groups.len())
        .filter(|&g| cx.must_run[g])
        .collect();
    let lessons: u64 = must.iter().map(|&g| teachers[g].lessons).sum();
    let pairs: u64 = must.iter().map(|&g| u64::from(teachers[g].at_least)).sum();
    let forced = must
        .iter()
        .filter(|&&g| instance.groups[g].optional)
        .count() as u64;
    let ranks: u64 = instance
        .students
        .iter()
        .filter_map(|s| s.location_rank(&instance.group(s.pinned.as_ref()?)?.location))
        .map(u64::from)
        .sum();

    let mut b = Bound {
        placement: placed.cost,
        forced_openings: w.optional_group_opened * forced as f64,
        non_certified: w.non_certified_lesson * lessons.saturating_sub(certified) as f64,
        continuity: w.teacher_per_group * pairs as f64,
        constant: w.location_rank * ranks as f64
            + w.student_above_standard * placed.pinned_above_standard as f64,
        unplaced_students: placed.unplaced,
        lessons,
        certified_at_most: certified.min(lessons),
        teacher_pairs_at_least: pairs,
        total: 0.0,
    };
    b.total = b.placement + b.forced_openings + b.non_certified + b.continuity + b.constant;
    b
}

fn weights_usable(w: &Weights) -> bool {
    [
        w.unplaced_student,
        w.student_above_standard,
        w.optional_group_opened,
        w.non_certified_lesson,
        w.teacher_per_group,
        w.location_rank,
    ]
    .iter()
    .all(|x| x.is_finite() && *x >= 0.0)
}

/// Clock times sorted by start, cut into chains of overlapping times: two times in
/// different chains never overlap.
fn chains(sorted: &[TimeRange]) -> Vec<&[TimeRange]> {
    let mut out = Vec::new();
    let mut first = 0;
    let mut end = None;
    for (i, r) in sorted.iter().enumerate() {
        if end.is_some_and(|e| r.start >= e) {
            out.push(&sorted[first..i]);
            first = i;
            end = None;
        }
        end = Some(end.map_or(r.end, |e: chrono::NaiveTime| e.max(r.end)));
    }
    if first < sorted.len() {
        out.push(&sorted[first..]);
    }
    out
}

/// The most of these clock times that are pairwise apart (earliest end first, which is
/// optimal for intervals).
fn most_apart(times: &[TimeRange]) -> u32 {
    let mut by_end: Vec<&TimeRange> = times.iter().collect();
    by_end.sort_by_key(|r| (r.end, r.start));
    let mut count = 0;
    let mut free_from = None;
    for r in by_end {
        if free_from.is_none_or(|f| r.start >= f) {
            count += 1;
            free_from = Some(r.end);
        }
    }
    count
}
