//! The command line of the archive: `studietur archive`, `verify`,
//! `extract` and `overview`.

use super::args::{EmbedSource, Inputs, LangArg, TemplateArg, parse_lang};
use super::failure::{Failure, Outcome, print_diagnostics};
use crate::archive::{self, Filed};
use crate::check::{self, Settings};
use crate::diagnostic::Diagnostic;
use crate::files::write_atomic;
use crate::locale::Lang;
use crate::messages::{Arg, Msg, cli as m, making};
use crate::provenance::VERSION;
use crate::{embed, overview};
use clap::Args;
use std::path::PathBuf;
use std::time::Instant;

/// `studietur archive`.
#[derive(Debug, Args)]
pub struct ArchiveArgs {
    #[command(flatten)]
    inputs: Inputs,
    /// The archive folder.
    #[arg(short = 'o', long = "out", value_name = "ARCHIVE")]
    out: PathBuf,
    #[command(flatten)]
    template: TemplateArg,
    /// File a report whose PDF changed, keeping the old one as
    /// <name>-superseded-N.pdf.
    #[arg(long)]
    replace: bool,
    #[command(flatten)]
    embed: EmbedSource,
    /// A trip file was renamed or moved from OLD to NEW: its report (and
    /// history) follows it instead of becoming a second report. May be
    /// given more than once.
    #[arg(long, num_args = 2, value_names = ["OLD", "NEW"], action = clap::ArgAction::Append)]
    rename: Vec<PathBuf>,
    /// Also file each report's accessible web page beside its PDF
    /// (<year>/<stem>/index.html), its files' hashes in the manifest.
    #[arg(long)]
    html: bool,
    #[command(flatten)]
    pub(super) lang: LangArg,
}

/// `studietur verify`.
#[derive(Debug, Args)]
pub struct VerifyArgs {
    /// The archive folder.
    archive: PathBuf,
    /// Write a damaged or missing PDF anew, only when its recorded sources
    /// give exactly the recorded bytes again.
    #[arg(long)]
    repair: bool,
    /// Fail also on reports an earlier studietur made that this one builds
    /// differently.
    #[arg(long)]
    strict: bool,
    #[command(flatten)]
    pub(super) lang: LangArg,
}

/// `studietur extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The PDF.
    pdf: PathBuf,
    /// Folder to write into.
    #[arg(short = 'o', long = "out", value_name = "DIR")]
    out: PathBuf,
    #[command(flatten)]
    pub(super) lang: LangArg,
}

/// `studietur overview`.
#[derive(Debug, Args)]
pub struct OverviewArgs {
    #[command(flatten)]
    inputs: Inputs,
    /// The PDF to write.
    #[arg(short = 'o', long = "out", default_value = "out/overview.pdf")]
    out: PathBuf,
    /// The overview's language (da or en; default da), and the language
    /// of the messages (default: from LC_ALL, LC_MESSAGES or LANG).
    #[arg(long, value_parser = parse_lang)]
    pub(super) lang: Option<Lang>,
}

/// `studietur archive INPUT... -o ARCHIVE`, speaking `lang`.
pub fn archive(a: ArchiveArgs, lang: Lang) -> Outcome {
    let options = archive::Options {
        archive: a.out,
        template: a.template.get(),
        replace: a.replace,
        embed_source: a.embed.embed_source,
        renames: a
            .rename
            .chunks(2)
            .filter_map(|p| Some((p.first()?.clone(), p.get(1)?.clone())))
            .collect(),
        html: a.html,
    };
    let started = Instant::now();
    let (files, errors) = crate::inputs::expand(&a.inputs.inputs);
    print_diagnostics(lang, &errors);
    let outcomes = archive::archive(&files, &options, &|o| {
        print_diagnostics(lang, &o.diagnostics);
        let input = o.input.as_path();
        let pdf = o.pdf.as_deref().unwrap_or_default();
        let line = match &o.filed {
            Filed::Archived => m::line_archived(input, pdf),
            Filed::Unchanged => m::line_unchanged(input, pdf),
            Filed::KeptFromVersion(v) => m::line_kept(input, pdf, v, VERSION),
            Filed::Replaced(old) => m::line_replaced(input, pdf, old),
            Filed::Failed => m::line_failed_input(input),
        };
        eprintln!("{}", line.in_lang(lang));
    });
    let count = |f: fn(&Filed) -> bool| outcomes.iter().filter(|o| f(&o.filed)).count();
    let failed = count(|f| *f == Filed::Failed) + errors.len();
    let summary = m::archive_summary(
        count(|f| *f == Filed::Archived),
        count(|f| matches!(f, Filed::Replaced(_))),
        count(|f| matches!(f, Filed::Unchanged | Filed::KeptFromVersion(_))),
        failed,
        Arg::decimal(started.elapsed().as_secs_f64(), 2),
        &options.archive.join(archive::MANIFEST),
    );
    eprintln!("{}", summary.in_lang(lang));
    if failed > 0 {
        Err(Failure::Reported)
    } else {
        Ok(())
    }
}

/// `studietur verify ARCHIVE`: a line per report, exit 1 on any mismatch,
/// missing source, unlisted PDF or edited manifest (and, with `--strict`,
/// on a report another studietur made), speaking `lang`.
pub fn verify(a: VerifyArgs, lang: Lang) -> Outcome {
    use archive::Standing;
    let options = archive::VerifyOptions { repair: a.repair };
    let strict = a.strict;
    let result = archive::verify(
        &a.archive,
        options,
        &|v| {
            let problems = || Arg::list(v.problems.clone(), "; ");
            let pdf = v.pdf.as_str();
            let (line, noted): (Msg, bool) = match &v.standing {
                Standing::Verified => (m::verify_ok(pdf, m::count_pages(v.pages)), true),
                Standing::Repaired => (m::verify_repaired(pdf), true),
                Standing::OtherVersion(made) if strict => {
                    (m::verify_other_version_strict(pdf, made, VERSION), false)
                }
                Standing::OtherVersion(made) => {
                    (m::verify_other_version(pdf, made, VERSION), false)
                }
                Standing::MissingSource => (m::verify_missing_source(pdf, problems()), true),
                Standing::Unlisted => (m::verify_unlisted(pdf, problems()), false),
                Standing::ManifestEdited => (m::verify_edited(pdf, problems()), false),
                Standing::Mismatch => (m::verify_mismatch(pdf, problems()), true),
                Standing::Interrupted(true) => (
                    crate::messages::keeping::verify_interrupted_saved(pdf),
                    false,
                ),
                Standing::Interrupted(false) => (
                    crate::messages::keeping::verify_interrupted_unsaved(pdf),
                    false,
                ),
                Standing::Recovered(true) => {
                    (crate::messages::keeping::verify_finished(pdf), false)
                }
                Standing::Recovered(false) => (crate::messages::keeping::verify_undone(pdf), false),
            };
            let line = if noted && !v.notes.is_empty() {
                m::with_notes(line, Arg::list(v.notes.clone(), "; "))
            } else {
                line
            };
            println!("{}", line.in_lang(lang));
        },
        &|note| eprintln!("{}", note.in_lang(lang)),
    );
    let verdicts = result.map_err(|d| Failure::Failed(vec![d]))?;
    let bad = |v: &&archive::Verdict| match v.standing {
        Standing::Verified
        | Standing::Repaired
        | Standing::Recovered(_)
        | Standing::Interrupted(false) => false,
        Standing::OtherVersion(_) => strict,
        _ => true,
    };
    let reports = verdicts
        .iter()
        .filter(|v| {
            !matches!(
                v.standing,
                Standing::Unlisted
                    | Standing::ManifestEdited
                    | Standing::Interrupted(_)
                    | Standing::Recovered(_)
            )
        })
        .count();
    let failed = verdicts.iter().filter(bad).count();
    let good = verdicts
        .iter()
        .filter(|v| matches!(v.standing, Standing::Verified | Standing::Repaired))
        .count();
    eprintln!("{}", m::verify_summary(good, reports).in_lang(lang));
    if failed > 0 {
        Err(Failure::Reported)
    } else {
        Ok(())
    }
}

/// `studietur extract X.pdf -o DIR`: writes the attached sources; never
/// overwrites a different file; speaks `lang`.
pub fn extract(a: ExtractArgs, lang: Lang) -> Outcome {
    let (pdf, out) = (a.pdf.as_path(), a.out.as_path());
    let fail = |d: Diagnostic| Err(Failure::Failed(vec![d]));
    let bytes = match std::fs::read(pdf) {
        Ok(b) => b,
        Err(e) => return fail(Diagnostic::plain(making::cannot_read(pdf, e))),
    };
    let files = match embed::extract(&bytes) {
        Ok(f) => f,
        Err(e) => return fail(Diagnostic::plain(m::extract_unreadable(pdf, e))),
    };
    if files.is_empty() {
        return fail(Diagnostic::plain(m::no_attachments(pdf)).with_help(m::no_attachments_help()));
    }
    let mut targets = Vec::new();
    for (name, data) in &files {
        let Some(target) = crate::files::target_in(out, name) else {
            return fail(
                Diagnostic::plain(m::attachment_outside(name, out))
                    .with_help(m::not_by_studietur_help()),
            );
        };
        if std::fs::read(&target).is_ok_and(|old| &old != data) {
            return fail(
                Diagnostic::plain(m::attachment_differs(&target, name))
                    .with_help(m::attachment_differs_help()),
            );
        }
        targets.push(target);
    }
    // Two attachments for one place (`a.toml` and `./a.toml`, or a file
    // `a` and a file `a/b`) would overwrite each other or fail halfway.
    for (i, t) in targets.iter().enumerate() {
        if let Some(other) = targets[..i]
            .iter()
            .find(|o| o.starts_with(t) || t.starts_with(o))
        {
            return fail(
                Diagnostic::plain(m::attachments_collide(other, t))
                    .with_help(m::not_by_studietur_help()),
            );
        }
    }
    for (target, (_, data)) in targets.iter().zip(&files) {
        if let Err(e) = write_atomic(target, data) {
            return fail(Diagnostic::plain(making::cannot_write(target, e)));
        }
        eprintln!("{}", m::extracted(target).in_lang(lang));
    }
    // Say whether the extracted trip builds as it is.
    for target in targets
        .iter()
        .filter(|t| t.extension().is_some_and(|e| e == "toml"))
    {
        let checked = check::check_file(target, Settings::default());
        let line = if checked.trip.is_some() {
            m::build_again(quoted(&target.display().to_string()))
        } else {
            print_diagnostics(lang, &checked.diagnostics);
            m::extracted_incomplete(target, embed::MAX_FILE_BYTES / (1024 * 1024))
        };
        eprintln!("{}", line.in_lang(lang));
    }
    Ok(())
}

/// `studietur overview INPUT... -o overview.pdf`: every trip must check;
/// nothing is written otherwise. The overview is in `--lang` (Danish by
/// default); the messages in `lang`.
pub fn overview(a: OverviewArgs, lang: Lang) -> Outcome {
    let (out, words) = (a.out.as_path(), a.lang.unwrap_or(Lang::Da));
    let started = Instant::now();
    let (files, errors) = crate::inputs::expand(&a.inputs.inputs);
    print_diagnostics(lang, &errors);
    let mut failed = errors.len();
    let mut trips = Vec::new();
    for f in &files {
        let checked = check::check_file(f, Settings::default());
        print_diagnostics(lang, &checked.diagnostics);
        match checked.trip {
            Some(t) => trips.push(t),
            None => {
                eprintln!("{}", m::line_failed_input(f).in_lang(lang));
                failed += 1;
            }
        }
    }
    if failed > 0 || trips.is_empty() {
        eprintln!("{}", m::no_overview(failed).in_lang(lang));
        return Err(Failure::Reported);
    }
    // Never over a trip file, a file one names, or a file studietur did
    // not write.
    let canonical = |p: &std::path::Path| p.canonicalize().unwrap_or_else(|_| p.to_path_buf());
    let target = canonical(out);
    let named = files.iter().zip(&trips).flat_map(|(f, t)| {
        let dir = crate::files::folder_of(f).to_path_buf();
        t.pictures()
            .into_iter()
            .map(move |p| dir.join(&p.file))
            .chain(std::iter::once(f.clone()))
    });
    if named.map(|p| canonical(&p)).any(|p| p == target) {
        return Err(Failure::plain(
            crate::messages::keeping::output_is_input(out),
            Some(crate::messages::keeping::output_is_input_help()),
        ));
    }
    if out.exists() && !crate::files::written_by_studietur(out) {
        return Err(Failure::plain(
            crate::messages::keeping::output_not_ours(out),
            Some(crate::messages::keeping::output_not_ours_help()),
        ));
    }
    let rendered = overview::render(&trips, words).map_err(Failure::Failed)?;
    write_atomic(out, &rendered.pdf)
        .map_err(|e| Failure::plain(making::cannot_write(out, e), None))?;
    let line = m::wrote_overview(
        out,
        m::count_trips(trips.len()),
        m::count_pages(rendered.pages),
        Arg::decimal(started.elapsed().as_secs_f64(), 2),
    );
    eprintln!("{}", line.in_lang(lang));
    Ok(())
}

/// `path` as a shell reads it back: quoted when it holds spaces or other
/// characters the shell would take apart.
fn quoted(path: &str) -> String {
    shlex::try_quote(path).map_or_else(|_| path.to_string(), |q| q.into_owned())
}
