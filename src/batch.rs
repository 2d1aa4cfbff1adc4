//! Building many trip files: finding them, building each, and writing each
//! PDF through a temporary file that is renamed into place, so a failed or
//! interrupted build never leaves a half-written or destroyed PDF.

use crate::diagnostic::Diagnostic;
use crate::render;
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
}

/// The result for one trip file.
#[derive(Debug)]
pub struct Outcome {
    /// The trip file.
    pub input: PathBuf,
    /// The PDF written, if any.
    pub output: Option<PathBuf>,
    /// Pages and bytes of the PDF written.
    pub pages: usize,
    /// Size of the PDF.
    pub bytes: usize,
    /// Errors and warnings.
    pub diagnostics: Vec<Diagnostic>,
    /// Whether this file succeeded.
    pub ok: bool,
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

/// Checks and (with an output folder) builds one trip file.
pub fn build_one(input: &Path, options: &Options) -> Outcome {
    let checked = validation::check_file(input);
    let mut outcome = Outcome {
        input: input.to_path_buf(),
        output: None,
        pages: 0,
        bytes: 0,
        diagnostics: checked.diagnostics,
        ok: false,
    };
    let warned = options.deny_warnings && !outcome.diagnostics.is_empty();
    let Some(trip) = checked.trip.filter(|_| !warned) else {
        return outcome;
    };
    let Some(out_dir) = &options.out_dir else {
        outcome.ok = true;
        return outcome;
    };
    let stem = input
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    match render::render(&trip, &options.template, &stem) {
        Ok(rendered) => {
            let target = out_dir.join(output_name(input));
            match write_atomic(&target, &rendered.pdf) {
                Ok(()) => {
                    outcome.ok = true;
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

/// Writes `bytes` to `path` through a temporary file in the same folder,
/// renamed into place only when complete.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
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
