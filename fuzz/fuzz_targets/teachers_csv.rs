//! Fuzz target `teachers_csv`: see `nt2plan::harness::teachers_csv`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(broken) = nt2plan::harness::teachers_csv(data) {
        panic!("{broken}");
    }
});
