//! A page of text as a reader gives it: its lines, with what a PDF says
//! of each (size, boldness, where it starts).

/// One line of a page.
#[derive(Debug, Clone, Default)]
pub struct Line {
    /// As read, for the marks some extractions leave at a page's start.
    pub raw: String,
    /// Its text, trimmed.
    pub text: String,
    /// Its size in points, when known (PDF).
    pub size: Option<f32>,
    /// Whether it is all bold (PDF).
    pub bold: bool,
    /// Where it starts across the page (PDF).
    pub x: Option<f32>,
}

impl Line {
    /// A line of plain text.
    pub fn text(raw: &str) -> Line {
        Line {
            raw: raw.to_string(),
            text: raw.trim().replace('\u{a0}', " "),
            ..Line::default()
        }
    }

    /// Whether it holds no text.
    pub fn blank(&self) -> bool {
        self.text.is_empty()
    }
}

/// A page: its lines, blank lines empty.
pub type Page = Vec<Line>;
