//! `school.toml` against the rule set: the profile mapping, the known names, and the rule set
//! itself (from school.toml or `--rules`).

use super::refs::Names;
use crate::diag::{Diagnostic, Diagnostics, ErrorCode};
use crate::domain::{Location, Profile, RuleSet, School};
use crate::input::groups::GroupRow;
use crate::input::school::SchoolInput;
use crate::input::{Rows, suggest};
use crate::rules::{self, RuleChoice};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// The rule set: `rules_override` (relative to the current dir) wins over school.toml's
/// `rules` (relative to the instance folder). `None` when it cannot be resolved (reported).
pub fn rule_set(
    dir: &Path,
    school: Option<&SchoolInput>,
    rules_override: Option<&RuleChoice>,
    diags: &mut Diagnostics,
) -> Option<RuleSet> {
    let result = match (rules_override, school) {
        (Some(choice), _) => {
            let origin =
                Diagnostic::error(ErrorCode::UnknownRuleSet, "--rules", "").field("--rules");
            rules::resolve_choice(choice, Path::new("."), origin)
        }
        (None, Some(s)) => {
            let origin = s.rules.error(ErrorCode::UnknownRuleSet, "rules", "");
            rules::resolve(&s.rules.text, dir, origin)
        }
        (None, None) => return None,
    };
    result.map_err(|d| diags.extend(d)).ok()
}

/// Checks `[profiles]` against the rule set's size classes (E304) and collects the names
/// the CSV files may use. Without `locations` in school.toml, group locations count as
/// school locations.
pub fn names(
    school: Option<&SchoolInput>,
    rules: Option<&RuleSet>,
    groups: Option<&Rows<GroupRow>>,
    diags: &mut Diagnostics,
) -> Names {
    let Some(school) = school else {
        return Names::default();
    };
    // A location is one place whatever its case: the first spelling counts, the `locations`
    // list before the main location and the groups.
    let mut locations: BTreeSet<Location> = BTreeSet::new();
    let mut add = |name: &str| {
        if super::refs::school_spelling(&locations, name).is_none() {
            locations.insert(Location::new(name));
        }
    };
    for l in &school.locations {
        add(l.text.as_str());
    }
    add(school.main_location.text.as_str());
    // Without a `locations` list the groups define the school's locations; with one, the
    // list is authoritative, so that a mistyped group location is caught (E302).
    if school.locations.is_empty() {
        for g in groups.iter().flat_map(|r| &r.rows) {
            add(g.location.text.as_str());
        }
    }
    let profiles = if school.profiles.is_empty() {
        rules.map(|r| r.size_classes.keys().cloned().collect())
    } else {
        if let Some(r) = rules {
            for (profile, class) in &school.profiles {
                if !r.size_classes.contains_key(&class.text) {
                    diags.push(
                        class
                            .error(
                                ErrorCode::UnknownSizeClass,
                                &format!("profiles.\"{profile}\""),
                                format!(
                                    "profile \"{profile}\" maps to \"{}\", which is not a size class of rule set {}",
                                    class.text, r.name
                                ),
                            )
                            .fix(suggest::fix_for(
                                &class.text,
                                r.size_classes.keys().map(String::as_str),
                            ))
                            .nl(format!(
                                "profiel \"{profile}\" hoort bij \"{}\", dat is geen grootteklasse van regeling {}",
                                class.text, r.name
                            ))
                            .fix_nl(suggest::fix_for_nl(
                                &class.text,
                                r.size_classes.keys().map(String::as_str),
                            )),
                    );
                }
            }
        }
        Some(school.profiles.iter().map(|(p, _)| p.clone()).collect())
    };
    Names {
        locations: Some(locations),
        profiles,
        blocks: Some(school.blocks.clone()),
        broken_blocks: school.broken_blocks.clone(),
    }
}

/// The domain `School`, when the term could be read.
pub fn build(school: &SchoolInput, names: &Names) -> Option<School> {
    let (term_start, term_end) = school.term?;
    Some(School {
        name: school.name.clone(),
        bow_number: school.bow_number.clone(),
        main_location: names
            .locations
            .as_ref()
            .and_then(|known| super::refs::school_spelling(known, &school.main_location.text))
            .unwrap_or_else(|| Location::new(school.main_location.text.as_str())),
        rules: school.rules.text.clone(),
        term_start,
        term_end,
        closed: school.closed.clone(),
        blocks: school.blocks.clone(),
        profiles: school
            .profiles
            .iter()
            .map(|(p, c)| (Profile::new(p.as_str()), c.text.clone()))
            .collect::<BTreeMap<_, _>>(),
        locations: names.locations.clone().unwrap_or_default(),
        weights: school.weights,
        supervision: school.supervision,
    })
}
