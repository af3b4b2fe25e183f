//! Printing: text and machine renderings of results. No solving and no checking logic here.

pub mod chart;
pub mod check_text;
pub mod schedule_files;
pub mod solve_report;
