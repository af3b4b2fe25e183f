//! Pass 3: the Keurmerk norms on staffing. 1.7.1a the certified floor (in whole lessons,
//! exactly as the checker counts), 1.7.1b certified lessons per course code, and the
//! supervision capacity for non-certified teachers.

use super::variables::clean;
use super::{Cmp, Family, Model, Subject, VarId, VarKind};
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
    for (c, assign) in m.assign.iter().enumerate() {
        for (t, x) in assign {
            if instance.teachers[*t].is_certified() {
                terms.push((*x, b * m.unit(c)));
            }
        }
    }
    for (gi, g) in instance.groups.iter().enumerate() {
        if !g.has_choice() {
            terms.push((m.open[gi], -a * f64::from(m.lessons_of_group(gi))));
            continue;
        }
        // The lessons of the chosen alternative: Σ over its classes of lessons · active.
        let mut by_var: std::collections::BTreeMap<VarId, f64> = Default::default();
        for (ci, c) in m.classes.iter().enumerate().filter(|(_, c)| c.group == gi) {
            *by_var.entry(m.active(ci)).or_default() += f64::from(c.lessons());
        }
        terms.extend(by_var.into_iter().map(|(v, n)| (v, -a * n)));
    }
    m.mip.row(
        "certified_share".into(),
        Family::CertifiedShare,
        Subject::School,
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
        for (c, assign) in m.assign.iter().enumerate() {
            if m.classes[c].group != gi {
                continue;
            }
            for (t, x) in assign {
                if instance.teachers[*t].is_certified() {
                    terms.push((*x, m.unit(c)));
                }
            }
        }
        terms.push((m.open[gi], -k));
        let name = format!("course_certified_{}", clean(g.course_code.as_str()));
        m.mip.row(
            name,
            Family::CourseCertified,
            Subject::Group(gi),
            terms,
            Cmp::Ge,
            0.0,
        );
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
        let ys: Vec<(usize, VarId)> = m
            .pairs
            .range((ti, 0)..(ti + 1, 0))
            .map(|((_, g), y)| (*g, *y))
            .collect();
        if ys.is_empty() {
            continue;
        }
        // used >= y[t, g]: a teacher who gives any group a lesson needs a mentor.
        let name = format!("used_{}", clean(teacher.id.as_str()));
        let used = m.mip.var(name.clone(), VarKind::Continuous, 0.0, 1.0, 0.0);
        for (g, y) in ys {
            m.mip.row(
                format!("{name}_{}", clean(instance.groups[g].course_code.as_str())),
                Family::Definition,
                Subject::TeacherGroup {
                    teacher: ti,
                    group: g,
                },
                vec![(used, 1.0), (y, -1.0)],
                Cmp::Ge,
                0.0,
            );
        }
        used_terms.push((used, 1.0));
        m.used.push((ti, used));
    }
    m.mip.row(
        "mentor_capacity".into(),
        Family::Mentoring,
        Subject::School,
        used_terms,
        Cmp::Le,
        f64::from(capacity),
    );
}
