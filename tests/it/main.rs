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
mod authoring;
mod batch;
mod browser;
mod cli;
mod editor;
mod errors;
mod features;
mod format;
mod fuzz;
mod hostile;
mod language;
mod messages;
mod pages;
mod photos;
mod property;
mod reports;
mod serve;
mod templates;
mod watch;
mod web;
