//! Messages about the pictures a trip names: the `file`, `alt` and
//! `decorative` keys, reading the file from the trip's folder, and why its
//! bytes are not an image the report can show.

catalogue! {
    // The picture's keys.
    alt_empty();
    alt_empty_help();
    no_alt(picture);
    no_alt_help();
    file_empty();
    file_empty_help();

    // Reading the file.
    leads_out(path);
    leads_out_help();
    link_leads_out(path);
    link_leads_out_help();
    cannot_open_picture(path, error);
    check_path_help();
    not_a_file(path);
    not_a_file_help();
    check_permissions_help();
    cannot_read_picture(path, error);
    not_an_image(path, reason);
    no_such_file();
    permission_denied();

    // The bytes.
    damaged_help();
    no_pixels();
    too_many_pixels(width, height, megapixels, max);
    scale_down_help();
    unknown_content();
    format_unsupported(format);
    image_unreadable(error);
    image_error(error);
    too_large_to_decode(max);
    image_undecodable(error);
    cannot_reencode(error);
    jpeg_unreadable(error);
    jpeg_undecodable(error);
    jpeg_markers_damaged();
    jpeg_truncated();
    jpeg_damaged();
    jpeg_no_frame();
    jpeg_pixels_mismatch();
    progressive_too_large(megapixels, max);
    progressive_too_large_help();
    svg_only_draws_help();
    svg_no_size();
    svg_too_large(width, height, max);
    svg_not_utf8();
    svg_too_many_elements(max);
    svg_unreadable(error);
    svg_elements(count, max);
    svg_script();
    svg_foreign_object();
    svg_refers_to_file(value);
    svg_refers_to_url(value);
    svg_script_attribute(name);
    svg_style_refers();
    svg_unprintable(chars);
    svg_effects(count, max);
    svg_too_big(size, max);
    svg_step_too_costly(step);
    svg_much_text(count, max);
    svg_effects_too_large(width, height, max);
}
