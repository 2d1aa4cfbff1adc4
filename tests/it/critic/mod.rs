//! The page critic: layout defects no PDF validator sees, found in the
//! glyph boxes of any PDF, page by page. The same checks, with the same
//! thresholds, as `page_critic.py` beside the repository (which needs
//! pdfplumber), so that every PDF a test builds is criticised:
//!
//! - `overlap`: two glyphs of different lines (or cells) drawn over each
//!   other;
//! - `outside`: a glyph beyond the page's edge;
//! - `sparse`: a page between the first and the last (not the contents)
//!   whose body is less than a quarter filled;
//! - `heading-bottom`: a page's last body line is a heading;
//! - `split-amount`: a number at a line's end and its unit (`kr.`) at the
//!   next line's start;
//! - `name-break`: a capitalised word (a name, mid-sentence) hyphenated
//!   across two lines.
//!
//! They are heuristics (see each): read the page before you believe a soft
//! one. Its findings are `page_critic.py`'s, line for line; where a closer
//! look shows one is no defect (see [`excuse`]: the currency of the next
//! amount, a bold line with a photo below it, a page filled by an SVG), it
//! is marked excused and left out of [`Review::count`] and
//! [`Review::defects`].

mod glyphs;

use glyphs::{Glyph, Page};
use std::collections::BTreeMap;
use std::fmt;

/// What kind of defect.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Kind {
    /// Glyphs of two lines drawn over each other.
    Overlap,
    /// A glyph off the page.
    Outside,
    /// A page less than a quarter full.
    Sparse,
    /// A heading as a page's last line.
    HeadingBottom,
    /// A number and its unit on two lines.
    SplitAmount,
    /// A name hyphenated.
    NameBreak,
}

impl Kind {
    /// The name `page_critic.py` prints.
    pub fn name(self) -> &'static str {
        match self {
            Kind::Overlap => "overlap",
            Kind::Outside => "outside",
            Kind::Sparse => "sparse",
            Kind::HeadingBottom => "heading-bottom",
            Kind::SplitAmount => "split-amount",
            Kind::NameBreak => "name-break",
        }
    }
}

/// One defect on one page.
#[derive(Debug, Clone)]
pub struct Finding {
    /// The page, from 1.
    pub page: usize,
    /// What kind.
    pub kind: Kind,
    /// Where, in words.
    pub detail: String,
    /// Why, looked at more closely, it is not a defect (where this critic
    /// sees further than `page_critic.py`, which reports it).
    pub excused: Option<&'static str>,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "p.{} {}: {}", self.page, self.kind.name(), self.detail)
    }
}

/// Why a finding `page_critic.py` reports is no defect.
pub mod excuse {
    /// `… 4` / `DKK 87.617`: the currency at the line's start is the next
    /// number's.
    pub const PREFIX: &str = "the unit belongs to the number after it";
    /// A bold line with a photo or a drawing below it is not the page's
    /// last.
    pub const BELOW: &str = "a photo or a drawing follows it";
    /// A page whose vector drawings (an SVG photo, a chart) fill it.
    pub const DRAWN: &str = "its drawings fill it";
    /// A line as large as the body text once the running header and
    /// footer are left out of the body text's size (in a short report
    /// they are most of the glyphs).
    pub const BODY_SIZE: &str = "its size is the body text's";
    /// Text inside a drawing (the words of an SVG photo) is no heading.
    pub const INSIDE: &str = "it is text of a drawing";
}

/// The critic's review of one PDF.
#[derive(Debug)]
pub struct Review {
    /// Its number of pages.
    pub pages: usize,
    /// The pages that may be sparse: all but the first, the last and the
    /// contents.
    pub inner_pages: usize,
    /// What it found.
    pub findings: Vec<Finding>,
}

impl Review {
    /// How many findings of `kind`, not excused.
    pub fn count(&self, kind: Kind) -> usize {
        self.findings
            .iter()
            .filter(|f| f.kind == kind && f.excused.is_none())
            .count()
    }

    /// The findings, not excused, of the kinds no report may have,
    /// whatever its content: overlap, outside, heading-bottom,
    /// split-amount.
    pub fn defects(&self) -> Vec<&Finding> {
        self.findings
            .iter()
            .filter(|f| {
                f.excused.is_none()
                    && matches!(
                        f.kind,
                        Kind::Overlap | Kind::Outside | Kind::HeadingBottom | Kind::SplitAmount
                    )
            })
            .collect()
    }

    /// The counts of each kind found, by name: `2 name-break, 1 sparse`.
    pub fn summary(&self) -> String {
        let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
        for f in &self.findings {
            *counts.entry(f.kind.name()).or_default() += 1;
        }
        let parts: Vec<String> = counts.iter().map(|(k, n)| format!("{n} {k}")).collect();
        if parts.is_empty() {
            format!("{} pages; no findings", self.pages)
        } else {
            format!("{} pages; {}", self.pages, parts.join(", "))
        }
    }
}

/// The text of each page of `pdf`, its glyphs in drawing order (no-break
/// spaces as drawn).
pub fn page_texts(pdf: &[u8]) -> Vec<String> {
    glyphs::pages(pdf)
        .iter()
        .map(|p| p.glyphs.iter().map(|g| g.text.as_str()).collect())
        .collect()
}

/// One line of a page's body, as the critic groups glyphs.
#[derive(Debug, Clone)]
pub struct BodyLine {
    /// Its text.
    pub text: String,
    /// Its top edge (from the page's top), in points.
    pub top: f64,
    /// Its bottom edge.
    pub bottom: f64,
}

/// The body lines of each page of `pdf` (without the running header's and
/// footer's bands), top to bottom, with the height of the page's body (84 %
/// of the page) that fill is measured against.
pub fn body_lines(pdf: &[u8]) -> Vec<(Vec<BodyLine>, f64)> {
    glyphs::pages(pdf)
        .iter()
        .map(|p| {
            let h = p.height;
            let body: Vec<&Glyph> = p
                .glyphs
                .iter()
                .filter(|g| !g.text.trim().is_empty() && g.top > 0.09 * h && g.bottom < 0.93 * h)
                .collect();
            let mut lines: Vec<BodyLine> = lines_of(&body)
                .into_iter()
                .map(|l| BodyLine {
                    text: l.text,
                    top: l.top,
                    bottom: l.bottom,
                })
                .collect();
            lines.sort_by(|a, b| a.top.total_cmp(&b.top));
            (lines, 0.84 * h)
        })
        .collect()
}

/// Reviews every page of `pdf`.
pub fn review(pdf: &[u8]) -> Review {
    let mut pages = glyphs::pages(pdf);
    // White space is not drawn: only the other glyphs count.
    for p in &mut pages {
        p.glyphs.retain(|g| !g.text.trim().is_empty());
    }
    let count = pages.len();
    let mut findings = Vec::new();
    let all: Vec<&Glyph> = pages.iter().flat_map(|p| &p.glyphs).collect();
    if all.is_empty() {
        return Review {
            pages: count,
            inner_pages: 0,
            findings: vec![Finding {
                page: 1,
                kind: Kind::Sparse,
                detail: "no text at all".into(),
                excused: None,
            }],
        };
    }
    let body_size = mode(all.iter().map(|g| round1(g.size)));
    // The same without the running header's and footer's bands.
    let in_body = |g: &&Glyph, h: f64| g.top > 0.09 * h && g.bottom < 0.93 * h;
    let text_size = mode(
        pages
            .iter()
            .flat_map(|p| p.glyphs.iter().filter(move |g| in_body(g, p.height)))
            .map(|g| round1(g.size)),
    );
    let mut inner_pages = 0;
    for (i, page) in pages.iter().enumerate() {
        let n = i + 1;
        let mut add = |kind, detail, excused| {
            findings.push(Finding {
                page: n,
                kind,
                detail,
                excused,
            })
        };
        if let Some(g) = page.glyphs.iter().find(|g| {
            g.x0 < -0.5 || g.top < -0.5 || g.x1 > page.width + 0.5 || g.bottom > page.height + 0.5
        }) {
            add(
                Kind::Outside,
                format!("{} at ({:.0}, {:.0})", repr(&g.text), g.x0, g.top),
                None,
            );
        }
        for detail in overlaps(page) {
            add(Kind::Overlap, detail, None);
        }
        // The body: without the running header's and footer's bands.
        let h = page.height;
        let body: Vec<&Glyph> = page.glyphs.iter().filter(|g| in_body(g, h)).collect();
        let pictures = page
            .pictures
            .iter()
            .filter(|p| p.top > 0.09 * h && p.bottom < 0.93 * h);
        let boxes: Vec<(f64, f64)> = body
            .iter()
            .map(|g| (g.top, g.bottom))
            .chain(pictures.map(|p| (p.top, p.bottom)))
            .collect();
        let fill = filled(&boxes, h);
        let drawings = page
            .drawings
            .iter()
            .filter(|p| p.top > 0.09 * h && p.bottom < 0.93 * h)
            .map(|p| (p.top, p.bottom));
        let drawn = filled(
            &boxes.iter().copied().chain(drawings).collect::<Vec<_>>(),
            h,
        );
        let lines = lines_of(&body);
        let contents = lines.first().is_some_and(|l| {
            ["Indhold", "Contents", "Innehåll", "Innhold"].contains(&l.text.trim())
        });
        if 1 < n && n < count && !contents {
            inner_pages += 1;
            if fill < 0.25 {
                add(
                    Kind::Sparse,
                    format!("body {:.0}% filled", fill * 100.0),
                    (drawn >= 0.25).then_some(excuse::DRAWN),
                );
            }
        }
        let below = |y: f64| {
            page.pictures
                .iter()
                .chain(&page.drawings)
                .any(|p| p.top >= y && p.bottom < 0.93 * h)
        };
        let bold_line = |l: &Line| {
            l.bold
                && lines.len() > 1
                && !l.text.trim().is_empty()
                && !l.text.chars().any(|c| c.is_ascii_digit())
        };
        if let Some(last) = lines.last()
            && n < count
            && (last.size > body_size * 1.15 || bold_line(last))
        {
            let inside = page
                .drawings
                .iter()
                .any(|d| d.top <= last.top + 0.5 && last.bottom <= d.bottom + 0.5);
            let excused = if below(last.bottom) {
                Some(excuse::BELOW)
            } else if inside {
                Some(excuse::INSIDE)
            } else if last.size <= text_size * 1.15 && !bold_line(last) {
                Some(excuse::BODY_SIZE)
            } else {
                None
            };
            add(Kind::HeadingBottom, repr(&head(&last.text, 60)), excused);
        }
        for pair in lines.windows(2) {
            let (a, b) = (&pair[0], &pair[1]);
            let end = a.text.trim_end();
            if end.ends_with(|c: char| c.is_ascii_digit())
                && let Some(prefix) = starts_with_unit(&b.text)
            {
                add(
                    Kind::SplitAmount,
                    format!("{} / {}", repr(&tail(end, 20)), repr(&head(&b.text, 10))),
                    prefix.then_some(excuse::PREFIX),
                );
            }
            if let Some(detail) = name_break(end, &b.text) {
                add(Kind::NameBreak, detail, None);
            }
        }
    }
    Review {
        pages: count,
        inner_pages,
        findings,
    }
}

/// How much of a page of height `h` the boxes (top, bottom) span: from
/// the highest top to the lowest bottom, over 84 % of the page (its body).
fn filled(boxes: &[(f64, f64)], h: f64) -> f64 {
    let top = boxes.iter().map(|b| b.0).fold(f64::INFINITY, f64::min);
    let bottom = boxes.iter().map(|b| b.1).fold(f64::NEG_INFINITY, f64::max);
    if top.is_finite() {
        (bottom - top) / (0.84 * h)
    } else {
        0.0
    }
}

/// Python's `round(x, 1)`, near enough.
fn round1(x: f64) -> f64 {
    (x * 10.0).round_ties_even() / 10.0
}

/// The most common value; the first seen among equals.
fn mode(values: impl Iterator<Item = f64>) -> f64 {
    let mut counts: Vec<(f64, usize)> = Vec::new();
    for v in values {
        match counts.iter_mut().find(|(x, _)| *x == v) {
            Some((_, n)) => *n += 1,
            None => counts.push((v, 1)),
        }
    }
    let best = counts.iter().map(|(_, n)| *n).max().unwrap_or(0);
    counts
        .iter()
        .find(|(_, n)| *n == best)
        .map_or(0.0, |(v, _)| *v)
}

/// `s` as Python's `repr` writes it (so that findings read as
/// `page_critic.py` prints them).
pub fn repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::from(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if c.is_control()
                || (c.is_whitespace() && c != ' ')
                || matches!(c, '\u{ad}' | '\u{200b}'..='\u{200f}' | '\u{2060}'..='\u{2064}' | '\u{feff}') =>
            {
                let n = c as u32;
                if n <= 0xff {
                    out.push_str(&format!("\\x{n:02x}"));
                } else if n <= 0xffff {
                    out.push_str(&format!("\\u{n:04x}"));
                } else {
                    out.push_str(&format!("\\U{n:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

fn head(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

fn tail(s: &str, n: usize) -> String {
    let count = s.chars().count();
    s.chars().skip(count.saturating_sub(n)).collect()
}

/// One visual line: glyphs on one baseline at one size.
struct Line {
    top: f64,
    bottom: f64,
    size: f64,
    text: String,
    bold: bool,
}

/// The glyphs grouped into lines by baseline and size, top to bottom.
fn lines_of(glyphs: &[&Glyph]) -> Vec<Line> {
    let mut rows: BTreeMap<(i64, i64), Vec<&Glyph>> = BTreeMap::new();
    for g in glyphs {
        // Python's (round(bottom * 2) / 2, round(size, 1)), as integers.
        let key = (
            (g.bottom * 2.0).round_ties_even() as i64,
            (g.size * 10.0).round_ties_even() as i64,
        );
        rows.entry(key).or_default().push(g);
    }
    rows.into_iter()
        .map(|((bottom, size), mut gs)| {
            gs.sort_by(|a, b| a.x0.total_cmp(&b.x0));
            Line {
                top: gs.iter().map(|g| g.top).fold(f64::INFINITY, f64::min),
                bottom: bottom as f64 / 2.0,
                size: size as f64 / 10.0,
                text: text_of(&gs),
                bold: gs.iter().all(|g| g.bold),
            }
        })
        .collect()
}

/// The text of glyphs in reading order, a space where they are apart.
fn text_of(glyphs: &[&Glyph]) -> String {
    let mut s = String::new();
    let mut last: Option<&Glyph> = None;
    for g in glyphs {
        if last.is_some_and(|l| g.x0 - l.x1 > 0.2 * g.size) {
            s.push(' ');
        }
        s.push_str(&g.text);
        last = Some(g);
    }
    s
}

/// Pairs of glyphs whose boxes cover each other: by more than 15 % of the
/// smaller between lines (lines set with any leading never do; a heading
/// drawn into a paragraph does), by more than half within a line (kerning
/// never does; a cell's text running into the next cell does). One finding
/// per pair of lines.
fn overlaps(page: &Page) -> Vec<String> {
    let mut gs: Vec<&Glyph> = page.glyphs.iter().collect();
    gs.sort_by(|a, b| a.top.total_cmp(&b.top));
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for (i, a) in gs.iter().enumerate() {
        for b in &gs[i + 1..] {
            if b.top >= a.bottom {
                break;
            }
            let w = a.x1.min(b.x1) - a.x0.max(b.x0);
            let h = a.bottom.min(b.bottom) - a.top.max(b.top);
            if w <= 0.0 || h <= 0.0 {
                continue;
            }
            let small =
                ((a.x1 - a.x0) * (a.bottom - a.top)).min((b.x1 - b.x0) * (b.bottom - b.top));
            let same_line = (a.bottom - b.bottom).abs() < 1.0;
            let share = if same_line { 0.5 } else { 0.15 };
            if small > 0.0 && w * h > share * small {
                let key = (
                    a.top.round_ties_even() as i64,
                    b.top.round_ties_even() as i64,
                );
                if !seen.insert(key) {
                    continue;
                }
                let line = |g: &Glyph| {
                    let mut on: Vec<&Glyph> = page
                        .glyphs
                        .iter()
                        .filter(|c| (c.bottom - g.bottom).abs() < 0.5)
                        .collect();
                    on.sort_by(|x, y| x.x0.total_cmp(&y.x0));
                    head(&text_of(&on), 50)
                };
                out.push(format!(
                    "{} over {} at y={:.0}",
                    repr(&line(a)),
                    repr(&line(b)),
                    a.top
                ));
            }
        }
    }
    out
}

/// Whether a line starts with a unit (`kr`, `kr.`, `DKK` or `%`), and
/// if so whether a number follows it (`DKK 89.065`: the currency is that
/// number's, not the one's before).
fn starts_with_unit(line: &str) -> Option<bool> {
    let s = line.trim_start();
    if s.starts_with('%') {
        return Some(false);
    }
    let rest = ["kr.", "DKK"]
        .iter()
        .find_map(|u| s.strip_prefix(u))
        .or_else(|| {
            // `kr` as a whole word.
            s.strip_prefix("kr")
                .filter(|r| !r.starts_with(|c: char| c.is_alphanumeric() || c == '_'))
        })?;
    Some(rest.trim_start().starts_with(|c: char| c.is_ascii_digit()))
}

/// `Peder- / sen`: a capitalised word hyphenated at a line's end (not
/// after a sentence's end), and the next line going on in lower case.
fn name_break(end: &str, next: &str) -> Option<String> {
    let stem = end.strip_suffix('-')?;
    let word_start = stem
        .char_indices()
        .rev()
        .take_while(|(_, c)| !c.is_whitespace())
        .last()
        .map(|(i, _)| i)?;
    let word = &stem[word_start..];
    let mut chars = word.chars();
    let small = |c: char| c.is_ascii_lowercase() || "æøå".contains(c);
    let capital = chars
        .next()
        .is_some_and(|c| c.is_ascii_uppercase() || "ÆØÅ".contains(c));
    let then_small = chars.next().is_some_and(small);
    let next_small = next.chars().next().is_some_and(small);
    let before = stem[..word_start].trim_end();
    if capital
        && then_small
        && next_small
        && !before.is_empty()
        && !before.ends_with(['.', '!', '?', ':'])
    {
        Some(format!(
            "{word}- / {}",
            next.split_whitespace().next().unwrap_or("")
        ))
    } else {
        None
    }
}
