//! The names studietur gives the files of an archived report, and the check
//! that a manifest names nothing else: `<year>/<stem>.pdf` for the version
//! in force, `<year>/<stem>-superseded-N.pdf` for one it replaced, its web
//! page in `<year>/<stem>/` (where `<stem>` is the trip file's name, now or
//! before a `--rename`). A manifest edited to name anything else (a folder,
//! another report's file, a path out of the archive) is refused before
//! anything is read or written: a path from a manifest only ever names a
//! file studietur wrote for that entry.

use crate::files::normalise;
use crate::messages::{Msg, archive as m, keeping as k};
use std::path::Path;

/// The stem of a trip path as the manifest writes it
/// (`../trips/2023-amsterdam.toml` → `2023-amsterdam`).
pub fn stem(trip: &str) -> String {
    crate::files::stem_of(Path::new(trip))
}

/// `2023/2023-amsterdam.pdf` → (`2023`, `2023-amsterdam`), when it is a
/// year folder and a PDF's name in it and nothing else.
fn split(pdf: &str) -> Option<(&str, &str)> {
    let (year, file) = pdf.split_once('/')?;
    let name = file.strip_suffix(".pdf")?;
    let year_ok = (1..=4).contains(&year.len()) && year.bytes().all(|b| b.is_ascii_digit());
    let name_ok = !name.is_empty() && !name.starts_with('.') && !name.contains(['/', '\\']);
    (year_ok && name_ok).then_some((year, name))
}

/// `name` without a `-superseded-N` ending (N a whole number).
fn unsuperseded(name: &str) -> Option<&str> {
    let (base, n) = name.rsplit_once("-superseded-")?;
    (!n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())).then_some(base)
}

/// The names one version of a report gives its files.
pub struct Named<'a> {
    /// Its PDF.
    pub pdf: &'a str,
    /// Its web page's folder and files, when it has one.
    pub web: Option<(&'a str, Vec<&'a str>)>,
}

/// What is wrong with the names of a report of the trip file `trip` (once
/// `renamed_from`), whose versions are `versions` (the one in force first),
/// if anything.
pub fn check(trip: &str, renamed_from: &[String], versions: &[Named]) -> Option<Msg> {
    let stems: Vec<String> = std::iter::once(trip)
        .chain(renamed_from.iter().map(String::as_str))
        .map(stem)
        .collect();
    let known = |name: &str| stems.iter().any(|s| s == name);
    let first = stems.first().cloned().unwrap_or_default();
    for (i, v) in versions.iter().enumerate() {
        let expected = if i == 0 {
            format!("<year>/{first}.pdf")
        } else {
            format!("<year>/{first}-superseded-N.pdf")
        };
        let wrong = || Some(k::manifest_name_not_ours(v.pdf, "pdf", trip, &expected));
        if normalise(v.pdf).as_deref() != Some(v.pdf) {
            return Some(m::manifest_bad_path(v.pdf, "pdf"));
        }
        let Some((year, name)) = split(v.pdf) else {
            return wrong();
        };
        let base = if i == 0 {
            Some(name)
        } else {
            unsuperseded(name)
        };
        if !base.is_some_and(known) {
            return wrong();
        }
        if let Some((folder, files)) = &v.web {
            // The page's folder is the PDF's name without `.pdf`: in force,
            // `<year>/<stem>`.
            let expected = format!("{year}/{}", base.unwrap_or(name));
            if *folder != expected {
                return Some(k::manifest_name_not_ours(
                    *folder,
                    "html.folder",
                    trip,
                    expected,
                ));
            }
            if let Some(f) = files.iter().find(|f| {
                normalise(f).as_deref() != Some(**f) || f.split('/').any(|p| p.starts_with('.'))
            }) {
                return Some(m::manifest_bad_path(*f, "html.files"));
            }
        }
    }
    None
}

/// Where a file is written before the manifest lists it: a hidden name
/// beside its place that no manifest lists and `verify` does not take for
/// a PDF (`2023/.2023-amsterdam.pdf.studietur-staged`).
pub fn staged(rel: &str) -> String {
    match rel.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/.{file}.studietur-staged"),
        None => format!(".{rel}.studietur-staged"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_names_studietur_writes() {
        assert_eq!(split("2023/x.pdf"), Some(("2023", "x")));
        assert_eq!(split("2023"), None);
        assert_eq!(split("2023/sub/x.pdf"), None);
        assert_eq!(split("20233/x.pdf"), None);
        assert_eq!(split("2023/.x.pdf"), None);
        assert_eq!(unsuperseded("x-superseded-3"), Some("x"));
        assert_eq!(unsuperseded("x-superseded-"), None);
        assert_eq!(unsuperseded("x"), None);
        assert_eq!(
            staged("2023/x.pdf"),
            "2023/.x.pdf.studietur-staged".to_string()
        );
    }
}
