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
//! groups only adds lessons, pairs and openings (a staffing of more lessons, cut down to
//! fewer, is one of those: no more non-certified lessons, no more pairs), so parts 2 and 3
//! count the must-run groups only; step 5 adds the optional groups every cheap schedule
//! opens.
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
//!    smallest `k` whose largest amounts reach its lessons. A group without a non-certified
//!    lesson has as many certified teachers as give all its lessons; one with a non-certified
//!    lesson has, under 1.7.1b, a certified teacher besides: and part 2's non-certified
//!    lessons must go to groups with room for them (its lessons less 1.7.1b's), so the
//!    cheapest fractional choice of such groups adds to the pairs.
//! 4. **The constant**: pinned students' location ranks, and their steps above the standard
//!    maximum, which every schedule pays (`check::cost` counts them like anyone's).
//! 5. **Branching** (`branch.rs`): every schedule either runs all of a set `G` of optional
//!    groups (then `G` counts as must-run in every part above) or closes some `g` of `G` (then
//!    the placement without `g`, plus the other parts for the must-run groups); the lower of
//!    the two branches is a bound. `G` holds the groups whose closing costs most, such as
//!    those some students fit alone.
//!
//! Costs in the flow are whole multiples of a power of two (`2^-20` for the default weights),
//! rounded down: that only lowers the bound, and with whole weights it is exact. A weight below
//! 0 or not finite (which `validate` refuses, E204) makes any sum of parts meaningless, and
//! the bound is then minus infinity.

mod branch;
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
use certified::Certified;
use continuity::Staffed;
use placement::{Placement, Run};
use serde::Serialize;

/// A lower bound on the objective of every compliant schedule, with its parts (weighted)
/// and the counts behind them.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Bound {
    /// The bound: the sum of the parts, or `closing_one` where that is lower.
    pub total: f64,
    /// Unplaced students, students above the standard maximum, unpinned students' location
    /// ranks, and the shares of the optional groups that may open (part 1).
    pub placement: f64,
    /// `optional_group_opened` for every optional group counted as running: those with a
    /// pinned student, and those the branching counts in.
    pub forced_openings: f64,
    /// Lessons that only non-certified teachers can be left to give (part 2).
    pub non_certified: f64,
    /// Distinct teachers the running groups need (part 3).
    pub continuity: f64,
    /// Pinned students' location ranks and steps above the standard maximum.
    pub constant: f64,
    /// After branching (`branch.rs`): the bound of every schedule that closes one of the
    /// optional groups counted as running for it.
    pub closing_one: Option<f64>,
    /// Students the cheapest placement leaves out.
    pub unplaced_students: u64,
    /// Optional groups counted as running.
    pub optional_groups_running: u64,
    /// Lessons of the groups counted as running.
    pub lessons: u64,
    /// The most of them certified teachers can give.
    pub certified_at_most: u64,
    /// The fewest (teacher, group) pairs of the groups counted as running.
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
    /// Per teacher: whether they may give lessons at all (a weekly maximum above 0).
    teaches: Vec<bool>,
    /// Norm 1.7.1b: certified lessons every running group has.
    per_course: u32,
}

impl<'a> Context<'a> {
    fn new(instance: &'a Instance, rules: &RuleSet) -> Context<'a> {
        let classes = classes::classes(instance, Formulation::Segment, &Refinement::default());
        let (types, pinned) = students::student_types(instance);
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
            teaches,
            per_course: rules.min_certified_lessons_per_course,
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

/// The parts for one choice of running groups, weighted, with their counts.
#[derive(Clone, Debug, Default, PartialEq)]
struct Parts {
    placement: f64,
    openings: f64,
    non_certified: f64,
    continuity: f64,
    constant: f64,
    unplaced: u64,
    optional_running: u64,
    lessons: u64,
    certified: u64,
    pairs: u64,
}

impl Parts {
    fn total(&self) -> f64 {
        self.placement + self.openings + self.non_certified + self.continuity + self.constant
    }
}

/// The parts when the groups run as `run` says (`Must`: counted as running), from the
/// placement solved for `run` and the most lessons of the running groups certified teachers
/// can give.
fn parts(
    cx: &Context,
    staffed: &[Staffed],
    run: &[Run],
    placed: &Placement,
    certified: u64,
) -> Parts {
    let instance = cx.instance;
    let w = instance.school.weights;
    let running: Vec<usize> = (0..run.len()).filter(|&g| run[g] == Run::Must).collect();
    let lessons: u64 = running.iter().map(|&g| staffed[g].lessons).sum();
    let certified = certified.min(lessons);
    let groups = running.iter().map(|&g| &staffed[g]);
    let pairs = continuity::pairs_at_least(groups, cx.per_course, lessons - certified);
    let optional = running
        .iter()
        .filter(|&&g| instance.groups[g].optional)
        .count() as u64;
    let ranks: u64 = instance
        .students
        .iter()
        .filter_map(|s| s.location_rank(&instance.group(s.pinned.as_ref()?)?.location))
        .map(u64::from)
        .sum();
    Parts {
        placement: placed.cost(),
        openings: w.optional_group_opened * optional as f64,
        non_certified: w.non_certified_lesson * (lessons - certified) as f64,
        continuity: w.teacher_per_group * pairs as f64,
        constant: w.location_rank * ranks as f64
            + w.student_above_standard * placed.pinned_above_standard as f64,
        unplaced: placed.unplaced(),
        optional_running: optional,
        lessons,
        certified,
        pairs,
    }
}

/// A lower bound on `check::cost(instance, rules, s).total` for every schedule `s` that
/// meets every hard rule of `rules` (see the module's documentation for why).
pub fn lower_bound(instance: &Instance, rules: &RuleSet) -> Bound {
    // A choice of meeting times: parts 2 and 3 would count the lessons of every
    // alternative, more than any schedule gives; no bound is claimed (yet).
    if !weights_usable(&instance.school.weights) || instance.groups.iter().any(|g| g.has_choice()) {
        return Bound {
            total: f64::NEG_INFINITY,
            ..Bound::default()
        };
    }
    let cx = Context::new(instance, rules);
    let staffed = continuity::fewest_teachers(&cx);
    // Not optional or with a pinned student: runs. An optional group no set of teachers can
    // staff never does.
    let run: Vec<Run> = instance
        .groups
        .iter()
        .enumerate()
        .map(|(g, group)| match () {
            _ if !group.optional || cx.pinned[g] > 0 => Run::Must,
            _ if staffed[g].possible => Run::May,
            _ => Run::Never,
        })
        .collect();
    let must: Vec<bool> = run.iter().map(|r| *r == Run::Must).collect();
    let given = Certified::new(&cx, &must).open((0..run.len()).filter(|&g| must[g]));
    let placed = Placement::solve(&cx, rules, &staffed, &run);
    let base = parts(&cx, &staffed, &run, &placed, given);
    let (p, closing_one) = match branch::branch(&cx, rules, &staffed, &run, &base, &placed) {
        Some(b) => (b.parts, Some(b.closing_one)),
        None => (base, None),
    };
    Bound {
        total: closing_one.map_or(p.total(), |c| p.total().min(c)),
        placement: p.placement,
        forced_openings: p.openings,
        non_certified: p.non_certified,
        continuity: p.continuity,
        constant: p.constant,
        closing_one,
        unplaced_students: p.unplaced,
        optional_groups_running: p.optional_running,
        lessons: p.lessons,
        certified_at_most: p.certified,
        teacher_pairs_at_least: p.pairs,
    }
}

fn weights_usable(w: &Weights) -> bool {
    w.all().iter().all(|x| x.is_finite() && *x >= 0.0)
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
