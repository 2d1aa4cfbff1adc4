//! Provenance: what a report was made from, as the SHA-256 of exactly the
//! bytes that went in — the trip file, each file it names as read for the
//! render, the template, the fonts, the studietur version and the options
//! that change the output. The skip-unchanged cache and the archive's
//! manifest both record it, and one rule ([`Provenance::unchanged`])
//! decides whether a report would come out the same today.

use crate::digest::{sha256_hex, sha256_parts};
use crate::locale::Lang;
use crate::messages::Msg;
use crate::photos::PhotoBox;
use crate::template::Template;
use crate::trip::Trip;
use serde::{Deserialize, Serialize};
use std::path::Path;
use std::sync::LazyLock;

/// The studietur that makes the reports.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

static FONTS: LazyLock<String> =
    LazyLock::new(|| sha256_parts(crate::fonts::all().iter().map(|f| f.data().as_slice())));

/// The SHA-256 over the built-in fonts.
pub fn fonts_sha256() -> &'static str {
    &FONTS
}

/// What decides a report's bytes besides the trip file and the files it
/// names: the template (and its photo box) and the options that change the
/// output. Made once per run.
#[derive(Debug, Clone)]
pub struct Recipe {
    /// The layout.
    pub template: Template,
    /// How the template is named in records: a built-in name, or a path.
    pub template_name: String,
    /// SHA-256 over the template's file names and contents.
    pub template_sha256: String,
    /// The box photos are prepared for (from the template's `template.toml`).
    pub photo_box: PhotoBox,
    /// Labels in this language, whatever the trip's (`--lang`).
    pub lang: Option<Lang>,
    /// The sources are attached to the PDF (`--embed-source`).
    pub embed_source: bool,
}

impl Recipe {
    /// The recipe of `template` with these options; the template is read
    /// and hashed now. The error says what is wrong with the template.
    pub fn new(template: Template, lang: Option<Lang>, embed_source: bool) -> Result<Recipe, Msg> {
        let photo_box = template.photo_box()?;
        let template_sha256 = template_sha256(&template)
            .map_err(|e| crate::messages::making::cannot_read_folder(template.name(), e))?;
        Ok(Recipe {
            template_name: template.name(),
            template_sha256,
            template,
            photo_box,
            lang,
            embed_source,
        })
    }

    /// The same recipe, with the template named `name` in records.
    pub fn named(mut self, name: String) -> Recipe {
        self.template_name = name;
        self
    }
}

/// A SHA-256 over a template's file names and contents; the error when a
/// file of it cannot be read (a hash of less would call a changed template
/// unchanged).
pub fn template_sha256(template: &Template) -> std::io::Result<String> {
    let files = template.files()?;
    Ok(sha256_parts(files.iter().flat_map(|(name, data)| {
        [name.as_bytes(), data.as_slice()]
    })))
}

/// A file a report was made from, with the SHA-256 of its content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileHash {
    /// The path as written in the trip file (relative to its folder).
    pub path: String,
    /// SHA-256 of its content, hex.
    pub sha256: String,
}

/// What one report was made from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// The studietur that built it.
    pub studietur_version: String,
    /// SHA-256 over its built-in fonts.
    #[serde(default)]
    pub fonts_sha256: String,
    /// The template: a built-in name, or a folder.
    pub template: String,
    /// SHA-256 over the template's file names and contents.
    pub template_sha256: String,
    /// The labels' language when forced (`--lang`), else none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Whether the sources are attached to the PDF (PDF/A-3a).
    pub embed_source: bool,
    /// SHA-256 of the trip file.
    pub trip_sha256: String,
    /// Every file the trip file names, with the SHA-256 of the bytes read.
    pub files: Vec<FileHash>,
}

impl Provenance {
    /// The provenance of `trip`, checked from `trip_bytes`, made with
    /// `recipe`: the files' hashes are those of the bytes read for it.
    pub fn of(trip_bytes: &[u8], trip: &Trip, recipe: &Recipe) -> Provenance {
        Provenance {
            studietur_version: VERSION.into(),
            fonts_sha256: fonts_sha256().into(),
            template: recipe.template_name.clone(),
            template_sha256: recipe.template_sha256.clone(),
            lang: recipe.lang.map(|l| l.code().into()),
            embed_source: recipe.embed_source,
            trip_sha256: sha256_hex(trip_bytes),
            files: trip
                .pictures()
                .into_iter()
                .map(|p| FileHash {
                    path: p.file.clone(),
                    sha256: p.sha256.clone(),
                })
                .collect(),
        }
    }

    /// Whether building `trip_path` with `recipe` now would use exactly
    /// what this records: the same studietur, fonts, template and options,
    /// and a trip file and named files whose content hashes as recorded. A
    /// file that cannot be read counts as changed.
    pub fn inputs_unchanged(&self, trip_path: &Path, recipe: &Recipe) -> bool {
        self.same_engine() && self.sources_unchanged(trip_path, recipe)
    }

    /// Whether this studietur (its version and fonts) made it.
    pub fn same_engine(&self) -> bool {
        self.studietur_version == VERSION && self.fonts_sha256 == fonts_sha256()
    }

    /// Whether everything besides the studietur that built it is as
    /// recorded: the template, the options, the trip file and the files it
    /// names.
    pub fn sources_unchanged(&self, trip_path: &Path, recipe: &Recipe) -> bool {
        let hash = |p: &Path| std::fs::read(p).ok().map(|d| sha256_hex(&d));
        let folder = crate::files::folder_of(trip_path);
        self.template_sha256 == recipe.template_sha256
            && self.lang.as_deref() == recipe.lang.map(Lang::code)
            && self.embed_source == recipe.embed_source
            && hash(trip_path).is_some_and(|h| h == self.trip_sha256)
            && self
                .files
                .iter()
                .all(|f| hash(&folder.join(&f.path)).is_some_and(|h| h == f.sha256))
    }

    /// The one rule of "unchanged": the inputs are unchanged (see
    /// [`Provenance::inputs_unchanged`]) and the output made from them,
    /// `output`, is intact (its content hashes as `output_sha256`).
    pub fn unchanged(
        &self,
        trip_path: &Path,
        recipe: &Recipe,
        output: &Path,
        output_sha256: &str,
    ) -> bool {
        self.inputs_unchanged(trip_path, recipe)
            && std::fs::read(output).is_ok_and(|d| sha256_hex(&d) == output_sha256)
    }
}
