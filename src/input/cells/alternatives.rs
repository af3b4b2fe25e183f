//! A group's `slots` with a choice of meeting times: alternatives separated by `|`, each a
//! `;`-separated list of `DAY-BLOCK` (E421 empty, E422 twice, E423 unequal lengths).

use super::{SlotSpec, slots};
use crate::diag::{Diagnostics, ErrorCode};
use crate::input::csvfile::Cell;

/// The alternatives of a `slots` cell: one list without `|`, else one per alternative, each
/// sorted. `None` when any part is broken (reported).
pub fn alternatives(cell: &Cell, diags: &mut Diagnostics) -> Option<Vec<Vec<SlotSpec>>> {
    if !cell.text.contains('|') {
        return slots(cell, false, diags).map(|s| vec![s]);
    }
    let mut out: Vec<Vec<SlotSpec>> = Vec::new();
    let mut ok = true;
    for (i, part) in cell.text.split('|').enumerate() {
        if part.split(';').all(|e| e.trim().is_empty()) {
            ok = false;
            diags.push(
                cell.error(
                    ErrorCode::EmptyAlternative,
                    format!("`{}` alternative {} is empty", cell.field, i + 1),
                )
                .fix("separate alternatives by a single `|`, each a list of DAY-BLOCK, e.g. mon-morning;wed-morning|tue-afternoon;thu-afternoon"),
            );
            continue;
        }
        let sub = Cell {
            text: part.to_string(),
            ..cell.clone()
        };
        let Some(mut list) = slots(&sub, false, diags) else {
            ok = false;
            continue;
        };
        list.sort();
        if let Some(j) = out.iter().position(|o| *o == list) {
            ok = false;
            diags.push(
                cell.error(
                    ErrorCode::DuplicateAlternative,
                    format!(
                        "`{}` alternative {} is alternative {} again",
                        cell.field,
                        i + 1,
                        j + 1
                    ),
                )
                .fix("list each alternative once"),
            );
            continue;
        }
        out.push(list);
    }
    if ok && let Some(first) = out.first() {
        let n = first.len();
        if let Some((i, other)) = out.iter().enumerate().find(|(_, a)| a.len() != n) {
            ok = false;
            diags.push(
                cell.error(
                    ErrorCode::AlternativesUnequal,
                    format!(
                        "`{}` alternative 1 has {n} weekly lesson(s), alternative {} has {}",
                        cell.field,
                        i + 1,
                        other.len()
                    ),
                )
                .fix("give every alternative the same number of weekly lessons (a group keeps its hours whichever alternative is chosen)"),
            );
        }
    }
    ok.then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Code;
    use crate::domain::Day;

    fn cell(text: &str) -> Cell {
        Cell {
            file: "groups.csv",
            line: 3,
            column: Some(5),
            field: "slots",
            text: text.to_string(),
        }
    }

    type Found = (
        Option<Vec<Vec<SlotSpec>>>,
        Vec<(Code, Option<u64>, Option<u64>)>,
    );

    fn codes(text: &str) -> Found {
        let mut d = Diagnostics::default();
        let got = alternatives(&cell(text), &mut d);
        let codes = d.0.iter().map(|e| (e.code(), e.line, e.column)).collect();
        (got, codes)
    }

    #[test]
    fn slots_without_a_bar_are_one_alternative_and_with_bars_one_per_part_sorted() {
        let (got, c) = codes("wed-morning;mon-morning");
        assert!(c.is_empty());
        assert_eq!(got.map(|a| a.len()), Some(1));
        let (got, c) = codes("wed-morning;mon-morning | tue-afternoon;thu-afternoon");
        assert!(c.is_empty(), "{c:?}");
        let got = got.expect("valid");
        assert_eq!(got.len(), 2);
        assert_eq!(
            got[0][0].day,
            Some(Day::Mon),
            "sorted within an alternative"
        );
        assert_eq!(got[1][0].day, Some(Day::Tue));
    }

    #[test]
    fn e421_an_empty_alternative_at_the_cell() {
        for text in [
            "mon-morning||tue-morning",
            "|mon-morning",
            "mon-morning|",
            "mon-morning| ; ",
        ] {
            let (got, c) = codes(text);
            assert_eq!(got, None, "{text}");
            assert_eq!(
                c,
                vec![(Code::EmptyAlternative, Some(3), Some(5))],
                "{text}"
            );
        }
    }

    #[test]
    fn e422_the_same_alternative_twice_in_any_order() {
        let (got, c) = codes("mon-morning;wed-morning|wed-morning;mon-morning");
        assert_eq!(got, None);
        assert_eq!(c, vec![(Code::DuplicateAlternative, Some(3), Some(5))]);
    }

    #[test]
    fn e423_alternatives_with_different_numbers_of_weekly_lessons() {
        let (got, c) = codes("mon-morning;wed-morning|tue-morning");
        assert_eq!(got, None);
        assert_eq!(c, vec![(Code::AlternativesUnequal, Some(3), Some(5))]);
    }

    #[test]
    fn a_bad_entry_in_an_alternative_is_e208() {
        let (got, c) = codes("mon-morning|tue");
        assert_eq!(got, None);
        assert_eq!(c, vec![(Code::BadSlot, Some(3), Some(5))]);
    }
}
