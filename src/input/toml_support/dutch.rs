//! The TOML reader's messages in Dutch. The toml crate and serde write them in English; a
//! Dutch sentence is made from the kind of error, the key and the values in the message,
//! and the English detail is kept (after "de lezer meldt:") only where no Dutch text fits.

mod syntax;

/// The Dutch message for the TOML reader's `msg` (one line); `key` is the key on the line
/// of the error, when the line has one.
pub(super) fn message(msg: &str, key: Option<&str>) -> String {
    let on_key = key.map_or_else(String::new, |k| format!(" bij sleutel `{k}`"));
    if let Some(rest) = msg.strip_prefix("missing field ") {
        return format!("de verplichte sleutel {} ontbreekt", first_quoted(rest));
    }
    if let Some(rest) = msg.strip_prefix("unknown field ") {
        let (name, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        // serde writes "`a`", "`a` or `b`", or "one of `a`, `b`, `c`".
        let known = expected.strip_prefix("one of ").unwrap_or(expected);
        let known = known.replace("` or `", "` of `");
        return if known.is_empty() || rest.contains("there are no fields") {
            format!("sleutel {} is hier onbekend", name.trim_end_matches(','))
        } else {
            format!("sleutel {name} is hier onbekend; bekende sleutels: {known}")
        };
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        let expected = expected_nl(expected);
        return format!(
            "de waarde{on_key} heeft het verkeerde type: {} waar {expected} hoort",
            found_nl(found)
        );
    }
    if msg.contains("did not match any variant") {
        return format!("de waarde{on_key} heeft geen van de vormen die hier passen");
    }
    if let Some(rest) = msg.strip_prefix("invalid value: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return format!(
            "de waarde{on_key} is hier niet toegestaan: {}, verwacht: {}",
            found_nl(found),
            expected_nl(expected)
        );
    }
    let (what, expected) = msg.split_once(", expected").unwrap_or((msg, ""));
    match syntax::dutch(what.trim(), expected.trim()) {
        Some(nl) => format!("de TOML is hier niet te lezen: {nl}"),
        None => format!("de TOML is hier niet te lezen (de lezer meldt: {msg})"),
    }
}

/// The key that a `key = value` line sets, from the line around byte `offset` of `src`.
pub(super) fn key_at(src: &str, offset: usize) -> Option<&str> {
    let offset = offset.min(src.len());
    let start = src.get(..offset)?.rfind('\n').map_or(0, |i| i + 1);
    let line = src.get(start..)?.lines().next()?;
    let (key, _) = line.split_once('=')?;
    let key = key.trim().trim_matches('"');
    (!key.is_empty() && !key.starts_with('[') && !key.contains(['{', '#'])).then_some(key)
}

/// The first `quoted` word of `text`, with its backquotes.
fn first_quoted(text: &str) -> &str {
    text.split_once(',').map_or(text, |(a, _)| a).trim()
}

/// What was found, in Dutch: serde's `string "x"`, `integer `5``, … .
fn found_nl(found: &str) -> String {
    let table = [
        ("string ", "de tekst "),
        ("integer ", "het getal "),
        ("floating point ", "het getal "),
        ("boolean ", "de waarde "),
        ("sequence", "een lijst"),
        ("map", "een tabel"),
        ("unit value", "een lege waarde"),
    ];
    for (en, nl) in table {
        if let Some(rest) = found.strip_prefix(en) {
            return format!("{nl}{rest}");
        }
    }
    found.to_string()
}

/// What was expected, in Dutch: serde's `a string`, `u32`, `a sequence`, … .
fn expected_nl(expected: &str) -> String {
    let nl = match expected.trim() {
        "a string" | "a borrowed string" | "string" => "tekst tussen aanhalingstekens",
        "u8" | "u16" | "u32" | "u64" | "usize" => "een geheel getal van 0 of meer",
        "i8" | "i16" | "i32" | "i64" | "isize" | "i128" => "een geheel getal",
        "f32" | "f64" => "een getal",
        "a boolean" | "bool" => "true of false",
        "a sequence" | "an array" => "een lijst tussen [ en ]",
        "a map" | "a table" => "een tabel",
        "a date" | "a datetime" | "a TOML datetime" => "een datum",
        "" => "een andere waarde",
        other if other.starts_with("struct ") || other.starts_with("map") => "een tabel",
        other if other.starts_with("a sequence") || other.starts_with("tuple") => {
            "een lijst tussen [ en ]"
        }
        other => return format!("{other} (zoals de README noemt)"),
    };
    nl.to_string()
}
