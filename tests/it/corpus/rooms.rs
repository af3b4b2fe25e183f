//! Bad rows in `rooms.csv`: each is coded at its cell; a group that must run without a room
//! that can hold it is coded at its `slots` cell in groups.csv.

use super::{Case, err, run};
use std::path::Path;

const HEADER: &str = "id,location,capacity,available\n";

/// Writes a `rooms.csv` with these rows into the copy of the demo.
fn rooms(dir: &Path, rows: &str) {
    std::fs::write(dir.join("rooms.csv"), format!("{HEADER}{rows}")).expect("write rooms.csv");
}

/// Rooms for every demo group at both locations, then `extra`.
fn enough(dir: &Path, extra: &str) {
    rooms(
        dir,
        &format!("UTR-1,Utrecht,25,\nUTR-2,Utrecht,25,\nAMF-1,Amersfoort,25,\n{extra}"),
    );
}

#[test]
fn bad_room_rows_are_coded_at_their_cell() {
    run(&[
        Case {
            name: "a room id twice",
            make: |d| enough(d, "UTR-1,Utrecht,12,\n"),
            want: err("E309", "rooms.csv", Some(5), Some(1), "line 2"),
        },
        Case {
            name: "an unknown location",
            make: |d| enough(d, "X-1,Zwolle,12,\n"),
            want: err("E302", "rooms.csv", Some(5), Some(2), "school.toml"),
        },
        Case {
            name: "a capacity of 0",
            make: |d| enough(d, "UTR-3,Utrecht,0,\n"),
            want: err("E211", "rooms.csv", Some(5), Some(3), "seats"),
        },
        Case {
            name: "a capacity that is not a number",
            make: |d| enough(d, "UTR-3,Utrecht,twintig,\n"),
            want: err("E204", "rooms.csv", Some(5), Some(3), "whole number"),
        },
        Case {
            name: "an availability with an unknown block",
            make: |d| enough(d, "UTR-3,Utrecht,12,mon-night\n"),
            want: err("E301", "rooms.csv", Some(5), Some(4), ""),
        },
        Case {
            name: "no room at Amersfoort for a group that must run there",
            make: |d| rooms(d, "UTR-1,Utrecht,25,\nUTR-2,Utrecht,25,\n"),
            want: err("E419", "groups.csv", Some(7), Some(5), "rooms.csv"),
        },
    ]);
}
