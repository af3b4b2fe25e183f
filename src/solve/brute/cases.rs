//! The three hand-made schools of the exact-program issue, each needing what a teacher per
//! weekly series cannot do; their optima are worked out beside the tests that use them (the
//! brute force's in `tests.rs`, the program's in `solve/exact_tests.rs`).

use crate::check::fixture::{Fx, addendum, date, handleiding, range, slot};
use crate::domain::{Block, BlockName, RuleSet, Share};

/// The default school with a `midday` block (10:30-13:30) that overlaps morning and
/// afternoon.
pub fn with_midday(fx: &mut Fx) {
    fx.instance.school.blocks.insert(
        1,
        Block {
            name: BlockName::new("midday"),
            time: range((10, 30), (13, 30)),
        },
    );
}

/// Rotating a certified teacher: G1 and G2 meet Monday morning in weeks 1 and 2; certified
/// T1, non-certified T2; the Handleiding with the certified floor set to `floor`.
pub fn rotation(floor: Share) -> (Fx, RuleSet) {
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.teacher("T2", false);
    for code in ["G1", "G2"] {
        fx.group(code, "Utrecht", "B1").end = date("2025-09-08");
    }
    let mut rules = handleiding();
    rules.min_certified_share = floor;
    (fx, rules)
}

/// Overlap on some dates only: A Mondays 09:00-12:00 on 1 and 8 September, B Mondays
/// 10:30-13:30 on 8 and 15 September; certified T1, non-certified T2; the Addendum.
pub fn overlap_on_some_dates() -> (Fx, RuleSet) {
    let mut fx = Fx::new();
    with_midday(&mut fx);
    fx.teacher("T1", true);
    fx.teacher("T2", false);
    fx.group("A", "Utrecht", "B1").end = date("2025-09-08");
    let b = fx.group("B", "Utrecht", "B1");
    b.slots = vec![slot("mon-midday")];
    b.start = date("2025-09-08");
    b.end = date("2025-09-15");
    (fx, addendum())
}

/// A weekly maximum freed when a group ends: certified T1 gives at most one lesson a week; A
/// meets Mondays in weeks 1-2, B Tuesdays in weeks 1-3; non-certified T2; a 50% floor.
pub fn weekly_maximum_freed() -> (Fx, RuleSet) {
    let mut fx = Fx::new();
    fx.teacher("T1", true).max_lessons_per_week = Some(1);
    fx.teacher("T2", false);
    fx.group("A", "Utrecht", "B1").end = date("2025-09-08");
    let b = fx.group("B", "Utrecht", "B1");
    b.slots = vec![slot("tue-morning")];
    b.start = date("2025-09-02");
    b.end = date("2025-09-16");
    let mut rules = handleiding();
    rules.min_certified_share = Share(5000);
    (fx, rules)
}
