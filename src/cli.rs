//! The command line: `studietur build` and `studietur check`.

use crate::batch::{self, Options, Outcome};
use crate::diagnostic::Diagnostic;
use crate::template::Template;
use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;

/// Turns study-trip files (TOML) into the official PDF reports.
#[derive(Debug, Parser)]
#[command(name = "studietur", version, about)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Build PDF reports from trip files.
    Build {
        /// Trip files, or folders whose *.toml files are built.
        #[arg(default_value = "trips")]
        inputs: Vec<PathBuf>,
        /// Folder the PDFs are written to.
        #[arg(short = 'o', long = "out", default_value = "out")]
        out: PathBuf,
        /// A template folder (with main.typ) instead of the built-in one.
        #[arg(long)]
        template: Option<PathBuf>,
        /// Fail on warnings too.
        #[arg(long)]
        deny_warnings: bool,
    },
    /// Check trip files without writing anything.
    Check {
        /// Trip files, or folders whose *.toml files are checked.
        #[arg(default_value = "trips")]
        inputs: Vec<PathBuf>,
        /// Fail on warnings too.
        #[arg(long)]
        deny_warnings: bool,
    },
}

/// Runs the command line; exit code 0 when every input succeeded, 1 when
/// any failed, 2 for wrong usage.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let (inputs, options) = match cli.command {
        Command::Build {
            inputs,
            out,
            template,
            deny_warnings,
        } => {
            let template = match template {
                None => Template::Builtin,
                Some(dir) => match Template::dir(&dir) {
                    Ok(t) => t,
                    Err(e) => {
                        eprintln!("{}", Diagnostic::plain(e).render());
                        return ExitCode::from(2);
                    }
                },
            };
            (
                inputs,
                Options {
                    out_dir: Some(out),
                    template,
                    deny_warnings,
                },
            )
        }
        Command::Check {
            inputs,
            deny_warnings,
        } => (
            inputs,
            Options {
                out_dir: None,
                template: Template::Builtin,
                deny_warnings,
            },
        ),
    };
    run(&inputs, &options)
}

/// Builds or checks `inputs`, printing diagnostics and a summary.
pub fn run(inputs: &[PathBuf], options: &Options) -> ExitCode {
    let (files, errors) = batch::expand_inputs(inputs);
    for e in &errors {
        eprintln!("{}\n", e.render());
    }
    let mut failed = errors.len();
    let mut succeeded = 0;
    for file in &files {
        let outcome = batch::build_one(file, options);
        report(&outcome, options);
        if outcome.ok {
            succeeded += 1;
        } else {
            failed += 1;
        }
    }
    let verb = if options.out_dir.is_some() {
        "built"
    } else {
        "checked"
    };
    eprintln!("{succeeded} {verb}, {failed} failed");
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

fn report(outcome: &Outcome, options: &Options) {
    for d in &outcome.diagnostics {
        eprintln!("{}\n", d.render());
    }
    let errors = outcome.diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = outcome.diagnostics.len() - errors;
    let input = outcome.input.display();
    if outcome.ok {
        match &outcome.output {
            Some(out) => eprintln!(
                "built {input} → {} ({} pages, {:.1} MB)",
                out.display(),
                outcome.pages,
                outcome.bytes as f64 / 1e6
            ),
            None => eprintln!("ok {input}"),
        }
    } else {
        let mut parts = Vec::new();
        if errors > 0 {
            parts.push(format!(
                "{errors} error{}",
                if errors == 1 { "" } else { "s" }
            ));
        }
        if warnings > 0 {
            let why = if options.deny_warnings && errors == 0 {
                " (denied)"
            } else {
                ""
            };
            parts.push(format!(
                "{warnings} warning{}{why}",
                if warnings == 1 { "" } else { "s" }
            ));
        }
        eprintln!("failed {input}: {}", parts.join(", "));
    }
}
