//! Word lists that make generated instances look like a real Dutch school. Fixed arrays in a
//! fixed order, so that the same seed picks the same names everywhere.

/// Dutch cities with the three-letter abbreviation used in course codes (`B1-UTR-01`).
/// Every abbreviation is unique; the list bounds the number of locations.
pub const CITIES: &[(&str, &str)] = &[
    ("Utrecht", "UTR"),
    ("Amsterdam", "AMS"),
    ("Rotterdam", "RTM"),
    ("Den Haag", "DHG"),
    ("Eindhoven", "EHV"),
    ("Groningen", "GRO"),
    ("Tilburg", "TLB"),
    ("Almere", "ALM"),
    ("Breda", "BRD"),
    ("Nijmegen", "NMG"),
    ("Apeldoorn", "APD"),
    ("Haarlem", "HLM"),
    ("Arnhem", "ARN"),
    ("Enschede", "ENS"),
    ("Amersfoort", "AMF"),
    ("Zaandam", "ZDM"),
    ("Den Bosch", "DBS"),
    ("Zwolle", "ZWL"),
    ("Leiden", "LEI"),
    ("Zoetermeer", "ZTM"),
    ("Maastricht", "MST"),
    ("Dordrecht", "DDR"),
    ("Ede", "EDE"),
    ("Leeuwarden", "LWD"),
    ("Alkmaar", "ALK"),
    ("Emmen", "EMN"),
    ("Delft", "DLF"),
    ("Venlo", "VNL"),
    ("Deventer", "DVT"),
    ("Helmond", "HMD"),
    ("Hilversum", "HVS"),
    ("Heerlen", "HRL"),
    ("Gouda", "GDA"),
    ("Lelystad", "LLS"),
    ("Assen", "ASN"),
];

/// First names of teachers and mentors: Dutch, and the backgrounds common among NT2 staff.
pub const FIRST_NAMES: &[&str] = &[
    "Anna", "Bram", "Chantal", "Dirk", "Esra", "Fatima", "Gerrit", "Hanneke", "Ivo", "Jolanda",
    "Karim", "Lotte", "Marieke", "Nadia", "Olga", "Pieter", "Rachida", "Sanne", "Thijs", "Ursula",
    "Vera", "Willem", "Yasmina", "Zeynep", "Annelies", "Bas", "Carla", "Daan", "Eline", "Femke",
    "Gijs", "Hatice", "Ingrid", "Joost", "Kees", "Linda", "Mohamed", "Noor", "Petra", "Rik",
    "Saskia", "Tom", "Wendy", "Youssef", "Ilse", "Mirjam", "Ruud", "Samira", "Henk", "Mila",
];

/// Surnames, with the Dutch particles (`de`, `van`) as part of the name.
pub const SURNAMES: &[&str] = &[
    "de Vries",
    "Jansen",
    "Bakker",
    "Visser",
    "Yilmaz",
    "El Amrani",
    "Smit",
    "Mulder",
    "de Boer",
    "Peters",
    "Haddad",
    "van Dijk",
    "Hoekstra",
    "de Jong",
    "van den Berg",
    "Bos",
    "Vos",
    "Dekker",
    "Meijer",
    "Kok",
    "Vermeulen",
    "van Leeuwen",
    "Brouwer",
    "de Graaf",
    "Kaya",
    "Bouzid",
    "Hendriks",
    "van der Linden",
    "Koster",
    "Prins",
    "Huisman",
    "Postma",
    "Kuipers",
    "Veenstra",
    "Öztürk",
    "Benali",
    "Willems",
    "van Wijk",
    "Schouten",
    "Groot",
];

/// School names (Keurmerkhouders are language schools, ROCs, volksuniversiteiten).
pub const SCHOOL_NAMES: &[&str] = &[
    "Taalschool De Brug",
    "Taalcentrum Het Anker",
    "NT2 Instituut Samen Verder",
    "Taalhuis De Wegwijzer",
    "Inburgeringsschool Nieuw Thuis",
    "Taalinstituut De Horizon",
    "Volksuniversiteit Taal & Meer",
    "Taalschool Open Deur",
];

/// Reasons a teacher is away for a week.
pub const ABSENCE_REASONS: &[&str] = &["nascholing", "ziekteverlof", "verlof", "bijzonder verlof"];
