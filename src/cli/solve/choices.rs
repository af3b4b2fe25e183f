//! The choices of `solve` that become library types: `--formulation` and `--search`.

use nt2plan::solve;

/// `--formulation`.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub(super) enum FormulationChoice {
    /// Classes of interchangeable dates: exact and fast.
    Class,
    /// One variable per teacher and dated lesson: the reference.
    Lesson,
    /// Every class given whole by one teacher: a fast restriction whose optimum may be
    /// worse than the true one; never reported as optimal.
    Segment,
}

impl From<FormulationChoice> for solve::Formulation {
    fn from(f: FormulationChoice) -> Self {
        match f {
            FormulationChoice::Class => solve::Formulation::Class,
            FormulationChoice::Lesson => solve::Formulation::Lesson,
            FormulationChoice::Segment => solve::Formulation::Segment,
        }
    }
}

/// `--search`.
#[derive(Clone, Copy, Debug, clap::ValueEnum)]
pub(super) enum SearchChoice {
    /// When the program is too big for the solver (microlp above 20,000 variables).
    Auto,
    On,
    Off,
}

impl From<SearchChoice> for solve::SearchMode {
    fn from(s: SearchChoice) -> Self {
        match s {
            SearchChoice::Auto => solve::SearchMode::Auto,
            SearchChoice::On => solve::SearchMode::On,
            SearchChoice::Off => solve::SearchMode::Off,
        }
    }
}
