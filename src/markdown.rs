//! The Markdown subset of `text` keys, turned into structured data for the
//! template (never into markup of the layout engine).
//!
//! The subset is: paragraphs, `*emphasis*`, `**strong**`, bullet and numbered
//! lists, inline links to `https://`, `http://` or `mailto:` and block quotes.
//! Everything else is printed exactly as written: a `# heading`, a backslash,
//! `&amp;`, `` `code` ``, `<b>` or `![image](x.png)` stay literal text.

use pulldown_cmark::{Event, LinkType, Options, Parser, Tag};
use serde::Serialize;
use std::iter::Peekable;
use std::ops::Range;

/// A block of narrative text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Block {
    /// A paragraph.
    Para {
        /// Its text.
        content: Vec<Inline>,
    },
    /// A bullet or numbered list.
    List {
        /// Numbered (`1. `) rather than bullets (`- `).
        ordered: bool,
        /// The first number of a numbered list.
        start: u64,
        /// The items, each a list of blocks.
        items: Vec<Vec<Block>>,
    },
    /// A block quote.
    Quote {
        /// The quoted blocks.
        blocks: Vec<Block>,
    },
}

/// A run of text inside a paragraph.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Inline {
    /// Plain text, printed literally.
    Text {
        /// The characters.
        text: String,
    },
    /// `*emphasis*`.
    Emph {
        /// What is emphasised.
        content: Vec<Inline>,
    },
    /// `**strong**`.
    Strong {
        /// What is strong.
        content: Vec<Inline>,
    },
    /// `[label](https://…)`.
    Link {
        /// The target.
        url: String,
        /// The label.
        content: Vec<Inline>,
    },
}

/// Something in a text that the subset cannot take.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkdownError {
    /// Byte offset in the text where the problem starts.
    pub offset: usize,
    /// What is wrong.
    pub message: String,
    /// What to write instead.
    pub help: String,
}

/// Converts one `text` value.
pub fn parse(src: &str) -> Result<Vec<Block>, Vec<MarkdownError>> {
    let parser = Parser::new_ext(src, Options::empty());
    let mut errors: Vec<MarkdownError> = parser
        .reference_definitions()
        .iter()
        .map(|(label, def)| MarkdownError {
            offset: def.span.start,
            message: format!("`[{label}]: …` defines a link reference, which would not be printed"),
            help: "write the link where it is used, as [label](https://…)".into(),
        })
        .collect();
    let mut cx = Converter {
        src,
        it: parser.into_offset_iter().peekable(),
        errors: Vec::new(),
        last_end: 0,
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

/// The plain text of blocks, as a reader would see it (for searching tests
/// and text alternatives).
pub fn plain_text(blocks: &[Block]) -> String {
    fn inlines(out: &mut String, content: &[Inline]) {
        for i in content {
            match i {
                Inline::Text { text } => out.push_str(text),
                Inline::Emph { content }
                | Inline::Strong { content }
                | Inline::Link { content, .. } => inlines(out, content),
            }
        }
    }
    fn blocks_into(out: &mut String, blocks: &[Block]) {
        for b in blocks {
            if !out.is_empty() {
                out.push('\n');
            }
            match b {
                Block::Para { content } => inlines(out, content),
                Block::List { items, .. } => items.iter().for_each(|i| blocks_into(out, i)),
                Block::Quote { blocks } => blocks_into(out, blocks),
            }
        }
    }
    let mut out = String::new();
    blocks_into(&mut out, blocks);
    out
}

struct Converter<'a, I: Iterator<Item = (Event<'a>, Range<usize>)>> {
    src: &'a str,
    it: Peekable<I>,
    errors: Vec<MarkdownError>,
    /// End of the last text consumed, to find escapes that pulldown-cmark
    /// leaves out of its text ranges.
    last_end: usize,
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
                Event::Start(Tag::List(start)) => {
                    let mut items = Vec::new();
                    loop {
                        match self.it.next() {
                            Some((Event::Start(Tag::Item), _)) => items.push(self.blocks()),
                            Some((Event::End(_), _)) | None => break,
                            Some(_) => {}
                        }
                    }
                    out.push(Block::List {
                        ordered: start.is_some(),
                        start: start.unwrap_or(1),
                        items,
                    });
                }
                Event::Start(Tag::BlockQuote(_)) => {
                    let blocks = self.blocks();
                    out.push(Block::Quote { blocks });
                }
                Event::Start(_) => {
                    // Outside the subset (a heading, code block, HTML …): literal.
                    self.skip_to_end();
                    push_para(&mut out, vec![text(self.literal(range))]);
                }
                _ => push_para(&mut out, vec![text(self.literal(range))]),
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
                    if !["https://", "http://", "mailto:"]
                        .iter()
                        .any(|p| url.starts_with(p))
                    {
                        self.errors.push(MarkdownError {
                            offset: range.start,
                            message: format!("the link target `{url}` is not a web or mail address"),
                            help: "links go to https://…, http://… or mailto:…; to print brackets as text, leave out the (…) after them".into(),
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
    if let Some(Inline::Text { text }) = content.first_mut() {
        *text = text.trim_start().to_string();
    }
    if let Some(Inline::Text { text }) = content.last_mut() {
        *text = text.trim_end().to_string();
    }
    content.retain(|i| !matches!(i, Inline::Text { text } if text.is_empty()));
    if !content.is_empty() {
        out.push(Block::Para { content });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> Inline {
        text(s)
    }

    fn para(s: &str) -> Block {
        Block::Para {
            content: vec![t(s)],
        }
    }

    #[test]
    fn paragraphs_and_soft_breaks() {
        let b = parse("Første linje\nsamme afsnit.\n\nAndet afsnit.").unwrap();
        assert_eq!(
            b,
            vec![para("Første linje samme afsnit."), para("Andet afsnit.")]
        );
    }

    #[test]
    fn emphasis_strong_link() {
        let b = parse("Et *vigtigt* og **stærkt** [link](https://aarhus.dk).").unwrap();
        assert_eq!(
            b,
            vec![Block::Para {
                content: vec![
                    t("Et "),
                    Inline::Emph {
                        content: vec![t("vigtigt")]
                    },
                    t(" og "),
                    Inline::Strong {
                        content: vec![t("stærkt")]
                    },
                    t(" "),
                    Inline::Link {
                        url: "https://aarhus.dk".into(),
                        content: vec![t("link")]
                    },
                    t("."),
                ]
            }]
        );
    }

    #[test]
    fn lists_and_quotes() {
        let b = parse("- a\n- b\n\n3. tre\n4. fire\n\n> citat\n> fortsat").unwrap();
        assert_eq!(
            b,
            vec![
                Block::List {
                    ordered: false,
                    start: 1,
                    items: vec![vec![para("a")], vec![para("b")]]
                },
                Block::List {
                    ordered: true,
                    start: 3,
                    items: vec![vec![para("tre")], vec![para("fire")]]
                },
                Block::Quote {
                    blocks: vec![para("citat fortsat")]
                },
            ]
        );
    }

    #[test]
    fn everything_else_is_literal() {
        let cases = [
            "# Ikke en overskrift",
            "Pris: $5 & 10 @ref <label> \\ \"citat\" ”x” »y«",
            "Escape \\# og \\* og &amp; og &lt;",
            "Kode `#set page(width: 1cm)` her",
            "Billede ![alt](x.png) her",
            "<b>fed</b>",
            "#import \"x.typ\": *",
            "a_b_c og ~streg~ og _kursiv_ og __fed__",
        ];
        for case in cases {
            let b = parse(case).unwrap();
            assert_eq!(plain_text(&b), case, "for {case:?}");
        }
    }

    #[test]
    fn refuses_other_link_targets_and_definitions() {
        let e = parse("[x](../hemmelig.txt)").unwrap_err();
        assert!(e[0].message.contains("not a web or mail address"));
        let e = parse("Se [x].\n\n[x]: https://a.dk").unwrap_err();
        assert!(e[0].message.contains("link reference"));
    }
}
