//! The code table: one row per problem code. See [`super::codes`] for what a row gives;
//! `nt2plan codes` and the README list these rows, and a Dutch document gives the Dutch meaning.
//!
//! Never renumber a code once released; add a row to the section of its kind. The rows are
//! in two files, chained by macros: the input codes (`table/input.rs`: errors and warnings)
//! hand their sections to the findings (`table/findings.rs`), which give the whole table to
//! `code_table!` ([`super::codes`]).

use super::codes::{FindingSeverity, Kind, Row, code_table};

mod findings;
mod input;

use findings::finding_rows;
use input::input_rows;

input_rows! { finding_rows }
