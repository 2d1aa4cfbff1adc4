//! What checking takes and gives.

use crate::diagnostic::Diagnostic;
use crate::photos::PhotoBox;
use crate::trip::Trip;

/// How a trip file is checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Settings {
    /// The box photos are prepared for (the template's).
    pub photo_box: PhotoBox,
    /// Keep each named file's bytes as read, to attach them to the PDF.
    pub keep_sources: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            photo_box: PhotoBox::REPORT,
            keep_sources: false,
        }
    }
}

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
    /// A failed check: `diagnostics` sorted by their place in the file.
    pub fn failed(mut diagnostics: Vec<Diagnostic>) -> Self {
        sort(&mut diagnostics);
        Checked {
            trip: None,
            diagnostics,
        }
    }

    /// The check of `trip` with `diagnostics`: no trip when any is an error.
    pub fn new(trip: Option<Trip>, mut diagnostics: Vec<Diagnostic>) -> Self {
        sort(&mut diagnostics);
        let trip = trip.filter(|_| !diagnostics.iter().any(Diagnostic::is_error));
        Checked { trip, diagnostics }
    }
}

fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by_key(|d| d.span.as_ref().map_or(0, |s| s.start));
}
