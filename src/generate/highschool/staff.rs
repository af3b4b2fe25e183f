//! Who teaches what, planted before the timetable: teachers laid out along the subjects
//! like a school's sections (each covering one subject or two neighbours), whole courses
//! handed to the teachers of their subject, then for norm 1.7.1b one lesson of every course
//! of a non-certified teacher to a certified colleague, and more such lessons until the
//! certified share reaches the drawn target above the rule set's floor.

use super::courses::{Course, Qualification};
use super::tables::SUBJECTS;
use crate::generate::dice::{Dice, apportion};
use std::collections::BTreeSet;

/// A teacher while being drawn.
#[derive(Clone, Debug)]
pub struct Draft {
    pub certified: bool,
    /// Periods a week the teacher was laid out for (a double period counts two).
    pub target: u32,
    pub qualifications: BTreeSet<Qualification>,
    /// Working days, 0 for Monday.
    pub days: BTreeSet<usize>,
}

/// One lesson of a course with its planted teacher.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Lesson {
    pub course: usize,
    pub double: bool,
    pub teacher: usize,
}

impl Lesson {
    pub fn periods(&self) -> u32 {
        if self.double { 2 } else { 1 }
    }
}

/// Periods a week each teacher gives in `lessons`.
pub fn periods(lessons: &[Lesson], teachers: usize) -> Vec<u32> {
    let mut out = vec![0; teachers];
    for l in lessons {
        if let Some(p) = out.get_mut(l.teacher) {
            *p += l.periods();
        }
    }
    out
}

/// `n` teachers, about a third not certified (part-timers mostly), and every lesson of
/// `courses` planted on one of them; `share` is the certified share of lessons to reach.
pub fn plant(
    courses: &[Course],
    n: usize,
    share: f64,
    dice: &mut Dice,
) -> (Vec<Draft>, Vec<Lesson>) {
    let n = n.max(1);
    let non_certified =
        ((n as f64 * dice.uniform(0.335, 0.365)).round() as usize).min(n.saturating_sub(1));
    let mut certified = vec![true; n];
    let mut order: Vec<usize> = (0..n).collect();
    dice.shuffle(&mut order);
    for &t in order.iter().take(non_certified) {
        certified[t] = false;
    }
    let weights: Vec<f64> = certified
        .iter()
        .map(|&c| match (c, dice.chance(0.85)) {
            (true, true) => dice.uniform(0.95, 1.1),
            (true, false) => dice.uniform(0.65, 0.85),
            (false, _) => dice.uniform(0.6, 1.0),
        })
        .collect();
    let total: u32 = courses.iter().map(|c| c.lessons + c.doubles).sum();
    // Non-certified teachers are laid out for more than they keep: every course of theirs
    // hands a lesson to a certified colleague.
    let kept_by_non_certified = (1.0 - share) * f64::from(total);
    let laid_out = (kept_by_non_certified * 1.75).round() as usize;
    let split = |want: bool| -> Vec<f64> {
        certified
            .iter()
            .zip(&weights)
            .map(|(&c, &w)| if c == want { w } else { 0.0 })
            .collect()
    };
    let mut targets = apportion(laid_out.min(total as usize), &split(false), 0);
    let certified_part = apportion(
        total as usize - laid_out.min(total as usize),
        &split(true),
        0,
    );
    for (t, c) in targets.iter_mut().zip(certified_part) {
        *t += c;
    }
    let mut drafts: Vec<Draft> = certified
        .iter()
        .zip(&targets)
        .map(|(&certified, &target)| Draft {
            certified,
            target: target as u32,
            qualifications: BTreeSet::new(),
            days: BTreeSet::new(),
        })
        .collect();
    let mut lessons = lay_out(courses, &mut drafts, dice);
    certified_lesson_per_course(courses, &mut drafts, &mut lessons);
    let needed = (share * lessons.len() as f64).ceil() as usize;
    raise_share(courses, &mut drafts, &mut lessons, needed);
    (drafts, lessons)
}

/// Teachers in a random order along a line of their targets, subjects along a line of
/// their periods in [`SUBJECTS`] order: a teacher takes courses of the subjects their
/// stretch of the line overlaps, as much as the overlap.
fn lay_out(courses: &[Course], drafts: &mut [Draft], dice: &mut Dice) -> Vec<Lesson> {
    let mut order: Vec<usize> = (0..drafts.len()).collect();
    dice.shuffle(&mut order);
    let mut span = vec![(0u32, 0u32); drafts.len()];
    let mut at = 0;
    for &t in &order {
        span[t] = (at, at + drafts[t].target);
        at += drafts[t].target;
    }
    let mut lessons = Vec::new();
    let mut from = 0;
    for subject in 0..SUBJECTS.len() {
        let mut mine: Vec<usize> = (0..courses.len())
            .filter(|&c| courses[c].qualification.subject == subject)
            .collect();
        dice.shuffle(&mut mine);
        mine.sort_by_key(|&c| std::cmp::Reverse(courses[c].lessons + courses[c].doubles));
        let demand: u32 = mine
            .iter()
            .map(|&c| courses[c].lessons + courses[c].doubles)
            .sum();
        let to = from + demand;
        let mut room: Vec<(usize, i64)> = (0..drafts.len())
            .filter_map(|t| {
                let (a, b) = span[t];
                let overlap = i64::from(b.min(to)) - i64::from(a.max(from));
                (overlap > 0).then_some((t, overlap))
            })
            .collect();
        if room.is_empty() {
            // Rounding left the subject without a stretch: the teacher whose stretch ends
            // at its start takes it.
            let t = order[order.len() - 1];
            room.push((t, i64::from(demand)));
        }
        for c in mine {
            let course = &courses[c];
            let best = room.iter_mut().max_by(|a, b| {
                // A course of one lesson would hand it over whole (norm 1.7.1b).
                let score = |(t, r): &(usize, i64)| {
                    let d = &drafts[*t];
                    let known = d.qualifications.contains(&course.qualification);
                    let whole = course.lessons == 1 && !d.certified;
                    *r + if known { 2 } else { 0 } - if whole { 8 } else { 0 }
                };
                score(a).cmp(&score(b)).then(b.0.cmp(&a.0))
            });
            let Some((t, r)) = best else { continue };
            *r -= i64::from(course.lessons + course.doubles);
            drafts[*t].qualifications.insert(course.qualification);
            for k in 0..course.lessons {
                lessons.push(Lesson {
                    course: c,
                    double: k < course.doubles,
                    teacher: *t,
                });
            }
        }
        from = to;
    }
    lessons
}

/// The most periods a week a teacher is planted in.
pub const MOST_PERIODS: u32 = 34;

/// The certified teacher to take over a lesson of `q`, below [`MOST_PERIODS`]: one
/// qualified for it, else one who teaches the subject, else one of a neighbouring subject,
/// traded against how far each would go above their target.
fn colleague(drafts: &[Draft], load: &[u32], q: Qualification, periods: u32) -> Option<usize> {
    (0..drafts.len())
        .filter(|&t| drafts[t].certified && load[t] + periods <= MOST_PERIODS)
        .min_by_key(|&t| {
            let d = &drafts[t];
            let rank = if d.qualifications.contains(&q) {
                0
            } else if d.qualifications.iter().any(|x| x.subject == q.subject) {
                3
            } else {
                6 + 2 * d
                    .qualifications
                    .iter()
                    .map(|x| x.subject.abs_diff(q.subject))
                    .min()
                    .unwrap_or(SUBJECTS.len())
            };
            let over = (i64::from(load[t] + periods) - i64::from(d.target)).max(0);
            (rank as i64 + over, t)
        })
}

fn hand_over(drafts: &mut [Draft], lessons: &mut [Lesson], courses: &[Course], l: usize) -> bool {
    let load = periods(lessons, drafts.len());
    let q = courses[lessons[l].course].qualification;
    match colleague(drafts, &load, q, lessons[l].periods()) {
        Some(t) => {
            drafts[t].qualifications.insert(q);
            lessons[l].teacher = t;
            true
        }
        None => false,
    }
}

/// Norm 1.7.1b: a course given wholly by a non-certified teacher hands one lesson (a single
/// period where it has one) to a certified colleague.
fn certified_lesson_per_course(courses: &[Course], drafts: &mut [Draft], lessons: &mut [Lesson]) {
    for c in 0..courses.len() {
        let mine: Vec<usize> = (0..lessons.len())
            .filter(|&l| lessons[l].course == c)
            .collect();
        if mine.iter().any(|&l| drafts[lessons[l].teacher].certified) {
            continue;
        }
        let pick = mine
            .iter()
            .copied()
            .find(|&l| !lessons[l].double)
            .or(mine.first().copied());
        if let Some(l) = pick {
            hand_over(drafts, lessons, courses, l);
        }
    }
}

/// Hands lessons of non-certified teachers to certified colleagues, from the busiest of
/// them first and there from the course they give most of, until `needed` lessons are
/// certified.
fn raise_share(courses: &[Course], drafts: &mut [Draft], lessons: &mut [Lesson], needed: usize) {
    loop {
        let certified = lessons
            .iter()
            .filter(|l| drafts[l.teacher].certified)
            .count();
        if certified >= needed {
            return;
        }
        let load = periods(lessons, drafts.len());
        let mut by_course = vec![0u32; courses.len()];
        for l in lessons.iter().filter(|l| !drafts[l.teacher].certified) {
            by_course[l.course] += 1;
        }
        let pick = (0..lessons.len())
            .filter(|&l| !drafts[lessons[l].teacher].certified)
            .max_by_key(|&l| {
                (
                    load[lessons[l].teacher],
                    by_course[lessons[l].course],
                    !lessons[l].double,
                    std::cmp::Reverse(l),
                )
            });
        match pick {
            Some(l) if hand_over(drafts, lessons, courses, l) => {}
            _ => return,
        }
    }
}
