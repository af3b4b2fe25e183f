//! `generate --alternatives`: about one group in five may also meet on other weekdays (a
//! choice of meeting times, `|` in `slots`). The second alternative is the group's weekly
//! slots moved by one to four weekdays (the same blocks), so the planted staffing and every
//! student of the group still fit the first: the school stays feasible by construction.
//! Its own dice stream, so every other file is what it was without the option.

use super::dice::Dice;
use crate::domain::{Day, Group, Slot};

/// Gives some groups a second alternative.
pub fn vary(groups: &mut [Group], dice: &mut Dice) {
    const WEEKDAYS: [Day; 5] = [Day::Mon, Day::Tue, Day::Wed, Day::Thu, Day::Fri];
    for g in groups.iter_mut() {
        if !dice.chance(0.2) {
            continue;
        }
        let k = 1 + dice.below(4);
        let moved: Option<Vec<Slot>> = g
            .slots
            .iter()
            .map(|s| {
                let i = WEEKDAYS.iter().position(|d| *d == s.day)?;
                Some(Slot::new(WEEKDAYS[(i + k) % 5], s.block.as_str()))
            })
            .collect();
        let Some(mut second) = moved else {
            continue;
        };
        second.sort();
        let mut first = g.slots.clone();
        first.sort();
        if second == first {
            continue;
        }
        let mut union: Vec<Slot> = first.iter().chain(&second).cloned().collect();
        union.sort();
        union.dedup();
        g.choices = vec![first, second];
        g.slots = union;
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Options, SizeSpec, generate_with, write};

    /// `--alternatives` changes groups.csv only; it reads back with the same choices, loads
    /// without an error, and every group with a choice still has its first alternative (the
    /// one the school was made for) and a second with as many weekly lessons.
    #[test]
    fn alternatives_change_groups_csv_only_and_read_back() {
        let spec = SizeSpec::named("small").expect("small");
        let plain = generate_with(&spec, 1, Options::default()).expect("generates");
        let options = Options {
            alternatives: true,
            ..Options::default()
        };
        let with = generate_with(&spec, 1, options).expect("generates");
        assert_eq!(plain.files.len(), with.files.len());
        for (a, b) in plain.files.iter().zip(&with.files) {
            assert_eq!(a.0, b.0);
            if a.0 != "groups.csv" {
                assert_eq!(a.1, b.1, "{}", a.0);
            }
        }
        let chosen: Vec<_> = with
            .instance
            .groups
            .iter()
            .filter(|g| g.has_choice())
            .collect();
        assert!(!chosen.is_empty(), "some group has a choice");
        for g in &chosen {
            let before = plain.instance.group(&g.course_code).expect("same groups");
            let mut first = before.slots.clone();
            first.sort();
            assert_eq!(g.choices[0], first);
            assert_eq!(g.choices[1].len(), first.len());
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("school");
        write(&out, &with, false).expect("writes");
        let loaded = crate::validate::load_instance(&out, None).unwrap_or_else(|d| panic!("{d:?}"));
        let back: Vec<_> = loaded
            .value
            .instance
            .groups
            .iter()
            .map(|g| &g.choices)
            .collect();
        let made: Vec<_> = with.instance.groups.iter().map(|g| &g.choices).collect();
        assert_eq!(back, made);
    }

    /// large with `--alternatives` loads without an error: its pinned students were made
    /// for their group's first alternative, and one alternative they can come to is enough
    /// (E407 asked for every slot of every alternative until stop 27).
    #[test]
    fn large_with_alternatives_loads_with_its_pinned_students() {
        let spec = SizeSpec::named("large").expect("large");
        let options = Options {
            alternatives: true,
            ..Options::default()
        };
        let with = generate_with(&spec, 1, options).expect("generates");
        let dir = tempfile::tempdir().expect("temp dir");
        let out = dir.path().join("school");
        write(&out, &with, false).expect("writes");
        if let Err(d) = crate::validate::load_instance(&out, None) {
            panic!("{d:?}");
        }
    }
}
