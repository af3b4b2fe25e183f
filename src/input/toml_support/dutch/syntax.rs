//! The TOML reader's syntax errors in Dutch: the descriptions that `toml_parser`,
//! `toml_datetime` and `toml` (1.x) write, with what they expected where that says more
//! (which part of a date, which value). A description without a Dutch text gives `None`,
//! and the caller keeps the reader's English.

/// The Dutch text for the syntax error `what`, expecting `expected` (may be empty).
pub(super) fn dutch(what: &str, expected: &str) -> Option<String> {
    if let Some(nl) = fixed(what) {
        return Some(nl.to_string());
    }
    if let Some(kind) = what
        .strip_prefix("cannot extend value of type ")
        .and_then(|rest| rest.strip_suffix(" with a dotted key"))
    {
        return Some(format!(
            "een sleutel met een punt vult {} aan die eerder is gegeven; alleen een tabel kan zo worden aangevuld",
            kind_nl(kind)
        ));
    }
    let (part, how) = match what {
        "invalid date" => (
            "dit is geen geldige datum",
            "; schrijf JJJJ-MM-DD, bijvoorbeeld 2025-09-01",
        ),
        "invalid time" => (
            "dit is geen geldige tijd",
            "; schrijf UU:MM:SS, bijvoorbeeld 09:30:00",
        ),
        "invalid date-time" | "invalid datetime" => (
            "dit is geen geldige datum of tijd",
            "; schrijf een datum als JJJJ-MM-DD, bijvoorbeeld 2025-09-01",
        ),
        "invalid offset" => (
            "de tijdzone is niet goed geschreven",
            "; schrijf Z, +UU:MM of -UU:MM",
        ),
        _ => return None,
    };
    Some(match date_part(expected) {
        Some(wanted) => format!("{part} (verwacht: {wanted}){how}"),
        None => format!("{part}{how}"),
    })
}

/// The descriptions whose Dutch needs none of the message's values.
fn fixed(what: &str) -> Option<&'static str> {
    Some(match what {
        "duplicate key" => "deze sleutel staat al eerder in het bestand",
        "string values must be quoted" => "tekst moet tussen aanhalingstekens staan",
        "missing value" | "missing value for key" => "na het =-teken ontbreekt de waarde",
        "key with no value" => "na de sleutel horen een = en een waarde (sleutel = waarde)",
        "missing assignment between key-value pairs" | "invalid key-value pair" => {
            "een regel hoort sleutel = waarde te zijn"
        }
        "extra `=`" | "extra assignment between key-value pairs" => "hier staat een = te veel",
        "unexpected `=` in array" => "in een lijst hoort geen =",
        "missing comma between array elements" => "tussen de waarden van een lijst hoort een komma",
        "missing comma between key-value pairs" => {
            "tussen de sleutels van een inline-tabel hoort een komma"
        }
        "extra comma in array" | "extra comma in inline table" => "hier staat een komma te veel",
        "unclosed array" => "de lijst wordt niet gesloten met ]",
        "unclosed table" => "de tabelnaam wordt niet gesloten met ]",
        "unclosed array table" => "de tabelnaam wordt niet gesloten met ]]",
        "unclosed inline table" => "de inline-tabel wordt niet gesloten met }",
        "missing array opening" | "missing table open" => "hier hoort een [",
        "missing inline table opening" => "hier hoort een {",
        "missing key for inline table element" | "invalid inline table element" => {
            "in een inline-tabel hoort elke waarde bij een sleutel (sleutel = waarde)"
        }
        "invalid unquoted key" | "unquoted keys cannot be empty" => {
            "dit is geen geldige sleutel (gebruik letters, cijfers, _ en -, of aanhalingstekens)"
        }
        "keys cannot be multi-line basic strings" | "keys cannot be multi-line literal strings" => {
            "een sleutel kan geen tekst over meerdere regels zijn"
        }
        "invalid basic string" | "invalid literal string" | "invalid string" => {
            "de tekst tussen aanhalingstekens wordt op deze regel niet gesloten of bevat een teken dat niet mag"
        }
        "invalid multi-line basic string" | "invalid multi-line literal string" => {
            "de tekst over meerdere regels wordt niet gesloten (met \"\"\" of ''') of bevat een teken dat niet mag"
        }
        "missing opening quote" => "de tekst tussen aanhalingstekens is niet goed geschreven",
        "missing escaped value" | "invalid escape sequence" => {
            "na een \\ in tekst tussen dubbele aanhalingstekens hoort een geldige code (zoals \\n, \\\\ of \\\"); schrijf een \\ zelf als \\\\, of zet de tekst tussen enkele aanhalingstekens"
        }
        "too few unicode value digits" | "invalid unicode value" => {
            "na \\u horen 4 en na \\U 8 hexadecimale cijfers (0-9, a-f)"
        }
        "unexpected content"
        | "unexpected key or value"
        | "unexpected content between comment and newline" => "hier staat iets wat niet past",
        "invalid comment character" => "in de opmerking (na #) staat een stuurteken; haal het weg",
        "missing comment start" => "een opmerking begint met #",
        "carriage return must be followed by newline" => {
            "hier staat een los regeleinde-teken (CR); sla het bestand op met gewone regeleinden"
        }
        "unexpected leading zero" => "een getal mag niet met een 0 beginnen",
        "`_` may only go between digits" => {
            "een _ in een getal mag alleen tussen twee cijfers staan"
        }
        "invalid integer number" => "dit is geen geldig geheel getal",
        "invalid hexadecimal number" => {
            "dit is geen geldig hexadecimaal getal (0x met cijfers 0-9 en a-f)"
        }
        "invalid octal number" => "dit is geen geldig octaal getal (0o met cijfers 0-7)",
        "invalid binary number" => "dit is geen geldig binair getal (0b met cijfers 0 en 1)",
        "integers with a radix cannot be signed" => {
            "een getal met 0x, 0o of 0b kan geen + of - ervoor hebben"
        }
        "radix must be lowercase" => "schrijf 0x, 0o en 0b met een kleine letter",
        "redundant numeric sign" => "een getal heeft hoogstens één + of -",
        "unexpected sign" => "hier hoort geen + of -",
        "redundant integer number prefix" => "een getal heeft hoogstens één 0x, 0o of 0b",
        "invalid float" | "invalid mantissa" => {
            "dit is geen geldig getal (een kommagetal schrijf je met een punt, bijvoorbeeld 1.5)"
        }
        "invalid fraction" => "na de punt in een getal horen cijfers (bijvoorbeeld 1.5)",
        "invalid exponent" => "na de e in een getal horen cijfers (bijvoorbeeld 1e3)",
        "integer number overflowed" => "dit gehele getal is te groot",
        "floating-point number overflowed" => "dit getal is te groot",
        "invalid boolean" => {
            "een ja/nee-waarde is true of false, in kleine letters en zonder aanhalingstekens"
        }
        "invalid value" => "dit is geen geldige waarde",
        "recursion limit" | "cannot recurse further; max recursion depth met" => {
            "de lijsten of tabellen zijn hier te diep in elkaar genest"
        }
        _ => return None,
    })
}

/// A kind of TOML value, in Dutch, with its article.
fn kind_nl(kind: &str) -> &str {
    match kind {
        "integer" | "float" => "een getal",
        "string" => "een tekst",
        "boolean" => "een ja/nee-waarde",
        "datetime" | "date-time" => "een datum",
        "array" => "een lijst",
        "inline table" => "een inline-tabel",
        "table" => "een tabel",
        _ => "een waarde",
    }
}

/// What part of a date or time `toml_datetime` expected, in Dutch; `None` when unknown.
fn date_part(expected: &str) -> Option<String> {
    let between = |unit: &str, rest: &str| {
        rest.split_once(" and ")
            .map(|(low, high)| format!("{unit} van {low} tot en met {high}"))
    };
    if let Some(rest) = expected.strip_prefix("day between ") {
        return between("een dag", rest);
    }
    if let Some(rest) = expected.strip_prefix("month between ") {
        return between("een maand", rest);
    }
    if let Some(rest) = expected
        .strip_prefix("hour between ")
        .or_else(|| expected.strip_prefix("hours between "))
    {
        return between("een uur", rest);
    }
    if let Some(rest) = expected
        .strip_prefix("minute between ")
        .or_else(|| expected.strip_prefix("minutes between "))
    {
        return between("minuten", rest);
    }
    if let Some(rest) = expected.strip_prefix("second between ") {
        return between("seconden", rest);
    }
    let nl = match expected {
        "a four-digit year (YYYY)" => "een jaar van vier cijfers (JJJJ)",
        "a two-digit month (MM)" => "een maand van twee cijfers (MM)",
        "a two-digit day (DD)" => "een dag van twee cijfers (DD)",
        "a two-digit hour (HH)" => "een uur van twee cijfers (UU)",
        "a two-digit minute (MM)" => "minuten van twee cijfers (MM)",
        "a two-digit second (SS)" => "seconden van twee cijfers (SS)",
        "`T` between date and time" => "een T tussen datum en tijd",
        "`-` (MM-DD)" => "een - tussen maand en dag (MM-DD)",
        "`-` (YYYY-MM) or `:` (HH:MM)" => "een - (JJJJ-MM) of een : (UU:MM)",
        "`:` (HH:MM)" => "een : (UU:MM)",
        "`Z`, +OFFSET, -OFFSET" => "Z, +UU:MM of -UU:MM",
        "year or hour" => "een jaar of een uur",
        "month" => "de maand",
        "day" => "de dag",
        "hour" => "het uur",
        "minute" => "de minuten",
        "second" => "de seconden",
        "nanosecond" => "de fracties van een seconde",
        _ => return None,
    };
    Some(nl.to_string())
}
