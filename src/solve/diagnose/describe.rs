//! Constraint names of the program in a planner's words, for the diagnosis.

use crate::domain::Instance;
use crate::model::{self, Model};

/// A constraint's name in a planner's words: the group and weekly slot, or the teacher.
pub(super) fn describe(instance: &Instance, model: &Model, name: &str) -> String {
    if name.starts_with("staff_") {
        let found = model
            .segments
            .iter()
            .find(|s| model::staffing_row(instance, s) == name);
        if let (Some(s), Some(g)) = (found, found.and_then(|s| instance.groups.get(s.group))) {
            let (first, last) = (s.dates.first(), s.dates.last());
            return match (first, last) {
                (Some(a), Some(b)) if a != b => {
                    format!("group {} on {} from {a} to {b}", g.course_code, s.slot)
                }
                (Some(a), _) => format!("group {} on {} ({a})", g.course_code, s.slot),
                _ => format!("group {} on {}", g.course_code, s.slot),
            };
        }
    }
    if let Some(rest) = name.strip_prefix("weekly_")
        && let Some(t) = instance
            .teachers
            .iter()
            .find(|t| rest.starts_with(&format!("{}_", model::clean(t.id.as_str()))))
    {
        return format!("teacher {} ({})", t.id, t.name);
    }
    for prefix in ["course_certified_", "max_", "min_"] {
        if let Some(rest) = name.strip_prefix(prefix)
            && let Some(g) = instance
                .groups
                .iter()
                .find(|g| model::clean(g.course_code.as_str()) == rest)
        {
            return format!("group {}", g.course_code);
        }
    }
    name.to_string()
}
