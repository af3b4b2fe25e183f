//! The code table: one row per problem code. See [`super::codes`] for what a row gives;
//! `nt2plan codes` and the README list these rows, and a Dutch document gives the Dutch meaning.
//!
//! Never renumber a code once released; add a row to the section of its kind.

use super::codes::{FindingSeverity, Kind, Row, code_table};

code_table! {
    errors {
        // Files and formats
        FileMissing = "E101",
            "a required file is missing",
            "een verplicht bestand ontbreekt";
        FileUnreadable = "E102",
            "a file cannot be read (I/O error or not UTF-8 text)",
            "een bestand is niet te lezen (een leesfout, of geen UTF-8-tekst)";
        CsvSyntax = "E103",
            "a CSV row cannot be parsed (e.g. a different number of fields than the header)",
            "een regel van een CSV-bestand is niet te lezen (bijvoorbeeld een ander aantal velden dan de kopregel)";
        ColumnMissing = "E104",
            "a required column is missing from a CSV header",
            "een verplichte kolom ontbreekt in de kopregel van een CSV-bestand";
        ColumnUnknown = "E105",
            "a CSV header has a column this file does not know",
            "de kopregel van een CSV-bestand heeft een kolom die dit bestand niet kent";
        ColumnDuplicated = "E106",
            "a CSV header names the same column twice",
            "de kopregel van een CSV-bestand noemt dezelfde kolom twee keer";
        FileEmpty = "E107",
            "a CSV file is empty (not even a header)",
            "een CSV-bestand is leeg (er is zelfs geen kopregel)";
        TomlSyntax = "E108",
            "a TOML file is not valid TOML",
            "een TOML-bestand is geen geldige TOML";
        TomlMissingKey = "E109",
            "a TOML file lacks a required key",
            "in een TOML-bestand ontbreekt een verplichte sleutel";
        TomlUnknownKey = "E110",
            "a TOML file has a key this file does not know",
            "een TOML-bestand heeft een sleutel die dit bestand niet kent";
        TomlWrongType = "E111",
            "a TOML value has the wrong type",
            "een waarde in een TOML-bestand heeft het verkeerde type";
        // Values
        ValueEmpty = "E201",
            "a required value is empty",
            "een verplichte waarde is leeg";
        BadDate = "E202",
            "a date is not an ISO date YYYY-MM-DD",
            "een datum is geen ISO-datum JJJJ-MM-DD";
        BadTime = "E203",
            "a time or time range is not HH:MM or HH:MM-HH:MM",
            "een tijd of tijdvak is niet geschreven als UU:MM of UU:MM-UU:MM";
        BadNumber = "E204",
            "a number is not a whole number of 0 or more, or too large",
            "een getal is geen geheel getal van 0 of meer, of het is te groot";
        BadRegister = "E205",
            "a register is not bvnt2, kwaliteitsregister or none",
            "een register is niet bvnt2, kwaliteitsregister of none";
        BadLaw = "E206",
            "a law is not wi2013 or wi2021",
            "een wet is niet wi2013 of wi2021";
        BadYesNo = "E207",
            "a yes/no value is not yes or no",
            "een ja/nee-waarde is niet yes of no";
        BadSlot = "E208",
            "a slot or availability entry is not DAY-BLOCK, DAY-* or *",
            "een lesmoment of beschikbaarheid is niet geschreven als DAG-BLOK, DAG-* of *";
        BadShare = "E209",
            "a share is not a number from 0 to 1",
            "een aandeel is geen getal van 0 tot en met 1";
        RoomCapacityZero = "E211",
            "a room's capacity is 0",
            "de capaciteit van een lokaal is 0";
        // References
        UnknownBlock = "E301",
            "a slot names a block that school.toml does not define",
            "een lesmoment noemt een blok dat niet in school.toml staat";
        UnknownLocation = "E302",
            "a location is not one of the school's locations",
            "een locatie is geen van de locaties van de school";
        UnknownProfile = "E303",
            "a profile is not known to school.toml or the rule set",
            "een profiel staat niet in school.toml en ook niet in de regeling";
        UnknownSizeClass = "E304",
            "a profile maps to a size class the rule set does not have",
            "een profiel hoort bij een grootteklasse die de regeling niet kent";
        UnknownTeacher = "E305",
            "a teacher id is not in teachers.csv",
            "een docent-id staat niet in teachers.csv";
        UnknownCourse = "E306",
            "a course code is not in groups.csv",
            "een cursuscode staat niet in groups.csv";
        UnknownStudent = "E307",
            "a student id is not in students.csv",
            "een cursist-id staat niet in students.csv";
        UnknownMentor = "E308",
            "a mentor is neither a teacher nor an external mentor",
            "een begeleider is geen docent en ook geen externe begeleider";
        DuplicateId = "E309",
            "an id or course code appears twice",
            "een id of cursuscode komt twee keer voor";
        // Consistency
        EndBeforeStart = "E401",
            "an end date or time lies before its start",
            "een einddatum of eindtijd ligt vóór het begin";
        GroupWithoutLessons = "E402",
            "a group has no lesson dates (all dates closed or outside its range)",
            "een groep heeft geen lesdata (alle data zijn gesloten of vallen buiten haar periode)";
        OutsideTerm = "E403",
            "a group's dates lie outside the term",
            "de data van een groep vallen buiten de lesperiode";
        OutsideRuleValidity = "E404",
            "a lesson is dated outside the validity of the rule set",
            "een les valt buiten de geldigheidsduur van de regeling";
        UnknownRuleSet = "E405",
            "a rule set is neither built in nor a readable file",
            "een regeling is niet ingebouwd en ook geen leesbaar bestand";
        InvalidRuleSet = "E406",
            "a rule set's values contradict each other",
            "de waarden van een regeling spreken elkaar tegen";
        BadLockRule = "E210",
            "a lock's rule is not gives or never",
            "de regel van een vastzetting is niet gives of never";
        PinContradiction = "E407",
            "a pinned placement contradicts the student's or group's data",
            "een vastgezette plaatsing is in strijd met de gegevens van de cursist of de groep";
        MinSizeTooLarge = "E408",
            "a group's min_size exceeds the largest size its class allows",
            "de min_size van een groep is groter dan haar grootteklasse toestaat";
        DuplicateSlot = "E409",
            "a group lists the same or overlapping weekly slot twice",
            "een groep noemt hetzelfde of een overlappend wekelijks lesmoment twee keer";
        TermTooLong = "E410",
            "the term spans more than two years (a mistyped year?)",
            "de lesperiode beslaat meer dan twee jaar (een jaartal verkeerd getypt?)";
        LockSlotNotInCourse = "E411",
            "a lock's slot is not a weekly slot of its course",
            "het lesmoment van een vastzetting is geen wekelijks lesmoment van de cursus";
        LockDateWithoutLesson = "E412",
            "a lock's date has no lesson of its course (in its slot)",
            "op de datum van een vastzetting heeft de cursus geen les (op dat lesmoment)";
        LockTeacherCannotGive = "E413",
            "a teacher locked to give a lesson cannot give it (location, profile, availability, unavailability)",
            "een docent die een les vast moet geven kan die les niet geven (locatie, profiel, beschikbaarheid, afwezigheid)";
        LockConflict = "E414",
            "locks contradict each other: two teachers give the same lesson, or one teacher gives and never gives it",
            "vastzettingen spreken elkaar tegen: twee docenten geven dezelfde les, of een docent geeft een les en geeft die nooit";
        ContractMinAboveMax = "E415",
            "a teacher's contract minimum exceeds a maximum (min_lessons_per_week above max_lessons_per_week, or min_lessons_per_term above max_lessons_per_term)",
            "een minimum uit het contract van een docent is groter dan een maximum (min_lessons_per_week boven max_lessons_per_week, of min_lessons_per_term boven max_lessons_per_term)";
        BadWish = "E416",
            "a teacher's wish (prefers, avoids) is neither a DAY-BLOCK slot, a course code nor a location",
            "een wens van een docent (prefers, avoids) is geen lesmoment DAG-BLOK, geen cursuscode en geen locatie";
        // Replan
        ReplanDate = "E417",
            "a replan's --from date is not a day of the term",
            "de datum --from van een herplanning is geen dag van de lesperiode";
        HistoryNotInInstance = "E418",
            "a lesson before a replan's --from date cannot stand in the edited instance (its group or teacher was removed, its group's dates, slots or times changed, or it exceeds its teacher's weekly maximum)",
            "een les vóór de datum --from van een herplanning past niet in de bewerkte gegevens (de groep of docent is verwijderd, de data, lesmomenten of tijden van de groep zijn veranderd, of de les gaat boven het weekmaximum van de docent)";
        // Rooms
        GroupWithoutRoom = "E419",
            "a group that must run has a weekly slot in which no room at its location is available that seats its min_size",
            "een groep die moet doorgaan heeft een wekelijks lesmoment waarop geen lokaal op haar locatie beschikbaar is dat plaats biedt aan haar min_size";
        UnknownRoom = "E420",
            "a room is not in rooms.csv",
            "een lokaal staat niet in rooms.csv";
        // A choice of meeting times
        EmptyAlternative = "E421",
            "a group's slots list an empty alternative (nothing between two bars, or a bar at the start or end)",
            "de lesmomenten van een groep noemen een leeg alternatief (niets tussen twee strepen, of een streep aan het begin of eind)";
        DuplicateAlternative = "E422",
            "a group's slots list the same alternative twice",
            "de lesmomenten van een groep noemen hetzelfde alternatief twee keer";
        AlternativesUnequal = "E423",
            "a group's alternatives have different numbers of weekly lessons",
            "de alternatieven van een groep hebben niet evenveel lessen per week";
        HistoryOutsideAlternatives = "E424",
            "in a replan, the lessons before --from of a group with a choice of meeting times do not all lie in one of its alternatives",
            "bij een herplanning liggen de lessen vóór --from van een groep met een keuze van lesmomenten niet allemaal in één van haar alternatieven";
        // Sweep scenario files and parts
        ScenarioInstance = "E601",
            "a scenario file's instance folder is missing or has errors",
            "de instantiemap van een scenariobestand ontbreekt of bevat fouten";
        BadLevels = "E602",
            "levels are empty, unordered, or not a range from/to/step",
            "de niveaus (levels) zijn leeg, niet oplopend, of geen reeks from/to/step";
        BadVary = "E603",
            "`vary` names no variation that takes a number, or an axis mixes levels and variants",
            "`vary` noemt geen variatie die een getal aanneemt, of een as mengt niveaus (levels) en varianten (variants)";
        BadVariation = "E604",
            "a variation's value is out of range or contradicts another",
            "de waarde van een variatie valt buiten het toegestane bereik of spreekt een andere variatie tegen";
        TooManyScenarios = "E605",
            "a sweep expands to more scenarios than the limit (10,000)",
            "een sweep levert meer scenario's op dan de grens (10.000)";
        BadPart = "E606",
            "a sweep part file cannot be read or is not a sweep part",
            "een deelbestand van een sweep is niet te lezen of is geen sweep-deel";
        PartsMismatch = "E607",
            "sweep parts come from different sweeps (their fingerprints differ: scenarios, instance files, rule sets, solver options or nt2plan version) or shard counts",
            "de delen van een sweep komen uit verschillende sweeps (hun vingerafdrukken verschillen: scenario's, instantiebestanden, regelsets, solverinstellingen of versie van nt2plan) of verschillen in het aantal shards";
        PartsIncomplete = "E608",
            "a shard is missing from the parts, did not finish (some of its jobs are not recorded), or is given twice",
            "een shard ontbreekt bij de delen, is niet afgemaakt (van een deel van zijn taken is geen verslag), of is twee keer opgegeven";
        UnknownSolver = "E609",
            "a scenario file's `solver` is not auto, highs or microlp",
            "de `solver` van een scenariobestand is niet auto, highs of microlp";
        LeaveUnknownTeacher = "E610",
            "a sweep variation's `leave` names a teacher who is not in the instance",
            "een `leave` in een variatie van een sweep noemt een docent die niet in de instantie staat";
        LeaveDateOutsideTerm = "E611",
            "a sweep variation's `leave` has a `from` that is not a date of the term",
            "een `leave` in een variatie van een sweep heeft een `from` die geen datum in de lesperiode is";
        UnknownRoomInVariation = "E612",
            "a sweep variation's `remove_rooms` names a room that is not in the instance's rooms.csv, or removes every room",
            "`remove_rooms` in een variatie van een sweep noemt een lokaal dat niet in rooms.csv van de instantie staat, of haalt alle lokalen weg";
        BadRoomsCapacity = "E613",
            "a sweep variation's `rooms_capacity_percent` is not a percentage from 0 to 100",
            "`rooms_capacity_percent` in een variatie van een sweep is geen percentage van 0 tot 100";
        LeaveLevels = "E614",
            "the levels of a `vary = \"leave_from\"` axis are not distinct dates of the term in ascending order",
            "de niveaus van een as `vary = \"leave_from\"` zijn geen verschillende datums in de lesperiode in oplopende volgorde";
        LeaveAxisTeacher = "E615",
            "a `vary = \"leave_from\"` axis has no `teacher`, names one who is not in the instance, or another axis has a `teacher`",
            "een as `vary = \"leave_from\"` heeft geen `teacher`, noemt een docent die niet in de instantie staat, of een andere as heeft een `teacher`";
    }
    warnings {
        // Warnings on input
        DayFirstDates = "W201",
            "dates are written day first (1-9-2025), as a Dutch Excel saves them, and were read so",
            "datums staan met de dag vooraan (1-9-2025), zoals een Nederlandse Excel ze opslaat, en zijn zo gelezen";
        TeacherTeachesNothing = "W501",
            "a teacher fits no group (location, profile, availability)",
            "een docent past bij geen enkele groep (locatie, profiel, beschikbaarheid)";
        StudentFitsNoGroup = "W502",
            "a student fits no group (profile, location, availability)",
            "een cursist past in geen enkele groep (profiel, locatie, beschikbaarheid)";
        CapacityIgnored = "W503",
            "a non-certified teacher has a mentor capacity, which is ignored",
            "een niet-gecertificeerde docent heeft een begeleidingscapaciteit; die telt niet mee";
        UnavailabilityOutsideTerm = "W504",
            "an unavailability period lies entirely outside the term",
            "een periode van afwezigheid ligt helemaal buiten de lesperiode";
        LockDuplicated = "W505",
            "the same lock is written twice",
            "dezelfde vastzetting staat er twee keer";
        OptionalGroupWithoutRoom = "W506",
            "an optional group has a weekly slot in which no room at its location is available that seats its min_size, so it stays closed",
            "een optionele groep heeft een wekelijks lesmoment waarop geen lokaal op haar locatie beschikbaar is dat plaats biedt aan haar min_size; zij gaat dus niet door";
        LockOnAlternative = "W507",
            "a lock names a slot that lies in some of its group's alternatives only: it holds only when one of those is chosen",
            "een vastzetting noemt een lesmoment dat maar in een deel van de alternatieven van de groep ligt: zij geldt alleen als een daarvan gekozen wordt";
        CalendarUnreadable = "W508",
            "a calendar of the schedule being replaced cannot be read; its SEQUENCE numbers count from 0",
            "een agendabestand van het rooster dat vervangen wordt is niet te lezen; de SEQUENCE-nummers tellen vanaf 0";
        // Warnings on a scenario file
        VariationWithoutEffect = "W601",
            "a sweep variation changes nothing in the instance (e.g. `rooms_capacity_percent` for a school without rooms.csv)",
            "een variatie van een sweep verandert niets aan de instantie (bijvoorbeeld `rooms_capacity_percent` voor een school zonder rooms.csv)";
    }
    findings {
        // Checker findings
        ShareBelowMinimum = "C101", Violation, "1.7.1a",
            "1.7.1a: certified share below the rule set's minimum",
            "aandeel lessen door gecertificeerde docenten onder het minimum";
        ShareBelowTarget = "C102", Warning, "1.7.1a",
            "1.7.1a: certified share below the target (the aim stays 80%)",
            "aandeel lessen door gecertificeerde docenten onder het streven (dat blijft 80%)";
        CourseWithoutCertified = "C111", Violation, "1.7.1b",
            "1.7.1b: a course code has too few lessons by a certified teacher",
            "een cursuscode heeft te weinig lessen van een gecertificeerde docent";
        AboveMaximum = "C121", Violation, "2.2.1",
            "2.2.1: a group is above the largest size the rule set allows",
            "een groep is groter dan de regeling toestaat";
        OverflowConditionNotMet = "C122", Violation, "2.2.1",
            "2.2.1: above the standard maximum while not every group of that profile at that location is full",
            "groter dan het standaardmaximum terwijl niet elke groep van dit profiel op deze locatie vol is";
        OverflowCouldFormGroup = "C123", Warning, "2.2.1",
            "2.2.1: the students above the standard maximum could form a new group",
            "de cursisten boven het standaardmaximum kunnen een nieuwe groep vormen";
        BelowMinSize = "C124", Violation, "soundness",
            "a running group has fewer students than its min_size",
            "een groep die les heeft, heeft minder cursisten dan haar min_size";
        MentorMissing = "C131", Violation, "supervision",
            "supervision: a non-certified teacher who teaches has no certified mentor",
            "een niet-gecertificeerde docent die lesgeeft, heeft geen gecertificeerde begeleider";
        MentorNotCertified = "C132", Violation, "supervision",
            "supervision: a mentor is not a certified teacher",
            "een begeleider is geen gecertificeerde docent";
        MentorOverCapacity = "C133", Violation, "supervision",
            "supervision: a mentor supervises more teachers than their capacity",
            "een begeleider begeleidt meer docenten dan zijn of haar capaciteit";
        MentorSelf = "C134", Violation, "supervision",
            "supervision: a teacher is listed as their own mentor",
            "een docent staat als eigen begeleider vermeld";
        MentoringUnneeded = "C135", Warning, "supervision",
            "supervision: a mentoring row for a teacher who is certified or gives no lesson",
            "een begeleidingsregel voor een docent die gecertificeerd is of geen les geeft";
        ObservedLessonMissing = "C136", Violation, "supervision",
            "supervision: an observation names a lesson the observed teacher does not give",
            "een observatie noemt een les die de geobserveerde docent niet geeft";
        ObservedNotCertified = "C137", Violation, "supervision",
            "supervision: an observation lesson is given by a teacher who is not certified",
            "een geobserveerde les wordt gegeven door een niet-gecertificeerde docent";
        ObserverNotFree = "C138", Violation, "supervision",
            "supervision: an observer teaches or observes at the same time, or is not available then",
            "de observator geeft of observeert op dat moment een andere les, of is dan niet beschikbaar";
        ObservationsTooFew = "C139", Warning, "supervision",
            "supervision: a non-certified teacher who teaches has fewer observation lessons than observations_per_teacher",
            "een niet-gecertificeerde docent heeft minder observatielessen dan observations_per_teacher";
        LessonMissing = "C141", Violation, "soundness",
            "a planned lesson of a running group has no teacher",
            "een geplande les van een groep die doorgaat heeft geen docent";
        LessonDuplicated = "C142", Violation, "soundness",
            "a lesson appears more than once in the timetable",
            "een les staat meer dan eens in het rooster";
        LessonNotPlanned = "C143", Violation, "soundness",
            "a timetable row matches no planned lesson of its group",
            "een roosterregel hoort bij geen geplande les van de groep";
        TeacherOverlap = "C144", Violation, "soundness",
            "a teacher gives two lessons at overlapping times",
            "een docent geeft twee lessen op overlappende tijden";
        TeacherLocation = "C145", Violation, "soundness",
            "a teacher teaches at a location they do not work at",
            "een docent geeft les op een locatie waar hij of zij niet werkt";
        TeacherProfile = "C146", Violation, "soundness",
            "a teacher teaches a profile they are not qualified for",
            "een docent geeft les in een profiel waarvoor hij of zij niet bevoegd is";
        TeacherAvailability = "C147", Violation, "soundness",
            "a teacher teaches in a block they are not available",
            "een docent geeft les in een blok waarin hij of zij niet beschikbaar is";
        TeacherUnavailable = "C148", Violation, "soundness",
            "a teacher teaches on a date they are unavailable",
            "een docent geeft les op een datum waarop hij of zij afwezig is";
        TeacherWeeklyMax = "C149", Violation, "soundness",
            "a teacher gives more lessons in a week than max_lessons_per_week",
            "een docent geeft in een week meer lessen dan max_lessons_per_week";
        StudentProfile = "C151", Violation, "soundness",
            "a student is in a group of another profile",
            "een cursist zit in een groep van een ander profiel";
        StudentLocation = "C152", Violation, "soundness",
            "a student is in a group at a location they did not accept",
            "een cursist zit in een groep op een locatie die hij of zij niet accepteert";
        StudentAvailability = "C153", Violation, "soundness",
            "a student is in a group with a slot they are not available for",
            "een cursist zit in een groep op een tijd waarop hij of zij niet kan";
        PinNotKept = "C154", Violation, "soundness",
            "a pinned placement is not kept",
            "een vastgezette plaatsing is niet gevolgd";
        StudentPlacedTwice = "C155", Violation, "soundness",
            "a student is placed more than once",
            "een cursist is meer dan eens geplaatst";
        ClosedGroupActive = "C156", Violation, "soundness",
            "an optional group without students has lessons",
            "een optionele groep zonder cursisten heeft lessen";
        UnknownReference = "C157", Violation, "soundness",
            "a schedule row names a teacher, student, course or mentor the instance does not have (or a profile's size class is not in the rule set)",
            "een roosterregel noemt een docent, cursist, cursus of begeleider die niet in de gegevens staat";
        LockBroken = "C158", Violation, "soundness",
            "a lesson is not given as a lock in locks.csv says",
            "een les wordt niet gegeven zoals een vastzetting in locks.csv zegt";
        WeeklyMinMissed = "C159", Violation, "soundness",
            "a teacher gives fewer lessons in a week than min_lessons_per_week (or, in a week they could give fewer, than they could give)",
            "een docent geeft in een week minder lessen dan min_lessons_per_week (of, in een week waarin die minder lessen kan geven, minder dan die kan geven)";
        TermMinMissed = "C160", Violation, "soundness",
            "a teacher gives fewer lessons in the term than min_lessons_per_term (or than they could give in the term)",
            "een docent geeft in de lesperiode minder lessen dan min_lessons_per_term (of minder dan die in de lesperiode kan geven)";
        TermMaxExceeded = "C161", Violation, "soundness",
            "a teacher gives more lessons in the term than max_lessons_per_term",
            "een docent geeft in de lesperiode meer lessen dan max_lessons_per_term";
        HistoryChanged = "C162", Violation, "soundness",
            "a lesson before a replan's --from date differs from the schedule it replaces (teacher or room)",
            "een les vóór de datum --from van een herplanning wijkt af van het rooster dat vervangen wordt (docent of lokaal)";
        LessonWithoutRoom = "C163", Violation, "soundness",
            "a lesson has no room while the instance has rooms",
            "een les heeft geen lokaal terwijl de school lokalen plant";
        RoomNotUsable = "C164", Violation, "soundness",
            "a lesson is in a room at another location, or in a block the room is not available",
            "een les is in een lokaal op een andere locatie, of in een blok waarin het lokaal niet beschikbaar is";
        RoomTooSmall = "C165", Violation, "soundness",
            "a group has more students than the capacity of a room it has a lesson in",
            "een groep heeft meer cursisten dan de capaciteit van een lokaal waarin zij les heeft";
        RoomDoubleBooked = "C166", Violation, "soundness",
            "a room holds two lessons at overlapping times on the same date",
            "een lokaal heeft op dezelfde datum twee lessen op overlappende tijden";
        ObservationHistoryChanged = "C167", Violation, "soundness",
            "an observation lesson before a replan's --from date differs from the schedule it replaces",
            "een observatieles vóór de datum --from van een herplanning wijkt af van het rooster dat vervangen wordt";
        AlternativeNotFollowed = "C168", Violation, "soundness",
            "the lessons of a group with a choice of meeting times do not follow exactly one of its alternatives, completely",
            "de lessen van een groep met een keuze van lesmomenten volgen niet precies één van haar alternatieven, volledig";
    }
}
