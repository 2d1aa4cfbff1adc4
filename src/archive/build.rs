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

/// Checks and builds the trip file `input` with `recipe`.
pub fn build(input: &Path, recipe: &Recipe) -> Result<Built, Vec<Diagnostic>> {
    let built = pipeline::run(&Job::new(input, recipe, Output::Pdf))?;
    let Product::Pdf(rendered) = built.product else {
        return Err(vec![Diagnostic::plain(m::pdf_asked())]);
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
    };
    Ok(Built {
        trip: built.trip,
        pdf: rendered.pdf,
        version,
        warnings: built.warnings,
    })
}
