//! PNG photos without their metadata: text chunks (`tEXt`, `zTXt`,
//! `iTXt`), `eXIf`, times and unknown ancillary chunks are left out; the
//! pixels and the colour chunks stay, byte for byte.

const SIGNATURE: &[u8] = b"\x89PNG\r\n\x1a\n";

/// Ancillary chunks that describe the pixels, kept.
const KEPT: [&[u8; 4]; 9] = [
    b"PLTE", b"tRNS", b"gAMA", b"cHRM", b"sRGB", b"iCCP", b"sBIT", b"bKGD", b"pHYs",
];

/// The PNG without its metadata chunks; `None` when its chunks cannot be
/// read (the decoder then says why).
pub fn stripped(data: &[u8]) -> Option<Vec<u8>> {
    if !data.starts_with(SIGNATURE) {
        return None;
    }
    let mut out = SIGNATURE.to_vec();
    let mut at = SIGNATURE.len();
    while at < data.len() {
        let len = u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?) as usize;
        let kind: [u8; 4] = data.get(at + 4..at + 8)?.try_into().ok()?;
        let end = at.checked_add(12)?.checked_add(len)?;
        let chunk = data.get(at..end)?;
        // Critical chunks (upper-case first letter) and the colour ones.
        if kind[0].is_ascii_uppercase() || KEPT.contains(&&kind) {
            out.extend_from_slice(chunk);
        }
        at = end;
        if &kind == b"IEND" {
            return Some(out);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn text_chunks_are_left_out_and_pixels_kept() {
        let mut png = Vec::new();
        {
            let mut e = ::png::Encoder::new(&mut png, 2, 1);
            e.set_color(::png::ColorType::Rgb);
            e.add_text_chunk("GPS".into(), "55.6761 N, 12.5683 E".into())
                .unwrap();
            let mut w = e.write_header().unwrap();
            w.write_image_data(&[1, 2, 3, 4, 5, 6]).unwrap();
        }
        assert!(png.windows(7).any(|w| w == b"55.6761"));
        let out = super::stripped(&png).unwrap();
        assert!(!out.windows(7).any(|w| w == b"55.6761"));
        let back = image::load_from_memory(&out).unwrap().to_rgb8();
        assert_eq!(back.as_raw(), &[1, 2, 3, 4, 5, 6]);
    }
}
