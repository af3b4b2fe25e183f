//! Pass 1 (`variables.rs`): every variable with its bounds and cost, and the continuity rows.

use super::*;
use crate::check::fixture::addendum;
use crate::domain::CourseCode;

#[test]
fn every_decision_gets_its_variable_bounds_and_cost() {
    // Weights are the defaults: an optional group opened 50, a non-certified lesson 10, a
    // teacher per group 5, a step down the location list 1, an unplaced student 10,000, a
    // student above the standard maximum 1,000.
    let fx = two_groups();
    let staged = staged(&fx.instance, &addendum());
    assert_eq!(
        staged.vars(Pass::Variables),
        [
            // B1-UTR-01 must run: fixed to 1, free. B1-UTR-02 is optional: 0..1 at 50.
            "open_B1_UTR_01 Binary [1, 1] cost 0",
            "open_B1_UTR_02 Binary [0, 1] cost 50",
            // One class per group (its five Mondays), a count per candidate teacher of
            // 0..5 lessons; T2's lessons cost 10 each, T1's nothing.
            "x_T1_B1_UTR_01_mon_morning_1 Integer [0, 5] cost 0",
            "x_T2_B1_UTR_01_mon_morning_1 Integer [0, 5] cost 10",
            "x_T1_B1_UTR_02_mon_morning_1 Integer [0, 5] cost 0",
            "x_T2_B1_UTR_02_mon_morning_1 Integer [0, 5] cost 10",
            // The three students are one type: how many go to each group (rank 0 at
            // Utrecht, so free), and how many stay unplaced at 10,000 each.
            "n_type1_B1_UTR_01 Integer [0, 3] cost 0",
            "n_type1_B1_UTR_02 Integer [0, 3] cost 0",
            "unplaced_type1 Integer [0, 3] cost 10000",
            // B1 allows 20 + 5 under exception 2: up to 5 above the standard, 1,000 each.
            "over_B1_UTR_01 Continuous [0, 5] cost 1000",
            "over_B1_UTR_02 Continuous [0, 5] cost 1000",
            // Continuity: whether a teacher gives a group any lesson, 5 each. Binary,
            // because a class holds several lessons (2 of 5 must still cost a teacher).
            "teaches_T1_B1_UTR_01 Binary [0, 1] cost 5",
            "teaches_T1_B1_UTR_02 Binary [0, 1] cost 5",
            "teaches_T2_B1_UTR_01 Binary [0, 1] cost 5",
            "teaches_T2_B1_UTR_02 Binary [0, 1] cost 5",
        ]
    );
    assert_eq!(staged.model.mip.objective_constant, 0.0);
}

#[test]
fn continuity_rows_make_teaches_one_when_the_teacher_gives_the_group_a_lesson() {
    // 5 · teaches >= x: x counts up to 5 lessons of the class, so any lesson forces
    // teaches to 1, and the cost of teaches pushes it to 0 otherwise.
    let fx = two_groups();
    let staged = staged(&fx.instance, &addendum());
    assert_eq!(
        staged.rows(Pass::Variables),
        [
            "teaches_T1_B1_UTR_01_1 [Definition]: 5 teaches_T1_B1_UTR_01 - x_T1_B1_UTR_01_mon_morning_1 >= 0",
            "teaches_T1_B1_UTR_02_1 [Definition]: 5 teaches_T1_B1_UTR_02 - x_T1_B1_UTR_02_mon_morning_1 >= 0",
            "teaches_T2_B1_UTR_01_1 [Definition]: 5 teaches_T2_B1_UTR_01 - x_T2_B1_UTR_01_mon_morning_1 >= 0",
            "teaches_T2_B1_UTR_02_1 [Definition]: 5 teaches_T2_B1_UTR_02 - x_T2_B1_UTR_02_mon_morning_1 >= 0",
        ]
    );
    assert_eq!(
        staged.row("teaches_T2_B1_UTR_02_1").subject,
        Subject::TeacherGroup {
            teacher: 1,
            group: 1
        }
    );
}

#[test]
fn a_pinned_student_opens_an_optional_group_and_costs_its_rank_as_a_constant() {
    // S9 prefers Utrecht (rank 0) but is pinned to Amersfoort (rank 1): a constant 1 in
    // the objective, and the optional Amersfoort group must run (open fixed to 1).
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.group("B1-AMF-01", "Amersfoort", "B1").optional = true;
    fx.student("S9", "B1").pinned = Some(CourseCode::new("B1-AMF-01"));
    let staged = staged(&fx.instance, &addendum());
    let vars = staged.vars(Pass::Variables);
    assert_eq!(vars[0], "open_B1_AMF_01 Binary [1, 1] cost 50");
    assert_eq!(staged.model.mip.objective_constant, 1.0);
    assert!(staged.model.types.is_empty(), "a pinned student is no type");
}

#[test]
fn a_class_given_whole_is_one_binary_at_the_cost_of_all_its_lessons() {
    // The segment formulation gives a class to one teacher: x is a binary, and T2's five
    // lessons cost 5 · 10 = 50 at once.
    let fx = two_groups();
    let staged = staged_as(&fx.instance, &addendum(), Formulation::Segment);
    let x: Vec<String> = staged
        .vars(Pass::Variables)
        .into_iter()
        .filter(|v| v.starts_with("x_"))
        .collect();
    assert_eq!(
        x,
        [
            "x_T1_B1_UTR_01_mon_morning_1 Binary [0, 1] cost 0",
            "x_T2_B1_UTR_01_mon_morning_1 Binary [0, 1] cost 50",
            "x_T1_B1_UTR_02_mon_morning_1 Binary [0, 1] cost 0",
            "x_T2_B1_UTR_02_mon_morning_1 Binary [0, 1] cost 50",
        ]
    );
}
