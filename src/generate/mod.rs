//! Synthetic but believable instances: Dutch cities, the usual NT2 profiles and rhythms,
//! part-time and non-certified teachers, students who mostly fit a group. For benchmarks,
//! property tests and demos, where real school data (personal data) cannot be used.
//!
//! The generator plants a weekly staffing first and draws every teacher around it, so each
//! instance is feasible under `addendum-2025` with room to do better than the plant. The
//! same [`SizeSpec`] and seed give byte-identical files on every machine: one ChaCha8
//! stream per pass, draws through `u32`/`f64` only, and no hash-ordered iteration.
//!
//! With [`Options::tight`] the school exercises what makes planning per weekly series
//! inexact (see `tight.rs`): the plant becomes dated, with substitutes on days off, and every
//! added rule keeps it a schedule of every date. Its draws come from a stream of their own,
//! so without `tight` every file is what it was.
//!
//! The `highschool` size (`highschool/`) is another kind of school: one week of a havo/vwo
//! school under `handleiding-2024`, planted first and timetabled around the plant.

mod alternatives;
mod calendar;
mod ceiling;
mod dated;
mod dice;
mod groups;
mod highschool;
mod names;
mod people;
pub(crate) mod render;
mod rooms;
mod size;
mod staff;
mod students;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_highschool;
#[cfg(test)]
mod tests_tight;
mod tight;
mod variation;
mod write;

pub use calendar::MAX_WEEKS;
pub use size::SizeSpec;
pub use variation::{more_students, permutation};
pub use write::write;

use crate::domain::{
    Block, BlockName, CourseCode, Instance, Location, Profile, School, Slot, TeacherId, TimeRange,
    TimetableRow,
};
use chrono::NaiveTime;
use dice::{Dice, Stream};
use std::fmt;
use std::path::PathBuf;

/// The rule set every generated instance names; its validity bounds the term.
pub const RULES: &str = "addendum-2025";

/// Why generating or writing an instance failed.
#[derive(Debug, thiserror::Error)]
pub enum GenerateError {
    #[error("unknown size {0:?}: use small, medium, large, xl or highschool")]
    UnknownSize(String),
    #[error("{0}")]
    Unsupported(String),
    #[error("invalid size: {0}")]
    InvalidSize(String),
    #[error("could not make the term: {0}")]
    Calendar(String),
    #[error("could not write {file}: {message}")]
    Render { file: &'static str, message: String },
    #[error("{} exists and is not empty; refusing to replace it without force (`--force`)", path.display())]
    NotEmpty { path: PathBuf },
    #[error("{} exists and is not a folder", path.display())]
    NotAFolder { path: PathBuf },
    #[error("{}: {source}", path.display())]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
}

/// Counts for the one-line summary.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    pub locations: usize,
    pub groups: usize,
    pub optional_groups: usize,
    pub teachers: usize,
    pub certified_teachers: usize,
    pub students: usize,
    pub pinned_students: usize,
    /// Dated lessons of all groups (optional ones included) over the term.
    pub lessons: usize,
}

impl Summary {
    /// The counts of `instance`.
    pub fn of(instance: &crate::domain::Instance) -> Summary {
        Summary {
            locations: instance.school.locations.len(),
            groups: instance.groups.len(),
            optional_groups: instance.groups.iter().filter(|g| g.optional).count(),
            teachers: instance.teachers.len(),
            certified_teachers: instance
                .teachers
                .iter()
                .filter(|t| t.is_certified())
                .count(),
            students: instance.students.len(),
            pinned_students: instance
                .students
                .iter()
                .filter(|s| s.pinned.is_some())
                .count(),
            lessons: instance
                .groups
                .iter()
                .map(|g| instance.first_alternative_lessons(g).len())
                .sum(),
        }
    }
}

impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = |count: usize, one: &str, many: &str| {
            format!("{count} {}", if count == 1 { one } else { many })
        };
        write!(
            f,
            "{}, {} ({} optional), {} ({} certified), {} ({} pinned), {}",
            n(self.locations, "location", "locations"),
            n(self.groups, "group", "groups"),
            self.optional_groups,
            n(self.teachers, "teacher", "teachers"),
            self.certified_teachers,
            n(self.students, "student", "students"),
            self.pinned_students,
            n(self.lessons, "lesson", "lessons"),
        )
    }
}

/// A generated instance: the file texts, and the same data as the domain holds it.
#[derive(Clone, Debug)]
pub struct GeneratedInstance {
    /// `(file name, contents)`: school.toml, teachers.csv, groups.csv, students.csv,
    /// mentors.csv, unavailability.csv, always in this order.
    pub files: Vec<(String, String)>,
    /// What validation should read back from the files.
    pub instance: Instance,
    pub summary: Summary,
    /// The weekly staffing the teachers were drawn around, one row per group slot, in group
    /// order: a witness that every group can be staffed (with about 70% certified lessons
    /// and a certified lesson in every course), not an optimum. Useful as a warm start or a
    /// sanity bound for a solver. With [`Options::tight`] it is the plan before the days
    /// off and the lowered maxima; [`GeneratedInstance::dated`] is the witness then. For
    /// `highschool` it is every lesson of its one week, at least 80% certified.
    pub planted: Vec<PlantedLesson>,
    /// With [`Options::tight`]: the planted staffing on every dated lesson, a substitute on
    /// each day its teacher is away, in date, time and course order. A timetable that keeps
    /// every teacher rule of every date (no overlap in clock time, no lesson on a day away,
    /// the weekly maximum in every ISO week). Empty without `tight`, where the weekly plant
    /// (whose absences have substitutes reserved, not assigned) is the witness.
    pub dated: Vec<TimetableRow>,
}

/// How to vary the school beyond its size.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// Exercise what makes planning per weekly series inexact: a `midday` block that
    /// overlaps the morning and the afternoon, groups with their own start and end dates,
    /// single days off for many teachers, weekly maxima at the planted busiest week. Drawn
    /// from a stream of its own; without it the output is what it always was.
    pub tight: bool,
    /// Rooms (`rooms.csv`, see `rooms.rs`): about 1.3 per group meeting at the same time at a
    /// location, a few small. Without it no rooms.csv, and every file as it always was.
    pub rooms: bool,
    /// A choice of meeting times for about one group in five (see `alternatives.rs`).
    /// Without it every file as it always was.
    pub alternatives: bool,
}

/// One weekly lesson of the planted staffing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlantedLesson {
    pub course_code: CourseCode,
    pub slot: Slot,
    pub teacher: TeacherId,
}

/// The standard maximum of a size class, read from the built-in rule set (rules are data),
/// with the Handleiding's values should the class be missing.
fn standard_max(class: &str) -> u32 {
    standard_max_in(RULES, class)
}

/// [`standard_max`] in the built-in rule set `rules`.
fn standard_max_in(rules: &str, class: &str) -> u32 {
    crate::rules::builtins()
        .into_iter()
        .find(|r| r.name == rules)
        .and_then(|r| r.size_classes.get(class).map(|l| l.standard_max))
        .unwrap_or(if class == "Alfabetisering/Z-route" {
            12
        } else {
            20
        })
}

fn blocks(tight: bool) -> Vec<Block> {
    parse_blocks(&groups::block_list(tight))
}

/// Blocks from (name, "HH:MM-HH:MM") pairs; both generators' tables are written that way.
fn parse_blocks(list: &[(&str, &str)]) -> Vec<Block> {
    let time = |t: &str| NaiveTime::parse_from_str(t, "%H:%M").ok();
    list.iter()
        .filter_map(|(name, range)| {
            let (a, b) = range.split_once('-')?;
            Some(Block {
                name: BlockName::new(*name),
                time: TimeRange {
                    start: time(a)?,
                    end: time(b)?,
                },
            })
        })
        .collect()
}

/// Makes the instance for `spec` and `seed`, in passes: school and term, groups, teachers
/// around a planted staffing, students, then the file texts.
/// The rooms `generate --rooms` gives a school with these groups and blocks (about 1.3
/// rooms per group meeting at the same time at a location, a few small), for a benchmark of
/// a checked-in instance with rooms.
pub fn rooms_for(
    groups: &[crate::domain::Group],
    blocks: &[crate::domain::Block],
) -> Vec<crate::domain::Room> {
    rooms::rooms(groups, blocks)
}

pub fn generate(spec: &SizeSpec, seed: u64) -> Result<GeneratedInstance, GenerateError> {
    generate_with(spec, seed, Options::default())
}

/// [`generate`] with [`Options`]; the same spec, seed and options give the same bytes.
pub fn generate_with(
    spec: &SizeSpec,
    seed: u64,
    options: Options,
) -> Result<GeneratedInstance, GenerateError> {
    let tight = options.tight;
    if spec.is_high_school() && options.rooms {
        return Err(GenerateError::Unsupported(
            "--rooms plans the rooms of an NT2 school; the highschool size has none".to_string(),
        ));
    }
    if spec.is_high_school() {
        if tight {
            return Err(GenerateError::Unsupported(
                "--tight varies a term of many weeks; the highschool size is one week".to_string(),
            ));
        }
        return highschool::generate(spec, seed);
    }
    let salt = spec.salt();
    let mut tight_dice = Dice::new(seed, salt, Stream::Tight);
    let mut dice = Dice::new(seed, salt, Stream::School);
    let term = calendar::term(spec.weeks(), &mut dice)
        .ok_or_else(|| GenerateError::Calendar(format!("{} weeks", spec.weeks())))?;
    let sites = groups::sites(spec.locations(), &mut dice);
    let main = sites
        .first()
        .map(|s| s.location.clone())
        .unwrap_or_else(|| Location::new("Utrecht"));
    let school = School {
        name: dice
            .pick(names::SCHOOL_NAMES)
            .copied()
            .unwrap_or("Taalschool De Brug")
            .to_string(),
        bow_number: Some(format!("BOW-{:05}", dice.between(10_000, 99_999))),
        main_location: main,
        rules: RULES.to_string(),
        term_start: term.start,
        term_end: term.end,
        closed: term.closed.clone(),
        blocks: blocks(tight),
        profiles: groups::PROFILES
            .iter()
            .map(|p| (Profile::new(p.name), p.size_class.to_string()))
            .collect(),
        locations: sites.iter().map(|s| s.location.clone()).collect(),
        weights: Default::default(),
        supervision: Default::default(),
    };

    let mut dice = Dice::new(seed, salt, Stream::Groups);
    let mut groups = groups::groups(&sites, spec.groups(), (term.start, term.end), &mut dice);
    if tight {
        tight::vary_groups(&mut groups, &term.weeks, &mut tight_dice);
    }

    let mut dice = Dice::new(seed, salt, Stream::Staff);
    let mut drafts = staff::drafts(spec.teachers(), &sites, &groups, &mut dice);
    let planted = staff::plant(&groups, &sites, &mut drafts, &mut dice);
    for d in &mut drafts {
        staff::draw_availability(d, &mut dice);
        if tight {
            tight::midday_availability(d, &mut tight_dice);
        }
    }
    let target = dice.uniform(0.78, 0.88);
    ceiling::calibrate(&groups, &sites, &mut drafts, &planted, target, &mut dice);
    let exact = if tight {
        let term = (term.start, term.end);
        tight::free_up(
            &groups,
            &sites,
            &planted,
            &mut drafts,
            term,
            &mut tight_dice,
        )
    } else {
        Vec::new()
    };
    for d in &mut drafts {
        people::make_useful(d, &sites, &groups, &mut dice);
    }
    let mut book = people::NameBook::new();
    let mut teachers = people::teachers(&drafts, &sites, &mut book, &mut dice);
    let mentors = people::mentors(&mut teachers, &mut book, &mut dice);
    let (unavailability, dated) = if tight {
        tight::absences_and_maxima(
            &school,
            &groups,
            &mut teachers,
            &planted,
            &term.weeks,
            &exact,
            &mut tight_dice,
        )
    } else {
        let away = people::unavailability(
            &mut drafts,
            &teachers,
            &planted,
            &groups,
            &sites,
            &term.weeks,
            &mut dice,
        );
        (away, Vec::new())
    };

    let mut dice = Dice::new(seed, salt, Stream::Students);
    let students = students::students(spec.students(), &sites, &groups, &school.blocks, &mut dice);

    let instance = Instance {
        school,
        teachers,
        groups,
        students,
        mentors,
        unavailability,
        locks: Vec::new(),
        rooms: Vec::new(),
        frozen: None,
    };
    let mut instance = instance;
    // After the students and the staff: both were made for the first alternative.
    if options.alternatives {
        let mut dice = Dice::new(seed, salt, Stream::Alternatives);
        alternatives::vary(&mut instance.groups, &mut dice);
    }
    if options.rooms {
        instance.rooms = rooms_for(&instance.groups, &instance.school.blocks);
    }
    let origin = format!(
        "size {}, seed {seed}{}",
        spec.name(),
        if tight { ", tight" } else { "" }
    );
    let locations: Vec<Location> = sites.iter().map(|s| s.location.clone()).collect();
    let profiles: Vec<(String, String)> = groups::PROFILES
        .iter()
        .map(|p| (p.name.to_string(), p.size_class.to_string()))
        .collect();
    let files = vec![
        (
            "school.toml".to_string(),
            render::school_toml(&instance, &locations, &profiles, &origin),
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
    let mut files = files;
    if instance.has_rooms() {
        files.push(("rooms.csv".to_string(), render::rooms_csv(&instance)?));
    }
    let summary = Summary::of(&instance);
    let planted = planted
        .into_iter()
        .filter_map(|p| {
            Some(PlantedLesson {
                course_code: instance.groups.get(p.group)?.course_code.clone(),
                slot: p.slot,
                teacher: instance.teachers.get(p.teacher)?.id.clone(),
            })
        })
        .collect();
    Ok(GeneratedInstance {
        files,
        instance,
        summary,
        planted,
        dated,
    })
}
