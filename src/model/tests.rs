//! The passes of the program one by one, on small hand-built schools: each test names the
//! rows and variables a pass adds, with their coefficients and right-hand sides, and says
//! why they are what they are. Rows are shown as text (`name [Family]: 5 y - x >= 0`), so a
//! failing assertion reads like the program.
//!
//! [`staged`] builds the program pass by pass and remembers what each pass added; a test
//! checks that it builds exactly what [`build`] builds, so the passes seen here are the
//! passes of the real program.

use super::*;
use crate::check::fixture::Fx;
use std::ops::Range;

mod golden;
mod norms;
mod sizes;
mod staffing;
mod students;
mod variables;

/// The passes of [`build`], in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pass {
    Variables,
    Staffing,
    Contract,
    Norms,
    Sizes,
}

/// A program built pass by pass, with the variables and rows each pass added.
struct Staged {
    model: Model,
    added: Vec<(Pass, Range<usize>, Range<usize>)>,
}

/// The program of `instance` under `rules` (class formulation), built as [`build`] builds
/// it but one pass at a time.
fn staged(instance: &Instance, rules: &RuleSet) -> Staged {
    staged_as(instance, rules, Formulation::Class)
}

fn staged_as(instance: &Instance, rules: &RuleSet, formulation: Formulation) -> Staged {
    let refinement = Refinement::default();
    let made = crate::model::classes::classes(instance, formulation, &refinement);
    let (types, pinned) = crate::model::students::student_types(instance);
    let mut model =
        crate::model::variables::run(instance, rules, formulation, made.list, types, pinned);
    model.binding = made.binding;
    model.contract = made.contract;
    model.lined_up = made.lined_up;
    model.refinement = refinement;
    let mut added = vec![(
        Pass::Variables,
        0..model.mip.vars.len(),
        0..model.mip.rows.len(),
    )];
    let mut step = |pass: Pass, model: &mut Model, run: &dyn Fn(&mut Model)| {
        let (vars, rows) = (model.mip.vars.len(), model.mip.rows.len());
        run(model);
        added.push((pass, vars..model.mip.vars.len(), rows..model.mip.rows.len()));
    };
    step(Pass::Staffing, &mut model, &|m| {
        crate::model::staffing::run(instance, m)
    });
    step(Pass::Contract, &mut model, &|m| {
        crate::model::contract::run(instance, m)
    });
    step(Pass::Norms, &mut model, &|m| {
        crate::model::norms::run(instance, rules, m)
    });
    step(Pass::Sizes, &mut model, &|m| {
        crate::model::sizes::run(instance, rules, m)
    });
    Staged { model, added }
}

impl Staged {
    fn ranges(&self, pass: Pass) -> (Range<usize>, Range<usize>) {
        self.added
            .iter()
            .find(|(p, _, _)| *p == pass)
            .map(|(_, v, r)| (v.clone(), r.clone()))
            .expect("every pass is staged")
    }

    /// The rows `pass` added, as text.
    fn rows(&self, pass: Pass) -> Vec<String> {
        let (_, rows) = self.ranges(pass);
        self.model.mip.rows[rows]
            .iter()
            .map(|r| show_row(&self.model.mip, r))
            .collect()
    }

    /// The rows `pass` added whose name starts with `prefix`, as text.
    fn rows_named(&self, pass: Pass, prefix: &str) -> Vec<String> {
        let (_, rows) = self.ranges(pass);
        self.model.mip.rows[rows]
            .iter()
            .filter(|r| r.name.starts_with(prefix))
            .map(|r| show_row(&self.model.mip, r))
            .collect()
    }

    /// The variables `pass` added, as text.
    fn vars(&self, pass: Pass) -> Vec<String> {
        let (vars, _) = self.ranges(pass);
        self.model.mip.vars[vars].iter().map(show_var).collect()
    }

    /// The row called `name` (whichever pass added it).
    fn row(&self, name: &str) -> &Row {
        let found = self.model.mip.rows.iter().find(|r| r.name == name);
        found.unwrap_or_else(|| panic!("no row {name}"))
    }
}

/// `name [Family]: 5 y - x >= 0`: a coefficient of 1 is left out, a negative one becomes a
/// minus, the right-hand side is written without a sign for zero.
fn show_row(mip: &Mip, row: &Row) -> String {
    let mut text = format!("{} [{:?}]:", row.name, row.family);
    for (k, (v, c)) in row.terms.iter().enumerate() {
        let name = &mip.vars[*v].name;
        let coefficient = if c.abs() == 1.0 {
            String::new()
        } else {
            format!("{} ", c.abs())
        };
        let sign = match (k, *c < 0.0) {
            (0, false) => "",
            (0, true) => "-",
            (_, false) => "+ ",
            (_, true) => "- ",
        };
        text.push_str(&format!(" {sign}{coefficient}{name}"));
    }
    let cmp = match row.cmp {
        Cmp::Le => "<=",
        Cmp::Ge => ">=",
        Cmp::Eq => "=",
    };
    // `+ 0.0` writes -0 (a right-hand side of minus no pinned students) as 0.
    text.push_str(&format!(" {cmp} {}", row.rhs + 0.0));
    text
}

/// `name Kind [lower, upper] cost c`.
fn show_var(v: &Var) -> String {
    format!(
        "{} {:?} [{}, {}] cost {}",
        v.name, v.kind, v.lower, v.upper, v.cost
    )
}

/// Two teachers, T1 certified (mentor capacity 3) and T2 not; two B1 groups at Utrecht on
/// Monday morning for five weeks (five lessons each, on the same dates), B1-UTR-02
/// optional; three B1 students who fit both.
fn two_groups() -> Fx {
    let mut fx = Fx::new();
    fx.teacher("T1", true);
    fx.teacher("T2", false);
    fx.group("B1-UTR-01", "Utrecht", "B1");
    fx.group("B1-UTR-02", "Utrecht", "B1").optional = true;
    for id in ["S1", "S2", "S3"] {
        fx.student(id, "B1");
    }
    fx
}

#[test]
fn the_passes_staged_one_by_one_build_what_build_builds() {
    use crate::check::fixture::{addendum, handleiding};
    let fx = two_groups();
    for rules in [addendum(), handleiding()] {
        for formulation in [
            Formulation::Class,
            Formulation::Segment,
            Formulation::Lesson,
        ] {
            let staged = staged_as(&fx.instance, &rules, formulation);
            let built = build(&fx.instance, &rules, formulation, &Refinement::default());
            assert_eq!(
                staged.model.mip, built.mip,
                "{} {formulation:?}",
                rules.name
            );
            let last = staged.added.last().map(|(_, v, r)| (v.end, r.end));
            assert_eq!(last, Some((built.mip.vars.len(), built.mip.rows.len())));
        }
    }
}
