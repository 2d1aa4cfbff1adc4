//! Word documents (.docx): a zip of XML parts, read with `zip` and
//! `roxmltree`. The body ([`body`]) with the styles and list definitions
//! ([`styles`]) it refers to, the links and pictures of its relations,
//! the headers and footers (set aside, as a reader of the printed report
//! never reads them as text) and the year the document was made.

mod body;
mod styles;

use super::doc::{Doc, Furniture, FurnitureKind};
use crate::messages::{Msg, import as m};
use std::collections::HashMap;
use std::io::Read;

/// The most parts a .docx may have (Word writes tens; a report with many
/// photos a few hundred). Counted from the zip's directory before it is
/// read, so that a directory of millions of entries is refused, not held.
pub const MAX_PARTS: u64 = 10_000;

/// The most one XML part may unpack to (a zip bomb is refused, not
/// unpacked): a report's text is at most 2 MB, Word's XML around it tens.
pub const MAX_XML: u64 = 64 * 1024 * 1024;

/// The most one picture may unpack to.
pub const MAX_PICTURE: u64 = 128 * 1024 * 1024;

/// The most all parts read may unpack to together.
const MAX_TOTAL: u64 = 512 * 1024 * 1024;

/// The most XML nodes of one part (a report's body has some hundred
/// thousand; each costs memory).
pub const MAX_NODES: u32 = 2_000_000;

/// The relationships namespace.
pub const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The parts of a .docx that the body refers to (read from the
/// document's bytes where they are, not a copy of them).
pub struct Package<'d> {
    zip: zip::ZipArchive<std::io::Cursor<&'d [u8]>>,
    /// Relation id → target (a part name, or a URL for links).
    pub rels: HashMap<String, String>,
    /// What the parts read so far unpacked to.
    unpacked: u64,
}

impl Package<'_> {
    /// The bytes of the part `name` (`word/media/image1.png`), at most
    /// `max`; the error says why not, in words for the user.
    pub fn part(&mut self, name: &str, max: u64) -> Result<Vec<u8>, Msg> {
        let name = name.trim_start_matches('/');
        let mut f = self
            .zip
            .by_name(name)
            .map_err(|e| m::docx_damaged(name, e.to_string()))?;
        let max = max.min(MAX_TOTAL.saturating_sub(self.unpacked));
        let mut bytes = Vec::new();
        (&mut f)
            .take(max + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| m::docx_damaged(name, e.to_string()))?;
        self.unpacked += bytes.len() as u64;
        if bytes.len() as u64 > max {
            return Err(m::docx_part_too_large(name, max / (1024 * 1024)));
        }
        Ok(bytes)
    }

    /// The text of the XML part `name`; `None` when it is not there or
    /// cannot be read (the parts besides the body are not needed).
    fn text(&mut self, name: &str) -> Option<String> {
        self.part(name, MAX_XML)
            .ok()
            .map(|b| String::from_utf8_lossy(&b).into_owned())
    }

    /// The part a relation of the document points at.
    pub fn target(&self, id: &str) -> Option<&str> {
        self.rels.get(id).map(String::as_str)
    }
}

/// XML parsed within [`MAX_NODES`].
pub fn parse_xml(xml: &str) -> Result<roxmltree::Document<'_>, roxmltree::Error> {
    let options = roxmltree::ParsingOptions {
        nodes_limit: MAX_NODES,
        ..roxmltree::ParsingOptions::default()
    };
    roxmltree::Document::parse_with_options(xml, options)
}

/// The number of entries a zip's directory says it has, from its end
/// record (and the zip64 one it may point to); `None` when there is none.
fn entries(bytes: &[u8]) -> Option<u64> {
    let tail = bytes.len().saturating_sub(22 + 65_535);
    let at = (tail..bytes.len().saturating_sub(21))
        .rev()
        .find(|&i| bytes[i..].starts_with(b"PK\x05\x06"))?;
    let u16_at = |i: usize| {
        bytes
            .get(i..i + 2)
            .map(|b| u16::from_le_bytes([b[0], b[1]]))
    };
    let count = u16_at(at + 10)?;
    if count != u16::MAX {
        return Some(u64::from(count));
    }
    // Zip64: its locator stands right before the end record.
    let locator = at.checked_sub(20)?;
    if !bytes[locator..].starts_with(b"PK\x06\x07") {
        return Some(u64::MAX);
    }
    let u64_at = |i: usize| {
        bytes
            .get(i..i + 8)
            .and_then(|b| b.try_into().ok())
            .map(u64::from_le_bytes)
    };
    let record = usize::try_from(u64_at(locator + 8)?).ok()?;
    if !bytes.get(record..)?.starts_with(b"PK\x06\x06") {
        return Some(u64::MAX);
    }
    u64_at(record + 32)
}

/// Reads a .docx; the error says what is wrong in words for the user.
pub fn read(bytes: &[u8]) -> Result<Doc, Msg> {
    if entries(bytes).is_some_and(|n| n > MAX_PARTS) {
        return Err(m::docx_too_many_parts(MAX_PARTS));
    }
    let zip = zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map_err(|e| m::docx_damaged("", e.to_string()))?;
    let mut pkg = Package {
        zip,
        rels: HashMap::new(),
        unpacked: 0,
    };
    let main = main_part(&mut pkg).ok_or_else(m::docx_no_document)?;
    let folder = main
        .rsplit_once('/')
        .map_or(String::new(), |(f, _)| format!("{f}/"));
    let rels_name = format!(
        "{folder}_rels/{}.rels",
        main.rsplit('/').next().unwrap_or("document.xml")
    );
    pkg.rels = pkg
        .text(&rels_name)
        .map(|t| relations(&t, &folder))
        .unwrap_or_default();
    let styles = pkg
        .text(&format!("{folder}styles.xml"))
        .map(|t| styles::Styles::read(&t))
        .unwrap_or_default();
    let numbering = pkg
        .text(&format!("{folder}numbering.xml"))
        .map(|t| styles::Numbering::read(&t))
        .unwrap_or_default();
    let footnotes = pkg
        .text(&format!("{folder}footnotes.xml"))
        .map(|t| body::notes(&t))
        .unwrap_or_default();
    let xml = pkg.part(&main, MAX_XML)?;
    let xml = String::from_utf8_lossy(&xml);
    let tree = parse_xml(&xml).map_err(|e| match e {
        roxmltree::Error::NodesLimitReached => m::docx_too_complex(main.as_str(), MAX_NODES),
        e => m::docx_damaged(main.as_str(), e.to_string()),
    })?;
    let mut reader = body::Reader::new(&styles, &numbering, &footnotes, &mut pkg);
    let blocks = reader.read(&tree);
    if reader.too_deep {
        return Err(m::docx_too_deep(main.as_str(), body::MAX_DEPTH));
    }
    let contents = std::mem::take(&mut reader.contents);
    let mut doc = Doc {
        blocks,
        styled: true,
        ..Doc::default()
    };
    doc.furniture = headers_footers(&mut pkg, &folder);
    doc.furniture.extend(contents);
    doc.year = pkg.text("docProps/core.xml").and_then(|t| created_year(&t));
    Ok(doc)
}

/// The main document part, from the package's relations.
fn main_part(pkg: &mut Package<'_>) -> Option<String> {
    let rels = pkg.text("_rels/.rels")?;
    let doc = parse_xml(&rels).ok()?;
    let target = doc
        .descendants()
        .filter(|n| n.has_tag_name("Relationship"))
        .find(|n| {
            n.attribute("Type")
                .is_some_and(|t| t.ends_with("/officeDocument"))
        })
        .and_then(|n| n.attribute("Target"))
        .unwrap_or("word/document.xml");
    Some(target.trim_start_matches('/').to_string())
}

/// A part's relations: id → target, part names made whole.
fn relations(xml: &str, folder: &str) -> HashMap<String, String> {
    let Ok(doc) = parse_xml(xml) else {
        return HashMap::new();
    };
    doc.descendants()
        .filter(|n| n.has_tag_name("Relationship"))
        .filter_map(|n| {
            let id = n.attribute("Id")?;
            let target = n.attribute("Target")?;
            let external = n.attribute("TargetMode") == Some("External");
            let target = if external || target.contains("://") || target.starts_with("mailto:") {
                target.to_string()
            } else if let Some(abs) = target.strip_prefix('/') {
                abs.to_string()
            } else {
                normalise(&format!("{folder}{target}"))
            };
            Some((id.to_string(), target))
        })
        .collect()
}

/// `word/../media/x.png` → `media/x.png`.
fn normalise(path: &str) -> String {
    let mut parts: Vec<&str> = Vec::new();
    for p in path.split('/') {
        match p {
            ".." => {
                parts.pop();
            }
            "." | "" => {}
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// The text of the headers and footers, each line once.
fn headers_footers(pkg: &mut Package<'_>, folder: &str) -> Vec<Furniture> {
    let mut names: Vec<String> = pkg
        .zip
        .file_names()
        .filter_map(Result::ok)
        .map(|n| n.into_owned())
        .filter(|n| {
            n.starts_with(folder)
                && (n.contains("/header") || n.contains("/footer"))
                && n.ends_with(".xml")
                && !n.contains("_rels")
        })
        .collect();
    names.sort();
    let mut out: Vec<Furniture> = Vec::new();
    for n in names {
        let Some(xml) = pkg.text(&n) else { continue };
        let Ok(doc) = parse_xml(&xml) else {
            continue;
        };
        for p in doc.descendants().filter(|x| x.tag_name().name() == "p") {
            let text: String = p
                .descendants()
                .filter(|t| t.tag_name().name() == "t")
                .filter_map(|t| t.text())
                .collect();
            let text = super::doc::fold(&text);
            if !text.is_empty() && !out.iter().any(|f| f.text == text) {
                out.push(Furniture {
                    kind: FurnitureKind::HeaderFooter,
                    text,
                });
            }
        }
    }
    out
}

/// The year in `<dcterms:created>2023-05-02T…`.
fn created_year(xml: &str) -> Option<i32> {
    let doc = parse_xml(xml).ok()?;
    let created = doc
        .descendants()
        .find(|n| n.tag_name().name() == "created")?
        .text()?;
    created
        .get(..4)?
        .parse()
        .ok()
        .filter(|y| (1990..2200).contains(y))
}
