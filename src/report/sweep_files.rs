//! The files of a sweep: `results.csv` and `results.json` for machines, `summary.md` in
//! Dutch for people, charts as SVG, `breaking_points.csv` when asked, and `timings.csv`
//! with the wall-clock times (the one file that differs between two runs).

use super::spreadsheet_safe as safe;
use super::sweep_charts;
use super::sweep_text::dutch_or_english;
use crate::outcome::Verdict;
use crate::outcome::sweep::{BreakOn, BreakingPoint, Results, Row};
use std::fmt::Write as _;

#[derive(Debug, thiserror::Error)]
pub enum SweepFilesError {
    #[error("cannot write {file}: {message}")]
    Render { file: &'static str, message: String },
}

fn render(file: &'static str) -> impl Fn(String) -> SweepFilesError {
    move |message| SweepFilesError::Render { file, message }
}

/// Every file of the results, by name.
pub fn files(r: &Results) -> Result<Vec<(String, String)>, SweepFilesError> {
    let mut out = vec![
        ("results.csv".to_string(), results_csv(r)?),
        (
            "results.json".to_string(),
            serde_json::to_string_pretty(r).map_err(|e| render("results.json")(e.to_string()))?
                + "\n",
        ),
        ("timings.csv".to_string(), timings_csv(r)?),
    ];
    if r.sweep.breaking_point.is_some() {
        out.push(("breaking_points.csv".into(), breaking_csv(r)?));
    }
    let charts = sweep_charts::charts(r).map_err(|e| render("charts")(e.to_string()))?;
    out.push(("summary.md".into(), summary(r, &charts)));
    out.extend(charts.into_iter().map(|c| (c.file, c.svg)));
    Ok(out)
}

fn opt<T: ToString>(v: &Option<T>) -> String {
    v.as_ref().map_or_else(String::new, T::to_string)
}

fn csv_text(
    file: &'static str,
    header: Vec<String>,
    rows: impl Iterator<Item = Vec<String>>,
) -> Result<String, SweepFilesError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let err = render(file);
    w.write_record(&header).map_err(|e| err(e.to_string()))?;
    for row in rows {
        let row: Vec<String> = row.iter().map(|c| safe(c).into_owned()).collect();
        w.write_record(&row).map_err(|e| err(e.to_string()))?;
    }
    let bytes = w.into_inner().map_err(|e| err(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| err(e.to_string()))
}

/// The columns after the axes, in order.
const COLUMNS: [&str; 25] = [
    "seed",
    "rules",
    "min_certified_share",
    "status",
    "certified_share",
    "highest_certified_share",
    "lessons",
    "certified_lessons",
    "students",
    "students_placed",
    "students_not_placed",
    "students_above_standard",
    "exception2_cells",
    "groups",
    "groups_opened",
    "teachers",
    "certified_teachers",
    "teachers_removed",
    "non_certified_teachers_used",
    "mentors_used",
    "external_mentors_used",
    "objective",
    "gap",
    "reason",
    "scenario_index",
];

fn results_csv(r: &Results) -> Result<String, SweepFilesError> {
    let mut header = vec!["scenario".to_string()];
    header.extend(r.sweep.axes.iter().map(|a| a.name.clone()));
    header.extend(COLUMNS.iter().map(|c| c.to_string()));
    let rows = r.rows.iter().map(|row: &Row| {
        let mut cells = vec![row.scenario.clone()];
        cells.extend(row.labels.iter().cloned());
        cells.extend([
            opt(&row.seed),
            row.rules.clone(),
            row.min_certified_share.to_string(),
            row.status.key().to_string(),
            opt(&row.certified_share),
            opt(&row.highest_certified_share),
            opt(&row.lessons),
            opt(&row.certified_lessons),
            row.students.to_string(),
            opt(&row.students_placed),
            opt(&row.students_not_placed),
            opt(&row.students_above_standard),
            row.exception2_cells.join(" "),
            row.groups.to_string(),
            opt(&row.groups_opened),
            row.teachers.to_string(),
            row.certified_teachers.to_string(),
            row.teachers_removed.join(" "),
            opt(&row.non_certified_teachers_used),
            opt(&row.mentors_used),
            opt(&row.external_mentors_used),
            opt(&row.objective),
            opt(&row.gap),
            row.reason.clone(),
            row.index.to_string(),
        ]);
        cells
    });
    csv_text("results.csv", header, rows)
}

fn timings_csv(r: &Results) -> Result<String, SweepFilesError> {
    let header = ["scenario", "solve_seconds", "highest_seconds"]
        .map(String::from)
        .to_vec();
    let rows = r.timings.iter().map(|t| {
        vec![
            t.scenario.clone(),
            format!("{:.3}", t.solve_seconds),
            format!("{:.3}", t.highest_seconds),
        ]
    });
    csv_text("timings.csv", header, rows)
}

fn breaking_csv(r: &Results) -> Result<String, SweepFilesError> {
    let axis = r.sweep.breaking_point.as_ref().map(|b| b.axis.as_str());
    let mut header: Vec<String> = r
        .sweep
        .axes
        .iter()
        .filter(|a| Some(a.name.as_str()) != axis)
        .map(|a| a.name.clone())
        .collect();
    header.extend(
        [
            "seed",
            "holds_until",
            "breaks_at",
            "scenario",
            "solves",
            "reason",
        ]
        .map(String::from),
    );
    let rows = r.breaking_points.iter().map(|b: &BreakingPoint| {
        let mut cells: Vec<String> = b.labels.iter().filter(|l| !l.is_empty()).cloned().collect();
        cells.extend([
            opt(&b.seed),
            opt(&b.holds_until),
            opt(&b.level),
            opt(&b.scenario),
            b.solves.to_string(),
            b.reason.clone(),
        ]);
        cells
    });
    csv_text("breaking_points.csv", header, rows)
}

/// A status in Dutch; the endings without a schedule in bold.
fn status_nl(row: &Row) -> String {
    let text = row.status.nl();
    match (row.status, row.gap) {
        (Verdict::Infeasible | Verdict::Error, _) => format!("**{text}**"),
        (_, Some(g)) => format!("{text} (gap {:.3}%)", g * 100.0),
        (_, None) => text.to_string(),
    }
}

fn pct(v: Option<f64>) -> String {
    v.map_or_else(|| "–".into(), |x| format!("{x:.2}%"))
}

fn num<T: ToString>(v: Option<T>) -> String {
    v.map_or_else(|| "–".into(), |x| x.to_string())
}

/// Text for a Markdown table cell.
fn cell(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

fn summary(r: &Results, charts: &[sweep_charts::ChartFile]) -> String {
    let s = &r.sweep;
    let mut md = String::new();
    let _ = writeln!(md, "# Scenario's: {}\n", s.title);
    let _ = writeln!(
        md,
        "Instelling **{}** (instantie `{}`), scenariobestand `{}`: {} scenario's, opgelost met {}{}, relatieve gap {}. Seeds voor toevallige keuzes: {}.\n",
        s.school,
        s.instance,
        s.scenario_file,
        s.scenarios,
        s.solver,
        s.time_limit.map_or_else(String::new, |t| format!(
            " (tijdslimiet {t} s per oplossing)"
        )),
        s.gap,
        s.seeds
            .iter()
            .map(u64::to_string)
            .collect::<Vec<_>>()
            .join(", "),
    );
    if r.rows.len() < s.scenarios {
        let _ = writeln!(
            md,
            "Bij het zoeken naar het breekpunt zijn {} van de {} scenario's doorgerekend.\n",
            r.rows.len(),
            s.scenarios
        );
    }
    let infeasible = r
        .rows
        .iter()
        .filter(|x| x.status == Verdict::Infeasible)
        .count();
    let _ = writeln!(
        md,
        "{} scenario's met een rooster, {infeasible} onhaalbaar.\n",
        r.rows
            .iter()
            .filter(|x| x.certified_share.is_some())
            .count()
    );
    if !r.breaking_points.is_empty() {
        breaking_section(&mut md, r);
    }
    let _ = writeln!(md, "## Uitkomsten per scenario\n");
    let mut head = vec!["scenario".to_string()];
    head.extend(s.axes.iter().map(|a| cell(&a.name)));
    head.extend(
        [
            "seed",
            "regels",
            "status",
            "gecertificeerd",
            "hoogst haalbaar",
            "minimum",
            "geplaatst",
            "niet geplaatst",
            "boven standaard",
            "uitzondering 2",
            "groepen open",
            "niet-gecertificeerde docenten",
            "mentoren",
        ]
        .map(String::from),
    );
    let _ = writeln!(md, "| {} |", head.join(" | "));
    let _ = writeln!(md, "|{}", "---|".repeat(head.len()));
    for row in &r.rows {
        let mut cells = vec![row.scenario.clone()];
        cells.extend(row.labels.iter().map(|l| cell(l)));
        cells.extend([
            num(row.seed),
            row.rules.clone(),
            status_nl(row),
            pct(row.certified_share),
            pct(row.highest_certified_share),
            format!("{}%", row.min_certified_share),
            num(row.students_placed),
            num(row.students_not_placed),
            num(row.students_above_standard),
            if row.exception2_cells.is_empty() {
                "–".into()
            } else {
                row.exception2_cells.join(", ")
            },
            num(row.groups_opened.map(|g| format!("{g} van {}", row.groups))),
            num(row.non_certified_teachers_used),
            num(row.mentors_used),
        ]);
        let _ = writeln!(md, "| {} |", cells.join(" | "));
    }
    let why: Vec<&Row> = r.rows.iter().filter(|x| !x.reason.is_empty()).collect();
    if !why.is_empty() {
        let _ = writeln!(md, "\n## Waarom geen rooster\n");
        for row in why {
            let _ = writeln!(
                md,
                "- **{}** ({}): {}",
                row.scenario,
                row.labels.join(", "),
                dutch_or_english(&row.reason_nl, &row.reason)
            );
        }
    }
    if !charts.is_empty() {
        let _ = writeln!(md, "\n## Grafieken\n");
        for c in charts {
            let _ = writeln!(md, "![{}]({})\n", c.title, c.file);
        }
    }
    let _ = writeln!(md, "## Zo lees je dit\n");
    let _ = writeln!(
        md,
        "- **gecertificeerd**: het aandeel lessen van gecertificeerde docenten in het rooster (norm 1.7.1a), naar beneden afgerond."
    );
    if s.highest {
        let _ = writeln!(
            md,
            "- **hoogst haalbaar**: het hoogste aandeel dat een rooster haalt dat zoveel mogelijk cursisten plaatst, met de overige regels maar zonder minimum; ook bij een onhaalbaar scenario, zodat zichtbaar is hoe ver het minimum buiten bereik ligt."
        );
    }
    let _ = writeln!(
        md,
        "- **boven standaard**: cursisten boven het standaardmaximum van hun groep, samen (uitzondering 2); **uitzondering 2** noemt locatie/profiel waar dat gebeurt."
    );
    let _ = writeln!(
        md,
        "- Elk rooster is door de onafhankelijke controle (`nt2plan check`) goedgekeurd; de cijfers komen uit die controle. `results.csv` en `results.json` bevatten alle kolommen; `timings.csv` de rekentijden."
    );
    md
}

fn breaking_section(md: &mut String, r: &Results) {
    let Some(b) = &r.sweep.breaking_point else {
        return;
    };
    let what = match b.break_on {
        BreakOn::Infeasible => "geen rooster meer aan alle regels voldoet",
        BreakOn::Unplaced => {
            "geen rooster meer aan alle regels voldoet of meer cursisten zonder plaats blijven dan op het eerste niveau"
        }
    };
    let _ = writeln!(md, "## Breekpunt langs \"{}\"\n", b.axis);
    let _ = writeln!(
        md,
        "Het kleinste niveau waarbij {what}, gevonden door halvering.\n"
    );
    for p in &r.breaking_points {
        let context: Vec<&str> = p
            .labels
            .iter()
            .filter(|l| !l.is_empty())
            .map(String::as_str)
            .collect();
        let context = if context.is_empty() {
            String::new()
        } else {
            format!("{}: ", context.join(", "))
        };
        let seed = p.seed.map_or_else(String::new, |s| format!(" (seed {s})"));
        let _ = match (&p.level, &p.holds_until) {
            (Some(level), Some(holds)) => writeln!(
                md,
                "- {context}houdt stand tot {holds}, breekt bij **{level}**{seed}. Reden: {}",
                dutch_or_english(&p.reason_nl, &p.reason)
            ),
            (Some(level), None) => writeln!(
                md,
                "- {context}breekt al bij het eerste niveau, **{level}**{seed}. Reden: {}",
                dutch_or_english(&p.reason_nl, &p.reason)
            ),
            (None, _) => writeln!(md, "- {context}houdt stand op elk niveau{seed}."),
        };
    }
    md.push('\n');
}
