//! The sizes of school the generator makes: the four named NT2 schools, any checked custom
//! one, and the high school (one week, its shape fixed by its year tables).

use super::calendar::MAX_WEEKS;
use super::{GenerateError, names};

/// How big a school to make. Fields are private so that every spec passed to [`generate`](super::generate)
/// has been checked by a constructor.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SizeSpec {
    name: String,
    /// A high school (`highschool`) rather than an NT2 school; its groups and students
    /// follow from its classes, so `groups` and `students` are 0.
    high_school: bool,
    locations: usize,
    groups: usize,
    teachers: usize,
    students: usize,
    weeks: u32,
}

impl SizeSpec {
    /// The named sizes, the NT2 schools smallest first, then the high school.
    pub const NAMES: [&'static str; 5] = ["small", "medium", "large", "xl", "highschool"];

    /// The teachers of the high school.
    const HIGH_SCHOOL_TEACHERS: usize = 60;

    /// `small` (1 location, 6 groups, 8 teachers, 90 students, 4 weeks), `medium` (3, 30,
    /// 40, 500, 12), `large` (8, 100, 120, 1800, 12), `xl` (25, 400, 450, 7000, 16), or
    /// `highschool` (1 location, 60 teachers, one week; about 1,400 lessons in some 540
    /// groups, every student pinned).
    pub fn named(name: &str) -> Result<SizeSpec, GenerateError> {
        if name == "highschool" {
            return Ok(SizeSpec {
                name: name.to_string(),
                high_school: true,
                locations: 1,
                groups: 0,
                teachers: Self::HIGH_SCHOOL_TEACHERS,
                students: 0,
                weeks: 1,
            });
        }
        let (l, g, t, s, w) = match name {
            "small" => (1, 6, 8, 90, 4),
            "medium" => (3, 30, 40, 500, 12),
            "large" => (8, 100, 120, 1800, 12),
            "xl" => (25, 400, 450, 7000, 16),
            other => return Err(GenerateError::UnknownSize(other.to_string())),
        };
        let mut spec = SizeSpec::custom(l, g, t, s, w)?;
        spec.name = name.to_string();
        Ok(spec)
    }

    /// Any size within what the generator can make believable: 1 to 35 locations (the
    /// city list), at least one group and one teacher per location, at most
    /// [`MAX_WEEKS`] weeks (the term must end inside 2025, the Addendum's validity).
    pub fn custom(
        locations: usize,
        groups: usize,
        teachers: usize,
        students: usize,
        weeks: u32,
    ) -> Result<SizeSpec, GenerateError> {
        let bad = |m: String| Err(GenerateError::InvalidSize(m));
        if locations == 0 || locations > names::CITIES.len() {
            return bad(format!(
                "{locations} locations; use 1 to {}",
                names::CITIES.len()
            ));
        }
        if groups < locations || groups > 10_000 {
            return bad(format!(
                "{groups} groups for {locations} locations; use {locations} to 10000"
            ));
        }
        if teachers < locations || teachers > 10_000 {
            return bad(format!(
                "{teachers} teachers for {locations} locations; use {locations} to 10000"
            ));
        }
        if students > 1_000_000 {
            return bad(format!("{students} students; use at most 1000000"));
        }
        if weeks == 0 || weeks > MAX_WEEKS {
            return bad(format!(
                "{weeks} weeks; use 1 to {MAX_WEEKS} so the term ends in 2025"
            ));
        }
        Ok(SizeSpec {
            name: "custom".to_string(),
            high_school: false,
            locations,
            groups,
            teachers,
            students,
            weeks,
        })
    }

    /// The size as a number that picks the random streams (FNV-1a over the counts; fits in
    /// the 56 bits `Dice` leaves for it).
    pub(super) fn salt(&self) -> u64 {
        let counts = [
            self.locations,
            self.groups,
            self.teachers,
            self.students,
            self.weeks as usize,
        ];
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for c in counts {
            for b in (c as u64).to_le_bytes() {
                h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
            }
        }
        h >> 8
    }

    pub fn name(&self) -> &str {
        &self.name
    }
    /// Whether this is the high school (`highschool`), not an NT2 school.
    pub fn is_high_school(&self) -> bool {
        self.high_school
    }
    pub fn locations(&self) -> usize {
        self.locations
    }
    pub fn groups(&self) -> usize {
        self.groups
    }
    pub fn teachers(&self) -> usize {
        self.teachers
    }
    pub fn students(&self) -> usize {
        self.students
    }
    pub fn weeks(&self) -> u32 {
        self.weeks
    }
}
