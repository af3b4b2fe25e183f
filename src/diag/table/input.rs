//! The rows of the input codes: errors (`E…`) and warnings (`W…`) on the files of a school,
//! a schedule or a scenario file. Part of the code table ([`super`]); never renumber a code.

/// Hands the error and warning sections of the code table to `$then`, which adds the
/// findings (`table/findings.rs`) and makes the table.
macro_rules! input_rows {
    ($then:ident) => {
        $then! {
            errors {
                // Files and formats
                FileMissing = "E101",
                    "a required file is missing",
                    "een verplicht bestand ontbreekt",
                    "zet het bestand in de map van de school (een leeg begin maakt `nt2plan init`), of kijk of de naam goed gespeld is";
                FileUnreadable = "E102",
                    "a file cannot be read (I/O error or not UTF-8 text)",
                    "een bestand is niet te lezen (een leesfout, of geen UTF-8-tekst)",
                    "sla het bestand opnieuw op als tekst in UTF-8; in Excel: Bestand > Opslaan als > CSV UTF-8 (door komma's gescheiden)";
                CsvSyntax = "E103",
                    "a CSV row cannot be parsed (e.g. a different number of fields than the header)",
                    "een regel van een CSV-bestand is niet te lezen (bijvoorbeeld een ander aantal velden dan de kopregel)",
                    "geef elke regel evenveel velden als de kopregel; sla het in Excel op via Bestand > Opslaan als > CSV UTF-8 (door komma's gescheiden)";
                ColumnMissing = "E104",
                    "a required column is missing from a CSV header",
                    "een verplichte kolom ontbreekt in de kopregel van een CSV-bestand",
                    "voeg de kolom toe aan de kopregel (de namen staan in de README en op het blad Uitleg van `nt2plan init`)";
                ColumnUnknown = "E105",
                    "a CSV header has a column this file does not know",
                    "de kopregel van een CSV-bestand heeft een kolom die dit bestand niet kent",
                    "verbeter de naam van de kolom (de melding noemt de dichtstbijzijnde bekende), of haal de kolom weg";
                ColumnDuplicated = "E106",
                    "a CSV header names the same column twice",
                    "de kopregel van een CSV-bestand noemt dezelfde kolom twee keer",
                    "haal een van de twee kolommen met dezelfde naam weg, of geef haar de juiste naam";
                FileEmpty = "E107",
                    "a CSV file is empty (not even a header)",
                    "een CSV-bestand is leeg (er is zelfs geen kopregel)",
                    "zet in het bestand ten minste de kopregel, of haal het bestand weg als het niet verplicht is";
                TomlSyntax = "E108",
                    "a TOML file is not valid TOML",
                    "een TOML-bestand is geen geldige TOML",
                    "verbeter de regel die de melding noemt (let op aanhalingstekens rond tekst en datums)";
                TomlMissingKey = "E109",
                    "a TOML file lacks a required key",
                    "in een TOML-bestand ontbreekt een verplichte sleutel",
                    "voeg de sleutel toe aan het bestand, met een waarde";
                TomlUnknownKey = "E110",
                    "a TOML file has a key this file does not know",
                    "een TOML-bestand heeft een sleutel die dit bestand niet kent",
                    "verbeter de spelling van de sleutel, of haal de regel weg";
                TomlWrongType = "E111",
                    "a TOML value has the wrong type",
                    "een waarde in een TOML-bestand heeft het verkeerde type",
                    "schrijf de waarde in het type dat de sleutel verwacht (tekst tussen aanhalingstekens, een getal zonder)";
                // Values
                ValueEmpty = "E201",
                    "a required value is empty",
                    "een verplichte waarde is leeg",
                    "vul de waarde in";
                BadDate = "E202",
                    "a date is not an ISO date YYYY-MM-DD",
                    "een datum is geen ISO-datum JJJJ-MM-DD",
                    "schrijf de datum als JJJJ-MM-DD, bijvoorbeeld 2025-09-01; in Excel: Celeigenschappen > Aangepast > jjjj-mm-dd";
                BadTime = "E203",
                    "a time or time range is not HH:MM or HH:MM-HH:MM",
                    "een tijd of tijdvak is niet geschreven als UU:MM of UU:MM-UU:MM",
                    "schrijf de tijd als UU:MM (09:00) of het tijdvak als UU:MM-UU:MM (09:00-11:30)";
                BadNumber = "E204",
                    "a number is not a whole number of 0 or more, or too large",
                    "een getal is geen geheel getal van 0 of meer, of het is te groot",
                    "schrijf een geheel getal zonder teken of decimalen, bijvoorbeeld 3";
                BadRegister = "E205",
                    "a register is not bvnt2, kwaliteitsregister or none",
                    "een register is niet bvnt2, kwaliteitsregister of none",
                    "schrijf bvnt2, kwaliteitsregister of none";
                BadLaw = "E206",
                    "a law is not wi2013 or wi2021",
                    "een wet is niet wi2013 of wi2021",
                    "schrijf wi2013 of wi2021";
                BadYesNo = "E207",
                    "a yes/no value is not yes or no",
                    "een ja/nee-waarde is niet yes of no",
                    "schrijf ja of nee (of yes of no)";
                BadSlot = "E208",
                    "a slot or availability entry is not DAY-BLOCK, DAY-* or *",
                    "een lesmoment of beschikbaarheid is niet geschreven als DAG-BLOK, DAG-* of *",
                    "schrijf een lesmoment als DAG-BLOK (bijvoorbeeld ma-morning of mon-morning), een hele dag als DAG-*, of * voor altijd";
                BadShare = "E209",
                    "a share is not a number from 0 to 1",
                    "een aandeel is geen getal van 0 tot en met 1",
                    "schrijf een getal van 0 tot en met 1, met een punt als decimaalteken (0.6)";
                RoomCapacityZero = "E211",
                    "a room's capacity is 0",
                    "de capaciteit van een lokaal is 0",
                    "geef het lokaal een capaciteit van ten minste 1, of haal het uit rooms.csv";
                // References
                UnknownBlock = "E301",
                    "a slot names a block that school.toml does not define",
                    "een lesmoment noemt een blok dat niet in school.toml staat",
                    "gebruik een blok dat in school.toml staat, of voeg het blok daar toe";
                UnknownLocation = "E302",
                    "a location is not one of the school's locations",
                    "een locatie is geen van de locaties van de school",
                    "gebruik een locatie van de school (school.toml), of voeg de locatie daar toe";
                UnknownProfile = "E303",
                    "a profile is not known to school.toml or the rule set",
                    "een profiel staat niet in school.toml en ook niet in de regeling",
                    "gebruik een profiel uit school.toml, of voeg het profiel daar toe met zijn grootteklasse";
                UnknownSizeClass = "E304",
                    "a profile maps to a size class the rule set does not have",
                    "een profiel hoort bij een grootteklasse die de regeling niet kent",
                    "laat het profiel verwijzen naar een grootteklasse van de regeling";
                UnknownTeacher = "E305",
                    "a teacher id is not in teachers.csv",
                    "een docent-id staat niet in teachers.csv",
                    "gebruik een docent-id uit teachers.csv, of voeg de docent daar toe";
                UnknownCourse = "E306",
                    "a course code is not in groups.csv",
                    "een cursuscode staat niet in groups.csv",
                    "gebruik een cursuscode uit groups.csv, of voeg de groep daar toe";
                UnknownStudent = "E307",
                    "a student id is not in students.csv",
                    "een cursist-id staat niet in students.csv",
                    "gebruik een cursist-id uit students.csv, of voeg de cursist daar toe";
                UnknownMentor = "E308",
                    "a mentor is neither a teacher nor an external mentor",
                    "een begeleider is geen docent en ook geen externe begeleider",
                    "gebruik een docent-id uit teachers.csv of voeg de begeleider als externe begeleider toe aan mentors.csv";
                DuplicateId = "E309",
                    "an id or course code appears twice",
                    "een id of cursuscode komt twee keer voor",
                    "geef elke regel een eigen id of cursuscode";
                // Consistency
                EndBeforeStart = "E401",
                    "an end date or time lies before its start",
                    "een einddatum of eindtijd ligt vóór het begin",
                    "zet het einde na het begin, of wissel de twee om";
                GroupWithoutLessons = "E402",
                    "a group has no lesson dates (all dates closed or outside its range)",
                    "een groep heeft geen lesdata (alle data zijn gesloten of vallen buiten haar periode)",
                    "geef de groep lesdata: controleer haar begin en einde, haar lesmomenten en de gesloten dagen";
                OutsideTerm = "E403",
                    "a group's dates lie outside the term",
                    "de data van een groep vallen buiten de lesperiode",
                    "zet de data van de groep binnen de lesperiode van school.toml, of verleng de lesperiode";
                OutsideRuleValidity = "E404",
                    "a lesson is dated outside the validity of the rule set",
                    "een les valt buiten de geldigheidsduur van de regeling",
                    "kies een regeling die op de data van de lessen geldt (--rules), of pas de data aan";
                UnknownRuleSet = "E405",
                    "a rule set is neither built in nor a readable file",
                    "een regeling is niet ingebouwd en ook geen leesbaar bestand",
                    "kies een ingebouwde regeling (`nt2plan rules` geeft ze) of geef het pad naar een leesbaar regelbestand";
                InvalidRuleSet = "E406",
                    "a rule set's values contradict each other",
                    "de waarden van een regeling spreken elkaar tegen",
                    "maak de waarden van de regeling met elkaar in overeenstemming (bijvoorbeeld het minimum niet boven het streven)";
                BadLockRule = "E210",
                    "a lock's rule is not gives or never",
                    "de regel van een vastzetting is niet gives of never",
                    "schrijf geeft of gives (de docent geeft de les), of nooit of never (de docent geeft de les nooit)";
                PinContradiction = "E407",
                    "a pinned placement contradicts the student's or group's data",
                    "een vastgezette plaatsing is in strijd met de gegevens van de cursist of de groep",
                    "maak de vastgezette plaatsing in overeenstemming met de gegevens van de cursist en de groep, of haal haar weg";
                MinSizeTooLarge = "E408",
                    "a group's min_size exceeds the largest size its class allows",
                    "de min_size van een groep is groter dan haar grootteklasse toestaat",
                    "verlaag de min_size van de groep tot ten hoogste de grootste toegestane groepsgrootte";
                DuplicateSlot = "E409",
                    "a group lists the same or overlapping weekly slot twice",
                    "een groep noemt hetzelfde of een overlappend wekelijks lesmoment twee keer",
                    "noem elk wekelijks lesmoment van de groep één keer, zonder overlap";
                TermTooLong = "E410",
                    "the term spans more than two years (a mistyped year?)",
                    "de lesperiode beslaat meer dan twee jaar (een jaartal verkeerd getypt?)",
                    "verbeter het jaartal van het begin of het einde van de lesperiode";
                LockSlotNotInCourse = "E411",
                    "a lock's slot is not a weekly slot of its course",
                    "het lesmoment van een vastzetting is geen wekelijks lesmoment van de cursus",
                    "gebruik een wekelijks lesmoment van de cursus (groups.csv)";
                LockDateWithoutLesson = "E412",
                    "a lock's date has no lesson of its course (in its slot)",
                    "op de datum van een vastzetting heeft de cursus geen les (op dat lesmoment)",
                    "gebruik een datum waarop de cursus op dat lesmoment les heeft";
                LockTeacherCannotGive = "E413",
                    "a teacher locked to give a lesson cannot give it (location, profile, availability, unavailability)",
                    "een docent die een les vast moet geven kan die les niet geven (locatie, profiel, beschikbaarheid, afwezigheid)",
                    "kies een docent die de les kan geven, of pas diens locaties, profielen, beschikbaarheid of afwezigheid aan";
                LockConflict = "E414",
                    "locks contradict each other: two teachers give the same lesson, or one teacher gives and never gives it",
                    "vastzettingen spreken elkaar tegen: twee docenten geven dezelfde les, of een docent geeft een les en geeft die nooit",
                    "houd per les één docent die haar vast geeft, en zet een docent niet tegelijk op gives en never";
                ContractMinAboveMax = "E415",
                    "a teacher's contract minimum exceeds a maximum (min_lessons_per_week above max_lessons_per_week, or min_lessons_per_term above max_lessons_per_term)",
                    "een minimum uit het contract van een docent is groter dan een maximum (min_lessons_per_week boven max_lessons_per_week, of min_lessons_per_term boven max_lessons_per_term)",
                    "maak het minimum niet groter dan het maximum in teachers.csv";
                BadWish = "E416",
                    "a teacher's wish (prefers, avoids) is neither a DAY-BLOCK slot, a course code nor a location",
                    "een wens van een docent (prefers, avoids) is geen lesmoment DAG-BLOK, geen cursuscode en geen locatie",
                    "schrijf een lesmoment DAG-BLOK, een cursuscode uit groups.csv of een locatie van de school";
                // Replan
                ReplanDate = "E417",
                    "a replan's --from date is not a day of the term",
                    "de datum --from van een herplanning is geen dag van de lesperiode",
                    "kies met --from een dag binnen de lesperiode";
                HistoryNotInInstance = "E418",
                    "a lesson before a replan's --from date cannot stand in the edited instance (its group or teacher was removed, its group's dates, slots or times changed, or it exceeds its teacher's weekly maximum)",
                    "een les vóór de datum --from van een herplanning past niet in de bewerkte gegevens (de groep of docent is verwijderd, de data, lesmomenten of tijden van de groep zijn veranderd, of de les gaat boven het weekmaximum van de docent)",
                    "zet de groep of docent terug, of herstel haar data, lesmomenten en tijden zoals ze waren vóór --from";
                // Rooms
                GroupWithoutRoom = "E419",
                    "a group that must run has a weekly slot in which no room at its location is available that seats its min_size",
                    "een groep die moet doorgaan heeft een wekelijks lesmoment waarop geen lokaal op haar locatie beschikbaar is dat plaats biedt aan haar min_size",
                    "voeg een lokaal toe dat op dat lesmoment beschikbaar is en plaats biedt aan de min_size, of verplaats het lesmoment";
                UnknownRoom = "E420",
                    "a room is not in rooms.csv",
                    "een lokaal staat niet in rooms.csv",
                    "gebruik een lokaal uit rooms.csv, of voeg het lokaal daar toe";
                // A choice of meeting times
                EmptyAlternative = "E421",
                    "a group's slots list an empty alternative (nothing between two bars, or a bar at the start or end)",
                    "de lesmomenten van een groep noemen een leeg alternatief (niets tussen twee strepen, of een streep aan het begin of eind)",
                    "zet tussen elke twee strepen | ten minste één lesmoment, en begin of eindig niet met een streep";
                DuplicateAlternative = "E422",
                    "a group's slots list the same alternative twice",
                    "de lesmomenten van een groep noemen hetzelfde alternatief twee keer",
                    "haal een van de twee gelijke alternatieven weg";
                AlternativesUnequal = "E423",
                    "a group's alternatives have different numbers of weekly lessons",
                    "de alternatieven van een groep hebben niet evenveel lessen per week",
                    "geef elk alternatief evenveel lesmomenten per week, of maak er twee groepen van";
                HistoryOutsideAlternatives = "E424",
                    "in a replan, the lessons before --from of a group with a choice of meeting times do not all lie in one of its alternatives",
                    "bij een herplanning liggen de lessen vóór --from van een groep met een keuze van lesmomenten niet allemaal in één van haar alternatieven",
                    "houd in groups.csv het alternatief waarin de groep vóór --from les had, of kies een latere datum --from";
                AlternativeWithoutLessons = "E425",
                    "an alternative of a group's choice of meeting times has no lesson dates of its own (its days are closed or outside the group's dates)",
                    "een alternatief van de keuze van lesmomenten van een groep heeft zelf geen lesdata (haar dagen zijn gesloten of vallen buiten de data van de groep)",
                    "haal het alternatief weg, of geef het lesmomenten op dagen waarop de groep les kan hebben";
                // Sweep scenario files and parts
                ScenarioInstance = "E601",
                    "a scenario file's instance folder is missing or has errors",
                    "de instantiemap van een scenariobestand ontbreekt of bevat fouten",
                    "geef in het scenariobestand de map van een instantie die `nt2plan validate` zonder fouten leest";
                BadLevels = "E602",
                    "levels are empty, unordered, or not a range from/to/step",
                    "de niveaus (levels) zijn leeg, niet oplopend, of geen reeks from/to/step",
                    "geef oplopende niveaus, of een reeks met from, to en step";
                BadVary = "E603",
                    "`vary` names no variation that takes a number, or an axis mixes levels and variants",
                    "`vary` noemt geen variatie die een getal aanneemt, of een as mengt niveaus (levels) en varianten (variants)",
                    "gebruik bij `vary` een variatie die een getal aanneemt, en geef een as óf niveaus óf varianten";
                BadVariation = "E604",
                    "a variation's value is out of range or contradicts another",
                    "de waarde van een variatie valt buiten het toegestane bereik of spreekt een andere variatie tegen",
                    "kies een waarde binnen het bereik, die geen andere variatie tegenspreekt";
                TooManyScenarios = "E605",
                    "a sweep expands to more scenarios than the limit (10,000)",
                    "een sweep levert meer scenario's op dan de grens (10.000)",
                    "verklein de sweep: minder assen of minder niveaus per as";
                BadPart = "E606",
                    "a sweep part file cannot be read or is not a sweep part",
                    "een deelbestand van een sweep is niet te lezen of is geen sweep-deel",
                    "geef de deelbestanden die `nt2plan sweep --shard` schreef, onveranderd";
                PartsMismatch = "E607",
                    "sweep parts come from different sweeps (their fingerprints differ: scenarios, instance files, rule sets, solver options or nt2plan version) or shard counts",
                    "de delen van een sweep komen uit verschillende sweeps (hun vingerafdrukken verschillen: scenario's, instantiebestanden, regelsets, solverinstellingen of versie van nt2plan) of verschillen in het aantal shards",
                    "voeg alleen delen van dezelfde sweep samen, met hetzelfde aantal shards en dezelfde versie van nt2plan";
                PartsIncomplete = "E608",
                    "a shard is missing from the parts, did not finish (some of its jobs are not recorded), or is given twice",
                    "een shard ontbreekt bij de delen, is niet afgemaakt (van een deel van zijn taken is geen verslag), of is twee keer opgegeven",
                    "draai de ontbrekende of onafgemaakte shard (opnieuw) en geef elke shard één keer op";
                UnknownSolver = "E609",
                    "a scenario file's `solver` is not auto, highs or microlp",
                    "de `solver` van een scenariobestand is niet auto, highs of microlp",
                    "schrijf auto, highs of microlp";
                LeaveUnknownTeacher = "E610",
                    "a sweep variation's `leave` names a teacher who is not in the instance",
                    "een `leave` in een variatie van een sweep noemt een docent die niet in de instantie staat",
                    "gebruik een docent-id uit teachers.csv van de instantie";
                LeaveDateOutsideTerm = "E611",
                    "a sweep variation's `leave` has a `from` that is not a date of the term",
                    "een `leave` in een variatie van een sweep heeft een `from` die geen datum in de lesperiode is",
                    "kies een datum `from` binnen de lesperiode";
                UnknownRoomInVariation = "E612",
                    "a sweep variation's `remove_rooms` names a room that is not in the instance's rooms.csv, or removes every room",
                    "`remove_rooms` in een variatie van een sweep noemt een lokaal dat niet in rooms.csv van de instantie staat, of haalt alle lokalen weg",
                    "noem alleen lokalen uit rooms.csv, en laat er ten minste één over";
                BadRoomsCapacity = "E613",
                    "a sweep variation's `rooms_capacity_percent` is not a percentage from 0 to 100",
                    "`rooms_capacity_percent` in een variatie van een sweep is geen percentage van 0 tot 100",
                    "schrijf een percentage van 0 tot en met 100";
                LeaveLevels = "E614",
                    "the levels of a `vary = \"leave_from\"` axis are not distinct dates of the term in ascending order",
                    "de niveaus van een as `vary = \"leave_from\"` zijn geen verschillende datums in de lesperiode in oplopende volgorde",
                    "geef verschillende datums binnen de lesperiode, van vroeg naar laat";
                LeaveAxisTeacher = "E615",
                    "a `vary = \"leave_from\"` axis has no `teacher`, names one who is not in the instance, or another axis has a `teacher`",
                    "een as `vary = \"leave_from\"` heeft geen `teacher`, noemt een docent die niet in de instantie staat, of een andere as heeft een `teacher`",
                    "geef alleen de as `leave_from` een `teacher`, met een docent-id uit de instantie";
            }
            warnings {
                // Warnings on input
                DayFirstDates = "W201",
                    "dates are written day first (1-9-2025), as a Dutch Excel saves them, and were read so",
                    "datums staan met de dag vooraan (1-9-2025), zoals een Nederlandse Excel ze opslaat, en zijn zo gelezen",
                    "niets nodig; wie zeker wil zijn, schrijft datums als JJJJ-MM-DD (Excel: Celeigenschappen > Aangepast > jjjj-mm-dd)";
                TeacherTeachesNothing = "W501",
                    "a teacher fits no group (location, profile, availability)",
                    "een docent past bij geen enkele groep (locatie, profiel, beschikbaarheid)",
                    "geef de docent een locatie, profiel of beschikbaarheid die bij een groep past, of laat hem of haar weg";
                StudentFitsNoGroup = "W502",
                    "a student fits no group (profile, location, availability)",
                    "een cursist past in geen enkele groep (profiel, locatie, beschikbaarheid)",
                    "geef de cursist een profiel, locatie of beschikbaarheid die bij een groep past, of open een groep die past";
                CapacityIgnored = "W503",
                    "a non-certified teacher has a mentor capacity, which is ignored",
                    "een niet-gecertificeerde docent heeft een begeleidingscapaciteit; die telt niet mee",
                    "haal de capaciteit weg, of registreer de docent als gecertificeerd";
                UnavailabilityOutsideTerm = "W504",
                    "an unavailability period lies entirely outside the term",
                    "een periode van afwezigheid ligt helemaal buiten de lesperiode",
                    "verbeter de data van de afwezigheid, of haal de regel weg";
                LockDuplicated = "W505",
                    "the same lock is written twice",
                    "dezelfde vastzetting staat er twee keer",
                    "haal een van de twee gelijke regels weg";
                OptionalGroupWithoutRoom = "W506",
                    "an optional group has a weekly slot in which no room at its location is available that seats its min_size, so it stays closed",
                    "een optionele groep heeft een wekelijks lesmoment waarop geen lokaal op haar locatie beschikbaar is dat plaats biedt aan haar min_size; zij gaat dus niet door",
                    "voeg een lokaal toe dat op dat lesmoment beschikbaar is en plaats biedt aan de min_size, als de groep door moet kunnen gaan";
                LockOnAlternative = "W507",
                    "a lock names a slot that lies in some of its group's alternatives only: it holds only when one of those is chosen",
                    "een vastzetting noemt een lesmoment dat maar in een deel van de alternatieven van de groep ligt: zij geldt alleen als een daarvan gekozen wordt",
                    "niets nodig als dat de bedoeling is; anders zet de vastzetting op een lesmoment dat in elk alternatief ligt";
                CalendarUnreadable = "W508",
                    "a calendar of the schedule being replaced cannot be read; its SEQUENCE numbers count from 0",
                    "een agendabestand van het rooster dat vervangen wordt is niet te lezen; de SEQUENCE-nummers tellen vanaf 0",
                    "niets nodig; zet de agendabestanden van het vorige rooster terug als de agenda's van docenten ze moeten vervangen";
                // Warnings on a scenario file
                VariationWithoutEffect = "W601",
                    "a sweep variation changes nothing in the instance (e.g. `rooms_capacity_percent` for a school without rooms.csv)",
                    "een variatie van een sweep verandert niets aan de instantie (bijvoorbeeld `rooms_capacity_percent` voor een school zonder rooms.csv)",
                    "haal de variatie weg, of geef de school wat de variatie verandert (bijvoorbeeld rooms.csv)";
            }
        }
    };
}
pub(super) use input_rows;
