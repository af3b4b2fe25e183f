//! Rule sets as data: the built-in sets and user files in TOML.

use crate::diag::{Diagnostic, Diagnostics, ErrorCode};
use crate::domain::{RuleSet, Share, SizeLimits};
use crate::input::toml_support::{self, DateValue};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use toml::Spanned;

mod choice;
pub use choice::RuleChoice;

/// The built-in rule sets: name and TOML text, oldest first.
pub const BUILTIN: &[(&str, &str)] = &[
    ("handleiding-2024", include_str!("handleiding-2024.toml")),
    ("addendum-2025", include_str!("addendum-2025.toml")),
];

/// The TOML text of a built-in rule set.
pub fn builtin_text(name: &str) -> Option<&'static str> {
    BUILTIN.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
}

/// All built-in rule sets, parsed.
pub fn builtins() -> Vec<RuleSet> {
    BUILTIN
        .iter()
        .filter_map(|(name, text)| parse(&format!("<built-in {name}>"), text).ok())
        .collect()
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RuleFile {
    name: String,
    title: Option<String>,
    valid_from: Spanned<DateValue>,
    valid_until: Option<Spanned<DateValue>>,
    min_certified_share: Spanned<f64>,
    target_certified_share: Option<Spanned<f64>>,
    #[serde(default = "one")]
    min_certified_lessons_per_course: u32,
    #[serde(default)]
    mentor_required: bool,
    #[serde(default = "yes")]
    overflow_requires_full_groups: bool,
    size_classes: Spanned<BTreeMap<String, Spanned<SizeClassFile>>>,
}

fn one() -> u32 {
    1
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SizeClassFile {
    standard_max: u32,
    temporary_max: Option<u32>,
}

/// Parses a rule set from TOML text; `file` names it in diagnostics.
pub fn parse(file: &str, src: &str) -> Result<RuleSet, Diagnostics> {
    let raw: RuleFile = toml::from_str(src)
        .map_err(|e| Diagnostics(vec![toml_support::de_error(file, src, &e)]))?;
    let mut problems = Diagnostics::default();
    let mut date = |key: &str, v: &Spanned<DateValue>| match toml_support::date(file, src, key, v) {
        Ok(d) => Some(d),
        Err(d) => {
            problems.push(d);
            None
        }
    };
    let valid_from = date("valid_from", &raw.valid_from);
    let valid_until = raw.valid_until.as_ref().map(|v| date("valid_until", v));
    let share = |key: &str, v: &Spanned<f64>, problems: &mut Diagnostics| {
        Share::from_fraction(*v.get_ref()).or_else(|| {
            problems.push(toml_support::at_span(
                Diagnostic::error(
                    ErrorCode::BadShare,
                    file,
                    format!("`{key}` is {}, not a share from 0 to 1", v.get_ref()),
                )
                .field(key)
                .fix("write a fraction, e.g. 0.60 for 60%")
                .nl(format!(
                    "`{key}` is {}, geen aandeel van 0 tot en met 1",
                    v.get_ref()
                ))
                .fix_nl("schrijf een breuk met een punt, bijvoorbeeld 0.60 voor 60%"),
                src,
                v.span(),
            ));
            None
        })
    };
    let min_share = share(
        "min_certified_share",
        &raw.min_certified_share,
        &mut problems,
    );
    let target = match &raw.target_certified_share {
        Some(v) => share("target_certified_share", v, &mut problems),
        None => min_share,
    };
    if let (Some(min), Some(t), Some(span)) = (
        min_share,
        target,
        raw.target_certified_share.as_ref().map(Spanned::span),
    ) && t < min
    {
        problems.push(toml_support::at_span(
            Diagnostic::error(
                ErrorCode::InvalidRuleSet,
                file,
                format!("target_certified_share {t} lies below min_certified_share {min}"),
            )
            .field("target_certified_share")
            .fix("make the target at least the minimum")
            .nl(format!(
                "target_certified_share {t} ligt onder min_certified_share {min}"
            ))
            .fix_nl("maak het streven ten minste gelijk aan het minimum"),
            src,
            span,
        ));
    }
    if let (Some(Some(from)), Some(Some(until))) = (Some(valid_from), valid_until)
        && until < from
    {
        let span = raw.valid_until.as_ref().map_or(0..0, Spanned::span);
        problems.push(toml_support::at_span(
            Diagnostic::error(
                ErrorCode::EndBeforeStart,
                file,
                format!("valid_until {until} lies before valid_from {from}"),
            )
            .field("valid_until")
            .fix("swap the dates or correct one of them")
            .nl(format!("valid_until {until} ligt vóór valid_from {from}"))
            .fix_nl("wissel de data om of verbeter er een"),
            src,
            span,
        ));
    }
    let mut size_classes = BTreeMap::new();
    if raw.size_classes.get_ref().is_empty() {
        problems.push(toml_support::at_span(
            Diagnostic::error(
                ErrorCode::InvalidRuleSet,
                file,
                "the rule set has no size classes",
            )
            .field("size_classes")
            .fix("add [size_classes.\"NAME\"] tables with standard_max and temporary_max")
            .nl("de regeling heeft geen grootteklassen")
            .fix_nl("voeg tabellen [size_classes.\"NAAM\"] toe met standard_max en temporary_max"),
            src,
            raw.size_classes.span(),
        ));
    }
    for (class, limits) in raw.size_classes.get_ref() {
        let l = limits.get_ref();
        let temporary_max = l.temporary_max.unwrap_or(l.standard_max);
        if l.standard_max == 0 || temporary_max < l.standard_max {
            problems.push(toml_support::at_span(
                Diagnostic::error(
                    ErrorCode::InvalidRuleSet,
                    file,
                    format!(
                        "size class \"{class}\": standard_max {} and temporary_max {temporary_max} \
                         do not make sense (need 0 < standard_max <= temporary_max)",
                        l.standard_max
                    ),
                )
                .field(format!("size_classes.\"{class}\""))
                .fix("set standard_max above 0 and temporary_max at least standard_max")
                .nl(format!(
                    "grootteklasse \"{class}\": standard_max {} en temporary_max {temporary_max} \
                     kloppen niet (nodig: 0 < standard_max <= temporary_max)",
                    l.standard_max
                ))
                .fix_nl("zet standard_max boven 0 en temporary_max op ten minste standard_max"),
                src,
                limits.span(),
            ));
        }
        size_classes.insert(
            class.clone(),
            SizeLimits {
                standard_max: l.standard_max,
                temporary_max,
            },
        );
    }
    match (valid_from, valid_until, min_share, target) {
        (Some(valid_from), until, Some(min_certified_share), Some(target))
            if !problems.has_errors() && until.is_none_or(|u| u.is_some()) =>
        {
            Ok(RuleSet {
                title: raw.title.unwrap_or_else(|| raw.name.clone()),
                name: raw.name,
                valid_from,
                valid_until: until.flatten(),
                min_certified_share,
                target_certified_share: target,
                min_certified_lessons_per_course: raw.min_certified_lessons_per_course,
                mentor_required: raw.mentor_required,
                overflow_requires_full_groups: raw.overflow_requires_full_groups,
                size_classes,
            })
        }
        _ => Err(problems),
    }
}

/// Resolves a rule set reference: a built-in name, or a path to a TOML file (relative to
/// `base`). `origin` is the diagnostic to report (with its place) when the reference is bad.
pub fn resolve(reference: &str, base: &Path, origin: Diagnostic) -> Result<RuleSet, Diagnostics> {
    resolve_choice(&RuleChoice::parse(reference), base, origin)
}

/// Resolves a rule set choice; a file is read relative to `base`. `origin` is the diagnostic
/// to report (with its place) when the file cannot be read.
pub fn resolve_choice(
    choice: &RuleChoice,
    base: &Path,
    origin: Diagnostic,
) -> Result<RuleSet, Diagnostics> {
    let reference = match choice {
        RuleChoice::Builtin(name) => {
            return parse(
                &format!("<built-in {name}>"),
                builtin_text(name).unwrap_or_default(),
            );
        }
        RuleChoice::File(path) => path.to_string_lossy(),
    };
    let path = base.join(reference.as_ref());
    let looks_like_file = reference.ends_with(".toml") || reference.contains('/');
    match std::fs::read_to_string(&path) {
        Ok(src) => parse(&path.display().to_string(), &src),
        Err(e) => {
            let names: Vec<&str> = BUILTIN.iter().map(|(n, _)| *n).collect();
            let (message, message_nl) = if looks_like_file {
                (
                    format!("rule set file {} cannot be read: {e}", path.display()),
                    format!(
                        "regelbestand {} is niet te lezen: {}",
                        path.display(),
                        crate::diag::io_error_nl(&e)
                    ),
                )
            } else {
                (
                    format!("\"{reference}\" is not a built-in rule set"),
                    format!("\"{reference}\" is geen ingebouwde regeling"),
                )
            };
            Err(Diagnostics(vec![
                origin
                    .retold(ErrorCode::UnknownRuleSet, message)
                    .fix(format!(
                        "use a built-in rule set ({}) or the path of a rule set TOML file",
                        names.join(", ")
                    ))
                    .nl(message_nl)
                    .fix_nl(format!(
                        "gebruik een ingebouwde regeling ({}) of het pad van een regelbestand (TOML)",
                        names.join(", ")
                    )),
            ]))
        }
    }
}

/// Writes a rule set as TOML that [`parse`] reads back to the same rule set.
pub fn to_toml(r: &RuleSet) -> String {
    let mut s = String::new();
    let q = |t: &str| toml::Value::String(t.to_string()).to_string();
    let _ = writeln!(s, "name = {}", q(&r.name));
    let _ = writeln!(s, "title = {}", q(&r.title));
    let _ = writeln!(s, "valid_from = \"{}\"", r.valid_from);
    if let Some(u) = r.valid_until {
        let _ = writeln!(s, "valid_until = \"{u}\"");
    }
    let _ = writeln!(
        s,
        "min_certified_share = {}",
        r.min_certified_share.fraction()
    );
    let _ = writeln!(
        s,
        "target_certified_share = {}",
        r.target_certified_share.fraction()
    );
    let _ = writeln!(
        s,
        "min_certified_lessons_per_course = {}",
        r.min_certified_lessons_per_course
    );
    let _ = writeln!(s, "mentor_required = {}", r.mentor_required);
    let _ = writeln!(
        s,
        "overflow_requires_full_groups = {}",
        r.overflow_requires_full_groups
    );
    for (class, l) in &r.size_classes {
        let _ = writeln!(s, "\n[size_classes.{}]", q(class));
        let _ = writeln!(s, "standard_max = {}", l.standard_max);
        let _ = writeln!(s, "temporary_max = {}", l.temporary_max);
    }
    s
}

#[cfg(test)]
mod tests;
