//! `studietur build`, `check` and `watch`: trip files through the batch,
//! a line per file as it finishes (a progress bar on a terminal) and a
//! summary.

use super::args::{DenyWarnings, EmbedSource, Inputs, LangArg, TemplateArg, parse_lang, parse_ppi};
use super::failure::{Failure, Outcome, print_diagnostics};
use crate::batch::{self, Options, Status};
use crate::locale::Lang;
use crate::messages::{Arg, cli as m};
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
    /// The accessible web page (`x/index.html` with its photos and
    /// stylesheet), linking to the PDF when that is built too.
    Html,
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
    /// What to write, one or more of pdf and html (`--format pdf,html`), or
    /// an image per page: png or svg (x-01.png …).
    #[arg(long, value_enum, value_delimiter = ',', default_value = "pdf")]
    format: Vec<FormatArg>,
    /// The labels' language (da or en), overriding the trip files'; also
    /// the language of the messages (default: from LC_ALL, LC_MESSAGES or
    /// LANG).
    #[arg(long, value_parser = parse_lang)]
    pub(super) lang: Option<Lang>,
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
    #[command(flatten)]
    pub(super) lang: LangArg,
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
    #[command(flatten)]
    pub(super) lang: LangArg,
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
            m::out_is_file(out),
            Some(m::out_is_file_help()),
        ));
    }
    Ok(())
}

/// `studietur build`, speaking `lang`.
pub fn build(a: BuildArgs, lang: Lang) -> Outcome {
    out_folder(&a.out)?;
    let recipe = recipe(a.template.get(), a.lang, a.embed.embed_source)?;
    let has = |f: FormatArg| a.format.contains(&f);
    let pages = match (has(FormatArg::Png), has(FormatArg::Svg)) {
        (true, false) => Some((Format::Png, a.ppi)),
        (false, true) => Some((Format::Svg, a.ppi)),
        (false, false) => None,
        (true, true) => {
            return Err(Failure::usage(
                m::format_pages_alone(),
                Some(m::format_pages_alone_help()),
            ));
        }
    };
    if pages.is_some() && (has(FormatArg::Pdf) || has(FormatArg::Html)) {
        return Err(Failure::usage(
            m::format_pages_alone(),
            Some(m::format_pages_alone_help()),
        ));
    }
    let options = Options {
        deny_warnings: a.deny.deny_warnings,
        force: a.force,
        emit_typst: a.emit_typst,
        pages,
        web: has(FormatArg::Html),
        pdf: has(FormatArg::Pdf),
        ..Options::new(Some(a.out), recipe)
    };
    run(&a.inputs.inputs, &options, lang)
}

/// `studietur check`, speaking `lang`.
pub fn check(a: CheckArgs, lang: Lang) -> Outcome {
    let options = Options {
        deny_warnings: a.deny.deny_warnings,
        ..Options::new(None, recipe(Default::default(), None, false)?)
    };
    run(&a.inputs.inputs, &options, lang)
}

/// `studietur watch`, speaking `lang`: until stopped.
pub fn watch(a: WatchArgs, lang: Lang) -> Outcome {
    out_folder(&a.out)?;
    if a.file.is_dir() {
        return Err(Failure::usage(
            m::watch_folder(&a.file),
            Some(m::watch_folder_help()),
        ));
    }
    let options = Options::new(Some(a.out), recipe(a.template.get(), None, false)?);
    eprintln!("{}", m::watching(&a.file).in_lang(lang));
    let timing = std::env::var_os("STUDIETUR_TIMING").is_some();
    crate::watch::watch(&a.file, &options, &|o, secs| {
        if timing && let Some((layout, pdf)) = o.times {
            // For the benchmark: a line for programs, never translated.
            eprintln!(
                "timing {}: layout {:.1} ms, pdf {:.1} ms, total {:.1} ms",
                crate::files::stem_of(&o.input),
                layout.as_secs_f64() * 1e3,
                pdf.as_secs_f64() * 1e3,
                secs * 1e3
            );
        }
        let line = m::watch_line(report(o, &options, lang), Arg::decimal(secs, 2));
        eprintln!("{}", line.in_lang(lang));
    })
    .map_err(|e| Failure::plain(e, None))
}

/// Builds or checks `inputs` on all cores, printing diagnostics as each
/// file finishes (with a progress bar on a terminal, plain lines otherwise)
/// and a summary.
fn run(inputs: &[PathBuf], options: &Options, lang: Lang) -> Outcome {
    let started = Instant::now();
    let (files, errors) = crate::inputs::expand(inputs);
    print_diagnostics(lang, &errors);
    if options.out_dir.is_some() {
        let clashes = crate::inputs::clashes(&files);
        if !clashes.is_empty() {
            eprintln!("{}", m::nothing_built().in_lang(lang));
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
            // A line for programs, so never translated.
            print(format!(
                "timing {}: layout {:.1} ms, pdf {:.1} ms, {} page{}",
                crate::files::stem_of(&o.input),
                layout.as_secs_f64() * 1e3,
                pdf.as_secs_f64() * 1e3,
                o.pages,
                if o.pages == 1 { "" } else { "s" }
            ));
        }
        print(report(o, options, lang));
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
    let elapsed = Arg::decimal(started.elapsed().as_secs_f64(), 2);
    let summary = if options.out_dir.is_some() {
        m::summary_built(
            count(Status::Built),
            count(Status::Unchanged),
            failed,
            elapsed,
        )
    } else {
        m::summary_checked(outcomes.len(), failed, elapsed)
    };
    eprintln!("{}", summary.in_lang(lang));
    if failed > 0 {
        Err(Failure::Reported)
    } else {
        Ok(())
    }
}

/// The lines printed for one finished file, in `lang`: its diagnostics and
/// a status line.
fn report(outcome: &batch::Outcome, options: &Options, lang: Lang) -> String {
    let mut out = String::new();
    for d in &outcome.diagnostics {
        out.push_str(&d.render_in(lang));
        out.push_str("\n\n");
    }
    let errors = outcome.diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = outcome.diagnostics.len() - errors;
    let input = outcome.input.as_path();
    let mut output = outcome
        .output
        .as_ref()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    if let Some(web) = &outcome.web
        && outcome.output.as_ref() != Some(web)
    {
        output = format!("{output} + {}", web.display());
    }
    let size = Arg::decimal(outcome.bytes as f64 / 1e6, 1);
    let line = match outcome.status {
        Status::Built if outcome.pages == 0 => m::line_built_web(input, output, size),
        Status::Built => m::line_built(input, output, m::count_pages(outcome.pages), size),
        Status::Unchanged => m::line_unchanged(input, output),
        Status::Checked => m::line_ok(input),
        Status::Failed => {
            let mut parts = Vec::new();
            if errors > 0 {
                parts.push(m::count_errors(errors));
            }
            if warnings > 0 {
                parts.push(if options.deny_warnings && errors == 0 {
                    m::count_warnings_denied(warnings)
                } else {
                    m::count_warnings(warnings)
                });
            }
            m::line_failed(input, Arg::list(parts, ", "))
        }
    };
    out.push_str(&line.in_lang(lang));
    out
}
