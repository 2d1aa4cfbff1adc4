//! The archive: every trip's PDF filed as `ARCHIVE/<year>/<stem>.pdf`, with
//! `ARCHIVE/manifest.json` recording what each was made from (its
//! [`Provenance`](crate::provenance::Provenance)) and what was published
//! (the PDF's SHA-256, pages, standards).
//!
//! Archiving again with nothing changed changes nothing ([`filing`]). A
//! report whose PDF would change is refused unless `replace` is set; then
//! the old PDF is kept as `<stem>-superseded-N.pdf` and the manifest says
//! so. Every change is decided first ([`plan`]), then carried out through a
//! journal ([`journal`]) under a lock that holds across machines ([`lock`]),
//! so that no crash, second process or full disk loses a filed report.
//! [`verify`] checks every hash and rebuilds every report to prove the
//! archived PDF is what its source gives today. The manifest's format
//! ([`manifest`]) is documented in `docs/archive-manifest.md`.

mod build;
mod faults;
mod filing;
mod journal;
mod leftovers;
mod lock;
mod manifest;
mod paths;
mod place;
mod plan;
mod verify;

pub use filing::{Filed, Options, Outcome, archive};
pub use journal::JOURNAL;
pub use lock::LOCK;
pub use manifest::{MANIFEST, MANIFEST_FORMAT, Manifest, Report, Version};
pub use verify::{Options as VerifyOptions, Standing, Verdict, verify};
