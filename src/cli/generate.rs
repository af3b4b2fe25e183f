//! `nt2plan generate --size S --seed N -o DIR`: a synthetic instance folder.

use super::Outcome;
use anyhow::Context;
use nt2plan::generate::{Options, SizeSpec, generate_with, write};
use std::path::PathBuf;

/// The named sizes; each maps to a [`SizeSpec`] of the library.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub enum Size {
    /// 1 location, 6 groups, 8 teachers, 90 students, 4 weeks
    Small,
    /// 3 locations, 30 groups, 40 teachers, 500 students, 12 weeks
    Medium,
    /// 8 locations, 100 groups, 120 teachers, 1,800 students, 12 weeks
    Large,
    /// 25 locations, 400 groups, 450 teachers, 7,000 students, 16 weeks
    Xl,
    /// a havo/vwo high school: one week of about 1,400 lessons in 45-minute and double
    /// periods, 60 teachers in narrow qualification groups, every student pinned;
    /// under handleiding-2024
    Highschool,
}

impl Size {
    fn name(self) -> &'static str {
        match self {
            Size::Small => "small",
            Size::Medium => "medium",
            Size::Large => "large",
            Size::Xl => "xl",
            Size::Highschool => "highschool",
        }
    }
}

/// Write a synthetic but believable instance folder: Dutch cities as locations, the
/// profiles B1-route, Z-route, Alfabetisering and ONA-KNM, about a third of the teachers
/// not certified, some optional spare groups, a term in autumn 2025 under addendum-2025.
///
/// The instance can be staffed (about 70% certified lessons are possible by construction),
/// so it serves benchmarks, tests and demos without real (personal) data. The same size
/// and seed give byte-identical files on every machine.
///
/// With --tight the school exercises what makes planning per weekly series inexact, and
/// stays feasible all the same: a midday block overlapping morning and afternoon, groups
/// with their own start and end dates, single days off, weekly maxima that bind.
///
/// --size highschool makes another kind of school: one week of a havo/vwo school in 2026
/// under handleiding-2024, a group per class and subject, teachers qualified per subject
/// and stage, every student pinned; feasible by construction, hard to solve. It has no
/// --tight.
///
/// Example: nt2plan generate --size medium --seed 7 -o /tmp/medium-7
#[derive(Debug, clap::Args)]
pub struct Args {
    /// How big a school to make.
    #[arg(long, value_enum, default_value_t = Size::Small)]
    size: Size,
    /// The seed; another seed gives another school of the same size.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// The folder to write (created; its parent folders too).
    #[arg(short, long, value_name = "DIR")]
    out: PathBuf,
    /// Replace the folder even when it is not empty (its old contents are deleted).
    #[arg(long)]
    force: bool,
    /// Make planning per weekly series inexact: a `midday` block (11:00-14:00) overlapping
    /// the morning and the afternoon, groups that start late or end early (one ending
    /// halfway followed by another in its slots), single days off for many teachers
    /// (`from` = `to` in unavailability.csv), weekly maxima at each teacher's busiest planted
    /// week. Still feasible by construction; without it the output is unchanged.
    #[arg(long)]
    tight: bool,
    /// Add rooms.csv: about 1.3 rooms for every group meeting at the same time at a location
    /// (25 seats, every fourth a small one of 12), always available. Without it no rooms.
    #[arg(long)]
    rooms: bool,
    /// Give about one group in five a choice of meeting times: a second alternative in its
    /// `slots` (`|`), its weekly slots on other weekdays. The first alternative is the one the
    /// school was made for, so it stays feasible; without it the output is unchanged.
    #[arg(long)]
    alternatives: bool,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let spec = SizeSpec::named(args.size.name())?;
    let options = Options {
        tight: args.tight,
        rooms: args.rooms,
        alternatives: args.alternatives,
    };
    let generated = generate_with(&spec, args.seed, options)?;
    {
        let _writing = super::interrupt::Writing::start();
        write(&args.out, &generated, args.force)
            .with_context(|| format!("writing the instance to {}", args.out.display()))?;
    }
    outln!(
        "{}: {} (size {}, seed {}{})",
        args.out.display(),
        generated.summary,
        spec.name(),
        args.seed,
        [
            (args.tight, ", tight"),
            (args.rooms, ", rooms"),
            (args.alternatives, ", alternatives"),
        ]
        .iter()
        .filter(|(on, _)| *on)
        .map(|(_, s)| *s)
        .collect::<String>()
    );
    Ok(Outcome::Ok)
}
