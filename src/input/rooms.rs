//! `rooms.csv` (optional): `id,location,capacity,available` (Dutch `lokaal,locatie,capaciteit,
//! beschikbaar`). `available` is written as for teachers; an empty cell is `*` (always). A
//! capacity of 0 is E211: a room nobody fits in is a typing error. Whether the location and
//! the blocks exist, and whether every group has a room, is for `validate::rooms`.

use super::Rows;
use super::cells::{self, Field, SlotSpec};
use super::csvfile::{self, Cell, Spec};
use crate::diag::{Diagnostics, ErrorCode};
use std::path::Path;

pub const SPEC: Spec = Spec {
    file: "rooms.csv",
    required: &["id", "location", "capacity"],
    optional: &["available"],
    extra_allowed: false,
};

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoomRow {
    pub line: u64,
    pub id: Cell,
    pub location: Cell,
    pub capacity: Field<u32>,
    /// `*` for an empty cell or no column.
    pub available: Field<Vec<SlotSpec>>,
}

/// Reads `rooms.csv`; an absent file is no rooms (the school plans no rooms).
pub fn read(dir: &Path, diags: &mut Diagnostics) -> Option<Rows<RoomRow>> {
    match csvfile::read_optional(dir, SPEC, diags)? {
        Some(table) => Some(rows(&table, diags)),
        None => Some(Rows::default()),
    }
}

/// Parses the bytes of a `rooms.csv` (the file is present); see [`read`].
pub fn parse(bytes: &[u8], diags: &mut Diagnostics) -> Option<Rows<RoomRow>> {
    csvfile::parse(SPEC, bytes, diags).map(|table| rows(&table, diags))
}

fn rows(table: &csvfile::Table, diags: &mut Diagnostics) -> Rows<RoomRow> {
    super::read_rows(table, "id", diags, |t, r, d| {
        let id = t.cell(r, "id");
        let location = t.cell(r, "location");
        let capacity = t.cell(r, "capacity");
        let available = t.cell(r, "available");
        let parsed = (
            cells::required(&id, d),
            cells::required(&location, d),
            cells::required(&capacity, d).and_then(|_| seats(&capacity, d)),
            if available.is_empty() {
                Some(vec![SlotSpec {
                    day: None,
                    block: None,
                }])
            } else {
                cells::slots(&available, true, d)
            },
        );
        let (Some(_), Some(_), Some(c), Some(a)) = parsed else {
            return None;
        };
        Some(RoomRow {
            line: r.line,
            id,
            location,
            capacity: Field {
                value: c,
                cell: capacity,
            },
            available: Field {
                value: a,
                cell: available,
            },
        })
    })
}

/// A whole number of at least 1 (E204 for no number, E211 for 0).
fn seats(cell: &Cell, diags: &mut Diagnostics) -> Option<u32> {
    let n = cells::number(cell, diags)?;
    if n == 0 {
        diags.push(
            cell.error(
                ErrorCode::RoomCapacityZero,
                "`capacity` is 0: no group fits in the room".to_string(),
            )
            .fix("write the number of seats (1 or more); leave a room that is not used out of rooms.csv")
            .nl("`capacity` is 0: er past geen groep in het lokaal")
            .fix_nl("schrijf het aantal plaatsen (1 of meer); laat een lokaal dat niet gebruikt wordt weg uit rooms.csv"),
        );
        return None;
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Code;

    fn read(text: &str) -> (Option<Rows<RoomRow>>, Diagnostics) {
        let mut d = Diagnostics::default();
        (parse(text.as_bytes(), &mut d), d)
    }

    #[test]
    fn dutch_headers_and_an_empty_availability_read_as_always() {
        let (rows, d) =
            read("Lokaal;Locatie;Capaciteit;Beschikbaar\nU1;Utrecht;25;\nU2;Utrecht;12;mon-*\n");
        assert!(d.is_empty(), "{d:?}");
        let rows = rows.expect("rows").rows;
        assert_eq!(rows.len(), 2);
        assert_eq!(
            (rows[0].id.text.as_str(), rows[0].capacity.value),
            ("U1", 25)
        );
        assert_eq!(
            rows[0].available.value,
            vec![SlotSpec {
                day: None,
                block: None
            }]
        );
        assert_eq!(rows[1].available.value.len(), 1);
        assert_eq!(rows[1].line, 3);
    }

    #[test]
    fn a_capacity_of_0_is_e211_and_not_a_number_e204_with_line_and_column() {
        let (rows, d) = read("id,location,capacity\nU1,Utrecht,0\nU2,Utrecht,veel\nU3,Utrecht,4\n");
        let got: Vec<(Code, Option<u64>, Option<u64>)> =
            d.iter().map(|x| (x.code(), x.line, x.column)).collect();
        assert_eq!(
            got,
            [
                (Code::RoomCapacityZero, Some(2), Some(3)),
                (Code::BadNumber, Some(3), Some(3))
            ]
        );
        let rows = rows.expect("rows");
        assert_eq!(rows.rows.len(), 1);
        assert_eq!(rows.broken.len(), 2);
    }
}
