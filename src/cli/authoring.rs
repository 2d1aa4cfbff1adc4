//! Writing trip files and templates: `studietur new`, `schema` and
//! `template export|list`.

use super::args::LangArg;
use super::failure::{Failure, Outcome};
use super::language;
use crate::files::write_atomic;
use crate::locale::Lang;
use crate::messages::{cli as m, making};
use crate::scaffold::NewTrip;
use clap::{Args, Subcommand};
use std::path::{Path, PathBuf};

/// `studietur new`.
#[derive(Debug, Args)]
pub struct NewArgs {
    /// The file to write (refused if it exists).
    file: PathBuf,
    /// Where the trip goes.
    #[arg(long)]
    destination: String,
    /// First day (2025-05-12).
    #[arg(long, value_parser = parse_date)]
    start: chrono::NaiveDate,
    /// Last day (default: the first, a one-day visit).
    #[arg(long, value_parser = parse_date)]
    end: Option<chrono::NaiveDate>,
    /// The committee; default: that of the other trip files in the folder.
    #[arg(long)]
    committee: Option<String>,
    /// The municipality; default: that of the other trip files in the
    /// folder.
    #[arg(long)]
    municipality: Option<String>,
    #[command(flatten)]
    pub(super) lang: LangArg,
}

/// Reads a date as the trip file writes it, and says how when it is
/// written another way (`17/4/2023`).
fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    if let Ok(d) = s.parse::<chrono::NaiveDate>() {
        return Ok(d);
    }
    let message = match crate::locale::read_written_date(s) {
        Some(d) => m::date_as(crate::locale::message_date(d)),
        None => m::date_format(),
    };
    Err(message.in_lang(language::from_env()))
}

/// The committee and municipality of the newest other trip file in
/// `folder` (by file name, which starts with the year), and its path.
fn from_other_trips(folder: &Path) -> Option<(String, String, PathBuf)> {
    let (files, _) = crate::inputs::expand(&[folder.to_path_buf()]);
    files.iter().rev().find_map(|f| {
        let text = std::fs::read_to_string(f).ok()?;
        let table: toml::Table = toml::from_str(&text).ok()?;
        let trip = table.get("trip")?;
        let get = |k: &str| trip.get(k)?.as_str().map(str::to_string);
        Some((get("committee")?, get("municipality")?, f.clone()))
    })
}

/// `studietur template …`.
#[derive(Debug, Subcommand)]
pub enum TemplateAction {
    /// Write a built-in template's files into DIR, to change it and build
    /// with `--template DIR`.
    Export {
        /// Folder to write into (created; must not hold a main.typ yet).
        dir: PathBuf,
        /// Which built-in template.
        #[arg(long, default_value = "report")]
        name: String,
    },
    /// List the built-in templates.
    List,
}

/// The schema file of the repository a user works in, if there is one.
pub const SCHEMA_PATH: &str = "schema/trip-format-1.json";

/// `studietur schema`.
pub fn schema() -> Outcome {
    println!("{:#}", crate::check::schema::json_schema());
    Ok(())
}

/// `studietur new FILE …`, speaking `lang`.
pub fn new(a: NewArgs, lang: Lang) -> Outcome {
    let file = a.file.as_path();
    let (committee, municipality) = match (a.committee, a.municipality) {
        (Some(c), Some(mu)) => (c, mu),
        (c, mu) => {
            let folder = crate::files::folder_of(file);
            let Some((oc, om, from)) = from_other_trips(folder) else {
                return Err(Failure::usage(
                    m::which_committee(folder),
                    Some(m::which_committee_help()),
                ));
            };
            let (c, mu) = (c.unwrap_or(oc), mu.unwrap_or(om));
            eprintln!("{}", m::took_committee(&c, &mu, &from).in_lang(lang));
            (c, mu)
        }
    };
    let mut trip = NewTrip {
        destination: a.destination,
        start: a.start,
        end: a.end.unwrap_or(a.start),
        committee,
        municipality,
        schema: None,
    };
    if trip.end < trip.start {
        return Err(Failure::usage(
            m::end_before_start_flag(trip.end.to_string(), trip.start.to_string()),
            Some(m::end_before_start_flag_help()),
        ));
    }
    if file.exists() {
        return Err(Failure::plain(
            m::file_exists(file),
            Some(m::file_exists_help()),
        ));
    }
    // Point editors at the schema, relative to the new file, when the
    // current folder has one (a clone of the studietur repository does).
    if Path::new(SCHEMA_PATH).is_file() {
        let dir = file.parent().unwrap_or(Path::new(""));
        let depth = dir
            .components()
            .filter(|c| matches!(c, std::path::Component::Normal(_)))
            .count();
        trip.schema = Some(format!("{}{SCHEMA_PATH}", "../".repeat(depth)));
    }
    let text = crate::scaffold::skeleton(&trip);
    // Create the file only if it still does not exist.
    let written = std::fs::create_dir_all(crate::files::folder_of(file))
        .and_then(|()| {
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(file)
        })
        .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()));
    written.map_err(|e| Failure::plain(making::cannot_write(file, e), None))?;
    eprintln!("{}", m::wrote_trip(file).in_lang(lang));
    Ok(())
}

/// `studietur template list|export`, speaking `lang`.
pub fn template(action: TemplateAction, lang: Lang) -> Outcome {
    match action {
        TemplateAction::List => {
            for b in &crate::template::BUILTINS {
                println!("{:8} {}", b.name, b.about().in_lang(lang));
            }
            Ok(())
        }
        TemplateAction::Export { dir, name } => {
            let Some(b) = crate::template::BUILTINS.iter().find(|b| b.name == name) else {
                return Err(Failure::usage(
                    m::no_builtin_template(&name),
                    Some(m::no_builtin_template_help()),
                ));
            };
            if dir.join("main.typ").exists() {
                return Err(Failure::plain(
                    m::holds_main(&dir),
                    Some(m::holds_main_help()),
                ));
            }
            for (rel, text) in b.files {
                write_atomic(&dir.join(rel), text.as_bytes())
                    .map_err(|e| Failure::plain(making::cannot_write(&dir.join(rel), e), None))?;
            }
            eprintln!("{}", m::wrote_template(&name, &dir).in_lang(lang));
            Ok(())
        }
    }
}
