//! The diagnosis in Dutch: every reason reads in Dutch with the same values.

use crate::check::fixture::{Fx, addendum};
use crate::outcome::Status;
use crate::report::{Lang, reason_text};
use crate::solve::{Backend, Settings, solve};

#[test]
fn a_slot_nobody_can_teach_is_told_in_dutch_with_its_course_slot_and_place() {
    let mut fx = Fx::new();
    fx.teacher("T1", true).available = Default::default();
    fx.group("G1", "Utrecht", "B1");
    let settings = Settings {
        backend: Backend::Microlp,
        gap: 0.0,
        ..Settings::default()
    };
    let s = solve(&fx.instance, &addendum(), &settings).expect("the solver runs");
    let Status::Infeasible { diagnosis } = &s.status else {
        panic!("expected infeasible, got {:?}", s.status);
    };
    let lines: Vec<String> = diagnosis
        .reasons()
        .map(|r| reason_text::line(r, Lang::Nl))
        .collect();
    let text = lines.join("\n");
    assert!(
        text.contains(
            "[bezetting] cursus G1 heeft geen docent die mon-morning kan geven in Utrecht (B1)"
        ),
        "{text}"
    );
    assert!(
        text.contains("les(sen) zonder docent, bijvoorbeeld: groep G1"),
        "{text}"
    );
    for english in [
        "has no teacher",
        "without a teacher",
        "for example",
        "[staffing]",
    ] {
        assert!(!text.contains(english), "{english:?} in {text}");
    }
    // Every reason's Dutch message is another text than its English one.
    assert!(
        diagnosis
            .reasons()
            .all(|r| reason_text::message(r, Lang::Nl) != reason_text::message(r, Lang::En)),
        "{diagnosis:?}"
    );
}
