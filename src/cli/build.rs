//! `studietur build`, `check` and `watch`: trip files through the batch,
//! a line per file as it finishes (a progress bar on a terminal) and a
//! summary.

use super::args::{DenyWarnings, EmbedSource, Inputs, TemplateArg, parse_lang, parse_ppi};
use super::failure::{Failure, Outcome, counted, print_diagnostics};
use crate::batch::{self, Options, Status};
use crate::locale::Lang;
use crate::provenance::Recipe;
use crate::render::Format;
use clap::{Args, ValueEnum};
use indicatif::{ProgressBar, ProgressStyle};
use std::io::IsTerminal;
use std::path::PathBuf;
use std::time::Instant;

/// What `build` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FormatArg {
    /// The PDF/A-2a + PDF/UA-1 report.
    Pdf,
    /// A PNG image per page (`x-01.png` …).
    Png,
    /// An SVG image per page (`x-01.svg` …).
    Svg,
}

/// `studietur build`.
#[derive(Debug, Args)]
pub struct BuildArgs {
    #[command(flatten)]
    inputs: Inputs,
    /// Folder the PDFs are written to.
    #[arg(short = 'o', long = "out", default_value = "out")]
    out: PathBuf,
    #[command(flatten)]
    template: TemplateArg,
    #[command(flatten)]
    deny: DenyWarnings,
    /// Rebuild every report, even those whose PDF is up to date.
    #[arg(long)]
    force: bool,
    /// What to write: the PDF report, or an image per page (x-01.png …).
    #[arg(long, value_enum, default_value = "pdf")]
    format: FormatArg,
    /// The labels' language (da or en), overriding the trip files'.
    #[arg(long, value_parser = parse_lang)]
    lang: Option<Lang>,
    /// Pixels per inch of PNG pages.
    #[arg(long, default_value_t = 144.0, value_parser = parse_ppi)]
    ppi: f32,
    /// Also write, per trip, the Typst sources, data, template, assets
    /// and fonts that the stock `typst` CLI compiles into the same report.
    #[arg(long, value_name = "DIR")]
    emit_typst: Option<PathBuf>,
    #[command(flatten)]
    embed: EmbedSource,
}

/// `studietur check`.
#[derive(Debug, Args)]
pub struct CheckArgs {
    #[command(flatten)]
    inputs: Inputs,
    #[command(flatten)]
    deny: DenyWarnings,
}

/// `studietur watch`.
#[derive(Debug, Args)]
pub struct WatchArgs {
    /// The trip file.
    file: PathBuf,
    /// Folder the PDF is written to.
    #[arg(short = 'o', long = "out", default_value = "out")]
    out: PathBuf,
    #[command(flatten)]
    template: TemplateArg,
}

fn recipe(
    template: crate::template::Template,
    lang: Option<Lang>,
    embed: bool,
) -> Result<Recipe, Failure> {
    Recipe::new(template, lang, embed).map_err(|e| Failure::usage(e, None))
}

/// Refuses an output folder that is a file.
fn out_folder(out: &std::path::Path) -> Result<(), Failure> {
    if out.exists() && !out.is_dir() {
        return Err(Failure::usage(
            format!("`{}` is a file, not a folder", out.display()),
            Some("-o names the folder the reports are written to"),
        ));
    }
    Ok(())
}

/// `studietur build`.
pub fn build(a: BuildArgs) -> Outcome {
    out_folder(&a.out)?;
    let recipe = recipe(a.template.get(), a.lang, a.embed.embed_source)?;
    let options = Options {
        deny_warnings: a.deny.deny_warnings,
        force: a.force,
        emit_typst: a.emit_typst,
        pages: match a.format {
            FormatArg::Pdf => None,
            FormatArg::Png => Some((Format::Png, a.ppi)),
            FormatArg::Svg => Some((Format::Svg, a.ppi)),
        },
        ..Options::new(Some(a.out), recipe)
    };
    run(&a.inputs.inputs, &options)
}

/// `studietur check`.
pub fn check(a: CheckArgs) -> Outcome {
    let options = Options {
        deny_warnings: a.deny.deny_warnings,
        ..Options::new(None, recipe(Default::default(), None, false)?)
    };
    run(&a.inputs.inputs, &options)
}

/// `studietur watch`: until stopped.
pub fn watch(a: WatchArgs) -> Outcome {
    out_folder(&a.out)?;
    if a.file.is_dir() {
        return Err(Failure::usage(
            format!(
                "`{}` is a folder; watch follows one trip file",
                a.file.display()
            ),
            Some("name the trip file: studietur watch trips/2024-berlin.toml"),
        ));
    }
    let options = Options::new(Some(a.out), recipe(a.template.get(), None, false)?);
    eprintln!(
        "watching {} and the files it names (Ctrl-C to stop)",
        a.file.display()
    );
    crate::watch::watch(&a.file, &options, &|o, secs| {
        eprintln!("{} ({secs:.2} s)", report(o, &options));
    })
    .map_err(|e| Failure::plain(e, None))
}

/// Builds or checks `inputs` on all cores, printing diagnostics as each
/// file finishes (with a progress bar on a terminal, plain lines otherwise)
/// and a summary.
fn run(inputs: &[PathBuf], options: &Options) -> Outcome {
    let started = Instant::now();
    let (files, errors) = crate::inputs::expand(inputs);
    print_diagnostics(&errors);
    if options.out_dir.is_some() {
        let clashes = crate::inputs::clashes(&files);
        if !clashes.is_empty() {
            eprintln!("nothing was built");
            return Err(Failure::Failed(clashes));
        }
    }
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
    let timing = std::env::var_os("STUDIETUR_TIMING").is_some();
    let outcomes = batch::run(&files, options, &|o: &batch::Outcome| {
        if timing && let Some((layout, pdf)) = o.times {
            // For the benchmark's "where the time goes": STUDIETUR_TIMING=1.
            print(format!(
                "timing {}: layout {:.1} ms, pdf {:.1} ms, {}",
                crate::files::stem_of(&o.input),
                layout.as_secs_f64() * 1e3,
                pdf.as_secs_f64() * 1e3,
                counted(o.pages, "page", "pages")
            ));
        }
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
            outcomes.len()
        );
    }
    if failed > 0 {
        Err(Failure::Reported)
    } else {
        Ok(())
    }
}

/// The lines printed for one finished file: its diagnostics and a status
/// line.
fn report(outcome: &batch::Outcome, options: &Options) -> String {
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
            "built {input} → {output} ({}, {:.1} MB)",
            counted(outcome.pages, "page", "pages"),
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
