//! Rendering: the view is laid out by Typst in a [`ReportWorld`] and written
//! as a PDF/A-2a + PDF/UA-1 file (PDF/A-3a with embedded sources),
//! byte-identical for identical input.

use crate::diagnostic::{Diagnostic, SourceFile};
use crate::embed::Sources;
use crate::messages::making as m;
use crate::template::Template;
use crate::trip::Trip;
use crate::view;
use crate::world::ReportWorld;
use std::sync::atomic::{AtomicUsize, Ordering};
use typst::World;
use typst::WorldExt;
use typst::diag::SourceDiagnostic;
use typst::foundations::{Bytes, NativeElement, Smart};
use typst_layout::{Page, PagedDocument};
use typst_library::introspection::Introspector;
use typst_library::pdf::AttachElem;
use typst_pdf::{PdfOptions, PdfStandard, PdfStandards};

/// The `/Creator` written into every PDF.
pub const CREATOR: &str = concat!("studietur ", env!("CARGO_PKG_VERSION"));

/// A laid-out report.
#[derive(Debug)]
pub struct Rendered {
    /// The PDF file's bytes.
    pub pdf: Vec<u8>,
    /// Number of pages.
    pub pages: usize,
    /// How long the layout took.
    pub layout_time: std::time::Duration,
    /// How long writing the PDF took.
    pub pdf_time: std::time::Duration,
}

/// The generated files of a report's Typst world: `/data.json` (the view)
/// and `/assets/…` (its images), by virtual path.
pub fn generated_files(trip: &Trip) -> Result<Vec<(String, Bytes)>, Vec<Diagnostic>> {
    generated_files_with(trip, None)
}

/// Like [`generated_files`], with `sources` to attach to the PDF served at
/// `/source/…` and listed in the view's `attachments`.
pub fn generated_files_with(
    trip: &Trip,
    sources: Option<&Sources>,
) -> Result<Vec<(String, Bytes)>, Vec<Diagnostic>> {
    let (mut view, mut assets) = view::build(trip);
    for a in sources.map(|s| s.attached.as_slice()).unwrap_or_default() {
        let data = format!("/source/{}", a.name);
        assets.push((data.clone(), Bytes::new(a.bytes.clone())));
        view.attachments.push(view::AttachmentView {
            name: a.name.clone(),
            data,
            mime: a.mime,
            description: a.description.clone(),
        });
    }
    let data = serde_json::to_vec_pretty(&view)
        .map_err(|e| vec![Diagnostic::plain(m::data_unwritable(e.to_string()))])?;
    let mut generated = assets;
    generated.push(("/data.json".to_string(), Bytes::new(data)));
    Ok(generated)
}

/// Lays out `trip` with `template` and writes the PDF. `ident` is a stable
/// name of the report (the trip file's stem), hashed into the PDF's
/// identifier.
pub fn render(trip: &Trip, template: &Template, ident: &str) -> Result<Rendered, Vec<Diagnostic>> {
    render_with(trip, template, ident, None)
}

/// Like [`render`]; with `sources`, they are attached to the PDF, which is
/// then PDF/A-3a + PDF/UA-1 (PDF/A-2 allows no attachments).
pub fn render_with(
    trip: &Trip,
    template: &Template,
    ident: &str,
    sources: Option<&Sources>,
) -> Result<Rendered, Vec<Diagnostic>> {
    let generated = generated_files_with(trip, sources)?;
    let world = ReportWorld::new(template.clone(), generated, trip.document_date());
    let expected = sources.map(|s| s.attached.len());
    let result = layout_with(&world, ident, expected);
    // Keep memory bounded across many reports.
    evict_caches();
    result
}

/// Writes into `dir` everything the stock `typst` CLI needs to compile the
/// same report: `main.typ` (and the template's other files), `data.json`,
/// `assets/` and `fonts/`. Compile with
/// `typst compile --root DIR --font-path DIR/fonts --ignore-system-fonts
/// --pdf-standard a-2a,ua-1 DIR/main.typ`.
pub fn emit_typst(trip: &Trip, template: &Template, dir: &std::path::Path) -> std::io::Result<()> {
    let generated = generated_files(trip).map_err(|d| {
        std::io::Error::other(d.first().map_or(String::new(), |d| d.message.clone()))
    })?;
    let write = |rel: &str, data: &[u8]| {
        crate::files::write_atomic(&dir.join(rel.trim_start_matches('/')), data)
    };
    for (path, bytes) in &generated {
        write(path, bytes.as_slice())?;
    }
    for (rel, data) in template.files()? {
        write(&rel, &data)?;
    }
    for (i, font) in crate::fonts::all().iter().enumerate() {
        write(&format!("fonts/{i}.ttf"), font.data().as_slice())?;
    }
    Ok(())
}

/// A page image's format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// A PNG image per page (`x-01.png` …).
    Png,
    /// An SVG image per page (`x-01.svg` …).
    Svg,
}

/// How many later builds a cached result of Typst's (comemo) survives
/// unused; see [`keep_caches_for`].
static CACHE_AGE: AtomicUsize = AtomicUsize::new(0);

/// Keeps Typst's cached results for `builds` later builds (the warm engine
/// of `watch` and `serve`, which lay out the same report again and again).
/// A batch of distinct reports keeps none: measured on 50 reports, keeping
/// them for 10 builds cost 9 % more time and twice the memory, as no report
/// reuses another's results.
pub fn keep_caches_for(builds: usize) {
    CACHE_AGE.store(builds, Ordering::Relaxed);
}

/// Drops the cached results older than the age set by [`keep_caches_for`].
pub fn evict_caches() {
    typst::comemo::evict(CACHE_AGE.load(Ordering::Relaxed));
}

/// Lays out the document of `world`. Any warning (an unknown font, a
/// missing glyph, layout that did not converge) would silently degrade an
/// official report, so warnings are errors.
pub fn compile(world: &ReportWorld) -> Result<PagedDocument, Vec<Diagnostic>> {
    let warned = typst::compile::<PagedDocument>(world);
    let mut problems: Vec<Diagnostic> = warned
        .warnings
        .iter()
        .map(|w| engine_diagnostic(world, w))
        .collect();
    match warned.output {
        Ok(doc) if problems.is_empty() => Ok(doc),
        Ok(_) => Err(problems),
        Err(errors) => {
            problems.extend(errors.iter().map(|e| engine_diagnostic(world, e)));
            Err(problems)
        }
    }
}

/// Lays out the document of `world` and writes the PDF/A-2a + PDF/UA-1
/// file; `ident` is hashed into its identifier.
pub fn layout(world: &ReportWorld, ident: &str) -> Result<Rendered, Vec<Diagnostic>> {
    layout_with(world, ident, None)
}

/// Like [`layout`]; `attachments` is how many files the template must
/// attach (`Some` makes the PDF PDF/A-3a + PDF/UA-1).
pub fn layout_with(
    world: &ReportWorld,
    ident: &str,
    attachments: Option<usize>,
) -> Result<Rendered, Vec<Diagnostic>> {
    let started = std::time::Instant::now();
    let document = compile(world)?;
    let compiled = started.elapsed();
    if let Some(expected) = attachments {
        let found = document
            .introspector()
            .query(&AttachElem::ELEM.select())
            .len();
        if found != expected {
            return Err(vec![
                Diagnostic::plain(m::template_attached(found, expected))
                    .with_help(m::template_attached_help()),
            ]);
        }
    }
    let archival = if attachments.is_some() {
        PdfStandard::A_3a
    } else {
        PdfStandard::A_2a
    };
    let options = PdfOptions {
        ident: Smart::Custom(format!("studietur/{ident}")),
        creator: Smart::Custom(Some(CREATOR.to_string())),
        timestamp: None,
        page_ranges: None,
        standards: PdfStandards::new(&[archival, PdfStandard::Ua_1])
            .map_err(|e| vec![Diagnostic::plain(m::pdf_standards(e.message().to_string()))])?,
        tagged: true,
        pretty: false,
    };
    let pdf = typst_pdf::pdf(&document, &options).map_err(|errors| {
        errors
            .iter()
            .map(|e| engine_diagnostic(world, e))
            .collect::<Vec<_>>()
    })?;
    Ok(Rendered {
        pdf: crate::pdf_eol::fix_stream_eols(pdf),
        pages: document.pages().len(),
        layout_time: compiled,
        pdf_time: started.elapsed() - compiled,
    })
}

/// Lays out `trip` with `template`: the pages, not yet written out.
pub fn document(trip: &Trip, template: &Template) -> Result<PagedDocument, Vec<Diagnostic>> {
    let world = ReportWorld::new(
        template.clone(),
        generated_files(trip)?,
        trip.document_date(),
    );
    let document = compile(&world);
    evict_caches();
    document
}

/// One page as SVG.
pub fn page_svg(page: &Page) -> String {
    typst_svg::svg(page, &typst_svg::SvgOptions::default())
}

/// One page as PNG at `ppi` pixels per inch.
pub fn page_png(page: &Page, ppi: f32) -> Result<Vec<u8>, Diagnostic> {
    let options = typst_render::RenderOptions {
        pixel_per_pt: typst::utils::Scalar::new(f64::from(ppi) / 72.0),
        ..Default::default()
    };
    typst_render::render(page, &options)
        .encode_png()
        .map_err(|e| Diagnostic::plain(m::png_unencodable(e.to_string())))
}

/// Lays out `trip` and draws each page as PNG (at `ppi` pixels per inch)
/// or SVG, for a quick look or a web page.
pub fn page_images(
    trip: &Trip,
    template: &Template,
    format: Format,
    ppi: f32,
) -> Result<Vec<Vec<u8>>, Vec<Diagnostic>> {
    let document = document(trip, template)?;
    let pages = document.pages().iter();
    match format {
        Format::Png => pages
            .map(|p| page_png(p, ppi).map_err(|d| vec![d]))
            .collect(),
        Format::Svg => Ok(pages.map(|p| page_svg(p).into_bytes()).collect()),
    }
}

/// Turns an error of the layout engine into a diagnostic located in the
/// template, never a raw dump.
fn engine_diagnostic(world: &ReportWorld, d: &SourceDiagnostic) -> Diagnostic {
    let mut message = d.message.to_string();
    if !message.ends_with('.') {
        message.push('.');
    }
    let mut diag = match d.span.id().and_then(|id| Some((id, world.range(d.span)?))) {
        Some((id, range)) => match world.source(id) {
            Ok(source) => {
                let file = SourceFile {
                    name: world.template().display_name(id.vpath()),
                    text: source.text().into(),
                };
                let msg = if d.severity == typst::diag::Severity::Warning {
                    m::in_template_warning(message)
                } else {
                    m::in_template(message)
                };
                Diagnostic::error(&file, range, msg)
            }
            Err(_) => Diagnostic::plain(m::while_laying_out(message)),
        },
        None => Diagnostic::plain(m::while_laying_out(message)),
    };
    let hints: Vec<String> = d.hints.iter().map(|h| h.v.to_string()).collect();
    if !hints.is_empty() {
        diag = diag.with_help(m::engine_hints(hints.join("; ")));
    }
    diag
}
