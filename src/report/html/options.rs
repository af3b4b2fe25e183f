//! The dashboard's "what would help": the options of a school that misses the norms, each
//! change measured by a plan of the changed school (`options::measure`), best first.

use super::Lang;
use crate::outcome::options::Options;
use maud::{Markup, html};

pub(super) fn section(options: Option<&Options>, lang: Lang) -> Markup {
    let t = |nl: &'static str, en: &'static str| lang.pick(nl, en);
    let nl = matches!(lang, Lang::Nl);
    let Some(o) = options else {
        return html! {};
    };
    html! {
        section id="options" class="options" {
            h2 { (t("Wat zou helpen", "What would help")) }
            p {
                (o.tried) " " (t(
                    "enkele wijziging(en) geprobeerd, elk met een eigen berekening van het gewijzigde rooster; de beste eerst.",
                    "single change(s) tried, each by a solve of the changed school; best first.",
                ))
            }
            @if !o.rows.is_empty() {
                table {
                    tr {
                        th { "#" }
                        th { (t("wijziging", "change")) }
                        th { (t("voldoet", "compliant")) }
                        th { (t("tekort (zonder docent / 1.7.1b / 1.7.1a / begeleiding)", "short (no teacher / 1.7.1b / 1.7.1a / supervision)")) }
                        th { (t("aandeel gecertificeerd", "certified share")) }
                        th { (t("cursisten geplaatst", "students placed")) }
                    }
                    @for r in &o.rows {
                        @let l = r.shortfall.levels();
                        tr class=(if r.compliant { "option ok" } else { "option" }) {
                            td { (r.rank) }
                            td { (r.change.text(nl)) }
                            td { (if r.compliant { t("ja", "yes") } else { t("nee", "no") }) }
                            td {
                                (l[0]) " / " (l[1]) " / " (l[2]) " / " (l[3])
                                @if !r.proven {
                                    " (" (t("ten hoogste: niet bewezen binnen de tijd", "at most: not proven in time")) ")"
                                }
                            }
                            td { (r.certified_share) " (" (r.certified_lessons) " " (t("van", "of")) " " (r.lessons_given) ")" }
                            td { (r.students_placed) " " (t("van", "of")) " " (r.students_total) }
                        }
                    }
                }
            }
            @if !o.not_measured.is_empty() {
                p.not-measured {
                    (t("Niet gemeten binnen de tijdslimiet (een langere --time-limit meet ze wel): ", "Not measured within the time limit (a longer --time-limit measures them): "))
                    (o.not_measured_text(nl))
                }
            }
        }
    }
}
