//! Fuzz target `locks_csv`: see `nt2plan::harness::locks_csv`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(broken) = nt2plan::harness::locks_csv(data) {
        panic!("{broken}");
    }
});
