//! Building many trip files: finding them, building each, and writing each
//! PDF through a temporary file that is renamed into place, so a failed or
//! interrupted build never leaves a half-written or destroyed PDF.

use crate::cache::{self, Cache};
use crate::diagnostic::Diagnostic;
use crate::render::{self, Format};
use crate::template::Template;
use crate::validation;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What to do with each trip file.
#[derive(Debug, Clone)]
pub struct Options {
    /// Where PDFs go; `None` checks only.
    pub out_dir: Option<PathBuf>,
    /// The layout.
    pub template: Template,
    /// Warnings fail the build.
    pub deny_warnings: bool,
    /// Rebuild even what is unchanged.
    pub force: bool,
    /// Also write the Typst sources of each report into this folder.
    pub emit_typst: Option<PathBuf>,
    /// What to write: the PDF, or an image per page.
    pub format: Format,
    /// Pixels per inch of PNG pages.
    pub ppi: f32,
    /// The report's language, overriding the trip file's `language`.
    pub lang: Option<crate::locale::Lang>,
    /// Attach the trip file and the files it names to the PDF (PDF/A-3a).
    pub embed_source: bool,
}

impl Options {
    /// Plain PDF builds into `out_dir` (or checking only, with `None`) with
    /// `template`: no forcing, no extra outputs, the trip files' language.
    pub fn new(out_dir: Option<PathBuf>, template: Template) -> Self {
        Options {
            out_dir,
            template,
            deny_warnings: false,
            force: false,
            emit_typst: None,
            format: Format::Pdf,
            ppi: 144.0,
            lang: None,
            embed_source: false,
        }
    }
}

/// How one trip file fared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Checked (no output asked for).
    Checked,
    /// The PDF was written.
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
    /// The PDF written or kept, if any.
    pub output: Option<PathBuf>,
    /// Pages of the PDF written.
    pub pages: usize,
    /// Size of the PDF written.
    pub bytes: usize,
    /// Errors and warnings.
    pub diagnostics: Vec<Diagnostic>,
    /// How it fared.
    pub status: Status,
    /// What to record in the cache for the PDF written.
    pub cache_entry: Option<(String, cache::Entry)>,
}

impl Outcome {
    /// Whether this file succeeded.
    pub fn ok(&self) -> bool {
        self.status != Status::Failed
    }
}

/// Builds (or checks) `files` on all cores, calling `done` as each
/// finishes; returns the outcomes in the order of `files`. With an output
/// folder, the skip-unchanged cache there is read first and updated last.
pub fn run(files: &[PathBuf], options: &Options, done: &(dyn Fn(&Outcome) + Sync)) -> Vec<Outcome> {
    let cache = options
        .out_dir
        .as_deref()
        .map(Cache::load)
        .unwrap_or_default();
    let key = build_key(options);
    // Whole documents on plain worker threads (see `parallel`).
    let outcomes = crate::parallel::map(files, |file| {
        let outcome = build_one(file, options, &cache, &key);
        done(&outcome);
        outcome
    });
    if let Some(out_dir) = &options.out_dir {
        let mut cache = cache;
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

/// What decides a PDF's bytes besides the trip file and the files it
/// names: the template, and the options that change the output
/// (`--embed-source`, `--lang`). Part of the skip-unchanged cache key.
pub fn build_key(options: &Options) -> String {
    let mut key = cache::template_fingerprint(&options.template);
    if options.embed_source {
        key.push_str(" +embedded sources");
    }
    if let Some(lang) = options.lang {
        key.push_str(" +lang ");
        key.push_str(lang.code());
    }
    key
}

/// Expands inputs: a file is itself, a folder is every `*.toml` directly in
/// it (sorted by name).
pub fn expand_inputs(inputs: &[PathBuf]) -> (Vec<PathBuf>, Vec<Diagnostic>) {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for input in inputs {
        if input.is_dir() {
            match std::fs::read_dir(input) {
                Ok(entries) => {
                    let mut found: Vec<PathBuf> = entries
                        .filter_map(Result::ok)
                        .map(|e| e.path())
                        .filter(|p| p.is_file() && p.extension().is_some_and(|e| e == "toml"))
                        .collect();
                    found.sort();
                    if found.is_empty() {
                        errors.push(
                            Diagnostic::plain(format!(
                                "`{}` holds no .toml trip files",
                                input.display()
                            ))
                            .with_help("name a trip file, or a folder with trip files in it"),
                        );
                    }
                    files.extend(found);
                }
                Err(e) => errors.push(Diagnostic::plain(format!(
                    "cannot read the folder `{}`: {e}",
                    input.display()
                ))),
            }
        } else if input.exists() {
            files.push(input.clone());
        } else {
            errors.push(
                Diagnostic::plain(format!("`{}` does not exist", input.display()))
                    .with_help("name a trip file (.toml) or a folder of them"),
            );
        }
    }
    (files, errors)
}

/// The PDF's file name for a trip file: `2023-amsterdam.toml` →
/// `2023-amsterdam.pdf`.
pub fn output_name(input: &Path) -> String {
    let stem = input
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into());
    format!("{stem}.pdf")
}

/// The folder that holds `path`: its parent, or `.` for a bare file name.
pub fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// Checks and (with an output folder) builds one trip file, unless its PDF
/// is up to date according to `cache`.
pub fn build_one(input: &Path, options: &Options, cache: &Cache, key: &str) -> Outcome {
    let mut outcome = Outcome {
        input: input.to_path_buf(),
        output: None,
        pages: 0,
        bytes: 0,
        diagnostics: Vec::new(),
        status: Status::Failed,
        cache_entry: None,
    };
    let name = input.display().to_string();
    let bytes = match std::fs::read(input) {
        Ok(b) => b,
        Err(e) => {
            outcome.diagnostics.push(
                Diagnostic::plain(format!("cannot read `{name}`: {e}"))
                    .with_help("give the path of a trip file (.toml) or of a folder of them"),
            );
            return outcome;
        }
    };
    let dir = folder_of(input);
    let pdf_name = output_name(input);
    if let Some(out_dir) = &options.out_dir
        && !options.force
        && options.emit_typst.is_none()
        && options.format == Format::Pdf
        && cache.is_fresh(out_dir, &pdf_name, &bytes, dir, key, options.deny_warnings)
    {
        outcome.status = Status::Unchanged;
        outcome.output = Some(out_dir.join(&pdf_name));
        return outcome;
    }
    let checked = validation::check_bytes(&name, &bytes, dir);
    outcome.diagnostics = checked.diagnostics;
    let warned = options.deny_warnings && !outcome.diagnostics.is_empty();
    let Some(mut trip) = checked.trip.filter(|_| !warned) else {
        return outcome;
    };
    if let Some(lang) = options.lang {
        trip.lang = lang;
    }
    let Some(out_dir) = &options.out_dir else {
        outcome.status = Status::Checked;
        return outcome;
    };
    let stem = input
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    if let Some(emit) = &options.emit_typst
        && let Err(e) = render::emit_typst(&trip, &options.template, &emit.join(&stem))
    {
        outcome.diagnostics.push(Diagnostic::plain(format!(
            "cannot write the Typst sources into `{}`: {e}",
            emit.join(&stem).display()
        )));
        return outcome;
    }
    if options.format != Format::Pdf {
        match render::page_images(&trip, &options.template, options.format, options.ppi) {
            Ok(pages) => match write_pages(out_dir, &stem, options.format, &pages) {
                Ok(first) => {
                    outcome.status = Status::Built;
                    outcome.pages = pages.len();
                    outcome.bytes = pages.iter().map(Vec::len).sum();
                    outcome.output = Some(first);
                }
                Err(e) => outcome.diagnostics.push(Diagnostic::plain(format!(
                    "cannot write the pages of `{stem}` into `{}`: {e}",
                    out_dir.display()
                ))),
            },
            Err(diags) => outcome.diagnostics.extend(diags),
        }
        return outcome;
    }
    let sources = match crate::embed::for_build(options.embed_source, input, &bytes, &trip) {
        Ok((sources, warning)) => {
            outcome.diagnostics.extend(warning);
            sources
        }
        Err(d) => {
            outcome.diagnostics.push(d);
            return outcome;
        }
    };
    match render::render_with(&trip, &options.template, &stem, sources.as_ref()) {
        Ok(rendered) => {
            let target = out_dir.join(&pdf_name);
            match write_atomic(&target, &rendered.pdf) {
                Ok(()) => {
                    let files = trip.files();
                    outcome.cache_entry = Some((
                        pdf_name,
                        cache::Entry {
                            inputs: cache::inputs_hash(&bytes, dir, &files, key),
                            files,
                            pdf: cache::sha256_hex(&rendered.pdf),
                            warnings: outcome.diagnostics.len(),
                        },
                    ));
                    outcome.status = Status::Built;
                    outcome.pages = rendered.pages;
                    outcome.bytes = rendered.pdf.len();
                    outcome.output = Some(target);
                }
                Err(e) => outcome.diagnostics.push(Diagnostic::plain(format!(
                    "cannot write `{}`: {e}",
                    target.display()
                ))),
            }
        }
        Err(diags) => outcome.diagnostics.extend(diags),
    }
    outcome
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
        _ => "png",
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

/// Writes `bytes` to `path` through a temporary file in the same folder,
/// renamed into place only when complete.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = folder_of(path);
    std::fs::create_dir_all(dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(".studietur-")
        .suffix(".tmp")
        .tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    // A temporary file is private (0600); a report is an ordinary file.
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        tmp.as_file()
            .set_permissions(std::fs::Permissions::from_mode(0o644))?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
