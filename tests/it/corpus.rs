//! A corpus of broken and oddly saved instance folders, as planners' spreadsheets and editors
//! produce them. Every case starts from a copy of `instances/demo`, changes one thing, and runs
//! `nt2plan validate --json`: an error must come with its code, file, line and column (and a
//! fix that says what to do); a variant a Dutch spreadsheet really writes must read exactly
//! like the original. The cases live in tables, one module per theme; a failure names its
//! case, and every case of a table runs even when an earlier one fails.

mod contract;
mod encodings;
mod locks;
mod rooms;
mod structure;
mod values;

use crate::broken::validate_json;
use crate::support::{copy_dir, demo};
use serde_json::Value;
use std::path::Path;

/// One broken or odd folder and what `validate` must say about it.
pub(crate) struct Case {
    /// Named for what it is, so that a failure says which case broke.
    pub name: &'static str,
    /// Changes a fresh copy of the demo folder.
    pub make: fn(&Path),
    pub want: Want,
}

/// What a case must give.
pub(crate) enum Want {
    /// Exit 2, and this error among the diagnostics.
    Error(Expect),
    /// Exit 0 and byte for byte the `validate --json` output of the untouched demo.
    SameAsDemo,
    /// Exit 0 with this many students (teachers and groups as in the demo).
    Students(u64),
}

/// An error diagnostic: its code, file, line and column exactly (`None`: the diagnostic has
/// none), and a text its fix must contain (`""`: any fix).
pub(crate) struct Expect {
    pub code: &'static str,
    pub file: &'static str,
    pub line: Option<u64>,
    pub column: Option<u64>,
    pub fix: &'static str,
}

/// Shorthand for an [`Expect`] in the tables.
pub(crate) const fn err(
    code: &'static str,
    file: &'static str,
    line: Option<u64>,
    column: Option<u64>,
    fix: &'static str,
) -> Want {
    Want::Error(Expect {
        code,
        file,
        line,
        column,
        fix,
    })
}

/// One diagnostic in a failure message.
fn show(d: &Value) -> String {
    format!(
        "{} {}:{}:{} {:?} (fix: {:?})",
        d["code"].as_str().unwrap_or("?"),
        d["file"].as_str().unwrap_or("?"),
        d["line"],
        d["column"],
        d["message"].as_str().unwrap_or(""),
        d["fix"].as_str().unwrap_or("")
    )
}

fn matches(d: &Value, e: &Expect) -> bool {
    d["code"] == e.code
        && d["severity"] == "error"
        && d["file"] == e.file
        && d["line"].as_u64() == e.line
        && d["column"].as_u64() == e.column
        && d["fix"].as_str().is_some_and(|f| f.contains(e.fix))
}

/// Why `case` failed, or `None` when it gave what it must.
fn judge(case: &Case, demo_json: &Value) -> Option<String> {
    let dir = tempfile::tempdir().expect("temp dir");
    copy_dir(&demo(), dir.path());
    (case.make)(dir.path());
    let (exit, got) = validate_json(dir.path());
    let ds = got["diagnostics"].as_array().cloned().unwrap_or_default();
    let listed = || ds.iter().map(show).collect::<Vec<_>>().join("\n    ");
    let problem = match &case.want {
        Want::Error(_) if exit != Some(2) => Some(format!("exit {exit:?}, not 2")),
        Want::Error(e) if !ds.iter().any(|d| matches(d, e)) => Some(format!(
            "no {} in {}:{:?}:{:?} with a fix containing {:?}",
            e.code, e.file, e.line, e.column, e.fix
        )),
        Want::Error(_) => None,
        Want::SameAsDemo if exit != Some(0) => Some(format!("exit {exit:?}, not 0")),
        Want::SameAsDemo if got != *demo_json => Some("reads differently from the demo".into()),
        Want::SameAsDemo => None,
        Want::Students(n) if exit != Some(0) || got["students"].as_u64() != Some(*n) => {
            Some(format!(
                "exit {exit:?} with {} students, not 0 with {n}",
                got["students"]
            ))
        }
        Want::Students(_) => None,
    };
    problem.map(|p| format!("case {}: {p}; diagnostics:\n    {}", case.name, listed()))
}

/// Runs every case and fails with all the cases that did not give what they must.
pub(crate) fn run(cases: &[Case]) {
    let (exit, demo_json) = validate_json(&demo());
    assert_eq!(exit, Some(0), "the demo itself validates");
    let failures: Vec<String> = cases.iter().filter_map(|c| judge(c, &demo_json)).collect();
    assert!(
        failures.is_empty(),
        "{} of {} case(s) failed:\n{}",
        failures.len(),
        cases.len(),
        failures.join("\n")
    );
}

/// Replaces the bytes of `dir/file` by what `f` makes of them.
pub(crate) fn bytes(dir: &Path, file: &str, f: impl FnOnce(Vec<u8>) -> Vec<u8>) {
    let path = dir.join(file);
    let old = std::fs::read(&path).expect("read file to change");
    std::fs::write(&path, f(old)).expect("write changed file");
}

/// Replaces the text of `dir/file` by what `f` makes of it.
pub(crate) fn text(dir: &Path, file: &str, f: impl FnOnce(String) -> String) {
    bytes(dir, file, |b| {
        f(String::from_utf8(b).expect("the demo is UTF-8")).into_bytes()
    });
}

/// Replaces `from` (which must be there) by `to` once in `dir/file`.
pub(crate) fn replace(dir: &Path, file: &str, from: &str, to: &str) {
    text(dir, file, |t| {
        assert!(t.contains(from), "{file} lacks {from:?}");
        t.replacen(from, to, 1)
    });
}

/// Writes `dir/file` again through the csv crate with this separator and line end, after a
/// UTF-8 BOM when `bom`: what Excel's "CSV UTF-8" and "CSV (separatorteken)" save.
pub(crate) fn resave(dir: &Path, file: &str, delimiter: u8, crlf: bool, bom: bool) {
    bytes(dir, file, |old| {
        let mut rdr = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(old.as_slice());
        let start = if bom {
            vec![0xEF, 0xBB, 0xBF]
        } else {
            Vec::new()
        };
        let terminator = if crlf {
            csv::Terminator::CRLF
        } else {
            csv::Terminator::Any(b'\n')
        };
        let mut wtr = csv::WriterBuilder::new()
            .delimiter(delimiter)
            .terminator(terminator)
            .from_writer(start);
        for rec in rdr.records() {
            wtr.write_record(&rec.expect("a demo row"))
                .expect("write row");
        }
        wtr.into_inner().expect("the written bytes")
    });
}
