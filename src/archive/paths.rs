//! The names studietur gives the files of an archived report, and the check
//! that a manifest names nothing else: `<year>/<stem>.pdf` for the version
//! in force, `<year>/<stem>-superseded-N.pdf` for one it replaced, its web
//! page in `<year>/<stem>/` (where `<stem>` is the trip file's name, now or
//! before a `--rename`). A manifest edited to name anything else (a folder,
//! another report's file, a path out of the archive) is refused before
//! anything is read or written: a path from a manifest only ever names a
//! file studietur wrote for that entry.

use super::manifest::{Report, Version};
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

/// What is wrong with the names of the report `r`, if anything.
pub fn check(r: &Report) -> Option<Msg> {
    let stems: Vec<String> = std::iter::once(&r.trip)
        .chain(&r.renamed_from)
        .map(|t| stem(t))
        .collect();
    let known = |name: &str| stems.iter().any(|s| s == name);
    let expected = |v: &Version| format!("<year>/{}", describe(&stems, v));
    for (i, v) in std::iter::once(&r.current).chain(&r.superseded).enumerate() {
        let wrong = || {
            Some(k::manifest_name_not_ours(
                &v.pdf,
                "pdf",
                &r.trip,
                expected(v),
            ))
        };
        if normalise(&v.pdf).as_deref() != Some(v.pdf.as_str()) {
            return Some(m::manifest_bad_path(&v.pdf, "pdf"));
        }
        let Some((year, name)) = split(&v.pdf) else {
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
        if let Some(w) = &v.html {
            // The page's folder is the PDF's name without `.pdf`: in force,
            // `<year>/<stem>`.
            let folder = format!("{year}/{}", base.unwrap_or(name));
            if w.folder != folder {
                return Some(k::manifest_name_not_ours(
                    &w.folder,
                    "html.folder",
                    &r.trip,
                    folder,
                ));
            }
            if let Some(f) = w.files.iter().find(|f| {
                normalise(&f.path).as_deref() != Some(f.path.as_str())
                    || f.path.split('/').any(|p| p.starts_with('.'))
            }) {
                return Some(m::manifest_bad_path(&f.path, "html.files"));
            }
        }
    }
    None
}

fn describe(stems: &[String], v: &Version) -> String {
    let stem = stems.first().cloned().unwrap_or_default();
    if v.pdf.contains("-superseded-") {
        format!("{stem}-superseded-N.pdf")
    } else {
        format!("{stem}.pdf")
    }
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
