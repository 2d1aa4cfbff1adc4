//! The page itself: the view and the web's own values through the
//! template's `page.html`, HTML-escaped.

use super::{PdfLink, STYLESHEET, ScreenImage};
use crate::diagnostic::Diagnostic;
use crate::locale::WebWords;
use crate::messages::making as m;
use crate::trip::Trip;
use crate::view::View;
use minijinja::{AutoEscape, Environment, UndefinedBehavior, Value, context};
use serde::Serialize;
use std::collections::BTreeMap;

/// An image as the page shows it.
#[derive(Serialize)]
struct Shown<'a> {
    src: &'a str,
    srcset: &'a str,
    width: u32,
    height: u32,
}

/// What the web page has beyond the view (`web` in the template).
#[derive(Serialize)]
struct Web<'a> {
    stylesheet: &'static str,
    pdf: Option<PdfView>,
    images: BTreeMap<&'a str, Shown<'a>>,
    words: &'static WebWords,
    labels_differ: bool,
    generator: String,
}

/// The link to the PDF, worded.
#[derive(Serialize)]
struct PdfView {
    href: String,
    text: String,
}

/// Renders `page` (the template named `name`) with the view.
pub fn render(
    view: &View,
    trip: &Trip,
    images: &BTreeMap<String, ScreenImage>,
    pdf: Option<&PdfLink>,
    name: &str,
    page: &str,
) -> Result<String, Vec<Diagnostic>> {
    let web = Web {
        stylesheet: STYLESHEET,
        pdf: pdf.map(|p| PdfView {
            href: p.href.clone(),
            text: trip.labels.pdf_link(p.pages, p.bytes),
        }),
        images: images
            .iter()
            .map(|(k, v)| {
                (
                    k.as_str(),
                    Shown {
                        src: &v.src,
                        srcset: &v.srcset,
                        width: v.width,
                        height: v.height,
                    },
                )
            })
            .collect(),
        words: trip.labels.web(),
        labels_differ: view.labels_lang != view.lang,
        generator: format!("studietur {}", crate::provenance::VERSION),
    };
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.set_undefined_behavior(UndefinedBehavior::SemiStrict);
    let fail = |e: minijinja::Error| {
        let detail = e
            .detail()
            .map_or_else(|| e.kind().to_string(), str::to_string);
        vec![
            Diagnostic::plain(m::web_template(name, e.line().unwrap_or(0), detail))
                .with_help(m::web_template_help()),
        ]
    };
    env.add_template("page.html", page).map_err(fail)?;
    let template = env.get_template("page.html").map_err(fail)?;
    let ctx = context! { ..Value::from_serialize(view), ..context! { web => Value::from_serialize(&web) } };
    template.render(ctx).map_err(fail)
}
