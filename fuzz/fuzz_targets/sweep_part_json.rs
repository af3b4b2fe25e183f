//! Fuzz target `sweep_part_json`: see `nt2plan::harness::sweep_part_json`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(broken) = nt2plan::harness::sweep_part_json(data) {
        panic!("{broken}");
    }
});
