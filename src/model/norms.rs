//! Pass 3: the Keurmerk norms on staffing. 1.7.1a the certified floor (in whole lessons,
//! exactly as the checker counts), 1.7.1b certified lessons per course code, and the
//! supervision capacity for non-certified teachers.

use super::variables::clean;
use super::{Cmp, Family, Model, VarId, VarKind};
use crate::domain::{Instance, RuleSet, Share};

pub fn run(instance: &Instance, rules: &RuleSet, m: &mut Model) {
    certified_share(instance, rules, m);
    course_certified(instance, rules, m);
    if rules.mentor_required {
        supervision(instance, m);
    }
}

fn gcd(a: u64, b: u64) -> u64 {
    if b == 0 { a } else { gcd(b, a % b) }
}

/// `(a, b)` of the certified floor row `b · certified - a · lessons >= 0`: one certified
/// lesson more adds `b` to the row. `None` for a floor of 0 (no row).
pub fn share_coefficients(share: Share) -> Option<(f64, f64)> {
    let parts = u64::from(share.0);
    if parts == 0 {
        return None;
    }
    let scale = u64::from(Share::SCALE);
    let g = gcd(parts, scale);
    Some(((parts / g) as f64, (scale / g) as f64))
}

/// `certified * SCALE >= parts * lessons`, divided by their common factor: for 60% that is
/// `5 certified - 3 lessons >= 0`, exact in integers like `Share::met_by`.
fn certified_share(instance: &Instance, rules: &RuleSet, m: &mut Model) {
    let Some((a, b)) = share_coefficients(rules.min_certified_share) else {
        return;
    };
    let mut terms: Vec<(VarId, f64)> = Vec::new();
    for (s, assign) in m.segments.iter().zip(&m.assign) {
        for (t, z) in assign {
            if instance.teachers[*t].is_certified() {
                terms.push((*z, b * f64::from(s.lessons())));
            }
        }
    }
    for gi in 0..instance.groups.len() {
        terms.push((m.open[gi], -a * f64::from(m.lessons_of_group(gi))));
    }
    m.mip.row(
        "certified_share".into(),
        Family::CertifiedShare,
        terms,
        Cmp::Ge,
        0.0,
    );
}

/// Σ certified lessons of the course >= k · open: no course without a certified lesson.
fn course_certified(instance: &Instance, rules: &RuleSet, m: &mut Model) {
    let k = f64::from(rules.min_certified_lessons_per_course);
    if k == 0.0 {
        return;
    }
    for (gi, g) in instance.groups.iter().enumerate() {
        let mut terms: Vec<(VarId, f64)> = Vec::new();
        for (s, assign) in m
            .segments
            .iter()
            .zip(&m.assign)
            .filter(|(s, _)| s.group == gi)
        {
            for (t, z) in assign {
                if instance.teachers[*t].is_certified() {
                    terms.push((*z, f64::from(s.lessons())));
                }
            }
        }
        terms.push((m.open[gi], -k));
        let name = format!("course_certified_{}", clean(g.course_code.as_str()));
        m.mip
            .row(name, Family::CourseCertified, terms, Cmp::Ge, 0.0);
    }
}

/// Every non-certified teacher who teaches counts once against the mentors' total capacity.
/// Any certified teacher or external mentor may supervise any colleague, so a matching
/// within each mentor's capacity exists exactly when the total suffices; `solve::decode`
/// then picks the mentors.
fn supervision(instance: &Instance, m: &mut Model) {
    let capacity: u32 = instance
        .teachers
        .iter()
        .filter(|t| t.is_certified())
        .map(|t| t.mentor_capacity)
        .chain(instance.mentors.iter().map(|x| x.capacity))
        .sum();
    let mut used_terms = Vec::new();
    for (ti, teacher) in instance.teachers.iter().enumerate() {
        if teacher.is_certified() {
            continue;
        }
        let zs: Vec<VarId> = m
            .assign
            .iter()
            .flat_map(|a| a.iter().filter(|(t, _)| *t == ti).map(|(_, z)| *z))
            .collect();
        if zs.is_empty() {
            continue;
        }
        let name = format!("used_{}", clean(teacher.id.as_str()));
        let used = m.mip.var(name.clone(), VarKind::Continuous, 0.0, 1.0, 0.0);
        for (k, z) in zs.into_iter().enumerate() {
            m.mip.row(
                format!("{name}_{}", k + 1),
                Family::Definition,
                vec![(used, 1.0), (z, -1.0)],
                Cmp::Ge,
                0.0,
            );
        }
        used_terms.push((used, 1.0));
    }
    m.mip.row(
        "mentor_capacity".into(),
        Family::Mentoring,
        used_terms,
        Cmp::Le,
        f64::from(capacity),
    );
}
