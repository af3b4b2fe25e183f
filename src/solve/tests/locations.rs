//! Where students go: a ranked list costs `location_rank` per step down it; `*` costs
//! nothing anywhere.

use super::{run, schedule};
use crate::check::fixture::{Fx, addendum, slot};
use crate::domain::{Location, LocationOrder};

#[test]
fn students_go_to_their_preferred_location() {
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.teacher("T2", true);
    fx.group("G-UTR", "Utrecht", "B1");
    fx.group("G-AMF", "Amersfoort", "B1").slots = vec![slot("tue-morning")];
    fx.student("S1", "B1").locations.reverse();
    fx.student("S2", "B1");
    let s = run(&fx, &addendum());
    let group_of = |id: &str| {
        schedule(&s)
            .placements
            .iter()
            .find(|p| p.student.as_str() == id)
            .and_then(|p| p.course_code.clone())
            .map(|c| c.0)
    };
    assert_eq!(group_of("S1").as_deref(), Some("G-AMF"));
    assert_eq!(group_of("S2").as_deref(), Some("G-UTR"));
}

/// One certified teacher, one B1 group at `location` and student S1, who accepts every
/// location as `*` does after validation: the school's locations sorted (Amersfoort,
/// Utrecht), none preferred.
fn one_group_and_a_star_student(location: &str) -> Fx {
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.group("G1", location, "B1");
    let locations: Vec<Location> = fx.instance.school.locations.iter().cloned().collect();
    let s1 = fx.student("S1", "B1");
    s1.locations = locations;
    s1.location_order = LocationOrder::Unranked;
    fx
}

#[test]
fn a_star_student_costs_no_location_rank_at_either_location() {
    // By hand: S1 is placed (no 10000), G1 stays within its standard maximum (no 1000), it
    // is not optional (no 50), T1 is certified (no 10), one teacher for G1 (5), and S1's
    // rank at G1's location is 0 at both: 5 in each. Ranked by the sorted list, Utrecht
    // would have been the second choice and cost 5 + 1.
    for location in ["Amersfoort", "Utrecht"] {
        let fx = one_group_and_a_star_student(location);
        let s = run(&fx, &addendum());
        assert_eq!(schedule(&s).placements.len(), 1);
        assert!(
            schedule(&s).placements[0].course_code.is_some(),
            "S1 placed in {location}"
        );
        assert_eq!(s.objective, Some(5.0), "{location}");
    }
    // The same list as a preference (`Amersfoort;Utrecht`) does cost the step down.
    let mut fx = one_group_and_a_star_student("Utrecht");
    fx.instance.students[0].location_order = LocationOrder::Preference;
    assert_eq!(run(&fx, &addendum()).objective, Some(6.0));
}
