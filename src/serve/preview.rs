//! The live preview: a trip's text checked and laid out by the warm engine,
//! each page drawn as SVG once and kept by the hash of its content, so that
//! after an edit only the pages that changed are drawn and sent again.

use crate::diagnostic::Diagnostic;
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
/// versions; a page with photos holds them, so pages are counted by size).
const KEPT_BYTES: usize = 256 * 1024 * 1024;

/// The drawn pages by hash, their hashes oldest first, and their bytes.
type Drawings = (HashMap<String, Arc<String>>, VecDeque<String>, usize);

/// The pages drawn so far, by the hex hash of their content.
#[derive(Default)]
pub struct PageStore {
    inner: Mutex<Drawings>,
}

impl PageStore {
    /// The SVG of the page with `hash`.
    pub fn get(&self, hash: &str) -> Option<Arc<String>> {
        self.inner.lock().ok()?.0.get(hash).cloned()
    }

    fn has(&self, hash: &str) -> bool {
        self.inner.lock().is_ok_and(|i| i.0.contains_key(hash))
    }

    fn put(&self, hash: String, svg: String) {
        if let Ok(mut inner) = self.inner.lock() {
            let (map, order, bytes) = &mut *inner;
            let size = svg.len();
            if map.insert(hash.clone(), Arc::new(svg)).is_none() {
                order.push_back(hash);
                *bytes += size;
            }
            // The newest page always stays, however large.
            while *bytes > KEPT_BYTES && order.len() > 1 {
                if let Some(old) = order.pop_front()
                    && let Some(svg) = map.remove(&old)
                {
                    *bytes -= svg.len();
                }
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
            store.put(hash.clone(), crate::render::page_svg(page));
            drawn += 1;
        }
        pages.push(hash);
    }
    Ok(Laid {
        pages,
        drawn,
        document,
        warnings: built.warnings,
        layout_ms: laid_out.as_secs_f64() * 1e3,
        draw_ms: (started.elapsed() - laid_out).as_secs_f64() * 1e3,
    })
}
