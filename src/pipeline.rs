//! The one build pipeline: a trip file is read once, checked into a trip
//! (its named files read once each, hashed as read), laid out and written
//! out in memory, with the [`Provenance`] of exactly the bytes that went
//! in. `build`, `check`, `watch`, `archive` and `verify` all call [`run`];
//! what to do with the result (write it, record it) is theirs.

use crate::check::{self, Settings};
use crate::diagnostic::Diagnostic;
use crate::provenance::{Provenance, Recipe};
use crate::render::{self, Format, Rendered};
use crate::trip::Trip;
use std::path::Path;

/// What to make of a trip.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Output {
    /// Nothing: check only.
    Check,
    /// The PDF report.
    Pdf,
    /// The laid-out pages, not written out (for a live preview).
    Document,
    /// The web page, and with `pdf` the PDF it links to.
    Web {
        /// Also the PDF (built first; the page links to it).
        pdf: bool,
    },
    /// An image per page.
    Pages {
        /// PNG or SVG.
        format: Format,
        /// Pixels per inch of PNG pages.
        ppi: f32,
    },
}

/// A called-back look at the checked trip before it is laid out (a seam
/// for tests: a photo changed during a build).
pub type Hook<'a> = &'a (dyn Fn(&Trip) + Sync);

/// One trip file to build.
#[derive(Clone, Copy)]
pub struct Job<'a> {
    /// The trip file, shown in messages as given.
    pub trip: &'a Path,
    /// How to build it.
    pub recipe: &'a Recipe,
    /// What to make.
    pub output: Output,
    /// Warnings fail the build.
    pub deny_warnings: bool,
    /// Called with the checked trip before it is laid out.
    pub on_checked: Option<Hook<'a>>,
}

impl<'a> Job<'a> {
    /// A job for `trip` with `recipe` making `output`; warnings allowed.
    pub fn new(trip: &'a Path, recipe: &'a Recipe, output: Output) -> Self {
        Job {
            trip,
            recipe,
            output,
            deny_warnings: false,
            on_checked: None,
        }
    }
}

/// What a job made.
#[derive(Debug)]
pub enum Product {
    /// Nothing (a check).
    Checked,
    /// The PDF.
    Pdf(Rendered),
    /// The pages as images.
    Pages(Vec<Vec<u8>>),
    /// The laid-out pages.
    Document(Box<typst_layout::PagedDocument>),
    /// The web page, and the PDF when asked for.
    Web {
        /// The PDF.
        pdf: Option<Rendered>,
        /// The page.
        page: crate::web::WebPage,
    },
}

/// A built report.
#[derive(Debug)]
pub struct Built {
    /// The checked trip (with the labels' language of the recipe).
    pub trip: Trip,
    /// The trip file's bytes, as read.
    pub trip_bytes: Vec<u8>,
    /// Warnings (errors fail the job).
    pub warnings: Vec<Diagnostic>,
    /// What was made.
    pub product: Product,
    /// What it was made from.
    pub provenance: Provenance,
}

/// Runs `job`: reads the trip file and builds it. The error holds every
/// diagnostic (warnings included).
pub fn run(job: &Job) -> Result<Built, Vec<Diagnostic>> {
    let bytes = std::fs::read(job.trip).map_err(|e| vec![check::unreadable(job.trip, &e)])?;
    run_bytes(job, bytes)
}

/// Runs `job` on the trip file's `bytes` (already read).
pub fn run_bytes(job: &Job, bytes: Vec<u8>) -> Result<Built, Vec<Diagnostic>> {
    let recipe = job.recipe;
    let settings = Settings {
        photo_box: recipe.photo_box,
        keep_sources: recipe.embed_source
            && matches!(job.output, Output::Pdf | Output::Web { pdf: true }),
    };
    let checked = check::check_bytes(
        &job.trip.display().to_string(),
        &bytes,
        crate::files::folder_of(job.trip),
        settings,
    );
    let mut diagnostics = checked.diagnostics;
    let Some(mut trip) = checked.trip else {
        return Err(diagnostics);
    };
    if job.deny_warnings && !diagnostics.is_empty() {
        return Err(diagnostics);
    }
    if let Some(lang) = recipe.lang {
        trip.labels = lang;
    }
    let provenance = Provenance::of(&bytes, &trip, recipe);
    if let Some(hook) = job.on_checked {
        hook(&trip);
    }
    let stem = crate::files::stem_of(job.trip);
    let product = match job.output {
        Output::Check => Ok(Product::Checked),
        Output::Pdf => pdf(job, &bytes, &trip, &stem, &mut diagnostics).map(Product::Pdf),
        Output::Document => {
            render::document(&trip, &recipe.template).map(|d| Product::Document(Box::new(d)))
        }
        Output::Web { pdf: with_pdf } => web(job, &bytes, &trip, &stem, with_pdf, &mut diagnostics),
        Output::Pages { format, ppi } => {
            render::page_images(&trip, &recipe.template, format, ppi).map(Product::Pages)
        }
    };
    match product {
        Ok(product) => Ok(Built {
            trip,
            trip_bytes: bytes,
            warnings: diagnostics,
            product,
            provenance,
        }),
        Err(errors) => {
            diagnostics.extend(errors);
            Err(diagnostics)
        }
    }
}

/// The web page of `trip`, after its PDF when `with_pdf` (the page then
/// links to it, `../<stem>.pdf`).
fn web(
    job: &Job,
    bytes: &[u8],
    trip: &Trip,
    stem: &str,
    with_pdf: bool,
    warnings: &mut Vec<Diagnostic>,
) -> Result<Product, Vec<Diagnostic>> {
    let pdf = match with_pdf {
        true => Some(pdf(job, bytes, trip, stem, warnings)?),
        false => None,
    };
    let link = pdf.as_ref().map(|r| crate::web::PdfLink {
        href: format!("../{stem}.pdf"),
        pages: r.pages,
        bytes: r.pdf.len(),
    });
    let page = crate::web::make(trip, &job.recipe.template, link.as_ref())?;
    Ok(Product::Web { pdf, page })
}

fn pdf(
    job: &Job,
    bytes: &[u8],
    trip: &Trip,
    stem: &str,
    warnings: &mut Vec<Diagnostic>,
) -> Result<Rendered, Vec<Diagnostic>> {
    let (sources, warning) =
        crate::embed::for_build(job.recipe.embed_source, job.trip, bytes, trip)
            .map_err(|d| vec![d])?;
    warnings.extend(warning);
    render::render_with(trip, &job.recipe.template, stem, sources.as_ref())
}
