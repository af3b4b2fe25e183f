//! Fuzz target `rule_set_toml`: see `nt2plan::harness::rule_set_toml`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(broken) = nt2plan::harness::rule_set_toml(data) {
        panic!("{broken}");
    }
});
