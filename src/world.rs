//! The Typst world of one report: the template, the view as `/data.json`,
//! the images the trip file names (already read and checked), and the
//! built-in fonts. Nothing else: no system fonts, no packages, no clock, and
//! no file of the trip's folder that the trip file does not name.

use crate::fonts;
use crate::template::Template;
use chrono::{Datelike, NaiveDate};
use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

static LIBRARY: LazyLock<LazyHash<Library>> = LazyLock::new(|| LazyHash::new(Library::default()));
static BOOK: LazyLock<LazyHash<FontBook>> = LazyLock::new(|| LazyHash::new(fonts::book()));

/// The file id of a path in the document's root (`/main.typ`).
pub fn file_id(path: &str) -> Option<FileId> {
    let vpath = VirtualPath::new(path).ok()?;
    Some(RootedPath::new(VirtualRoot::Project, vpath).intern())
}

/// The world one report is compiled in.
pub struct ReportWorld {
    main: FileId,
    /// Generated files: `/data.json` and `/assets/…`.
    generated: HashMap<FileId, Bytes>,
    template: Template,
    today: Datetime,
    sources: Mutex<HashMap<FileId, Source>>,
}

impl ReportWorld {
    /// A world for `template`, with the generated files `generated`
    /// (virtual path and content), dated `today`.
    pub fn new(template: Template, generated: Vec<(String, Bytes)>, today: NaiveDate) -> Self {
        let generated = generated
            .into_iter()
            .filter_map(|(path, bytes)| Some((file_id(&path)?, bytes)))
            .collect();
        let today = Datetime::from_ymd(
            today.year(),
            u8::try_from(today.month()).unwrap_or(1),
            u8::try_from(today.day()).unwrap_or(1),
        )
        .unwrap_or_else(|| Datetime::from_ymd(1970, 1, 1).expect("a valid date"));
        ReportWorld {
            main: file_id(Template::MAIN).expect("a valid path"),
            generated,
            template,
            today,
            sources: Mutex::new(HashMap::new()),
        }
    }

    /// The template this world lays out with.
    pub fn template(&self) -> &Template {
        &self.template
    }
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &BOOK
    }

    fn main(&self) -> FileId {
        self.main
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        let mut cache = self.sources.lock().map_err(|_| FileError::Other(None))?;
        if let Some(s) = cache.get(&id) {
            return Ok(s.clone());
        }
        let bytes = self.file(id)?;
        let text = std::str::from_utf8(&bytes).map_err(|_| FileError::InvalidUtf8)?;
        let source = Source::new(id, text.to_string());
        cache.insert(id, source.clone());
        Ok(source)
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if let VirtualRoot::Package(spec) = id.root() {
            return Err(FileError::Other(Some(
                format!("packages such as {spec} are not available: studietur works offline; copy what you need into the template's folder").into(),
            )));
        }
        if let Some(bytes) = self.generated.get(&id) {
            return Ok(bytes.clone());
        }
        self.template.file(id.vpath())
    }

    fn font(&self, index: usize) -> Option<Font> {
        fonts::all().get(index).cloned()
    }

    fn today(&self, _offset: Option<typst::foundations::Duration>) -> Option<Datetime> {
        Some(self.today)
    }
}
