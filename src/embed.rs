//! A report's sources inside its PDF: with `--embed-source` the trip file
//! and the (small) files it names are attached to the PDF as PDF/A-3
//! associated files ("Source"), and [`extract`] gets them back out, so the
//! PDF carries what it was made from.

use crate::diagnostic::Diagnostic;
use crate::files::normalise;
use crate::messages::{Msg, making as m};
use crate::trip::Trip;
use std::path::Path;

/// Files larger than this are not attached (the trip file always is).
pub const MAX_FILE_BYTES: usize = 4 * 1024 * 1024;

/// Largest attachment [`extract`] unpacks.
const MAX_EXTRACTED_BYTES: usize = 256 * 1024 * 1024;

/// One file to attach.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// Its path relative to the trip file's folder, with `/` between parts:
    /// the name the PDF shows and [`extract`] writes.
    pub name: String,
    /// Its bytes, exactly as on disk.
    pub bytes: Vec<u8>,
    /// Its MIME type.
    pub mime: &'static str,
    /// What it is, shown by PDF readers.
    pub description: String,
}

/// What a report embeds.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sources {
    /// The files attached: the trip file first, then the files it names.
    pub attached: Vec<Attachment>,
    /// Files the trip names that are too large to attach.
    pub left_out: Vec<String>,
}

/// The sources of `trip`: the trip file (`trip_path`, whose bytes are
/// `trip_bytes`) and the files it names, as they were read for this report
/// (the check keeps them when sources are embedded).
pub fn collect(trip_path: &Path, trip_bytes: &[u8], trip: &Trip) -> Result<Sources, Msg> {
    let trip_name = trip_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "trip.toml".into());
    let mut sources = Sources {
        attached: vec![Attachment {
            name: trip_name,
            bytes: trip_bytes.to_vec(),
            mime: "application/toml",
            description: "The trip file (studietur format 1) this report was built from".into(),
        }],
        left_out: Vec::new(),
    };
    for picture in trip.pictures() {
        let written = &picture.file;
        let Some(name) = normalise(written) else {
            // Checking refuses such paths; never attach one.
            sources.left_out.push(written.clone());
            continue;
        };
        if sources.attached.iter().any(|a| a.name == name) {
            continue;
        }
        let Some(bytes) = &picture.original else {
            return Err(m::not_kept(written));
        };
        if bytes.len() > MAX_FILE_BYTES {
            sources.left_out.push(name);
            continue;
        }
        sources.attached.push(Attachment {
            mime: mime_of(&name),
            description: format!("An image the trip file names: {name}"),
            name,
            bytes: bytes.to_vec(),
        });
    }
    Ok(sources)
}

/// What a build attaches: with `embed`, the sources of `trip` (see
/// [`collect`]) and, when some are too large, a warning naming them;
/// without, nothing.
pub fn for_build(
    embed: bool,
    trip_path: &Path,
    trip_bytes: &[u8],
    trip: &Trip,
) -> Result<(Option<Sources>, Option<Diagnostic>), Diagnostic> {
    if !embed {
        return Ok((None, None));
    }
    let sources = collect(trip_path, trip_bytes, trip)
        .map_err(|e| Diagnostic::plain(m::cannot_embed(trip_path, e)))?;
    let warning = (!sources.left_out.is_empty()).then(|| {
        Diagnostic::plain_warning(m::not_embedded(
            MAX_FILE_BYTES / (1024 * 1024),
            sources.left_out.join(", "),
        ))
    });
    Ok((Some(sources), warning))
}

fn mime_of(name: &str) -> &'static str {
    let ext = name.rsplit('.').next().unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "jpg" | "jpeg" => "image/jpeg",
        "png" => "image/png",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "svg" => "image/svg+xml",
        "toml" => "application/toml",
        _ => "application/octet-stream",
    }
}

/// The files attached to a PDF, by name, in the PDF's order.
pub fn extract(pdf: &[u8]) -> Result<Vec<(String, Vec<u8>)>, Msg> {
    use lopdf::{Document, Object};
    let doc = Document::load_mem(pdf).map_err(|e| m::pdf_unreadable(e.to_string()))?;
    let deref = |o: &Object| -> Result<Object, Msg> {
        doc.dereference(o)
            .map(|(_, o)| o.clone())
            .map_err(|e| m::pdf_broken_reference(e.to_string()))
    };
    let catalog = doc
        .catalog()
        .map_err(|e| m::pdf_no_catalog(e.to_string()))?;
    let Ok(names) = catalog.get(b"Names") else {
        return Ok(Vec::new());
    };
    let names = deref(names)?;
    let Ok(tree) = names.as_dict().and_then(|d| d.get(b"EmbeddedFiles")) else {
        return Ok(Vec::new());
    };
    // Walk the name tree: leaves hold /Names [name spec name spec …],
    // inner nodes /Kids.
    let mut out = Vec::new();
    let mut stack = vec![deref(tree)?];
    let mut visited = 0usize;
    while let Some(node) = stack.pop() {
        visited += 1;
        if visited > 100_000 {
            return Err(m::attachments_too_deep());
        }
        let node = node.as_dict().map_err(|_| m::attachments_damaged())?;
        if let Ok(kids) = node.get(b"Kids").and_then(Object::as_array) {
            for kid in kids.iter().rev() {
                stack.push(deref(kid)?);
            }
        }
        if let Ok(pairs) = node.get(b"Names").and_then(Object::as_array) {
            for pair in pairs.chunks(2) {
                let [_, spec] = pair else { continue };
                let spec = deref(spec)?;
                let spec = spec.as_dict().map_err(|_| m::attachment_entry_damaged())?;
                let name = spec
                    .get(b"UF")
                    .or_else(|_| spec.get(b"F"))
                    .map_err(|_| m::attachment_no_name())
                    .and_then(|n| {
                        lopdf::decode_text_string(n)
                            .map_err(|e| m::attachment_name_unreadable(e.to_string()))
                    })?;
                let stream = spec
                    .get(b"EF")
                    .and_then(Object::as_dict)
                    .and_then(|ef| ef.get(b"F"))
                    .map_err(|_| m::attachment_no_content(&name))?;
                let stream = deref(stream)?;
                let stream = stream
                    .as_stream()
                    .map_err(|_| m::attachment_damaged(&name))?;
                let bytes = if stream.dict.get(b"Filter").is_ok() {
                    stream
                        .decompressed_content_with_limit(MAX_EXTRACTED_BYTES)
                        .map_err(|e| m::attachment_unpackable(&name, e.to_string()))?
                } else {
                    stream.content.clone()
                };
                out.push((name, bytes));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mime_types_follow_the_extension() {
        assert_eq!(mime_of("a/B.JPG"), "image/jpeg");
        assert_eq!(mime_of("x.svg"), "image/svg+xml");
        assert_eq!(mime_of("trip.toml"), "application/toml");
    }
}
