//! Arguments that several commands share, defined once and flattened into
//! each (`#[command(flatten)]`); `--template` is parsed into a
//! [`Template`] here, once. What a value parser says of a wrong value is
//! worded in the environment's language (`--lang` is not read yet then).

use super::language;
use crate::locale::Lang;
use crate::messages::cli as m;
use crate::template::Template;
use clap::Args;
use std::path::PathBuf;

/// Trip files or folders, default `trips/`.
#[derive(Debug, Args)]
pub struct Inputs {
    /// Trip files, or folders whose *.toml files are used.
    #[arg(default_value = "trips")]
    pub inputs: Vec<PathBuf>,
}

/// `--template NAME|DIR`.
#[derive(Debug, Args)]
pub struct TemplateArg {
    /// A built-in template by name (report, compact) or a template folder
    /// with main.typ; default: report.
    #[arg(long, value_name = "NAME|DIR", value_parser = parse_template)]
    pub template: Option<Template>,
}

impl TemplateArg {
    /// The template named, or the default.
    pub fn get(&self) -> Template {
        self.template.clone().unwrap_or_default()
    }
}

/// `--deny-warnings`.
#[derive(Debug, Args)]
pub struct DenyWarnings {
    /// Fail on warnings too.
    #[arg(long)]
    pub deny_warnings: bool,
}

/// `--lang da|en`: the language of the command's messages (default: the
/// environment's, see [`language`]).
#[derive(Debug, Args)]
pub struct LangArg {
    /// The language of the messages: da or en (default: from LC_ALL,
    /// LC_MESSAGES or LANG; Danish for da_*).
    #[arg(long, global = true, value_parser = parse_lang)]
    pub lang: Option<Lang>,
}

/// `--embed-source`.
#[derive(Debug, Args)]
pub struct EmbedSource {
    /// Attach the trip file and the files it names (up to 4 MB each) to
    /// the PDF, which is then PDF/A-3a + PDF/UA-1; `studietur extract`
    /// gets them back.
    #[arg(long)]
    pub embed_source: bool,
}

fn parse_template(s: &str) -> Result<Template, String> {
    Template::named_or_dir(s).map_err(|e| e.in_lang(language::from_env()))
}

/// Reads `--lang`: da or en.
pub fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::from_code(s).ok_or_else(|| m::lang_values().in_lang(language::from_env()))
}

/// Reads `--ppi`: 10 to 1200.
pub fn parse_ppi(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(v) if (10.0..=1200.0).contains(&v) => Ok(v),
        _ => Err(m::ppi_values().in_lang(language::from_env())),
    }
}
