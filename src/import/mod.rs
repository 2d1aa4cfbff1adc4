//! `studietur import`: last years' reports, from Word or PDF, into trip
//! files. A reader turns the file into a [`doc::Doc`] of paragraphs,
//! tables and pictures ([`docx`] for Word, [`pdf`] for a PDF's text
//! layer, [`text`] for text as `pdftotext` writes it; [`lines`] and
//! [`furniture`] for text without styles); [`recognise`] finds the trip
//! in it ([`assemble`] finishes it); [`write`] writes the trip file with
//! the report of what was recognised at its top. [`import`] is the whole
//! of it for one file's bytes, and checks the result as `check` would:
//! what it gives always checks; [`save`] writes it into a folder (for the
//! command line and the editor alike). Every word of the document is in the
//! file it writes ([`words`] counts them).

mod assemble;
pub mod dates;
pub mod doc;
pub mod docx;
mod draft;
mod fit;
mod furniture;
mod hyphens;
mod lines;
mod page;
pub mod pdf;
mod recognise;
pub mod save;
pub mod text;
pub mod words;
mod write;

use crate::check::{self, Settings};
use crate::diagnostic::Diagnostic;
use crate::locale::Lang;
use crate::messages::{Arg, Msg, import as m};
use doc::Doc;

/// The largest document read (a Word file or PDF of a report with its
/// photos is a few megabytes).
pub const MAX_BYTES: usize = 200 * 1024 * 1024;

/// What an import gives for one document.
#[derive(Debug)]
pub struct Imported {
    /// The trip file's name without `.toml` (`2023-amsterdam`).
    pub name: String,
    /// The trip file's text.
    pub trip: String,
    /// The photos: paths relative to the trip file, and their bytes.
    pub images: Vec<(String, std::sync::Arc<[u8]>)>,
    /// What was recognised.
    pub found: Vec<Msg>,
    /// What a person must look at.
    pub check: Vec<Msg>,
    /// How many words the document has.
    pub words: usize,
}

/// Why a document could not be imported, and what to do.
#[derive(Debug)]
pub struct Refused {
    /// What went wrong.
    pub message: Msg,
    /// What to do instead.
    pub help: Option<Msg>,
}

/// The kinds of document read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A Word document (.docx).
    Word,
    /// A PDF.
    Pdf,
    /// Text (as `pdftotext` writes it).
    Text,
}

/// The kind of a document, by its first bytes, else its name's ending.
pub fn kind_of(name: &str, bytes: &[u8]) -> Option<Kind> {
    let lower = name.to_lowercase();
    if bytes.starts_with(b"%PDF")
        || (lower.ends_with(".pdf") && bytes.windows(5).take(1024).any(|w| w == b"%PDF-"))
    {
        return Some(Kind::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04")
        && (lower.ends_with(".docx") || lower.ends_with(".docm") || !lower.contains('.'))
    {
        return Some(Kind::Word);
    }
    if lower.ends_with(".txt") || lower.ends_with(".text") {
        return Some(Kind::Text);
    }
    None
}

/// The most text a document may have: what one trip file holds
/// ([`check::limits::MAX_FILE_BYTES`]); a text file may be four times as
/// long (the spaces and blank lines of pdftotext's layout).
pub const MAX_TEXT: usize = check::limits::MAX_FILE_BYTES;

/// Imports one document: `name` is its file name (for its kind and the
/// report), `bytes` its content; messages in the file are in `lang`. Bad
/// input of any kind is refused with a message that names the file; the
/// work and memory are bounded (see the readers' limits), and a fault of a
/// reader on damaged content is refused too, never a crash.
pub fn import(name: &str, bytes: &[u8], lang: Lang) -> Result<Imported, Refused> {
    let refuse = |message: Msg, help: Option<Msg>| Refused { message, help };
    if bytes.len() > MAX_BYTES {
        return Err(refuse(
            m::import_too_large(name, MAX_BYTES / (1024 * 1024)),
            None,
        ));
    }
    let Some(kind) = kind_of(name, bytes) else {
        return Err(refuse(m::import_kind(name), Some(m::import_kind_help())));
    };
    let too_much = |len: usize| {
        let mb = (len as f64 / (1024.0 * 1024.0) * 10.0).ceil() / 10.0;
        refuse(
            m::import_too_much_text(name, Arg::decimal(mb, 1), MAX_TEXT / (1024 * 1024)),
            Some(m::import_too_much_text_help()),
        )
    };
    if kind == Kind::Text && bytes.len() > 4 * MAX_TEXT {
        return Err(too_much(bytes.len()));
    }
    let read = std::panic::catch_unwind(|| read(name, kind, bytes));
    let (doc, encoding) = read.unwrap_or_else(|_| {
        Err(refuse(
            m::import_unreadable(name, m::import_reader_fault()),
            Some(m::import_unreadable_help()),
        ))
    })?;
    let text = doc_text(&doc);
    if words::total(&text) == 0 {
        return Err(match kind {
            Kind::Pdf => refuse(m::import_no_text(name), Some(m::import_no_text_help())),
            _ => refuse(m::import_empty(name), None),
        });
    }
    if text.len() > MAX_TEXT {
        return Err(too_much(text.len()));
    }
    let mut imported = from_doc(&doc, name, lang, encoding);
    if imported.trip.len() > MAX_TEXT {
        return Err(too_much(imported.trip.len()));
    }
    imported.trip.shrink_to_fit();
    Ok(imported)
}

/// The document in a file's bytes, and the encoding a text file was read
/// in when not UTF-8.
fn read(name: &str, kind: Kind, bytes: &[u8]) -> Result<(Doc, Option<&'static str>), Refused> {
    let refuse = |message: Msg, help: Option<Msg>| Refused { message, help };
    let unreadable = |e: Msg| {
        refuse(
            m::import_unreadable(name, e),
            Some(m::import_unreadable_help()),
        )
    };
    match kind {
        Kind::Word => docx::read(bytes).map(|d| (d, None)).map_err(unreadable),
        Kind::Pdf => pdf::read(bytes).map(|d| (d, None)).map_err(|e| match e {
            pdf::Error::Encrypted => {
                refuse(m::import_encrypted(name), Some(m::import_encrypted_help()))
            }
            pdf::Error::Damaged(e) => refuse(
                m::import_unreadable(name, e),
                Some(m::import_unreadable_help()),
            ),
            pdf::Error::TooComplex(why) => refuse(
                m::import_too_complex(name, why),
                Some(m::import_too_complex_help()),
            ),
        }),
        Kind::Text => match text::decode(bytes) {
            Some((text, encoding)) => Ok((lines::to_doc(text::pages(&text), false), encoding)),
            None => Err(refuse(
                m::import_not_text(name),
                Some(m::import_not_text_help()),
            )),
        },
    }
}

/// The words of a document: its paragraphs, tables and furniture.
fn doc_text(doc: &Doc) -> String {
    let mut s = String::new();
    for b in &doc.blocks {
        match b {
            doc::Block::Para(p) => s.push_str(&p.plain),
            doc::Block::Table(t) => {
                for c in t.rows.iter().flatten() {
                    s.push_str(&c.line());
                    s.push('\n');
                }
            }
            doc::Block::Picture(_) => {}
        }
        s.push('\n');
    }
    for f in &doc.furniture {
        s.push_str(&f.text);
        s.push('\n');
    }
    s
}

/// The file name a trip gets: `<year>-<destination>`, else the
/// document's own name, in lower case letters, digits and dashes.
fn trip_name(draft: &draft::Draft, file: &str, fill: &str) -> String {
    let stem = std::path::Path::new(file)
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let base = match (draft.trip.start, draft.days.is_empty()) {
        (Some(start), false) if draft.trip.destination != fill => {
            use chrono::Datelike;
            format!("{}-{}", start.year(), draft.trip.destination)
        }
        _ => stem,
    };
    let mut slug = String::new();
    for c in base.to_lowercase().chars() {
        let c = match c {
            'æ' => "ae".to_string(),
            'ø' => "oe".to_string(),
            'å' => "aa".to_string(),
            c if c.is_ascii_alphanumeric() => c.to_string(),
            _ => "-".to_string(),
        };
        if c == "-" && (slug.is_empty() || slug.ends_with('-')) {
            continue;
        }
        slug.push_str(&c);
    }
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        "import".to_string()
    } else {
        slug
    }
}

/// The recognition and the trip file of a read document.
fn from_doc(doc: &Doc, file: &str, lang: Lang, encoding: Option<&str>) -> Imported {
    // The trip's name comes from what is recognised; the photos' folder
    // from the name: recognised once for the name, then for good.
    let first = recognise::recognise(doc, "import", lang);
    let name = trip_name(&first, file, &m::fill_in().in_lang(lang));
    let mut draft = if first.images.is_empty() {
        first
    } else {
        recognise::recognise(doc, &name, lang)
    };
    let shown = std::path::Path::new(file)
        .file_name()
        .map_or(file.to_string(), |f| f.to_string_lossy().into_owned());
    if let Some(e) = encoding {
        draft.check.insert(0, m::check_text_encoding(e));
    }
    let mut trip = write::trip_file(&draft, &shown, &doc.furniture, lang);
    // Every word of the document is in the file: what the recognition
    // did not place is named in the report.
    let input = doc_text(doc);
    let lost = words::missing(&input, &trip);
    if lost.is_empty() {
        draft
            .found
            .push(m::import_report_words(words::total(&input)));
    } else {
        draft.check.push(m::check_unplaced(lost.join(" ")));
    }
    trip = write::trip_file(&draft, &shown, &doc.furniture, lang);
    Imported {
        name,
        trip,
        images: draft.images,
        found: draft.found,
        check: draft.check,
        words: words::total(&input),
    }
}

/// Checks an import as `check` would, its photos laid out in a temporary
/// folder beside the trip file: the diagnostics when it does not check.
pub fn verify(imported: &Imported) -> Result<(), Vec<Diagnostic>> {
    let dir = tempfile::tempdir().map_err(|e| {
        vec![Diagnostic::plain(crate::messages::making::cannot_write(
            std::env::temp_dir().as_path(),
            e,
        ))]
    })?;
    for (rel, bytes) in &imported.images {
        let path = dir.path().join(rel);
        let written = std::fs::create_dir_all(crate::files::folder_of(&path))
            .and_then(|()| std::fs::write(&path, bytes));
        if let Err(e) = written {
            return Err(vec![Diagnostic::plain(
                crate::messages::making::cannot_write(path.as_path(), e),
            )]);
        }
    }
    let name = format!("{}.toml", imported.name);
    let checked = check::check_bytes(
        &name,
        imported.trip.as_bytes(),
        dir.path(),
        Settings::default(),
    );
    match checked.trip {
        Some(_) => Ok(()),
        None => Err(checked.diagnostics),
    }
}
