//! Building many trip files on all cores: each through the [`pipeline`],
//! skipping those the cache calls unchanged, each output written through a
//! temporary file that is renamed into place (so a failed or interrupted
//! build never leaves a half-written or destroyed PDF).

use crate::cache::{self, Cache};
use crate::diagnostic::Diagnostic;
use crate::files::{output_name, stem_of, write_atomic};
use crate::messages::making as m;
use crate::pipeline::{self, Hook, Job, Output, Product};
use crate::provenance::Recipe;
use crate::render::Format;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// What to do with each trip file.
#[derive(Clone)]
pub struct Options<'a> {
    /// Where outputs go; `None` checks only.
    pub out_dir: Option<PathBuf>,
    /// How to build.
    pub recipe: Recipe,
    /// Warnings fail the build.
    pub deny_warnings: bool,
    /// Rebuild even what is unchanged.
    pub force: bool,
    /// Also write the Typst sources of each report into this folder.
    pub emit_typst: Option<PathBuf>,
    /// Page images instead of the PDF.
    pub pages: Option<(Format, f32)>,
    /// The web page too (`<out>/<stem>/index.html`), or instead of the
    /// PDF when `pdf` is false.
    pub web: bool,
    /// The PDF (false only with `web`: the web page alone).
    pub pdf: bool,
    /// Called with each checked trip before it is laid out (tests).
    pub on_checked: Option<Hook<'a>>,
}

impl Options<'_> {
    /// Plain PDF builds into `out_dir` (or checking only, with `None`) with
    /// `recipe`: no forcing, no extra outputs.
    pub fn new(out_dir: Option<PathBuf>, recipe: Recipe) -> Self {
        Options {
            out_dir,
            recipe,
            deny_warnings: false,
            force: false,
            emit_typst: None,
            pages: None,
            web: false,
            pdf: true,
            on_checked: None,
        }
    }

    fn output(&self) -> Output {
        match (&self.out_dir, self.pages) {
            (None, _) => Output::Check,
            (Some(_), Some((format, ppi))) => Output::Pages { format, ppi },
            (Some(_), None) if self.web => Output::Web { pdf: self.pdf },
            (Some(_), None) => Output::Pdf,
        }
    }
}

/// How one trip file fared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Checked (no output asked for).
    Checked,
    /// The output was written.
    Built,
    /// Its PDF was up to date and left alone.
    Unchanged,
    /// Errors (or denied warnings): nothing written.
    Failed,
}

/// The result for one trip file.
#[derive(Debug)]
pub struct Outcome {
    /// The trip file.
    pub input: PathBuf,
    /// The output written or kept (the first page of page images), if any.
    pub output: Option<PathBuf>,
    /// The web page written, if any.
    pub web: Option<PathBuf>,
    /// Pages written.
    pub pages: usize,
    /// Bytes written.
    pub bytes: usize,
    /// Layout and PDF time, for a PDF built.
    pub times: Option<(Duration, Duration)>,
    /// Errors and warnings.
    pub diagnostics: Vec<Diagnostic>,
    /// How it fared.
    pub status: Status,
    /// What to record in the cache for the PDF written.
    pub cache_entry: Option<(String, cache::Entry)>,
}

impl Outcome {
    /// A failure of `input` with `diagnostics`, before anything was built.
    pub fn failed(input: &Path, diagnostics: Vec<Diagnostic>) -> Self {
        Outcome {
            diagnostics,
            ..Outcome::new(input)
        }
    }

    fn new(input: &Path) -> Self {
        Outcome {
            input: input.to_path_buf(),
            output: None,
            web: None,
            pages: 0,
            bytes: 0,
            times: None,
            diagnostics: Vec::new(),
            status: Status::Failed,
            cache_entry: None,
        }
    }

    /// Whether this file succeeded.
    pub fn ok(&self) -> bool {
        self.status != Status::Failed
    }
}

/// Builds (or checks) `files` on all cores, calling `done` as each
/// finishes; returns the outcomes in the order of `files`. With an output
/// folder, the skip-unchanged cache there is read first and updated last.
pub fn run(files: &[PathBuf], options: &Options, done: &(dyn Fn(&Outcome) + Sync)) -> Vec<Outcome> {
    let mut cache = options
        .out_dir
        .as_deref()
        .map(Cache::load)
        .unwrap_or_default();
    // Whole documents on plain worker threads (see `parallel`), the longest
    // trip files first, so that no long report is left running alone at
    // the end while the other cores idle; the outcomes in the order given.
    let mut order: Vec<usize> = (0..files.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(std::fs::metadata(&files[i]).map_or(0, |m| m.len())));
    let built = crate::parallel::map(&order, |&i| {
        let outcome = build_one(&files[i], options, &cache);
        done(&outcome);
        (i, outcome)
    });
    let mut outcomes: Vec<Option<Outcome>> = files.iter().map(|_| None).collect();
    for (i, o) in built {
        outcomes[i] = Some(o);
    }
    let outcomes: Vec<Outcome> = outcomes.into_iter().flatten().collect();
    if let Some(out_dir) = &options.out_dir {
        let mut changed = false;
        for o in &outcomes {
            if let Some((name, entry)) = &o.cache_entry {
                cache.entries.insert(name.clone(), entry.clone());
                changed = true;
            }
        }
        if changed {
            // A cache that cannot be written only costs a rebuild next time.
            let _ = cache.save(out_dir);
        }
    }
    outcomes
}

/// Checks and (with an output folder) builds one trip file, unless its PDF
/// is unchanged according to `cache`.
pub fn build_one(input: &Path, options: &Options, cache: &Cache) -> Outcome {
    let mut outcome = Outcome::new(input);
    let output = options.output();
    let pdf_name = output_name(input, "pdf");
    if let Some(out_dir) = &options.out_dir
        && !options.force
        && options.emit_typst.is_none()
        && output == Output::Pdf
        && cache.is_unchanged(
            out_dir,
            &pdf_name,
            input,
            &options.recipe,
            options.deny_warnings,
        )
    {
        outcome.status = Status::Unchanged;
        outcome.output = Some(out_dir.join(&pdf_name));
        return outcome;
    }
    let job = Job {
        deny_warnings: options.deny_warnings,
        on_checked: options.on_checked,
        ..Job::new(input, &options.recipe, output)
    };
    let built = match pipeline::run(&job) {
        Ok(built) => built,
        Err(diagnostics) => {
            outcome.diagnostics = diagnostics;
            return outcome;
        }
    };
    outcome.diagnostics = built.warnings;
    let Some(out_dir) = &options.out_dir else {
        outcome.status = Status::Checked;
        return outcome;
    };
    let stem = stem_of(input);
    if let Some(emit) = &options.emit_typst
        && let Err(e) =
            crate::render::emit_typst(&built.trip, &options.recipe.template, &emit.join(&stem))
    {
        outcome
            .diagnostics
            .push(Diagnostic::plain(m::typst_unwritable(&emit.join(&stem), e)));
        return outcome;
    }
    match built.product {
        Product::Checked | Product::Document(_) => outcome.status = Status::Checked,
        Product::Pages(pages) => {
            let format = options.pages.map_or(Format::Png, |(f, _)| f);
            match write_pages(out_dir, &stem, format, &pages) {
                Ok(first) => {
                    outcome.status = Status::Built;
                    outcome.pages = pages.len();
                    outcome.bytes = pages.iter().map(Vec::len).sum();
                    outcome.output = Some(first);
                }
                Err(e) => outcome
                    .diagnostics
                    .push(Diagnostic::plain(m::pages_unwritable(&stem, out_dir, e))),
            }
        }
        Product::Pdf(rendered) => {
            write_pdf(&mut outcome, out_dir, pdf_name, rendered, built.provenance);
        }
        Product::Web { pdf, page } => {
            let folder = out_dir.join(&stem);
            // The PDF is not replaced when its web page cannot be.
            if let Err(e) = crate::files::replaceable_folder(&folder, crate::web::INDEX) {
                outcome.status = Status::Failed;
                outcome
                    .diagnostics
                    .push(Diagnostic::plain(m::web_unwritable(&folder, e)));
                return outcome;
            }
            if let Some(rendered) = pdf {
                write_pdf(&mut outcome, out_dir, pdf_name, rendered, built.provenance);
                if outcome.status != Status::Built {
                    return outcome;
                }
            }
            match crate::files::write_folder_atomic(&folder, &page.files, crate::web::INDEX) {
                Ok(()) => {
                    outcome.status = Status::Built;
                    outcome.bytes += page.files.iter().map(|f| f.1.len()).sum::<usize>();
                    if outcome.output.is_none() {
                        outcome.output = Some(folder.join(crate::web::INDEX));
                    }
                    outcome.web = Some(folder.join(crate::web::INDEX));
                }
                Err(e) => {
                    outcome.status = Status::Failed;
                    outcome
                        .diagnostics
                        .push(Diagnostic::plain(m::web_unwritable(&folder, e)));
                }
            }
        }
    }
    outcome
}

/// Writes the PDF `rendered` as `out_dir/pdf_name` and records it in the
/// outcome (and what to put in the cache).
fn write_pdf(
    outcome: &mut Outcome,
    out_dir: &Path,
    pdf_name: String,
    rendered: crate::render::Rendered,
    provenance: crate::provenance::Provenance,
) {
    let target = out_dir.join(&pdf_name);
    match write_atomic(&target, &rendered.pdf) {
        Ok(()) => {
            let warnings = outcome.diagnostics.len();
            outcome.cache_entry = Some((
                pdf_name,
                cache::Entry::new(provenance, &rendered.pdf, warnings),
            ));
            outcome.status = Status::Built;
            outcome.pages = rendered.pages;
            outcome.bytes = rendered.pdf.len();
            outcome.times = Some((rendered.layout_time, rendered.pdf_time));
            outcome.output = Some(target);
        }
        Err(e) => outcome
            .diagnostics
            .push(Diagnostic::plain(m::cannot_write(&target, e))),
    }
}

/// Writes page images `stem-01.png` … (numbered with at least two digits)
/// and removes higher-numbered pages left from a longer earlier version.
/// Returns the first page's path.
fn write_pages(
    out_dir: &Path,
    stem: &str,
    format: Format,
    pages: &[Vec<u8>],
) -> std::io::Result<PathBuf> {
    let ext = match format {
        Format::Svg => "svg",
        Format::Png => "png",
    };
    let width = pages.len().to_string().len().max(2);
    let name = |i: usize| out_dir.join(format!("{stem}-{i:0width$}.{ext}"));
    for (i, page) in pages.iter().enumerate() {
        write_atomic(&name(i + 1), page)?;
    }
    let mut stale = pages.len() + 1;
    while name(stale).exists() {
        std::fs::remove_file(name(stale))?;
        stale += 1;
    }
    Ok(name(1))
}
