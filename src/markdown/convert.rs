//! From Markdown events (pulldown-cmark) to [`Block`]s: only the subset,
//! everything else literal; sub-headings at their depth below the section.

use super::blocks::{Align, Block, Inline, MarkdownError};
use super::reading::{self, BULLETS, Prepared};
use crate::messages::trip as m;
use pulldown_cmark::{Alignment, Event, LinkType, Parser, Tag, TagEnd};
use std::iter::Peekable;
use std::ops::Range;

/// The deepest a sub-heading goes below its section.
pub const MAX_DEPTH: u8 = 2;

/// The most lists and quotes inside each other.
pub const MAX_NESTING: usize = 6;

/// The longest link target, in bytes (longer ones no PDF reader keeps).
pub const MAX_URL_BYTES: usize = 2_000;

/// Converts one `text` value.
pub fn parse(src: &str) -> Result<Vec<Block>, Vec<MarkdownError>> {
    // The parser reads Word's bullets as `- ` and no list in `9. oktober`;
    // its offsets are mapped back, and every text is read from `src`.
    let prepared = Prepared::of(src);
    let parser = Parser::new_ext(&prepared.text, reading::options());
    let mut errors: Vec<MarkdownError> = parser
        .reference_definitions()
        .iter()
        .map(|(label, def)| MarkdownError {
            offset: prepared.to_source(def.span.start),
            message: m::md_link_reference(label.to_string()),
            help: m::md_link_reference_help(),
        })
        .collect();
    let events = parser.into_offset_iter().map(|(ev, range)| {
        let range = prepared.to_source(range.start)..prepared.to_source(range.end);
        (ev, range)
    });
    let mut cx = Converter {
        src,
        it: events.peekable(),
        errors: Vec::new(),
        last_end: 0,
        nesting: 0,
        headings: Vec::new(),
    };
    let blocks = cx.blocks();
    errors.append(&mut cx.errors);
    if errors.is_empty() {
        Ok(blocks)
    } else {
        errors.sort_by_key(|e| e.offset);
        Err(errors)
    }
}

struct Converter<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> {
    src: &'a str,
    it: Peekable<I>,
    errors: Vec<MarkdownError>,
    /// End of the last text consumed, to find escapes that pulldown-cmark
    /// leaves out of its text ranges.
    last_end: usize,
    /// How many lists and quotes the converter is inside.
    nesting: usize,
    /// The sub-headings so far that are open: their number of `#`s and
    /// their depth below the section.
    headings: Vec<(usize, u8)>,
}

fn is_inline(ev: &Event) -> bool {
    match ev {
        Event::Text(_)
        | Event::Code(_)
        | Event::InlineMath(_)
        | Event::DisplayMath(_)
        | Event::InlineHtml(_)
        | Event::FootnoteReference(_)
        | Event::SoftBreak
        | Event::HardBreak
        | Event::TaskListMarker(_) => true,
        Event::Start(tag) => matches!(
            tag,
            Tag::Emphasis
                | Tag::Strong
                | Tag::Strikethrough
                | Tag::Superscript
                | Tag::Subscript
                | Tag::Link { .. }
                | Tag::Image { .. }
        ),
        _ => false,
    }
}

impl<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> Converter<'a, I> {
    /// Blocks until the end of the enclosing container (whose `End` is consumed).
    fn blocks(&mut self) -> Vec<Block> {
        let mut out = Vec::new();
        while let Some((ev, range)) = self.it.peek().cloned() {
            if is_inline(&ev) {
                // Text directly in a tight list item.
                let content = self.inlines();
                push_para(&mut out, content);
                continue;
            }
            self.it.next();
            match ev {
                Event::End(_) => break,
                Event::Start(Tag::Paragraph) => {
                    let content = self.inlines();
                    self.it.next(); // End(Paragraph)
                    push_para(&mut out, content);
                }
                // Only `- ` (or Word's bullets) and `1. ` or `1) ` make
                // lists; `+ 2 ekstra` or `* …` is text as written.
                Event::Start(Tag::List(start)) if !self.in_subset(&range, start) => {
                    self.skip_to_end();
                    push_para(&mut out, vec![text(&fold_space(self.literal(range)))]);
                }
                Event::Start(Tag::List(_) | Tag::BlockQuote(_)) if self.nesting == MAX_NESTING => {
                    self.errors.push(MarkdownError {
                        offset: range.start,
                        message: m::md_too_nested(MAX_NESTING),
                        help: m::md_too_nested_help(MAX_NESTING),
                    });
                    self.skip_to_end();
                }
                Event::Start(Tag::List(start)) => {
                    self.nesting += 1;
                    let mut items = Vec::new();
                    loop {
                        match self.it.next() {
                            Some((Event::Start(Tag::Item), _)) => items.push(self.blocks()),
                            Some((Event::End(_), _)) | None => break,
                            Some(_) => {}
                        }
                    }
                    self.nesting -= 1;
                    out.push(Block::List {
                        ordered: start.is_some(),
                        start: start.unwrap_or(1),
                        items,
                    });
                }
                Event::Start(Tag::BlockQuote(_)) => {
                    self.nesting += 1;
                    let blocks = self.blocks();
                    self.nesting -= 1;
                    out.push(Block::Quote { blocks });
                }
                Event::Start(Tag::Heading { .. }) if self.nesting == 0 && self.is_atx(&range) => {
                    let content = self.inlines();
                    self.it.next(); // End(Heading)
                    if let Some(block) = self.heading(&range, content) {
                        out.push(block);
                    }
                }
                Event::Start(Tag::Table(align)) => {
                    out.push(self.table(&align));
                }
                Event::Start(_) => {
                    // Outside the subset (a heading, code block, HTML …): literal.
                    self.skip_to_end();
                    push_para(&mut out, vec![text(&fold_space(self.literal(range)))]);
                }
                _ => push_para(&mut out, vec![text(&fold_space(self.literal(range)))]),
            }
        }
        out
    }

    /// Inline runs while the next event is inline.
    fn inlines(&mut self) -> Vec<Inline> {
        let mut out: Vec<Inline> = Vec::new();
        while let Some((ev, range)) = self.it.peek().cloned() {
            if !is_inline(&ev) {
                break;
            }
            self.it.next();
            let prev_end = std::mem::replace(&mut self.last_end, range.end);
            if matches!(ev, Event::Start(_)) {
                self.last_end = range.start;
            }
            let inline = match ev {
                // The source, not the decoded text: `\#` and `&amp;` stay as
                // written. pulldown-cmark starts an escaped character's text
                // after its backslash; take the backslash back.
                Event::Text(_) => {
                    let start = match range.start.checked_sub(1) {
                        Some(b) if b >= prev_end && self.src.as_bytes()[b] == b'\\' => b,
                        _ => range.start,
                    };
                    text(&self.src[start..range.end])
                }
                Event::SoftBreak => text(" "),
                Event::HardBreak => {
                    let raw = &self.src[range];
                    text(if raw.starts_with('\\') { "\\ " } else { " " })
                }
                // `_x_` is not in the subset: only `*` marks emphasis.
                Event::Start(Tag::Emphasis | Tag::Strong)
                    if self.src[range.clone()].starts_with('_') =>
                {
                    self.skip_to_end();
                    self.last_end = range.end;
                    text(self.literal(range))
                }
                Event::Start(Tag::Emphasis) => {
                    let content = self.inlines();
                    self.end();
                    Inline::Emph { content }
                }
                Event::Start(Tag::Strong) => {
                    let content = self.inlines();
                    self.end();
                    Inline::Strong { content }
                }
                Event::Start(Tag::Link {
                    link_type: LinkType::Inline,
                    dest_url,
                    ..
                }) => {
                    let url = dest_url.to_string();
                    if url.len() > MAX_URL_BYTES {
                        self.errors.push(MarkdownError {
                            offset: range.start,
                            message: m::md_long_link(url.len(), MAX_URL_BYTES),
                            help: m::md_long_link_help(),
                        });
                    } else if !["https://", "http://", "mailto:"]
                        .iter()
                        .any(|p| url.starts_with(p))
                    {
                        self.errors.push(MarkdownError {
                            offset: range.start,
                            message: m::md_bad_link(&url),
                            help: m::md_bad_link_help(),
                        });
                    }
                    let content = self.inlines();
                    self.end();
                    Inline::Link { url, content }
                }
                Event::Start(_) => {
                    self.skip_to_end();
                    self.last_end = range.end;
                    text(self.literal(range))
                }
                _ => text(self.literal(range)),
            };
            push_inline(&mut out, inline);
        }
        out
    }

    /// Whether the list at `range` (numbered from `start`) is written as
    /// the subset writes lists: `- ` (or Word's `•`, `◦`, `▪`), or `1. `
    /// or `1) `.
    fn in_subset(&self, range: &Range<usize>, start: Option<u64>) -> bool {
        let written = self.src[range.clone()].trim_start();
        match start {
            None => written.starts_with('-') || written.starts_with(BULLETS),
            Some(n) => {
                n == 1
                    && written
                        .trim_start_matches(|c: char| c.is_ascii_digit())
                        .starts_with(['.', ')'])
            }
        }
    }

    /// Whether the heading at `range` is written `# …` (not underlined).
    fn is_atx(&self, range: &Range<usize>) -> bool {
        self.src[range.clone()].trim_start().starts_with('#')
    }

    /// A sub-heading of `content` written at `range`, at its depth below
    /// the section: the first one level below, a later one at the level of
    /// the last with as many `#`s, or one deeper than the one before it
    /// when it has more; never deeper than [`MAX_DEPTH`].
    fn heading(&mut self, range: &Range<usize>, content: Vec<Inline>) -> Option<Block> {
        let written = self.src[range.clone()].trim_start();
        let hashes = written.bytes().take_while(|&b| b == b'#').count();
        let mut content = content;
        trim_ends(&mut content);
        if content.is_empty() {
            self.errors.push(MarkdownError {
                offset: range.start,
                message: m::md_empty_heading(),
                help: m::md_empty_heading_help(),
            });
            return None;
        }
        while self.headings.last().is_some_and(|&(h, _)| h > hashes) {
            self.headings.pop();
        }
        let depth = match self.headings.last() {
            Some(&(h, d)) if h == hashes => d,
            Some(&(_, d)) => d + 1,
            None => 1,
        };
        if depth > MAX_DEPTH {
            self.errors.push(MarkdownError {
                offset: range.start,
                message: m::md_third_level("#".repeat(hashes)),
                help: m::md_third_level_help(
                    "#".repeat(self.headings.last().map_or(1, |&(h, _)| h)),
                ),
            });
            return None;
        }
        if self.headings.last().is_some_and(|&(h, _)| h == hashes) {
            self.headings.pop();
        }
        self.headings.push((hashes, depth));
        Some(Block::Heading { depth, content })
    }

    /// A pipe table, after its `Start(Table)`.
    fn table(&mut self, align: &[Alignment]) -> Block {
        let columns = align.len();
        let mut header: Vec<Vec<Inline>> = Vec::new();
        let mut rows: Vec<Vec<Vec<Inline>>> = Vec::new();
        let mut in_head = false;
        while let Some((ev, _)) = self.it.next() {
            match ev {
                Event::Start(Tag::TableHead) => in_head = true,
                Event::End(TagEnd::TableHead) => in_head = false,
                Event::Start(Tag::TableRow) => rows.push(Vec::new()),
                Event::Start(Tag::TableCell) => {
                    let mut cell = self.inlines();
                    self.it.next(); // End(TableCell)
                    trim_ends(&mut cell);
                    if in_head {
                        header.push(cell);
                    } else if let Some(row) = rows.last_mut() {
                        row.push(cell);
                    }
                }
                Event::End(TagEnd::Table) => break,
                _ => {}
            }
        }
        header.resize_with(columns, Vec::new);
        for row in &mut rows {
            row.resize_with(columns, Vec::new);
        }
        Block::Table {
            align: align
                .iter()
                .map(|a| match a {
                    Alignment::None => Align::Auto,
                    Alignment::Left => Align::Left,
                    Alignment::Center => Align::Center,
                    Alignment::Right => Align::Right,
                })
                .collect(),
            header,
            rows,
        }
    }

    /// Consumes the `End` of an inline element.
    fn end(&mut self) {
        if let Some((_, range)) = self.it.next() {
            self.last_end = range.end;
        }
    }

    /// Consumes events up to and including the `End` of a just-opened tag.
    fn skip_to_end(&mut self) {
        let mut depth = 1usize;
        for (ev, _) in self.it.by_ref() {
            match ev {
                Event::Start(_) => depth += 1,
                Event::End(_) => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                _ => {}
            }
        }
    }

    fn literal(&self, range: Range<usize>) -> &'a str {
        self.src[range].trim_end_matches(['\n', '\r'])
    }
}

fn text(s: &str) -> Inline {
    Inline::Text {
        text: s.to_string(),
    }
}

/// Appends, merging neighbouring text and folding white space (including
/// line breaks) into single spaces.
fn push_inline(out: &mut Vec<Inline>, inline: Inline) {
    match (out.last_mut(), inline) {
        (Some(Inline::Text { text: prev }), Inline::Text { text }) => {
            prev.push_str(&text);
            *prev = fold_space(prev);
        }
        (_, Inline::Text { text }) => out.push(Inline::Text {
            text: fold_space(&text),
        }),
        (_, other) => out.push(other),
    }
}

fn fold_space(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_space = false;
    for c in s.chars() {
        if c.is_whitespace() && c != '\u{a0}' {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out
}

/// Adds a paragraph, trimming space at its ends; an empty one is dropped.
fn push_para(out: &mut Vec<Block>, mut content: Vec<Inline>) {
    trim_ends(&mut content);
    if !content.is_empty() {
        out.push(Block::Para { content });
    }
}

/// Trims space at the ends of a run of inlines, dropping empty text.
fn trim_ends(content: &mut Vec<Inline>) {
    if let Some(Inline::Text { text }) = content.first_mut() {
        *text = text.trim_start().to_string();
    }
    if let Some(Inline::Text { text }) = content.last_mut() {
        *text = text.trim_end().to_string();
    }
    content.retain(|i| !matches!(i, Inline::Text { text } if text.is_empty()));
}
