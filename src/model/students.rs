//! Students who are interchangeable for the program are counted, not listed.
//!
//! Two unpinned students with the same profile and the same groups they fit, at the same
//! preference ranks (and, in a replan, the same group before), can swap places without
//! changing anything the program measures. One
//! integer count per (type, group) replaces a binary per (student, group): for 7,000
//! students that is the difference between tens of thousands of binaries and a few hundred
//! integers. Pinned students are constants.

use crate::domain::Instance;
use std::collections::BTreeMap;

/// Interchangeable students.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StudentType {
    /// Indices into `instance.students`, in id order.
    pub members: Vec<usize>,
    /// Groups they fit: (index into `instance.groups`, preference rank: 0 = first choice).
    pub options: Vec<(usize, u32)>,
    /// Per option group with a choice of meeting times that suits the members in only some
    /// alternatives: those alternatives (indices, see `Group::alternatives`).
    pub fitting: Vec<(usize, Vec<usize>)>,
    /// In a replan, the group (index) the replaced schedule placed them in: anywhere else,
    /// or nowhere, costs `moved_student`.
    pub previous: Option<usize>,
}

/// The types of the unpinned students (in order of their first member's id), and the
/// number of pinned students per group.
pub fn student_types(instance: &Instance) -> (Vec<StudentType>, Vec<u32>) {
    let mut pinned = vec![0u32; instance.groups.len()];
    // (groups they fit with ranks, alternatives that suit them, group before in a replan)
    // -> members
    type Key = (Vec<(usize, u32)>, Vec<(usize, Vec<usize>)>, Option<usize>);
    let mut by_key: BTreeMap<Key, Vec<usize>> = BTreeMap::new();
    let mut order: Vec<usize> = (0..instance.students.len()).collect();
    order.sort_by(|a, b| instance.students[*a].id.cmp(&instance.students[*b].id));
    for si in order {
        let s = &instance.students[si];
        if let Some(code) = &s.pinned {
            if let Some(gi) = instance.groups.iter().position(|g| &g.course_code == code) {
                pinned[gi] += 1;
                continue;
            }
        }
        let options: Vec<(usize, u32)> = instance
            .groups
            .iter()
            .enumerate()
            .filter(|(_, g)| s.fits(g))
            .filter_map(|(gi, g)| Some((gi, s.location_rank(&g.location)?)))
            .collect();
        let fitting: Vec<(usize, Vec<usize>)> = options
            .iter()
            .filter_map(|&(gi, _)| {
                let g = &instance.groups[gi];
                let fits = s.fitting_alternatives(g);
                (g.has_choice() && fits.len() < g.choices.len()).then_some((gi, fits))
            })
            .collect();
        let previous = instance
            .frozen
            .as_ref()
            .and_then(|f| f.groups.get(&s.id).cloned().flatten())
            .and_then(|c| instance.groups.iter().position(|g| g.course_code == c));
        by_key
            .entry((options, fitting, previous))
            .or_default()
            .push(si);
    }
    let mut types: Vec<StudentType> = by_key
        .into_iter()
        .map(|((options, fitting, previous), members)| StudentType {
            members,
            options,
            fitting,
            previous,
        })
        .collect();
    types.sort_by(|a, b| {
        let first = |t: &StudentType| t.members.first().map(|&i| &instance.students[i].id);
        first(a).cmp(&first(b))
    });
    (types, pinned)
}
