//! A compact builder for small hand-made instances and schedules in the checker's tests.
//!
//! The default school has two locations (Utrecht, the main one, and Amersfoort), three blocks
//! (morning, afternoon, evening), a term from Monday 2025-09-01 to 2025-12-19 without closed
//! days, and three profiles, one per size class of the built-in rule sets: `B1` (NT2/B1),
//! `Alfa` (Alfabetisering/Z-route) and `ONA` (ONA/KNM). Teachers and students fit everything
//! unless a test narrows them.

use super::{CheckReport, check};
use crate::diag::Code;
use crate::domain::{
    Availability, Block, BlockName, CourseCode, Day, ExternalMentor, Group, Instance, Law,
    Location, LocationOrder, MentoringRow, Placement, Profile, Register, RuleSet, Schedule, School,
    Slot, Student, StudentId, Teacher, TeacherId, TimeRange, TimetableRow,
};
use chrono::{NaiveDate, NaiveTime};
use std::collections::{BTreeMap, BTreeSet};

pub fn date(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("test date")
}

fn time(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("test time")
}

pub fn range(a: (u32, u32), b: (u32, u32)) -> TimeRange {
    TimeRange {
        start: time(a.0, a.1),
        end: time(b.0, b.1),
    }
}

/// `handleiding-2024`: 80%, no exception 2, no mentors.
pub fn handleiding() -> RuleSet {
    crate::rules::builtins().remove(0)
}

/// `addendum-2025`: 60% (target 80%), exception 2, mentors required.
pub fn addendum() -> RuleSet {
    crate::rules::builtins().remove(1)
}

/// `mon-morning` style slot.
pub fn slot(text: &str) -> Slot {
    let (day, block) = text.split_once('-').expect("DAY-BLOCK");
    Slot::new(Day::parse(day).expect("day"), block)
}

pub struct Fx {
    pub instance: Instance,
    pub schedule: Schedule,
}

impl Fx {
    pub fn new() -> Fx {
        let blocks = vec![
            block("morning", range((9, 0), (12, 0))),
            block("afternoon", range((13, 0), (16, 0))),
            block("evening", range((18, 30), (21, 0))),
        ];
        let profiles: BTreeMap<Profile, String> = [
            ("B1", "NT2/B1"),
            ("Alfa", "Alfabetisering/Z-route"),
            ("ONA", "ONA/KNM"),
        ]
        .into_iter()
        .map(|(p, c)| (Profile::new(p), c.to_string()))
        .collect();
        let school = School {
            name: "Taalschool Test".into(),
            bow_number: Some("BOW-1".into()),
            main_location: Location::new("Utrecht"),
            rules: "addendum-2025".into(),
            term_start: date("2025-09-01"),
            term_end: date("2025-12-19"),
            closed: Vec::new(),
            blocks,
            profiles,
            locations: ["Utrecht", "Amersfoort"]
                .into_iter()
                .map(Location::new)
                .collect(),
            weights: Default::default(),
            supervision: Default::default(),
        };
        Fx {
            instance: Instance::of_school(school),
            schedule: Schedule::default(),
        }
    }

    /// Two groups of one B1 course, G1 at Utrecht and G2 at Amersfoort; `certified` works
    /// at Utrecht only and non-certified `other` everywhere: no certified teacher can reach
    /// G2 (1.7.1b cannot hold for it).
    pub fn course_out_of_reach(certified: &str, other: &str) -> Fx {
        let mut fx = Fx::new();
        fx.teacher(certified, true).locations = [crate::domain::Location::new("Utrecht")].into();
        fx.teacher(other, false);
        fx.group("G1", "Utrecht", "B1");
        fx.group("G2", "Amersfoort", "B1");
        fx
    }

    /// A teacher at every location, for every profile, always available, no weekly maximum;
    /// a certified one can mentor 3 colleagues.
    pub fn teacher(&mut self, id: &str, certified: bool) -> &mut Teacher {
        let school = &self.instance.school;
        self.instance.teachers.push(Teacher {
            id: TeacherId::new(id),
            name: format!("Name of {id}"),
            register: if certified {
                Register::Bvnt2
            } else {
                Register::None
            },
            locations: school.locations.clone(),
            profiles: school.profiles.keys().cloned().collect(),
            max_lessons_per_week: None,
            available: Availability::always(&school.blocks),
            mentor_capacity: if certified { 3 } else { 0 },
            contract: Default::default(),
            wishes: Default::default(),
        });
        self.instance.teachers.last_mut().expect("just pushed")
    }

    pub fn external_mentor(&mut self, id: &str, capacity: u32) {
        self.instance.mentors.push(ExternalMentor {
            id: crate::domain::MentorId::new(id),
            name: format!("Name of {id}"),
            capacity,
        });
    }

    /// A group with one lesson a week (Monday morning) for five weeks, 2025-09-01 to
    /// 2025-09-29: five planned lessons.
    pub fn group(&mut self, code: &str, location: &str, profile: &str) -> &mut Group {
        self.instance.groups.push(Group {
            course_code: CourseCode::new(code),
            location: Location::new(location),
            profile: Profile::new(profile),
            law: Law::Wi2021,
            slots: vec![slot("mon-morning")],
            choices: Vec::new(),
            start: date("2025-09-01"),
            end: date("2025-09-29"),
            optional: false,
            min_size: 0,
        });
        self.instance.groups.last_mut().expect("just pushed")
    }

    /// A B1 group at Utrecht with ten lessons a week (every weekday morning and afternoon)
    /// for `weeks` weeks from 2025-09-01: `10 * weeks` planned lessons.
    pub fn big_group(&mut self, code: &str, weeks: i64) -> &mut Group {
        let g = self.group(code, "Utrecht", "B1");
        g.slots = ["mon", "tue", "wed", "thu", "fri"]
            .iter()
            .flat_map(|d| {
                [
                    slot(&format!("{d}-morning")),
                    slot(&format!("{d}-afternoon")),
                ]
            })
            .collect();
        g.end = date("2025-09-01") + chrono::Duration::days(7 * weeks - 1);
        g
    }

    /// An unplaced student who fits groups of `profile` at Utrecht and Amersfoort.
    pub fn student(&mut self, id: &str, profile: &str) -> &mut Student {
        self.instance.students.push(Student {
            id: StudentId::new(id),
            profile: Profile::new(profile),
            law: Law::Wi2021,
            locations: vec![Location::new("Utrecht"), Location::new("Amersfoort")],
            location_order: LocationOrder::Preference,
            available: Availability::always(&self.instance.school.blocks),
            pinned: None,
        });
        self.instance.students.last_mut().expect("just pushed")
    }

    pub fn place(&mut self, student: &str, code: &str) {
        self.schedule.placements.push(Placement {
            student: StudentId::new(student),
            course_code: Some(CourseCode::new(code)),
        });
    }

    /// `n` new students of the group's profile, placed in it (ids `CODE-01`, ...).
    pub fn fill(&mut self, code: &str, n: u32) {
        let profile = self.group_of(code).profile.to_string();
        for i in 1..=n {
            let id = format!("{code}-{i:02}");
            self.student(&id, &profile);
            self.place(&id, code);
        }
    }

    fn group_of(&self, code: &str) -> &Group {
        self.instance
            .group(&CourseCode::new(code))
            .expect("group in fixture")
    }

    /// A timetable row for every planned lesson of the group, given by `teacher`.
    pub fn staff(&mut self, code: &str, teacher: &str) {
        let n = self.instance.lessons_of(self.group_of(code)).len();
        self.staff_split(code, &[(teacher, n)]);
    }

    /// Rows for the planned lessons in order: the first `n1` by `t1`, the next `n2` by
    /// `t2`, ...; lessons beyond the sum get no row.
    pub fn staff_split(&mut self, code: &str, parts: &[(&str, usize)]) {
        let lessons = self.instance.lessons_of(self.group_of(code));
        let teachers = parts.iter().flat_map(|(t, n)| std::iter::repeat_n(*t, *n));
        for (lesson, teacher) in lessons.into_iter().zip(teachers) {
            self.schedule.timetable.push(TimetableRow {
                course_code: lesson.course_code,
                date: lesson.date,
                time: lesson.time,
                location: lesson.location,
                teacher: Some(TeacherId::new(teacher)),
                room: None,
            });
        }
    }

    /// A hand-made row.
    pub fn row(
        &mut self,
        code: &str,
        day: &str,
        time: TimeRange,
        location: &str,
        teacher: Option<&str>,
    ) {
        self.schedule.timetable.push(TimetableRow {
            course_code: CourseCode::new(code),
            date: date(day),
            time,
            location: Location::new(location),
            teacher: teacher.map(TeacherId::new),
            room: None,
        });
    }

    pub fn mentoring(&mut self, teacher: &str, mentor: &str) {
        self.schedule.mentoring.push(MentoringRow {
            teacher: TeacherId::new(teacher),
            mentor: mentor.to_string(),
        });
    }

    pub fn check(&self, rules: &RuleSet) -> CheckReport {
        check(&self.instance, rules, &self.schedule).expect("checkable schedule")
    }
}

fn block(name: &str, time: TimeRange) -> Block {
    Block {
        name: BlockName::new(name),
        time,
    }
}

/// The distinct finding codes of a report, for assertions.
pub fn codes(report: &CheckReport) -> BTreeSet<Code> {
    report.findings.iter().map(|f| f.code()).collect()
}

/// The messages of the findings with `code`, for assertions and failure output.
pub fn messages(report: &CheckReport, code: Code) -> Vec<String> {
    report
        .findings
        .iter()
        .filter(|f| f.code() == code)
        .map(|f| f.message.clone())
        .collect()
}
