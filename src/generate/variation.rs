//! Draws for the variations of `nt2plan sweep`, from the generator's own random streams.

use super::dice::{Dice, Stream};
use super::students;
use crate::domain::{Instance, Location, Profile};

/// A random order of `0..n` from `seed`; `salt` keeps independent uses apart. Used by
/// `nt2plan sweep` to choose who leaves: a prefix of one order, so a larger shortage removes
/// the same teachers as a smaller one and more.
pub fn permutation(n: usize, seed: u64, salt: u64) -> Vec<usize> {
    let mut dice = Dice::new(seed, salt, Stream::Sweep);
    let mut order: Vec<usize> = (0..n).collect();
    dice.shuffle(&mut order);
    order
}

/// `count` more students of `profile` at `location`, drawn as [`generate`] draws them
/// (availability around a group of that profile and location), with empty ids.
pub fn more_students(
    instance: &Instance,
    profile: &Profile,
    location: &Location,
    count: usize,
    seed: u64,
    salt: u64,
) -> Vec<crate::domain::Student> {
    let mut dice = Dice::new(seed, salt, Stream::Sweep);
    students::more(
        count,
        profile,
        location,
        &instance.groups,
        &instance.school.blocks,
        &mut dice,
    )
}
