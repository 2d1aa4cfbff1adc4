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
    /// Every trip file of the run (canonical): no output is written over
    /// one.
    pub inputs: Vec<PathBuf>,
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
            inputs: Vec::new(),
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
    /// What to record in the cache for the PDF and web page written.
    pub cache_entries: Vec<(String, cache::Entry)>,
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
            cache_entries: Vec::new(),
        }
    }

    /// Whether this file succeeded.
    pub fn ok(&self) -> bool {
        self.status != Status::Failed
    }
}

/// Builds (or checks) `files` on all cores, calling `done` as each
/// finishes; returns the outcomes in the order of `files`. With an output
/// folder, the skip-unchanged cache there is read first, each report's
/// entry recorded as it finishes (a killed build keeps them), and the
/// cache saved whole last; temporary files a killed studietur left there
/// are removed first.
pub fn run(files: &[PathBuf], options: &Options, done: &(dyn Fn(&Outcome) + Sync)) -> Vec<Outcome> {
    if let Some(out) = &options.out_dir {
        crate::files::remove_stale_temps(out);
    }
    let mut cache = options
        .out_dir
        .as_deref()
        .map(Cache::load)
        .unwrap_or_default();
    let mut options = options.clone();
    options.inputs.extend(
        files
            .iter()
            .map(|f| f.canonicalize().unwrap_or_else(|_| f.clone())),
    );
    let options = &options;
    // Whole documents on plain worker threads (see `parallel`), the longest
    // trip files first, so that no long report is left running alone at
    // the end while the other cores idle; the outcomes in the order given.
    let mut order: Vec<usize> = (0..files.len()).collect();
    order.sort_by_key(|&i| std::cmp::Reverse(std::fs::metadata(&files[i]).map_or(0, |m| m.len())));
    let built = crate::parallel::map(&order, |&i| {
        let outcome = build_one(&files[i], options, &cache);
        if let Some(out_dir) = &options.out_dir {
            for (name, entry) in &outcome.cache_entries {
                // A cache that cannot be written only costs a rebuild.
                let _ = Cache::record(out_dir, name, entry);
            }
        }
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
            for (name, entry) in &o.cache_entries {
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
    // A web page (with its PDF, when asked) whose sources and files are as
    // the cache records is not written again.
    if let (Some(out_dir), Output::Web { pdf }) = (&options.out_dir, &output)
        && !options.force
        && options.emit_typst.is_none()
    {
        let stem = stem_of(input);
        let recipe = &options.recipe;
        let deny = options.deny_warnings;
        let web = cache.web_unchanged(out_dir, &stem, input, recipe, deny);
        if web && (!pdf || cache.is_unchanged(out_dir, &pdf_name, input, recipe, deny)) {
            let index = out_dir.join(&stem).join(crate::web::INDEX);
            outcome.status = Status::Unchanged;
            outcome.output = Some(if *pdf {
                out_dir.join(&pdf_name)
            } else {
                index.clone()
            });
            outcome.web = Some(index);
            return outcome;
        }
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
    // Nothing is written over an input or a file studietur did not write.
    let named: Vec<PathBuf> = built
        .provenance
        .files
        .iter()
        .map(|f| crate::files::folder_of(input).join(&f.path))
        .chain(std::iter::once(input.to_path_buf()))
        .collect();
    if let Err(d) = outputs_free(&outputs_of(out_dir, &stem, options), &named, options) {
        outcome.diagnostics.push(d);
        return outcome;
    }
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
                write_pdf(
                    &mut outcome,
                    out_dir,
                    pdf_name,
                    rendered,
                    built.provenance.clone(),
                );
                if outcome.status != Status::Built {
                    return outcome;
                }
            }
            match crate::files::write_folder_atomic(&folder, &page.files, crate::web::INDEX) {
                Ok(()) => {
                    let warnings = outcome.diagnostics.len();
                    outcome.cache_entries.push((
                        cache::Entry::web_key(&stem),
                        cache::Entry::web(built.provenance.clone(), &page.files, warnings),
                    ));
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
            outcome.cache_entries.push((
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

/// The extension of page images in `format`.
fn page_ext(format: Format) -> &'static str {
    match format {
        Format::Svg => "svg",
        Format::Png => "png",
    }
}

/// The name of page `i` (1-based) of `n`: `stem-01.png` (at least two
/// digits).
fn page_name(out_dir: &Path, stem: &str, ext: &str, i: usize, n: usize) -> PathBuf {
    let width = n.to_string().len().max(2);
    out_dir.join(format!("{stem}-{i:0width$}.{ext}"))
}

/// Every file the trip named `stem` may write or remove in `out_dir`: its
/// PDF, its web page's `index.html`, and page images already there of any
/// numbering (`stem-01.png` …; those of the new pages are known only once
/// they are drawn and are checked then).
fn outputs_of(out_dir: &Path, stem: &str, options: &Options) -> Vec<PathBuf> {
    let mut out = Vec::new();
    match (options.pages, options.web) {
        (Some((format, _)), _) => {
            let ext = page_ext(format);
            for width in [2usize, 3, 4] {
                let mut i = 1;
                loop {
                    let p = out_dir.join(format!("{stem}-{i:0width$}.{ext}"));
                    if !p.exists() {
                        break;
                    }
                    out.push(p);
                    i += 1;
                }
            }
        }
        (None, web) => {
            if options.pdf {
                out.push(out_dir.join(output_name(Path::new(stem), "pdf")));
            }
            if web {
                out.push(out_dir.join(stem).join(crate::web::INDEX));
            }
        }
    }
    out
}

/// Refuses, before anything is written, an output that is an input of the
/// run (a trip file, or a file this trip names) or a file that exists and
/// was not written by studietur.
fn outputs_free(
    outputs: &[PathBuf],
    named: &[PathBuf],
    options: &Options,
) -> Result<(), Diagnostic> {
    use crate::messages::keeping as k;
    let canonical = |p: &Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    let inputs: Vec<PathBuf> = named
        .iter()
        .map(|p| canonical(p))
        .chain(options.inputs.iter().cloned())
        .collect();
    for out in outputs {
        let c = canonical(out);
        if inputs.contains(&c) {
            return Err(
                Diagnostic::plain(k::output_is_input(out)).with_help(k::output_is_input_help())
            );
        }
        if out.exists() && !crate::files::written_by_studietur(out) {
            return Err(
                Diagnostic::plain(k::output_not_ours(out)).with_help(k::output_not_ours_help())
            );
        }
    }
    Ok(())
}

/// Writes page images `stem-01.png` … (numbered with at least two digits)
/// and removes higher-numbered pages left from a longer earlier version,
/// each marked as studietur's; a page it would replace or remove that
/// studietur did not write refuses the whole, before anything is written.
/// Returns the first page's path.
fn write_pages(
    out_dir: &Path,
    stem: &str,
    format: Format,
    pages: &[Vec<u8>],
) -> std::io::Result<PathBuf> {
    let ext = page_ext(format);
    let name = |i: usize| page_name(out_dir, stem, ext, i, pages.len());
    let mut stale = Vec::new();
    while name(pages.len() + 1 + stale.len()).exists() {
        stale.push(name(pages.len() + 1 + stale.len()));
    }
    let targets: Vec<PathBuf> = (1..=pages.len())
        .map(name)
        .chain(stale.iter().cloned())
        .collect();
    if let Some(theirs) = targets
        .iter()
        .find(|t| t.exists() && !crate::files::written_by_studietur(t))
    {
        return Err(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            format!(
                "{} exists and was not written by studietur",
                theirs.display()
            ),
        ));
    }
    for (i, page) in pages.iter().enumerate() {
        write_atomic(&name(i + 1), &crate::files::mark_page(page, ext))?;
    }
    for s in stale {
        std::fs::remove_file(s)?;
    }
    Ok(name(1))
}
