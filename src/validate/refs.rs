//! Resolving names against what the school defines: locations, profiles, blocks and ids,
//! with `*` expanded and a "did you mean" for every unknown name.

use crate::diag::{Diagnostics, ErrorCode};
use crate::domain::{Availability, Block, BlockName, Day, Location, Profile, Slot};
use crate::input::Rows;
use crate::input::cells::{Field, List, SlotSpec};
use crate::input::csvfile::Cell;
use crate::input::suggest;
use std::collections::BTreeSet;

/// What the school defines, as far as it could be read. Missing pieces (`None`) switch the
/// checks that need them off, so one broken file does not flood the others with errors.
#[derive(Clone, Debug, Default)]
pub struct Names {
    /// Known locations; `None` when `school.toml` could not be read.
    pub locations: Option<BTreeSet<Location>>,
    /// Known profile names; `None` when neither `[profiles]` nor a rule set is available.
    pub profiles: Option<BTreeSet<String>>,
    /// Good blocks; `None` when `school.toml` could not be read.
    pub blocks: Option<Vec<Block>>,
    /// Blocks with a bad time: references to them are not reported again.
    pub broken_blocks: Vec<String>,
}

/// Ids a file defines; references to `broken` rows are neither found nor reported.
#[derive(Clone, Debug, Default)]
pub struct Known {
    pub good: BTreeSet<String>,
    pub broken: BTreeSet<String>,
    /// False when the defining file could not be read: nothing counts as unknown then.
    pub complete: bool,
}

/// The outcome of looking an id up.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Lookup {
    Found,
    /// Defined by a bad row, or the defining file is unusable: stay silent.
    Skip,
    Missing,
}

impl Known {
    pub fn of<T>(rows: Option<&Rows<T>>, key: impl Fn(&T) -> &str) -> Known {
        match rows {
            None => Known::default(),
            Some(r) => Known {
                good: r.rows.iter().map(|row| key(row).to_string()).collect(),
                broken: r.broken.iter().map(|c| c.text.clone()).collect(),
                complete: true,
            },
        }
    }

    pub fn lookup(&self, id: &str) -> Lookup {
        if self.good.contains(id) {
            Lookup::Found
        } else if !self.complete || self.broken.contains(id) {
            Lookup::Skip
        } else {
            Lookup::Missing
        }
    }

    /// Looks `cell` up and reports `code` when it is missing; `Some(true)` when found,
    /// `Some(false)` when skipped, `None` when reported.
    pub fn check(
        &self,
        cell: &Cell,
        code: ErrorCode,
        what: &str,
        file: &str,
        diags: &mut Diagnostics,
    ) -> Option<bool> {
        match self.lookup(&cell.text) {
            Lookup::Found => Some(true),
            Lookup::Skip => Some(false),
            Lookup::Missing => {
                diags.push(
                    cell.error(code, format!("{what} \"{}\" is not in {file}", cell.text))
                        .fix(suggest::fix_for_id(
                            &cell.text,
                            self.good.iter().map(String::as_str),
                        ))
                        .nl(format!(
                            "{} \"{}\" staat niet in {file}",
                            dutch_noun(what),
                            cell.text
                        ))
                        .fix_nl(suggest::fix_for_id_nl(
                            &cell.text,
                            self.good.iter().map(String::as_str),
                        )),
                );
                None
            }
        }
    }
}

/// The Dutch for the names of what a reference or id is (`teacher`, `course code`, …), as
/// the callers of [`Known::check`] and [`duplicates`] pass them.
pub(super) fn dutch_noun(what: &str) -> &str {
    match what {
        "teacher" => "docent",
        "course" => "cursus",
        "course code" => "cursuscode",
        "student" => "cursist",
        "teacher id" => "docent-id",
        "student id" => "cursist-id",
        "mentor id" => "begeleider-id",
        "room id" => "lokaal-id",
        "room" => "lokaal",
        "mentor" => "begeleider",
        other => other,
    }
}

/// The school's spelling of a location typed in any case (`utrecht` is `Utrecht`).
pub fn school_spelling(known: &BTreeSet<Location>, name: &str) -> Option<Location> {
    let exact = Location::new(name);
    if known.contains(&exact) {
        return Some(exact);
    }
    let lower = name.to_lowercase();
    known
        .iter()
        .find(|l| l.as_str().to_lowercase() == lower)
        .cloned()
}

/// One location name, in any case, as the school spells it; E302 with a suggestion when
/// unknown. `None` also when unknowable.
pub fn location(
    cell: &Cell,
    name: &str,
    names: &Names,
    diags: &mut Diagnostics,
) -> Option<Location> {
    let known = names.locations.as_ref()?;
    if let Some(loc) = school_spelling(known, name) {
        return Some(loc);
    }
    diags.push(
        cell.error(
            ErrorCode::UnknownLocation,
            format!("location \"{name}\" is not one of the school's locations"),
        )
        .fix(format!(
            "{}; or add it to `locations` in school.toml",
            suggest::fix_for(name, known.iter().map(Location::as_str))
        ))
        .nl(format!(
            "locatie \"{name}\" is geen van de locaties van de school"
        ))
        .fix_nl(format!(
            "{}; of voeg haar toe aan `locations` in school.toml",
            suggest::fix_for_nl(name, known.iter().map(Location::as_str))
        )),
    );
    None
}

/// A location list in the order given, `*` meaning every known location (sorted).
pub fn locations(
    field: &Field<List>,
    names: &Names,
    diags: &mut Diagnostics,
) -> Option<Vec<Location>> {
    let known = names.locations.as_ref()?;
    match &field.value {
        List::All => Some(known.iter().cloned().collect()),
        List::Items(items) => {
            let mut out = Vec::new();
            let mut ok = true;
            for item in items {
                match location(&field.cell, item, names, diags) {
                    Some(l) if !out.contains(&l) => out.push(l),
                    Some(_) => {}
                    None => ok = false,
                }
            }
            ok.then_some(out)
        }
    }
}

/// One profile name; E303 with a suggestion when unknown. `None` also when unknowable.
pub fn profile(cell: &Cell, name: &str, names: &Names, diags: &mut Diagnostics) -> Option<Profile> {
    let known = names.profiles.as_ref()?;
    if known.contains(name) {
        return Some(Profile::new(name));
    }
    diags.push(
        cell.error(ErrorCode::UnknownProfile, format!("profile \"{name}\" is not known"))
            .fix(format!(
                "{}; profiles are the keys of [profiles] in school.toml, or without it the rule set's size classes",
                suggest::fix_for(name, known.iter().map(String::as_str))
            ))
            .nl(format!("profiel \"{name}\" is niet bekend"))
            .fix_nl(format!(
                "{}; de profielen zijn de sleutels van [profiles] in school.toml, of zonder die de grootteklassen van de regeling",
                suggest::fix_for_nl(name, known.iter().map(String::as_str))
            )),
    );
    None
}

/// A profile list, `*` meaning every known profile.
pub fn profiles(
    field: &Field<List>,
    names: &Names,
    diags: &mut Diagnostics,
) -> Option<BTreeSet<Profile>> {
    let known = names.profiles.as_ref()?;
    match &field.value {
        List::All => Some(known.iter().map(|p| Profile::new(p.as_str())).collect()),
        List::Items(items) => {
            let resolved: Vec<Option<Profile>> = items
                .iter()
                .map(|p| profile(&field.cell, p, names, diags))
                .collect();
            resolved.into_iter().collect()
        }
    }
}

/// The blocks an entry names: one, or all for `*`. E301 when unknown.
fn blocks_of(
    cell: &Cell,
    block: Option<&str>,
    names: &Names,
    diags: &mut Diagnostics,
) -> Option<Vec<BlockName>> {
    let blocks = names.blocks.as_ref()?;
    match block {
        None => Some(blocks.iter().map(|b| b.name.clone()).collect()),
        Some(name) if blocks.iter().any(|b| b.name.as_str() == name) => {
            Some(vec![BlockName::new(name)])
        }
        Some(name) if names.broken_blocks.iter().any(|b| b == name) => None,
        Some(name) => {
            let valid: Vec<&str> = blocks.iter().map(|b| b.name.as_str()).collect();
            diags.push(
                cell.error(
                    ErrorCode::UnknownBlock,
                    format!("block \"{name}\" is not defined in school.toml [blocks]"),
                )
                .fix(format!(
                    "{}; or add the block to [blocks]",
                    suggest::fix_for(name, valid.iter().copied())
                ))
                .nl(format!(
                    "blok \"{name}\" staat niet in [blocks] van school.toml"
                ))
                .fix_nl(format!(
                    "{}; of voeg het blok toe aan [blocks]",
                    suggest::fix_for_nl(name, valid.iter().copied())
                )),
            );
            None
        }
    }
}

/// Availability from `available` entries, with `*` and `DAY-*` expanded.
pub fn availability(
    field: &Field<Vec<SlotSpec>>,
    names: &Names,
    diags: &mut Diagnostics,
) -> Option<Availability> {
    let mut set = BTreeSet::new();
    let mut ok = true;
    for spec in &field.value {
        let days: Vec<Day> = spec.day.map_or(Day::ALL.to_vec(), |d| vec![d]);
        match blocks_of(&field.cell, spec.block.as_deref(), names, diags) {
            Some(blocks) => {
                for day in days {
                    for b in &blocks {
                        set.insert(Slot {
                            day,
                            block: b.clone(),
                        });
                    }
                }
            }
            None => ok = false,
        }
    }
    ok.then_some(Availability(set))
}

/// A group's weekly slots (each entry names one day and one block), in file order.
pub fn slots(
    field: &Field<Vec<SlotSpec>>,
    names: &Names,
    diags: &mut Diagnostics,
) -> Option<Vec<Slot>> {
    let mut out = Vec::new();
    let mut ok = true;
    for spec in &field.value {
        let (Some(day), Some(block)) = (spec.day, spec.block.as_deref()) else {
            ok = false;
            continue;
        };
        match blocks_of(&field.cell, Some(block), names, diags) {
            Some(_) => out.push(Slot::new(day, block)),
            None => ok = false,
        }
    }
    ok.then_some(out)
}

/// Reports every key after its first occurrence as E309; `broken` rows count too, so a
/// duplicate is found whichever of the two rows has another problem.
pub fn duplicates_in<T>(
    rows: &Rows<T>,
    key: impl Fn(&T) -> &Cell,
    what: &str,
    diags: &mut Diagnostics,
) {
    let mut keys: Vec<&Cell> = rows.rows.iter().map(key).chain(&rows.broken).collect();
    keys.sort_by_key(|c| c.line);
    duplicates(keys, what, diags);
}

/// Reports every key after its first occurrence as E309.
pub fn duplicates<'a>(
    keys: impl IntoIterator<Item = &'a Cell>,
    what: &str,
    diags: &mut Diagnostics,
) {
    let mut seen: std::collections::BTreeMap<&str, u64> = std::collections::BTreeMap::new();
    for cell in keys {
        if cell.text.is_empty() {
            continue;
        }
        match seen.get(cell.text.as_str()) {
            Some(first) => diags.push(
                cell.error(
                    ErrorCode::DuplicateId,
                    format!("{what} \"{}\" appears twice", cell.text),
                )
                .fix(format!(
                    "it is already used on line {first}; give each row its own {what}"
                ))
                .nl(format!(
                    "{} \"{}\" komt twee keer voor",
                    dutch_noun(what),
                    cell.text
                ))
                .fix_nl(format!(
                    "het staat al op regel {first}; geef elke regel een eigen {}",
                    dutch_noun(what)
                )),
            ),
            None => {
                seen.insert(&cell.text, cell.line);
            }
        }
    }
}
