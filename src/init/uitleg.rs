//! The texts of the `Uitleg` sheet: what every key of the `School` sheet and every column
//! of the other sheets means, in Dutch.

/// The keys of the `School` sheet with their meaning.
pub const SCHOOL_KEYS: &[(&str, &str)] = &[
    ("name", "naam van de school, zoals elk rapport die toont"),
    ("bow_number", "registratienummer bij Blik op Werk (BOW-...)"),
    (
        "main_location",
        "hoofdlocatie (voor de verklaring van Bijlage 1)",
    ),
    (
        "locations",
        "alle locaties, als lijst: [\"Utrecht\", \"Amersfoort\"]; zet nieuwe locaties ook op het blad Lijsten",
    ),
    (
        "rules",
        "de normen: addendum-2025 of handleiding-2024 (nt2plan rules), of een eigen bestand",
    ),
    ("term_start", "eerste dag van de periode (datum)"),
    ("term_end", "laatste dag van de periode (datum)"),
    (
        "closed",
        "gesloten dagen, als lijst: [{ from = \"2025-10-20\", to = \"2025-10-24\", reason = \"herfstvakantie\" }]",
    ),
    (
        "blocks.NAAM",
        "een lesblok en zijn tijden, bijv. blocks.morning = 09:00-12:00",
    ),
    (
        "profiles.NAAM",
        "een profiel van de school en de groottenorm uit de normen (NT2/B1, Alfabetisering/Z-route, ONA/KNM)",
    ),
    (
        "observations_per_teacher",
        "observatielessen per niet-gecertificeerde docent (Bijlage 2)",
    ),
    (
        "certification_deadline_years",
        "jaren tot de certificering van een niet-gecertificeerde docent (standaard 2)",
    ),
    (
        "weights.NAAM",
        "gewichten van de optimalisatie (zie de README), alle optioneel",
    ),
];

/// The meaning of `column` in `file`.
pub fn meaning(file: &str, column: &str) -> &'static str {
    match (file, column) {
        ("teachers.csv", "id") => "code van de docent, uniek (T01)",
        ("students.csv", "id") => "code van de cursist, uniek; geen namen (persoonsgegevens)",
        ("mentors.csv", "id") => "code van de externe begeleider, uniek (M01)",
        ("groups.csv", "start") => "eerste lesdag (datum); leeg: begin van de periode",
        ("groups.csv", "end") => "laatste lesdag (datum); leeg: einde van de periode",
        ("students.csv", "locations") => {
            "locaties waar de cursist kan komen, op volgorde van voorkeur, gescheiden door ;"
        }
        ("students.csv", "available") | ("teachers.csv", "available") => {
            "wanneer beschikbaar: * (altijd), ma-* (hele maandag) of ma-morning, gescheiden door ;"
        }
        ("students.csv", "group") => "cursuscode van een vaste groep; leeg: nt2plan kiest",
        ("rooms.csv", "id") => "code van het lokaal, uniek (UTR-1.01)",
        ("rooms.csv", "location") => "locatie van het lokaal",
        ("rooms.csv", "capacity") => "hoeveel cursisten het lokaal zit",
        ("rooms.csv", "available") => {
            "wanneer beschikbaar: * of leeg (altijd), ma-* of ma-morning, gescheiden door ;"
        }
        ("locks.csv", "slot") => "lesmoment (ma-morning); leeg: elk lesmoment",
        ("locks.csv", "date") => "datum; leeg: elke datum",
        (_, "name") => "naam",
        (_, "register") => {
            "bvnt2 of kwaliteitsregister (gecertificeerd), none (niet gecertificeerd)"
        }
        (_, "locations") => "locaties, gescheiden door ;",
        (_, "profiles") => "profielen die de docent geeft, gescheiden door ;",
        (_, "max_lessons_per_week") => "hoogstens zoveel lessen per week",
        (_, "min_lessons_per_week") => "minstens zoveel lessen per week (optioneel)",
        (_, "min_lessons_per_term") => "minstens zoveel lessen in de periode (optioneel)",
        (_, "max_lessons_per_term") => "hoogstens zoveel lessen in de periode (optioneel)",
        (_, "prefers") => "lesmomenten die de docent graag geeft (optioneel)",
        (_, "avoids") => "lesmomenten die de docent liever niet geeft (optioneel)",
        (_, "mentor_capacity") => "hoeveel niet-gecertificeerde collega's deze docent begeleidt",
        (_, "course_code") => "cursuscode van de groep, uniek (B1-01)",
        (_, "location") => "locatie van de groep",
        (_, "profile") => "profiel (zie School: profiles.NAAM)",
        (_, "law") => "wet: wi2021 of wi2013",
        (_, "slots") => {
            "wekelijkse lesmomenten, dag-blok gescheiden door ; (ma-morning;wo-morning)"
        }
        (_, "optional") => "ja: de groep mag dicht blijven; nee: de groep gaat door",
        (_, "min_size") => "minimaal aantal cursisten om een optionele groep te openen",
        (_, "capacity") => "hoeveel docenten deze begeleider begeleidt",
        (_, "teacher") => "code van de docent",
        (_, "from") => "eerste dag van afwezigheid (datum)",
        (_, "to") => "laatste dag van afwezigheid (datum, tot en met)",
        (_, "reason") => "reden (optioneel)",
        (_, "rule") => "geeft: deze docent geeft deze lessen; nooit: geeft ze niet",
        _ => "",
    }
}
