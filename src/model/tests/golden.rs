//! The demo's program as an LP file, checked in as `tests/golden/demo.lp`: any change to
//! the model (a row, a coefficient, a name, a bound, a cost) shows as a diff of that file.
//!
//! After an intended change, rewrite the file and review the diff:
//!
//! ```text
//! NT2PLAN_BLESS=1 cargo test --lib model::tests::golden
//! git diff tests/golden/demo.lp
//! ```

use crate::model::write::{Format, to_string};
use crate::testing::{assert_golden, demo_instance};

#[test]
fn the_demos_program_is_the_checked_in_lp_file() {
    let (instance, rules) = demo_instance();
    // As `nt2plan solve instances/demo --write-model demo.lp` builds and writes it.
    let model = crate::solve::build_model(&instance, &rules, &crate::solve::Settings::default());
    let lp = to_string(&model.mip, &instance.school.name, Format::Lp).expect("the LP file");
    assert_golden("demo.lp", &lp);
}
