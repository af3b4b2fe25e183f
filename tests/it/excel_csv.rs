//! Issue 17, part 4: the schedule's CSV files open in columns in a Dutch Excel (`;` and a
//! BOM) unless `--csv-format plain`, and `check` reads both back.

use crate::support::{demo, nt2plan, stdout, tree};

/// The records of a CSV file in either layout, read with the csv crate (BOM removed).
fn records(bytes: &[u8], delimiter: u8) -> Vec<Vec<String>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    csv::ReaderBuilder::new()
        .has_headers(false)
        .delimiter(delimiter)
        .from_reader(bytes)
        .records()
        .map(|r| r.expect("valid CSV").iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn solve_writes_excel_csv_by_default_and_plain_on_request_and_check_reads_both() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (excel, plain) = (dir.path().join("excel"), dir.path().join("plain"));
    for (out, extra) in [(&excel, None), (&plain, Some("plain"))] {
        let mut args = vec![
            "solve".to_string(),
            demo().display().to_string(),
            "-o".into(),
            out.display().to_string(),
            "--no-highest".into(),
        ];
        if let Some(format) = extra {
            args.extend(["--csv-format".to_string(), format.to_string()]);
        }
        let solved = nt2plan(&args);
        assert_eq!(solved.status.code(), Some(0), "{}", stdout(&solved));
        let checked = nt2plan([
            "check",
            &demo().display().to_string(),
            &out.display().to_string(),
        ]);
        assert_eq!(checked.status.code(), Some(0), "{}", stdout(&checked));
    }
    let (excel, plain) = (tree(&excel), tree(&plain));
    let csv_files: Vec<&String> = excel.keys().filter(|n| n.ends_with(".csv")).collect();
    assert_eq!(
        csv_files,
        [
            "mentoring.csv",
            "observations.csv",
            "placements.csv",
            "timetable.csv"
        ]
    );
    for name in csv_files {
        let (e, p) = (&excel[name], &plain[name]);
        assert!(e.starts_with(b"\xEF\xBB\xBF"), "{name} has a BOM");
        assert!(!p.starts_with(b"\xEF\xBB\xBF"), "{name} plain has none");
        let header = |b: &[u8]| b.split(|&c| c == b'\n').next().map(<[u8]>::to_vec);
        assert!(header(e).is_some_and(|h| h.contains(&b';') && !h.contains(&b',')));
        assert!(header(p).is_some_and(|h| h.contains(&b',') && !h.contains(&b';')));
        assert_eq!(records(e, b';'), records(p, b','), "{name}: the same table");
    }
    // Nothing else differs: the reports do not depend on the CSV layout.
    for (name, bytes) in &excel {
        if !name.ends_with(".csv") {
            assert_eq!(Some(bytes), plain.get(name), "{name}");
        }
    }
}

#[test]
fn an_unknown_csv_format_is_a_usage_error() {
    let out = nt2plan([
        "solve",
        &demo().display().to_string(),
        "--csv-format",
        "tsv",
    ]);
    assert_eq!(out.status.code(), Some(2));
}
