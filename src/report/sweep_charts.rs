//! The charts of a sweep: with an axis of levels, one line per combination of the other
//! axes against the level (the mean over seeds, with the lowest and highest as whiskers);
//! without one, one bar per scenario.

use super::chart::{self, BarChart, ChartError, LineChart, Reference, Series};
use crate::outcome::sweep::{Results, Row};
use std::collections::BTreeMap;

/// One chart as a file.
pub struct ChartFile {
    pub file: String,
    pub title: String,
    pub svg: String,
}

/// What a chart shows of a row.
struct Metric {
    file: &'static str,
    title: &'static str,
    y_label: &'static str,
    value: fn(&Row) -> Option<f64>,
    /// Whether the rule sets' floors are drawn as reference lines.
    floors: bool,
    percent: bool,
}

const METRICS: [Metric; 5] = [
    Metric {
        file: "certified_share.svg",
        title: "Aandeel lessen van gecertificeerde docenten",
        y_label: "gecertificeerde lessen (%)",
        value: |r| r.certified_share,
        floors: true,
        percent: true,
    },
    Metric {
        file: "highest_certified_share.svg",
        title: "Hoogst haalbaar aandeel gecertificeerde lessen",
        y_label: "gecertificeerde lessen (%)",
        value: |r| r.highest_certified_share,
        floors: true,
        percent: true,
    },
    Metric {
        file: "unplaced_students.svg",
        title: "Cursisten zonder plaats",
        y_label: "cursisten",
        value: |r| r.students_not_placed.map(|n| n as f64),
        floors: false,
        percent: false,
    },
    Metric {
        file: "above_standard.svg",
        title: "Cursisten boven het standaardmaximum (uitzondering 2)",
        y_label: "cursisten",
        value: |r| r.students_above_standard.map(f64::from),
        floors: false,
        percent: false,
    },
    Metric {
        file: "non_certified_teachers.svg",
        title: "Niet-gecertificeerde docenten die lesgeven",
        y_label: "docenten",
        value: |r| r.non_certified_teachers_used.map(|n| n as f64),
        floors: false,
        percent: false,
    },
];

/// Every chart of the results, in a fixed order. A metric without any value is left out.
pub fn charts(r: &Results) -> Result<Vec<ChartFile>, ChartError> {
    let mut out = Vec::new();
    for m in &METRICS {
        if !r.sweep.highest && m.file == "highest_certified_share.svg" {
            continue;
        }
        if !r.rows.iter().any(|row| (m.value)(row).is_some()) {
            continue;
        }
        let references = if m.floors {
            floors(&r.rows)
        } else {
            Vec::new()
        };
        let y_range = m.percent.then_some((0.0, 100.0));
        let svg = match r.sweep.level_axis() {
            Some(x) => chart::line_chart_svg(&LineChart {
                title: m.title.into(),
                x_label: r.sweep.axes[x].vary.map_or_else(
                    || r.sweep.axes[x].name.clone(),
                    |v| v.axis_title().to_string(),
                ),
                y_label: m.y_label.into(),
                series: series(r, x, m.value),
                references,
                y_range,
            })?,
            None => chart::bar_chart_svg(&BarChart {
                title: m.title.into(),
                y_label: m.y_label.into(),
                bars: bars(r, m.value),
                references,
                y_range,
            })?,
        };
        out.push(ChartFile {
            file: m.file.into(),
            title: m.title.into(),
            svg,
        });
    }
    Ok(out)
}

/// One reference line per distinct floor of the rule sets in the rows.
fn floors(rows: &[Row]) -> Vec<Reference> {
    let mut by: BTreeMap<u64, Vec<&str>> = BTreeMap::new();
    for r in rows {
        let names = by
            .entry((r.min_certified_share * 100.0).round() as u64)
            .or_default();
        if !names.contains(&r.rules.as_str()) {
            names.push(&r.rules);
        }
    }
    by.into_iter()
        .map(|(y, names)| Reference {
            label: format!("minimum {}% ({})", y as f64 / 100.0, names.join(", ")),
            y: y as f64 / 100.0,
        })
        .collect()
}

/// The lines against axis `x`: one per combination of the other axes, in first-seen order.
fn series(r: &Results, x: usize, value: fn(&Row) -> Option<f64>) -> Vec<Series> {
    let mut order: Vec<String> = Vec::new();
    let mut points: BTreeMap<(String, usize), Vec<f64>> = BTreeMap::new();
    let level_of: BTreeMap<&str, usize> = r.sweep.axes[x]
        .labels
        .iter()
        .enumerate()
        .map(|(i, l)| (l.as_str(), i))
        .collect();
    for row in &r.rows {
        let name: Vec<&str> = row
            .labels
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != x)
            .map(|(_, l)| l.as_str())
            .collect();
        let name = if name.is_empty() {
            "alle scenario's".to_string()
        } else {
            name.join(" · ")
        };
        if !order.contains(&name) {
            order.push(name.clone());
        }
        let (Some(k), Some(v)) = (
            row.labels.get(x).and_then(|l| level_of.get(l.as_str())),
            value(row),
        ) else {
            continue;
        };
        points.entry((name, *k)).or_default().push(v);
    }
    let level = |k: usize| r.sweep.axes[x].labels[k].parse::<f64>().unwrap_or(k as f64);
    order
        .into_iter()
        .map(|name| {
            let here: Vec<(usize, &Vec<f64>)> = points
                .iter()
                .filter(|((n, _), _)| *n == name)
                .map(|((_, k), v)| (*k, v))
                .collect();
            Series {
                points: here
                    .iter()
                    .map(|(k, v)| (level(*k), v.iter().sum::<f64>() / v.len() as f64))
                    .collect(),
                spread: here
                    .iter()
                    .filter(|(_, v)| v.len() > 1)
                    .map(|(k, v)| {
                        let lo = v.iter().copied().fold(f64::INFINITY, f64::min);
                        let hi = v.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                        (level(*k), lo, hi)
                    })
                    .collect(),
                name,
            }
        })
        .collect()
}

/// One bar per scenario with a value (mean over seeds of the same labels).
fn bars(r: &Results, value: fn(&Row) -> Option<f64>) -> Vec<(String, f64)> {
    let mut order: Vec<String> = Vec::new();
    let mut values: BTreeMap<String, Vec<f64>> = BTreeMap::new();
    for row in &r.rows {
        let label = if row.labels.is_empty() {
            row.scenario.clone()
        } else {
            row.labels.join(" · ")
        };
        if let Some(v) = value(row) {
            if !order.contains(&label) {
                order.push(label.clone());
            }
            values.entry(label).or_default().push(v);
        }
    }
    order
        .into_iter()
        .map(|l| {
            let v = &values[&l];
            let mean = v.iter().sum::<f64>() / v.len() as f64;
            (l, mean)
        })
        .collect()
}
