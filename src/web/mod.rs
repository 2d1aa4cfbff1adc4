//! The web version of a report: one accessible HTML page made from the same
//! checked trip and view as the PDF, through the template's `page.html`
//! (minijinja, every value HTML-escaped) and `page.css`, with the photos
//! made ready for screens beside it. No script; the same trip gives the
//! same bytes.

mod images;
mod page;

pub use images::{LARGEST, ScreenImage};

use crate::diagnostic::Diagnostic;
use crate::messages::making as m;
use crate::template::Template;
use crate::trip::Trip;

/// The page's file name inside its folder.
pub const INDEX: &str = "index.html";

/// The stylesheet's file name inside the page's folder.
pub const STYLESHEET: &str = "style.css";

/// The PDF the page links to, built beside its folder.
#[derive(Debug, Clone)]
pub struct PdfLink {
    /// The link, relative to the page (`../2023-amsterdam.pdf`).
    pub href: String,
    /// Its pages.
    pub pages: usize,
    /// Its size in bytes.
    pub bytes: usize,
}

/// A web page ready to write: its files by path inside the page's folder
/// (`index.html`, `style.css`, `images/…`), in a fixed order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WebPage {
    /// The files.
    pub files: Vec<(String, Vec<u8>)>,
}

/// Makes the web page of `trip` with `template`, linking to `pdf` when
/// one is built beside it.
pub fn make(
    trip: &Trip,
    template: &Template,
    pdf: Option<&PdfLink>,
) -> Result<WebPage, Vec<Diagnostic>> {
    let (view, assets) = crate::view::build(trip);
    let mut shown = std::collections::BTreeMap::new();
    // By path (named by content: an image shown twice is made once).
    let mut files: std::collections::BTreeMap<String, Vec<u8>> = Default::default();
    let mut made: std::collections::HashMap<String, ScreenImage> = Default::default();
    for (path, bytes) in &assets {
        let extension = path.rsplit('.').next().unwrap_or("");
        let sha = crate::digest::sha256_hex(bytes);
        let screen = match made.get(&sha) {
            Some(s) => s.clone(),
            None => {
                let s = images::for_screen(bytes, extension, &sha)
                    .map_err(|e| vec![Diagnostic::plain(m::web_image(path.as_str(), e))])?;
                made.insert(sha, s.clone());
                s
            }
        };
        for (p, data) in &screen.files {
            files.entry(p.clone()).or_insert_with(|| data.clone());
        }
        shown.insert(path.clone(), screen);
    }
    let [(page_name, page), (_, style)] = template.web().map_err(|e| vec![Diagnostic::plain(e)])?;
    let html = page::render(&view, trip, &shown, pdf, &page_name, &page)?;
    let mut out = vec![
        (INDEX.to_string(), html.into_bytes()),
        (STYLESHEET.to_string(), style.into_bytes()),
    ];
    out.extend(files);
    Ok(WebPage { files: out })
}
