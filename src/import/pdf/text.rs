//! A PDF page's text with where it stands: the page's content (and the
//! forms it draws) interpreted far enough to place each string shown:
//! the text and graphics matrices, fonts and their widths, the text
//! state. Characters are decoded by lopdf (its font encodings and
//! ToUnicode maps); nothing is drawn.

use super::fonts::{Font, deref, fonts, number};
use super::tags::Figures;
use lopdf::content::Content;
use lopdf::{Dictionary, Document, Object, ObjectId};

/// The most content one page (with its forms) may unpack to.
pub const MAX_CONTENT: usize = 8 * 1024 * 1024;

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
    /// The figure it is drawn in ([`Figures`]), when it is a picture's
    /// text.
    pub figure: Option<usize>,
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

/// The most drawing operations read in a whole document, forms drawn
/// inside forms counted each time: a report has a few hundred thousand;
/// a form that draws itself over and over has no end.
pub const MAX_OPERATIONS: usize = 20_000_000;

/// The most content a whole document may unpack to, forms counted each
/// time they are drawn.
const MAX_CONTENT_TOTAL: usize = 512 * 1024 * 1024;

/// The most strings kept of one document.
const MAX_SPANS: usize = 2_000_000;

/// What drawing a form counts for in [`MAX_OPERATIONS`] (its fonts are
/// read and its content decoded each time it is drawn).
const FORM_COST: usize = 200;

/// How much work reading a document may still do.
#[derive(Debug)]
pub struct Budget {
    operations: usize,
    bytes: usize,
}

impl Default for Budget {
    fn default() -> Self {
        Budget {
            operations: MAX_OPERATIONS,
            bytes: MAX_CONTENT_TOTAL,
        }
    }
}

/// Why a page is not read.
#[derive(Debug)]
pub enum TooMuchWork {
    /// The document's pages draw more than [`MAX_OPERATIONS`] (or unpack
    /// more than their total).
    Operations,
    /// One page's content (or a drawing it draws) unpacks to more than
    /// [`MAX_CONTENT`].
    Page,
}

impl Budget {
    fn spend(&mut self, operations: usize, bytes: usize) -> Result<(), TooMuchWork> {
        self.operations = (self.operations)
            .checked_sub(operations)
            .ok_or(TooMuchWork::Operations)?;
        self.bytes = (self.bytes)
            .checked_sub(bytes)
            .ok_or(TooMuchWork::Operations)?;
        Ok(())
    }
}

/// What reading one page needs: the document, the page, its figures, what
/// is left of the budget, and the strings found.
struct Cx<'a> {
    doc: &'a Document,
    page: ObjectId,
    figures: &'a mut Figures,
    budget: &'a mut Budget,
    out: Vec<Span>,
    /// Whether the page's content could not be decoded.
    damaged: bool,
}

/// A marked-content sequence open at a point of the content: its tag, and
/// the figure it draws, if any.
#[derive(Debug, Clone)]
struct Mark {
    tag: Vec<u8>,
    figure: Option<usize>,
}

/// What one page shows.
#[derive(Debug, Default)]
pub struct Shown {
    /// The strings.
    pub spans: Vec<Span>,
    /// Whether its content could not be decoded (damaged).
    pub damaged: bool,
}

/// The strings shown on a page; text inside a figure's marked content is
/// marked with that figure (new figures met in the content are added).
pub fn spans(
    doc: &Document,
    page: ObjectId,
    figures: &mut Figures,
    budget: &mut Budget,
) -> Result<Shown, TooMuchWork> {
    let resources = page_resources(doc, page);
    // lopdf fails here only when the content is larger than allowed (a
    // stream it cannot unpack is read as it stands).
    let content = doc
        .get_page_content_with_limit(page, MAX_CONTENT)
        .map_err(|_| TooMuchWork::Page)?;
    let mut cx = Cx {
        doc,
        page,
        figures,
        budget,
        out: Vec::new(),
        damaged: false,
    };
    run(&mut cx, &content, &resources, IDENTITY, 0, &[])?;
    Ok(Shown {
        spans: cx.out,
        damaged: cx.damaged,
    })
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

/// The tag of a `BMC`/`BDC` and the figure it opens: one the structure
/// tree names by its marked-content id, or a `/Figure` tag or `/Alt` of
/// its own.
fn mark(cx: &mut Cx, op: &lopdf::content::Operation, resources: &Dictionary) -> Mark {
    let tag = op
        .operands
        .first()
        .and_then(|o| o.as_name().ok())
        .unwrap_or_default()
        .to_vec();
    let props = match op.operands.get(1) {
        Some(Object::Dictionary(d)) => Some(d),
        Some(Object::Name(n)) => resources
            .get(b"Properties")
            .ok()
            .map(|o| deref(cx.doc, o))
            .and_then(|o| o.as_dict().ok())
            .and_then(|p| p.get(n).ok())
            .map(|o| deref(cx.doc, o))
            .and_then(|o| o.as_dict().ok()),
        _ => None,
    };
    let mcid = props
        .and_then(|p| p.get(b"MCID").ok())
        .and_then(|o| o.as_i64().ok());
    let alt = props
        .and_then(|p| p.get(b"Alt").ok())
        .and_then(super::tags::text);
    let figure = match mcid.and_then(|id| cx.figures.of(cx.page, id)) {
        Some(f) => Some(f),
        None if tag == b"Figure" || alt.is_some() => Some(cx.figures.add(alt)),
        None => None,
    };
    Mark { tag, figure }
}

fn run(
    cx: &mut Cx,
    content: &[u8],
    resources: &Dictionary,
    base: Matrix,
    depth: usize,
    inherited: &[Mark],
) -> Result<(), TooMuchWork> {
    if depth > 8 || cx.out.len() > MAX_SPANS {
        return Ok(());
    }
    cx.budget.spend(0, content.len())?;
    let Ok(ops) = Content::decode(content) else {
        if depth == 0 {
            cx.damaged = true;
        }
        return Ok(());
    };
    cx.budget.spend(ops.operations.len(), 0)?;
    let doc = cx.doc;
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
    let mut marks: Vec<Mark> = inherited.to_vec();
    for op in &ops.operations {
        let n = |i: usize| op.operands.get(i).and_then(number).unwrap_or(0.0);
        match op.operator.as_str() {
            "BMC" | "BDC" => {
                let m = mark(cx, op, resources);
                marks.push(m);
            }
            // Never below the marks the form was drawn inside.
            "EMC" if marks.len() > inherited.len() => {
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
                let look = Look {
                    artifact: marks.iter().any(|m| m.tag == b"Artifact"),
                    figure: marks.iter().rev().find_map(|m| m.figure),
                };
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
                            show(bytes, font, &ts, &mut tm, &ctm, look, &mut cx.out)
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
                // Drawing a form costs its fonts and its decoding each time.
                cx.budget.spend(FORM_COST, 0)?;
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
                    match form.decompressed_content_with_limit(MAX_CONTENT) {
                        Ok(b) => b,
                        Err(lopdf::Error::Decompress(
                            lopdf::DecompressError::MemoryLimitExceeded { .. },
                        )) => return Err(TooMuchWork::Page),
                        Err(_) => continue,
                    }
                } else {
                    form.content.clone()
                };
                if bytes.len() > MAX_CONTENT {
                    return Err(TooMuchWork::Page);
                }
                run(cx, &bytes, inner, mul(&matrix, &ctm), depth + 1, &marks)?;
            }
            _ => {}
        }
    }
    Ok(())
}

/// Where a string stands in the marked content.
#[derive(Debug, Clone, Copy)]
struct Look {
    artifact: bool,
    figure: Option<usize>,
}

/// Places one string and moves the text matrix past it.
fn show(
    bytes: &[u8],
    font: &Font,
    ts: &TextState,
    tm: &mut Matrix,
    ctm: &Matrix,
    look: Look,
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
        artifact: look.artifact,
        figure: look.figure,
    });
}
