//! Reading instance and schedule folders: CSV and TOML rows with their positions.

pub mod toml_support;
