//! The `SEQUENCE` of every event in the `calendars/*.ics` of a schedule folder, so that a
//! replan's calendars can number their events above CURRENT's (`report::calendar`).
//!
//! Only what that needs is read: in each `VEVENT` its `UID` and `SEQUENCE` (0 when absent,
//! as RFC 5545 says), after unfolding the lines. A folder without `calendars/` has no
//! events. A file that cannot be read, or a `SEQUENCE` that is not a number, is W508: the
//! replan still runs, counting that file's events from 0.

use crate::diag::{Diagnostic, Diagnostics, WarningCode};
use std::collections::BTreeMap;
use std::path::Path;

/// The highest `SEQUENCE` of each UID over the folder's `calendars/*.ics`.
pub fn sequences(dir: &Path, diags: &mut Diagnostics) -> BTreeMap<String, u32> {
    let mut out = BTreeMap::new();
    let Ok(listing) = std::fs::read_dir(dir.join("calendars")) else {
        return out;
    };
    let mut paths: Vec<_> = listing
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "ics"))
        .collect();
    paths.sort();
    for path in paths {
        let name = format!(
            "calendars/{}",
            path.file_name().unwrap_or_default().to_string_lossy()
        );
        match std::fs::read(&path).map(String::from_utf8) {
            Ok(Ok(text)) => read_events(&name, &text, &mut out, diags),
            Ok(Err(_)) => diags.push(unreadable(&name, "not UTF-8 text".to_string())),
            Err(e) => diags.push(unreadable(&name, e.to_string())),
        }
    }
    out
}

fn unreadable(file: &str, why: String) -> Diagnostic {
    Diagnostic::warning(
        WarningCode::CalendarUnreadable,
        file,
        format!("{file} cannot be read ({why}); its events count from SEQUENCE 0"),
    )
    .fix("leave the calendars of CURRENT as nt2plan wrote them, or remove the file")
    .nl(format!(
        "{file} is niet te lezen ({why}); de afspraken tellen vanaf SEQUENCE 0"
    ))
    .fix_nl("laat de agendabestanden van CURRENT zoals nt2plan ze schreef, of haal het bestand weg")
}

/// The events of one file into `out`, each UID at the highest SEQUENCE seen.
fn read_events(file: &str, text: &str, out: &mut BTreeMap<String, u32>, diags: &mut Diagnostics) {
    // Unfolded lines with the number of the line each starts on.
    let mut lines: Vec<(u64, String)> = Vec::new();
    for (i, raw) in text.split('\n').enumerate() {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        match (raw.strip_prefix([' ', '\t']), lines.last_mut()) {
            (Some(rest), Some((_, last))) => last.push_str(rest),
            _ => lines.push((i as u64 + 1, raw.to_string())),
        }
    }
    let mut event: Option<(Option<String>, u32)> = None;
    for (line, text) in &lines {
        let (name, value) = text.split_once(':').unwrap_or((text, ""));
        let name = name.split(';').next().unwrap_or_default();
        match (name.to_ascii_uppercase().as_str(), &mut event) {
            ("BEGIN", _) if value == "VEVENT" => event = Some((None, 0)),
            ("END", Some((uid, sequence))) if value == "VEVENT" => {
                if let Some(uid) = uid.take() {
                    let seen = out.entry(uid).or_insert(0);
                    *seen = (*seen).max(*sequence);
                }
                event = None;
            }
            ("UID", Some((uid, _))) => *uid = Some(value.to_string()),
            ("SEQUENCE", Some((_, sequence))) => match value.trim().parse() {
                Ok(n) => *sequence = n,
                Err(_) => diags.push(
                    Diagnostic::warning(
                        WarningCode::CalendarUnreadable,
                        file,
                        format!("SEQUENCE \"{value}\" is not a whole number; counted as 0"),
                    )
                    .at(*line, None)
                    .field("SEQUENCE")
                    .fix("leave the calendars of CURRENT as nt2plan wrote them")
                    .nl(format!(
                        "SEQUENCE \"{value}\" is geen geheel getal; geteld als 0"
                    ))
                    .fix_nl("laat de agendabestanden van CURRENT zoals nt2plan ze schreef"),
                ),
            },
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> (BTreeMap<String, u32>, Diagnostics) {
        let mut diags = Diagnostics::default();
        let mut out = BTreeMap::new();
        read_events("calendars/T01.ics", text, &mut out, &mut diags);
        (out, diags)
    }

    #[test]
    fn each_uid_gets_its_highest_sequence_absent_is_0_and_folded_uids_are_unfolded() {
        let text = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:a@x\r\nEND:VEVENT\r\n\
                    BEGIN:VEVENT\r\nSEQUENCE:3\r\nUID:b@\r\n x\r\nEND:VEVENT\r\n\
                    BEGIN:VEVENT\r\nUID:b@x\r\nSEQUENCE:1\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n\
                    END:VCALENDAR\r\n";
        let (out, diags) = read(text);
        assert!(diags.is_empty());
        assert_eq!(
            out,
            BTreeMap::from([("a@x".to_string(), 0), ("b@x".to_string(), 3)])
        );
    }

    #[test]
    fn a_sequence_that_is_no_number_is_w508_at_its_line() {
        let (out, diags) = read("BEGIN:VEVENT\nUID:a@x\nSEQUENCE:two\nEND:VEVENT\n");
        assert_eq!(out.get("a@x"), Some(&0));
        let d: Vec<_> = diags.iter().collect();
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].code().as_str(), "W508");
        assert_eq!(d[0].line, Some(3));
    }

    #[test]
    fn a_folder_without_calendars_has_no_events() {
        let tmp = tempfile::tempdir().expect("temp dir");
        let mut diags = Diagnostics::default();
        assert!(sequences(tmp.path(), &mut diags).is_empty());
        assert!(diags.is_empty());
    }
}
