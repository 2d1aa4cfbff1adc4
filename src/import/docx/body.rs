//! The body of a Word document, walked as Word users make it: paragraphs
//! of runs (bold, italic, size; tabs, manual line breaks, non-breaking
//! hyphens), links, lists, tables, pictures with their alternative text,
//! text boxes (their paragraphs follow the paragraph they are anchored
//! in), fields (only their results), tracked changes (as accepted),
//! footnotes (after the paragraph that refers to them). A table of
//! contents is set aside.

use super::styles::{Numbering, Styles, child, num_pr, on_off, run_props, val};
use super::{Package, R_NS};
use crate::import::doc::{Block, Cell, Furniture, FurnitureKind, Para, Picture, Role, Table, fold};
use crate::markdown::MAX_URL_BYTES;
use roxmltree::Node;
use std::collections::HashMap;

/// A stretch of a paragraph's text with one look.
#[derive(Debug, Clone, Default)]
struct Piece {
    text: String,
    bold: bool,
    italic: bool,
    size: Option<f32>,
    link: Option<String>,
}

/// What one paragraph holds besides its text.
#[derive(Default)]
struct Inline {
    pieces: Vec<Piece>,
    pictures: Vec<Block>,
    boxes: Vec<Block>,
    notes: Vec<String>,
}

/// A field being read: its instruction, and whether its result has begun.
struct Field {
    instruction: String,
    result: bool,
}

/// How deep blocks (text boxes in tables in content controls …) and runs
/// (links in content controls in tracked changes …) may stand inside each
/// other: Word nests a few levels; deeper is refused, not walked.
pub const MAX_DEPTH: usize = 40;

/// The most fields open at once.
const MAX_FIELDS: usize = 100;

/// Walks a document's body into blocks.
pub struct Reader<'a, 'd> {
    styles: &'a Styles,
    numbering: &'a Numbering,
    notes: &'a HashMap<String, String>,
    pkg: &'a mut Package<'d>,
    fields: Vec<Field>,
    depth: usize,
    /// Lines of a table of contents, set aside.
    pub contents: Vec<Furniture>,
    /// Whether something stood deeper than [`MAX_DEPTH`] (and was not read).
    pub too_deep: bool,
}

impl<'a, 'd> Reader<'a, 'd> {
    /// A reader for a document with these styles, lists and footnotes.
    pub fn new(
        styles: &'a Styles,
        numbering: &'a Numbering,
        notes: &'a HashMap<String, String>,
        pkg: &'a mut Package<'d>,
    ) -> Self {
        Reader {
            styles,
            numbering,
            notes,
            pkg,
            fields: Vec::new(),
            depth: 0,
            contents: Vec::new(),
            too_deep: false,
        }
    }

    /// The body's blocks.
    pub fn read(&mut self, tree: &roxmltree::Document) -> Vec<Block> {
        let mut out = Vec::new();
        if let Some(body) = tree.descendants().find(|n| n.tag_name().name() == "body") {
            self.blocks(body, false, &mut out);
        }
        out
    }

    /// One level deeper; false (and noted) when too deep.
    fn enter(&mut self) -> bool {
        if self.depth >= MAX_DEPTH {
            self.too_deep = true;
            return false;
        }
        self.depth += 1;
        true
    }

    fn blocks(&mut self, parent: Node, boxed: bool, out: &mut Vec<Block>) {
        if !self.enter() {
            return;
        }
        for n in parent.children().filter(Node::is_element) {
            match n.tag_name().name() {
                "p" => self.paragraph(n, boxed, out),
                "tbl" => self.table(n, boxed, out),
                "sdt" => {
                    if let Some(c) = child(n, "sdtContent") {
                        self.blocks(c, boxed, out);
                    }
                }
                "customXml" | "ins" | "moveTo" => self.blocks(n, boxed, out),
                "AlternateContent" => {
                    if let Some(c) = child(n, "Choice").or_else(|| child(n, "Fallback")) {
                        self.blocks(c, boxed, out);
                    }
                }
                _ => {}
            }
        }
        self.depth -= 1;
    }

    fn paragraph(&mut self, p: Node, boxed: bool, out: &mut Vec<Block>) {
        let ppr = child(p, "pPr");
        let style = ppr.and_then(|x| child(x, "pStyle")).and_then(val);
        let mut look = self.styles.look(style);
        if let Some(ppr) = ppr {
            if let Some(l) = num_pr(ppr) {
                look.list = Some(l);
            }
            if let Some(o) = child(ppr, "outlineLvl")
                .and_then(val)
                .and_then(|v| v.parse::<u8>().ok())
                && o < 9
                && look.role == Role::Body
            {
                look.role = Role::Heading(o + 1);
            }
        }
        let mut inline = Inline::default();
        let base = Piece {
            bold: look.bold,
            italic: look.italic,
            size: look.size,
            ..Piece::default()
        };
        self.inline(p, &base, &mut inline);
        let plain: String = inline.pieces.iter().map(|x| x.text.as_str()).collect();
        let plain = plain
            .trim_matches(|c: char| c == ' ' || c == '\n')
            .to_string();
        if look.contents && !plain.trim().is_empty() {
            self.contents.push(Furniture {
                kind: FurnitureKind::Contents,
                text: fold(&plain),
            });
        } else if !plain.trim().is_empty() {
            let texts: Vec<&Piece> = inline
                .pieces
                .iter()
                .filter(|x| !x.text.trim().is_empty())
                .collect();
            let list = look
                .list
                .as_ref()
                .and_then(|(num, level)| self.numbering.numbered(num, *level).map(|n| (*level, n)));
            out.push(Block::Para(Para {
                md: markdown(&inline.pieces).trim().to_string(),
                plain,
                role: if look.contents { Role::Body } else { look.role },
                list,
                size: texts
                    .iter()
                    .filter_map(|x| x.size)
                    .reduce(f32::max)
                    .or(look.size),
                bold: !texts.is_empty() && texts.iter().all(|x| x.bold),
                italic: !texts.is_empty() && texts.iter().all(|x| x.italic),
                boxed,
            }));
        }
        out.append(&mut inline.pictures);
        for mut b in inline.boxes {
            if let Block::Para(q) = &mut b {
                q.boxed = true;
            }
            if let Block::Table(t) = &mut b {
                t.boxed = true;
            }
            out.push(b);
        }
        for id in inline.notes {
            if let Some(text) = self.notes.get(&id) {
                out.push(Block::Para(Para {
                    size: Some(9.0),
                    ..Para::text(text)
                }));
            }
        }
    }

    fn inline(&mut self, parent: Node, base: &Piece, out: &mut Inline) {
        if !self.enter() {
            return;
        }
        self.inline_children(parent, base, out);
        self.depth -= 1;
    }

    fn inline_children(&mut self, parent: Node, base: &Piece, out: &mut Inline) {
        for n in parent.children().filter(Node::is_element) {
            match n.tag_name().name() {
                "r" => self.run(n, base, out),
                "hyperlink" => {
                    let url = n
                        .attribute((R_NS, "id"))
                        .and_then(|id| self.pkg.target(id))
                        .filter(|u| {
                            u.starts_with("http://")
                                || u.starts_with("https://")
                                || u.starts_with("mailto:")
                        })
                        .map(str::to_string);
                    let linked = Piece {
                        link: url.or(base.link.clone()),
                        ..base.clone()
                    };
                    self.inline(n, &linked, out);
                }
                "ins" | "moveTo" | "smartTag" | "customXml" | "fldSimple" | "bdo" | "dir" => {
                    self.inline(n, base, out)
                }
                "sdt" => {
                    if let Some(c) = child(n, "sdtContent") {
                        self.inline(c, base, out);
                    }
                }
                "AlternateContent" => {
                    if let Some(c) = child(n, "Choice").or_else(|| child(n, "Fallback")) {
                        self.inline(c, base, out);
                    }
                }
                _ => {}
            }
        }
    }

    fn run(&mut self, r: Node, base: &Piece, out: &mut Inline) {
        let mut piece = base.clone();
        piece.text.clear();
        if let Some(rpr) = child(r, "rPr") {
            if child(rpr, "vanish").is_some_and(on_off) {
                return;
            }
            if let Some(id) = child(rpr, "rStyle").and_then(val) {
                let (s, b, i) = self.styles.run_look(id);
                piece.size = s.or(piece.size);
                piece.bold = b.unwrap_or(piece.bold);
                piece.italic = i.unwrap_or(piece.italic);
            }
            let (s, b, i) = run_props(rpr);
            piece.size = s.or(piece.size);
            piece.bold = b.unwrap_or(piece.bold);
            piece.italic = i.unwrap_or(piece.italic);
        }
        let mut text = String::new();
        for c in r.children().filter(Node::is_element) {
            let in_instruction = self.fields.last().is_some_and(|f| !f.result);
            match c.tag_name().name() {
                "t" if !in_instruction => text.push_str(c.text().unwrap_or_default()),
                "tab" | "ptab" if !in_instruction => text.push('\t'),
                "br" | "cr" if !in_instruction => text.push('\n'),
                "noBreakHyphen" if !in_instruction => text.push('-'),
                "fldChar" => match c
                    .attributes()
                    .find(|a| a.name() == "fldCharType")
                    .map(|a| a.value())
                {
                    Some("begin") if self.fields.len() < MAX_FIELDS => self.fields.push(Field {
                        instruction: String::new(),
                        result: false,
                    }),
                    Some("separate") => {
                        if let Some(f) = self.fields.last_mut() {
                            f.result = true;
                        }
                    }
                    Some("end") => {
                        self.fields.pop();
                    }
                    _ => {}
                },
                "instrText" => {
                    if let Some(f) = self.fields.last_mut() {
                        f.instruction.push_str(c.text().unwrap_or_default());
                    }
                }
                "drawing" | "pict" | "object" => self.drawing(c, out),
                "AlternateContent" => {
                    if let Some(ch) = child(c, "Choice").or_else(|| child(c, "Fallback")) {
                        for d in ch
                            .children()
                            .filter(|d| matches!(d.tag_name().name(), "drawing" | "pict"))
                        {
                            self.drawing(d, out);
                        }
                    }
                }
                "footnoteReference" | "endnoteReference" => {
                    if let Some(id) = c.attributes().find(|a| a.name() == "id") {
                        out.notes.push(id.value().to_string());
                    }
                }
                _ => {}
            }
        }
        if text.is_empty() {
            return;
        }
        // A HYPERLINK field's result is a link.
        if let Some(f) = self
            .fields
            .iter()
            .rev()
            .find(|f| f.instruction.trim_start().starts_with("HYPERLINK"))
        {
            let url = f.instruction.split('"').nth(1).unwrap_or_default();
            if url.starts_with("http") || url.starts_with("mailto:") {
                piece.link = Some(url.to_string());
            }
        }
        piece.text = text;
        out.pieces.push(piece);
    }

    /// A drawing: its pictures (with their descriptions) and text boxes.
    fn drawing(&mut self, d: Node, out: &mut Inline) {
        let alt = d
            .descendants()
            .find(|n| matches!(n.tag_name().name(), "docPr" | "cNvPr"))
            .and_then(|n| {
                n.attribute("descr")
                    .filter(|s| !s.trim().is_empty())
                    .or(n.attribute("title"))
            })
            .or_else(|| {
                d.descendants()
                    .find(|n| n.tag_name().name() == "shape")
                    .and_then(|n| n.attribute("alt"))
            })
            .map(str::to_string);
        for b in d
            .descendants()
            .filter(|n| matches!(n.tag_name().name(), "blip" | "imagedata"))
        {
            let id = b.attribute((R_NS, "embed")).or(b.attribute((R_NS, "id")));
            let Some(target) = id.and_then(|id| self.pkg.target(id)).map(str::to_string) else {
                continue;
            };
            // A picture that cannot be read is kept as one, with why: its
            // description and caption still have a place.
            let (bytes, problem) = match self.pkg.part(&target, super::MAX_PICTURE) {
                Ok(b) => (b, None),
                Err(why) => (Vec::new(), Some(why)),
            };
            let extension = target.rsplit('.').next().unwrap_or_default().to_lowercase();
            out.pictures.push(Block::Picture(Picture {
                bytes: bytes.into(),
                extension,
                alt: alt.clone(),
                problem,
            }));
        }
        let boxes: Vec<Node> = d
            .descendants()
            .filter(|n| n.tag_name().name() == "txbxContent")
            .collect();
        for b in boxes {
            let mut blocks = Vec::new();
            self.blocks(b, true, &mut blocks);
            out.boxes.extend(blocks);
        }
    }

    fn table(&mut self, t: Node, boxed: bool, out: &mut Vec<Block>) {
        let mut rows = Vec::new();
        let mut after = Vec::new();
        for tr in t.children().filter(|n| n.tag_name().name() == "tr") {
            let mut row = Vec::new();
            for tc in tr.children().filter(|n| n.tag_name().name() == "tc") {
                let mut blocks = Vec::new();
                self.blocks(tc, boxed, &mut blocks);
                let mut cell = Cell::default();
                for b in blocks {
                    match b {
                        Block::Para(p) => cell.paras.push(p),
                        Block::Table(inner) => {
                            for r in inner.rows {
                                for c in r {
                                    cell.paras.extend(c.paras);
                                }
                            }
                        }
                        Block::Picture(_) => after.push(b),
                    }
                }
                row.push(cell);
            }
            rows.push(row);
        }
        if !rows.is_empty() {
            out.push(Block::Table(Table { rows, boxed }));
        }
        out.append(&mut after);
    }
}

/// The Markdown of a paragraph's pieces: bold and italic stretches marked,
/// links written as links; spaces kept outside the marks.
fn markdown(pieces: &[Piece]) -> String {
    let mut merged: Vec<Piece> = Vec::new();
    for p in pieces {
        match merged.last_mut() {
            Some(last) if last.bold == p.bold && last.italic == p.italic && last.link == p.link => {
                last.text.push_str(&p.text)
            }
            _ => merged.push(p.clone()),
        }
    }
    let mut out = String::new();
    for p in merged {
        let core = p.text.trim();
        if core.is_empty() {
            out.push_str(&p.text);
            continue;
        }
        let lead = &p.text[..p.text.len() - p.text.trim_start().len()];
        let trail = &p.text[p.text.trim_end().len()..];
        let mut t = core.to_string();
        // A link longer than a trip file takes is its words alone.
        if let Some(url) = p.link.as_ref().filter(|u| u.len() <= MAX_URL_BYTES) {
            t = format!("[{}]({url})", t.replace(['[', ']'], ""));
        }
        let mark = match (p.bold, p.italic) {
            (true, true) => "***",
            (true, false) => "**",
            (false, true) => "*",
            _ => "",
        };
        out.push_str(lead);
        out.push_str(mark);
        out.push_str(&t);
        out.push_str(mark);
        out.push_str(trail);
    }
    out
}

/// The footnotes (and endnotes) of footnotes.xml: id → text.
pub fn notes(xml: &str) -> HashMap<String, String> {
    let Ok(doc) = super::parse_xml(xml) else {
        return HashMap::new();
    };
    doc.descendants()
        .filter(|n| matches!(n.tag_name().name(), "footnote" | "endnote"))
        .filter_map(|n| {
            let id = n
                .attributes()
                .find(|a| a.name() == "id")?
                .value()
                .to_string();
            let text: String = n
                .descendants()
                .filter(|t| t.tag_name().name() == "t")
                .filter_map(|t| t.text())
                .collect::<Vec<_>>()
                .join("");
            let text = fold(&text);
            (!text.is_empty()).then_some((id, text))
        })
        .collect()
}
