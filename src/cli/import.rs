//! `studietur import FILE... [-o DIR]`: a trip file (and its photos) for
//! each Word document, PDF or text, with what was recognised and what to
//! look at printed and written at the top of the file. Nothing is
//! overwritten: a trip file or photo that exists already stops that
//! input before anything of it is written; each file is written to a
//! temporary name and renamed, the trip file last.

use super::args::LangArg;
use super::failure::{Failure, Outcome, print_diagnostics};
use crate::diagnostic::Diagnostic;
use crate::import::{self, Imported};
use crate::locale::Lang;
use crate::messages::{Msg, import as m};
use clap::Args;
use std::path::{Path, PathBuf};

/// `studietur import`.
#[derive(Debug, Args)]
pub struct ImportArgs {
    /// Word documents (.docx), PDFs or text files (as pdftotext writes
    /// them) of earlier reports.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// The folder to write the trip files into (default: the current
    /// folder); photos go into its images/ folder.
    #[arg(short = 'o', long = "out", value_name = "DIR", default_value = ".")]
    out: PathBuf,
    #[command(flatten)]
    pub(super) lang: LangArg,
}

/// What one input failed of.
fn failed(message: Msg, help: Option<Msg>) -> Diagnostic {
    let d = Diagnostic::plain(message);
    match help {
        Some(h) => d.with_help(h),
        None => d,
    }
}

/// `studietur import FILE…`, speaking `lang`.
pub fn import(a: ImportArgs, lang: Lang) -> Outcome {
    let (mut written, mut failures) = (0usize, 0usize);
    for file in &a.files {
        match one(file, &a.out, lang) {
            Ok(()) => written += 1,
            Err(d) => {
                failures += 1;
                print_diagnostics(lang, &[d]);
            }
        }
    }
    if a.files.len() > 1 {
        eprintln!("{}", m::import_summary(written, failures).in_lang(lang));
    }
    if failures > 0 {
        Err(Failure::Reported)
    } else {
        Ok(())
    }
}

fn one(file: &Path, out: &Path, lang: Lang) -> Result<(), Diagnostic> {
    let bytes = read(file)?;
    let name = file.display().to_string();
    let imported = import::import(&name, &bytes, lang).map_err(|r| failed(r.message, r.help))?;
    if let Err(problems) = import::verify(&imported) {
        let text: Vec<String> = problems.iter().map(|d| d.render_in(lang)).collect();
        return Err(failed(
            m::import_not_accepted(file, text.join("\n")),
            Some(m::import_not_accepted_help()),
        ));
    }
    let trip = write(&imported, file, out)?;
    eprintln!("{}", m::import_wrote(file, &trip).in_lang(lang));
    for f in &imported.found {
        eprintln!("  + {}", f.in_lang(lang));
    }
    for c in &imported.check {
        eprintln!("  ! {}", c.in_lang(lang));
    }
    Ok(())
}

fn read(file: &Path) -> Result<Vec<u8>, Diagnostic> {
    let meta = std::fs::metadata(file).map_err(|e| failed(m::import_unreadable(file, e), None))?;
    if meta.len() > import::MAX_BYTES as u64 {
        return Err(failed(
            m::import_too_large(file, import::MAX_BYTES / (1024 * 1024)),
            None,
        ));
    }
    std::fs::read(file).map_err(|e| failed(m::import_unreadable(file, e), None))
}

/// Writes the photos, then the trip file (the library's
/// [`import::save::save`]): what failed, said as the command says it.
fn write(imported: &Imported, input: &Path, out: &Path) -> Result<PathBuf, Diagnostic> {
    use import::save::{Unsaved, Within, save};
    save(imported, out, Within::Links).map_err(|e| match e {
        // (A link out of the folder is followed here: `Within::Links`.)
        Unsaved::Exists(path) | Unsaved::LeadsOut(path) => failed(
            m::import_exists(input, &path),
            Some(m::import_exists_help()),
        ),
        Unsaved::Write(path, e) => failed(m::import_cannot_write(&path, e), None),
    })
}
