//! Context-free cell parsers: each turns one [`Cell`] into a typed value or pushes one coded
//! diagnostic (E201..E208) at the cell's place and returns `None`. Anything that needs the
//! school (block names, locations, profiles) is resolved later, in `validate`.

use super::csvfile::Cell;
use crate::diag::{Diagnostics, ErrorCode};
use crate::domain::{Day, Law, Register};
use chrono::NaiveTime;

mod alternatives;
mod dates;
pub use alternatives::alternatives;
pub use dates::{collapse_day_first, date, date_opt};

/// A parsed value with the cell it came from, so later checks can point at it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Field<T> {
    pub value: T,
    pub cell: Cell,
}

/// A `;`-separated list, or `*` for "all".
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum List {
    All,
    Items(Vec<String>),
}

/// One entry of a `slots` or `available` list: `DAY-BLOCK`, `DAY-*` or `*`.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct SlotSpec {
    /// `None`: every day (`*`).
    pub day: Option<Day>,
    /// `None`: every block of the day (`DAY-*` or `*`).
    pub block: Option<String>,
}

/// The text of a cell that must not be empty (E201).
pub fn required(cell: &Cell, diags: &mut Diagnostics) -> Option<String> {
    if cell.is_empty() {
        diags.push(
            cell.error(ErrorCode::ValueEmpty, format!("`{}` is empty", cell.field))
                .fix(format!("fill in `{}`", cell.field))
                .nl(format!("`{}` is leeg", cell.field))
                .fix_nl(format!("vul `{}` in", cell.field)),
        );
        return None;
    }
    Some(cell.text.clone())
}

/// A whole number of 0 or more that fits a `u32` (E204).
pub fn number(cell: &Cell, diags: &mut Diagnostics) -> Option<u32> {
    let t = cell.text.as_str();
    match t.parse::<u32>() {
        Ok(n) if t.chars().all(|c| c.is_ascii_digit()) => Some(n),
        _ => {
            diags.push(
                cell.error(
                    ErrorCode::BadNumber,
                    format!(
                        "`{}` is \"{t}\", not a whole number of 0 or more",
                        cell.field
                    ),
                )
                .fix(format!(
                    "write a whole number from 0 to {}, without sign or decimals",
                    u32::MAX
                ))
                .nl(format!(
                    "`{}` is \"{t}\", geen geheel getal van 0 of meer",
                    cell.field
                ))
                .fix_nl(format!(
                    "schrijf een geheel getal van 0 tot en met {}, zonder teken of decimalen",
                    u32::MAX
                )),
            );
            None
        }
    }
}

/// A number, or `default` when the cell is empty.
pub fn number_or(cell: &Cell, default: u32, diags: &mut Diagnostics) -> Option<u32> {
    if cell.is_empty() {
        Some(default)
    } else {
        number(cell, diags)
    }
}

/// Parses `HH:MM` (also `H:MM`); `None` when it is not a time.
pub fn parse_time(t: &str) -> Option<NaiveTime> {
    let (h, m) = t.trim().split_once(':')?;
    let ok = |s: &str, max: usize| !s.is_empty() && s.len() <= max;
    if !ok(h, 2) || m.len() != 2 || !h.chars().chain(m.chars()).all(|c| c.is_ascii_digit()) {
        return None;
    }
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

/// A time `HH:MM` (E203).
/// A lesson's `start` and `end` cells as a time range; E201/E203, and E401 when it does not
/// end after it starts.
pub fn time_range(
    start: &Cell,
    end: &Cell,
    diags: &mut Diagnostics,
) -> Option<crate::domain::TimeRange> {
    let s = required(start, diags).and_then(|_| time(start, diags));
    let e = required(end, diags).and_then(|_| time(end, diags));
    let (s, e) = (s?, e?);
    if e <= s {
        diags.push(
            end.error(
                ErrorCode::EndBeforeStart,
                format!(
                    "the lesson ends at {} but starts at {}",
                    e.format("%H:%M"),
                    s.format("%H:%M")
                ),
            )
            .fix("make `end` later than `start`, or swap them")
            .nl(format!(
                "de les eindigt om {} maar begint om {}",
                e.format("%H:%M"),
                s.format("%H:%M")
            ))
            .fix_nl("zet `end` later dan `start`, of wissel ze om"),
        );
        return None;
    }
    Some(crate::domain::TimeRange { start: s, end: e })
}

pub fn time(cell: &Cell, diags: &mut Diagnostics) -> Option<NaiveTime> {
    let parsed = parse_time(&cell.text);
    if parsed.is_none() {
        diags.push(
            cell.error(
                ErrorCode::BadTime,
                format!("`{}` is \"{}\", not a time HH:MM", cell.field, cell.text),
            )
            .fix("write the time as HH:MM on the 24-hour clock, e.g. 09:00 or 18:30")
            .nl(format!(
                "`{}` is \"{}\", geen tijd UU:MM",
                cell.field, cell.text
            ))
            .fix_nl("schrijf de tijd als UU:MM in 24-uursnotatie, bijvoorbeeld 09:00 of 18:30"),
        );
    }
    parsed
}

fn keyword<T: Copy>(
    cell: &Cell,
    table: &[(&str, T)],
    code: ErrorCode,
    (fix, fix_nl): (&str, &str),
    diags: &mut Diagnostics,
) -> Option<T> {
    let lower = cell.text.to_lowercase();
    let found = table.iter().find(|(k, _)| *k == lower).map(|(_, v)| *v);
    if found.is_none() {
        diags.push(
            cell.error(
                code,
                format!("`{}` is \"{}\", which is not known", cell.field, cell.text),
            )
            .fix(fix)
            .nl(format!(
                "`{}` is \"{}\", dat is niet bekend",
                cell.field, cell.text
            ))
            .fix_nl(fix_nl),
        );
    }
    found
}

/// `bvnt2`, `kwaliteitsregister` or `none`, any case (E205).
pub fn register(cell: &Cell, diags: &mut Diagnostics) -> Option<Register> {
    keyword(
        cell,
        &[
            ("bvnt2", Register::Bvnt2),
            ("kwaliteitsregister", Register::Kwaliteitsregister),
            ("none", Register::None),
        ],
        ErrorCode::BadRegister,
        (
            "write bvnt2 or kwaliteitsregister for a certified teacher, none otherwise",
            "schrijf bvnt2 of kwaliteitsregister voor een gecertificeerde docent, anders none",
        ),
        diags,
    )
}

/// `wi2013` or `wi2021`, any case (E206).
pub fn law(cell: &Cell, diags: &mut Diagnostics) -> Option<Law> {
    keyword(
        cell,
        &[("wi2013", Law::Wi2013), ("wi2021", Law::Wi2021)],
        ErrorCode::BadLaw,
        ("write wi2013 or wi2021", "schrijf wi2013 of wi2021"),
        diags,
    )
}

/// yes/no (also ja/nee, true/false); empty is no (E207).
pub fn yes_no(cell: &Cell, diags: &mut Diagnostics) -> Option<bool> {
    if cell.is_empty() {
        return Some(false);
    }
    keyword(
        cell,
        &[
            ("yes", true),
            ("no", false),
            ("ja", true),
            ("nee", false),
            ("true", true),
            ("false", false),
        ],
        ErrorCode::BadYesNo,
        (
            "write yes or no, or ja or nee (empty means no)",
            "schrijf ja of nee, of yes of no (leeg betekent nee)",
        ),
        diags,
    )
}

/// A `;`-separated list, `*` meaning all; empty is E201.
pub fn list(cell: &Cell, diags: &mut Diagnostics) -> Option<List> {
    let items: Vec<String> = cell
        .text
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect();
    if items.is_empty() {
        diags.push(
            cell.error(ErrorCode::ValueEmpty, format!("`{}` is empty", cell.field))
                .fix("list the values separated by `;`, or write * for all")
                .nl(format!("`{}` is leeg", cell.field))
                .fix_nl("noem de waarden, gescheiden door `;`, of schrijf * voor alle"),
        );
        return None;
    }
    if items.iter().any(|s| s == "*") {
        return Some(List::All);
    }
    Some(List::Items(items))
}

/// A `;`-separated list of slots. With `allow_star`, `*` and `DAY-*` are allowed (E208).
pub fn slots(cell: &Cell, allow_star: bool, diags: &mut Diagnostics) -> Option<Vec<SlotSpec>> {
    let entries: Vec<&str> = cell
        .text
        .split(';')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    if entries.is_empty() {
        let (fix, fix_nl) = if allow_star {
            (
                "list DAY-BLOCK entries separated by `;` (e.g. mon-morning;wed-*), or write * for always",
                "noem lesmomenten DAG-BLOK, gescheiden door `;` (bijvoorbeeld ma-morning;wo-*), of schrijf * voor altijd",
            )
        } else {
            (
                "list the weekly lessons as DAY-BLOCK separated by `;`, e.g. mon-morning;thu-morning",
                "noem de wekelijkse lesmomenten als DAG-BLOK, gescheiden door `;`, bijvoorbeeld ma-morning;do-morning",
            )
        };
        diags.push(
            cell.error(ErrorCode::ValueEmpty, format!("`{}` is empty", cell.field))
                .fix(fix)
                .nl(format!("`{}` is leeg", cell.field))
                .fix_nl(fix_nl),
        );
        return None;
    }
    let mut out = Vec::new();
    let mut ok = true;
    for entry in entries {
        match slot_spec(entry) {
            Some(s) if allow_star || (s.day.is_some() && s.block.is_some()) => out.push(s),
            parsed => {
                ok = false;
                let ((why, fix), (why_nl, fix_nl)) = if parsed.is_some() {
                    (
                        (
                            "a weekly lesson needs one day and one block; `*` is not allowed here",
                            "write DAY-BLOCK, e.g. mon-morning",
                        ),
                        (
                            "kan hier niet: een wekelijkse les heeft één dag en één blok nodig (`*` mag hier niet)",
                            "schrijf DAG-BLOK, bijvoorbeeld ma-morning",
                        ),
                    )
                } else if allow_star {
                    (
                        (
                            "not DAY-BLOCK, DAY-* or *",
                            "write DAY-BLOCK (e.g. mon-morning), DAY-* or *; days are mon tue wed thu fri sat sun or ma di wo do vr za zo",
                        ),
                        (
                            "is geen DAG-BLOK, DAG-* of *",
                            "schrijf DAG-BLOK (bijvoorbeeld ma-morning), DAG-* of *; dagen zijn ma di wo do vr za zo of mon tue wed thu fri sat sun",
                        ),
                    )
                } else {
                    (
                        (
                            "not DAY-BLOCK",
                            "write DAY-BLOCK, e.g. mon-morning; days are mon tue wed thu fri sat sun or ma di wo do vr za zo",
                        ),
                        (
                            "is geen DAG-BLOK",
                            "schrijf DAG-BLOK, bijvoorbeeld ma-morning; dagen zijn ma di wo do vr za zo of mon tue wed thu fri sat sun",
                        ),
                    )
                };
                diags.push(
                    cell.error(
                        ErrorCode::BadSlot,
                        format!("`{}` entry \"{entry}\" is {why}", cell.field),
                    )
                    .fix(fix)
                    .nl(format!("`{}`: \"{entry}\" {why_nl}", cell.field))
                    .fix_nl(fix_nl),
                );
            }
        }
    }
    ok.then_some(out)
}

fn slot_spec(entry: &str) -> Option<SlotSpec> {
    if entry == "*" {
        return Some(SlotSpec {
            day: None,
            block: None,
        });
    }
    let (day, block) = entry.split_once('-')?;
    let day = Day::parse(day)?;
    let block = block.trim();
    match block {
        "" => None,
        "*" => Some(SlotSpec {
            day: Some(day),
            block: None,
        }),
        b if b.contains('*') => None,
        b => Some(SlotSpec {
            day: Some(day),
            block: Some(b.to_string()),
        }),
    }
}

#[cfg(test)]
mod tests;
