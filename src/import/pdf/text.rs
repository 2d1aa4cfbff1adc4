//! A PDF page's text with where it stands: the page's content (and the
//! forms it draws) interpreted far enough to place each string shown:
//! the text and graphics matrices, fonts and their widths, the text
//! state. Characters are decoded by lopdf (its font encodings and
//! ToUnicode maps); nothing is drawn.

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Encoding, Object, ObjectId};
use std::collections::HashMap;

/// The most content one page (with its forms) may unpack to.
const MAX_CONTENT: usize = 64 * 1024 * 1024;

/// A string shown on a page.
#[derive(Debug, Clone)]
pub struct Span {
    /// Where it starts (device space, y up).
    pub x: f32,
    /// Its baseline.
    pub y: f32,
    /// Where it ends.
    pub x_end: f32,
    /// Its size.
    pub size: f32,
    /// Whether its font is bold.
    pub bold: bool,
    /// Its text.
    pub text: String,
    /// Whether it is marked as an artifact (a running header, a page
    /// number) in a tagged PDF.
    pub artifact: bool,
}

type Matrix = [f32; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn mul(a: &Matrix, b: &Matrix) -> Matrix {
    [
        a[0] * b[0] + a[1] * b[2],
        a[0] * b[1] + a[1] * b[3],
        a[2] * b[0] + a[3] * b[2],
        a[2] * b[1] + a[3] * b[3],
        a[4] * b[0] + a[5] * b[2] + b[4],
        a[4] * b[1] + a[5] * b[3] + b[5],
    ]
}

/// A font as far as placing text goes.
struct Font<'a> {
    encoding: Option<Encoding<'a>>,
    widths: HashMap<u32, f32>,
    default_width: f32,
    two_bytes: bool,
    bold: bool,
}

fn deref<'a>(doc: &'a Document, o: &'a Object) -> &'a Object {
    match o {
        Object::Reference(id) => doc.get_object(*id).unwrap_or(o),
        _ => o,
    }
}

fn number(o: &Object) -> Option<f32> {
    o.as_float().ok()
}

impl<'a> Font<'a> {
    fn read(doc: &'a Document, dict: &'a Dictionary) -> Font<'a> {
        let name = |d: &Dictionary| {
            d.get(b"BaseFont")
                .ok()
                .and_then(|o| o.as_name().ok())
                .map(|n| String::from_utf8_lossy(n).to_lowercase())
                .unwrap_or_default()
        };
        let subtype = dict
            .get(b"Subtype")
            .ok()
            .and_then(|o| o.as_name().ok())
            .unwrap_or_default();
        let two_bytes = subtype == b"Type0";
        let mut widths = HashMap::new();
        let mut default_width = 1000.0;
        let mut base = name(dict);
        let mut descriptor: Option<&Dictionary> = None;
        if two_bytes {
            let descendant = dict
                .get(b"DescendantFonts")
                .ok()
                .map(|o| deref(doc, o))
                .and_then(|o| o.as_array().ok())
                .and_then(|a| a.first())
                .map(|o| deref(doc, o))
                .and_then(|o| o.as_dict().ok());
            if let Some(d) = descendant {
                if base.is_empty() {
                    base = name(d);
                }
                default_width = d.get(b"DW").ok().and_then(number).unwrap_or(1000.0);
                if let Some(w) = d
                    .get(b"W")
                    .ok()
                    .map(|o| deref(doc, o))
                    .and_then(|o| o.as_array().ok())
                {
                    cid_widths(doc, w, &mut widths);
                }
                descriptor = d
                    .get(b"FontDescriptor")
                    .ok()
                    .map(|o| deref(doc, o))
                    .and_then(|o| o.as_dict().ok());
            }
        } else {
            let first = dict
                .get(b"FirstChar")
                .ok()
                .and_then(|o| o.as_i64().ok())
                .unwrap_or(0);
            if let Some(w) = dict
                .get(b"Widths")
                .ok()
                .map(|o| deref(doc, o))
                .and_then(|o| o.as_array().ok())
            {
                for (i, o) in w.iter().enumerate().take(65536) {
                    if let Some(v) = number(deref(doc, o)) {
                        widths.insert((first + i as i64).max(0) as u32, v);
                    }
                }
            }
            default_width = 500.0;
            descriptor = dict
                .get(b"FontDescriptor")
                .ok()
                .map(|o| deref(doc, o))
                .and_then(|o| o.as_dict().ok());
            if let Some(d) = descriptor
                && let Some(m) = d.get(b"MissingWidth").ok().and_then(number)
                && m > 0.0
            {
                default_width = m;
            }
        }
        let weight = descriptor
            .and_then(|d| d.get(b"FontWeight").ok())
            .and_then(number)
            .unwrap_or(400.0);
        let force_bold = descriptor
            .and_then(|d| d.get(b"Flags").ok())
            .and_then(|o| o.as_i64().ok())
            .is_some_and(|f| f & (1 << 18) != 0);
        let bold = weight >= 600.0
            || force_bold
            || ["bold", "black", "heavy", "semibold", "demi"]
                .iter()
                .any(|b| base.contains(b));
        Font {
            encoding: dict.get_font_encoding_with_limit(doc, MAX_CONTENT).ok(),
            widths,
            default_width,
            two_bytes,
            bold,
        }
    }

    fn width(&self, code: u32) -> f32 {
        self.widths
            .get(&code)
            .copied()
            .unwrap_or(self.default_width)
    }

    fn decode(&self, bytes: &[u8]) -> String {
        match &self.encoding {
            Some(e) => e.bytes_to_string(bytes).unwrap_or_default(),
            None => String::from_utf8_lossy(bytes).into_owned(),
        }
    }
}

fn cid_widths(doc: &Document, w: &[Object], out: &mut HashMap<u32, f32>) {
    let mut i = 0;
    while i < w.len() && out.len() < 100_000 {
        let Some(first) = deref(doc, &w[i]).as_i64().ok() else {
            break;
        };
        match w.get(i + 1).map(|o| deref(doc, o)) {
            Some(Object::Array(list)) => {
                for (k, o) in list.iter().enumerate() {
                    if let Some(v) = number(deref(doc, o)) {
                        out.insert((first + k as i64).max(0) as u32, v);
                    }
                }
                i += 2;
            }
            Some(o) => {
                let last = o.as_i64().unwrap_or(first);
                let v = w
                    .get(i + 2)
                    .map(|o| deref(doc, o))
                    .and_then(number)
                    .unwrap_or(1000.0);
                for c in first..=last.min(first + 65536) {
                    out.insert(c.max(0) as u32, v);
                }
                i += 3;
            }
            None => break,
        }
    }
}

/// The fonts of a resource dictionary.
fn fonts<'a>(doc: &'a Document, resources: Option<&'a Dictionary>) -> HashMap<Vec<u8>, Font<'a>> {
    let mut out = HashMap::new();
    let Some(fd) = resources
        .and_then(|r| r.get(b"Font").ok())
        .map(|o| deref(doc, o))
        .and_then(|o| o.as_dict().ok())
    else {
        return out;
    };
    for (name, o) in fd.iter() {
        if let Ok(d) = deref(doc, o).as_dict() {
            out.insert(name.clone(), Font::read(doc, d));
        }
    }
    out
}

/// The page's resources (inherited ones merged).
fn page_resources(doc: &Document, page: ObjectId) -> Dictionary {
    let mut merged = Dictionary::new();
    if let Ok((own, inherited)) = doc.get_page_resources(page) {
        let all = own.into_iter().chain(
            inherited
                .iter()
                .filter_map(|id| doc.get_dictionary(*id).ok()),
        );
        for d in all {
            for (k, v) in d.iter() {
                if !merged.has(k) {
                    merged.set(k.clone(), v.clone());
                }
            }
        }
    }
    merged
}

/// The strings shown on a page.
pub fn spans(doc: &Document, page: ObjectId) -> Vec<Span> {
    let resources = page_resources(doc, page);
    let content = match doc.get_page_content_with_limit(page, MAX_CONTENT) {
        Ok(c) => c,
        Err(_) => return Vec::new(),
    };
    let mut out = Vec::new();
    run(doc, &content, &resources, IDENTITY, 0, &[], &mut out);
    out
}

#[derive(Clone)]
struct TextState {
    font: Option<Vec<u8>>,
    size: f32,
    char_space: f32,
    word_space: f32,
    scale: f32,
    leading: f32,
    rise: f32,
}

fn run(
    doc: &Document,
    content: &[u8],
    resources: &Dictionary,
    base: Matrix,
    depth: usize,
    inherited: &[Vec<u8>],
    out: &mut Vec<Span>,
) {
    if depth > 8 || out.len() > 500_000 {
        return;
    }
    let Ok(ops) = Content::decode(content) else {
        return;
    };
    let fonts = fonts(doc, Some(resources));
    let mut ctm = base;
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
    let (mut tm, mut tlm) = (IDENTITY, IDENTITY);
    // Marked content: text inside a figure is the picture's; text inside
    // an artifact is no content.
    let mut marks: Vec<Vec<u8>> = inherited.to_vec();
    for op in &ops.operations {
        let n = |i: usize| op.operands.get(i).and_then(number).unwrap_or(0.0);
        match op.operator.as_str() {
            "BMC" | "BDC" => marks.push(
                op.operands
                    .first()
                    .and_then(|o| o.as_name().ok())
                    .unwrap_or_default()
                    .to_vec(),
            ),
            "EMC" => {
                marks.pop();
            }
            "q" => stack.push((ctm, ts.clone())),
            "Q" => {
                if let Some((m, t)) = stack.pop() {
                    ctm = m;
                    ts = t;
                }
            }
            "cm" => ctm = mul(&[n(0), n(1), n(2), n(3), n(4), n(5)], &ctm),
            "BT" => {
                tm = IDENTITY;
                tlm = IDENTITY;
            }
            "Tf" => {
                ts.font = op
                    .operands
                    .first()
                    .and_then(|o| o.as_name().ok())
                    .map(<[u8]>::to_vec);
                ts.size = n(1);
            }
            "Tc" => ts.char_space = n(0),
            "Tw" => ts.word_space = n(0),
            "Tz" => ts.scale = n(0) / 100.0,
            "TL" => ts.leading = n(0),
            "Ts" => ts.rise = n(0),
            "Td" | "TD" => {
                if op.operator == "TD" {
                    ts.leading = -n(1);
                }
                tlm = mul(&[1.0, 0.0, 0.0, 1.0, n(0), n(1)], &tlm);
                tm = tlm;
            }
            "Tm" => {
                tlm = [n(0), n(1), n(2), n(3), n(4), n(5)];
                tm = tlm;
            }
            "T*" => {
                tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -ts.leading], &tlm);
                tm = tlm;
            }
            "Tj" | "'" | "\"" | "TJ" => {
                if op.operator != "Tj" && op.operator != "TJ" {
                    tlm = mul(&[1.0, 0.0, 0.0, 1.0, 0.0, -ts.leading], &tlm);
                    tm = tlm;
                }
                let font = ts.font.as_ref().and_then(|f| fonts.get(f));
                let Some(font) = font else { continue };
                if marks.iter().any(|m| m == b"Figure") {
                    continue;
                }
                let artifact = marks.iter().any(|m| m == b"Artifact");
                let items: Vec<&Object> = match op.operator.as_str() {
                    "TJ" => op
                        .operands
                        .first()
                        .and_then(|o| o.as_array().ok())
                        .map(|a| a.iter().collect())
                        .unwrap_or_default(),
                    "\"" => op.operands.get(2).into_iter().collect(),
                    _ => op.operands.first().into_iter().collect(),
                };
                for item in items {
                    match item {
                        Object::String(bytes, _) => {
                            show(bytes, font, &ts, &mut tm, &ctm, artifact, out)
                        }
                        o => {
                            let adjust = number(o).unwrap_or(0.0);
                            let tx = -adjust / 1000.0 * ts.size * ts.scale;
                            tm = mul(&[1.0, 0.0, 0.0, 1.0, tx, 0.0], &tm);
                        }
                    }
                }
            }
            "Do" => {
                let Some(name) = op.operands.first().and_then(|o| o.as_name().ok()) else {
                    continue;
                };
                let form = resources
                    .get(b"XObject")
                    .ok()
                    .map(|o| deref(doc, o))
                    .and_then(|o| o.as_dict().ok())
                    .and_then(|d| d.get(name).ok())
                    .map(|o| deref(doc, o))
                    .and_then(|o| o.as_stream().ok());
                let Some(form) = form.filter(|s| {
                    s.dict.get(b"Subtype").ok().and_then(|o| o.as_name().ok()) == Some(b"Form")
                }) else {
                    continue;
                };
                let matrix = form
                    .dict
                    .get(b"Matrix")
                    .ok()
                    .and_then(|o| o.as_array().ok())
                    .filter(|a| a.len() == 6)
                    .map(|a| {
                        let v: Vec<f32> = a.iter().map(|o| number(o).unwrap_or(0.0)).collect();
                        [v[0], v[1], v[2], v[3], v[4], v[5]]
                    })
                    .unwrap_or(IDENTITY);
                let inner = form
                    .dict
                    .get(b"Resources")
                    .ok()
                    .map(|o| deref(doc, o))
                    .and_then(|o| o.as_dict().ok())
                    .unwrap_or(resources);
                let bytes = if form.dict.has(b"Filter") {
                    form.decompressed_content().unwrap_or_default()
                } else {
                    form.content.clone()
                };
                if bytes.len() <= MAX_CONTENT {
                    run(
                        doc,
                        &bytes,
                        inner,
                        mul(&matrix, &ctm),
                        depth + 1,
                        &marks,
                        out,
                    );
                }
            }
            _ => {}
        }
    }
}

/// Places one string and moves the text matrix past it.
fn show(
    bytes: &[u8],
    font: &Font,
    ts: &TextState,
    tm: &mut Matrix,
    ctm: &Matrix,
    artifact: bool,
    out: &mut Vec<Span>,
) {
    let trm = mul(tm, ctm);
    let start = (trm[4] + ts.rise * trm[2], trm[5] + ts.rise * trm[3]);
    let scale_y = (trm[2] * trm[2] + trm[3] * trm[3]).sqrt();
    let mut advance = 0.0;
    let step = if font.two_bytes { 2 } else { 1 };
    for code in bytes.chunks(step) {
        let c = code.iter().fold(0u32, |acc, b| acc * 256 + *b as u32);
        let mut w = font.width(c) / 1000.0 * ts.size + ts.char_space;
        if step == 1 && c == 32 {
            w += ts.word_space;
        }
        advance += w * ts.scale;
    }
    *tm = mul(&[1.0, 0.0, 0.0, 1.0, advance, 0.0], tm);
    let end = mul(tm, ctm);
    let text = font.decode(bytes);
    if text.is_empty() {
        return;
    }
    out.push(Span {
        x: start.0,
        y: start.1,
        x_end: end[4].max(start.0),
        size: (ts.size * scale_y).abs(),
        bold: font.bold,
        text,
        artifact,
    });
}
