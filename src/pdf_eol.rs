//! One byte-level correction of the PDF the layout engine writes, so that
//! strict PDF/A validators agree with it.
//!
//! A Flate stream whose data happens to end with a carriage return (about one
//! stream in 256: the last byte is part of a checksum) is written as
//! `…\r` `\n` `endstream`. The PDF specification reads the `\n` as the end of
//! line, but veraPDF and `page_validation` read `\r\n` as the end of line and
//! then find `/Length` one byte too long (PDF/A rule 6.1.7.1). Writing the
//! end of line as `\r\n` in that case (`…\r` `\r\n` `endstream`) is correct
//! for every reader; the cross-reference offsets are moved accordingly.

/// Returns the PDF with an unambiguous end of line after every stream whose
/// data ends in `\r`. A PDF that needs no change, or that is not laid out as
/// expected (no classic cross-reference table), is returned as it was.
pub fn fix_stream_eols(pdf: Vec<u8>) -> Vec<u8> {
    let Some(xref) = find_xref(&pdf) else {
        return pdf;
    };
    let inserts = ambiguous_stream_ends(&pdf, xref.table_start);
    if inserts.is_empty() {
        return pdf;
    }
    let shift = |offset: usize| offset + inserts.partition_point(|&i| i < offset);
    let mut out = Vec::with_capacity(pdf.len() + inserts.len());
    let mut last = 0;
    for &at in &inserts {
        out.extend_from_slice(&pdf[last..at]);
        out.push(b'\r');
        last = at;
    }
    out.extend_from_slice(&pdf[last..xref.table_start]);
    // The table: rewrite each in-use entry's 10-digit offset.
    let table = &pdf[xref.table_start..xref.startxref_keyword];
    let mut lines = table.split_inclusive(|&b| b == b'\n');
    for line in lines.by_ref() {
        let is_entry = line.len() >= 18
            && line[..10].iter().all(u8::is_ascii_digit)
            && line[10] == b' '
            && line[17] == b'n';
        if is_entry {
            let offset: usize = std::str::from_utf8(&line[..10])
                .ok()
                .and_then(|s| s.parse().ok())
                .unwrap_or(0);
            out.extend_from_slice(format!("{:010}", shift(offset)).as_bytes());
            out.extend_from_slice(&line[10..]);
        } else {
            out.extend_from_slice(line);
        }
    }
    out.extend_from_slice(format!("startxref\n{}\n%%EOF\n", shift(xref.table_start)).as_bytes());
    out
}

struct Xref {
    /// Where `xref` starts.
    table_start: usize,
    /// Where the `startxref` keyword starts.
    startxref_keyword: usize,
}

fn find_xref(pdf: &[u8]) -> Option<Xref> {
    let startxref_keyword = rfind(pdf, b"startxref")?;
    let tail = std::str::from_utf8(&pdf[startxref_keyword + 9..]).ok()?;
    let table_start: usize = tail.split_whitespace().next()?.parse().ok()?;
    if !pdf.get(table_start..)?.starts_with(b"xref") || table_start > startxref_keyword {
        return None;
    }
    Some(Xref {
        table_start,
        startxref_keyword,
    })
}

/// Positions (before the `\n` that precedes `endstream`) where a `\r` must
/// be inserted, ascending.
fn ambiguous_stream_ends(pdf: &[u8], end: usize) -> Vec<usize> {
    let mut inserts = Vec::new();
    let mut pos = 0;
    while let Some(found) = find(&pdf[pos..end], b"stream") {
        let kw = pos + found;
        pos = kw + 6;
        // `stream` keyword (not `endstream`) right after a dictionary.
        let before = &pdf[..kw];
        let trimmed = before.trim_ascii_end();
        if !trimmed.ends_with(b">>") || before.ends_with(b"end") {
            continue;
        }
        let data_start = match &pdf[kw + 6..] {
            [b'\r', b'\n', ..] => kw + 8,
            [b'\n', ..] => kw + 7,
            _ => continue,
        };
        let Some(length) = dict_length(trimmed) else {
            continue;
        };
        let data_end = data_start + length;
        if data_end >= end {
            continue;
        }
        if pdf[data_end - 1] == b'\r' && pdf[data_end..].starts_with(b"\nendstream") {
            inserts.push(data_end);
        }
        pos = data_end;
    }
    inserts
}

/// The direct `/Length` of the stream dictionary that ends `before`.
fn dict_length(before: &[u8]) -> Option<usize> {
    let dict_start = rfind(before, b"obj")?;
    let dict = &before[dict_start..];
    let mut at = 0;
    while let Some(i) = find(&dict[at..], b"/Length") {
        let rest = &dict[at + i + 7..];
        at += i + 7;
        // `/Length1` etc. are other keys.
        if rest.first().is_some_and(u8::is_ascii_alphanumeric) {
            continue;
        }
        let rest = std::str::from_utf8(rest).ok()?;
        let mut words = rest.split(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>');
        let number = words.find(|w| !w.is_empty())?;
        // An indirect length (`12 0 R`) is not handled: leave the stream be.
        let after: Vec<&str> = words.filter(|w| !w.is_empty()).take(2).collect();
        if after.len() == 2 && after[1] == "R" && after[0].bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        return number.parse().ok();
    }
    None
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pdf_with(data: &[u8]) -> Vec<u8> {
        let mut pdf = b"%PDF-1.7\n".to_vec();
        let o1 = pdf.len();
        pdf.extend_from_slice(b"1 0 obj\n<</Length ");
        pdf.extend_from_slice(data.len().to_string().as_bytes());
        pdf.extend_from_slice(b"/Filter/FlateDecode>>\nstream\n");
        pdf.extend_from_slice(data);
        pdf.extend_from_slice(b"\nendstream\nendobj\n");
        let o2 = pdf.len();
        pdf.extend_from_slice(b"2 0 obj\n<</Type/Catalog>>\nendobj\n");
        let x = pdf.len();
        pdf.extend_from_slice(
            format!("xref\n0 3\n0000000000 65535 f\n{o1:010} 00000 n\n{o2:010} 00000 n\ntrailer\n<</Size 3/Root 2 0 R>>\nstartxref\n{x}\n%%EOF\n")
                .as_bytes(),
        );
        pdf
    }

    #[test]
    fn leaves_ordinary_streams_alone() {
        let pdf = pdf_with(b"abc");
        assert_eq!(fix_stream_eols(pdf.clone()), pdf);
    }

    #[test]
    fn writes_crlf_after_data_ending_in_cr_and_moves_offsets() {
        let pdf = pdf_with(b"ab\r");
        let fixed = fix_stream_eols(pdf.clone());
        assert_eq!(fixed.len(), pdf.len() + 1);
        assert!(find(&fixed, b"ab\r\r\nendstream").is_some());
        // Object 2 moved by one byte, and so did the table.
        let o2 = find(&fixed, b"2 0 obj").unwrap();
        assert!(find(&fixed, format!("{o2:010} 00000 n").as_bytes()).is_some());
        let x = find(&fixed, b"xref").unwrap();
        assert!(fixed.ends_with(format!("startxref\n{x}\n%%EOF\n").as_bytes()));
        // Applying it again changes nothing.
        assert_eq!(fix_stream_eols(fixed.clone()), fixed);
    }
}
