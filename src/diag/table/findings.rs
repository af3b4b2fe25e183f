//! The rows of the checker's findings (`C…`), each with its severity and norm. Part of the
//! code table ([`super`]); never renumber a code.

/// The code table: the error and warning sections (from `table/input.rs`) and the findings
/// section, given to `code_table!` (`diag/codes.rs`).
macro_rules! finding_rows {
    ($($input:tt)*) => {
        code_table! {
            $($input)*
            findings {
                // Checker findings
                ShareBelowMinimum = "C101", Violation, "1.7.1a",
                    "1.7.1a: certified share below the rule set's minimum",
                    "aandeel lessen door gecertificeerde docenten onder het minimum",
                    "laat meer lessen geven door gecertificeerde docenten, of laat een docent registreren in het BVNT2 of het Kwaliteitsregister NT2-docent";
                ShareBelowTarget = "C102", Warning, "1.7.1a",
                    "1.7.1a: certified share below the target (the aim stays 80%)",
                    "aandeel lessen door gecertificeerde docenten onder het streven (dat blijft 80%)",
                    "laat waar het kan meer lessen geven door gecertificeerde docenten; het minimum is een ondergrens, geen doel";
                CourseWithoutCertified = "C111", Violation, "1.7.1b",
                    "1.7.1b: a course code has too few lessons by a certified teacher",
                    "een cursuscode heeft te weinig lessen van een gecertificeerde docent",
                    "geef de groep ten minste een les van een gecertificeerde docent (die docent mag ook één les komen geven)";
                AboveMaximum = "C121", Violation, "2.2.1",
                    "2.2.1: a group is above the largest size the rule set allows",
                    "een groep is groter dan de regeling toestaat",
                    "verplaats cursisten naar een andere groep of open een nieuwe groep";
                OverflowConditionNotMet = "C122", Violation, "2.2.1",
                    "2.2.1: above the standard maximum while not every group of that profile at that location is full",
                    "groter dan het standaardmaximum terwijl niet elke groep van dit profiel op deze locatie vol is",
                    "vul eerst de andere groepen van dit profiel op deze locatie tot het standaardmaximum, of verplaats cursisten";
                OverflowCouldFormGroup = "C123", Warning, "2.2.1",
                    "2.2.1: the students above the standard maximum could form a new group",
                    "de cursisten boven het standaardmaximum kunnen een nieuwe groep vormen",
                    "open een nieuwe groep voor de cursisten boven het standaardmaximum";
                BelowMinSize = "C124", Violation, "soundness",
                    "a running group has fewer students than its min_size",
                    "een groep die les heeft, heeft minder cursisten dan haar min_size",
                    "plaats meer cursisten in de groep, sluit haar, of verlaag haar min_size";
                MentorMissing = "C131", Violation, "supervision",
                    "supervision: a non-certified teacher who teaches has no certified mentor",
                    "een niet-gecertificeerde docent die lesgeeft, heeft geen gecertificeerde begeleider",
                    "geef de docent een gecertificeerde begeleider in mentors.csv";
                MentorNotCertified = "C132", Violation, "supervision",
                    "supervision: a mentor is not a certified teacher",
                    "een begeleider is geen gecertificeerde docent",
                    "kies een gecertificeerde docent of een externe begeleider als begeleider";
                MentorOverCapacity = "C133", Violation, "supervision",
                    "supervision: a mentor supervises more teachers than their capacity",
                    "een begeleider begeleidt meer docenten dan zijn of haar capaciteit",
                    "verdeel de docenten over meer begeleiders, of verhoog de capaciteit van de begeleider";
                MentorSelf = "C134", Violation, "supervision",
                    "supervision: a teacher is listed as their own mentor",
                    "een docent staat als eigen begeleider vermeld",
                    "geef de docent een andere, gecertificeerde begeleider";
                MentoringUnneeded = "C135", Warning, "supervision",
                    "supervision: a mentoring row for a teacher who is certified or gives no lesson",
                    "een begeleidingsregel voor een docent die gecertificeerd is of geen les geeft",
                    "haal de regel uit mentors.csv weg; hij is niet nodig";
                ObservedLessonMissing = "C136", Violation, "supervision",
                    "supervision: an observation names a lesson the observed teacher does not give",
                    "een observatie noemt een les die de geobserveerde docent niet geeft",
                    "kies een les die de geobserveerde docent wel geeft";
                ObservedNotCertified = "C137", Violation, "supervision",
                    "supervision: an observation lesson is given by a teacher who is not certified",
                    "een geobserveerde les wordt gegeven door een niet-gecertificeerde docent",
                    "kies een observatieles van een gecertificeerde docent";
                ObserverNotFree = "C138", Violation, "supervision",
                    "supervision: an observer teaches or observes at the same time, or is not available then",
                    "de observator geeft of observeert op dat moment een andere les, of is dan niet beschikbaar",
                    "kies een observatieles waarop de observator vrij en beschikbaar is";
                ObservationsTooFew = "C139", Warning, "supervision",
                    "supervision: a non-certified teacher who teaches has fewer observation lessons than observations_per_teacher",
                    "een niet-gecertificeerde docent heeft minder observatielessen dan observations_per_teacher",
                    "plan meer observatielessen voor de docent";
                LessonMissing = "C141", Violation, "soundness",
                    "a planned lesson of a running group has no teacher",
                    "een geplande les van een groep die doorgaat heeft geen docent",
                    "geef de les een docent";
                LessonDuplicated = "C142", Violation, "soundness",
                    "a lesson appears more than once in the timetable",
                    "een les staat meer dan eens in het rooster",
                    "haal de dubbele regel uit het rooster";
                LessonNotPlanned = "C143", Violation, "soundness",
                    "a timetable row matches no planned lesson of its group",
                    "een roosterregel hoort bij geen geplande les van de groep",
                    "verbeter de datum, het lesmoment of de cursuscode van de roosterregel, of haal haar weg";
                TeacherOverlap = "C144", Violation, "soundness",
                    "a teacher gives two lessons at overlapping times",
                    "een docent geeft twee lessen op overlappende tijden",
                    "geef een van de twee lessen een andere docent";
                TeacherLocation = "C145", Violation, "soundness",
                    "a teacher teaches at a location they do not work at",
                    "een docent geeft les op een locatie waar hij of zij niet werkt",
                    "geef de les een docent die op die locatie werkt, of voeg de locatie toe aan de docent";
                TeacherProfile = "C146", Violation, "soundness",
                    "a teacher teaches a profile they are not qualified for",
                    "een docent geeft les in een profiel waarvoor hij of zij niet bevoegd is",
                    "geef de les een docent die voor dit profiel bevoegd is";
                TeacherAvailability = "C147", Violation, "soundness",
                    "a teacher teaches in a block they are not available",
                    "een docent geeft les in een blok waarin hij of zij niet beschikbaar is",
                    "geef de les een docent die in dat blok beschikbaar is, of pas de beschikbaarheid aan";
                TeacherUnavailable = "C148", Violation, "soundness",
                    "a teacher teaches on a date they are unavailable",
                    "een docent geeft les op een datum waarop hij of zij afwezig is",
                    "geef de les een docent die op die datum niet afwezig is";
                TeacherWeeklyMax = "C149", Violation, "soundness",
                    "a teacher gives more lessons in a week than max_lessons_per_week",
                    "een docent geeft in een week meer lessen dan max_lessons_per_week",
                    "geef een deel van de lessen van die week aan een andere docent";
                StudentProfile = "C151", Violation, "soundness",
                    "a student is in a group of another profile",
                    "een cursist zit in een groep van een ander profiel",
                    "plaats de cursist in een groep van zijn of haar profiel";
                StudentLocation = "C152", Violation, "soundness",
                    "a student is in a group at a location they did not accept",
                    "een cursist zit in een groep op een locatie die hij of zij niet accepteert",
                    "plaats de cursist in een groep op een locatie die hij of zij accepteert";
                StudentAvailability = "C153", Violation, "soundness",
                    "a student is in a group with a slot they are not available for",
                    "een cursist zit in een groep op een tijd waarop hij of zij niet kan",
                    "plaats de cursist in een groep op tijden waarop hij of zij kan";
                PinNotKept = "C154", Violation, "soundness",
                    "a pinned placement is not kept",
                    "een vastgezette plaatsing is niet gevolgd",
                    "plaats de cursist zoals vastgezet, of haal de vastzetting weg";
                StudentPlacedTwice = "C155", Violation, "soundness",
                    "a student is placed more than once",
                    "een cursist is meer dan eens geplaatst",
                    "laat elke cursist in één groep staan";
                ClosedGroupActive = "C156", Violation, "soundness",
                    "an optional group without students has lessons",
                    "een optionele groep zonder cursisten heeft lessen",
                    "haal de lessen van de gesloten groep uit het rooster, of plaats cursisten in de groep";
                UnknownReference = "C157", Violation, "soundness",
                    "a schedule row names a teacher, student, course or mentor the instance does not have (or a profile's size class is not in the rule set)",
                    "een roosterregel noemt een docent, cursist, cursus of begeleider die niet in de gegevens staat",
                    "verbeter de id of cursuscode in het rooster, of voeg hem toe aan de gegevens van de school";
                LockBroken = "C158", Violation, "soundness",
                    "a lesson is not given as a lock in locks.csv says",
                    "een les wordt niet gegeven zoals een vastzetting in locks.csv zegt",
                    "geef de les zoals locks.csv zegt, of pas de vastzetting aan";
                WeeklyMinMissed = "C159", Violation, "soundness",
                    "a teacher gives fewer lessons in a week than min_lessons_per_week (or, in a week they could give fewer, than they could give)",
                    "een docent geeft in een week minder lessen dan min_lessons_per_week (of, in een week waarin die minder lessen kan geven, minder dan die kan geven)",
                    "geef de docent in die week meer lessen, of verlaag min_lessons_per_week";
                TermMinMissed = "C160", Violation, "soundness",
                    "a teacher gives fewer lessons in the term than min_lessons_per_term (or than they could give in the term)",
                    "een docent geeft in de lesperiode minder lessen dan min_lessons_per_term (of minder dan die in de lesperiode kan geven)",
                    "geef de docent meer lessen in de lesperiode, of verlaag min_lessons_per_term";
                TermMaxExceeded = "C161", Violation, "soundness",
                    "a teacher gives more lessons in the term than max_lessons_per_term",
                    "een docent geeft in de lesperiode meer lessen dan max_lessons_per_term",
                    "geef een deel van de lessen aan een andere docent";
                HistoryChanged = "C162", Violation, "soundness",
                    "a lesson before a replan's --from date differs from the schedule it replaces (teacher or room)",
                    "een les vóór de datum --from van een herplanning wijkt af van het rooster dat vervangen wordt (docent of lokaal)",
                    "laat de lessen vóór --from zoals ze gegeven zijn";
                LessonWithoutRoom = "C163", Violation, "soundness",
                    "a lesson has no room while the instance has rooms",
                    "een les heeft geen lokaal terwijl de school lokalen plant",
                    "geef de les een lokaal uit rooms.csv";
                RoomNotUsable = "C164", Violation, "soundness",
                    "a lesson is in a room at another location, or in a block the room is not available",
                    "een les is in een lokaal op een andere locatie, of in een blok waarin het lokaal niet beschikbaar is",
                    "kies een lokaal op de locatie van de groep dat in dat blok beschikbaar is";
                RoomTooSmall = "C165", Violation, "soundness",
                    "a group has more students than the capacity of a room it has a lesson in",
                    "een groep heeft meer cursisten dan de capaciteit van een lokaal waarin zij les heeft",
                    "kies een groter lokaal, of verklein de groep";
                RoomDoubleBooked = "C166", Violation, "soundness",
                    "a room holds two lessons at overlapping times on the same date",
                    "een lokaal heeft op dezelfde datum twee lessen op overlappende tijden",
                    "geef een van de twee lessen een ander lokaal of een andere tijd";
                ObservationHistoryChanged = "C167", Violation, "soundness",
                    "an observation lesson before a replan's --from date differs from the schedule it replaces",
                    "een observatieles vóór de datum --from van een herplanning wijkt af van het rooster dat vervangen wordt",
                    "laat de observatielessen vóór --from zoals ze gegeven zijn";
                AlternativeNotFollowed = "C168", Violation, "soundness",
                    "the lessons of a group with a choice of meeting times do not follow exactly one of its alternatives, completely",
                    "de lessen van een groep met een keuze van lesmomenten volgen niet precies één van haar alternatieven, volledig",
                    "geef de groep de lessen van één alternatief, op al zijn lesmomenten, en geen andere";
            }
        }
    };
}
pub(super) use finding_rows;
