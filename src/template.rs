//! Templates: the built-in ones (compiled into the binary from
//! `templates/NAME/`, with the shared library `templates/lib/`) or a folder
//! the user names. A template folder holds `main.typ`, which reads the
//! report's data from `/data.json`, and `template.toml`, which declares the
//! box its photos are printed in.

use crate::photos::PhotoBox;
use std::path::{Path, PathBuf};
use typst::diag::{FileError, FileResult};
use typst::foundations::Bytes;
use typst::syntax::VirtualPath;

/// A template built into the binary from `templates/NAME/`.
#[derive(Debug, PartialEq, Eq, Hash)]
pub struct Builtin {
    /// Its name (`report`, `compact`).
    pub name: &'static str,
    /// What it is for.
    pub about: &'static str,
    /// Its files, by path inside the template.
    pub files: &'static [(&'static str, &'static str)],
}

/// The Typst library every built-in template imports: `lib/studietur.typ`.
const LIBRARY: (&str, &str) = (
    "lib/studietur.typ",
    include_str!("../templates/lib/studietur.typ"),
);

/// What a template folder's `template.toml` is called.
pub const SETTINGS: &str = "template.toml";

/// The built-in templates; the first is the default.
pub static BUILTINS: [Builtin; 2] = [
    Builtin {
        name: "report",
        about: "the full report: title page, contents, a chapter a day (default)",
        files: &[
            ("main.typ", include_str!("../templates/report/main.typ")),
            (SETTINGS, include_str!("../templates/report/template.toml")),
            LIBRARY,
            ("README.md", include_str!("../templates/README.md")),
        ],
    },
    Builtin {
        name: "compact",
        about: "a short report for a one-day visit: no title page or contents",
        files: &[
            ("main.typ", include_str!("../templates/compact/main.typ")),
            (SETTINGS, include_str!("../templates/compact/template.toml")),
            LIBRARY,
            ("README.md", include_str!("../templates/README.md")),
        ],
    },
];

/// The built-in overview template (`studietur overview`).
pub static OVERVIEW: Builtin = Builtin {
    name: "overview",
    about: "the overview across years (studietur overview)",
    files: &[
        ("main.typ", include_str!("../templates/overview/main.typ")),
        LIBRARY,
    ],
};

/// Where the layout comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Template {
    /// A template built into studietur.
    Builtin(&'static Builtin),
    /// A template folder (canonical path).
    Dir(PathBuf),
}

impl Default for Template {
    fn default() -> Self {
        Template::Builtin(&BUILTINS[0])
    }
}

impl Template {
    /// The path of the template's entry file inside the document.
    pub const MAIN: &'static str = "/main.typ";

    /// A built-in template by name, else a template folder.
    pub fn named_or_dir(name: &str) -> Result<Template, String> {
        match BUILTINS.iter().find(|b| b.name == name) {
            Some(b) if !Path::new(name).exists() => Ok(Template::Builtin(b)),
            _ => Template::dir(Path::new(name)).map_err(|e| {
                let names: Vec<&str> = BUILTINS.iter().map(|b| b.name).collect();
                format!("{e} (built-in templates: {})", names.join(", "))
            }),
        }
    }

    /// How the template is named: a built-in name, or its folder.
    pub fn name(&self) -> String {
        match self {
            Template::Builtin(b) => b.name.to_string(),
            Template::Dir(dir) => dir.display().to_string(),
        }
    }

    /// A template folder; it must exist and hold `main.typ`.
    pub fn dir(path: &Path) -> Result<Template, String> {
        let dir = path
            .canonicalize()
            .map_err(|e| format!("cannot open the template folder `{}`: {e}", path.display()))?;
        if !dir.join("main.typ").is_file() {
            return Err(format!(
                "the template folder `{}` has no main.typ",
                path.display()
            ));
        }
        Ok(Template::Dir(dir))
    }

    /// The box the template prints photos in, from its `template.toml`:
    ///
    /// ```toml
    /// [photo]
    /// width-cm = 16
    /// height-cm = 9.5
    /// ```
    ///
    /// A template without the file gets the `report` template's box.
    pub fn photo_box(&self) -> Result<PhotoBox, String> {
        let shown = || self.display_name(&VirtualPath::new(SETTINGS).expect("a valid path"));
        let bytes = match self.file(&VirtualPath::new(SETTINGS).expect("a valid path")) {
            Ok(b) => b,
            Err(FileError::NotFound(_)) => return Ok(PhotoBox::REPORT),
            Err(e) => return Err(format!("cannot read `{}`: {e}", shown())),
        };
        let text =
            std::str::from_utf8(&bytes).map_err(|_| format!("`{}` is not UTF-8", shown()))?;
        let table: toml::Table =
            toml::from_str(text).map_err(|e| format!("`{}`: {}", shown(), e.message()))?;
        let number = |key: &str| {
            table
                .get("photo")
                .and_then(|p| p.get(key))
                .and_then(|v| v.as_float().or_else(|| v.as_integer().map(|i| i as f64)))
        };
        match (number("width-cm"), number("height-cm")) {
            (Some(w), Some(h)) => PhotoBox::from_cm(w, h).ok_or_else(|| {
                format!(
                    "`{}`: the photo box must be between 0.1 and 100 cm each way",
                    shown()
                )
            }),
            _ => Err(format!(
                "`{}` must say `[photo]` with `width-cm` and `height-cm` (numbers, in cm)",
                shown()
            )),
        }
    }

    /// How a template file is named in messages.
    pub fn display_name(&self, vpath: &VirtualPath) -> String {
        let rel = vpath.get_without_slash();
        match self {
            Template::Builtin(b) => format!("templates/{}/{rel} (built in)", b.name),
            Template::Dir(dir) => dir.join(rel).display().to_string(),
        }
    }

    /// Every file of the template, by path relative to it.
    pub fn files(&self) -> std::io::Result<Vec<(String, Vec<u8>)>> {
        match self {
            Template::Builtin(b) => Ok(b
                .files
                .iter()
                .map(|(p, t)| (p.to_string(), t.as_bytes().to_vec()))
                .collect()),
            Template::Dir(dir) => {
                let mut out = Vec::new();
                let mut stack = vec![dir.clone()];
                while let Some(d) = stack.pop() {
                    for e in std::fs::read_dir(&d)? {
                        let p = e?.path();
                        if p.is_dir() {
                            stack.push(p);
                        } else if let Ok(rel) = p.strip_prefix(dir) {
                            out.push((rel.to_string_lossy().into_owned(), std::fs::read(&p)?));
                        }
                    }
                }
                out.sort();
                Ok(out)
            }
        }
    }

    /// Reads a template file. A folder template's files are read from inside
    /// the folder only (links that lead out are refused).
    pub fn file(&self, vpath: &VirtualPath) -> FileResult<Bytes> {
        let rel = vpath.get_without_slash();
        match self {
            Template::Builtin(b) => b
                .files
                .iter()
                .find(|(p, _)| *p == rel)
                .map(|(_, text)| Bytes::new(text.as_bytes()))
                .ok_or_else(|| FileError::NotFound(PathBuf::from(rel))),
            Template::Dir(dir) => {
                let path = vpath.realize(dir).map_err(|_| FileError::AccessDenied)?;
                let canonical = path
                    .canonicalize()
                    .map_err(|e| FileError::from_io(e, &path))?;
                if !canonical.starts_with(dir) || !canonical.is_file() {
                    return Err(FileError::AccessDenied);
                }
                std::fs::read(&canonical)
                    .map(Bytes::new)
                    .map_err(|e| FileError::from_io(e, &path))
            }
        }
    }
}
