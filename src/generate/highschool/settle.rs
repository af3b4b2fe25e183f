//! Between the plant and the timetable: the teachers' working days, and afterwards what the
//! timetable could not hold taken out again so that the plant still meets the norms.

use super::staff::{Draft, Lesson, periods};
use super::timetable::{DAYS, Place};
use crate::domain::Share;
use crate::generate::dice::Dice;

/// Working days from each teacher's planted periods: five from 24 periods on, else one day
/// for every six periods (at least two), the days off drawn.
pub fn working_days(drafts: &mut [Draft], lessons: &[Lesson], dice: &mut Dice) {
    let load = periods(lessons, drafts.len());
    for (d, p) in drafts.iter_mut().zip(load) {
        let k = if p >= 24 {
            DAYS
        } else {
            (p as usize).div_ceil(6).clamp(2, DAYS)
        };
        let mut days: Vec<usize> = (0..DAYS).collect();
        dice.shuffle(&mut days);
        d.days = days.into_iter().take(k).collect();
    }
}

/// The planted lessons that have a place, each with it, after taking out what would break
/// a norm: lessons without a place; then every course with no certified lesson left
/// (norm 1.7.1b); then lessons of non-certified teachers, from the courses where they give
/// the most, while fewer than `floor` of the lessons are certified (norm 1.7.1a).
/// Each step only raises the certified share, so the result meets both norms.
pub fn keep(
    lessons: Vec<Lesson>,
    places: Vec<Option<Place>>,
    drafts: &[Draft],
    courses: usize,
    floor: Share,
) -> Vec<(Lesson, Place)> {
    let mut kept: Vec<(Lesson, Place)> = lessons
        .into_iter()
        .zip(places)
        .filter_map(|(l, p)| Some((l, p?)))
        .collect();
    let certified = |l: &Lesson| drafts.get(l.teacher).is_some_and(|d| d.certified);
    let mut has_certified = vec![false; courses];
    for (l, _) in &kept {
        if certified(l) {
            has_certified[l.course] = true;
        }
    }
    kept.retain(|(l, _)| has_certified[l.course]);
    loop {
        let total = kept.len() as u64;
        let good = kept.iter().filter(|(l, _)| certified(l)).count() as u64;
        if floor.met_by(good, total) {
            return kept;
        }
        let mut by_course = vec![0u32; courses];
        for (l, _) in kept.iter().filter(|(l, _)| !certified(l)) {
            by_course[l.course] += 1;
        }
        let pick = (0..kept.len())
            .filter(|&i| !certified(&kept[i].0))
            .max_by_key(|&i| (by_course[kept[i].0.course], std::cmp::Reverse(i)));
        match pick {
            Some(i) => {
                kept.remove(i);
            }
            None => return kept,
        }
    }
}
