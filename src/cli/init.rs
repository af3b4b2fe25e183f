//! `nt2plan init DIR`: a new school to fill in, as a workbook or as CSV files.

use super::{CsvFormatChoice, Outcome, print_diagnostics};
use anyhow::Context;
use nt2plan::init::{self, BOOK, Start};
use std::path::PathBuf;

/// Start a new school: write DIR/school.xlsx to fill in.
///
/// The workbook has the sheets School (one `sleutel | waarde` row per setting of
/// school.toml), Docenten, Groepen, Cursisten, Mentoren, Afwezigheid and Vergrendelingen
/// with Dutch column headers, drop-down lists where a value comes from a list (register,
/// wet, ja/nee, locatie, profiel, lesmoment, regel; their values on the sheet Lijsten),
/// and the sheet Uitleg saying what every setting and column means. Every command that
/// takes an INSTANCE takes the workbook: `nt2plan validate DIR/school.xlsx`.
///
/// The example rows (one per sheet) are a tiny school that validates and solves: one
/// teacher, one group, one student in January 2027. Replace them with your own.
///
/// With --from INSTANCE the workbook holds that instance folder instead, so a school that
/// started with CSV files moves over in one step (solving either gives the same timetable).
/// With --csv the same goes out as an instance folder (school.toml and CSV files with Dutch
/// headers) instead of the workbook.
///
/// Exit 0 written; 2 when DIR is not empty (without --force) or INSTANCE has errors.
///
/// Example: nt2plan init mijn-school && nt2plan validate mijn-school/school.xlsx
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The folder to write (created; its parent folders too).
    dir: PathBuf,
    /// Fill the workbook with this instance folder instead of the example rows.
    #[arg(long, value_name = "INSTANCE")]
    from: Option<PathBuf>,
    /// Write school.toml and CSV files instead of school.xlsx.
    #[arg(long)]
    csv: bool,
    /// With --csv: `;` and a BOM for a Dutch Excel (the default), or plain `,`.
    #[arg(long, value_enum, default_value_t = CsvFormatChoice::Excel, requires = "csv")]
    csv_format: CsvFormatChoice,
    /// Replace DIR even when it is not empty (its old contents are deleted).
    #[arg(long)]
    force: bool,
}

pub fn run(args: Args) -> anyhow::Result<Outcome> {
    let start: Start = match &args.from {
        None => init::example(),
        Some(from) => {
            if nt2plan::input::workbook::is_workbook(from) {
                anyhow::bail!(
                    "--from takes an instance folder; {} is a workbook already",
                    from.display()
                );
            }
            let loaded = match nt2plan::validate::load_instance(from, None) {
                Ok(l) => l,
                Err(problems) => {
                    print_diagnostics(&problems, true);
                    return Ok(Outcome::Error);
                }
            };
            init::from_folder(from, &loaded.value.instance)
                .with_context(|| format!("reading {}", from.display()))?
        }
    };
    let files = if args.csv {
        start.csv_files(args.csv_format.into())?
    } else {
        start.workbook_files()?
    };
    let nl = super::lang::terminal() == nt2plan::report::Lang::Nl;
    let say = |dutch: &str, english: &str| {
        if nl {
            dutch.to_string()
        } else {
            english.to_string()
        }
    };
    {
        let _writing = super::interrupt::Writing::start();
        if let Err(e) = init::write(&args.dir, &files, args.force) {
            eprintln!("{}: {e}", say("fout", "error"));
            if matches!(
                e,
                init::InitError::Output(nt2plan::output::OutputError::NotEmpty { .. })
            ) {
                eprintln!(
                    "{}",
                    say(
                        "kies een andere map, of --force om de inhoud te vervangen",
                        "give another folder, or --force to replace its contents"
                    )
                );
            }
            return Ok(Outcome::Error);
        }
    }
    let (what, next) = match (args.csv, nl) {
        (true, true) => (
            "school.toml en de CSV-bestanden geschreven",
            args.dir.clone(),
        ),
        (true, false) => ("school.toml and the CSV files written", args.dir.clone()),
        (false, true) => ("school.xlsx geschreven", args.dir.join(BOOK)),
        (false, false) => ("school.xlsx written", args.dir.join(BOOK)),
    };
    let origin = match &args.from {
        Some(f) => format!("{} {}", say("gevuld met", "filled with"), f.display()),
        None => say(
            "met een voorbeeldregel per blad",
            "with one example row per sheet",
        ),
    };
    outln!("{}: {what}, {origin}", args.dir.display());
    outln!(
        "{}: nt2plan validate {}",
        say("daarna", "next"),
        next.display()
    );
    Ok(Outcome::Ok)
}
