//! The scenario list: every combination of the axes' variants, first axis outermost, and per
//! combination one scenario per seed when it draws at random (otherwise one).

use super::spec::{Change, SweepSpec};
use serde::{Deserialize, Serialize};

/// One scenario of a sweep.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scenario {
    /// Position in the full list, from 0; the order of every output.
    pub index: usize,
    /// `s0001`, …: stable for the same scenario file.
    pub id: String,
    /// The variant label per axis, in axis order.
    pub labels: Vec<String>,
    /// The level per axis (levels axes only).
    pub levels: Vec<Option<f64>>,
    /// The seed of its random choices; `None` when it makes none.
    pub seed: Option<u64>,
    #[serde(skip)]
    pub change: Change,
}

/// Expands a sweep into its scenarios, in a fixed order.
pub fn scenarios(spec: &SweepSpec) -> Vec<Scenario> {
    let mut combos: Vec<(Vec<usize>, Change)> = vec![(Vec::new(), spec.base.clone())];
    for axis in &spec.axes {
        combos = combos
            .into_iter()
            .flat_map(|(picks, change)| {
                axis.variants.iter().enumerate().map(move |(k, v)| {
                    let mut picks = picks.clone();
                    picks.push(k);
                    (picks, change.then(&v.change))
                })
            })
            .collect();
    }
    let mut out = Vec::new();
    for (picks, change) in combos {
        let seeds: Vec<Option<u64>> = if change.is_random() {
            spec.seeds.iter().copied().map(Some).collect()
        } else {
            vec![None]
        };
        for seed in seeds {
            let index = out.len();
            out.push(Scenario {
                index,
                id: String::new(),
                labels: picks
                    .iter()
                    .zip(&spec.axes)
                    .map(|(&k, a)| a.variants[k].label.clone())
                    .collect(),
                levels: picks
                    .iter()
                    .zip(&spec.axes)
                    .map(|(&k, a)| a.variants[k].level)
                    .collect(),
                seed,
                change: change.clone(),
            });
        }
    }
    let width = out.len().to_string().len().max(3);
    for s in &mut out {
        s.id = format!("s{:0width$}", s.index + 1);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sweep::spec::{Axis, Variant, Vary};
    use std::collections::BTreeMap;

    fn spec(axes: Vec<Axis>, seeds: Vec<u64>) -> SweepSpec {
        SweepSpec {
            file: "s.toml".into(),
            title: "t".into(),
            instance_dir: "i".into(),
            seeds,
            solver: None,
            time_limit: None,
            gap: None,
            base: Change::default(),
            axes,
            rule_sets: BTreeMap::new(),
        }
    }

    fn rules_axis() -> Axis {
        let v = |label: &str| Variant {
            label: label.into(),
            level: None,
            change: Change {
                rules: Some(label.into()),
                ..Change::default()
            },
        };
        Axis {
            name: "regels".into(),
            vary: None,
            variants: vec![v("handleiding-2024"), v("addendum-2025")],
        }
    }

    fn shortage_axis(levels: &[f64]) -> Axis {
        Axis {
            name: "tekort".into(),
            vary: Some(Vary::RemoveCertifiedPercent),
            variants: levels
                .iter()
                .map(|&l| Variant {
                    label: crate::sweep::spec::level_label(l),
                    level: Some(l),
                    change: Change {
                        remove_certified_percent: Some(l),
                        ..Change::default()
                    },
                })
                .collect(),
        }
    }

    #[test]
    fn seeds_multiply_only_the_random_combinations() {
        let s = spec(
            vec![rules_axis(), shortage_axis(&[0.0, 10.0, 20.0])],
            vec![1, 2],
        );
        let list = scenarios(&s);
        // Per rule set: level 0 once, levels 10 and 20 twice each.
        assert_eq!(list.len(), 2 * (1 + 2 + 2));
        assert_eq!(list[0].labels, vec!["handleiding-2024", "0"]);
        assert_eq!(list[0].seed, None);
        assert_eq!(list[1].labels, vec!["handleiding-2024", "10"]);
        assert_eq!((list[1].seed, list[2].seed), (Some(1), Some(2)));
        assert_eq!(list[5].labels, vec!["addendum-2025", "0"]);
        assert_eq!(list[5].change.rules.as_deref(), Some("addendum-2025"));
        assert_eq!(list[9].id, "s010");
        assert!(list.iter().enumerate().all(|(i, s)| s.index == i));
    }

    #[test]
    fn expansion_is_the_same_every_time() {
        let s = spec(vec![shortage_axis(&[0.0, 5.0]), rules_axis()], vec![3, 1]);
        assert_eq!(scenarios(&s), scenarios(&s));
        let list = scenarios(&s);
        let seeds: Vec<Option<u64>> = list.iter().map(|s| s.seed).collect();
        assert_eq!(seeds, vec![None, None, Some(3), Some(1), Some(3), Some(1)]);
    }

    #[test]
    fn no_axes_is_one_scenario_of_the_base() {
        let list = scenarios(&spec(Vec::new(), vec![1]));
        assert_eq!(list.len(), 1);
        assert!(list[0].labels.is_empty());
    }
}
