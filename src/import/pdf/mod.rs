//! PDFs: the text layer of each page ([`text`]) laid out again as lines
//! in reading order. Strings on one baseline make a line, unless a wide
//! gap parts them (a text box or a column beside the text); lines that
//! stand under each other make a block; blocks are read from the top,
//! and a blank line stands where a block ends or a paragraph's spacing
//! is. [`super::lines`] then reads the lines as text without styles, with
//! each line's size and boldness to find headings by.

mod fonts;
mod tags;
mod text;

/// The most strings of a page whose small marks are looked for (the
/// search compares each string with every other).
const MAX_MARKED_SPANS: usize = 5_000;

/// The most pages read (a report has tens).
pub const MAX_PAGES: usize = 5_000;

/// The most one stream (of objects, or a drawing) may unpack to.
const MAX_STREAM: usize = 8 * 1024 * 1024;

use super::doc::{Doc, Furniture, FurnitureKind};
use super::page::{Line, Page};
use std::collections::HashSet;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{LazyLock, Mutex};
use text::Span;

/// Why a PDF cannot be read.
#[derive(Debug)]
pub enum Error {
    /// It needs a password.
    Encrypted,
    /// It is not a PDF, or damaged: why.
    Damaged(crate::messages::Arg),
    /// Reading it would take more work than a report needs (drawings
    /// drawn inside themselves, a great many pages).
    TooComplex(crate::messages::Msg),
}

/// The most objects a PDF may have (a report of a hundred pages has some
/// ten thousand; each costs memory when loaded).
pub const MAX_OBJECTS: usize = 500_000;

/// One PDF loaded at a time, so that [`LOADED`] counts its objects alone.
static LOADING: Mutex<()> = Mutex::new(());

/// The objects of the PDF being loaded, kept so far.
static LOADED: AtomicUsize = AtomicUsize::new(0);

/// lopdf's filter while loading: objects beyond [`MAX_OBJECTS`] are not
/// kept (the load is then refused). lopdf keeps an object of the file as
/// it stands, and one of an object stream (never a stream itself) as
/// given back.
fn keep(id: (u32, u16), o: &mut lopdf::Object) -> Option<((u32, u16), lopdf::Object)> {
    if LOADED.fetch_add(1, Ordering::Relaxed) >= MAX_OBJECTS {
        return None;
    }
    match o {
        lopdf::Object::Stream(_) => Some((id, lopdf::Object::Null)),
        o => Some((id, o.clone())),
    }
}

/// The objects and cross-reference entries written in the file as it
/// stands (those inside object streams are counted as they are loaded).
fn objects_written(bytes: &[u8]) -> usize {
    static WRITTEN: LazyLock<regex::bytes::Regex> = LazyLock::new(|| {
        regex::bytes::Regex::new(r"\d+[ \r\n]+\d+[ \r\n]+obj\b|\d{10} \d{5} [nf]")
            .expect("valid pattern")
    });
    WRITTEN.find_iter(bytes).count()
}

/// Loads a PDF within [`MAX_OBJECTS`] and [`MAX_STREAM`].
fn load(bytes: &[u8]) -> Result<lopdf::Document, Error> {
    let too_many = || Error::TooComplex(crate::messages::import::pdf_too_many_objects(MAX_OBJECTS));
    if objects_written(bytes) > 2 * MAX_OBJECTS {
        return Err(too_many());
    }
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(MAX_STREAM),
        filter: Some(keep),
        ..lopdf::LoadOptions::default()
    };
    let _one = LOADING.lock().unwrap_or_else(|e| e.into_inner());
    LOADED.store(0, Ordering::Relaxed);
    let doc = lopdf::Document::load_mem_with_options(bytes, options).map_err(|e| {
        let s = e.to_string();
        let lower = s.to_lowercase();
        if lower.contains("password") || lower.contains("decrypt") || lower.contains("encrypt") {
            Error::Encrypted
        } else {
            Error::Damaged(s.into())
        }
    })?;
    if LOADED.load(Ordering::Relaxed) > MAX_OBJECTS {
        return Err(too_many());
    }
    Ok(doc)
}

/// Reads a PDF's text: its content as lines, its artifacts (running
/// headers, page numbers) and the text drawn in its figures as furniture.
pub fn read(bytes: &[u8]) -> Result<Doc, Error> {
    let doc = load(bytes)?;
    if doc.is_encrypted() && !doc.was_encrypted() {
        return Err(Error::Encrypted);
    }
    let mut figures = tags::figures(&doc);
    let mut budget = text::Budget::default();
    let too_much = |why, page: usize| {
        Error::TooComplex(match why {
            text::TooMuchWork::Operations => {
                crate::messages::import::pdf_too_much_work(text::MAX_OPERATIONS / 1_000_000)
            }
            text::TooMuchWork::Page => {
                crate::messages::import::pdf_page_too_large(page, text::MAX_CONTENT / (1024 * 1024))
            }
        })
    };
    let mut pages = Vec::new();
    let mut artifacts = Vec::new();
    let mut in_figures: Vec<Span> = Vec::new();
    let mut seen = HashSet::new();
    let mut damaged: Option<usize> = None;
    // A page named twice in a damaged page tree is read once.
    for id in doc.page_iter() {
        if !seen.insert(id) {
            continue;
        }
        if seen.len() > MAX_PAGES {
            return Err(Error::TooComplex(
                crate::messages::import::pdf_too_many_pages(MAX_PAGES),
            ));
        }
        let shown = text::spans(&doc, id, &mut figures, &mut budget)
            .map_err(|why| too_much(why, seen.len()))?;
        if shown.damaged {
            damaged.get_or_insert(seen.len());
        }
        let (content, marked): (Vec<Span>, Vec<Span>) = shown
            .spans
            .into_iter()
            .filter_map(|s| match s.figure {
                Some(_) => {
                    in_figures.push(s);
                    None
                }
                None => Some(s),
            })
            .partition(|s| !s.artifact);
        pages.push(layout(content));
        artifacts.extend(
            layout(marked)
                .into_iter()
                .map(|l| l.text)
                .filter(|t| !t.is_empty()),
        );
    }
    // Nothing to read: say why, if it is not a scan's pictures.
    let no_text = pages.iter().flatten().all(Line::blank) && artifacts.is_empty();
    if seen.is_empty() {
        return Err(Error::Damaged(
            crate::messages::import::pdf_no_pages().into(),
        ));
    }
    if let (Some(page), true) = (damaged, no_text) {
        return Err(Error::Damaged(
            crate::messages::import::pdf_page_damaged(page).into(),
        ));
    }
    let mut out = super::lines::to_doc(pages, !artifacts.is_empty());
    let mut marked: Vec<Furniture> = Vec::new();
    let mut known = HashSet::new();
    for text in artifacts {
        if known.insert(text.clone()) {
            marked.push(Furniture {
                kind: FurnitureKind::HeaderFooter,
                text,
            });
        }
    }
    marked.append(&mut out.furniture);
    marked.extend(pictures(&figures, in_figures));
    out.furniture = marked;
    out.year = created_year(&doc);
    Ok(out)
}

/// Each figure of the PDF as furniture: its alternative text and the text
/// drawn in it, in the order of the figures.
fn pictures(figures: &tags::Figures, spans: Vec<Span>) -> Vec<Furniture> {
    let mut drawn: Vec<Vec<Span>> = vec![Vec::new(); figures.list.len()];
    for s in spans {
        if let Some(d) = s.figure.and_then(|f| drawn.get_mut(f)) {
            d.push(s);
        }
    }
    figures
        .list
        .iter()
        .zip(drawn)
        .filter_map(|(f, d)| {
            let text: Vec<String> = layout(d)
                .into_iter()
                .map(|l| l.text)
                .filter(|t| !t.is_empty())
                .collect();
            let text = super::doc::fold(&text.join(" "));
            let line = match (&f.alt, text.is_empty()) {
                (Some(alt), true) => format!("[{alt}]"),
                (Some(alt), false) => format!("[{alt}] {text}"),
                (None, false) => text,
                (None, true) => return None,
            };
            Some(Furniture {
                kind: FurnitureKind::Picture,
                text: line,
            })
        })
        .collect()
}

fn created_year(doc: &lopdf::Document) -> Option<i32> {
    let info = doc.trailer.get(b"Info").ok()?;
    let info = match info {
        lopdf::Object::Reference(id) => doc.get_dictionary(*id).ok()?,
        o => o.as_dict().ok()?,
    };
    let date = info.get(b"CreationDate").ok()?.as_str().ok()?;
    let s = String::from_utf8_lossy(date);
    let s = s.trim_start_matches("D:");
    s.get(..4)?
        .parse()
        .ok()
        .filter(|y| (1990..2200).contains(y))
}

/// A piece of a line: strings on one baseline with no wide gap.
#[derive(Debug, Clone)]
struct Segment {
    x: f32,
    x_end: f32,
    y: f32,
    size: f32,
    bold: bool,
    text: String,
}

/// Small marks raised (or lowered) beside the end of a larger string (a
/// footnote's number, a unit's ²) are put on its baseline, a space
/// before them, so that they do not part its line from the lines beside it.
fn marks_on_baselines(spans: &mut [Span]) {
    let bases: Vec<(f32, f32, f32, bool)> = spans
        .iter()
        .map(|s| (s.x_end, s.y, s.size, s.bold))
        .collect();
    for s in spans.iter_mut() {
        let home = bases.iter().find(|(x_end, y, size, _)| {
            *size >= s.size * 1.25
                && s.x >= x_end - 1.0
                && s.x <= x_end + size * 0.5
                && s.y - y <= size * 0.7
                && y - s.y <= size * 0.3
                && (s.y - y).abs() > 0.01
        });
        if let Some(&(_, y, _, bold)) = home {
            s.y = y;
            s.bold = bold;
            if !s.text.starts_with(' ') {
                s.text.insert(0, ' ');
            }
        }
    }
}

/// Lines of one page, in reading order, blank lines between blocks.
fn layout(mut spans: Vec<Span>) -> Page {
    spans.retain(|s| !s.text.trim().is_empty() || s.text.contains(' '));
    if spans.len() <= MAX_MARKED_SPANS {
        marks_on_baselines(&mut spans);
    }
    spans.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    // Baselines.
    let mut rows: Vec<Vec<Span>> = Vec::new();
    for s in spans {
        match rows.last_mut() {
            Some(row) if (row[0].y - s.y).abs() <= row[0].size.max(s.size) * 0.35 => row.push(s),
            _ => rows.push(vec![s]),
        }
    }
    let mut segments: Vec<Segment> = Vec::new();
    for mut row in rows {
        row.sort_by(|a, b| a.x.total_cmp(&b.x));
        let mut current: Option<Segment> = None;
        for s in row {
            let size = s.size.max(1.0);
            match &mut current {
                Some(seg) if s.x - seg.x_end < size * 2.5 => {
                    let gap = s.x - seg.x_end;
                    if gap > size * 0.15 && !seg.text.ends_with(' ') && !s.text.starts_with(' ') {
                        seg.text.push(' ');
                    }
                    seg.text.push_str(&s.text);
                    seg.x_end = seg.x_end.max(s.x_end);
                    seg.bold &= s.bold || s.text.trim().is_empty();
                    seg.size = seg.size.max(s.size);
                }
                _ => {
                    if let Some(seg) = current.take() {
                        segments.push(seg);
                    }
                    current = Some(Segment {
                        x: s.x,
                        x_end: s.x_end,
                        y: s.y,
                        size: s.size,
                        bold: s.bold,
                        text: s.text.clone(),
                    });
                }
            }
        }
        segments.extend(current);
    }
    // Blocks: segments under each other, overlapping across.
    let mut blocks: Vec<Vec<Segment>> = Vec::new();
    for seg in segments {
        // The block right above it (across from it), if it goes on there.
        let above = blocks
            .iter_mut()
            .filter(|b| {
                let last = &b[b.len() - 1];
                last.y > seg.y && seg.x < last.x_end && last.x < seg.x_end
            })
            .min_by(|a, b| a[a.len() - 1].y.total_cmp(&b[b.len() - 1].y));
        let home = above.filter(|b| {
            let last = &b[b.len() - 1];
            let same_look = (last.size - seg.size).abs() <= 0.6 && last.bold == seg.bold;
            last.y - seg.y <= last.size.max(seg.size) * 2.6 && same_look
        });
        match home {
            Some(b) => b.push(seg),
            None => blocks.push(vec![seg]),
        }
    }
    let mut blocks = tables(blocks);
    blocks.sort_by(|a, b| b[0].y.total_cmp(&a[0].y).then(a[0].x.total_cmp(&b[0].x)));
    let mut page = Vec::new();
    for b in blocks {
        let gaps: Vec<f32> = b.windows(2).map(|w| w[0].y - w[1].y).collect();
        let mut sorted = gaps.clone();
        sorted.sort_by(f32::total_cmp);
        // The lines' own spacing: the least gap that is a line's (not a
        // mark's) — a block of one-line paragraphs has the paragraphs'
        // spacing most often.
        let size = b.first().map_or(0.0, |s| s.size);
        let usual = sorted
            .iter()
            .copied()
            .find(|g| *g >= size * 0.9)
            .or_else(|| sorted.get(sorted.len().saturating_sub(1) / 2).copied())
            .unwrap_or(0.0);
        let uniform = match (sorted.first(), sorted.last()) {
            (Some(lo), Some(hi)) => *hi <= *lo * 1.1,
            _ => false,
        };
        for (i, seg) in b.iter().enumerate() {
            if i > 0 {
                let gap = gaps[i - 1];
                // With every gap alike, the block's lines tell no spacing
                // apart: a gap of a paragraph's size after a sentence's end
                // ends a paragraph.
                let para = if uniform {
                    gap > seg.size * 1.55
                        && b[i - 1].text.trim_end().ends_with(['.', '!', '?', ':'])
                } else {
                    gap > usual * 1.35 && gap > seg.size * 1.3
                };
                if para {
                    page.push(Line::text(""));
                }
            }
            page.push(Line {
                raw: seg.text.clone(),
                text: seg.text.trim().replace('\u{a0}', " "),
                size: Some((seg.size * 2.0).round() / 2.0),
                bold: seg.bold,
                x: Some(seg.x),
            });
        }
        page.push(Line::text(""));
    }
    page
}

/// Blocks side by side whose lines share baselines and are short are the
/// columns of a table: each row becomes one line, its cells parted by
/// tabs. A text box beside running text is left alone (its lines are
/// long, or not on the text's baselines).
fn tables(mut blocks: Vec<Vec<Segment>>) -> Vec<Vec<Segment>> {
    let beside = |s: &Segment, t: &Segment| {
        (t.y - s.y).abs() <= s.size.max(t.size) * 0.35 && t.x_end <= s.x + s.size * 0.5
    };
    let short = |b: &[Segment]| {
        let words: usize = b.iter().map(|s| s.text.split_whitespace().count()).sum();
        words <= b.len() * 8
    };
    loop {
        let mut merged = false;
        'pairs: for i in 0..blocks.len() {
            for j in 0..blocks.len() {
                if i == j {
                    continue;
                }
                let (a, b) = (&blocks[i], &blocks[j]);
                let a_start = a.iter().map(|s| s.x).fold(f32::MAX, f32::min);
                let b_start = b.iter().map(|s| s.x).fold(f32::MAX, f32::min);
                if b_start <= a_start || !short(a) || !short(b) {
                    continue;
                }
                // Each of b's lines beside one of a's, on its baseline.
                let aligned = b.iter().filter(|s| a.iter().any(|t| beside(s, t))).count();
                let one_row = a.len() == 1 && b.len() == 1 && aligned == 1;
                if !one_row && (aligned < 2 || aligned * 10 < b.len() * 6) {
                    continue;
                }
                let b = blocks.remove(j);
                let a = &mut blocks[if j < i { i - 1 } else { i }];
                for seg in b {
                    match a.iter_mut().find(|t| beside(&seg, t)) {
                        Some(t) => {
                            t.text = format!("{}\t{}", t.text.trim_end(), seg.text.trim());
                            t.x_end = seg.x_end;
                        }
                        None => a.push(seg),
                    }
                }
                a.sort_by(|p, q| q.y.total_cmp(&p.y));
                merged = true;
                break 'pairs;
            }
        }
        if !merged {
            return blocks;
        }
    }
}

#[cfg(test)]
mod tests {
    /// Prints the lines of a PDF as the layout reads them:
    /// `PDF=x.pdf cargo test --lib import::pdf::tests::dump -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn dump() {
        let path = std::env::var("PDF").unwrap_or_default();
        let bytes = std::fs::read(path).unwrap();
        let doc = lopdf::Document::load_mem(&bytes).unwrap();
        for (n, id) in doc.get_pages() {
            println!("=== page {n}");
            let mut figures = crate::import::pdf::tags::figures(&doc);
            let mut budget = crate::import::pdf::text::Budget::default();
            let spans = crate::import::pdf::text::spans(&doc, id, &mut figures, &mut budget)
                .unwrap()
                .spans;
            for l in crate::import::pdf::layout(spans) {
                println!(
                    "{:>5.1} {} |{}|",
                    l.size.unwrap_or(0.0),
                    if l.bold { "B" } else { " " },
                    l.text
                );
            }
        }
    }
}
