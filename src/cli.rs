//! The command line: `studietur build` and `studietur check`.

use crate::batch::{self, Options, Outcome, Status};
use crate::diagnostic::Diagnostic;
use crate::locale::Lang;
use crate::render::Format;
use crate::template::Template;
use clap::{Parser, Subcommand};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;

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
        /// A built-in template by name (report, compact) or a template
        /// folder with main.typ; default: report.
        #[arg(long, value_name = "NAME|DIR")]
        template: Option<String>,
        /// Fail on warnings too.
        #[arg(long)]
        deny_warnings: bool,
        /// Rebuild every report, even those whose PDF is up to date.
        #[arg(long)]
        force: bool,
        /// What to write: the PDF report, or an image per page (x-01.png …).
        #[arg(long, value_enum, default_value = "pdf")]
        format: Format,
        /// The report's language (da or en), overriding the trip files'.
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
        /// Pixels per inch of PNG pages.
        #[arg(long, default_value_t = 144.0, value_parser = parse_ppi)]
        ppi: f32,
        /// Also write, per trip, the Typst sources, data, template, assets
        /// and fonts that the stock `typst` CLI compiles into the same report.
        #[arg(long, value_name = "DIR")]
        emit_typst: Option<PathBuf>,
        /// Attach the trip file and the files it names (up to 4 MB each) to
        /// the PDF, which is then PDF/A-3a + PDF/UA-1; `studietur extract`
        /// gets them back.
        #[arg(long)]
        embed_source: bool,
    },
    /// Write a new, commented trip file that `check` accepts as it is.
    New {
        /// The file to write (refused if it exists).
        file: PathBuf,
        /// Where the trip goes.
        #[arg(long)]
        destination: String,
        /// First day (2025-05-12).
        #[arg(long)]
        start: chrono::NaiveDate,
        /// Last day.
        #[arg(long)]
        end: chrono::NaiveDate,
        /// The committee.
        #[arg(long, default_value = "Social- og Beskæftigelsesudvalget")]
        committee: String,
        /// The municipality.
        #[arg(long, default_value = "Aarhus Kommune")]
        municipality: String,
    },
    /// Build a report, and again whenever its trip file, a file it names
    /// or the template changes.
    Watch {
        /// The trip file.
        file: PathBuf,
        /// Folder the PDF is written to.
        #[arg(short = 'o', long = "out", default_value = "out")]
        out: PathBuf,
        /// A built-in template by name or a template folder.
        #[arg(long, value_name = "NAME|DIR")]
        template: Option<String>,
    },
    /// Build every trip and file it as ARCHIVE/<year>/<name>.pdf, recorded
    /// with its sources' hashes in ARCHIVE/manifest.json.
    Archive {
        /// Trip files, or folders whose *.toml files are archived.
        #[arg(default_value = "trips")]
        inputs: Vec<PathBuf>,
        /// The archive folder.
        #[arg(short = 'o', long = "out", value_name = "ARCHIVE")]
        out: PathBuf,
        /// A built-in template by name or a template folder.
        #[arg(long, value_name = "NAME|DIR")]
        template: Option<String>,
        /// File a report whose PDF changed, keeping the old one as
        /// <name>-superseded-N.pdf.
        #[arg(long)]
        replace: bool,
        /// Attach the sources to each PDF (PDF/A-3a + PDF/UA-1).
        #[arg(long)]
        embed_source: bool,
    },
    /// Check every hash of an archive and rebuild every report, proving the
    /// archived PDFs are what their sources give today.
    Verify {
        /// The archive folder.
        archive: PathBuf,
    },
    /// Write the files attached to a PDF built with --embed-source into DIR.
    Extract {
        /// The PDF.
        pdf: PathBuf,
        /// Folder to write into.
        #[arg(short = 'o', long = "out", value_name = "DIR")]
        out: PathBuf,
    },
    /// One PDF across all trips: a table per year and a chart of the price
    /// per participant.
    Overview {
        /// Trip files, or folders whose *.toml files are included.
        #[arg(default_value = "trips")]
        inputs: Vec<PathBuf>,
        /// The PDF to write.
        #[arg(short = 'o', long = "out", default_value = "out/overview.pdf")]
        out: PathBuf,
        /// The overview's language (da or en).
        #[arg(long, value_parser = parse_lang, default_value = "da")]
        lang: Lang,
    },
    /// Print the JSON Schema of the trip file format (format 1).
    Schema,
    /// Work with templates.
    Template {
        /// What to do.
        #[command(subcommand)]
        action: TemplateAction,
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

/// `studietur template …`.
#[derive(Debug, Subcommand)]
pub enum TemplateAction {
    /// Write a built-in template's files into DIR, to change it and build
    /// with `--template DIR`.
    Export {
        /// Folder to write into (created; must not hold a main.typ yet).
        dir: PathBuf,
        /// Which built-in template.
        #[arg(long, default_value = "report")]
        name: String,
    },
    /// List the built-in templates.
    List,
}

/// Runs the command line; exit code 0 when every input succeeded, 1 when
/// any failed, 2 for wrong usage.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let (inputs, options) = match cli.command {
        Command::Template { action } => return template_command(action),
        Command::Watch {
            file,
            out,
            template,
        } => {
            let template = match template_arg(template.as_deref()) {
                Ok(t) => t,
                Err(code) => return code,
            };
            let options = Options::new(Some(out), template);
            return crate::watch::watch(&file, &options, &|o: &Outcome, secs: f64| {
                eprintln!("{} ({secs:.2} s)", report(o, &options));
            });
        }
        Command::Archive {
            inputs,
            out,
            template,
            replace,
            embed_source,
        } => {
            let template = match template_arg(template.as_deref()) {
                Ok(t) => t,
                Err(code) => return code,
            };
            return crate::archive_cli::archive(
                &inputs,
                crate::archive::Options {
                    archive: out,
                    template,
                    replace,
                    embed_source,
                },
            );
        }
        Command::Verify { archive } => return crate::archive_cli::verify(&archive),
        Command::Extract { pdf, out } => return crate::archive_cli::extract(&pdf, &out),
        Command::Overview { inputs, out, lang } => {
            return crate::archive_cli::overview(&inputs, &out, lang);
        }
        Command::Schema => {
            println!("{:#}", crate::structure::json_schema());
            return ExitCode::SUCCESS;
        }
        Command::New {
            file,
            destination,
            start,
            end,
            committee,
            municipality,
        } => {
            return new_command(
                &file,
                crate::scaffold::NewTrip {
                    destination,
                    start,
                    end,
                    committee,
                    municipality,
                    schema: None,
                },
            );
        }
        Command::Build {
            inputs,
            out,
            template,
            deny_warnings,
            force,
            emit_typst,
            format,
            ppi,
            lang,
            embed_source,
        } => {
            let template = match template_arg(template.as_deref()) {
                Ok(t) => t,
                Err(code) => return code,
            };
            (
                inputs,
                Options {
                    out_dir: Some(out),
                    template,
                    deny_warnings,
                    force,
                    emit_typst,
                    format,
                    ppi,
                    lang,
                    embed_source,
                },
            )
        }
        Command::Check {
            inputs,
            deny_warnings,
        } => (
            inputs,
            Options {
                deny_warnings,
                ..Options::new(None, Template::default())
            },
        ),
    };
    run(&inputs, &options)
}

/// Prints `d` and gives exit code `code` (1: failed, 2: wrong usage).
pub(crate) fn fail(d: Diagnostic, code: u8) -> ExitCode {
    eprintln!("{}", d.render());
    ExitCode::from(code)
}

/// Prints each diagnostic, followed by an empty line.
pub(crate) fn print_diagnostics(diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        eprintln!("{}\n", d.render());
    }
}

/// The template a `--template` argument names (the default without one);
/// on a wrong name, the message is printed and the usage exit code returned.
fn template_arg(name: Option<&str>) -> Result<Template, ExitCode> {
    match name.map(Template::named_or_dir) {
        None => Ok(Template::default()),
        Some(Ok(t)) => Ok(t),
        Some(Err(e)) => {
            eprintln!("{}", Diagnostic::plain(e).render());
            Err(ExitCode::from(2))
        }
    }
}

/// The schema file of the repository a user works in, if there is one.
pub const SCHEMA_PATH: &str = "schema/trip-format-1.json";

fn new_command(file: &std::path::Path, mut trip: crate::scaffold::NewTrip) -> ExitCode {
    if trip.end < trip.start {
        return fail(
            Diagnostic::plain(format!(
                "--end {} is before --start {}",
                trip.end, trip.start
            ))
            .with_help("--end is the trip's last day"),
            2,
        );
    }
    if file.exists() {
        return fail(
            Diagnostic::plain(format!("`{}` exists already", file.display()))
                .with_help("studietur new never overwrites a file; choose another name"),
            1,
        );
    }
    // Point editors at the schema, relative to the new file, when the
    // current folder has one (a clone of the studietur repository does).
    let schema = std::path::Path::new(SCHEMA_PATH);
    if schema.is_file() {
        let dir = file.parent().unwrap_or(std::path::Path::new(""));
        let depth = dir
            .components()
            .filter(|c| matches!(c, std::path::Component::Normal(_)))
            .count();
        trip.schema = Some(format!("{}{SCHEMA_PATH}", "../".repeat(depth)));
    }
    let text = crate::scaffold::skeleton(&trip);
    // Create the file only if it still does not exist.
    let written = std::fs::create_dir_all(
        file.parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(std::path::Path::new(".")),
    )
    .and_then(|()| {
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(file)
    })
    .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()));
    match written {
        Ok(()) => {
            eprintln!(
                "wrote {}; check it with `studietur check {}`",
                file.display(),
                file.display()
            );
            ExitCode::SUCCESS
        }
        Err(e) => fail(
            Diagnostic::plain(format!("cannot write `{}`: {e}", file.display())),
            1,
        ),
    }
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::from_code(s).ok_or_else(|| "write da (Danish) or en (English)".into())
}

fn parse_ppi(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(v) if (10.0..=1200.0).contains(&v) => Ok(v),
        _ => Err("write a number of pixels per inch from 10 to 1200, like 144".into()),
    }
}

fn template_command(action: TemplateAction) -> ExitCode {
    match action {
        TemplateAction::List => {
            for b in &crate::template::BUILTINS {
                println!("{:8} {}", b.name, b.about);
            }
            ExitCode::SUCCESS
        }
        TemplateAction::Export { dir, name } => {
            let Some(b) = crate::template::BUILTINS.iter().find(|b| b.name == name) else {
                return fail(
                    Diagnostic::plain(format!("there is no built-in template `{name}`"))
                        .with_help("see `studietur template list`"),
                    2,
                );
            };
            if dir.join("main.typ").exists() {
                return fail(
                    Diagnostic::plain(format!("`{}` already holds a main.typ", dir.display()))
                        .with_help("choose a new folder; studietur does not overwrite a template"),
                    1,
                );
            }
            for (rel, text) in b.files {
                if let Err(e) = batch::write_atomic(&dir.join(rel), text.as_bytes()) {
                    return fail(
                        Diagnostic::plain(format!(
                            "cannot write `{}`: {e}",
                            dir.join(rel).display()
                        )),
                        1,
                    );
                }
            }
            eprintln!(
                "wrote the `{name}` template into {}; build with --template {}",
                dir.display(),
                dir.display()
            );
            ExitCode::SUCCESS
        }
    }
}

/// Builds or checks `inputs` on all cores, printing diagnostics as each
/// file finishes (with a progress bar on a terminal, plain lines otherwise)
/// and a summary.
pub fn run(inputs: &[PathBuf], options: &Options) -> ExitCode {
    let started = Instant::now();
    let (files, errors) = batch::expand_inputs(inputs);
    print_diagnostics(&errors);
    let bar = if std::io::stderr().is_terminal() && files.len() > 1 {
        let bar = ProgressBar::new(files.len() as u64);
        bar.set_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} {elapsed} {wide_msg}")
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
        );
        Some(bar)
    } else {
        None
    };
    let print = |text: String| match &bar {
        Some(b) => b.println(text),
        None => eprintln!("{text}"),
    };
    let outcomes = batch::run(&files, options, &|o: &Outcome| {
        print(report(o, options));
        if let Some(b) = &bar {
            b.set_message(o.input.display().to_string());
            b.inc(1);
        }
    });
    if let Some(b) = &bar {
        b.finish_and_clear();
    }
    let count = |s: Status| outcomes.iter().filter(|o| o.status == s).count();
    let failed = count(Status::Failed) + errors.len();
    let elapsed = started.elapsed().as_secs_f64();
    if options.out_dir.is_some() {
        eprintln!(
            "{} built, {} unchanged, {failed} failed in {elapsed:.2} s",
            count(Status::Built),
            count(Status::Unchanged)
        );
    } else {
        eprintln!(
            "{} checked, {failed} failed in {elapsed:.2} s",
            count(Status::Checked)
        );
    }
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// The lines printed for one finished file: its diagnostics and a status
/// line.
fn report(outcome: &Outcome, options: &Options) -> String {
    let mut out = String::new();
    for d in &outcome.diagnostics {
        out.push_str(&d.render());
        out.push_str("\n\n");
    }
    let errors = outcome.diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = outcome.diagnostics.len() - errors;
    let input = outcome.input.display();
    let output = outcome
        .output
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    let line = match outcome.status {
        Status::Built => format!(
            "built {input} → {output} ({} pages, {:.1} MB)",
            outcome.pages,
            outcome.bytes as f64 / 1e6
        ),
        Status::Unchanged => format!("unchanged {input} → {output}"),
        Status::Checked => format!("ok {input}"),
        Status::Failed => {
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
            format!("failed {input}: {}", parts.join(", "))
        }
    };
    out.push_str(&line);
    out
}
