//! Pass 3 (`norms.rs`): norm 1.7.1a's certified floor, 1.7.1b per course code, and the
//! mentors' capacity.

use super::*;
use crate::check::fixture::{addendum, handleiding};

#[test]
fn the_certified_floor_is_exact_in_whole_lessons() {
    // 60% (the Addendum) is certified · 10,000 >= 6,000 · lessons, divided by 2,000:
    // 5 · certified - 3 · lessons >= 0, like `Share::met_by`. Certified lessons are T1's
    // counts; the lessons are 5 per open group.
    let fx = two_groups();
    let staged = staged(&fx.instance, &addendum());
    assert_eq!(
        staged.rows_named(Pass::Norms, "certified_share"),
        [
            "certified_share [CertifiedShare]: 5 x_T1_B1_UTR_01_mon_morning_1 + 5 x_T1_B1_UTR_02_mon_morning_1 - 15 open_B1_UTR_01 - 15 open_B1_UTR_02 >= 0"
        ]
    );
    assert_eq!(staged.row("certified_share").subject, Subject::School);
    // 80% (the Handleiding): 5 · certified - 4 · lessons >= 0, so 20 per group of 5.
    let staged = super::staged(&fx.instance, &handleiding());
    assert_eq!(
        staged.rows_named(Pass::Norms, "certified_share"),
        [
            "certified_share [CertifiedShare]: 5 x_T1_B1_UTR_01_mon_morning_1 + 5 x_T1_B1_UTR_02_mon_morning_1 - 20 open_B1_UTR_01 - 20 open_B1_UTR_02 >= 0"
        ]
    );
}

#[test]
fn every_running_course_gets_a_certified_lesson() {
    // Both rule sets ask 1 certified lesson per course code: T1's count in the group is
    // at least open (1 when it runs, 0 when it stays closed).
    let fx = two_groups();
    let staged = staged(&fx.instance, &addendum());
    assert_eq!(
        staged.rows_named(Pass::Norms, "course_certified_"),
        [
            "course_certified_B1_UTR_01 [CourseCertified]: x_T1_B1_UTR_01_mon_morning_1 - open_B1_UTR_01 >= 0",
            "course_certified_B1_UTR_02 [CourseCertified]: x_T1_B1_UTR_02_mon_morning_1 - open_B1_UTR_02 >= 0",
        ]
    );
    assert_eq!(
        staged.row("course_certified_B1_UTR_02").subject,
        Subject::Group(1)
    );
}

#[test]
fn a_non_certified_teacher_who_teaches_takes_one_place_of_the_mentors_capacity() {
    // used_T2 >= teaches_T2_g for each group T2 may teach, and the used ones fit in the
    // certified teachers' capacity (T1: 3) plus the external mentors' (M1: 2): 5.
    let mut fx = two_groups();
    fx.external_mentor("M1", 2);
    let staged = staged(&fx.instance, &addendum());
    assert_eq!(
        staged.vars(Pass::Norms),
        ["used_T2 Continuous [0, 1] cost 0"]
    );
    assert_eq!(
        staged.rows_named(Pass::Norms, "used_"),
        [
            "used_T2_B1_UTR_01 [Definition]: used_T2 - teaches_T2_B1_UTR_01 >= 0",
            "used_T2_B1_UTR_02 [Definition]: used_T2 - teaches_T2_B1_UTR_02 >= 0",
        ]
    );
    assert_eq!(
        staged.rows_named(Pass::Norms, "mentor_capacity"),
        ["mentor_capacity [Mentoring]: used_T2 <= 5"]
    );
    // The model remembers it as teacher 1's (T2's) variable.
    let (added, _) = staged.ranges(Pass::Norms);
    assert_eq!(staged.model.used, [(1, added.start)]);
}

#[test]
fn without_mentors_required_or_without_non_certified_teachers_there_is_no_capacity_row() {
    // The Handleiding asks no mentors: no used variable, no capacity row.
    let fx = two_groups();
    let staged = staged(&fx.instance, &handleiding());
    assert!(staged.vars(Pass::Norms).is_empty());
    assert!(staged.rows_named(Pass::Norms, "used_").is_empty());
    assert!(staged.rows_named(Pass::Norms, "mentor_capacity").is_empty());
    // Under the Addendum with certified teachers only, the row would be 0 <= 3, always
    // true, and is left out.
    let mut fx = two_groups();
    fx.instance.teachers.truncate(1);
    let staged = super::staged(&fx.instance, &addendum());
    assert!(staged.rows_named(Pass::Norms, "mentor_capacity").is_empty());
    assert_eq!(
        staged.rows(Pass::Norms).len(),
        3,
        "{:?}",
        staged.rows(Pass::Norms)
    );
}
