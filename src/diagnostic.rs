//! Errors and warnings about a trip file, located by file, line and column
//! and rendered the way rustc renders its diagnostics, in English or Danish
//! (the wording comes from the [message catalogue](crate::messages)).

use crate::locale::Lang;
use crate::messages::{Msg, making};
use annotate_snippets::{AnnotationKind, Group, Level, Renderer, Snippet};
use std::ops::Range;
use std::sync::Arc;

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The report is not built.
    Error,
    /// The report is built; `--deny-warnings` turns it into an error.
    Warning,
}

/// A file's name as shown to the user, with its text for excerpts.
#[derive(Debug, Clone)]
pub struct SourceFile {
    /// The path as the user gave it (never made absolute).
    pub name: String,
    /// The text of the file.
    pub text: Arc<str>,
}

impl SourceFile {
    /// The 1-based line and column (in characters) of a byte offset.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        let offset = floor_char_boundary(&self.text, offset.min(self.text.len()));
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before[line_start..].chars().count() + 1;
        (line, col)
    }
}

fn floor_char_boundary(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// A step of a path into a trip file: a key or an index.
#[derive(Debug, Clone, PartialEq, Eq, Hash, serde::Deserialize, serde::Serialize)]
#[serde(untagged)]
pub enum Seg {
    /// A key of a table.
    Key(String),
    /// An entry of an array (of tables).
    Index(usize),
}

/// One error or warning.
#[derive(Debug, Clone)]
pub struct Diagnostic {
    /// Error or warning.
    pub severity: Severity,
    /// The file it is about, with the byte range of the offending key or
    /// value when known.
    pub file: Option<SourceFile>,
    /// Byte range in `file`.
    pub span: Option<Range<usize>>,
    /// One plain sentence of what is wrong, in English.
    pub message: String,
    /// What to write instead, in English.
    pub help: Option<String>,
    /// The messages of the catalogue that `message` and `help` word, to
    /// word them in another language (boxed: a diagnostic travels in
    /// `Result`s).
    pub wording: Box<Wording>,
    /// The field of the trip file it belongs to (`["day", 2, "date"]`),
    /// set when the trip file is checked; empty when it belongs to none.
    pub field: Vec<Seg>,
    /// A key missing from the place `span` points at: the field is that
    /// key's.
    pub missing: Option<&'static str>,
}

/// The messages of the catalogue behind a diagnostic.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wording {
    /// What is wrong.
    pub message: Msg,
    /// What to write instead.
    pub help: Option<Msg>,
}

impl Diagnostic {
    /// An error about `span` in `file`.
    pub fn error(file: &SourceFile, span: Range<usize>, msg: Msg) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: Some(file.clone()),
            span: Some(span),
            message: msg.to_string(),
            help: None,
            wording: Box::new(Wording {
                message: msg,
                help: None,
            }),
            field: Vec::new(),
            missing: None,
        }
    }

    /// A warning about `span` in `file`.
    pub fn warning(file: &SourceFile, span: Range<usize>, msg: Msg) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(file, span, msg)
        }
    }

    /// An error that belongs to no place in a file (an unreadable input, an
    /// output that cannot be written).
    pub fn plain(msg: Msg) -> Self {
        Diagnostic {
            severity: Severity::Error,
            file: None,
            span: None,
            message: msg.to_string(),
            help: None,
            wording: Box::new(Wording {
                message: msg,
                help: None,
            }),
            field: Vec::new(),
            missing: None,
        }
    }

    /// A warning that belongs to no place in a file.
    pub fn plain_warning(msg: Msg) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::plain(msg)
        }
    }

    /// Adds what to write instead.
    pub fn with_help(mut self, help: Msg) -> Self {
        self.help = Some(help.to_string());
        self.wording.help = Some(help);
        self
    }

    /// Says that the key `name` is missing where the diagnostic points: its
    /// field is that key's.
    pub fn for_missing(mut self, name: &'static str) -> Self {
        self.missing = Some(name);
        self
    }

    /// What is wrong, in `lang`.
    pub fn message_in(&self, lang: Lang) -> String {
        self.wording.message.in_lang(lang)
    }

    /// What to write instead, in `lang`.
    pub fn help_in(&self, lang: Lang) -> Option<String> {
        self.wording.help.as_ref().map(|h| h.in_lang(lang))
    }

    /// Whether this is an error.
    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:col` of the diagnostic, or the path alone.
    pub fn location(&self) -> Option<String> {
        let file = self.file.as_ref()?;
        Some(match &self.span {
            Some(span) => {
                let (line, col) = file.line_col(span.start);
                format!("{}:{line}:{col}", file.name)
            }
            None => file.name.clone(),
        })
    }

    /// Renders the diagnostic in English with a source excerpt and a caret
    /// under the offending text, as plain text (no colours).
    pub fn render(&self) -> String {
        self.render_in(Lang::En)
    }

    /// Like [`Diagnostic::render`], worded in `lang`.
    pub fn render_in(&self, lang: Lang) -> String {
        let level = match self.severity {
            Severity::Error => Level::ERROR.with_name(making::level_error().in_lang(lang)),
            Severity::Warning => Level::WARNING.with_name(making::level_warning().in_lang(lang)),
        };
        let message = self.message_in(lang);
        let help = self.help_in(lang);
        let mut group = Group::with_title(level.primary_title(message.as_str()));
        if let Some(file) = &self.file {
            let mut snippet = Snippet::source(&*file.text)
                .path(file.name.as_str())
                .fold(true);
            if let Some(span) = &self.span {
                let start = floor_char_boundary(&file.text, span.start.min(file.text.len()));
                let end = floor_char_boundary(&file.text, span.end.min(file.text.len())).max(start);
                snippet = snippet.annotation(AnnotationKind::Primary.span(start..end));
            }
            group = group.element(snippet);
        }
        if let Some(help) = &help {
            let name = making::level_help().in_lang(lang);
            group = group.element(Level::HELP.with_name(name).message(help.as_str()));
        }
        let rendered = Renderer::plain().render(&[group]).to_string();
        match (&self.file, &self.span) {
            // annotate-snippets names the file; make sure the line:col is there.
            (Some(_), Some(_)) => rendered,
            (Some(file), None) => format!("{rendered}\n  --> {}", file.name),
            _ => rendered,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::trip;

    #[test]
    fn line_and_column() {
        let f = SourceFile {
            name: "x.toml".into(),
            text: "a = 1\nbø = 2\n".into(),
        };
        assert_eq!(f.line_col(0), (1, 1));
        assert_eq!(f.line_col(6), (2, 1));
        // 'ø' is two bytes but one column.
        assert_eq!(f.line_col(10), (2, 4));
    }

    #[test]
    fn renders_location_caret_and_help() {
        let f = SourceFile {
            name: "trips/x.toml".into(),
            text: "[trip]\ntittle = \"x\"\n".into(),
        };
        let d = Diagnostic::error(&f, 7..13, trip::unknown_key_in("tittle", "[trip]"))
            .with_help(trip::did_you_mean("title"));
        assert_eq!(d.message, "unknown key `tittle` in [trip]");
        let out = d.render();
        assert!(out.contains("trips/x.toml:2:1"), "{out}");
        assert!(out.contains("^^^^^^"), "{out}");
        assert!(out.contains("help: did you mean `title`?"), "{out}");
        assert_eq!(d.location().as_deref(), Some("trips/x.toml:2:1"));
        let da = d.render_in(Lang::Da);
        assert!(da.contains("fejl: ukendt nøgle `tittle` i [trip]"), "{da}");
        assert!(da.contains("hjælp: mente du `title`?"), "{da}");
        assert_eq!(d.help_in(Lang::Da).as_deref(), Some("mente du `title`?"));
    }
}
