//! PDFs: the text layer of each page ([`text`]) laid out again as lines
//! in reading order. Strings on one baseline make a line, unless a wide
//! gap parts them (a text box or a column beside the text); lines that
//! stand under each other make a block; blocks are read from the top,
//! and a blank line stands where a block ends or a paragraph's spacing
//! is. [`super::lines`] then reads the lines as text without styles, with
//! each line's size and boldness to find headings by.

mod text;

use super::doc::Doc;
use super::page::{Line, Page};
use text::Span;

/// Why a PDF cannot be read.
#[derive(Debug)]
pub enum Error {
    /// It needs a password.
    Encrypted,
    /// It is not a PDF, or damaged.
    Damaged(String),
}

/// Reads a PDF's text.
pub fn read(bytes: &[u8]) -> Result<Doc, Error> {
    let doc = lopdf::Document::load_mem(bytes).map_err(|e| {
        let s = e.to_string();
        let lower = s.to_lowercase();
        if lower.contains("password") || lower.contains("decrypt") || lower.contains("encrypt") {
            Error::Encrypted
        } else {
            Error::Damaged(s)
        }
    })?;
    if doc.is_encrypted() && !doc.was_encrypted() {
        return Err(Error::Encrypted);
    }
    let mut pages = Vec::new();
    let mut artifacts = Vec::new();
    for (_, id) in doc.get_pages() {
        let (content, marked): (Vec<Span>, Vec<Span>) =
            text::spans(&doc, id).into_iter().partition(|s| !s.artifact);
        pages.push(layout(content));
        artifacts.extend(
            layout(marked)
                .into_iter()
                .map(|l| l.text)
                .filter(|t| !t.is_empty()),
        );
    }
    let mut out = super::lines::to_doc(pages);
    let mut marked: Vec<super::doc::Furniture> = Vec::new();
    for text in artifacts {
        if !marked.iter().any(|f| f.text == text) {
            marked.push(super::doc::Furniture {
                kind: super::doc::FurnitureKind::HeaderFooter,
                text,
            });
        }
    }
    marked.append(&mut out.furniture);
    out.furniture = marked;
    out.year = created_year(&doc);
    Ok(out)
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

/// Lines of one page, in reading order, blank lines between blocks.
fn layout(mut spans: Vec<Span>) -> Page {
    spans.retain(|s| !s.text.trim().is_empty() || s.text.contains(' '));
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
        let usual = sorted.get(sorted.len() / 2).copied().unwrap_or(0.0);
        for (i, seg) in b.iter().enumerate() {
            if i > 0 {
                let gap = gaps[i - 1];
                let para = gap > usual * 1.35 && gap > seg.size * 1.3;
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
            for l in crate::import::pdf::layout(crate::import::pdf::text::spans(&doc, id)) {
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
