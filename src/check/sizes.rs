//! Norm 2.2.1, group sizes, with exception 2 of the Addendum.
//!
//! A group's size is the number of distinct students `placements.csv` puts in it. Each
//! running group is judged against its size class's limits:
//! - above `temporary_max` is always a violation (C121); under a rule set without exception 2
//!   `temporary_max == standard_max`, so this is also the plain Handleiding norm;
//! - above `standard_max` is allowed only under exception 2's condition: *every* running group
//!   of the same profile at the same location holds at least the standard maximum (C122
//!   otherwise, when the rule set asks for that condition);
//! - the Addendum allows the overflow only "until a new group can be formed", so a cell with
//!   a closed optional group whose `min_size` the surplus reaches gets a warning (C123);
//! - a running group below its own `min_size` is reported too (C124).
//!
//! Cells are keyed by the school's profile, not the size class: two profiles of one class at
//! one location are different groups of students.

use super::facts::Facts;
use super::types::{CellGroup, Finding, GroupReport, GroupStatus, OverflowCell, SubjectKind};
use crate::diag::FindingCode;
use crate::domain::{Group, Location, Profile};
use std::collections::BTreeMap;

/// The groups of the instance by (location, profile), each list by course code.
fn cells<'a>(f: &Facts<'a>) -> BTreeMap<(&'a Location, &'a Profile), Vec<&'a Group>> {
    let mut cells: BTreeMap<_, Vec<&Group>> = BTreeMap::new();
    for g in f.groups.values() {
        cells.entry((&g.location, &g.profile)).or_default().push(g);
    }
    cells
}

/// Whether every running group of the cell holds at least `standard_max` students.
fn cell_full(f: &Facts, cell: &[&Group], standard_max: u32) -> bool {
    cell.iter()
        .filter(|g| f.is_running(g))
        .all(|g| f.size(&g.course_code) >= standard_max)
}

/// One report per group (by course code) and the findings C121, C122 and C124.
pub fn groups(f: &Facts) -> (Vec<GroupReport>, Vec<Finding>) {
    let mut reports = Vec::new();
    let mut findings = Vec::new();
    for ((location, profile), cell) in cells(f) {
        for g in &cell {
            let size = f.size(&g.course_code);
            let limits = f.limits(g);
            let running = f.is_running(g);
            let status = match limits {
                _ if !running => GroupStatus::Closed,
                None => GroupStatus::UnknownSizeClass,
                Some(l) if size > l.temporary_max => {
                    let (en, nl) =
                        above_maximum_message(f, g, size, l.standard_max, l.temporary_max);
                    findings.push(
                        Finding::new(
                            FindingCode::AboveMaximum,
                            SubjectKind::Course,
                            g.course_code.as_str(),
                            en,
                        )
                        .nl(nl),
                    );
                    GroupStatus::Violation
                }
                Some(l) if size > l.standard_max => {
                    if f.rules.overflow_requires_full_groups && !cell_full(f, &cell, l.standard_max)
                    {
                        let not_full = not_full_groups(f, &cell, l.standard_max, false);
                        let not_full_nl = not_full_groups(f, &cell, l.standard_max, true);
                        findings.push(
                            Finding::new(
                                FindingCode::OverflowConditionNotMet,
                                SubjectKind::Course,
                                g.course_code.as_str(),
                                format!(
                                    "group {} at {location} ({profile}) has {size} students, above \
                                     the standard maximum of {}; exception 2 allows that only when \
                                     every group of {profile} at {location} has at least {}, but {}",
                                    g.course_code, l.standard_max, l.standard_max, not_full
                                ),
                            )
                            .nl(format!(
                                "groep {} in {location} ({profile}) heeft {size} cursisten, boven \
                                 het standaardmaximum van {}; uitzondering 2 staat dat alleen toe \
                                 als elke groep van {profile} in {location} er ten minste {} heeft, \
                                 maar {}",
                                g.course_code, l.standard_max, l.standard_max, not_full_nl
                            )),
                        );
                        GroupStatus::Violation
                    } else {
                        GroupStatus::AboveStandardException2
                    }
                }
                Some(_) => GroupStatus::WithinStandard,
            };
            if running && size < g.min_size {
                findings.push(
                    Finding::new(
                        FindingCode::BelowMinSize,
                        SubjectKind::Course,
                        g.course_code.as_str(),
                        format!(
                            "group {} runs with {size} students, fewer than its min_size of {}",
                            g.course_code, g.min_size
                        ),
                    )
                    .nl(format!(
                        "groep {} gaat door met {size} cursisten, minder dan haar min_size van {}",
                        g.course_code, g.min_size
                    )),
                );
            }
            reports.push(GroupReport {
                course_code: g.course_code.clone(),
                location: g.location.clone(),
                profile: g.profile.clone(),
                size_class: f.instance.school.size_class(&g.profile).to_string(),
                size,
                min_size: g.min_size,
                standard_max: limits.map(|l| l.standard_max),
                temporary_max: limits.map(|l| l.temporary_max),
                running,
                status,
            });
        }
    }
    reports.sort_by(|a, b| a.course_code.cmp(&b.course_code));
    (reports, findings)
}

/// The message of C121 in English and in Dutch.
fn above_maximum_message(
    f: &Facts,
    g: &Group,
    size: u32,
    standard: u32,
    temporary: u32,
) -> (String, String) {
    let (limit, limit_nl) = if temporary > standard {
        (
            format!("the temporary maximum of {temporary} (standard {standard})"),
            format!("het tijdelijke maximum van {temporary} (standaard {standard})"),
        )
    } else {
        (
            format!("the maximum of {temporary} (no exception 2 under this rule set)"),
            format!("het maximum van {temporary} (deze regeling kent geen uitzondering 2)"),
        )
    };
    let (code, location, profile) = (&g.course_code, &g.location, &g.profile);
    let class = f.instance.school.size_class(&g.profile);
    let rules = &f.rules.name;
    (
        format!(
            "group {code} at {location} ({profile}, size class {class}) has {size} students, \
             above {limit} of {rules}"
        ),
        format!(
            "groep {code} in {location} ({profile}, grootteklasse {class}) heeft {size} \
             cursisten, boven {limit_nl} van {rules}"
        ),
    )
}

/// `B2 has 18`, or `B2 has 18 and B3 has 0`: the running groups below the standard maximum.
/// In Dutch with `dutch`: `B2 heeft 18 en B3 heeft 0`.
fn not_full_groups(f: &Facts, cell: &[&Group], standard_max: u32, dutch: bool) -> String {
    let (has, and) = if dutch {
        ("heeft", " en ")
    } else {
        ("has", " and ")
    };
    let parts: Vec<String> = cell
        .iter()
        .filter(|g| f.is_running(g) && f.size(&g.course_code) < standard_max)
        .map(|g| format!("{} {has} {}", g.course_code, f.size(&g.course_code)))
        .collect();
    parts.join(and)
}

/// The cells where a running group is above the standard maximum (exception 2 in use, or
/// tried), by location and profile.
pub fn overflow_cells(f: &Facts) -> Vec<OverflowCell> {
    let mut out = Vec::new();
    for ((location, profile), cell) in cells(f) {
        let running: Vec<&Group> = cell.iter().copied().filter(|g| f.is_running(g)).collect();
        let Some(limits) = running.first().and_then(|g| f.limits(g)) else {
            continue;
        };
        let surplus: u32 = running
            .iter()
            .map(|g| f.size(&g.course_code).saturating_sub(limits.standard_max))
            .sum();
        if surplus == 0 {
            continue;
        }
        out.push(OverflowCell {
            location: location.clone(),
            profile: profile.clone(),
            size_class: f.instance.school.size_class(profile).to_string(),
            standard_max: limits.standard_max,
            temporary_max: limits.temporary_max,
            groups: running
                .iter()
                .map(|g| CellGroup {
                    course_code: g.course_code.clone(),
                    size: f.size(&g.course_code),
                })
                .collect(),
            surplus,
        });
    }
    out
}

/// C123: the surplus of an overflow cell reaches the `min_size` of a closed optional group
/// of that cell, so a new group could be formed instead of overfilling. Availability of the
/// students is not weighed: this is a hint to look, hence a warning.
pub fn could_form_group(f: &Facts, cells: &[OverflowCell]) -> Vec<Finding> {
    let mut out = Vec::new();
    for cell in cells {
        let candidates: Vec<String> = f
            .groups
            .values()
            .filter(|g| g.location == cell.location && g.profile == cell.profile)
            .filter(|g| g.optional && !f.is_running(g) && g.min_size <= cell.surplus)
            .map(|g| format!("{} (min_size {})", g.course_code, g.min_size))
            .collect();
        if candidates.is_empty() {
            continue;
        }
        out.push(
            Finding::new(
                FindingCode::OverflowCouldFormGroup,
                SubjectKind::Cell,
                format!("{} / {}", cell.location, cell.profile),
                format!(
                    "at {} ({}) {} students are above the standard maximum of {}; closed optional \
                 group {} could open for them instead",
                    cell.location,
                    cell.profile,
                    cell.surplus,
                    cell.standard_max,
                    candidates.join(", ")
                ),
            )
            .nl(format!(
                "in {} ({}) zijn {} cursisten boven het standaardmaximum van {}; de gesloten \
             optionele groep {} kan in plaats daarvan voor hen opengaan",
                cell.location,
                cell.profile,
                cell.surplus,
                cell.standard_max,
                candidates.join(", ")
            )),
        );
    }
    out
}

#[cfg(test)]
mod tests;
