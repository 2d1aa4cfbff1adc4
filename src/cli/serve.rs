//! `studietur serve`: the local web editor.

use super::args::{LangArg, TemplateArg};
use super::failure::{Failure, Outcome};
use crate::locale::Lang;
use crate::messages::{Arg, editor as m};
use crate::provenance::Recipe;
use crate::serve::{self, Event};
use clap::Args;
use std::net::{IpAddr, Ipv4Addr};
use std::path::PathBuf;

/// `studietur serve`.
#[derive(Debug, Args)]
pub struct ServeArgs {
    /// The folder of trip files to edit.
    #[arg(default_value = "trips")]
    folder: PathBuf,
    /// The port; default a free one.
    #[arg(long, default_value_t = 0)]
    port: u16,
    /// Listen on another address than 127.0.0.1 (anyone who can reach it
    /// and has the token can then edit).
    #[arg(long, value_name = "ADDRESS")]
    listen: Option<IpAddr>,
    /// Open the editor in the browser.
    #[arg(long)]
    open: bool,
    #[command(flatten)]
    template: TemplateArg,
    #[command(flatten)]
    pub(super) lang: LangArg,
}

/// Opens the page at `opener` (which sends the browser on to the editor)
/// in the desktop's browser: the browser's command line, which every user
/// of the machine can read, holds that page's path, never the key.
fn open_browser(opener: &std::path::Path, lang: Lang) {
    if let Err(e) = webbrowser::open(&format!("file://{}", opener.display())) {
        eprintln!("{}", m::serve_no_browser(e).in_lang(lang));
    }
}

/// `studietur serve [FOLDER]`: until stopped.
pub fn serve(a: ServeArgs, lang: Lang) -> Outcome {
    let recipe = Recipe::new(a.template.get(), None, false).map_err(|e| Failure::usage(e, None))?;
    let open = a.open;
    let local = a.listen.is_none_or(|l| l.is_loopback());
    let options = serve::Options {
        folder: a.folder,
        listen: a.listen.unwrap_or(IpAddr::V4(Ipv4Addr::LOCALHOST)),
        port: a.port,
        recipe,
    };
    serve::run(options, move |event| match event {
        Event::Listening { url, opener } => {
            println!("{}", m::serve_at(url.as_str()).in_lang(lang));
            let reach = if local {
                m::serve_local()
            } else {
                m::serve_open()
            };
            eprintln!("{}", reach.in_lang(lang));
            if open {
                open_browser(&opener, lang);
            }
        }
        Event::Preview {
            trip,
            ms,
            layout_ms,
            draw_ms,
            pages,
            drawn,
        } => eprintln!(
            "{}",
            m::serve_preview(
                trip,
                Arg::decimal(ms, 0),
                Arg::decimal(layout_ms, 0),
                Arg::decimal(draw_ms, 0),
                drawn,
                pages
            )
            .in_lang(lang)
        ),
        Event::PortTaken { port } => {
            eprintln!("{}", m::serve_port_taken(u32::from(port)).in_lang(lang))
        }
        Event::Saved { trip } => eprintln!("{}", m::serve_saved(trip).in_lang(lang)),
        Event::Unsaved { trips } => {
            eprintln!("{}", m::serve_unsaved(trips.join(", ")).in_lang(lang))
        }
        Event::Stopped => eprintln!("{}", m::serve_stopping().in_lang(lang)),
    })
    .map_err(|e| Failure::plain(e, None))
}
