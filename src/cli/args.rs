//! Arguments that several commands share, defined once and flattened into
//! each (`#[command(flatten)]`); `--template` is parsed into a
//! [`Template`] here, once.

use crate::locale::Lang;
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
    Template::named_or_dir(s)
}

/// Reads `--lang`: da or en.
pub fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::from_code(s).ok_or_else(|| "write da (Danish) or en (English)".into())
}

/// Reads `--ppi`: 10 to 1200.
pub fn parse_ppi(s: &str) -> Result<f32, String> {
    match s.parse::<f32>() {
        Ok(v) if (10.0..=1200.0).contains(&v) => Ok(v),
        _ => Err("write a number of pixels per inch from 10 to 1200, like 144".into()),
    }
}
