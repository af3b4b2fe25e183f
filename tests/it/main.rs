//! Integration tests: one binary, one module per area.

mod alternatives;
mod best_effort;
mod broken;
mod browser;
mod cli;
mod corpus;
#[cfg(feature = "highs")]
mod cross_solver;
mod demo;
mod dutch;
mod dutch_messages;
mod excel_csv;
mod fuzz_corpus;
mod generate;
mod indicators;
mod init;
mod model_files;
mod printing;
mod replan;
mod replan_docs;
mod replan_rooms;
mod report;
mod safety;
mod slurm;
mod solve;
mod support;
mod sweep;
mod sweep_dutch;
mod sweep_shards;
mod workbook_instance;
mod workbook_schedule;
