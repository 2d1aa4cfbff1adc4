//! studietur turns one TOML file per municipal study trip into the official
//! PDF report (PDF/A-2a and PDF/UA-1), laid out by Typst embedded as a
//! library.
//!
//! The data flows one way: the text of a trip file ([`model`]) is checked
//! ([`check`]) into a [`trip::Trip`], turned into a view for the template
//! ([`view`]) and laid out ([`render`]). [`pipeline`] is that flow, with the
//! [`provenance`] of what went in; every command calls it. [`batch`],
//! [`watch`] and [`archive`] decide what to build and what to do with the
//! result; [`cli`] is the command line. Leaf modules that everything uses:
//! [`files`], [`digest`], [`diagnostic`], [`messages`] (every sentence said
//! to the user, in English and Danish), [`locale`], [`parallel`].

// A diagnostic, the error of most results here, is 128 bytes since it
// carries its catalogue messages; errors are the cold path, so they are
// not boxed.
#![allow(clippy::result_large_err)]

pub mod archive;
pub mod batch;
pub mod cache;
pub mod check;
pub mod cli;
pub mod diagnostic;
pub mod digest;
pub mod embed;
pub mod files;
pub mod fonts;
pub mod import;
pub mod inputs;
pub mod locale;
pub mod markdown;
pub mod messages;
pub mod model;
pub mod money;
pub mod overview;
pub mod parallel;
pub mod pdf_eol;
pub mod photos;
pub mod pipeline;
pub mod provenance;
pub mod render;
pub mod scaffold;
pub mod serve;
pub mod template;
pub mod trip;
pub mod view;
pub mod watch;
pub mod web;
pub mod world;
