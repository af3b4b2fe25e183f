//! Pass 6: balanced groups, a cost (`[weights] size_imbalance`) per student of difference
//! between the largest and the smallest running group of the same profile at the same
//! location.
//!
//! Per such cell with two groups or more: `hi >= size_g` for every group (a closed group has
//! size 0, so it never raises `hi`), `lo <= size_g + M · (1 - open_g)` (a closed group never
//! lowers `lo`; `M` the largest size the cell allows), and `lo <= hi` (a cell where nothing
//! runs costs 0); the objective holds `w · (hi - lo)`, which minimizing takes down to the
//! largest minus the smallest running group: the checker's count. Per-lesson and class
//! programs share it (sizes do not depend on the classes). Left out when the weight is 0.

use super::variables::clean;
use super::{Cmp, Family, Model, Subject, VarId, VarKind};
use crate::domain::{Instance, RuleSet};
use std::collections::BTreeMap;

pub fn run(instance: &Instance, rules: &RuleSet, m: &mut Model) {
    let w = instance.school.weights.size_imbalance;
    if w <= 0.0 {
        return;
    }
    let mut members: Vec<Vec<VarId>> = vec![Vec::new(); instance.groups.len()];
    for place in &m.place {
        for (g, n) in place {
            members[*g].push(*n);
        }
    }
    let mut cells: BTreeMap<(&str, &str), Vec<usize>> = BTreeMap::new();
    for (gi, g) in instance.groups.iter().enumerate() {
        cells
            .entry((g.location.as_str(), g.profile.as_str()))
            .or_default()
            .push(gi);
    }
    for ((location, profile), groups) in cells {
        if groups.len() < 2 {
            continue;
        }
        let most = groups
            .iter()
            .filter_map(|&gi| {
                let g = &instance.groups[gi];
                rules
                    .size_classes
                    .get(instance.school.size_class(&g.profile))
            })
            .map(|l| f64::from(l.temporary_max))
            .fold(0.0, f64::max);
        let cell = format!("{}_{}", clean(location), clean(profile));
        let hi = m.mip.var(
            format!("largest_{cell}"),
            VarKind::Continuous,
            0.0,
            f64::INFINITY,
            w,
        );
        let lo = m.mip.var(
            format!("smallest_{cell}"),
            VarKind::Continuous,
            0.0,
            f64::INFINITY,
            -w,
        );
        let subject = || Subject::Cell {
            location: location.to_string(),
            profile: profile.to_string(),
        };
        for &gi in &groups {
            let name = clean(instance.groups[gi].course_code.as_str());
            let pinned = f64::from(m.pinned[gi]);
            // hi - size >= pinned
            let mut row: Vec<(VarId, f64)> = members[gi].iter().map(|n| (*n, -1.0)).collect();
            row.push((hi, 1.0));
            m.mip.row(
                format!("largest_{cell}_{name}"),
                Family::Definition,
                subject(),
                row,
                Cmp::Ge,
                pinned,
            );
            // lo - size + M · open <= pinned + M
            let mut row: Vec<(VarId, f64)> = members[gi].iter().map(|n| (*n, -1.0)).collect();
            row.push((lo, 1.0));
            row.push((m.open[gi], most));
            m.mip.row(
                format!("smallest_{cell}_{name}"),
                Family::Definition,
                subject(),
                row,
                Cmp::Le,
                pinned + most,
            );
        }
        m.balance.push((groups.clone(), hi, lo));
        m.mip.row(
            format!("smallest_below_largest_{cell}"),
            Family::Definition,
            subject(),
            vec![(lo, 1.0), (hi, -1.0)],
            Cmp::Le,
            0.0,
        );
    }
}
