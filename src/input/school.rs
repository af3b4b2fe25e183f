//! `school.toml`: the school, its term, closed days, time blocks and profile mapping.
//!
//! Context-free checks happen here (date and time syntax, end before start); references to
//! the rule set (profile size classes) are checked in `validate::school`.

use super::cells::parse_time;
use super::toml_support::{self, DateValue, at_span};
use crate::diag::{Diagnostic, Diagnostics, ErrorCode};
use crate::domain::{Block, BlockName, ClosedPeriod, Supervision, TimeRange, Weights};
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::Path;
use toml::Spanned;

/// Longer terms are almost always a mistyped year, and would make every calendar walk
/// them day by day.
const MAX_TERM_DAYS: i64 = 731;

pub const FILE: &str = "school.toml";

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SchoolFile {
    name: String,
    bow_number: Option<String>,
    main_location: Spanned<String>,
    #[serde(default)]
    locations: Vec<Spanned<String>>,
    rules: Spanned<String>,
    term_start: Spanned<DateValue>,
    term_end: Spanned<DateValue>,
    #[serde(default)]
    closed: Vec<Spanned<ClosedFile>>,
    blocks: BTreeMap<String, Spanned<String>>,
    #[serde(default)]
    profiles: BTreeMap<String, Spanned<String>>,
    /// The optimizer's objective weights; each one optional.
    #[serde(default)]
    weights: weights::WeightsFile,
    /// Observation lessons per non-certified teacher who teaches.
    observations_per_teacher: Option<Spanned<i64>>,
    /// Years until a non-certified teacher's certification deadline (default 2).
    certification_deadline_years: Option<Spanned<i64>>,
}

/// The supervision settings, defaults where not given; out of range is E204.
fn supervision(src: &str, raw: &SchoolFile, diags: &mut Diagnostics) -> Supervision {
    let mut s = Supervision::default();
    let fields = [
        (
            "observations_per_teacher",
            &raw.observations_per_teacher,
            &mut s.observations_per_teacher,
            52,
        ),
        (
            "certification_deadline_years",
            &raw.certification_deadline_years,
            &mut s.certification_deadline_years,
            10,
        ),
    ];
    for (key, value, slot, max) in fields {
        let Some(value) = value else { continue };
        match u32::try_from(*value.get_ref()) {
            Ok(x) if x <= max => *slot = x,
            _ => diags.push(at_span(
                Diagnostic::error(
                    ErrorCode::BadNumber,
                    FILE,
                    format!(
                        "`{key}` is {}, not a whole number from 0 to {max}",
                        value.get_ref()
                    ),
                )
                .field(key)
                .fix(format!("give `{key}` as a whole number from 0 to {max}"))
                .nl(format!(
                    "`{key}` is {}, geen geheel getal van 0 tot en met {max}",
                    value.get_ref()
                ))
                .fix_nl(format!(
                    "geef `{key}` als een geheel getal van 0 tot en met {max}"
                )),
                src,
                value.span(),
            )),
        }
    }
    s
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClosedFile {
    from: Spanned<DateValue>,
    to: Spanned<DateValue>,
    #[serde(default)]
    reason: String,
}

/// A text value of `school.toml` with its line and column there.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Placed {
    pub text: String,
    pub line: u64,
    pub column: u64,
}

impl Placed {
    fn new(src: &str, s: &Spanned<String>) -> Self {
        let (line, column) = toml_support::line_col(src, s.span().start);
        Placed {
            text: s.get_ref().trim().to_string(),
            line,
            column,
        }
    }

    /// An error about this value, at its place in `school.toml`.
    pub fn error(&self, code: ErrorCode, field: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::error(code, FILE, message)
            .at(self.line, Some(self.column))
            .field(field)
    }
}

/// `school.toml` as read: good values only; every bad one is reported.
#[derive(Clone, Debug, PartialEq)]
pub struct SchoolInput {
    pub name: String,
    pub bow_number: Option<String>,
    pub main_location: Placed,
    pub locations: Vec<Placed>,
    pub rules: Placed,
    /// `None` when a term date is bad or the term ends before it starts.
    pub term: Option<(NaiveDate, NaiveDate)>,
    pub closed: Vec<ClosedPeriod>,
    /// The good blocks, by start time.
    pub blocks: Vec<Block>,
    /// Names of blocks whose time is bad: slots naming them are not reported again.
    pub broken_blocks: Vec<String>,
    /// Profile -> size class (with the class's place), in name order.
    pub profiles: Vec<(String, Placed)>,
    pub weights: Weights,
    pub supervision: Supervision,
}

/// Reads `school.toml`; `None` when it is missing or cannot be read as this file (reported).
pub fn read(dir: &Path, diags: &mut Diagnostics) -> Option<SchoolInput> {
    match std::fs::read(dir.join(FILE)) {
        Ok(bytes) => parse_bytes(&bytes, diags),
        Err(e) => {
            let (code, fix, fix_nl) = if e.kind() == std::io::ErrorKind::NotFound {
                (
                    ErrorCode::FileMissing,
                    "add school.toml; see the README for its keys",
                    "voeg school.toml toe (`nt2plan init` schrijft er een); de README noemt de sleutels",
                )
            } else {
                (
                    ErrorCode::FileUnreadable,
                    "save school.toml as UTF-8 text",
                    "sla school.toml op als UTF-8-tekst (in Kladblok: Opslaan als, Codering UTF-8)",
                )
            };
            diags.push(
                Diagnostic::error(code, FILE, format!("{FILE}: {e}"))
                    .fix(fix)
                    .nl(if code == ErrorCode::FileMissing {
                        format!("{FILE} ontbreekt in {}", dir.display())
                    } else {
                        format!("{FILE} is niet te lezen: {}", crate::diag::io_error_nl(&e))
                    })
                    .fix_nl(fix_nl),
            );
            None
        }
    }
}

/// Parses the bytes of `school.toml` (UTF-8, with or without a BOM); see [`read`].
pub fn parse_bytes(bytes: &[u8], diags: &mut Diagnostics) -> Option<SchoolInput> {
    match super::utf8_text(
        FILE,
        bytes,
        (
            "save school.toml as UTF-8 text (in Notepad: Save as, Encoding UTF-8)",
            "sla school.toml op als UTF-8-tekst (in Kladblok: Opslaan als, Codering UTF-8)",
        ),
    ) {
        Ok(src) => parse(src, diags),
        Err(d) => {
            diags.push(d);
            None
        }
    }
}

/// Parses the text of `school.toml`; see [`read`].
pub fn parse(src: &str, diags: &mut Diagnostics) -> Option<SchoolInput> {
    let raw: SchoolFile = match toml::from_str(src) {
        Ok(r) => r,
        Err(e) => {
            diags.push(toml_support::de_error(FILE, src, &e));
            return None;
        }
    };
    let mut date = |key: &str, v: &Spanned<DateValue>| {
        toml_support::date(FILE, src, key, v)
            .map_err(|d| diags.push(d))
            .ok()
    };
    let start = date("term_start", &raw.term_start);
    let end = date("term_end", &raw.term_end);
    let mut closed = Vec::new();
    let mut closed_bounds = Vec::new();
    for c in &raw.closed {
        let c = c.get_ref();
        let bounds = (date("closed.from", &c.from), date("closed.to", &c.to));
        closed_bounds.push((bounds, c));
    }
    let mut term = None;
    if let (Some(s), Some(e)) = (start, end) {
        if e < s {
            diags.push(at_span(
                Diagnostic::error(
                    ErrorCode::EndBeforeStart,
                    FILE,
                    format!("term_end {e} lies before term_start {s}"),
                )
                .field("term_end")
                .fix("correct term_start or term_end (YYYY-MM-DD)")
                .nl(format!("term_end {e} ligt vóór term_start {s}"))
                .fix_nl("verbeter term_start of term_end (JJJJ-MM-DD)"),
                src,
                raw.term_end.span(),
            ));
        } else if (e - s).num_days() > MAX_TERM_DAYS {
            diags.push(at_span(
                Diagnostic::error(
                    ErrorCode::TermTooLong,
                    FILE,
                    format!(
                        "the term from {s} to {e} spans {} days, more than two years",
                        (e - s).num_days() + 1
                    ),
                )
                .field("term_end")
                .fix("check the years of term_start and term_end; plan one term at a time")
                .nl(format!(
                    "de lesperiode van {s} tot en met {e} beslaat {} dagen, meer dan twee jaar",
                    (e - s).num_days() + 1
                ))
                .fix_nl("kijk de jaartallen van term_start en term_end na; plan één lesperiode tegelijk"),
                src,
                raw.term_end.span(),
            ));
        } else {
            term = Some((s, e));
        }
    }
    for ((from, to), c) in closed_bounds {
        let (Some(from), Some(to)) = (from, to) else {
            continue;
        };
        if to < from {
            diags.push(at_span(
                Diagnostic::error(
                    ErrorCode::EndBeforeStart,
                    FILE,
                    format!(
                        "closed period \"{}\": to {to} lies before from {from}",
                        c.reason
                    ),
                )
                .field("closed.to")
                .fix("swap from and to; both days are closed (inclusive)")
                .nl(format!(
                    "gesloten periode \"{}\": to {to} ligt vóór from {from}",
                    c.reason
                ))
                .fix_nl("wissel from en to om; beide dagen zijn gesloten (inclusief)"),
                src,
                c.to.span(),
            ));
            continue;
        }
        closed.push(ClosedPeriod {
            from,
            to,
            reason: c.reason.clone(),
        });
    }
    let (blocks, broken_blocks) = blocks(src, &raw.blocks, diags);
    let weights = weights::weights(src, &raw.weights, diags);
    let supervision = supervision(src, &raw, diags);
    Some(SchoolInput {
        name: raw.name,
        bow_number: raw.bow_number,
        main_location: Placed::new(src, &raw.main_location),
        locations: raw.locations.iter().map(|l| Placed::new(src, l)).collect(),
        rules: Placed::new(src, &raw.rules),
        term,
        closed,
        blocks,
        broken_blocks,
        profiles: raw
            .profiles
            .iter()
            .map(|(k, v)| (k.trim().to_string(), Placed::new(src, v)))
            .collect(),
        weights,
        supervision,
    })
}

fn blocks(
    src: &str,
    raw: &BTreeMap<String, Spanned<String>>,
    diags: &mut Diagnostics,
) -> (Vec<Block>, Vec<String>) {
    let mut good = Vec::new();
    let mut broken = Vec::new();
    for (name, value) in raw {
        let field = format!("blocks.{name}");
        let text = value.get_ref().trim();
        let bad_name = name.is_empty() || name.contains([';', '*', ' ', ',']);
        let times = text
            .split_once('-')
            .and_then(|(a, b)| Some((parse_time(a)?, parse_time(b)?)));
        let problem = match times {
            _ if bad_name => Some((
                ErrorCode::BadSlot,
                format!("block name \"{name}\" cannot be used in DAY-BLOCK lists"),
                "name blocks with letters, digits, - or _, e.g. morning".to_string(),
                format!("bloknaam \"{name}\" is niet te gebruiken in lijsten DAG-BLOK"),
                "geef blokken een naam van letters, cijfers, - of _, bijvoorbeeld morning",
            )),
            None => Some((
                ErrorCode::BadTime,
                format!("block {name} is \"{text}\", not a time range HH:MM-HH:MM"),
                "write the block as HH:MM-HH:MM, e.g. \"09:00-12:00\"".to_string(),
                format!("blok {name} is \"{text}\", geen tijdvak UU:MM-UU:MM"),
                "schrijf het blok als UU:MM-UU:MM, bijvoorbeeld \"09:00-12:00\"",
            )),
            Some((s, e)) if e <= s => Some((
                ErrorCode::EndBeforeStart,
                format!(
                    "block {name} ends at {} but starts at {}",
                    e.format("%H:%M"),
                    s.format("%H:%M")
                ),
                "make the end later than the start; a block lies within one day".to_string(),
                format!(
                    "blok {name} eindigt om {} maar begint om {}",
                    e.format("%H:%M"),
                    s.format("%H:%M")
                ),
                "zet het einde na het begin; een blok ligt binnen één dag",
            )),
            Some(_) => None,
        };
        match (problem, times) {
            (None, Some((start, end))) => good.push(Block {
                name: BlockName::new(name.clone()),
                time: TimeRange { start, end },
            }),
            (problem, _) => {
                if let Some((code, message, fix, message_nl, fix_nl)) = problem {
                    diags.push(at_span(
                        Diagnostic::error(code, FILE, message)
                            .field(field)
                            .fix(fix)
                            .nl(message_nl)
                            .fix_nl(fix_nl),
                        src,
                        value.span(),
                    ));
                }
                broken.push(name.clone());
            }
        }
    }
    good.sort_by(|a, b| a.time.cmp(&b.time).then_with(|| a.name.cmp(&b.name)));
    (good, broken)
}

mod weights;

#[cfg(test)]
mod tests;
