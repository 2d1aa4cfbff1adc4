//! The integration tests, in one test binary so that the Typst-sized
//! program is linked once, not once per file (each link of a test binary
//! costs time and hundreds of megabytes of disk).
//!
//! Run one group with `cargo test --test it amsterdam::`.

mod common;
mod critic;
mod generated;

mod amsterdam;
mod archive;
mod archive_common;
mod archive_faults;
mod archive_hostile;
mod authoring;
mod batch;
mod browser;
mod cli;
mod editor;
mod editor_import;
mod editor_secretary;
mod editor_state;
mod errors;
mod features;
mod format;
mod fuzz;
mod hostile;
mod import;
mod import_hostile;
mod import_keys;
mod language;
mod messages;
mod outputs;
mod pages;
mod photos;
mod property;
mod published;
mod reports;
mod serve;
mod serve_bounds;
mod serve_hostile;
mod serve_import;
mod serve_state;
mod templates;
mod watch;
mod web;
