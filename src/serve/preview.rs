//! The live preview: a trip's text checked and laid out by the warm engine,
//! each page kept by the hash of what it shows and drawn (as PNG) once, when
//! the page first asks for it, so that after an edit only the pages that
//! changed are drawn and sent again, those in sight first.

use crate::diagnostic::{Diagnostic, Seg};
use crate::pipeline::{self, Job, Output, Product};
use crate::provenance::Recipe;
use std::collections::{HashMap, VecDeque};
use std::hash::{Hash, Hasher};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::Instant;
use typst::layout::{Frame, FrameItem};
use typst_layout::PagedDocument;

/// How many bytes of drawn pages the store keeps (those of the last
/// versions; a page with photos is large, so pages are counted by size).
const KEPT_BYTES: usize = 256 * 1024 * 1024;

/// How many pages the store keeps (their content is shared with the
/// documents laid out, so each costs little until it is drawn).
const KEPT_PAGES: usize = 4096;

/// The pixels per inch of a page's picture: sharp on a screen of twice the
/// usual density, where the preview shows a page about as wide as printed.
const PPI: f32 = 144.0;

/// A page of the preview: what it shows, and its picture once drawn.
struct Stored {
    page: typst_layout::Page,
    png: Option<Arc<Vec<u8>>>,
}

/// The pages by hash, their hashes oldest first, and the bytes of their
/// pictures.
type Drawings = (HashMap<String, Stored>, VecDeque<String>, usize);

/// The pages laid out so far, by the hex hash of what they show; each is
/// drawn (as PNG) when the page first asks for it, so an edit's answer
/// never waits for pictures, and the pages in sight are drawn first.
#[derive(Default)]
pub struct PageStore {
    inner: Mutex<Drawings>,
}

impl PageStore {
    /// The picture of the page with `hash`, drawn now if it is not yet;
    /// `None` for a page the store does not have (any more).
    pub fn png(&self, hash: &str) -> Option<Arc<Vec<u8>>> {
        let page = {
            let inner = self.inner.lock().ok()?;
            let stored = inner.0.get(hash)?;
            if let Some(png) = &stored.png {
                return Some(png.clone());
            }
            stored.page.clone()
        };
        let png = Arc::new(crate::render::page_png(&page, PPI).ok()?);
        if let Ok(mut inner) = self.inner.lock() {
            let (map, order, bytes) = &mut *inner;
            if let Some(stored) = map.get_mut(hash)
                && stored.png.is_none()
            {
                *bytes += png.len();
                stored.png = Some(png.clone());
            }
            // The oldest pictures go first; the newest page always stays.
            while (*bytes > KEPT_BYTES || order.len() > KEPT_PAGES) && order.len() > 1 {
                if let Some(old) = order.pop_front()
                    && let Some(gone) = map.remove(&old)
                {
                    *bytes -= gone.png.map_or(0, |p| p.len());
                }
            }
        }
        Some(png)
    }

    fn has(&self, hash: &str) -> bool {
        self.inner.lock().is_ok_and(|i| i.0.contains_key(hash))
    }

    fn put(&self, hash: String, page: typst_layout::Page) {
        if let Ok(mut inner) = self.inner.lock() {
            let (map, order, _) = &mut *inner;
            if !map.contains_key(&hash) {
                map.insert(hash.clone(), Stored { page, png: None });
                order.push_back(hash);
            }
        }
    }
}

/// What of a page its drawing shows: the frame without the tags and links
/// (which carry document positions that shift when anything before them
/// changes, though the page looks the same), and the page's fill.
struct Drawn<'a>(&'a typst_layout::Page);

impl Hash for Drawn<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.0.fill.hash(state);
        visible(&self.0.frame, state);
    }
}

fn visible<H: Hasher>(frame: &Frame, state: &mut H) {
    frame.size().hash(state);
    for (point, item) in frame.items() {
        match item {
            FrameItem::Tag(_) | FrameItem::Link(..) => continue,
            FrameItem::Group(group) => {
                point.hash(state);
                0u8.hash(state);
                group.transform.hash(state);
                group.clip.hash(state);
                visible(&group.frame, state);
            }
            other => {
                point.hash(state);
                1u8.hash(state);
                other.hash(state);
            }
        }
    }
}

/// A laid-out version of a trip.
pub struct Laid {
    /// The pages' hashes, in order.
    pub pages: Vec<String>,
    /// How many pages were drawn anew.
    pub drawn: usize,
    /// The document (to draw a page as PNG).
    pub document: Box<PagedDocument>,
    /// Warnings.
    pub warnings: Vec<Diagnostic>,
    /// Milliseconds to check and lay out.
    pub layout_ms: f64,
    /// Milliseconds to draw the new pages.
    pub draw_ms: f64,
    /// Where each part of the trip begins: its path and page (from 1).
    pub parts: Vec<(Vec<Seg>, usize)>,
}

/// Where each part of `trip` (a day, a visit, a free section, the
/// participants, the accounts) begins in `document`: its heading, found
/// among the document's headings in order by the words the report gives it.
fn parts(trip: &crate::trip::Trip, document: &PagedDocument) -> Vec<(Vec<Seg>, usize)> {
    use typst::foundations::{Element, Selector};
    use typst::introspection::Introspector;
    let k = |s: &str| Seg::Key(s.to_string());
    let mut wanted: Vec<(Vec<Seg>, String)> = Vec::new();
    if !trip.participants.is_empty() {
        wanted.push((
            vec![k("participant")],
            trip.labels.labels().participants.to_string(),
        ));
    }
    for (i, d) in trip.days.iter().enumerate() {
        let title = d
            .title
            .clone()
            .unwrap_or_else(|| trip.labels.day_title(d.date));
        wanted.push((vec![k("day"), Seg::Index(i)], title));
        for (j, s) in d.sections.iter().enumerate() {
            wanted.push((
                vec![k("day"), Seg::Index(i), k("section"), Seg::Index(j)],
                s.title.clone(),
            ));
        }
    }
    for (i, s) in trip.sections.iter().enumerate() {
        wanted.push((vec![k("section"), Seg::Index(i)], s.title.clone()));
    }
    if let Some(a) = &trip.accounts {
        let title = a
            .title
            .clone()
            .unwrap_or_else(|| trip.labels.labels().accounts.to_string());
        wanted.push((vec![k("accounts")], title));
    }
    let introspector = document.introspector();
    let headings: Vec<(String, usize)> = introspector
        .query(&Selector::Elem(
            Element::of::<typst::model::HeadingElem>(),
            None,
        ))
        .iter()
        .filter_map(|h| {
            let page = introspector.position(h.location()?)?.page.get();
            Some((h.plain_text().to_string(), page))
        })
        .collect();
    let mut out = vec![(vec![k("trip")], 1)];
    let mut from = 0;
    for (path, title) in wanted {
        let title = title.trim();
        if let Some(i) = (from..headings.len()).find(|&i| headings[i].0.contains(title)) {
            out.push((path, headings[i].1));
            from = i + 1;
        }
    }
    out
}

/// Checks and lays out `text` as the trip file at `path`, drawing the pages
/// that are not in `store` yet. The error holds every diagnostic.
pub fn lay_out(
    path: &Path,
    text: &str,
    recipe: &Recipe,
    store: &PageStore,
) -> Result<Laid, Vec<Diagnostic>> {
    let started = Instant::now();
    let job = Job::new(path, recipe, Output::Document);
    let built = pipeline::run_bytes(&job, text.as_bytes().to_vec())?;
    let Product::Document(document) = built.product else {
        return Err(vec![Diagnostic::plain(
            crate::messages::editor::editor_failed_inside(),
        )]);
    };
    let laid_out = started.elapsed();
    let mut pages = Vec::new();
    let mut drawn = 0;
    for page in document.pages() {
        let hash = format!("{:032x}", typst::utils::hash128(&Drawn(page)));
        if !store.has(&hash) {
            store.put(hash.clone(), page.clone());
            drawn += 1;
        }
        pages.push(hash);
    }
    let parts = parts(&built.trip, &document);
    Ok(Laid {
        parts,
        pages,
        drawn,
        document,
        warnings: built.warnings,
        layout_ms: laid_out.as_secs_f64() * 1e3,
        draw_ms: (started.elapsed() - laid_out).as_secs_f64() * 1e3,
    })
}
