//! `--size highschool`: one week of a Dutch havo/vwo school in nt2plan's format, the shape
//! of a real high school's teacher assignment (about 1,400 lessons, 60 teachers, some 65
//! narrow qualification groups, every student pinned) that the solvers found hard.
//!
//! Classes follow the year tables of `tables.rs`; every class and subject is a course (a
//! group with its own course code) whose profile is its qualification group, subject and
//! stage (`wiskunde-onderbouw`). Teachers are planted first, each on the courses of one
//! subject or two neighbours, with about 65% certified teachers giving at least the drawn
//! share of the lessons (above the Handleiding's 80%) and every course a certified lesson;
//! then the week is timetabled around them in 45-minute periods and 90-minute double
//! periods, so that no class and no teacher is in two lessons at once. Whatever the
//! timetable cannot hold is left out, so the plant is a schedule that meets the rule set.
//!
//! The rule set is `handleiding-2024`, for a week in 2026: the Addendum has ended, and its
//! 60% would leave the floor idle (with equal loads, 65% certified teachers give about 65%
//! of the lessons, and the one certified lesson norm 1.7.1b asks of every course lifts that
//! to 77-80%), while 80% sits right at that edge and makes the certified teachers' weekly
//! maxima bind.

mod courses;
mod people;
mod settle;
mod staff;
mod tables;
mod timetable;

use super::dice::{Dice, Stream};
use super::{GenerateError, GeneratedInstance, PlantedLesson, SizeSpec, Summary, render};
use crate::domain::{Block, CourseCode, Instance, Location, Profile, School, Share};
use chrono::{Days, NaiveDate};
use std::collections::{BTreeMap, BTreeSet};
use timetable::Owner;

/// The rule set the high school names.
pub const RULES: &str = "handleiding-2024";

fn blocks() -> Vec<Block> {
    super::parse_blocks(&tables::BLOCKS)
}

/// The floor of norm 1.7.1a in [`RULES`] (80% should the rule set be missing).
fn floor() -> Share {
    crate::rules::builtins()
        .into_iter()
        .find(|r| r.name == RULES)
        .map_or(Share(8_000), |r| r.min_certified_share)
}

/// Makes the high school for `spec` (its teacher count; the rest is the school's shape)
/// and `seed`.
pub fn generate(spec: &SizeSpec, seed: u64) -> Result<GeneratedInstance, GenerateError> {
    let salt = spec.salt();
    let mut dice = Dice::new(seed, salt, Stream::School);
    let week = dice
        .pick(&tables::WEEKS)
        .and_then(|&(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
        .ok_or_else(|| GenerateError::Calendar("a week in 2026".to_string()))?;
    let friday = week
        .checked_add_days(Days::new(4))
        .ok_or_else(|| GenerateError::Calendar(format!("the week of {week}")))?;
    let town = dice.pick(&tables::TOWNS).copied().unwrap_or("Amersfoort");
    let location = Location::new(town);
    let name = dice
        .pick(&tables::SCHOOL_NAMES)
        .copied()
        .unwrap_or("Het Baken");
    let bow_number = format!("BOW-{:05}", dice.between(10_000, 99_999));

    let mut dice = Dice::new(seed, salt, Stream::Groups);
    let (classes, courses) = courses::classes(&mut dice);

    let mut dice = Dice::new(seed, salt, Stream::Staff);
    let share = dice.uniform(0.805, 0.82);
    let (mut drafts, lessons) = staff::plant(&courses, spec.teachers(), share, &mut dice);
    settle::working_days(&mut drafts, &lessons, &mut dice);
    let owner: Vec<Owner> = lessons
        .iter()
        .map(|l| Owner {
            class: courses[l.course].class,
            course: l.course,
        })
        .collect();
    let days: Vec<BTreeSet<usize>> = drafts.iter().map(|d| d.days.clone()).collect();
    let places = timetable::place(&lessons, &owner, &days, classes, courses.len(), &mut dice);
    let kept = settle::keep(lessons, places, &drafts, courses.len(), floor());
    let stages: BTreeSet<_> = kept
        .iter()
        .map(|(l, _)| courses[l.course].qualification)
        .collect();
    people::widen(&mut drafts, &stages, &mut dice);

    let blocks = blocks();
    let groups = people::groups(&courses, &kept, &location, (week, friday));
    let teachers = people::teachers(&drafts, &kept, &location, &blocks, &mut dice);
    let students = people::students(&courses, &groups, &location, &blocks);
    let mut profiles: Vec<(String, String)> = Vec::new();
    for q in &stages {
        profiles.push((q.profile(), q.size_class().to_string()));
    }
    let school = School {
        name: format!("{name} {town}"),
        bow_number: Some(bow_number),
        main_location: location.clone(),
        rules: RULES.to_string(),
        term_start: week,
        term_end: friday,
        closed: Vec::new(),
        blocks,
        profiles: profiles
            .iter()
            .map(|(p, c)| (Profile::new(p.as_str()), c.clone()))
            .collect::<BTreeMap<_, _>>(),
        locations: [location.clone()].into(),
        weights: Default::default(),
        supervision: Default::default(),
    };
    let planted = kept
        .iter()
        .filter_map(|(l, p)| {
            Some(PlantedLesson {
                course_code: CourseCode::new(courses.get(l.course)?.code.clone()),
                slot: people::slot(*p),
                teacher: teachers.get(l.teacher)?.id.clone(),
            })
        })
        .collect::<Vec<_>>();
    let instance = Instance {
        school,
        teachers,
        groups,
        students,
        mentors: Vec::new(),
        unavailability: Vec::new(),
        locks: Vec::new(),
        rooms: Vec::new(),
        frozen: None,
    };
    finish(instance, &profiles, planted, spec, seed)
}

/// The files, the summary and the plant in group and slot order.
fn finish(
    instance: Instance,
    profiles: &[(String, String)],
    mut planted: Vec<PlantedLesson>,
    spec: &SizeSpec,
    seed: u64,
) -> Result<GeneratedInstance, GenerateError> {
    let origin = format!("size {}, seed {seed}", spec.name());
    let locations: Vec<Location> = instance.school.locations.iter().cloned().collect();
    let files = vec![
        (
            "school.toml".to_string(),
            render::school_toml(&instance, &locations, profiles, &origin),
        ),
        ("teachers.csv".to_string(), render::teachers_csv(&instance)?),
        ("groups.csv".to_string(), render::groups_csv(&instance)?),
        ("students.csv".to_string(), render::students_csv(&instance)?),
        ("mentors.csv".to_string(), render::mentors_csv(&instance)?),
        (
            "unavailability.csv".to_string(),
            render::unavailability_csv(&instance)?,
        ),
    ];
    let summary = Summary::of(&instance);
    let position: BTreeMap<&str, usize> = instance
        .groups
        .iter()
        .enumerate()
        .map(|(i, g)| (g.course_code.as_str(), i))
        .collect();
    planted.sort_by_key(|p| {
        (
            position.get(p.course_code.as_str()).copied(),
            p.slot.day,
            people::block_rank(p.slot.block.as_str()),
        )
    });
    Ok(GeneratedInstance {
        files,
        instance,
        summary,
        planted,
        dated: Vec::new(),
    })
}
