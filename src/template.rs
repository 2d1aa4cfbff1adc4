//! Templates: the built-in ones (compiled into the binary from
//! `templates/NAME/`, with the shared library `templates/lib/`) or a folder
//! the user names. A template folder holds `main.typ`, which reads the
//! report's data from `/data.json`, and `template.toml`, which declares the
//! box its photos are printed in.

use crate::messages::{Arg, Msg, making as m};
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
    /// Its files, by path inside the template.
    pub files: &'static [(&'static str, &'static str)],
}

impl Builtin {
    /// What it is for.
    pub fn about(&self) -> Msg {
        match self.name {
            "report" => m::about_report(),
            "compact" => m::about_compact(),
            _ => m::about_overview(),
        }
    }
}

/// The Typst library every built-in template imports: `lib/studietur.typ`.
const LIBRARY: (&str, &str) = (
    "lib/studietur.typ",
    include_str!("../templates/lib/studietur.typ"),
);

/// The web version's page template (minijinja) and stylesheet, shared by
/// the built-in report templates; a template folder may hold its own.
pub const WEB_PAGE: &str = "page.html";
/// See [`WEB_PAGE`].
pub const WEB_STYLE: &str = "page.css";

const WEB_FILES: [(&str, &str); 2] = [
    (WEB_PAGE, include_str!("../templates/html/page.html")),
    (WEB_STYLE, include_str!("../templates/html/page.css")),
];

/// What a template folder's `template.toml` is called.
pub const SETTINGS: &str = "template.toml";

/// The built-in templates; the first is the default.
pub static BUILTINS: [Builtin; 2] = [
    Builtin {
        name: "report",
        files: &[
            ("main.typ", include_str!("../templates/report/main.typ")),
            (SETTINGS, include_str!("../templates/report/template.toml")),
            LIBRARY,
            WEB_FILES[0],
            WEB_FILES[1],
            ("README.md", include_str!("../templates/README.md")),
        ],
    },
    Builtin {
        name: "compact",
        files: &[
            ("main.typ", include_str!("../templates/compact/main.typ")),
            (SETTINGS, include_str!("../templates/compact/template.toml")),
            LIBRARY,
            WEB_FILES[0],
            WEB_FILES[1],
            ("README.md", include_str!("../templates/README.md")),
        ],
    },
];

/// The built-in overview template (`studietur overview`).
pub static OVERVIEW: Builtin = Builtin {
    name: "overview",
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
    pub fn named_or_dir(name: &str) -> Result<Template, Msg> {
        match BUILTINS.iter().find(|b| b.name == name) {
            Some(b) if !Path::new(name).exists() => Ok(Template::Builtin(b)),
            _ => Template::dir(Path::new(name)).map_err(|e| {
                let names: Vec<&str> = BUILTINS.iter().map(|b| b.name).collect();
                m::template_not_found(e, names.join(", "))
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
    pub fn dir(path: &Path) -> Result<Template, Msg> {
        let dir = path
            .canonicalize()
            .map_err(|e| m::template_folder_unopenable(path, e))?;
        if !dir.join("main.typ").is_file() {
            return Err(m::template_no_main(path));
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
    pub fn photo_box(&self) -> Result<PhotoBox, Msg> {
        let shown =
            || Arg::Text(self.display_name(&VirtualPath::new(SETTINGS).expect("a valid path")));
        let bytes = match self.file(&VirtualPath::new(SETTINGS).expect("a valid path")) {
            Ok(b) => b,
            Err(FileError::NotFound(_)) => return Ok(PhotoBox::REPORT),
            Err(e) => return Err(m::cannot_read(shown(), e.to_string())),
        };
        let text = std::str::from_utf8(&bytes).map_err(|_| m::settings_not_utf8(shown()))?;
        let table: toml::Table = toml::from_str(text)
            .map_err(|e| m::settings_invalid(shown(), e.message().to_string()))?;
        let number = |key: &str| {
            table
                .get("photo")
                .and_then(|p| p.get(key))
                .and_then(|v| v.as_float().or_else(|| v.as_integer().map(|i| i as f64)))
        };
        match (number("width-cm"), number("height-cm")) {
            (Some(w), Some(h)) => {
                PhotoBox::from_cm(w, h).ok_or_else(|| m::photo_box_range(shown()))
            }
            _ => Err(m::photo_box_missing(shown())),
        }
    }

    /// The web page template and stylesheet: the template folder's
    /// `page.html` and `page.css` when it has them, else the built-in ones
    /// (so a folder exported before the web version still builds one).
    /// Each with the name messages give it.
    pub fn web(&self) -> Result<[(String, String); 2], Msg> {
        let one = |name: &str| -> Result<(String, String), Msg> {
            let vpath = VirtualPath::new(name).expect("a valid path");
            let builtin = || {
                let text = WEB_FILES.iter().find(|f| f.0 == name).map_or("", |f| f.1);
                (
                    format!("templates/html/{name} (built in)"),
                    text.to_string(),
                )
            };
            let shown = self.display_name(&vpath);
            match self {
                Template::Builtin(_) => Ok(builtin()),
                // Read as every template file is: from inside the folder.
                Template::Dir(_) => match self.file(&vpath) {
                    Ok(bytes) => std::str::from_utf8(&bytes)
                        .map(|t| (shown.clone(), t.to_string()))
                        .map_err(|_| m::settings_not_utf8(shown.as_str())),
                    Err(FileError::NotFound(_)) => Ok(builtin()),
                    Err(e) => Err(m::cannot_read(shown.as_str(), e.to_string())),
                },
            }
        };
        Ok([one(WEB_PAGE)?, one(WEB_STYLE)?])
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
                        let e = e?;
                        let p = e.path();
                        // Hidden files (an editor's lock or backup files)
                        // are no part of a template; a link to a folder is
                        // not followed (it may lead back up).
                        if crate::files::is_hidden(&p) {
                            continue;
                        }
                        if e.file_type()?.is_dir() {
                            stack.push(p);
                        } else if p.is_file()
                            && let Ok(rel) = p.strip_prefix(dir)
                        {
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
