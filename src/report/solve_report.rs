//! `report.json` and `report.md` of `nt2plan solve`: the status, the numbers an auditor
//! asks for, and the checker's findings. The Markdown is for planners, in Dutch.
//!
//! No wall-clock times go into these files, so that the same input and seed give the same
//! files byte for byte; the terminal shows the times.

use crate::check::{CheckReport, GroupStatus, MentorKind, ShareValue};
use crate::domain::{Instance, RuleSet};
use crate::outcome::best_effort::{BestEffort, LEVELS};
use crate::outcome::options::Options;
use crate::outcome::{Backend, Diagnosis, Formulation, Searched, Stats, Status};
use serde::Serialize;
use std::fmt::Write as _;

/// Version of `report.json`.
pub const REPORT_FORMAT_VERSION: u32 = 1;

/// The machine-readable report of a solve, written for every solve that got past its input:
/// with a schedule, without one in time, and when no schedule meets the rules (then with
/// the diagnosis, under the status).
#[derive(Serialize)]
pub struct SolveReport<'a> {
    pub format_version: u32,
    pub school: &'a str,
    pub rules: &'a str,
    pub solver: Backend,
    pub seed: u64,
    /// The program solved: `class` (exact), `lesson` (the reference) or `segment` (a
    /// restriction).
    pub formulation: Formulation,
    #[serde(flatten)]
    pub status: &'a Status,
    /// The objective (a cost: lower is better) of the schedule written, counted from the
    /// schedule itself, with the weights it was computed with.
    pub objective: Option<f64>,
    /// The best proven lower bound on the objective of any schedule (the gap is measured
    /// against it); absent when nothing was proven.
    pub bound: Option<f64>,
    pub weights: crate::domain::Weights,
    pub model: Stats,
    /// Times classes were split into single lessons and the program solved again.
    pub refinements: u32,
    /// What the large neighbourhood search did (absent when it did not run).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub search: Option<&'a Searched>,
    /// The independent checker's report on the written schedule; absent without a schedule
    /// (none in time, or none that meets the rules and no best-effort plan).
    pub check: Option<&'a CheckReport>,
    /// When no schedule meets the rules: the plan written all the same, which misses the
    /// norms least (its shortfall level by level, counted by the checker).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub best_effort: Option<&'a BestEffort>,
    /// The highest certified share reachable while placing as many students as possible
    /// (`solve::highest`), beside the share reached; absent when not found in time.
    pub highest_certified_share: Option<&'a ShareValue>,
    /// With a best-effort plan: single changes that would help, each measured by a solve.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub options: Option<&'a Options>,
    /// A replan's changes against the schedule it replaces (absent for a solve).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub changes: Option<super::changes_files::ChangesSection<'a>>,
}

pub fn json(report: &SolveReport<'_>) -> Result<String, serde_json::Error> {
    serde_json::to_string_pretty(report).map(|s| s + "\n")
}

/// The status in Dutch, with the proven gap when the search stopped short of a proof.
fn status_nl(status: &Status) -> String {
    let gap = status.gap().map_or(String::new(), |g| {
        format!(
            ", bewezen afstand tot het optimum hoogstens {:.3}%",
            g * 100.0
        )
    });
    format!("{}{gap}", status.verdict().nl())
}

/// Why no schedule meets the rules: the proven least number of units that must give way,
/// and the reasons (capacity bounds, then one cheapest way to give way).
fn diagnosis_md(s: &mut String, rules: &RuleSet, diagnosis: &Diagnosis) {
    let _ = writeln!(
        s,
        "\nGeen enkel rooster voldoet aan alle regels van {} voor deze gegevens.\n",
        rules.name
    );
    let _ = writeln!(s, "## Waarom\n");
    if let Some(n) = diagnosis.must_give_way {
        let _ = writeln!(
            s,
            "Bewezen: in elk rooster moeten minstens {n} eenheden (lessen, cursisten of \
             mentorplaatsen) wijken. Eén goedkoopste manier (een voorbeeld, geen oorzaak):\n"
        );
    }
    for r in diagnosis.reasons() {
        let _ = writeln!(s, "- {}", super::reason_text::line(r, super::Lang::Nl));
    }
    if diagnosis.reasons().next().is_none() {
        let _ = writeln!(
            s,
            "- binnen de tijdslimiet is geen afzonderlijke oorzaak gevonden; een langere \
             tijdslimiet (`--time-limit`) kan er een vinden"
        );
    }
}

/// The best-effort plan: NIET CONFORM, and how far it misses each norm, in the order they
/// gave way.
fn best_effort_md(s: &mut String, best: &BestEffort) {
    let _ = writeln!(
        s,
        "\n## NIET CONFORM: het beste plan dat er is\n\nDit rooster voldoet **niet** aan de \
         normen. Het is het rooster dat de normen het minst overtreedt, in deze volgorde (eerst \
         zo weinig mogelijk van het eerste, dan van het tweede, ...); groepsmaxima worden nooit \
         overschreden. Elke overtreding staat hieronder bij de bevindingen van de controle.\n"
    );
    let _ = writeln!(s, "| Volgorde | Tekort |\n|---|---|");
    for ((_, nl, _), n) in LEVELS.iter().zip(best.shortfall.levels()) {
        let _ = writeln!(s, "| {nl} | {n} |");
    }
    let _ = writeln!(
        s,
        "\n{}",
        if best.proven {
            "Bewezen: geen rooster doet het beter, niveau voor niveau."
        } else {
            "Niet bewezen (tijdslimiet): een rooster met minder tekort is mogelijk."
        }
    );
}

fn yes_no(b: bool) -> &'static str {
    if b { "ja" } else { "nee" }
}

/// The planner's report in Dutch Markdown.
pub fn markdown(instance: &Instance, rules: &RuleSet, report: &SolveReport<'_>) -> String {
    let mut s = String::new();
    let _ = writeln!(s, "# Rooster {}\n", instance.school.name);
    let _ = writeln!(
        s,
        "- Regelset: **{}** ({}), geldig {}",
        rules.name,
        rules.title,
        rules.validity()
    );
    let _ = writeln!(
        s,
        "- Periode: {} t/m {}",
        instance.school.term_start, instance.school.term_end
    );
    let _ = writeln!(
        s,
        "- Oplosser: {} (seed {}), status: {}",
        report.solver.name(),
        report.seed,
        status_nl(report.status)
    );
    if let Some(search) = report.search {
        let _ = writeln!(
            s,
            "- Verbeterd door deelgebieden opnieuw exact te plannen: {} rondes, {} keer beter \
             (van {} naar {})",
            search.rounds,
            search.improvements,
            search.start,
            report.objective.unwrap_or(search.start)
        );
    }
    if let Status::Infeasible { diagnosis } = report.status {
        diagnosis_md(&mut s, rules, diagnosis);
        match report.best_effort {
            Some(best) => {
                best_effort_md(&mut s, best);
                if let Some(o) = report.options {
                    let _ = writeln!(s, "\n{}", super::options_files::options_md(o));
                }
            }
            None => return s,
        }
    }
    let Some(c) = report.check else {
        let _ = writeln!(
            s,
            "\nBinnen de tijdslimiet is geen rooster gevonden. Dat zegt niets over de normen: \
             een langere tijdslimiet (`--time-limit`) of HiGHS (`--features highs`) kan er \
             wel een vinden."
        );
        return s;
    };
    let t = &c.totals;
    let _ = writeln!(
        s,
        "- Oordeel van de onafhankelijke controle: **{}** ({} overtredingen, {} waarschuwingen)\n",
        if c.compliant {
            "voldoet aan de normen"
        } else {
            "voldoet NIET"
        },
        c.violations,
        c.warnings
    );
    let _ = writeln!(s, "## Kerncijfers\n");
    let _ = writeln!(s, "| | |\n|---|---|");
    let _ = writeln!(s, "| Lessen | {} |", t.lessons_given);
    let _ = writeln!(
        s,
        "| Door gecertificeerde docenten (norm 1.7.1a) | {} ({}); minimum {} = {} lessen, streven {} = {} lessen |",
        t.certified_lessons,
        t.certified_share.percent,
        c.rules.min_certified_share.text,
        t.min_certified_lessons,
        c.rules.target_certified_share.text,
        t.target_certified_lessons
    );
    if let Some(h) = report.highest_certified_share {
        let _ = writeln!(
            s,
            "| Hoogst haalbaar aandeel gecertificeerd (met zoveel mogelijk cursisten geplaatst) | {} ({} van {}) |",
            h.percent, h.part, h.total
        );
    }
    let _ = writeln!(
        s,
        "| Cursisten geplaatst | {} van {} (niet geplaatst: {}) |",
        t.students_placed, t.students_total, t.students_not_placed
    );
    let _ = writeln!(
        s,
        "| Groepen | {} open, {} gesloten |\n",
        t.groups_running, t.groups_closed
    );

    let who = super::who_pays_text::lines(&c.who_pays, super::Lang::Nl);
    if !who.is_empty() {
        let _ = writeln!(s, "## Wie betaalt\n");
        for line in who {
            let _ = writeln!(s, "- **{line}**");
        }
        let _ = writeln!(s);
    }
    let _ = writeln!(s, "## Groepen (norm 2.2.1)\n");
    let _ = writeln!(
        s,
        "| Cursuscode | Locatie | Profiel | Cursisten | Standaard max | Tijdelijk max | Gecertificeerde lessen | Status |"
    );
    let _ = writeln!(s, "|---|---|---|---|---|---|---|---|");
    for g in &c.groups {
        let certified = c
            .courses
            .iter()
            .find(|x| x.course_code == g.course_code)
            .map_or("-".to_string(), |x| {
                format!("{} van {}", x.certified_lessons, x.lessons)
            });
        let status = match g.status {
            GroupStatus::Closed => "gesloten",
            GroupStatus::WithinStandard => "binnen standaard",
            GroupStatus::AboveStandardException2 => "boven standaard (uitzondering 2)",
            GroupStatus::Violation => "OVERTREDING",
            GroupStatus::UnknownSizeClass => "onbekende klasse",
        };
        let max = |m: Option<u32>| m.map_or("-".to_string(), |m| m.to_string());
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} | {} | {} | {} | {} |",
            g.course_code,
            g.location,
            g.profile,
            g.size,
            max(g.standard_max),
            max(g.temporary_max),
            certified,
            status
        );
    }
    if !c.alternatives.is_empty() {
        let _ = writeln!(s, "\n## Gekozen lesmomenten\n");
        let _ = writeln!(
            s,
            "Groepen met een keuze van lesmomenten (`|` in `slots`) volgen er precies één.\n"
        );
        let _ = writeln!(s, "| Cursuscode | Gekozen | Lesmomenten |\n|---|---|---|");
        for a in &c.alternatives {
            let chosen = a.alternative.map_or("geen".to_string(), |k| {
                format!("alternatief {k} van {}", a.of)
            });
            let _ = writeln!(
                s,
                "| {} | {chosen} | {} |",
                a.course_code,
                a.slots.join(", ")
            );
        }
    }
    let _ = writeln!(s, "\n## Niet-gecertificeerde docenten en hun begeleiding\n");
    if c.mentoring.teachers.is_empty() {
        let _ = writeln!(
            s,
            "Alle lessen worden gegeven door gecertificeerde docenten."
        );
    } else {
        let _ = writeln!(
            s,
            "| Docent | Lessen | Begeleider | Soort |\n|---|---|---|---|"
        );
        for st in &c.mentoring.teachers {
            let mentors: Vec<String> = st
                .mentors
                .iter()
                .map(|m| format!("{} ({})", m.name, m.id))
                .collect();
            let kind: Vec<&str> = st
                .mentors
                .iter()
                .map(|m| match m.kind {
                    MentorKind::Internal => "intern",
                    MentorKind::External => "extern",
                    MentorKind::Unknown => "onbekend",
                })
                .collect();
            let _ = writeln!(
                s,
                "| {} ({}) | {} | {} | {} |",
                st.name,
                st.teacher,
                st.lessons,
                if mentors.is_empty() {
                    "geen".to_string()
                } else {
                    mentors.join(", ")
                },
                kind.join(", ")
            );
        }
    }
    if !c.wishes.is_empty() {
        let _ = writeln!(s, "\n## Wensen van docenten (prefers, avoids)\n");
        let _ = writeln!(
            s,
            "| Docent | Lessen volgens een wens | Lessen tegen een wens |\n|---|---|---|"
        );
        for w in &c.wishes {
            let name = instance
                .teacher(&w.teacher)
                .map_or(String::new(), |t| t.name.clone());
            let _ = writeln!(s, "| {name} ({}) | {} | {} |", w.teacher, w.met, w.broken);
        }
    }
    let d = &c.declaration;
    let _ = writeln!(s, "\n## Gegevens voor de verklaring (Bijlage 1)\n");
    let _ = writeln!(
        s,
        "- Uitzondering 1 (minimaal 60% gecertificeerd): {}",
        yes_no(d.exception_1.in_use)
    );
    let _ = writeln!(
        s,
        "- Uitzondering 2 (coulance maximale groepsgrootte): {}",
        yes_no(d.exception_2.in_use)
    );
    for cell in &d.overflow_cells {
        let _ = writeln!(
            s,
            "  - {} / {}: {} cursist(en) boven het standaardmaximum van {}",
            cell.location, cell.profile, cell.surplus, cell.standard_max
        );
    }
    if !c.findings.is_empty() {
        let _ = writeln!(s, "\n## Bevindingen van de controle\n");
        for f in &c.findings {
            let text = super::finding_text::one_line(f, super::Lang::Nl);
            let _ = writeln!(
                s,
                "- {} [{}] {}: {text}",
                f.code(),
                super::Lang::Nl.norm(f.norm()),
                f.subject
            );
        }
    }
    let _ = writeln!(s, "\n## Model\n");
    let m = &report.model;
    let _ = writeln!(
        s,
        "{} variabelen ({} geheeltallig), {} beperkingen, {} klassen van uitwisselbare lesdata, {} cursistgroepen met dezelfde mogelijkheden. Doelfunctie (kosten, lager is beter): {}.",
        m.variables,
        m.integer_variables,
        m.constraints,
        m.classes,
        m.student_types,
        report
            .objective
            .map_or("-".to_string(), |o| format!("{o:.0}"))
    );
    s
}
