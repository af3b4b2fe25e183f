//! The axes of a scenario file: lists of labelled variants, or a variation over levels with
//! the numbers checked against the instance and the change each level makes.

use super::{AxisIn, Cx, LevelsIn, MAX_SCENARIOS};
use crate::diag::{ErrorCode, WarningCode};
use crate::input::suggest;
use crate::sweep::spec::{Axis, Cell, Change, Variant, Vary, level_label};
use std::collections::BTreeSet;
use std::ops::Range;
use toml::Spanned;

impl Cx<'_> {
    pub(super) fn axis(&mut self, a: &AxisIn, span: Range<usize>, name: String) -> Option<Axis> {
        match (&a.vary, &a.levels, a.variant.is_empty()) {
            (Some(vary), Some(levels), true) => {
                let Some(kind) = Vary::parse(vary.get_ref()) else {
                    let keys: Vec<&str> = Vary::ALL.iter().map(|v| v.key()).collect();
                    let (fix, fix_nl) = (
                        suggest::fix_for(vary.get_ref(), keys.iter().copied()),
                        suggest::fix_for_nl(vary.get_ref(), keys.iter().copied()),
                    );
                    self.push_nl(
                        ErrorCode::BadVary,
                        vary.span(),
                        "vary",
                        (
                            format!(
                                "`vary = \"{}\"` is not a variation that takes a number",
                                vary.get_ref()
                            ),
                            format!(
                                "`vary = \"{}\"` is geen variatie die een getal aanneemt",
                                vary.get_ref()
                            ),
                        ),
                        (&fix, &fix_nl),
                    );
                    return None;
                };
                if kind == Vary::LeaveFrom {
                    return self.leave_axis(a, levels, span, name);
                }
                if let Some(t) = &a.teacher {
                    self.push_nl(
                        ErrorCode::LeaveAxisTeacher,
                        t.span(),
                        "teacher",
                        (
                            format!(
                                "`teacher` belongs only to a `leave_from` axis, not to `{}`",
                                kind.key()
                            ),
                            format!(
                                "`teacher` hoort alleen bij een as `leave_from`, niet bij `{}`",
                                kind.key()
                            ),
                        ),
                        (
                            "remove `teacher`, or write vary = \"leave_from\" with dates as levels",
                            "haal `teacher` weg, of schrijf vary = \"leave_from\" met datums als niveaus",
                        ),
                    );
                }
                let values = self.levels(levels, kind)?;
                let cell = self.levels_cell(a, kind, span);
                if let (Vary::RemoveStudents, Some((l, p)), Some(i), Some(max)) =
                    (kind, &cell, self.instance, values.last())
                {
                    let here = i
                        .students
                        .iter()
                        .filter(|s| {
                            s.profile.as_str() == p
                                && s.locations.first().is_some_and(|x| x.as_str() == l)
                        })
                        .count();
                    if *max > here as f64 {
                        self.push_nl(
                            ErrorCode::BadVariation,
                            levels.span(),
                            "levels",
                            (
                                format!(
                                    "{max} students cannot leave: {here} of profile {p} live at {l}"
                                ),
                                format!(
                                    "{max} cursisten kunnen niet weggaan: er zijn er {here} van profiel {p} in {l}"
                                ),
                            ),
                            (
                                "keep the levels at or below the students of that profile and location",
                                "houd de niveaus op of onder het aantal cursisten van dat profiel en die locatie",
                            ),
                        );
                    }
                }
                let variants = values
                    .into_iter()
                    .map(|level| Variant {
                        label: level_label(level),
                        level: Some(level),
                        change: at_level(kind, level, cell.as_ref()),
                    })
                    .collect();
                Some(Axis {
                    name,
                    vary: Some(kind),
                    variants,
                })
            }
            (None, None, false) => {
                let mut labels = BTreeSet::new();
                let mut variants = Vec::new();
                for v in &a.variant {
                    let label = match &v.get_ref().label {
                        Some(l) if !l.get_ref().trim().is_empty() => {
                            if !labels.insert(l.get_ref().trim().to_string()) {
                                self.push_nl(
                                    ErrorCode::DuplicateId,
                                    l.span(),
                                    "label",
                                    (
                                        format!(
                                            "two variants of axis \"{name}\" are labelled \"{}\"",
                                            l.get_ref().trim()
                                        ),
                                        format!(
                                            "twee varianten van as \"{name}\" heten \"{}\"",
                                            l.get_ref().trim()
                                        ),
                                    ),
                                    (
                                        "give every variant its own label",
                                        "geef elke variant een eigen label",
                                    ),
                                );
                            }
                            l.get_ref().trim().to_string()
                        }
                        _ => {
                            self.push_nl(
                                ErrorCode::TomlMissingKey,
                                v.span(),
                                "label",
                                (
                                    format!("a variant of axis \"{name}\" has no label"),
                                    format!("een variant van as \"{name}\" heeft geen label"),
                                ),
                                (
                                    "add label = \"...\": the name of the variant in the results",
                                    "voeg label = \"...\" toe: de naam van de variant in de resultaten",
                                ),
                            );
                            String::new()
                        }
                    };
                    variants.push(Variant {
                        label,
                        level: None,
                        change: self.change(v.get_ref()),
                    });
                }
                Some(Axis {
                    name,
                    vary: None,
                    variants,
                })
            }
            _ => {
                self.push_nl(
                    ErrorCode::BadVary,
                    span,
                    "axis",
                    (
                        format!("axis \"{name}\" needs either `vary` with `levels`, or [[axis.variant]] tables, not both or neither"),
                        format!("as \"{name}\" heeft óf `vary` met `levels` nodig, óf tabellen [[axis.variant]], niet beide en niet geen van beide"),
                    ),
                    (
                        "see the README, section Sweeps, for both kinds of axis",
                        "de README, deel Sweeps, beschrijft beide soorten assen",
                    ),
                );
                None
            }
        }
    }

    pub(super) fn levels(&mut self, levels: &Spanned<LevelsIn>, kind: Vary) -> Option<Vec<f64>> {
        let values: Vec<f64> = match levels.get_ref() {
            LevelsIn::List(v) => v.clone(),
            LevelsIn::Dates(_) => {
                self.push_nl(
                    ErrorCode::BadLevels,
                    levels.span(),
                    "levels",
                    (
                        format!("the levels of `{}` are numbers, not dates", kind.key()),
                        format!("de niveaus van `{}` zijn getallen, geen datums", kind.key()),
                    ),
                    (
                        "list them as [0, 5, 10] or give { from = 0, to = 50, step = 5 }",
                        "noem ze als [0, 5, 10] of geef { from = 0, to = 50, step = 5 }",
                    ),
                );
                return None;
            }
            LevelsIn::Range { from, to, step } => {
                let n = (to - from) / step;
                if !(n.is_finite() && *step > 0.0 && n >= -1e-9 && n < MAX_SCENARIOS as f64) {
                    self.push_nl(
                        ErrorCode::BadLevels,
                        levels.span(),
                        "levels",
                        (
                            format!("from {from} to {to} in steps of {step} is not a range"),
                            format!("van {from} tot {to} in stappen van {step} is geen reeks"),
                        ),
                        (
                            "give from <= to and a step above 0, e.g. { from = 0, to = 50, step = 5 }",
                            "geef from <= to en een stap boven 0, bijvoorbeeld { from = 0, to = 50, step = 5 }",
                        ),
                    );
                    return None;
                }
                (0..=(n + 1e-9).floor() as usize)
                    .map(|i| ((from + i as f64 * step) * 1e9).round() / 1e9)
                    .collect()
            }
        };
        let ascending = values.windows(2).all(|w| w[0] < w[1]);
        let (lo, hi) = if kind.percent() {
            (0.0, 100.0)
        } else {
            (0.0, 100_000.0)
        };
        let fits = |x: &f64| (lo..=hi).contains(x) && (!kind.whole() || x.fract() == 0.0);
        if values.is_empty()
            || !ascending
            || !values.iter().all(fits)
            || values.len() > MAX_SCENARIOS
        {
            let (what, what_nl) = if kind.whole() {
                (
                    format!("whole numbers from {lo} to {hi}"),
                    format!("gehele getallen van {lo} tot en met {hi}"),
                )
            } else {
                (
                    format!("percentages from {lo} to {hi}"),
                    format!("percentages van {lo} tot en met {hi}"),
                )
            };
            self.push_nl(
                ErrorCode::BadLevels,
                levels.span(),
                "levels",
                (
                    format!(
                        "the levels of `{}` must be distinct {what}, in ascending order",
                        kind.key()
                    ),
                    format!(
                        "de niveaus van `{}` moeten verschillende {what_nl} zijn, in oplopende volgorde",
                        kind.key()
                    ),
                ),
                (
                    "list them as [0, 5, 10] or give { from = 0, to = 50, step = 5 }",
                    "schrijf ze als [0, 5, 10] of geef { from = 0, to = 50, step = 5 }",
                ),
            );
            return None;
        }
        if let Some(i) = self.instance {
            if kind == Vary::RoomsCapacityPercent && !i.has_rooms() {
                self.warn_nl(
                    WarningCode::VariationWithoutEffect,
                    levels.span(),
                    "levels",
                    (
                        "`vary = \"rooms_capacity_percent\"` changes nothing: the instance has no rooms.csv".into(),
                        "`vary = \"rooms_capacity_percent\"` verandert niets: de instantie heeft geen rooms.csv".into(),
                    ),
                    (
                        "add rooms.csv to the instance to plan with rooms, or leave the axis out",
                        "voeg rooms.csv toe aan de instantie om met lokalen te plannen, of laat de as weg",
                    ),
                );
            }
            let limit = match kind {
                Vary::RemoveCertifiedCount => {
                    Some(i.teachers.iter().filter(|t| t.is_certified()).count())
                }
                _ => None,
            };
            if let (Some(limit), Some(max)) = (limit, values.last())
                && *max > limit as f64
            {
                self.push_nl(
                    ErrorCode::BadVariation,
                    levels.span(),
                    "levels",
                    (
                        format!("the instance has {limit} certified teachers; {max} cannot leave"),
                        format!(
                            "de instantie heeft {limit} gecertificeerde docenten; er kunnen er geen {max} weggaan"
                        ),
                    ),
                    (
                        "keep the levels at or below the number of certified teachers",
                        "houd de niveaus op of onder het aantal gecertificeerde docenten",
                    ),
                );
            }
        }
        Some(values)
    }

    /// The location and profile of a students levels axis.
    pub(super) fn levels_cell(
        &mut self,
        a: &AxisIn,
        kind: Vary,
        span: Range<usize>,
    ) -> Option<(String, String)> {
        let wants = matches!(kind, Vary::AddStudents | Vary::RemoveStudents);
        match (&a.location, &a.profile) {
            (Some(l), Some(p)) if wants => {
                self.check_cell(l, p, None, kind == Vary::RemoveStudents);
                Some((
                    l.get_ref().trim().to_string(),
                    p.get_ref().trim().to_string(),
                ))
            }
            (None, None) if !wants => None,
            _ => {
                let k = kind.key();
                let message = if wants {
                    (
                        format!("`vary = \"{k}\"` needs `location` and `profile` on the axis"),
                        format!("`vary = \"{k}\"` vraagt `location` en `profile` bij de as"),
                    )
                } else {
                    (
                        format!(
                            "`location` and `profile` belong only to a students axis, not to `{k}`"
                        ),
                        format!(
                            "`location` en `profile` horen alleen bij een as met cursisten, niet bij `{k}`"
                        ),
                    )
                };
                self.push_nl(
                    ErrorCode::BadVary,
                    span,
                    "axis",
                    message,
                    (
                        "see the README, section Sweeps",
                        "zie de README, deel Sweeps",
                    ),
                );
                None
            }
        }
    }
}

/// The change one level of a levels axis makes.
pub(super) fn at_level(kind: Vary, level: f64, cell: Option<&(String, String)>) -> Change {
    let whole = level as u32;
    let students = || {
        cell.map(|(l, p)| Cell {
            location: l.as_str().into(),
            profile: p.as_str().into(),
            count: whole,
        })
        .into_iter()
        .collect()
    };
    let mut c = Change::default();
    match kind {
        Vary::RemoveCertifiedPercent => c.remove_certified_percent = Some(level),
        Vary::RemoveCertifiedCount => c.remove_certified_count = Some(whole),
        Vary::CertifiedFloor => c.certified_floor = Some(level),
        Vary::MaxLessonsPerWeek => c.max_lessons_per_week = Some(whole),
        Vary::MaxLessonsPercent => c.max_lessons_percent = Some(level),
        Vary::RoomsCapacityPercent => c.rooms_capacity_percent = Some(level),
        Vary::AddStudents => c.add_students = students(),
        Vary::RemoveStudents => c.remove_students = students(),
        // Made by `leave_axis`, which knows the teacher and the date.
        Vary::LeaveFrom => {}
    }
    c
}
