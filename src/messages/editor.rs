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
    edit_whole_number_for(key);
    edit_texts_for(key);
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

    // Trips, pages, saving, the PDF.
    not_a_trip_name(name);
    trip_not_there(name);
    page_not_there();
    save_conflict(name);
    save_failed(name, error);
    editor_failed_inside();

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
    new_file_name_chars();
}
