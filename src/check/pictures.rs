//! Pictures (logo, cover, photos): the alt text or `decorative`, the
//! caption, and the file as read by [`super::reading`], each problem
//! reported at its key.

use super::reading::Problem;
use super::values::Checker;
use crate::messages::{Msg, photo as m};
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
                self.error(a.span(), m::alt_empty(), m::alt_empty_help());
                None
            }
            _ if decorative => None,
            _ => {
                self.error(span.clone(), m::no_alt(key), m::no_alt_help());
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
fn explain(written: &str, problem: &Problem) -> (Msg, Msg) {
    match problem {
        Problem::Empty => (m::file_empty(), m::file_empty_help()),
        Problem::LeadsOut => (m::leads_out(written), m::leads_out_help()),
        Problem::LinkLeadsOut => (m::link_leads_out(written), m::link_leads_out_help()),
        Problem::Missing(why) => (
            m::cannot_open_picture(written, why.clone()),
            m::check_path_help(),
        ),
        Problem::NotAFile => (m::not_a_file(written), m::not_a_file_help()),
        Problem::NoAccess(why) => (
            m::cannot_open_picture(written, why.clone()),
            m::check_permissions_help(),
        ),
        Problem::Unreadable(why) => (
            m::cannot_read_picture(written, why.clone()),
            m::check_permissions_help(),
        ),
        Problem::NotAnImage(r) => (m::not_an_image(written, r.reason.clone()), r.help.clone()),
    }
}
