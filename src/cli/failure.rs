//! How a command ends: every command returns a [`Result`] that
//! [`finish`] prints once and maps to the exit code (0 success, 1 failed,
//! 2 wrong usage).

use crate::diagnostic::Diagnostic;
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
    pub fn plain(message: impl Into<String>, help: Option<&str>) -> Failure {
        let mut d = Diagnostic::plain(message);
        if let Some(h) = help {
            d = d.with_help(h);
        }
        Failure::Failed(vec![d])
    }

    /// Wrong usage, saying what to write instead.
    pub fn usage(message: impl Into<String>, help: Option<&str>) -> Failure {
        let mut d = Diagnostic::plain(message);
        if let Some(h) = help {
            d = d.with_help(h);
        }
        Failure::Usage(d)
    }
}

/// What every command returns.
pub type Outcome = Result<(), Failure>;

/// Prints each diagnostic, followed by an empty line, on standard error.
pub fn print_diagnostics(diagnostics: &[Diagnostic]) {
    for d in diagnostics {
        eprintln!("{}\n", d.render());
    }
}

/// Prints the failure, if any, and gives the exit code.
pub fn finish(outcome: Outcome) -> ExitCode {
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Usage(d)) => {
            eprintln!("{}", d.render());
            ExitCode::from(2)
        }
        Err(Failure::Failed(diagnostics)) => {
            let (last, rest) = diagnostics
                .split_last()
                .map_or((None, &[][..]), |(l, r)| (Some(l), r));
            print_diagnostics(rest);
            if let Some(d) = last {
                eprintln!("{}", d.render());
            }
            ExitCode::from(1)
        }
        Err(Failure::Reported) => ExitCode::from(1),
    }
}

/// `1 page`, `2 pages`.
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}
