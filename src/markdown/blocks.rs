//! The structured text a `text` value becomes: blocks and inlines, as the
//! template receives them.

use serde::Serialize;

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
    /// A sub-heading inside the text's section.
    Heading {
        /// 1: one level below the section; 2: two levels below.
        depth: u8,
        /// Its words.
        content: Vec<Inline>,
    },
    /// A pipe table; its first row is the header.
    Table {
        /// Each column's alignment.
        align: Vec<Align>,
        /// The header cells.
        header: Vec<Vec<Inline>>,
        /// The rows, each with as many cells as the header.
        rows: Vec<Vec<Vec<Inline>>>,
    },
}

/// How a table column is aligned (`|:--|`, `|:-:|`, `|--:|`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Align {
    /// Not said: left.
    Auto,
    /// `:--`.
    Left,
    /// `:-:`.
    Center,
    /// `--:`.
    Right,
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
    pub message: crate::messages::Msg,
    /// What to write instead.
    pub help: crate::messages::Msg,
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
                Block::Heading { content, .. } => inlines(out, content),
                Block::Table { header, rows, .. } => {
                    let cells = header.iter().chain(rows.iter().flatten());
                    for (i, cell) in cells.enumerate() {
                        if i > 0 {
                            out.push(' ');
                        }
                        inlines(out, cell);
                    }
                }
            }
        }
    }
    let mut out = String::new();
    blocks_into(&mut out, blocks);
    out
}
