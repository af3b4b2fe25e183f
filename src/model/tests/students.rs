//! Student types (`students.rs`): interchangeable students are counted, pinned ones are
//! constants of their group.

use super::*;
use crate::domain::{CourseCode, Location};

#[test]
fn students_alike_share_a_type_and_pinned_ones_count_for_their_group() {
    // Groups: B1-UTR-01 at Utrecht (index 0), B1-AMF-01 at Amersfoort (index 1).
    // S1 and S2 fit both with the default preference (Utrecht first: rank 0, Amersfoort
    // rank 1), so they swap without changing anything the program measures: one type.
    // S3 accepts Amersfoort only: a type of its own, rank 0 there. S4 is pinned to
    // B1-UTR-01: not a type, one pinned student of group 0. S5 (Alfa) fits no B1 group:
    // still a type, with no options (it can only be left unplaced).
    let mut fx = Fx::new();
    fx.group("B1-UTR-01", "Utrecht", "B1");
    fx.group("B1-AMF-01", "Amersfoort", "B1");
    fx.student("S1", "B1");
    fx.student("S2", "B1");
    fx.student("S3", "B1").locations = vec![Location::new("Amersfoort")];
    fx.student("S4", "B1").pinned = Some(CourseCode::new("B1-UTR-01"));
    fx.student("S5", "Alfa");
    let (types, pinned) = crate::model::students::student_types(&fx.instance);
    let seen: Vec<_> = types.into_iter().map(|t| (t.members, t.options)).collect();
    assert_eq!(
        seen,
        [
            (vec![0, 1], vec![(0, 0), (1, 1)]),
            (vec![2], vec![(1, 0)]),
            (vec![4], vec![]),
        ]
    );
    assert_eq!(pinned, [1, 0]);
}

#[test]
fn types_come_in_the_order_of_their_first_members_id_whatever_the_file_order() {
    // The students listed Z, A, M: A and M alike, Z on its own (Amersfoort only). The
    // type of A (with M) comes first, then Z's: names `type1`, `type2` follow ids, not
    // the order of students.csv.
    let mut fx = Fx::new();
    fx.group("B1-UTR-01", "Utrecht", "B1");
    fx.group("B1-AMF-01", "Amersfoort", "B1");
    fx.student("Z", "B1").locations = vec![Location::new("Amersfoort")];
    fx.student("A", "B1");
    fx.student("M", "B1");
    let (types, _) = crate::model::students::student_types(&fx.instance);
    let members: Vec<Vec<usize>> = types.into_iter().map(|t| t.members).collect();
    assert_eq!(members, [vec![1, 2], vec![0]]);
}
