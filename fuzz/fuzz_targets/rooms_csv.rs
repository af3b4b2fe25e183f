//! Fuzz target `rooms_csv`: see `nt2plan::harness::rooms_csv`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(broken) = nt2plan::harness::rooms_csv(data) {
        panic!("{broken}");
    }
});
