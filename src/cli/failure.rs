//! How a command ends: every command returns a [`Result`] that
//! [`finish`] prints once, in the command's language, and maps to the exit
//! code (0 success, 1 failed, 2 wrong usage).

use crate::diagnostic::Diagnostic;
use crate::locale::Lang;
use crate::messages::Msg;
use std::process::ExitCode;

/// Why a command did not succeed.
#[derive(Debug)]
pub enum Failure {
    /// Wrong usage (an unknown template, a bad argument): exit code 2.
    Usage(Diagnostic),
    /// The command failed for these reasons: exit code 1.
    Failed(Vec<Diagnostic>),
    /// Something failed and was already reported as it happened (a line
    /// per trip file): exit code 1.
    Reported,
}

impl Failure {
    /// A failure of one plain message, with what to do instead.
    pub fn plain(message: Msg, help: Option<Msg>) -> Failure {
        Failure::Failed(vec![diagnostic(message, help)])
    }

    /// Wrong usage, saying what to write instead.
    pub fn usage(message: Msg, help: Option<Msg>) -> Failure {
        Failure::Usage(diagnostic(message, help))
    }
}

fn diagnostic(message: Msg, help: Option<Msg>) -> Diagnostic {
    let d = Diagnostic::plain(message);
    match help {
        Some(h) => d.with_help(h),
        None => d,
    }
}

/// What every command returns.
pub type Outcome = Result<(), Failure>;

/// Prints each diagnostic in `lang`, followed by an empty line, on
/// standard error.
pub fn print_diagnostics(lang: Lang, diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        eprintln!("{}\n", d.render_in(lang));
    }
}

/// Prints the failure, if any, in `lang`, and gives the exit code.
pub fn finish(outcome: Outcome, lang: Lang) -> ExitCode {
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(d)) => {
            eprintln!("{}", d.render_in(lang));
            ExitCode::from(2)
        }
        Err(Failure::Failed(diagnostics)) => {
            let (last, rest) = diagnostics
                .split_last()
                .map_or((None, &[][..]), |(l, r)| (Some(l), r));
            print_diagnostics(lang, rest);
            if let Some(d) = last {
                eprintln!("{}", d.render_in(lang));
            }
            ExitCode::from(1)
        }
        Err(Failure::Reported) => ExitCode::from(1),
    }
}
