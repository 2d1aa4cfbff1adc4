//! The command line of the archive: `studietur archive`, `verify`,
//! `extract` and `overview`.

use super::args::{EmbedSource, Inputs, TemplateArg, parse_lang};
use super::failure::{Failure, Outcome, counted, print_diagnostics};
use crate::archive::{self, Filed};
use crate::check::{self, Settings};
use crate::diagnostic::Diagnostic;
use crate::files::write_atomic;
use crate::locale::Lang;
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
}

/// `studietur extract`.
#[derive(Debug, Args)]
pub struct ExtractArgs {
    /// The PDF.
    pdf: PathBuf,
    /// Folder to write into.
    #[arg(short = 'o', long = "out", value_name = "DIR")]
    out: PathBuf,
}

/// `studietur overview`.
#[derive(Debug, Args)]
pub struct OverviewArgs {
    #[command(flatten)]
    inputs: Inputs,
    /// The PDF to write.
    #[arg(short = 'o', long = "out", default_value = "out/overview.pdf")]
    out: PathBuf,
    /// The overview's language (da or en).
    #[arg(long, value_parser = parse_lang, default_value = "da")]
    lang: Lang,
}

/// `studietur archive INPUT... -o ARCHIVE`.
pub fn archive(a: ArchiveArgs) -> Outcome {
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
    };
    let started = Instant::now();
    let (files, errors) = crate::inputs::expand(&a.inputs.inputs);
    print_diagnostics(&errors);
    let outcomes = archive::archive(&files, &options, &|o| {
        print_diagnostics(&o.diagnostics);
        let input = o.input.display();
        let pdf = o.pdf.as_deref().unwrap_or_default();
        match &o.filed {
            Filed::Archived => eprintln!("archived {input} → {pdf}"),
            Filed::Unchanged => eprintln!("unchanged {input} → {pdf}"),
            Filed::KeptFromVersion(v) => eprintln!(
                "kept {input} → {pdf}: made by studietur {v} from the same sources (--replace builds it with studietur {})",
                crate::provenance::VERSION
            ),
            Filed::Replaced(old) => {
                eprintln!("replaced {input} → {pdf} (the old version is kept as {old})")
            }
            Filed::Failed => eprintln!("failed {input}"),
        }
    });
    let count = |f: fn(&Filed) -> bool| outcomes.iter().filter(|o| f(&o.filed)).count();
    let failed = count(|f| *f == Filed::Failed) + errors.len();
    eprintln!(
        "{} archived, {} replaced, {} unchanged, {failed} failed in {:.2} s; manifest: {}",
        count(|f| *f == Filed::Archived),
        count(|f| matches!(f, Filed::Replaced(_))),
        count(|f| matches!(f, Filed::Unchanged | Filed::KeptFromVersion(_))),
        started.elapsed().as_secs_f64(),
        options.archive.join(archive::MANIFEST).display()
    );
    if failed > 0 {
        Err(Failure::Reported)
    } else {
        Ok(())
    }
}

/// `studietur verify ARCHIVE`: a line per report, exit 1 on any mismatch,
/// missing source, unlisted PDF or edited manifest (and, with `--strict`,
/// on a report another studietur made).
pub fn verify(a: VerifyArgs) -> Outcome {
    use archive::Standing;
    let options = archive::VerifyOptions { repair: a.repair };
    let strict = a.strict;
    let result = archive::verify(&a.archive, options, &|v| {
        let notes = if v.notes.is_empty() {
            String::new()
        } else {
            format!(" ({})", v.notes.join("; "))
        };
        let problems = v.problems.join("; ");
        match &v.standing {
            Standing::Verified => println!(
                "ok {}: hashes match, rebuilt byte-identical ({}){notes}",
                v.pdf,
                counted(v.pages, "page", "pages")
            ),
            Standing::Repaired => println!(
                "repaired {}: its sources gave the recorded PDF again, byte for byte, and it was written anew{notes}",
                v.pdf
            ),
            Standing::OtherVersion(made) => println!(
                "{} {}: the PDF is intact and its sources are unchanged; made by studietur {made}, which this studietur {VERSION} builds differently (archive --replace to file a new version)",
                if strict { "OTHER VERSION" } else { "info" },
                v.pdf
            ),
            Standing::MissingSource => println!("MISSING SOURCE {}: {problems}{notes}", v.pdf),
            Standing::Unlisted => println!("UNLISTED {}: {problems}", v.pdf),
            Standing::ManifestEdited => println!("EDITED {}: {problems}", v.pdf),
            Standing::Mismatch => println!("MISMATCH {}: {problems}{notes}", v.pdf),
        }
    });
    let verdicts = result.map_err(|d| Failure::Failed(vec![d]))?;
    let bad = |v: &&archive::Verdict| match v.standing {
        Standing::Verified | Standing::Repaired => false,
        Standing::OtherVersion(_) => strict,
        _ => true,
    };
    let reports = verdicts
        .iter()
        .filter(|v| !matches!(v.standing, Standing::Unlisted | Standing::ManifestEdited))
        .count();
    let failed = verdicts.iter().filter(bad).count();
    let good = verdicts
        .iter()
        .filter(|v| matches!(v.standing, Standing::Verified | Standing::Repaired))
        .count();
    eprintln!("{good} of {reports} reports verified");
    if failed > 0 {
        Err(Failure::Reported)
    } else {
        Ok(())
    }
}

/// `studietur extract X.pdf -o DIR`: writes the attached sources; never
/// overwrites a different file.
pub fn extract(a: ExtractArgs) -> Outcome {
    let (pdf, out) = (a.pdf.as_path(), a.out.as_path());
    let fail = |d: Diagnostic| Err(Failure::Failed(vec![d]));
    let bytes = match std::fs::read(pdf) {
        Ok(b) => b,
        Err(e) => {
            return fail(Diagnostic::plain(format!(
                "cannot read `{}`: {e}",
                pdf.display()
            )));
        }
    };
    let files = match embed::extract(&bytes) {
        Ok(f) => f,
        Err(e) => return fail(Diagnostic::plain(format!("`{}`: {e}", pdf.display()))),
    };
    if files.is_empty() {
        return fail(
            Diagnostic::plain(format!("`{}` has no attached files", pdf.display()))
                .with_help("only a PDF built with --embed-source carries its sources"),
        );
    }
    let mut targets = Vec::new();
    for (name, data) in &files {
        let Some(target) = crate::files::target_in(out, name) else {
            return fail(
                Diagnostic::plain(format!(
                    "the attached file `{name}` would land outside `{}`",
                    out.display()
                ))
                .with_help("nothing was written; this PDF was not made by studietur"),
            );
        };
        if std::fs::read(&target).is_ok_and(|old| &old != data) {
            return fail(
                Diagnostic::plain(format!(
                    "`{}` exists and differs from the attached `{name}`",
                    target.display()
                ))
                .with_help("extract into an empty folder; nothing was written"),
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
                Diagnostic::plain(format!(
                    "two attached files would be written to `{}` and `{}`",
                    other.display(),
                    t.display()
                ))
                .with_help("nothing was written; this PDF was not made by studietur"),
            );
        }
    }
    for (target, (_, data)) in targets.iter().zip(&files) {
        if let Err(e) = write_atomic(target, data) {
            return fail(Diagnostic::plain(format!(
                "cannot write `{}`: {e}",
                target.display()
            )));
        }
        eprintln!("extracted {}", target.display());
    }
    // Say whether the extracted trip builds as it is.
    for target in targets
        .iter()
        .filter(|t| t.extension().is_some_and(|e| e == "toml"))
    {
        let checked = check::check_file(target, Settings::default());
        if checked.trip.is_some() {
            eprintln!(
                "build it again with `studietur build {} --embed-source` (and the same --template, if the report was made with another)",
                quoted(&target.display().to_string())
            );
        } else {
            print_diagnostics(&checked.diagnostics);
            eprintln!(
                "{} does not build as extracted: the PDF does not carry every file it names (files over {} MB are left out); copy them in",
                target.display(),
                embed::MAX_FILE_BYTES / (1024 * 1024)
            );
        }
    }
    Ok(())
}

/// `studietur overview INPUT... -o overview.pdf`: every trip must check;
/// nothing is written otherwise.
pub fn overview(a: OverviewArgs) -> Outcome {
    let (out, lang) = (a.out.as_path(), a.lang);
    let started = Instant::now();
    let (files, errors) = crate::inputs::expand(&a.inputs.inputs);
    print_diagnostics(&errors);
    let mut failed = errors.len();
    let mut trips = Vec::new();
    for f in &files {
        let checked = check::check_file(f, Settings::default());
        print_diagnostics(&checked.diagnostics);
        match checked.trip {
            Some(t) => trips.push(t),
            None => {
                eprintln!("failed {}", f.display());
                failed += 1;
            }
        }
    }
    if failed > 0 || trips.is_empty() {
        eprintln!(
            "no overview written: {failed} trip file{} failed",
            if failed == 1 { "" } else { "s" }
        );
        return Err(Failure::Reported);
    }
    let rendered = overview::render(&trips, lang).map_err(Failure::Failed)?;
    write_atomic(out, &rendered.pdf)
        .map_err(|e| Failure::plain(format!("cannot write `{}`: {e}", out.display()), None))?;
    eprintln!(
        "wrote {} ({}, {}) in {:.2} s",
        out.display(),
        counted(trips.len(), "trip", "trips"),
        counted(rendered.pages, "page", "pages"),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

/// `path` as a shell reads it back: quoted when it holds spaces or other
/// characters the shell would take apart.
fn quoted(path: &str) -> String {
    shlex::try_quote(path).map_or_else(|_| path.to_string(), |q| q.into_owned())
}
