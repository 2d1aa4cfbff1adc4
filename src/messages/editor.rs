//! What the local web editor (`studietur serve`) says: refused edits, new
//! trips, photos, saving, the server's own refusals, and its lines on the
//! command line.

catalogue! {
    // Edits the form sends.
    edit_syntax(error);
    edit_no_entry();
    edit_not_a_list();
    edit_no_entry_to_move();
    edit_needs_path();
    edit_no_field();
    edit_cannot_set();
    edit_list_by_key();
    edit_cannot_add_list();
    edit_not_table_list();
    edit_whole_number();
    edit_not_date(value);
    edit_cannot_write();
    typed_amount(value);

    // A new trip.
    new_file_name();
    new_not_date(value);
    new_end_before_start();
    new_write_destination();
    new_write_committee();
    new_write_municipality();
    new_exists(name);
    new_unwritable(name, error);

    // Photos.
    photo_kinds();
    photo_unstorable(error);
    photo_too_large(size, max);
    photo_not_what_it_says();
    photo_folder_leads_out();

    // Trips, pages, saving, the PDF.
    not_a_trip_name(name);
    trip_not_there(name);
    page_not_there();
    save_conflict(name);
    save_failed(name, error);
    save_busy(name, seconds);
    save_leads_out(name);
    editor_failed_inside();
    trip_leads_out(name);
    text_too_large(size, max);
    editor_too_many_changes(count, limit);
    draft_unwritable(error);
    text_not_merged();
    edit_stale();

    // The server's refusals.
    refused_host();
    refused_wrong_token();
    refused_no_token();
    refused_origin();
    refused_no_origin();
    refused_upload_kind();
    refused_not_json();

    // Starting and running.
    serve_no_token(error);
    serve_folder(path, error);
    serve_not_folder(path);
    serve_unspecified(address);
    serve_start(error);
    serve_listen(address, error);
    serve_stopped(error);
    serve_at(url);
    serve_local();
    serve_open();
    serve_no_browser(error);
    serve_preview(trip, ms, layout, draw, drawn, pages);
    serve_saved(trip);
    serve_unsaved(trips);
    serve_stopping();
    new_file_name_chars(suggestion);

    // The per-user state folder.
    state_unusable(path, error);
    state_not_private(path);
    state_no_home();
    serve_port_taken(port);
}

use super::{Arg, Msg, lookup};
use crate::locale::Lang;

/// A diagnostic's message as the editor shows it at its field, in plain
/// words: the catalogue's `form-<id>` twin of the message, with `label`
/// (the field's label) and dates and amounts as people write them; `None`
/// when the message has no twin.
pub fn her_words(msg: &Msg, label: &str, lang: Lang) -> Option<String> {
    her_words_as(msg, msg.id, label, lang)
}

/// [`her_words`] for a field she must fill in: the catalogue's
/// `form-<id>-required` when it has one (an emptied field of a required key
/// is not "left out if not needed"), else the message's own words.
pub fn her_words_required(msg: &Msg, label: &str, lang: Lang) -> Option<String> {
    her_words_as(msg, &format!("{}-required", msg.id), label, lang)
        .or_else(|| her_words(msg, label, lang))
}

fn her_words_as(msg: &Msg, id: &str, label: &str, lang: Lang) -> Option<String> {
    let mut args: Vec<(&str, Arg)> = msg.args.iter().map(|(n, a)| (*n, plain(a))).collect();
    args.push(("label", Arg::Text(label.to_string())));
    lookup(lang, &format!("form-{id}"), &args)
}

fn plain(a: &Arg) -> Arg {
    let words =
        |m: &Msg| Arg::worded(|lang| her_words(m, "", lang).unwrap_or_else(|| m.in_lang(lang)));
    match a {
        Arg::Date(d) => Arg::worded(|lang| lang.date(*d)),
        Arg::Written { plain: p, .. } => plain(p),
        Arg::Msg(m) => words(m),
        Arg::List(msgs, sep) => Arg::worded(|lang| {
            msgs.iter()
                .map(|m| her_words(m, "", lang).unwrap_or_else(|| m.in_lang(lang)))
                .collect::<Vec<_>>()
                .join(sep)
        }),
        other => other.clone(),
    }
}
