//! The glyph and image boxes of a PDF's pages, read from the content
//! streams with lopdf, as pdfminer (and so `page_critic.py`) measures them:
//! a glyph's box is its advance wide and its font size tall, from the
//! font's descent up.

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Encoding, Object, ObjectId};
use std::collections::HashMap;

/// One glyph, in page coordinates with y growing downwards (as pdfplumber
/// gives them: `top` is the distance from the page's top edge).
#[derive(Debug, Clone)]
pub struct Glyph {
    /// Left edge.
    pub x0: f64,
    /// Right edge.
    pub x1: f64,
    /// Top edge.
    pub top: f64,
    /// Bottom edge.
    pub bottom: f64,
    /// Its height: the font size as drawn.
    pub size: f64,
    /// The text it stands for (from the font's `ToUnicode`).
    pub text: String,
    /// Whether its font is a bold one.
    pub bold: bool,
}

/// An image drawn on a page: its top and bottom edges.
#[derive(Debug, Clone, Copy)]
pub struct Picture {
    /// Top edge.
    pub top: f64,
    /// Bottom edge.
    pub bottom: f64,
}

/// One page: its size and what is drawn on it.
#[derive(Debug, Default)]
pub struct Page {
    /// Width in points.
    pub width: f64,
    /// Height in points.
    pub height: f64,
    /// The glyphs, in drawing order (white space too).
    pub glyphs: Vec<Glyph>,
    /// The images.
    pub pictures: Vec<Picture>,
    /// The filled or stroked paths (rules, boxes, vector photos).
    pub drawings: Vec<Picture>,
}

/// The pages of `pdf`.
pub fn pages(pdf: &[u8]) -> Vec<Page> {
    let doc = Document::load_mem(pdf).expect("the critic reads the PDF");
    let mut fonts: HashMap<ObjectId, Font> = HashMap::new();
    doc.get_pages()
        .values()
        .map(|&id| {
            let page = doc.get_dictionary(id).unwrap();
            let media = inherited(&doc, page, b"MediaBox")
                .and_then(|b| numbers(&doc, b))
                .unwrap_or_else(|| vec![0.0, 0.0, 595.0, 842.0]);
            let mut out = Page {
                width: media[2] - media[0],
                height: media[3] - media[1],
                ..Page::default()
            };
            let resources = inherited(&doc, page, b"Resources")
                .and_then(|r| deref(&doc, r).as_dict().ok())
                .cloned()
                .unwrap_or_default();
            let content = doc.get_page_content(id);
            let ctm = [1.0, 0.0, 0.0, 1.0, -media[0], -media[1]];
            let mut reader = Reader {
                doc: &doc,
                fonts: &mut fonts,
                page: &mut out,
            };
            reader.run(&content, &resources, ctm, 0);
            out
        })
        .collect()
}

/// A page attribute, from the page or the page tree above it.
fn inherited<'a>(doc: &'a Document, page: &'a Dictionary, key: &[u8]) -> Option<&'a Object> {
    let mut node = page;
    for _ in 0..32 {
        if let Ok(v) = node.get(key) {
            return Some(v);
        }
        node = deref(doc, node.get(b"Parent").ok()?).as_dict().ok()?;
    }
    None
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    doc.dereference(o).map(|(_, o)| o).unwrap_or(o)
}

fn number(o: &Object) -> Option<f64> {
    match o {
        Object::Integer(i) => Some(*i as f64),
        Object::Real(r) => Some(f64::from(*r)),
        _ => None,
    }
}

fn numbers(doc: &Document, o: &Object) -> Option<Vec<f64>> {
    deref(doc, o).as_array().ok()?.iter().map(number).collect()
}

type Matrix = [f64; 6];

/// `a` then `b`: the matrix product a × b as PDF writes it.
fn mul(a: Matrix, b: Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

fn apply(m: Matrix, x: f64, y: f64) -> (f64, f64) {
    (m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5])
}

/// The box of the rectangle (x0, y0)–(x1, y1) under `m`: left, right,
/// lower and upper edge in PDF space.
fn rect(m: Matrix, x0: f64, y0: f64, x1: f64, y1: f64) -> (f64, f64, f64, f64) {
    let pts = [
        apply(m, x0, y0),
        apply(m, x1, y0),
        apply(m, x0, y1),
        apply(m, x1, y1),
    ];
    let xs = pts.iter().map(|p| p.0);
    let ys = pts.iter().map(|p| p.1);
    (
        xs.clone().fold(f64::INFINITY, f64::min),
        xs.fold(f64::NEG_INFINITY, f64::max),
        ys.clone().fold(f64::INFINITY, f64::min),
        ys.fold(f64::NEG_INFINITY, f64::max),
    )
}

/// What the critic needs of a font: how to cut a string into codes, each
/// code's text and width, the descent and whether it is bold.
struct Font {
    /// Bytes per code: 2 for Identity-H CID fonts, 1 for simple fonts.
    code_len: usize,
    /// Widths in thousandths of the font size, by code.
    widths: HashMap<u32, f64>,
    default_width: f64,
    /// The descent, negative, in thousandths.
    descent: f64,
    unicode: Option<Encoding<'static>>,
    bold: bool,
}

impl Font {
    fn read(doc: &Document, dict: &Dictionary) -> Font {
        let name = dict
            .get(b"BaseFont")
            .and_then(Object::as_name)
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .unwrap_or_default();
        let type0 = dict.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type0");
        let mut widths = HashMap::new();
        let mut default_width = 0.0;
        let descriptor_owner;
        if type0 {
            let descendant = dict
                .get(b"DescendantFonts")
                .ok()
                .and_then(|d| deref(doc, d).as_array().ok())
                .and_then(|a| a.first())
                .and_then(|d| deref(doc, d).as_dict().ok());
            descriptor_owner = descendant;
            if let Some(cid) = descendant {
                default_width = cid.get(b"DW").ok().and_then(number).unwrap_or(1000.0);
                if let Ok(w) = cid.get(b"W") {
                    cid_widths(doc, deref(doc, w), &mut widths);
                }
            }
        } else {
            descriptor_owner = Some(dict);
            let first = dict.get(b"FirstChar").ok().and_then(number).unwrap_or(0.0) as u32;
            if let Some(ws) = dict.get(b"Widths").ok().and_then(|w| numbers(doc, w)) {
                for (i, w) in ws.into_iter().enumerate() {
                    widths.insert(first + i as u32, w);
                }
            }
        }
        let descent = descriptor_owner
            .and_then(|d| d.get(b"FontDescriptor").ok())
            .and_then(|d| deref(doc, d).as_dict().ok())
            .and_then(|d| d.get(b"Descent").ok().and_then(number))
            .map_or(0.0, |d: f64| -d.abs());
        // The ToUnicode map (owned: it borrows neither the font nor the
        // document). Simple fonts without one are read as Latin-1.
        let unicode = match dict.get_font_encoding(doc) {
            Ok(Encoding::UnicodeMapEncoding(map)) => Some(Encoding::UnicodeMapEncoding(map)),
            _ => None,
        };
        Font {
            code_len: if type0 { 2 } else { 1 },
            widths,
            default_width,
            descent,
            unicode,
            bold: name.contains("Bold"),
        }
    }

    /// The codes of a string operand.
    fn codes(&self, bytes: &[u8]) -> Vec<u32> {
        bytes
            .chunks(self.code_len)
            .map(|c| c.iter().fold(0u32, |acc, b| (acc << 8) | u32::from(*b)))
            .collect()
    }

    fn width(&self, code: u32) -> f64 {
        self.widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width)
            / 1000.0
    }

    fn text(&self, code: u32) -> String {
        match &self.unicode {
            Some(Encoding::UnicodeMapEncoding(map)) => map
                .get(code, self.code_len as u8)
                .map(|u| String::from_utf16_lossy(&u))
                .unwrap_or_default(),
            _ => char::from_u32(code).map(String::from).unwrap_or_default(),
        }
    }
}

/// A CID font's `/W` array: `c [w1 w2 …]` and `c1 c2 w`.
fn cid_widths(doc: &Document, w: &Object, out: &mut HashMap<u32, f64>) {
    let Ok(items) = w.as_array() else { return };
    let mut i = 0;
    while i < items.len() {
        let Some(first) = number(&items[i]) else {
            break;
        };
        match items.get(i + 1).map(|o| deref(doc, o)) {
            Some(Object::Array(ws)) => {
                for (k, w) in ws.iter().enumerate() {
                    if let Some(w) = number(w) {
                        out.insert(first as u32 + k as u32, w);
                    }
                }
                i += 2;
            }
            Some(last) => {
                let (Some(last), Some(w)) = (number(last), items.get(i + 2).and_then(number))
                else {
                    break;
                };
                for c in first as u32..=last as u32 {
                    out.insert(c, w);
                }
                i += 3;
            }
            None => break,
        }
    }
}

/// The text state the critic follows.
#[derive(Clone)]
struct TextState {
    font: Option<ObjectId>,
    size: f64,
    char_space: f64,
    word_space: f64,
    scale: f64,
    leading: f64,
    rise: f64,
}

struct Reader<'a> {
    doc: &'a Document,
    fonts: &'a mut HashMap<ObjectId, Font>,
    page: &'a mut Page,
}

impl Reader<'_> {
    /// Runs a content stream with `resources` under `ctm`.
    fn run(&mut self, content: &[u8], resources: &Dictionary, ctm: Matrix, depth: usize) {
        let Ok(content) = Content::decode(content) else {
            return;
        };
        let font_ids: HashMap<Vec<u8>, ObjectId> = resources
            .get(b"Font")
            .ok()
            .and_then(|f| deref(self.doc, f).as_dict().ok())
            .map(|f| {
                f.iter()
                    .filter_map(|(k, v)| v.as_reference().ok().map(|id| (k.clone(), id)))
                    .collect()
            })
            .unwrap_or_default();
        let mut ctm = ctm;
        let mut stack: Vec<(Matrix, TextState)> = Vec::new();
        let mut ts = TextState {
            font: None,
            size: 0.0,
            char_space: 0.0,
            word_space: 0.0,
            scale: 1.0,
            leading: 0.0,
            rise: 0.0,
        };
        let mut tm: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];
        let mut tlm: Matrix = tm;
        // The current path's extent in PDF space: lowest and highest y.
        let mut path: Option<(f64, f64)> = None;
        for op in &content.operations {
            let n = |i: usize| op.operands.get(i).and_then(number).unwrap_or(0.0);
            let mut extend = |pts: &[(f64, f64)]| {
                for &(x, y) in pts {
                    let (_, py) = apply(ctm, x, y);
                    path = Some(path.map_or((py, py), |(lo, hi)| (lo.min(py), hi.max(py))));
                }
            };
            match op.operator.as_str() {
                "m" | "l" => extend(&[(n(0), n(1))]),
                "c" => extend(&[(n(0), n(1)), (n(2), n(3)), (n(4), n(5))]),
                "v" | "y" => extend(&[(n(0), n(1)), (n(2), n(3))]),
                "re" => extend(&[(n(0), n(1)), (n(0) + n(2), n(1) + n(3))]),
                "S" | "s" | "f" | "F" | "f*" | "B" | "B*" | "b" | "b*" => {
                    if let Some((lo, hi)) = path.take() {
                        self.page.drawings.push(Picture {
                            top: self.page.height - hi,
                            bottom: self.page.height - lo,
                        });
                    }
                }
                "n" => path = None,
                "q" => stack.push((ctm, ts.clone())),
                "Q" => {
                    if let Some((c, t)) = stack.pop() {
                        ctm = c;
                        ts = t;
                    }
                }
                "cm" => ctm = mul([n(0), n(1), n(2), n(3), n(4), n(5)], ctm),
                "BT" => {
                    tm = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];
                    tlm = tm;
                }
                "Tf" => {
                    ts.font = op
                        .operands
                        .first()
                        .and_then(|o| o.as_name().ok())
                        .and_then(|name| font_ids.get(name).copied());
                    ts.size = n(1);
                    if let Some(id) = ts.font
                        && !self.fonts.contains_key(&id)
                        && let Ok(dict) = self.doc.get_dictionary(id)
                    {
                        let font = Font::read(self.doc, dict);
                        self.fonts.insert(id, font);
                    }
                }
                "Tc" => ts.char_space = n(0),
                "Tw" => ts.word_space = n(0),
                "Tz" => ts.scale = n(0) / 100.0,
                "TL" => ts.leading = n(0),
                "Ts" => ts.rise = n(0),
                "Tm" => {
                    tm = [n(0), n(1), n(2), n(3), n(4), n(5)];
                    tlm = tm;
                }
                "Td" | "TD" => {
                    if op.operator == "TD" {
                        ts.leading = -n(1);
                    }
                    tlm = mul([1.0, 0.0, 0.0, 1.0, n(0), n(1)], tlm);
                    tm = tlm;
                }
                "T*" => {
                    tlm = mul([1.0, 0.0, 0.0, 1.0, 0.0, -ts.leading], tlm);
                    tm = tlm;
                }
                "Tj" | "TJ" | "'" | "\"" => {
                    if op.operator == "'" || op.operator == "\"" {
                        if op.operator == "\"" {
                            ts.word_space = n(0);
                            ts.char_space = n(1);
                        }
                        tlm = mul([1.0, 0.0, 0.0, 1.0, 0.0, -ts.leading], tlm);
                        tm = tlm;
                    }
                    let items: Vec<&Object> = match op.operator.as_str() {
                        "TJ" => op
                            .operands
                            .first()
                            .and_then(|a| a.as_array().ok())
                            .map(|a| a.iter().collect())
                            .unwrap_or_default(),
                        _ => op.operands.last().into_iter().collect(),
                    };
                    self.show(&items, &ts, &mut tm, ctm);
                }
                "Do" => {
                    let Some(name) = op.operands.first().and_then(|o| o.as_name().ok()) else {
                        continue;
                    };
                    let Some(stream) = resources
                        .get(b"XObject")
                        .ok()
                        .and_then(|x| deref(self.doc, x).as_dict().ok())
                        .and_then(|x| x.get(name).ok())
                        .and_then(|s| deref(self.doc, s).as_stream().ok())
                    else {
                        continue;
                    };
                    match stream.dict.get(b"Subtype").and_then(Object::as_name) {
                        Ok(b"Image") => {
                            let (_, _, y0, y1) = rect(ctm, 0.0, 0.0, 1.0, 1.0);
                            self.page.pictures.push(Picture {
                                top: self.page.height - y1,
                                bottom: self.page.height - y0,
                            });
                        }
                        Ok(b"Form") if depth < 16 => {
                            let matrix = stream
                                .dict
                                .get(b"Matrix")
                                .ok()
                                .and_then(|m| numbers(self.doc, m))
                                .filter(|m| m.len() == 6)
                                .map_or([1.0, 0.0, 0.0, 1.0, 0.0, 0.0], |m| {
                                    [m[0], m[1], m[2], m[3], m[4], m[5]]
                                });
                            let inner = stream
                                .dict
                                .get(b"Resources")
                                .ok()
                                .and_then(|r| deref(self.doc, r).as_dict().ok())
                                .cloned()
                                .unwrap_or_else(|| resources.clone());
                            let data = stream.decompressed_content().unwrap_or_default();
                            self.run(&data, &inner, mul(matrix, ctm), depth + 1);
                        }
                        _ => {}
                    }
                }
                _ => {}
            }
        }
    }

    /// Shows the strings and offsets of a text operator.
    fn show(&mut self, items: &[&Object], ts: &TextState, tm: &mut Matrix, ctm: Matrix) {
        let Some(font) = ts.font.and_then(|id| self.fonts.get(&id)) else {
            return;
        };
        let m = mul(*tm, ctm);
        let mut x = 0.0;
        let mut need_char_space = false;
        for item in items {
            if let Some(adjust) = number(item) {
                x -= adjust * 0.001 * ts.size * ts.scale;
                need_char_space = true;
                continue;
            }
            let Ok(bytes) = item.as_str() else { continue };
            for code in font.codes(bytes) {
                if need_char_space {
                    x += ts.char_space * ts.scale;
                }
                let adv = font.width(code) * ts.size * ts.scale;
                let low = font.descent / 1000.0 * ts.size + ts.rise;
                let (x0, x1, y0, y1) = rect(m, x, low, x + adv, low + ts.size);
                self.page.glyphs.push(Glyph {
                    x0,
                    x1,
                    top: self.page.height - y1,
                    bottom: self.page.height - y0,
                    size: y1 - y0,
                    text: font.text(code),
                    bold: font.bold,
                });
                x += adv;
                if code == 32 && font.code_len == 1 {
                    x += ts.word_space * ts.scale;
                }
                need_char_space = true;
            }
        }
        *tm = mul([1.0, 0.0, 0.0, 1.0, x, 0.0], *tm);
    }
}
