//! Messages about making and writing reports: files read and written, the
//! inputs of a command, the template, laying out, attaching and extracting
//! sources, watching.

catalogue! {
    // The name of a diagnostic's level.
    level_error();
    level_warning();
    level_help();

    // Files.
    cannot_read(path, error);
    cannot_write(path, error);
    cannot_open(path, error);
    cannot_read_folder(path, error);

    // Inputs.
    no_trip_files_in(path);
    no_trip_files_in_help();
    does_not_exist(path);
    does_not_exist_help();
    output_clash(first, second, stem);
    output_clash_help();

    // The template.
    template_folder_unopenable(path, error);
    template_no_main(path);
    template_not_found(reason, names);
    settings_not_utf8(path);
    settings_invalid(path, error);
    photo_box_range(path);
    photo_box_missing(path);
    about_report();
    about_compact();
    about_overview();

    // Laying out.
    data_unwritable(error);
    overview_data_unwritable(error);
    template_attached(found, expected);
    template_attached_help();
    pdf_standards(error);
    png_unencodable(error);
    in_template(message);
    in_template_warning(message);
    while_laying_out(message);
    engine_hints(hints);
    typst_unwritable(path, error);
    pages_unwritable(stem, path, error);

    // Sources attached to the PDF.
    cannot_embed(path, error);
    not_embedded(max, files);
    not_kept(path);
    pdf_unreadable(error);
    pdf_broken_reference(error);
    pdf_no_catalog(error);
    attachments_too_deep();
    attachments_damaged();
    attachment_entry_damaged();
    attachment_no_name();
    attachment_name_unreadable(error);
    attachment_no_content(name);
    attachment_damaged(name);
    attachment_unpackable(name, error);

    // Watching.
    watch_needs_out();
    cannot_watch_files(error);
    cannot_watch(path, error);

    // The web version.
    web_template(file, line, error);
    web_template_help();
    web_image(path, error);
    web_unwritable(path, error);
}
