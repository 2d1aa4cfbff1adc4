//! The document as a reader gives it, before its structure is recognised:
//! paragraphs with what their look says (a style, a size, bold), tables
//! and pictures, in reading order. Word, PDF and text all come to this.

/// A document read from a file.
#[derive(Debug, Default)]
pub struct Doc {
    /// Its content in reading order.
    pub blocks: Vec<Block>,
    /// Text that is not content (page headers and footers, page numbers,
    /// a table of contents), kept for the report in the order found.
    pub furniture: Vec<Furniture>,
    /// The year the document was made, from its metadata: a hint for
    /// dates written without one.
    pub year: Option<i32>,
    /// Whether headings are marked (Word's styles and sizes) rather than
    /// guessed from the text alone.
    pub styled: bool,
}

/// Text set aside as not content.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Furniture {
    /// What it is.
    pub kind: FurnitureKind,
    /// Its text.
    pub text: String,
}

/// The kinds of [`Furniture`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FurnitureKind {
    /// A running header or footer.
    HeaderFooter,
    /// A page number.
    PageNumber,
    /// A line of a table of contents.
    Contents,
    /// A picture the import cannot take (a PDF's figure): its alternative
    /// text in brackets, and the text drawn in it.
    Picture,
}

/// One block of content.
#[derive(Debug, Clone)]
pub enum Block {
    /// A paragraph (or a heading, a list item).
    Para(Para),
    /// A table.
    Table(Table),
    /// A picture.
    Picture(Picture),
}

/// What a paragraph's style says it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Role {
    /// Body text.
    #[default]
    Body,
    /// The document's title.
    Title,
    /// A subtitle.
    Subtitle,
    /// A heading of this level (1 is the top).
    Heading(u8),
    /// A picture's caption.
    Caption,
}

/// A paragraph.
#[derive(Debug, Clone, Default)]
pub struct Para {
    /// The text, lines joined by `\n` (a manual line break, or a line of a
    /// PDF), tabs kept.
    pub plain: String,
    /// The text in the Markdown subset (bold, italic, links), same lines.
    pub md: String,
    /// What its style says.
    pub role: Role,
    /// Its list level (0 the outermost) and whether numbered, when it is
    /// a list item.
    pub list: Option<(u8, bool)>,
    /// Its size in points, when known.
    pub size: Option<f32>,
    /// Whether all its text is bold.
    pub bold: bool,
    /// Whether all its text is italic.
    pub italic: bool,
    /// Whether it stands in a text box.
    pub boxed: bool,
}

impl Para {
    /// A body paragraph of plain text.
    pub fn text(plain: &str) -> Para {
        Para {
            plain: plain.to_string(),
            md: plain.to_string(),
            ..Para::default()
        }
    }

    /// The text on one line, white space folded.
    pub fn line(&self) -> String {
        fold(&self.plain)
    }
}

/// A table: rows of cells.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// Its rows, each a list of cells.
    pub rows: Vec<Vec<Cell>>,
    /// Whether it stands in a text box.
    pub boxed: bool,
}

/// A table cell.
#[derive(Debug, Clone, Default)]
pub struct Cell {
    /// Its paragraphs.
    pub paras: Vec<Para>,
}

impl Cell {
    /// Its text on one line.
    pub fn line(&self) -> String {
        fold(
            &self
                .paras
                .iter()
                .map(|p| p.plain.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        )
    }

    /// Its text in the Markdown subset, paragraphs joined by spaces.
    pub fn md(&self) -> String {
        fold(
            &self
                .paras
                .iter()
                .map(|p| p.md.as_str())
                .collect::<Vec<_>>()
                .join(" "),
        )
    }
}

/// A picture.
#[derive(Debug, Clone)]
pub struct Picture {
    /// Its file's bytes (shared: the recognition copies pictures around).
    pub bytes: std::sync::Arc<[u8]>,
    /// Its file's extension, lower case (`png`, `jpeg`, `emf` …).
    pub extension: String,
    /// Its alternative text, when it has one.
    pub alt: Option<String>,
    /// Why its bytes could not be read (too large, damaged), when not.
    pub problem: Option<crate::messages::Msg>,
}

/// Folds white space (tabs and line breaks too) to single spaces.
pub fn fold(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
