//! Fuzz target `schedule_folder`: see `nt2plan::harness::schedule_folder`.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Err(broken) = nt2plan::harness::schedule_folder(data) {
        panic!("{broken}");
    }
});
