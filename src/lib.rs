//! nt2plan: timetables for Dutch NT2 schools under the Keurmerk Inburgeren.
//!
//! Data flows one way: [`input`] reads the files, [`validate`] turns rows into the
//! [`domain`], [`check`] judges any schedule against a [`rules`] set, and [`report`] prints;
//! [`output`] writes every folder and file atomically.

#![forbid(unsafe_code)]

pub mod check;
pub mod diag;
pub mod domain;
pub mod generate;
pub mod harness;
pub mod indicators;
pub mod init;
pub mod input;
pub mod model;
pub mod options;
pub mod outcome;
pub mod output;
pub mod report;
pub mod rules;
pub mod solve;
pub mod sweep;
pub mod validate;

#[cfg(test)]
pub(crate) mod testing;
