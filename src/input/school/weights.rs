//! `[weights]` of `school.toml`: the objective's weights, defaults where not given.

use super::super::toml_support::at_span;
use super::FILE;
use crate::diag::{Diagnostic, Diagnostics, ErrorCode};
use crate::domain::Weights;
use serde::Deserialize;
use toml::Spanned;

#[derive(Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct WeightsFile {
    unplaced_student: Option<Spanned<f64>>,
    student_above_standard: Option<Spanned<f64>>,
    optional_group_opened: Option<Spanned<f64>>,
    non_certified_lesson: Option<Spanned<f64>>,
    teacher_per_group: Option<Spanned<f64>>,
    location_rank: Option<Spanned<f64>>,
    size_imbalance: Option<Spanned<f64>>,
    teacher_preference: Option<Spanned<f64>>,
    room_change: Option<Spanned<f64>>,
    changed_lesson: Option<Spanned<f64>>,
    changed_room: Option<Spanned<f64>>,
    moved_student: Option<Spanned<f64>>,
}

/// The weights, defaults where not given; a negative or non-finite weight is E204.
pub(super) fn weights(src: &str, raw: &WeightsFile, diags: &mut Diagnostics) -> Weights {
    let mut w = Weights::default();
    let fields: [(&str, &Option<Spanned<f64>>, &mut f64); 12] = [
        (
            "unplaced_student",
            &raw.unplaced_student,
            &mut w.unplaced_student,
        ),
        (
            "student_above_standard",
            &raw.student_above_standard,
            &mut w.student_above_standard,
        ),
        (
            "optional_group_opened",
            &raw.optional_group_opened,
            &mut w.optional_group_opened,
        ),
        (
            "non_certified_lesson",
            &raw.non_certified_lesson,
            &mut w.non_certified_lesson,
        ),
        (
            "teacher_per_group",
            &raw.teacher_per_group,
            &mut w.teacher_per_group,
        ),
        ("location_rank", &raw.location_rank, &mut w.location_rank),
        ("size_imbalance", &raw.size_imbalance, &mut w.size_imbalance),
        (
            "teacher_preference",
            &raw.teacher_preference,
            &mut w.teacher_preference,
        ),
        ("room_change", &raw.room_change, &mut w.room_change),
        ("changed_lesson", &raw.changed_lesson, &mut w.changed_lesson),
        ("changed_room", &raw.changed_room, &mut w.changed_room),
        ("moved_student", &raw.moved_student, &mut w.moved_student),
    ];
    for (key, value, slot) in fields {
        let Some(value) = value else { continue };
        let x = *value.get_ref();
        if x.is_finite() && x >= 0.0 {
            *slot = x;
        } else {
            diags.push(at_span(
                Diagnostic::error(
                    ErrorCode::BadNumber,
                    FILE,
                    format!("weight `{key}` is {x}, not a number of 0 or more"),
                )
                .field(format!("weights.{key}"))
                .fix("give every weight as a number of 0 or more; see the README for the defaults")
                .nl(format!("gewicht `{key}` is {x}, geen getal van 0 of meer"))
                .fix_nl("geef elk gewicht als een getal van 0 of meer; de README noemt de standaardwaarden"),
                src,
                value.span(),
            ));
        }
    }
    w
}
