//! Building a report the way the archive records it: through the
//! [`pipeline`](crate::pipeline), with the template named relative to the
//! archive.

use super::manifest::Version;
use crate::diagnostic::Diagnostic;
use crate::digest::sha256_hex;
use crate::files::relative;
use crate::messages::{Msg, archive as m};
use crate::pipeline::{self, Job, Output, Product};
use crate::provenance::Recipe;
use crate::template::Template;
use crate::trip::Trip;
use std::path::Path;

/// A report built from its source, with what the manifest records of it.
pub struct Built {
    /// The checked trip.
    pub trip: Trip,
    /// The PDF.
    pub pdf: Vec<u8>,
    /// The web page, when asked for.
    pub web: Option<crate::web::WebPage>,
    /// What the manifest records (its `pdf` is still empty).
    pub version: Version,
    /// Warnings.
    pub warnings: Vec<Diagnostic>,
}

/// The recipe of the archive in `archive`: `template`, named as the
/// manifest names it, with or without the sources attached.
pub fn recipe(template: Template, archive: &Path, embed_source: bool) -> Result<Recipe, Msg> {
    let name = match &template {
        Template::Builtin(b) => b.name.to_string(),
        Template::Dir(dir) => relative(dir, archive),
    };
    Ok(Recipe::new(template, None, embed_source)?.named(name))
}

/// The template a manifest entry names.
pub fn template_of(version: &Version, archive: &Path) -> Result<Template, Msg> {
    let name = &version.made_from.template;
    if let Some(b) = crate::template::BUILTINS.iter().find(|b| b.name == name) {
        return Ok(Template::Builtin(b));
    }
    Template::dir(&archive.join(name))
}

/// Checks and builds the trip file `input` with `recipe`, and its web page
/// when `html`.
pub fn build(input: &Path, recipe: &Recipe, html: bool) -> Result<Built, Vec<Diagnostic>> {
    let output = if html {
        Output::Web { pdf: true }
    } else {
        Output::Pdf
    };
    let built = pipeline::run(&Job::new(input, recipe, output))?;
    let (rendered, web) = match built.product {
        Product::Pdf(r) => (r, None),
        Product::Web { pdf: Some(r), page } => (r, Some(page)),
        _ => return Err(vec![Diagnostic::plain(m::pdf_asked())]),
    };
    let archival = if recipe.embed_source {
        "PDF/A-3a"
    } else {
        "PDF/A-2a"
    };
    let version = Version {
        pdf: String::new(),
        pdf_sha256: sha256_hex(&rendered.pdf),
        pages: rendered.pages,
        standards: vec![archival.into(), "PDF/UA-1".into()],
        case: built.trip.case.clone(),
        made_from: built.provenance,
        html: None,
    };
    Ok(Built {
        trip: built.trip,
        pdf: rendered.pdf,
        web,
        version,
        warnings: built.warnings,
    })
}
