//! Integration tests: one binary, one module per area.

mod broken;
mod cli;
mod demo;
mod support;
