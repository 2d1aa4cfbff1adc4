//! Checking: the text of a trip file becomes a checked [`Trip`], or a list
//! of diagnostics that name the file, line and column and say what to write
//! instead. Referenced files are read here, once, and only from inside the
//! trip file's folder.

use crate::diagnostic::{Diagnostic, SourceFile};
use crate::fonts;
use crate::locale::Lang;
use crate::markdown;
use crate::model::{self, Text};
use crate::money::{Amount, AmountError};
use crate::structure;
use crate::trip::{self, Trip, Vat};
use chrono::NaiveDate;
use serde::Deserialize;
use std::collections::HashSet;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};
use toml::Spanned;
use typst::foundations::Bytes;

/// The result of checking one file: the trip (when there were no errors)
/// and every diagnostic, errors and warnings.
#[derive(Debug)]
pub struct Checked {
    /// The trip, when no error was found.
    pub trip: Option<Trip>,
    /// Errors and warnings, in file order.
    pub diagnostics: Vec<Diagnostic>,
}

impl Checked {
    fn failed(mut diagnostics: Vec<Diagnostic>) -> Self {
        diagnostics.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
        Checked {
            trip: None,
            diagnostics,
        }
    }
}

/// Reads and checks the trip file at `path`. `path` is shown in messages as
/// given.
pub fn check_file(path: &Path) -> Checked {
    let name = path.display().to_string();
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            return Checked::failed(vec![
                Diagnostic::plain(format!("cannot read `{name}`: {e}"))
                    .with_help("give the path of a trip file (.toml) or of a folder of them"),
            ]);
        }
    };
    check_bytes(&name, &bytes, crate::batch::folder_of(path))
}

/// Checks a trip file's bytes; `dir` is the folder its relative paths
/// resolve against.
pub fn check_bytes(name: &str, bytes: &[u8], dir: &Path) -> Checked {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(t) => t,
        Err(e) => {
            let good = e.valid_up_to();
            let valid = String::from_utf8_lossy(&bytes[..good]).into_owned();
            let file = SourceFile {
                name: name.to_string(),
                text: valid.into(),
            };
            let (line, col) = file.line_col(good);
            return Checked::failed(vec![
                Diagnostic::error(
                    &file,
                    good..good,
                    format!(
                        "the file is not UTF-8: byte 0x{:02X} at line {line}, column {col} is not valid UTF-8",
                        bytes[good]
                    ),
                )
                .with_help("save the file as UTF-8 (in most editors: Save as… → Encoding: UTF-8)"),
            ]);
        }
    };
    let file = SourceFile {
        name: name.to_string(),
        text: text.into(),
    };
    // 1. Syntax: every error the parser can recover from, at once.
    let (mut doc, syntax) = toml::de::DeTable::parse_recoverable(text);
    if !syntax.is_empty() {
        return Checked::failed(syntax.iter().map(|e| syntax_error(&file, e)).collect());
    }
    // 2. Shape: unknown keys (removed and reported), missing keys, types.
    let shape = structure::check(&file, &mut doc, &structure::FILE);
    if shape.fatal {
        return Checked::failed(shape.diagnostics);
    }
    // 3. Values.
    let raw = match model::TripFile::deserialize(toml::de::Deserializer::from(doc)) {
        Ok(raw) => raw,
        Err(e) => {
            let mut diagnostics = shape.diagnostics;
            diagnostics.push(toml_error(&file, &e));
            return Checked::failed(diagnostics);
        }
    };
    let dir = match dir.canonicalize() {
        Ok(d) => d,
        Err(e) => {
            return Checked::failed(vec![Diagnostic::plain(format!(
                "cannot open the folder of `{name}`: {e}"
            ))]);
        }
    };
    let mut cx = Checker {
        file,
        dir,
        diags: shape.diagnostics,
    };
    let trip = cx.trip(raw);
    let mut diagnostics = cx.diags;
    diagnostics.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
    let trip = trip.filter(|_| !diagnostics.iter().any(Diagnostic::is_error));
    Checked { trip, diagnostics }
}

/// The closest known key to `word`, if it is close.
pub fn did_you_mean<'a>(
    word: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::damerau_levenshtein(word, c), c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 3) && *d < c.len())
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

fn toml_error(file: &SourceFile, e: &toml::de::Error) -> Diagnostic {
    let message = e.message().trim().to_string();
    let span = e.span().unwrap_or(0..0);
    let mut d = Diagnostic::error(file, span, first_sentence(&message));
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let word = rest.split('`').next().unwrap_or("");
        let expected: Vec<&str> = message
            .split("expected ")
            .nth(1)
            .map(|s| s.split('`').skip(1).step_by(2).collect())
            .unwrap_or_default();
        let candidates = if expected.is_empty() {
            structure::key_names()
        } else {
            expected.clone()
        };
        let help = match did_you_mean(word, candidates) {
            Some(s) => format!("did you mean `{s}`?"),
            None if !expected.is_empty() => format!(
                "this table takes {}",
                expected
                    .iter()
                    .map(|k| format!("`{k}`"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            None => "remove the key, or check its spelling in trip-format.md".into(),
        };
        d = d.with_help(help);
    } else if let Some(rest) = message.strip_prefix("missing field `") {
        let key = rest.split('`').next().unwrap_or("");
        d = d.with_help(format!("add `{key} = …` to this table"));
    } else if message.contains("expected a TOML datetime") || message.contains("expected a date") {
        d = d.with_help("write the date without quotes, like 2023-04-17");
    } else if message.contains("number") || message.contains("integer") {
        d = d.with_help(
            "write an amount like 31300, or kroner with øre after a point (\"1150.50\")",
        );
    } else {
        d = d.with_help("see trip-format.md for what this key takes");
    }
    d
}

fn syntax_error(file: &SourceFile, e: &toml::de::Error) -> Diagnostic {
    let message = e.message().trim();
    let first = first_sentence(message);
    let span = e.span().unwrap_or(0..0);
    let lower = message.to_lowercase();
    let help = if lower.contains("duplicate key") {
        "a key may appear once in a table; a table that repeats (a day, a section, an item) is written [[…]]"
    } else if lower.contains("string") || lower.contains("quote") {
        "text goes in double quotes, \"like this\"; a text over several lines goes in triple quotes \"\"\"…\"\"\""
    } else if lower.contains("date") || lower.contains("time") {
        "write dates as 2023-04-17 (year-month-day, no quotes)"
    } else if lower.contains("table") {
        "a table header is [name] or [[name]] on a line of its own"
    } else {
        "each line is `key = value`: text in \"quotes\", numbers and dates (2023-04-17) without"
    };
    let rest: Vec<&str> = message
        .lines()
        .skip(1)
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let help = if rest.is_empty() {
        help.to_string()
    } else {
        format!("{}; {help}", rest.join("; "))
    };
    Diagnostic::error(
        file,
        span,
        format!("the TOML syntax is broken here: {first}"),
    )
    .with_help(help)
}

fn first_sentence(message: &str) -> String {
    message.lines().next().unwrap_or(message).to_string()
}

struct Checker {
    file: SourceFile,
    dir: PathBuf,
    diags: Vec<Diagnostic>,
}

impl Checker {
    fn error(&mut self, span: Range<usize>, message: impl Into<String>, help: impl Into<String>) {
        let d = Diagnostic::error(&self.file, span, message).with_help(help);
        self.diags.push(d);
    }

    fn warning(&mut self, span: Range<usize>, message: impl Into<String>, help: impl Into<String>) {
        let d = Diagnostic::warning(&self.file, span, message).with_help(help);
        self.diags.push(d);
    }

    /// A text value that must not be empty and must be printable.
    fn text(&mut self, key: &str, t: &Text) -> String {
        let value = t.get_ref();
        if value.trim().is_empty() {
            self.error(
                t.span(),
                format!("`{key}` is empty"),
                format!("write the {key}, or leave the key out if it is optional"),
            );
        }
        self.printable(key, t);
        value.trim().to_string()
    }

    fn opt_text(&mut self, key: &str, t: &Option<Text>) -> Option<String> {
        t.as_ref().map(|t| self.text(key, t))
    }

    /// Refuses characters the built-in fonts have no glyph for.
    fn printable(&mut self, key: &str, t: &Text) {
        let missing = fonts::missing_chars(t.get_ref());
        if !missing.is_empty() {
            let list: Vec<String> = missing
                .iter()
                .map(|c| format!("`{c}` (U+{:04X})", *c as u32))
                .collect();
            self.error(
                t.span(),
                format!("`{key}` has characters the report's font cannot print: {}", list.join(", ")),
                format!("replace them, or describe them in words; the font ({}) covers Latin, Greek and Cyrillic", fonts::FAMILY),
            );
        }
    }

    /// A Markdown `text` value.
    fn markdown(&mut self, key: &str, t: &Text) -> Vec<markdown::Block> {
        let value = t.get_ref();
        if value.trim().is_empty() {
            self.error(
                t.span(),
                format!("`{key}` is empty"),
                "write the text; paragraphs are separated by a blank line",
            );
            return Vec::new();
        }
        self.printable(key, t);
        match markdown::parse(value) {
            Ok(blocks) => blocks,
            Err(errors) => {
                for e in errors {
                    let span = self.offset_in_string(t.span(), value, e.offset);
                    self.error(span, e.message, e.help);
                }
                Vec::new()
            }
        }
    }

    /// Maps an offset inside a string value to a byte range in the file,
    /// exactly where the string is written without escapes, else the value.
    fn offset_in_string(&self, span: Range<usize>, value: &str, offset: usize) -> Range<usize> {
        let raw = &self.file.text[span.clone()];
        if let Some(pos) = raw.find(value) {
            let at = span.start + pos + offset;
            return at..at + 1;
        }
        // A multi-line string may begin with a newline that TOML drops.
        span
    }

    fn date(&mut self, key: &str, d: &Spanned<toml::value::Datetime>) -> Option<NaiveDate> {
        let v = d.get_ref();
        let date = match (v.date, v.time, v.offset) {
            (Some(date), None, None) => NaiveDate::from_ymd_opt(
                i32::from(date.year),
                u32::from(date.month),
                u32::from(date.day),
            ),
            _ => None,
        };
        if date.is_none() {
            self.error(
                d.span(),
                format!("`{key}` must be a date without a time, but it is `{v}`"),
                "write a date like 2023-04-17",
            );
        }
        date
    }

    fn amount(&mut self, key: &str, v: &Spanned<toml::Value>) -> Option<Amount> {
        let literal = &self.file.text[v.span()];
        match v.get_ref() {
            toml::Value::Integer(_) | toml::Value::Float(_) | toml::Value::String(_) => {}
            other => {
                self.error(
                    v.span(),
                    format!(
                        "`{key}` must be an amount, but it is a {}",
                        other.type_str()
                    ),
                    "write a whole number (31300) or kroner with øre after a point (\"1150.50\")",
                );
                return None;
            }
        }
        match Amount::parse_literal(literal) {
            Ok(a) => Some(a),
            Err(e) => {
                let message = match &e {
                    AmountError::Negative => format!("`{key}` is negative: {literal}"),
                    _ => format!("`{key}`: {e}"),
                };
                self.error(v.span(), message, e.help());
                None
            }
        }
    }

    /// Reads an image file from inside the trip's folder.
    fn picture(
        &mut self,
        key: &str,
        file: &Text,
        alt: Option<&Text>,
        decorative: Option<&Spanned<bool>>,
        caption: Option<&Text>,
        span: Range<usize>,
    ) -> Option<trip::Picture> {
        let decorative = decorative.is_some_and(|d| *d.get_ref());
        let alt_text = match alt {
            Some(a) if !a.get_ref().trim().is_empty() => {
                self.printable("alt", a);
                Some(a.get_ref().trim().to_string())
            }
            Some(a) if !decorative => {
                self.error(
                    a.span(),
                    "`alt` is empty",
                    "describe what the image shows, for readers who cannot see it",
                );
                None
            }
            _ if decorative => None,
            _ => {
                self.error(
                    span.clone(),
                    format!("the {key} has no `alt` text"),
                    "add `alt = \"…\"` describing what the image shows (what a screen reader speaks), or `decorative = true` if it carries no information",
                );
                None
            }
        };
        let caption = caption.map(|c| self.text("caption", c));
        let (bytes, extension, aspect) = self.read_image(file)?;
        Some(trip::Picture {
            file: file.get_ref().clone(),
            bytes,
            extension,
            aspect,
            alt: if decorative { None } else { alt_text },
            caption,
        })
    }

    fn read_image(&mut self, file: &Text) -> Option<(Bytes, &'static str, f64)> {
        let written = file.get_ref();
        let rel = Path::new(written);
        let escapes = rel.is_absolute()
            || rel.components().any(|c| {
                matches!(
                    c,
                    Component::ParentDir | Component::RootDir | Component::Prefix(_)
                )
            });
        if written.trim().is_empty() {
            self.error(
                file.span(),
                "`file` is empty",
                "write the image's path relative to the trip file, like \"images/photo.jpg\"",
            );
            return None;
        }
        if escapes {
            self.error(
                file.span(),
                format!("`{written}` leads outside the trip file's folder"),
                "copy the image into the trip file's folder (e.g. images/) and write the path relative to it",
            );
            return None;
        }
        let full = self.dir.join(rel);
        let canonical = match full.canonicalize() {
            Ok(c) => c,
            Err(e) => {
                self.error(
                    file.span(),
                    format!("cannot open `{written}`: {}", io_reason(&e)),
                    "check the path; it is relative to the folder that holds the trip file",
                );
                return None;
            }
        };
        if !canonical.starts_with(&self.dir) {
            self.error(
                file.span(),
                format!("`{written}` is a link that leads outside the trip file's folder"),
                "copy the image itself into the trip file's folder instead of linking to it",
            );
            return None;
        }
        match std::fs::metadata(&canonical) {
            Ok(m) if m.is_file() => {}
            Ok(_) => {
                self.error(
                    file.span(),
                    format!("`{written}` is not a regular file"),
                    "give the path of an image file (PNG, JPEG, GIF, WebP or SVG)",
                );
                return None;
            }
            Err(e) => {
                self.error(
                    file.span(),
                    format!("cannot open `{written}`: {}", io_reason(&e)),
                    "check the file's permissions",
                );
                return None;
            }
        }
        let data = match std::fs::read(&canonical) {
            Ok(d) => d,
            Err(e) => {
                self.error(
                    file.span(),
                    format!("cannot read `{written}`: {}", io_reason(&e)),
                    "check the file's permissions",
                );
                return None;
            }
        };
        match crate::photos::prepare(&data) {
            Ok(p) => Some((p.bytes, p.extension, p.aspect)),
            Err(why) => {
                self.error(
                    file.span(),
                    format!("`{written}` is not an image the report can show: {why}"),
                    "use a PNG, JPEG, GIF, WebP or SVG file",
                );
                None
            }
        }
    }

    /// Prepares every image the file names in parallel, so that the checks
    /// below find them ready. Anything doubtful is left to those checks.
    fn prefetch_images(&self, raw: &model::TripFile) {
        let t = raw.trip.get_ref();
        let sections = raw
            .day
            .iter()
            .flat_map(|d| &d.get_ref().section)
            .chain(&raw.section);
        let files: Vec<PathBuf> = t
            .logo
            .iter()
            .map(|l| &l.get_ref().file)
            .chain(t.cover.iter().map(|c| &c.get_ref().file))
            .chain(sections.flat_map(|s| s.image.iter().map(|i| &i.get_ref().file)))
            .filter_map(|f| {
                let p = self.dir.join(f.get_ref()).canonicalize().ok()?;
                (p.starts_with(&self.dir) && p.is_file()).then_some(p)
            })
            .collect();
        if files.len() < 2 {
            return;
        }
        crate::parallel::map(&files, |f| {
            if let Ok(data) = std::fs::read(f) {
                let _ = crate::photos::prepare(&data);
            }
        });
    }

    fn trip(&mut self, raw: model::TripFile) -> Option<Trip> {
        self.prefetch_images(&raw);
        if let Some(format) = &raw.format {
            let ok = matches!(format.get_ref(), toml::Value::Integer(1));
            if !ok {
                let literal = self.file.text[format.span()].to_string();
                self.error(
                    format.span(),
                    format!("unknown `format` {literal}: this version of studietur reads format 1"),
                    "write `format = 1`, or leave the key out",
                );
            }
        }
        let t = raw.trip.get_ref();
        let lang = match &t.language {
            None => Lang::Da,
            Some(l) => Lang::from_code(l.get_ref()).unwrap_or_else(|| {
                self.error(
                    l.span(),
                    format!("unknown `language` \"{}\"", l.get_ref()),
                    "write \"da\" (Danish, the default) or \"en\" (English)",
                );
                Lang::Da
            }),
        };
        let committee = self.text("committee", &t.committee);
        let municipality = self.text("municipality", &t.municipality);
        let destination = self.text("destination", &t.destination);
        let country = self.opt_text("country", &t.country);
        let title = self.opt_text("title", &t.title);
        let subtitle = self.opt_text("subtitle", &t.subtitle);
        let start = self.date("start", &t.start);
        let end = self.date("end", &t.end);
        let published = t.published.as_ref().and_then(|p| self.date("published", p));
        if let (Some(s), Some(e)) = (start, end)
            && e < s
        {
            self.error(
                t.end.span(),
                format!(
                    "`end` ({}) is before `start` ({})",
                    Lang::En.date(e),
                    Lang::En.date(s)
                ),
                "`end` is the trip's last day; it cannot be before its first day",
            );
        }
        let logo = t.logo.as_ref().and_then(|l| {
            let v = l.get_ref();
            self.picture(
                "logo",
                &v.file,
                v.alt.as_ref(),
                v.decorative.as_ref(),
                None,
                l.span(),
            )
        });
        let cover = t.cover.as_ref().and_then(|c| {
            let v = c.get_ref();
            self.picture(
                "cover",
                &v.file,
                v.alt.as_ref(),
                v.decorative.as_ref(),
                v.caption.as_ref(),
                c.span(),
            )
        });
        let author = raw.author.as_ref().map(|a| trip::Author {
            name: self.text("name", &a.name),
            title: self.text("title", &a.title),
            organisation: self.text("organisation", &a.organisation),
            email: self.opt_text("email", &a.email),
            phone: self.opt_text("phone", &a.phone),
        });
        let introduction = raw.introduction.as_ref().map(|i| trip::Introduction {
            title: self.opt_text("title", &i.title),
            body: self.markdown("text", &i.text),
        });
        let participants: Vec<trip::Participant> = raw
            .participant
            .iter()
            .map(|p| trip::Participant {
                name: self.text("name", &p.name),
                role: self.opt_text("role", &p.role),
                group: self.opt_text("group", &p.group),
            })
            .collect();
        let days = self.days(&raw.day, start, end);
        let sections = raw.section.iter().map(|s| self.section(s)).collect();
        let accounts = raw
            .accounts
            .as_ref()
            .and_then(|a| self.accounts(a, &raw.participant));
        Some(Trip {
            lang,
            committee,
            municipality,
            destination,
            country,
            start: start?,
            end: end?,
            title,
            subtitle,
            published,
            logo,
            cover,
            author,
            introduction,
            participants,
            days,
            sections,
            accounts,
        })
    }

    fn section(&mut self, s: &model::Section) -> trip::Section {
        trip::Section {
            title: self.text("title", &s.title),
            body: self.markdown("text", &s.text),
            images: s
                .image
                .iter()
                .filter_map(|i| {
                    let v = i.get_ref();
                    self.picture(
                        "image",
                        &v.file,
                        v.alt.as_ref(),
                        v.decorative.as_ref(),
                        v.caption.as_ref(),
                        i.span(),
                    )
                })
                .collect(),
        }
    }

    fn days(
        &mut self,
        raw: &[Spanned<model::Day>],
        start: Option<NaiveDate>,
        end: Option<NaiveDate>,
    ) -> Vec<trip::Day> {
        let mut days = Vec::new();
        let mut seen: HashSet<NaiveDate> = HashSet::new();
        let mut previous: Option<NaiveDate> = None;
        for d in raw {
            let v = d.get_ref();
            let Some(date) = self.date("date", &v.date) else {
                continue;
            };
            let span = v.date.span();
            // One error a day: outside the trip, else listed twice, else out
            // of order. (With `end` before `start`, that error says it all.)
            let outside = match (start, end) {
                (Some(s), Some(e)) if s <= e && date < s => {
                    Some(("before the trip's first day", s, s, e))
                }
                (Some(s), Some(e)) if s <= e && date > e => {
                    Some(("after the trip's last day", e, s, e))
                }
                _ => None,
            };
            let first_time = seen.insert(date);
            if let Some((when, limit, s, e)) = outside {
                self.error(
                    span.clone(),
                    format!(
                        "the day {} is {when} ({})",
                        Lang::Da.date(date),
                        Lang::Da.date(limit)
                    ),
                    format!(
                        "a day's date must be between `start` and `end` ({})",
                        Lang::Da.date_range(s, e)
                    ),
                );
            } else if !first_time {
                self.error(
                    span.clone(),
                    format!("the day {} is listed twice", Lang::Da.date(date)),
                    "put all of a day's sections under one [[day]]",
                );
            } else if let Some(p) = previous.filter(|&p| date < p) {
                self.error(
                    span.clone(),
                    format!(
                        "the day {} comes after {} in the file",
                        Lang::Da.date(date),
                        Lang::Da.date(p)
                    ),
                    "list the [[day]] tables in date order",
                );
            }
            previous = Some(previous.map_or(date, |p| p.max(date)));
            let title = self.opt_text("title", &v.title);
            let agenda: Option<Vec<String>> = v
                .agenda
                .as_ref()
                .map(|a| a.get_ref().iter().map(|i| self.text("agenda", i)).collect());
            let sections: Vec<trip::Section> = v.section.iter().map(|s| self.section(s)).collect();
            if let (Some(agenda), Some(raw_agenda)) = (&agenda, &v.agenda) {
                for s in &sections {
                    if !agenda.iter().any(|a| a == &s.title) {
                        self.warning(
                            raw_agenda.span(),
                            format!("the agenda does not list the section \"{}\"", s.title),
                            "add the section's title to `agenda`, or leave `agenda` out to list the sections' titles",
                        );
                    }
                }
            }
            if sections.is_empty() && agenda.as_ref().is_none_or(|a| a.is_empty()) {
                self.warning(
                    d.span(),
                    format!(
                        "the day {} has neither an agenda nor sections",
                        Lang::Da.date(date)
                    ),
                    "add `agenda = [\"…\"]` or a [[day.section]], or remove the day",
                );
            }
            days.push(trip::Day {
                date,
                title,
                agenda,
                sections,
            });
        }
        days
    }

    fn accounts(
        &mut self,
        a: &Spanned<model::Accounts>,
        listed: &[model::Participant],
    ) -> Option<trip::Accounts> {
        let span = a.span();
        let a = a.get_ref();
        let title = self.opt_text("title", &a.title);
        let vat = match a.vat.as_ref().map(|v| (v.get_ref().as_str(), v.span())) {
            None | Some(("excluded", _)) => Vat::Excluded,
            Some(("included", _)) => Vat::Included,
            Some((other, s)) => {
                self.error(
                    s,
                    format!("unknown `vat` \"{other}\""),
                    "write \"excluded\" (amounts without VAT, the default) or \"included\"",
                );
                Vat::Excluded
            }
        };
        let participants = match &a.participants {
            Some(p) => {
                let n = *p.get_ref();
                if n <= 0 {
                    self.error(
                        p.span(),
                        format!("`participants` must be more than 0, but it is {n}"),
                        "write how many took part in the trip",
                    );
                    None
                } else if !listed.is_empty() && n as usize != listed.len() {
                    self.error(
                        p.span(),
                        format!(
                            "`participants` is {n}, but {} [[participant]] are listed",
                            listed.len()
                        ),
                        format!(
                            "write `participants = {}`, or leave it out to count the list",
                            listed.len()
                        ),
                    );
                    None
                } else {
                    Some(n as u64)
                }
            }
            None if !listed.is_empty() => Some(listed.len() as u64),
            None => {
                self.error(
                    span.start..span.start + "[accounts]".len().min(span.len()),
                    "`participants` is missing from [accounts]",
                    "add `participants = 10` (how many took part), or list them as [[participant]]",
                );
                None
            }
        };
        if a.item.is_empty() {
            self.error(
                span.start..span.start + "[accounts]".len().min(span.len()),
                "[accounts] has no items",
                "add at least one [[accounts.item]] with `label` and `amount`",
            );
        }
        let mut items = Vec::new();
        let mut ok = true;
        for i in &a.item {
            let label = self.text("label", &i.label);
            let amount = self.amount("amount", &i.amount);
            let budget = i.budget.as_ref().map(|b| self.amount("budget", b));
            let note = self.opt_text("note", &i.note);
            match (amount, budget) {
                (Some(amount), None) => items.push(trip::Item {
                    label,
                    amount,
                    budget: None,
                    note,
                }),
                (Some(amount), Some(Some(b))) => items.push(trip::Item {
                    label,
                    amount,
                    budget: Some(b),
                    note,
                }),
                _ => ok = false,
            }
        }
        let total = a
            .total
            .as_ref()
            .map(|t| (self.amount("total", t), t.span()));
        if !ok || items.is_empty() {
            return None;
        }
        let Some(sum) = Amount::checked_sum(items.iter().map(|i| i.amount)) else {
            self.error(
                span,
                "the sum of the items is too large to compute",
                "check the amounts for typing mistakes",
            );
            return None;
        };
        let budget_sum = if items.iter().any(|i| i.budget.is_some()) {
            let s = Amount::checked_sum(items.iter().filter_map(|i| i.budget));
            if s.is_none() {
                self.error(
                    span.clone(),
                    "the sum of the budgets is too large to compute",
                    "check the budgets for typing mistakes",
                );
            }
            s
        } else {
            None
        };
        if let Some((Some(total), tspan)) = total
            && total != sum
        {
            // Messages are read in a terminal: ordinary spaces, not no-break.
            let kr = |a: Amount| a.format(Lang::Da, false).replace('\u{a0}', " ");
            let diff = sum.checked_sub(total).unwrap_or_default();
            let (abs, word) = if diff.ore() < 0 {
                (Amount::from_ore(-diff.ore()), "less")
            } else {
                (diff, "more")
            };
            let written = self.file.text[tspan.clone()].to_string();
            self.error(
                tspan,
                format!("`total` is {written}, but the items add up to {}", kr(sum)),
                format!(
                    "the items add up to {}, {} {word} than `total`; correct the item that is wrong, or `total`",
                    kr(sum),
                    kr(abs)
                ),
            );
        }
        let participants = participants?;
        let per_participant = sum.divide_rounded(participants)?;
        Some(trip::Accounts {
            title,
            vat,
            participants,
            items,
            sum,
            budget_sum,
            per_participant,
        })
    }
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions() {
        let keys = structure::key_names();
        assert_eq!(did_you_mean("tittle", keys.clone()), Some("title"));
        assert_eq!(did_you_mean("commitee", keys.clone()), Some("committee"));
        assert_eq!(did_you_mean("xyzzy", keys), None);
    }
}
