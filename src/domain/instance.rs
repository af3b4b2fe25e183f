//! The school's planning data: one instance folder, read and validated.

use super::ids::{CourseCode, Location, MentorId, Profile, StudentId, TeacherId};
use super::time::{Availability, Block, Slot};
use chrono::NaiveDate;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// Days without lessons (holidays), inclusive.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ClosedPeriod {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub reason: String,
}

/// `school.toml`.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct School {
    pub name: String,
    pub bow_number: Option<String>,
    pub main_location: Location,
    /// The rule set as written: a built-in name or a path relative to the instance folder.
    pub rules: String,
    pub term_start: NaiveDate,
    pub term_end: NaiveDate,
    pub closed: Vec<ClosedPeriod>,
    /// Blocks in the order of their start time.
    pub blocks: Vec<Block>,
    /// School profile -> size class of the rule set. Empty: profiles are size class names.
    pub profiles: BTreeMap<Profile, String>,
    /// All locations of the school (the main location, the ones listed in `locations`,
    /// and every group's location).
    pub locations: BTreeSet<Location>,
    /// The optimizer's objective weights (`[weights]`).
    pub weights: Weights,
    pub supervision: Supervision,
}

/// How non-certified teachers are supervised (Bijlage 2 of the Addendum).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct Supervision {
    /// Lessons of a certified teacher each non-certified teacher who teaches attends.
    pub observations_per_teacher: u32,
    /// Years from a non-certified teacher's first lesson to the deadline for certification.
    pub certification_deadline_years: u32,
}

impl Default for Supervision {
    fn default() -> Self {
        Supervision {
            observations_per_teacher: 0,
            certification_deadline_years: 2,
        }
    }
}

/// Costs in the optimizer's objective, which is minimized. The defaults make the priorities
/// of the objective practically lexicographic: placing a student outweighs everything
/// below it, and so on down the list.
#[derive(Clone, Copy, Debug, PartialEq, Serialize)]
pub struct Weights {
    /// 1. Every student left unplaced.
    pub unplaced_student: f64,
    /// 2. Every student above the standard maximum of their group (exception 2 is a cost).
    pub student_above_standard: f64,
    /// 2. Every optional group opened: only where it places students or avoids overflow.
    pub optional_group_opened: f64,
    /// 3. Every lesson given by a non-certified teacher (the aim stays 80% and more).
    pub non_certified_lesson: f64,
    /// 4. Every distinct teacher of a group (continuity).
    pub teacher_per_group: f64,
    /// 5. Every step down a student's list of preferred locations.
    pub location_rank: f64,
    /// Per location and profile: every student of difference between the largest and the
    /// smallest running group (balanced groups). 0 by default: off.
    pub size_imbalance: f64,
    /// Every lesson that breaks a teacher's wish (`prefers`, `avoids`).
    pub teacher_preference: f64,
    /// With `rooms.csv`: every distinct room of a group (a group keeps its room where it can),
    /// counted as continuity counts teachers. Without rooms it counts nothing.
    pub room_change: f64,
    /// Replan only: every lesson from the replan's date on given by another teacher than in
    /// the schedule replaced (a teacher's day rearranged, a new face for the group).
    pub changed_lesson: f64,
    /// Replan with `rooms.csv` only: every lesson from the replan's date on held in another
    /// room than in the schedule replaced (a group looking for its room).
    pub changed_room: f64,
    /// Replan only: every student of the schedule replaced placed in another group or none
    /// (a student set back mid-course).
    pub moved_student: f64,
}

impl Weights {
    /// Every weight, in the order of the fields.
    pub fn all(&self) -> [f64; 12] {
        [
            self.unplaced_student,
            self.student_above_standard,
            self.optional_group_opened,
            self.non_certified_lesson,
            self.teacher_per_group,
            self.location_rank,
            self.size_imbalance,
            self.teacher_preference,
            self.room_change,
            self.changed_lesson,
            self.changed_room,
            self.moved_student,
        ]
    }
}

impl Weights {
    /// Every weight zero: a start for weights that count one or two things only.
    pub const NONE: Weights = Weights {
        unplaced_student: 0.0,
        student_above_standard: 0.0,
        optional_group_opened: 0.0,
        non_certified_lesson: 0.0,
        teacher_per_group: 0.0,
        location_rank: 0.0,
        size_imbalance: 0.0,
        teacher_preference: 0.0,
        room_change: 0.0,
        changed_lesson: 0.0,
        changed_room: 0.0,
        moved_student: 0.0,
    };
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            unplaced_student: 10_000.0,
            student_above_standard: 1_000.0,
            optional_group_opened: 50.0,
            non_certified_lesson: 10.0,
            teacher_per_group: 5.0,
            location_rank: 1.0,
            size_imbalance: 0.0,
            teacher_preference: 2.0,
            room_change: 1.0,
            changed_lesson: 20.0,
            changed_room: 5.0,
            moved_student: 500.0,
        }
    }
}

impl School {
    /// Whether lessons can take place on `date`: inside the term and not closed.
    pub fn is_open(&self, date: NaiveDate) -> bool {
        date >= self.term_start
            && date <= self.term_end
            && !self.closed.iter().any(|c| date >= c.from && date <= c.to)
    }

    pub fn block(&self, name: &str) -> Option<&Block> {
        self.blocks.iter().find(|b| b.name.as_str() == name)
    }

    /// The rule set's size class a profile belongs to.
    pub fn size_class<'a>(&'a self, profile: &'a Profile) -> &'a str {
        self.profiles
            .get(profile)
            .map(String::as_str)
            .unwrap_or(profile.as_str())
    }
}

/// A teacher's registration (norm 1.7.1a counts lessons by registered teachers).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Register {
    /// BVNT2 professional register.
    Bvnt2,
    /// Blik op Werk's Kwaliteitsregister NT2-docent.
    Kwaliteitsregister,
    /// Not registered: a non-certified teacher.
    None,
}

impl Register {
    pub fn is_certified(self) -> bool {
        self != Register::None
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Register::Bvnt2 => "bvnt2",
            Register::Kwaliteitsregister => "kwaliteitsregister",
            Register::None => "none",
        }
    }
}

/// A row of `teachers.csv`, with `*` lists expanded.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Teacher {
    pub id: TeacherId,
    pub name: String,
    pub register: Register,
    pub locations: BTreeSet<Location>,
    pub profiles: BTreeSet<Profile>,
    /// `None`: no limit.
    pub max_lessons_per_week: Option<u32>,
    pub available: Availability,
    /// How many non-certified colleagues this teacher can supervise (0 when not certified).
    pub mentor_capacity: u32,
    /// Contract hours (see [`super::contract`]).
    pub contract: super::contract::Contract,
    /// Wishes: `prefers` and `avoids` (see [`super::wish`]).
    pub wishes: super::wish::Wishes,
}

impl Teacher {
    pub fn is_certified(&self) -> bool {
        self.register.is_certified()
    }
}

/// The law a student or group falls under.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Law {
    Wi2013,
    Wi2021,
}

impl Law {
    pub fn as_str(self) -> &'static str {
        match self {
            Law::Wi2013 => "wi2013",
            Law::Wi2021 => "wi2021",
        }
    }
}

/// A row of `groups.csv`: one group, following one course with a unique course code.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Group {
    pub course_code: CourseCode,
    pub location: Location,
    pub profile: Profile,
    pub law: Law,
    /// Weekly lessons, in day and block order; for a group with a choice of meeting times,
    /// every slot of every alternative (the candidate lessons).
    pub slots: Vec<Slot>,
    /// A choice of meeting times (`slots` with `|`): two or more alternatives, each sorted,
    /// of which the plan follows exactly one; their union is `slots`. Empty: no choice, the
    /// group meets in `slots` (see [`Group::alternatives`]).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub choices: Vec<Vec<Slot>>,
    /// First day of lessons (inclusive).
    pub start: NaiveDate,
    /// Last day of lessons (inclusive).
    pub end: NaiveDate,
    /// May stay closed (no students, no lessons).
    pub optional: bool,
    /// The fewest students it runs with.
    pub min_size: u32,
}

/// A row of `students.csv`. Students are personal data: ids only.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Student {
    pub id: StudentId,
    pub profile: Profile,
    pub law: Law,
    /// Acceptable locations; most preferred first when `location_order` is `Preference`.
    pub locations: Vec<Location>,
    pub location_order: LocationOrder,
    pub available: Availability,
    /// A placement the planner fixed.
    pub pinned: Option<CourseCode>,
}

/// What the order of a student's `locations` means.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum LocationOrder {
    /// Most preferred first, as the planner listed them.
    Preference,
    /// `*`: every location of the school, none preferred; the list is only sorted.
    Unranked,
}

impl Student {
    /// How far down the student's preference `location` is: 0 for a first choice (and for
    /// every location of an unranked student), one more per step down the list; `None`
    /// where the student does not accept it. Every cost or tie-break by preference goes
    /// through here.
    pub fn location_rank(&self, location: &Location) -> Option<u32> {
        let position = self.locations.iter().position(|l| l == location)?;
        Some(match self.location_order {
            LocationOrder::Preference => u32::try_from(position).unwrap_or(u32::MAX),
            LocationOrder::Unranked => 0,
        })
    }

    /// Whether the student could be in `group`: same profile, acceptable location, and
    /// available for every weekly slot of it (of one of its alternatives, when it has a
    /// choice of meeting times).
    pub fn fits(&self, group: &Group) -> bool {
        self.profile == group.profile
            && self.locations.contains(&group.location)
            && !self.fitting_alternatives(group).is_empty()
    }
}

/// A row of `mentors.csv`: an external certified mentor.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct ExternalMentor {
    pub id: MentorId,
    pub name: String,
    pub capacity: u32,
}

/// A row of `unavailability.csv`: dates (inclusive) a teacher gives no lessons.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Unavailability {
    pub teacher: TeacherId,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub reason: String,
}

/// One instance folder: everything a planner gives.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Instance {
    pub school: School,
    /// In file order.
    pub teachers: Vec<Teacher>,
    pub groups: Vec<Group>,
    pub students: Vec<Student>,
    pub mentors: Vec<ExternalMentor>,
    pub unavailability: Vec<Unavailability>,
    /// `locks.csv`, in file order (see [`super::lock`]).
    pub locks: Vec<super::lock::Lock>,
    /// `rooms.csv`, in file order (see [`super::room`]); empty: the school plans no rooms.
    pub rooms: Vec<super::room::Room>,
    /// The schedule a replan replaces, when this instance is a replan's (see
    /// [`super::frozen`]); `None` for a plan from scratch.
    #[serde(skip)]
    pub frozen: Option<super::frozen::Frozen>,
}

impl Instance {
    /// A school with no teachers, groups or students yet.
    pub fn of_school(school: School) -> Instance {
        Instance {
            school,
            teachers: Vec::new(),
            groups: Vec::new(),
            students: Vec::new(),
            mentors: Vec::new(),
            unavailability: Vec::new(),
            locks: Vec::new(),
            rooms: Vec::new(),
            frozen: None,
        }
    }

    /// The instance with every person's name replaced by their id (teachers and external
    /// mentors; students are ids only already), for outputs that are shared beyond the
    /// planners. Nothing else changes, so a schedule stays the same.
    pub fn anonymized(&self) -> Instance {
        let mut out = self.clone();
        for t in &mut out.teachers {
            t.name = t.id.to_string();
        }
        for m in &mut out.mentors {
            m.name = m.id.to_string();
        }
        out
    }

    /// The same instance with teachers, groups, students, external mentors and
    /// unavailability rows sorted by id (course code, teacher and dates for unavailability),
    /// and the locks sorted.
    /// What a person wrote in a list cell keeps its order (a student's locations may be a
    /// preference).
    pub fn in_id_order(&self) -> Instance {
        let mut i = self.clone();
        i.teachers.sort_by(|a, b| a.id.cmp(&b.id));
        i.groups.sort_by(|a, b| a.course_code.cmp(&b.course_code));
        i.students.sort_by(|a, b| a.id.cmp(&b.id));
        i.mentors.sort_by(|a, b| a.id.cmp(&b.id));
        i.unavailability.sort_by(|a, b| {
            (&a.teacher, a.from, a.to, &a.reason).cmp(&(&b.teacher, b.from, b.to, &b.reason))
        });
        i.locks.sort();
        i.rooms.sort_by(|a, b| a.id.cmp(&b.id));
        i
    }

    pub fn teacher(&self, id: &TeacherId) -> Option<&Teacher> {
        self.teachers.iter().find(|t| &t.id == id)
    }

    pub fn group(&self, code: &CourseCode) -> Option<&Group> {
        self.groups.iter().find(|g| &g.course_code == code)
    }

    pub fn student(&self, id: &StudentId) -> Option<&Student> {
        self.students.iter().find(|s| &s.id == id)
    }

    pub fn mentor(&self, id: &str) -> Option<&ExternalMentor> {
        self.mentors.iter().find(|m| m.id.as_str() == id)
    }

    /// Whether `teacher` is unavailable on `date` by `unavailability.csv`.
    pub fn is_unavailable(&self, teacher: &TeacherId, date: NaiveDate) -> bool {
        self.unavailability
            .iter()
            .any(|u| &u.teacher == teacher && date >= u.from && date <= u.to)
    }
}
