//! Ctrl-C (and SIGTERM from a batch system) end a run cleanly: outside of writing, the
//! program exits at once with code 130, and nothing has been written yet (every output is
//! written to a temporary folder and renamed into place at the very end). While the output is
//! being written, the signal waits until the folder is complete, so an earlier schedule is
//! never left half replaced.

use std::sync::atomic::{AtomicBool, Ordering};

static WRITING: AtomicBool = AtomicBool::new(false);
static PENDING: AtomicBool = AtomicBool::new(false);

/// The exit code of an interrupted run (128 + SIGINT), as shells expect.
pub const EXIT_CODE: i32 = 130;

/// Installs the handler; a failure to install is reported and otherwise ignored (the
/// default is to stop at once, which the atomic writes make safe too).
pub fn install() {
    let result = ctrlc::set_handler(|| {
        if WRITING.load(Ordering::SeqCst) {
            PENDING.store(true, Ordering::SeqCst);
        } else {
            eprintln!("\ninterrupted: nothing was written; earlier output is unchanged");
            std::process::exit(EXIT_CODE);
        }
    });
    if let Err(e) = result {
        eprintln!("warning: cannot handle Ctrl-C: {e}");
    }
}

/// Holds a signal back while output is written; when dropped, a signal that came meanwhile
/// ends the program.
pub struct Writing;

impl Writing {
    pub fn start() -> Writing {
        WRITING.store(true, Ordering::SeqCst);
        Writing
    }
}

impl Drop for Writing {
    fn drop(&mut self) {
        WRITING.store(false, Ordering::SeqCst);
        if PENDING.load(Ordering::SeqCst) {
            eprintln!("\ninterrupted after the output was written completely");
            std::process::exit(EXIT_CODE);
        }
    }
}
