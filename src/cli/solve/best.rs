//! `solve` when no schedule meets every norm: the plan that breaks them least
//! (`solve::best_effort`), written like any schedule and marked NOT COMPLIANT everywhere.

use nt2plan::check::{ShareValue, Shortfall};
use nt2plan::domain::{Instance, RuleSet};
use nt2plan::options::Options;
use nt2plan::outcome::best_effort::LEVELS;
use nt2plan::report::documents::{Beside, documents};
use nt2plan::report::{CsvFormat, Lang, check_text, options_files, schedule_files};
use nt2plan::solve::best_effort::{self, Planned};
use nt2plan::solve::{Deadline, Settings};
use std::path::Path;

/// The best-effort plan, or `None` when even the lenient program has none (in time).
pub(super) fn plan(
    instance: &Instance,
    rules: &RuleSet,
    settings: &Settings,
) -> anyhow::Result<Option<Planned>> {
    Ok(best_effort::plan(instance, rules, settings)?)
}

/// What would fix it: single changes chosen from `planned`, each measured by a plan of the
/// changed school, all by `deadline` (`nt2plan options`).
pub(super) fn options(
    instance: &Instance,
    rules: &RuleSet,
    planned: &Planned,
    settings: &Settings,
    deadline: Deadline,
) -> anyhow::Result<Options> {
    Ok(nt2plan::options::measure(
        instance,
        rules,
        &planned.schedule,
        &planned.report,
        settings,
        deadline,
    )?)
}

/// How the plan's files are written: the CSV layout, and the documents' language when they
/// are asked for.
pub(super) struct Layout {
    pub csv: CsvFormat,
    pub documents: Option<Lang>,
}

/// The plan's files: the schedule's CSV files, the reports, options.csv, and the documents
/// when asked.
pub(super) fn files(
    instance: &Instance,
    rules: &RuleSet,
    planned: &Planned,
    reports: Vec<(String, Vec<u8>)>,
    layout: Layout,
    highest: Option<&ShareValue>,
    options: &Options,
) -> anyhow::Result<Vec<(String, Vec<u8>)>> {
    let mut files: Vec<(String, Vec<u8>)> =
        schedule_files::csv_files(instance, &planned.schedule, layout.csv)?
            .into_iter()
            .map(|(name, text)| (name, text.into_bytes()))
            .collect();
    files.extend(reports);
    files.push((
        "options.csv".into(),
        options_files::options_csv(options, layout.csv)?.into_bytes(),
    ));
    if let Some(lang) = layout.documents {
        files.extend(documents(
            instance,
            rules,
            &planned.schedule,
            &planned.report,
            lang,
            Beside {
                highest,
                options: Some(options),
            },
        )?);
    }
    Ok(files)
}

/// On the terminal: the checker's summary of the plan, then what it misses, level by level.
pub(super) fn print(planned: &Planned, options: &Options, out: &Path) {
    let lang = crate::cli::lang::terminal();
    out!("\n{}", check_text::render_in(&planned.report, lang));
    match lang {
        Lang::En => outln!(
            "NIET CONFORM / NOT COMPLIANT: this is the plan that breaks the norms least, written to \
             {} all the same (--strict writes none). What gave way, in this order:",
            out.display()
        ),
        Lang::Nl => outln!(
            "NIET CONFORM: dit is het plan dat de normen het minst breekt, toch geschreven naar \
             {} (--strict schrijft er geen). Wat er wijken moest, in deze volgorde:",
            out.display()
        ),
    }
    for line in shortfall_lines(&planned.best_effort.shortfall, lang) {
        outln!("  {line}");
    }
    if !planned.best_effort.proven {
        outln!(
            "  {}",
            lang.pick(
                "(niet bewezen het minst: de tijdslimiet stopte een niveau te vroeg)",
                "(not proven least: the time limit ended a level early)"
            )
        );
    }
    match lang {
        Lang::En => outln!(
            "What would help ({} single change(s) tried, each solved; all in options.csv), best first:",
            options.tried
        ),
        Lang::Nl => outln!(
            "Wat zou helpen ({} losse wijziging(en) geprobeerd, elk opgelost; alle in options.csv), de beste eerst:",
            options.tried
        ),
    }
    super::super::options::print_rows(options, 5);
}

fn shortfall_lines(s: &Shortfall, lang: Lang) -> Vec<String> {
    LEVELS
        .iter()
        .zip(s.levels())
        .enumerate()
        .map(|(k, ((_, nl, en), n))| format!("{}. {}: {n}", k + 1, lang.pick(nl, en)))
        .collect()
}

/// The highest reachable certified share, beside the share reached.
pub(super) fn print_highest(highest: Option<&nt2plan::check::ShareValue>) {
    if let Some(h) = highest {
        match crate::cli::lang::terminal() {
            Lang::En => outln!(
                "Highest reachable certified share (placing as many students as possible): {} ({} of {} lessons)",
                h.percent,
                h.part,
                h.total
            ),
            Lang::Nl => outln!(
                "Hoogst haalbare aandeel gecertificeerde lessen (met zoveel mogelijk cursisten geplaatst): {} ({} van {} lessen)",
                h.percent,
                h.part,
                h.total
            ),
        }
    }
}

/// Why no schedule meets every rule: the proven least, and the reasons.
pub(super) fn print_diagnosis(rules: &RuleSet, diagnosis: &nt2plan::solve::Diagnosis) {
    let lang = crate::cli::lang::terminal();
    match lang {
        Lang::En => outln!(
            "No schedule meets every rule of {} for this instance. Why:",
            rules.name
        ),
        Lang::Nl => outln!(
            "Geen rooster voldoet aan elke regel van {} voor deze school. Waarom:",
            rules.name
        ),
    }
    if let Some(n) = diagnosis.must_give_way {
        match lang {
            Lang::En => outln!(
                "  At least {n} unit(s) (lessons, students or mentor places) must give way in \
                 every schedule; one cheapest way:"
            ),
            Lang::Nl => outln!(
                "  Ten minste {n} eenheid/eenheden (lessen, cursisten of begeleidingsplaatsen) \
                 moeten in elk rooster wijken; een van de goedkoopste manieren:"
            ),
        }
    }
    for r in diagnosis.reasons() {
        outln!("  - {}", nt2plan::report::reason_text::line(r, lang));
    }
    if diagnosis.reasons().next().is_none() {
        outln!(
            "  - {}",
            lang.pick(
                "binnen de tijdslimiet is geen enkele oorzaak gevonden; probeer een langere --time-limit",
                "no single cause was found within the time limit; try a longer --time-limit"
            )
        );
    }
}
