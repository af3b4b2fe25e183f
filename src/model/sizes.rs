//! Pass 4: group sizes (norm 2.2.1 with exception 2), min_size, and each student in at
//! most one group.
//!
//! A group's size is its pinned students plus Σ_types n[type, g].

use super::variables::clean;
use super::{Cmp, Family, Model, Subject, VarId, VarKind};
use crate::domain::{Instance, RuleSet};
use std::collections::BTreeMap;

pub fn run(instance: &Instance, rules: &RuleSet, m: &mut Model) {
    let mut members: Vec<Vec<VarId>> = vec![Vec::new(); instance.groups.len()];
    for place in &m.place {
        for (g, n) in place {
            members[*g].push(*n);
        }
    }
    let mut cells: BTreeMap<(String, String), Vec<usize>> = BTreeMap::new();
    for (gi, g) in instance.groups.iter().enumerate() {
        let name = clean(g.course_code.as_str());
        let pinned = f64::from(m.pinned[gi]);
        let size: Vec<(VarId, f64)> = members[gi].iter().map(|n| (*n, 1.0)).collect();
        let limits = rules
            .size_classes
            .get(instance.school.size_class(&g.profile));
        let (standard, temporary) = limits.map_or((0, 0), |l| (l.standard_max, l.temporary_max));
        let open = m.open[gi];
        // size <= temporary_max · open (= standard_max without the exception)
        let mut row = size.clone();
        row.push((open, -f64::from(temporary)));
        m.mip.row(
            format!("max_{name}"),
            Family::GroupMax,
            Subject::Group(gi),
            row,
            Cmp::Le,
            -pinned,
        );
        // size >= min_size · open; an optional group runs only with students (an open one
        // without students is C156), so for it the least is 1 even when min_size is 0.
        let least = if g.optional {
            g.min_size.max(1)
        } else {
            g.min_size
        };
        let mut row = size.clone();
        row.push((open, -f64::from(least)));
        m.mip.row(
            format!("min_{name}"),
            Family::GroupMin,
            Subject::Group(gi),
            row,
            Cmp::Ge,
            -pinned,
        );
        // over >= size - standard_max · open: the students above the standard maximum. The
        // same for a whole group; for a barely opened one in the LP relaxation it counts
        // what such a fraction of a group cannot hold, which tightens the bound.
        if let Some(over) = m.overflow[gi] {
            let mut row: Vec<(VarId, f64)> = size.iter().map(|(n, _)| (*n, -1.0)).collect();
            row.push((over, 1.0));
            row.push((open, f64::from(standard)));
            m.mip.row(
                format!("above_standard_{name}"),
                Family::Definition,
                Subject::Group(gi),
                row,
                Cmp::Ge,
                pinned,
            );
            cells
                .entry((g.location.0.clone(), g.profile.0.clone()))
                .or_default()
                .push(gi);
        }
    }
    if rules.overflow_requires_full_groups {
        for ((location, profile), groups) in cells {
            full_groups_first(instance, rules, m, &members, &location, &profile, &groups);
        }
    }
    // n[type, g] <= min(members, max) · open[g] for groups that may stay closed: redundant
    // for whole numbers, but it keeps the LP relaxation from spreading a few students over
    // many barely opened groups, which is what makes proving optimality slow.
    for (ti, place) in m.place.iter().enumerate() {
        let count = m.types[ti].members.len() as f64;
        for (gi, n) in place {
            let g = &instance.groups[*gi];
            if !g.optional || m.pinned[*gi] > 0 {
                continue;
            }
            let max = rules
                .size_classes
                .get(instance.school.size_class(&g.profile))
                .map_or(0.0, |l| f64::from(l.temporary_max));
            let cap = count.min(max);
            if cap < max {
                let name = format!(
                    "fits_only_if_open_type{}_{}",
                    ti + 1,
                    clean(g.course_code.as_str())
                );
                m.mip.row(
                    name,
                    Family::Definition,
                    Subject::Group(*gi),
                    vec![(*n, 1.0), (m.open[*gi], -cap)],
                    Cmp::Le,
                    0.0,
                );
            }
        }
    }
    // Σ_g n[type, g] + unplaced[type] = members: each student in at most one group.
    for (ti, place) in m.place.iter().enumerate() {
        let count = m.types[ti].members.len() as f64;
        let mut row: Vec<(VarId, f64)> = place.iter().map(|(_, n)| (*n, 1.0)).collect();
        row.push((m.unplaced[ti], 1.0));
        m.mip.row(
            format!("once_type{}", ti + 1),
            Family::StudentOnce,
            Subject::StudentType(ti),
            row,
            Cmp::Eq,
            count,
        );
    }
}

/// Exception 2's condition per (location, profile): a binary `full` says the cell uses the
/// temporary maximum. Without it every group stays within the standard maximum; with it
/// every running group of the cell holds at least the standard maximum.
fn full_groups_first(
    instance: &Instance,
    rules: &RuleSet,
    m: &mut Model,
    members: &[Vec<VarId>],
    location: &str,
    profile: &str,
    groups: &[usize],
) {
    let cell = format!("{}_{}", clean(location), clean(profile));
    let full = m
        .mip
        .var(format!("full_{cell}"), VarKind::Binary, 0.0, 1.0, 0.0);
    m.full.push((groups.to_vec(), full));
    for &gi in groups {
        let g = &instance.groups[gi];
        let Some(l) = rules
            .size_classes
            .get(instance.school.size_class(&g.profile))
        else {
            continue;
        };
        let (std, room) = (
            f64::from(l.standard_max),
            f64::from(l.temporary_max - l.standard_max),
        );
        let pinned = f64::from(m.pinned[gi]);
        let name = clean(g.course_code.as_str());
        // size <= standard + room · full
        let mut row: Vec<(VarId, f64)> = members[gi].iter().map(|n| (*n, 1.0)).collect();
        row.push((full, -room));
        m.mip.row(
            format!("overflow_only_if_full_{name}"),
            Family::Overflow,
            Subject::Group(gi),
            row,
            Cmp::Le,
            std - pinned,
        );
        // size >= standard · (open + full - 1)
        let mut row: Vec<(VarId, f64)> = members[gi].iter().map(|n| (*n, 1.0)).collect();
        row.push((m.open[gi], -std));
        row.push((full, -std));
        m.mip.row(
            format!("full_when_overflowing_{name}"),
            Family::Overflow,
            Subject::Group(gi),
            row,
            Cmp::Ge,
            -std - pinned,
        );
    }
}
