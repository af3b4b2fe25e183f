//! The promises of `--tight`.
