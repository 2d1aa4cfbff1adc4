//! Word documents (.docx): a zip of XML parts, read with `zip` and
//! `roxmltree`. The body ([`body`]) with the styles and list definitions
//! ([`styles`]) it refers to, the links and pictures of its relations,
//! the headers and footers (set aside, as a reader of the printed report
//! never reads them as text) and the year the document was made.

mod body;
mod styles;

use super::doc::{Doc, Furniture, FurnitureKind};
use std::collections::HashMap;
use std::io::Read;

/// The most one part may unpack to (a zip bomb is refused, not unpacked).
const MAX_PART: u64 = 200 * 1024 * 1024;

/// The relationships namespace.
pub const R_NS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// The parts of a .docx that the body refers to.
pub struct Package {
    zip: zip::ZipArchive<std::io::Cursor<Vec<u8>>>,
    /// Relation id → target (a part name, or a URL for links).
    pub rels: HashMap<String, String>,
}

impl Package {
    /// The bytes of the part `name` (`word/media/image1.png`), if it is
    /// there and not larger than allowed.
    pub fn part(&mut self, name: &str) -> Option<Vec<u8>> {
        let name = name.trim_start_matches('/');
        let mut f = self.zip.by_name(name).ok()?;
        let mut bytes = Vec::new();
        (&mut f).take(MAX_PART + 1).read_to_end(&mut bytes).ok()?;
        (bytes.len() as u64 <= MAX_PART).then_some(bytes)
    }

    fn text(&mut self, name: &str) -> Option<String> {
        self.part(name)
            .map(|b| String::from_utf8_lossy(&b).into_owned())
    }

    /// The part a relation of the document points at.
    pub fn target(&self, id: &str) -> Option<&str> {
        self.rels.get(id).map(String::as_str)
    }
}

/// Reads a .docx; the error says what is wrong in words for the user.
pub fn read(bytes: &[u8]) -> Result<Doc, String> {
    let zip =
        zip::ZipArchive::new(std::io::Cursor::new(bytes.to_vec())).map_err(|e| e.to_string())?;
    let mut pkg = Package {
        zip,
        rels: HashMap::new(),
    };
    let main = main_part(&mut pkg).ok_or("it holds no Word document (word/document.xml)")?;
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
    let xml = pkg
        .text(&main)
        .ok_or("its text (word/document.xml) cannot be unpacked")?;
    let tree = roxmltree::Document::parse(&xml).map_err(|e| format!("its text is damaged: {e}"))?;
    let mut reader = body::Reader::new(&styles, &numbering, &footnotes, &mut pkg);
    let blocks = reader.read(&tree);
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
fn main_part(pkg: &mut Package) -> Option<String> {
    let rels = pkg.text("_rels/.rels")?;
    let doc = roxmltree::Document::parse(&rels).ok()?;
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
    let Ok(doc) = roxmltree::Document::parse(xml) else {
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
fn headers_footers(pkg: &mut Package, folder: &str) -> Vec<Furniture> {
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
        let Ok(doc) = roxmltree::Document::parse(&xml) else {
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
    let doc = roxmltree::Document::parse(xml).ok()?;
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
