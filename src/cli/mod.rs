//! The command line. Each command parses its arguments (shared ones are
//! defined once in [`args`]), calls the library and returns an
//! [`Outcome`](failure::Outcome), which [`main`] prints once and maps to
//! the exit code: 0 when every input succeeded, 1 when any failed, 2 for
//! wrong usage.

mod archive;
mod args;
mod authoring;
mod build;
mod failure;
mod serve;

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
        /// What to do.
        #[command(subcommand)]
        action: authoring::TemplateAction,
    },
    /// Check trip files without writing anything.
    Check(build::CheckArgs),
    /// The editor in the browser: write trip files in a form and see the
    /// report's pages as you type.
    Serve(serve::ServeArgs),
}

/// Runs the command line and gives the exit code.
pub fn main() -> ExitCode {
    let outcome = match Cli::parse().command {
        Command::Build(a) => build::build(a),
        Command::Check(a) => build::check(a),
        Command::Watch(a) => build::watch(a),
        Command::New(a) => authoring::new(a),
        Command::Schema => authoring::schema(),
        Command::Template { action } => authoring::template(action),
        Command::Archive(a) => archive::archive(a),
        Command::Verify(a) => archive::verify(a),
        Command::Extract(a) => archive::extract(a),
        Command::Overview(a) => archive::overview(a),
        Command::Serve(a) => serve::serve(a),
    };
    failure::finish(outcome)
}
