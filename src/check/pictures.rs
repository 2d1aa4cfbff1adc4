//! Pictures (logo, cover, photos): the alt text or `decorative`, the
//! caption, and the file as read by [`super::reading`], each problem
//! reported at its key.

use super::reading::Problem;
use super::values::Checker;
use crate::model::{self, Text};
use crate::trip;
use std::ops::Range;
use toml::Spanned;

impl Checker {
    /// Reads every file `raw` names (once each, in parallel), so that
    /// [`Checker::picture`] finds them ready.
    pub fn read_files(&mut self, raw: &model::TripFile) {
        let t = raw.trip.get_ref();
        let sections = raw
            .day
            .iter()
            .flat_map(|d| &d.get_ref().section)
            .chain(&raw.section);
        let written: Vec<&str> = t
            .logo
            .iter()
            .map(|l| &l.get_ref().file)
            .chain(t.cover.iter().map(|c| &c.get_ref().file))
            .chain(sections.flat_map(|s| s.image.iter().map(|i| &i.get_ref().file)))
            .map(|f| f.get_ref().as_str())
            .collect();
        self.read =
            super::reading::read_all(&self.dir, &written, self.photo_box, self.keep_sources);
    }

    /// A picture: `key` names it in messages (`logo`, `cover`, `image`),
    /// `span` is its table.
    pub fn picture(
        &mut self,
        key: &str,
        file: &Text,
        alt: Option<&Text>,
        decorative: Option<&Spanned<bool>>,
        caption: Option<&Text>,
        span: Range<usize>,
    ) -> Option<trip::Picture> {
        let decorative = decorative.is_some_and(|d| *d.get_ref());
        let alt_text = match alt {
            Some(a) if !a.get_ref().trim().is_empty() => {
                self.printable("alt", a);
                Some(self.clean("alt", a, true).trim().to_string())
            }
            Some(a) if !decorative => {
                self.error(
                    a.span(),
                    "`alt` is empty",
                    "describe what the image shows, for readers who cannot see it",
                );
                None
            }
            _ if decorative => None,
            _ => {
                self.error(
                    span.clone(),
                    format!("the {key} has no `alt` text"),
                    "add `alt = \"…\"` describing what the image shows (what a screen reader speaks), or `decorative = true` if it carries no information",
                );
                None
            }
        };
        let caption = caption.map(|c| self.text("caption", c));
        let written = file.get_ref();
        let read = match self.read.get(written).cloned() {
            Some(Ok(read)) => read,
            Some(Err(problem)) => {
                let (message, help) = explain(written, &problem);
                self.error(file.span(), message, help);
                return None;
            }
            None => return None,
        };
        Some(trip::Picture {
            file: written.clone(),
            sha256: read.sha256,
            original: read.original,
            bytes: read.prepared.bytes,
            extension: read.prepared.extension,
            aspect: read.prepared.aspect,
            alt: if decorative { None } else { alt_text },
            caption,
        })
    }
}

/// The message and help for a file that gives no picture.
fn explain(written: &str, problem: &Problem) -> (String, &'static str) {
    match problem {
        Problem::Empty => (
            "`file` is empty".into(),
            "write the image's path relative to the trip file, like \"images/photo.jpg\"",
        ),
        Problem::LeadsOut => (
            format!("`{written}` leads outside the trip file's folder"),
            "copy the image into the trip file's folder (e.g. images/) and write the path relative to it",
        ),
        Problem::LinkLeadsOut => (
            format!("`{written}` is a link that leads outside the trip file's folder"),
            "copy the image itself into the trip file's folder instead of linking to it",
        ),
        Problem::Missing(why) => (
            format!("cannot open `{written}`: {why}"),
            "check the path; it is relative to the folder that holds the trip file",
        ),
        Problem::NotAFile => (
            format!("`{written}` is not a regular file"),
            "give the path of an image file (PNG, JPEG, GIF, WebP or SVG)",
        ),
        Problem::NoAccess(why) => (
            format!("cannot open `{written}`: {why}"),
            "check the file's permissions",
        ),
        Problem::Unreadable(why) => (
            format!("cannot read `{written}`: {why}"),
            "check the file's permissions",
        ),
        Problem::NotAnImage(r) => (
            format!(
                "`{written}` is not an image the report can show: {}",
                r.reason
            ),
            r.help,
        ),
    }
}
