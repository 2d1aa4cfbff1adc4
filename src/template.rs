//! Templates: the built-in one (compiled into the binary from
//! `templates/report/`) or a folder the user names. A template folder holds
//! `main.typ`, which reads the report's data from `/data.json`.

use std::path::{Path, PathBuf};
use typst::diag::{FileError, FileResult};
use typst::foundations::Bytes;
use typst::syntax::VirtualPath;

/// The files of the built-in template, by path inside the template.
const BUILTIN: &[(&str, &str)] = &[("main.typ", include_str!("../templates/report/main.typ"))];

/// Where the layout comes from.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Template {
    /// The template built into studietur.
    Builtin,
    /// A template folder (canonical path).
    Dir(PathBuf),
}

impl Template {
    /// The path of the template's entry file inside the document.
    pub const MAIN: &'static str = "/main.typ";

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

    /// How a template file is named in messages.
    pub fn display_name(&self, vpath: &VirtualPath) -> String {
        let rel = vpath.get_without_slash();
        match self {
            Template::Builtin => format!("templates/report/{rel} (built in)"),
            Template::Dir(dir) => dir.join(rel).display().to_string(),
        }
    }

    /// Every file of the built-in template, by relative path.
    pub fn builtin_files() -> &'static [(&'static str, &'static str)] {
        BUILTIN
    }

    /// Every file of the template, by path relative to it.
    pub fn files(&self) -> std::io::Result<Vec<(String, Vec<u8>)>> {
        match self {
            Template::Builtin => Ok(BUILTIN
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
            Template::Builtin => BUILTIN
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
