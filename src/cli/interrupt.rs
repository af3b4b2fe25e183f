//! Ctrl-C (and SIGTERM from a batch system) end a run cleanly: outside of writing, the
//! program exits at once with code 130, and nothing has been written yet (every output is
//! written to a temporary folder and renamed into place at the very end), except the records
//! of a sweep shard's finished jobs, each complete, which a rerun of the shard resumes from.
//! While the output is being written, the signal waits until the folder is complete, so an
//! earlier schedule is never left half replaced. Temporary files of the run ([`Temporary`], such as the HiGHS
//! log) are removed before the program ends on a signal.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Mutex, PoisonError};

/// Writers at work now: a sweep shard's workers each write their records.
static WRITING: AtomicUsize = AtomicUsize::new(0);
static PENDING: AtomicBool = AtomicBool::new(false);
/// The temporary files alive now: `std::process::exit` runs no destructors, so the signal
/// handler removes them itself.
static TEMPORARY: Mutex<Vec<tempfile::TempPath>> = Mutex::new(Vec::new());

/// The exit code of an interrupted run (128 + SIGINT), as shells expect.
pub const EXIT_CODE: i32 = 130;

/// Installs the handler; a failure to install is reported and otherwise ignored (the
/// default is to stop at once, which the atomic writes make safe too).
pub fn install() {
    let result = ctrlc::set_handler(|| {
        if WRITING.load(Ordering::SeqCst) > 0 {
            PENDING.store(true, Ordering::SeqCst);
            // The last writer may have finished between the two lines above.
            if WRITING.load(Ordering::SeqCst) == 0 {
                exit();
            }
        } else {
            let said = super::lang::terminal().pick(
                "onderbroken: geen bestand is half geschreven; eerdere uitvoer is ongewijzigd",
                "interrupted: no file was left half written; earlier output is unchanged",
            );
            eprintln!("\n{said}");
            exit();
        }
    });
    if let Err(e) = result {
        let said = super::lang::terminal().pick(
            "waarschuwing: Ctrl-C kan niet worden opgevangen",
            "warning: cannot handle Ctrl-C",
        );
        eprintln!("{said}: {e}");
    }
}

/// Holds a signal back while output is written; when dropped, a signal that came meanwhile
/// ends the program.
pub struct Writing;

impl Writing {
    pub fn start() -> Writing {
        WRITING.fetch_add(1, Ordering::SeqCst);
        Writing
    }
}

impl Drop for Writing {
    fn drop(&mut self) {
        let others = WRITING.fetch_sub(1, Ordering::SeqCst).saturating_sub(1);
        if others == 0 && PENDING.load(Ordering::SeqCst) {
            let said = super::lang::terminal().pick(
                "onderbroken nadat de uitvoer volledig was geschreven",
                "interrupted after the output was written completely",
            );
            eprintln!("\n{said}");
            exit();
        }
    }
}

/// Ends an interrupted run: the temporary files first.
fn exit() -> ! {
    // Dropping a `TempPath` deletes its file.
    TEMPORARY
        .lock()
        .unwrap_or_else(PoisonError::into_inner)
        .clear();
    std::process::exit(EXIT_CODE);
}

/// A temporary file that is removed when this is dropped, and also when a signal ends the
/// program first.
#[derive(Debug)]
pub struct Temporary(PathBuf);

impl Temporary {
    /// Takes charge of `file` (a [`tempfile::TempPath`] removes its file when dropped).
    pub fn new(file: tempfile::TempPath) -> Temporary {
        let path = file.to_path_buf();
        TEMPORARY
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .push(file);
        Temporary(path)
    }

    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for Temporary {
    fn drop(&mut self) {
        let mut files = TEMPORARY.lock().unwrap_or_else(PoisonError::into_inner);
        files.retain(|f| **f != *self.0);
    }
}
