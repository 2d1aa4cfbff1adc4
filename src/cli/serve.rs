//! `studietur serve`: the local web editor.

use super::args::TemplateArg;
use super::failure::{Failure, Outcome};
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
}

/// Opens `url` in the desktop's browser.
fn open_browser(url: &str) {
    if let Err(e) = webbrowser::open(url) {
        eprintln!("could not open a browser ({e}); open the address above yourself");
    }
}

/// `studietur serve [FOLDER]`: until stopped.
pub fn serve(a: ServeArgs) -> Outcome {
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
        Event::Listening { url } => {
            println!("the editor is at {url}");
            if local {
                eprintln!("(only this computer can reach it; Ctrl-C stops it)");
            } else {
                eprintln!("(anyone who can reach this address and has the token can edit; Ctrl-C stops it)");
            }
            if open {
                open_browser(&url);
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
            "preview {trip}: {ms:.0} ms ({layout_ms:.0} ms check and layout, {draw_ms:.0} ms to draw {drawn} of {pages} pages)"
        ),
        Event::Saved { trip } => eprintln!("saved {trip}"),
    })
    .map_err(|e| Failure::plain(e, None))
}
