//! Pass 4 (`sizes.rs`): norm 2.2.1's maxima with exception 2, `min_size`, and each
//! student in at most one group.

use super::*;
use crate::check::fixture::{addendum, handleiding};
use crate::domain::CourseCode;

#[test]
fn group_sizes_between_min_size_and_the_maximum_with_exception_2() {
    // B1 under the Addendum: standard 20, temporary 25. A group's size is Σ n[type, g]
    // (one type here). It holds at most 25 when open and none when closed; at least
    // min_size (0) when open, and at least 1 for the optional group (an open optional
    // group without students is C156); `over` counts the students above 20.
    let fx = two_groups();
    let staged = staged(&fx.instance, &addendum());
    let rows = staged.rows(Pass::Sizes);
    let per_group: Vec<&str> = rows.iter().take(6).map(String::as_str).collect();
    assert_eq!(
        per_group,
        [
            "max_B1_UTR_01 [GroupMax]: n_type1_B1_UTR_01 - 25 open_B1_UTR_01 <= 0",
            "min_B1_UTR_01 [GroupMin]: n_type1_B1_UTR_01 >= 0",
            "above_standard_B1_UTR_01 [Definition]: -n_type1_B1_UTR_01 + over_B1_UTR_01 + 20 open_B1_UTR_01 >= 0",
            "max_B1_UTR_02 [GroupMax]: n_type1_B1_UTR_02 - 25 open_B1_UTR_02 <= 0",
            "min_B1_UTR_02 [GroupMin]: n_type1_B1_UTR_02 - open_B1_UTR_02 >= 0",
            "above_standard_B1_UTR_02 [Definition]: -n_type1_B1_UTR_02 + over_B1_UTR_02 + 20 open_B1_UTR_02 >= 0",
        ]
    );
}

#[test]
fn exception_2_only_when_every_group_of_the_cell_is_full() {
    // The two groups are one cell (Utrecht, B1). full_Utrecht_B1 = 1 lets each hold up
    // to 20 + 5; without it each stays at 20. With it, every open group of the cell holds
    // at least 20: size >= 20 · (open + full - 1), i.e. size - 20 open - 20 full >= -20.
    let fx = two_groups();
    let staged = staged(&fx.instance, &addendum());
    assert_eq!(
        staged.vars(Pass::Sizes),
        ["full_Utrecht_B1 Binary [0, 1] cost 0"]
    );
    assert_eq!(
        staged.rows_named(Pass::Sizes, "overflow_only_if_full_"),
        [
            "overflow_only_if_full_B1_UTR_01 [Overflow]: n_type1_B1_UTR_01 - 5 full_Utrecht_B1 <= 20",
            "overflow_only_if_full_B1_UTR_02 [Overflow]: n_type1_B1_UTR_02 - 5 full_Utrecht_B1 <= 20",
        ]
    );
    assert_eq!(
        staged.rows_named(Pass::Sizes, "full_when_overflowing_"),
        [
            "full_when_overflowing_B1_UTR_01 [Overflow]: n_type1_B1_UTR_01 - 20 open_B1_UTR_01 - 20 full_Utrecht_B1 >= -20",
            "full_when_overflowing_B1_UTR_02 [Overflow]: n_type1_B1_UTR_02 - 20 open_B1_UTR_02 - 20 full_Utrecht_B1 >= -20",
        ]
    );
    assert_eq!(staged.model.full.len(), 1);
    assert_eq!(staged.model.full[0].0, [0, 1]);
}

#[test]
fn without_a_temporary_maximum_there_is_no_overflow_at_all() {
    // The Handleiding's B1 maximum is 20 and 20: no over variable, no above_standard or
    // overflow rows, no full variable; the maximum row says 20.
    let fx = two_groups();
    let staged = staged(&fx.instance, &handleiding());
    assert!(staged.vars(Pass::Sizes).is_empty());
    assert!(
        staged
            .model
            .mip
            .vars
            .iter()
            .all(|v| !v.name.starts_with("over_"))
    );
    for prefix in [
        "above_standard_",
        "overflow_only_if_full_",
        "full_when_overflowing_",
    ] {
        assert!(
            staged.rows_named(Pass::Sizes, prefix).is_empty(),
            "{prefix}"
        );
    }
    assert_eq!(
        staged.rows_named(Pass::Sizes, "max_B1_UTR_01"),
        ["max_B1_UTR_01 [GroupMax]: n_type1_B1_UTR_01 - 20 open_B1_UTR_01 <= 0"]
    );
}

#[test]
fn students_are_placed_once_and_only_in_open_optional_groups() {
    // The three students of type 1 are in one group or unplaced: Σ n + unplaced = 3. In
    // the optional group they count only when it opens: n <= min(3, 25) · open, which the
    // whole numbers imply but the LP relaxation does not.
    let fx = two_groups();
    let staged = staged(&fx.instance, &addendum());
    assert_eq!(
        staged.rows_named(Pass::Sizes, "fits_only_if_open_"),
        [
            "fits_only_if_open_type1_B1_UTR_02 [Definition]: n_type1_B1_UTR_02 - 3 open_B1_UTR_02 <= 0"
        ]
    );
    assert_eq!(
        staged.rows_named(Pass::Sizes, "once_"),
        ["once_type1 [StudentOnce]: n_type1_B1_UTR_01 + n_type1_B1_UTR_02 + unplaced_type1 = 3"]
    );
    assert_eq!(staged.row("once_type1").subject, Subject::StudentType(0));
}

#[test]
fn pinned_students_move_every_size_row_by_their_number() {
    // One student pinned to B1-UTR-01 (min_size 2) is a constant of its size: every row
    // on that size has the pinned student on the right-hand side.
    let mut fx = two_groups();
    fx.instance.groups[0].min_size = 2;
    fx.student("S4", "B1").pinned = Some(CourseCode::new("B1-UTR-01"));
    let staged = staged(&fx.instance, &addendum());
    let of_group_1: Vec<String> = staged
        .rows(Pass::Sizes)
        .into_iter()
        .filter(|r| r.contains("B1_UTR_01 ["))
        .collect();
    assert_eq!(
        of_group_1,
        [
            // size + 1 <= 25 · open
            "max_B1_UTR_01 [GroupMax]: n_type1_B1_UTR_01 - 25 open_B1_UTR_01 <= -1",
            // size + 1 >= 2 · open
            "min_B1_UTR_01 [GroupMin]: n_type1_B1_UTR_01 - 2 open_B1_UTR_01 >= -1",
            // over >= size + 1 - 20 · open
            "above_standard_B1_UTR_01 [Definition]: -n_type1_B1_UTR_01 + over_B1_UTR_01 + 20 open_B1_UTR_01 >= 1",
            // size + 1 <= 20 + 5 · full
            "overflow_only_if_full_B1_UTR_01 [Overflow]: n_type1_B1_UTR_01 - 5 full_Utrecht_B1 <= 19",
            // size + 1 >= 20 · (open + full - 1)
            "full_when_overflowing_B1_UTR_01 [Overflow]: n_type1_B1_UTR_01 - 20 open_B1_UTR_01 - 20 full_Utrecht_B1 >= -21",
        ]
    );
}
