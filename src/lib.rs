//! studietur turns one TOML file per municipal study trip into the official
//! PDF report (PDF/A-2a and PDF/UA-1), laid out by Typst embedded as a
//! library.
//!
//! The data flows one way: the text of a trip file is read ([`model`]),
//! checked ([`validation`]) into a [`trip::Trip`], turned into a view for the
//! template ([`view`]), and laid out into a PDF ([`render`]). [`batch`] builds
//! many files and writes outputs safely; [`cli`] is the command line.

pub mod archive;
pub mod archive_cli;
pub mod batch;
pub mod cache;
pub mod cli;
pub mod diagnostic;
pub mod embed;
pub mod fonts;
pub mod locale;
pub mod markdown;
pub mod model;
pub mod money;
pub mod overview;
pub mod parallel;
pub mod pdf_eol;
pub mod photos;
pub mod render;
pub mod scaffold;
pub mod structure;
pub mod template;
pub mod trip;
pub mod validation;
pub mod view;
pub mod watch;
pub mod world;
