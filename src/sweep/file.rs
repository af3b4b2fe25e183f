//! Reading a scenario file (`scenarios.toml`): its shape with serde, then every value checked
//! against the base instance, with every problem reported at once at its line and column.

use super::spec::{Change, SweepSpec};
use crate::diag::{Diagnostic, Diagnostics, ErrorCode, Loaded, WarningCode};
use crate::domain::{Instance, RuleSet};
use crate::input::toml_support::{at_span, de_error};
use crate::outcome::Backend;
use crate::validate::load_instance;

use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::Path;
use toml::Spanned;

/// At most this many levels on one axis, and scenarios in one sweep.
pub const MAX_SCENARIOS: usize = 10_000;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileIn {
    title: Option<String>,
    instance: Spanned<String>,
    seeds: Option<Spanned<SeedsIn>>,
    solver: Option<Spanned<String>>,
    time_limit: Option<Spanned<f64>>,
    gap: Option<Spanned<f64>>,
    base: Option<Spanned<ChangeIn>>,
    #[serde(default)]
    axis: Vec<Spanned<AxisIn>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum SeedsIn {
    Count(i64),
    List(Vec<i64>),
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
struct ChangeIn {
    label: Option<Spanned<String>>,
    rules: Option<Spanned<String>>,
    temporary_maxima: Option<bool>,
    certified_floor: Option<Spanned<f64>>,
    mentoring: Option<bool>,
    remove_teachers: Option<Vec<Spanned<String>>>,
    remove_certified_percent: Option<Spanned<f64>>,
    remove_certified_count: Option<Spanned<i64>>,
    max_lessons_per_week: Option<Spanned<i64>>,
    max_lessons_percent: Option<Spanned<f64>>,
    certify: Option<Vec<Spanned<String>>>,
    decertify: Option<Vec<Spanned<String>>>,
    add_students: Option<Vec<Spanned<CellIn>>>,
    remove_students: Option<Vec<Spanned<CellIn>>>,
    groups_may_close: Option<bool>,
    leave: Option<Vec<Spanned<LeaveIn>>>,
    remove_rooms: Option<Vec<Spanned<String>>>,
    rooms_capacity_percent: Option<Spanned<f64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct LeaveIn {
    teacher: Spanned<String>,
    from: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CellIn {
    location: Spanned<String>,
    profile: Spanned<String>,
    count: Spanned<i64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AxisIn {
    name: Spanned<String>,
    #[serde(default)]
    variant: Vec<Spanned<ChangeIn>>,
    vary: Option<Spanned<String>>,
    levels: Option<Spanned<LevelsIn>>,
    location: Option<Spanned<String>>,
    profile: Option<Spanned<String>>,
    /// The teacher of a `vary = "leave_from"` axis.
    teacher: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum LevelsIn {
    List(Vec<f64>),
    Range {
        from: f64,
        to: f64,
        step: f64,
    },
    /// The dates of a `vary = "leave_from"` axis, as YYYY-MM-DD.
    Dates(Vec<String>),
}

/// A scenario file read and checked, with its base instance and rule set.
#[derive(Clone, Debug)]
pub struct LoadedSweep {
    pub spec: SweepSpec,
    pub instance: Instance,
    /// The base instance's rule set (school.toml's, or `[base] rules`).
    pub rules: RuleSet,
}

/// Reads and checks a scenario file and the instance it names.
pub fn load(path: &Path) -> Result<Loaded<LoadedSweep>, Diagnostics> {
    let file = path.display().to_string();
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            let code = if e.kind() == std::io::ErrorKind::NotFound {
                ErrorCode::FileMissing
            } else {
                ErrorCode::FileUnreadable
            };
            return Err(Diagnostics(vec![
                Diagnostic::error(code, &file, format!("cannot read the scenario file: {e}"))
                    .fix("give the path of a scenario TOML file; see the README, section Sweeps")
                    .nl(format!(
                        "het scenariobestand is niet te lezen: {}",
                        crate::diag::io_error_nl(&e)
                    ))
                    .fix_nl(
                        "geef het pad van een scenariobestand (TOML); zie de README, deel Sweeps",
                    ),
            ]));
        }
    };
    let src = crate::input::utf8_text(
        &file,
        &bytes,
        (
            "save the scenario file as UTF-8",
            "sla het scenariobestand op als UTF-8 (in Kladblok: Opslaan als, Codering UTF-8)",
        ),
    )
    .map_err(|d| Diagnostics(vec![d]))?;
    let raw: FileIn =
        toml::from_str(src).map_err(|e| Diagnostics(vec![de_error(&file, src, &e)]))?;
    let mut cx = Cx {
        file: &file,
        src,
        base_dir: path.parent().unwrap_or(Path::new(".")),
        diags: Diagnostics::default(),
        warnings: Diagnostics::default(),
        instance: None,
        rule_sets: BTreeMap::new(),
    };
    let base_rules = raw
        .base
        .as_ref()
        .and_then(|b| b.get_ref().rules.as_ref())
        .map(|r| crate::rules::RuleChoice::parse(r.get_ref()).relative_to(cx.base_dir));
    let instance_dir = cx.base_dir.join(raw.instance.get_ref());
    let loaded = match load_instance(&instance_dir, base_rules.as_ref()) {
        Ok(l) => Some(l),
        Err(problems) => {
            let n = problems.error_count();
            cx.diags.extend(problems);
            cx.push_nl(
                ErrorCode::ScenarioInstance,
                raw.instance.span(),
                "instance",
                (
                    format!(
                        "the instance {} cannot be used: {n} error(s), listed with their own files",
                        instance_dir.display()
                    ),
                    format!(
                        "de instantie {} is niet te gebruiken: {n} fout(en), genoemd bij hun eigen bestanden",
                        instance_dir.display()
                    ),
                ),
                (
                    "correct the instance folder, or the path (relative to the scenario file)",
                    "verbeter de instantiemap, of het pad (vanaf het scenariobestand)",
                ),
            );
            None
        }
    };
    cx.instance = loaded.as_ref().map(|l| &l.value.instance);
    let spec = cx.spec(&raw, path, instance_dir.clone());
    let diags = cx.diags.sorted();
    let mut warnings = cx.warnings.sorted();
    match (loaded, spec) {
        (Some(l), Some(spec)) if !diags.has_errors() => Ok(Loaded {
            value: LoadedSweep {
                spec,
                instance: l.value.instance,
                rules: l.value.rules,
            },
            warnings: {
                let mut all = l.warnings;
                all.extend(std::mem::take(&mut warnings));
                all
            },
        }),
        _ => Err(diags),
    }
}

struct Cx<'a> {
    file: &'a str,
    src: &'a str,
    base_dir: &'a Path,
    diags: Diagnostics,
    /// Variations that are valid but change nothing (W6xx).
    warnings: Diagnostics,
    instance: Option<&'a Instance>,
    rule_sets: BTreeMap<String, RuleSet>,
}

impl Cx<'_> {
    /// An error at `span`, with the Dutch message and fix beside the English ones.
    fn push_nl(
        &mut self,
        code: ErrorCode,
        span: Range<usize>,
        field: &str,
        (message, message_nl): (String, String),
        (fix, fix_nl): (&str, &str),
    ) {
        let d = Diagnostic::error(code, self.file, message)
            .field(field)
            .fix(fix)
            .nl(message_nl)
            .fix_nl(fix_nl);
        self.diags.push(at_span(d, self.src, span));
    }

    /// A warning at `span`: the variation is valid but does nothing; with the Dutch message
    /// and fix beside the English ones.
    fn warn_nl(
        &mut self,
        code: WarningCode,
        span: Range<usize>,
        field: &str,
        (message, message_nl): (String, String),
        (fix, fix_nl): (&str, &str),
    ) {
        let d = Diagnostic::warning(code, self.file, message)
            .field(field)
            .fix(fix)
            .nl(message_nl)
            .fix_nl(fix_nl);
        self.warnings.push(at_span(d, self.src, span));
    }

    fn spec(
        &mut self,
        raw: &FileIn,
        path: &Path,
        instance_dir: std::path::PathBuf,
    ) -> Option<SweepSpec> {
        let seeds = self.seeds(raw.seeds.as_ref());
        let solver = raw
            .solver
            .as_ref()
            .map(|s| (s, Backend::choose(s.get_ref())));
        if let Some((s, None)) = &solver {
            self.push_nl(
                ErrorCode::UnknownSolver,
                s.span(),
                "solver",
                (
                    format!("solver \"{}\" is not known", s.get_ref()),
                    format!("solver \"{}\" is niet bekend", s.get_ref()),
                ),
                (
                    "use auto, highs or microlp",
                    "gebruik auto, highs of microlp",
                ),
            );
        }
        if let Some(t) = &raw.time_limit
            && !(*t.get_ref() > 0.0 && t.get_ref().is_finite())
        {
            self.push_nl(
                ErrorCode::BadVariation,
                t.span(),
                "time_limit",
                (
                    format!(
                        "time_limit {} is not a positive number of seconds",
                        t.get_ref()
                    ),
                    format!(
                        "time_limit {} is geen positief aantal seconden",
                        t.get_ref()
                    ),
                ),
                (
                    "give the seconds per solve, e.g. 60",
                    "geef de seconden per oplossing, bijvoorbeeld 60",
                ),
            );
        }
        if let Some(g) = &raw.gap
            && !(0.0..1.0).contains(g.get_ref())
        {
            self.push_nl(
                ErrorCode::BadVariation,
                g.span(),
                "gap",
                (
                    format!("gap {} is not a fraction from 0 to 1", g.get_ref()),
                    format!("gap {} is geen breuk van 0 tot en met 1", g.get_ref()),
                ),
                (
                    "give a relative gap such as 0.0001",
                    "geef een relatieve gap zoals 0.0001",
                ),
            );
        }
        let base = match &raw.base {
            Some(b) => {
                if let Some(l) = &b.get_ref().label {
                    self.push_nl(
                        ErrorCode::TomlUnknownKey,
                        l.span(),
                        "label",
                        (
                            "[base] takes no label".into(),
                            "[base] heeft geen label".into(),
                        ),
                        (
                            "remove the label; labels belong to [[axis.variant]]",
                            "haal het label weg; labels horen bij [[axis.variant]]",
                        ),
                    );
                }
                self.change(b.get_ref())
            }
            None => Change::default(),
        };
        let mut axes = Vec::new();
        let mut names = BTreeSet::new();
        for a in &raw.axis {
            let name = a.get_ref().name.get_ref().trim().to_string();
            if name.is_empty() || !names.insert(name.clone()) {
                let why = if name.is_empty() {
                    (
                        "an axis has an empty name".to_string(),
                        "een as heeft een lege naam".to_string(),
                    )
                } else {
                    (
                        format!("two axes are named \"{name}\""),
                        format!("twee assen heten \"{name}\""),
                    )
                };
                self.push_nl(
                    ErrorCode::DuplicateId,
                    a.get_ref().name.span(),
                    "name",
                    why,
                    (
                        "give every axis its own name",
                        "geef elke as een eigen naam",
                    ),
                );
            }
            if let Some(axis) = self.axis(a.get_ref(), a.span(), name) {
                axes.push(axis);
            }
        }
        let count: usize = axes
            .iter()
            .map(|a| a.variants.len().max(1))
            .fold(1usize, |n, k| n.saturating_mul(k))
            .saturating_mul(seeds.len().max(1));
        if count > MAX_SCENARIOS {
            self.push_nl(
                ErrorCode::TooManyScenarios,
                0..0,
                "axis",
                (
                    format!("the axes and seeds give up to {count} scenarios"),
                    format!("de assen en seeds geven tot {count} scenario's"),
                ),
                (
                    "use fewer levels, variants or seeds, or split the sweep into several files",
                    "gebruik minder niveaus, varianten of seeds, of verdeel de sweep over meer bestanden",
                ),
            );
        }
        Some(SweepSpec {
            file: path.to_path_buf(),
            title: raw.title.clone().unwrap_or_else(|| {
                path.file_stem()
                    .map_or_else(|| "sweep".into(), |s| s.to_string_lossy().into_owned())
            }),
            instance_dir,
            seeds,
            solver: solver.and_then(|(_, b)| b),
            time_limit: raw.time_limit.as_ref().map(|t| *t.get_ref()),
            gap: raw.gap.as_ref().map(|g| *g.get_ref()),
            base,
            axes,
            rule_sets: std::mem::take(&mut self.rule_sets),
        })
    }

    fn seeds(&mut self, raw: Option<&Spanned<SeedsIn>>) -> Vec<u64> {
        let Some(raw) = raw else { return vec![1] };
        let fix = (
            "give a count (seeds = 3 means seeds 1, 2, 3) or a list of distinct whole numbers",
            "geef een aantal (seeds = 3 betekent de seeds 1, 2, 3) of een lijst van verschillende gehele getallen",
        );
        match raw.get_ref() {
            SeedsIn::Count(n) if (1..=1000).contains(n) => (1..=*n as u64).collect(),
            SeedsIn::List(list)
                if !list.is_empty()
                    && list.iter().all(|s| *s >= 0)
                    && list.iter().collect::<BTreeSet<_>>().len() == list.len() =>
            {
                list.iter().map(|s| *s as u64).collect()
            }
            _ => {
                self.push_nl(
                    ErrorCode::BadVariation,
                    raw.span(),
                    "seeds",
                    (
                        "seeds must be a count from 1 to 1000 or a non-empty list of distinct whole numbers of 0 or more".into(),
                        "seeds moet een aantal van 1 tot en met 1000 zijn, of een niet-lege lijst van verschillende gehele getallen van 0 of meer".into(),
                    ),
                    fix,
                );
                vec![1]
            }
        }
    }
}

mod axes;
mod change;
mod leave_axis;
