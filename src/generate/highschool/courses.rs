//! The classes of the school and their courses: one course (a group, with its own course
//! code) per class and subject, with the lessons of the year's table. Every class gets a
//! size; a course of a small elective is taken by part of its class.

use super::tables::{Band, Hours, SUBJECTS, Subject, YEARS, size_class};
use crate::generate::dice::Dice;
use crate::generate::standard_max_in;

/// A qualification group: one subject at one stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Qualification {
    /// Index into [`SUBJECTS`].
    pub subject: usize,
    pub band: Band,
}

impl Qualification {
    pub fn subject(self) -> &'static Subject {
        &SUBJECTS[self.subject]
    }

    /// The profile name: `wiskunde-onderbouw`.
    pub fn profile(self) -> String {
        format!("{}-{}", self.subject().name, self.band.name())
    }

    pub fn size_class(self) -> &'static str {
        size_class(self.subject(), self.band)
    }
}

/// A course: a class's lessons of one subject in a week.
#[derive(Clone, Debug)]
pub struct Course {
    pub code: String,
    pub class: usize,
    pub qualification: Qualification,
    pub lessons: u32,
    /// How many of `lessons` are double periods.
    pub doubles: u32,
    /// Students pinned to it.
    pub students: u32,
}

fn subject_index(code: &str) -> Option<usize> {
    SUBJECTS.iter().position(|s| s.code == code)
}

/// The number of classes of [`YEARS`] (students who share a timetable: no two of a
/// class's lessons at once), and their courses in year, class and table order. The
/// streams go round the classes of a year from a drawn start, so seeds differ in which
/// class is the gymnasium class.
pub fn classes(dice: &mut Dice) -> (usize, Vec<Course>) {
    let mut classes = 0;
    let mut courses = Vec::new();
    for year in &YEARS {
        let first = dice.below(year.streams.len());
        for k in 0..year.classes {
            let name = if year.lettered {
                let letter = char::from(b'A' + u8::try_from(k % 26).unwrap_or(0));
                format!("{}{letter}", year.prefix)
            } else {
                format!("{}{}", year.prefix, k + 1)
            };
            let class_max = standard_max_in(super::RULES, size_class(&SUBJECTS[0], year.band));
            let size = dice.between(class_max.saturating_sub(6).max(1), class_max);
            let class = classes;
            let stream = year
                .streams
                .get((first + k) % year.streams.len().max(1))
                .copied()
                .unwrap_or(&[]);
            for &(code, lessons, doubles) in year.common.iter().chain(stream) {
                if let Some(c) = course(
                    &name,
                    class,
                    year.band,
                    (code, lessons, doubles),
                    size,
                    dice,
                ) {
                    courses.push(c);
                }
            }
            classes += 1;
        }
    }
    (classes, courses)
}

fn course(
    class_name: &str,
    class: usize,
    band: Band,
    (code, lessons, doubles): Hours,
    class_size: u32,
    dice: &mut Dice,
) -> Option<Course> {
    let subject = subject_index(code)?;
    let qualification = Qualification { subject, band };
    let max = standard_max_in(super::RULES, qualification.size_class());
    let students = if max < class_size {
        dice.between(max / 2, max)
    } else {
        class_size
    };
    Some(Course {
        code: format!("{class_name}-{code}"),
        class,
        qualification,
        lessons,
        doubles: doubles.min(lessons),
        students,
    })
}
