//! The command line. Each command parses its arguments (shared ones are
//! defined once in [`args`]), calls the library and returns an
//! [`Outcome`](failure::Outcome), which [`main`] prints once and maps to
//! the exit code: 0 when every input succeeded, 1 when any failed, 2 for
//! wrong usage. Everything it says is in the language [`language`] chooses
//! (`--lang`, else the environment's).

/// `println!` for the command line, that never panics: a line that cannot
/// be written (standard output closed, or a file on a full disk) is
/// dropped and the work goes on. The standard macro panics there, which
/// stopped an archive run halfway through its reports. Shadows the
/// standard macro in every module of the command line.
macro_rules! println {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

/// `eprintln!` for the command line, that never panics (see `println!`).
macro_rules! eprintln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

mod archive;
mod args;
mod authoring;
mod build;
mod failure;
mod import;
mod language;
mod serve;

use crate::locale::Lang;
use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Turns study-trip files (TOML) into the official PDF reports.
#[derive(Debug, Parser)]
#[command(name = "studietur", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
enum Command {
    /// Build PDF reports from trip files.
    Build(build::BuildArgs),
    /// Write a new, commented trip file that `check` accepts as it is.
    New(authoring::NewArgs),
    /// Build a report, and again whenever its trip file, a file it names
    /// or the template changes.
    Watch(build::WatchArgs),
    /// Build every trip and file it as ARCHIVE/<year>/<name>.pdf, recorded
    /// with its sources' hashes in ARCHIVE/manifest.json.
    Archive(archive::ArchiveArgs),
    /// Check every hash of an archive and rebuild every report, proving the
    /// archived PDFs are what their sources give today.
    Verify(archive::VerifyArgs),
    /// Write the files attached to a PDF built with --embed-source into DIR.
    Extract(archive::ExtractArgs),
    /// One PDF across all trips: a table per year and a chart of the price
    /// per participant.
    Overview(archive::OverviewArgs),
    /// Print the JSON Schema of the trip file format (format 1).
    Schema,
    /// Work with templates.
    Template {
        #[command(flatten)]
        lang: args::LangArg,
        /// What to do.
        #[command(subcommand)]
        action: authoring::TemplateAction,
    },
    /// Check trip files without writing anything.
    Check(build::CheckArgs),
    /// The editor in the browser: write trip files in a form and see the
    /// report's pages as you type.
    Serve(serve::ServeArgs),
    /// Make trip files from earlier reports: Word documents (.docx), PDFs
    /// or their text; what was recognised and what to look at is printed
    /// and written at the top of each file.
    Import(import::ImportArgs),
}

/// Runs the command line and gives the exit code.
pub fn main() -> ExitCode {
    let command = Cli::parse().command;
    let lang = language::choose(command.lang());
    let outcome = match command {
        Command::Build(a) => build::build(a, lang),
        Command::Check(a) => build::check(a, lang),
        Command::Watch(a) => build::watch(a, lang),
        Command::New(a) => authoring::new(a, lang),
        Command::Schema => authoring::schema(),
        Command::Template { action, .. } => authoring::template(action, lang),
        Command::Archive(a) => archive::archive(a, lang),
        Command::Verify(a) => archive::verify(a, lang),
        Command::Extract(a) => archive::extract(a, lang),
        Command::Overview(a) => archive::overview(a, lang),
        Command::Serve(a) => serve::serve(a, lang),
        Command::Import(a) => import::import(a, lang),
    };
    failure::finish(outcome, lang)
}

impl Command {
    /// The language the command was given with `--lang`, if any.
    fn lang(&self) -> Option<Lang> {
        match self {
            Command::Build(a) => a.lang,
            Command::Check(a) => a.lang.lang,
            Command::Watch(a) => a.lang.lang,
            Command::New(a) => a.lang.lang,
            Command::Template { lang, .. } => lang.lang,
            Command::Archive(a) => a.lang.lang,
            Command::Verify(a) => a.lang.lang,
            Command::Extract(a) => a.lang.lang,
            Command::Overview(a) => a.lang,
            Command::Serve(a) => a.lang.lang,
            Command::Import(a) => a.lang.lang,
            _ => None,
        }
    }
}
