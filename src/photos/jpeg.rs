//! JPEG photos: the segments read without decoding (metadata, truncation,
//! colour components), metadata removed losslessly, and decoding at a
//! reduced scale (1/2 to 1/8) for what would not fit in memory whole (phones
//! shoot up to 200 MP) or is CMYK.

use crate::messages::{Msg, photo as m};
use image::metadata::Orientation;
use image::{DynamicImage, GrayImage, RgbImage};

/// The most memory the decoder may use for one photo.
const MAX_DECODING_BYTES: usize = 400 * 1024 * 1024;

/// A JPEG's markers up to its first scan.
pub struct Segments<'a> {
    data: &'a [u8],
    /// `(marker, start, end)` of each segment before the first scan.
    list: Vec<(u8, usize, usize)>,
    /// Where the first scan (`FF DA`) starts.
    scan: usize,
    /// Where the data ends: after the `FF D9` that ends the last scan.
    end: usize,
}

impl<'a> Segments<'a> {
    /// Reads the segments; an error when the file is damaged or cut short.
    pub fn read(data: &'a [u8]) -> Result<Segments<'a>, Msg> {
        let damaged = m::jpeg_markers_damaged;
        if !data.starts_with(&[0xFF, 0xD8]) {
            return Err(damaged());
        }
        let mut list = Vec::new();
        let mut at = 2;
        let scan = loop {
            // Fill bytes before a marker are allowed.
            while data.get(at) == Some(&0xFF) && data.get(at + 1) == Some(&0xFF) {
                at += 1;
            }
            if data.get(at) != Some(&0xFF) {
                return Err(damaged());
            }
            let marker = *data.get(at + 1).ok_or_else(damaged)?;
            if marker == 0xDA {
                break at;
            }
            if (0xD0..=0xD7).contains(&marker) || marker == 0x01 {
                at += 2;
                continue;
            }
            let len = data
                .get(at + 2..at + 4)
                .map(|b| usize::from(u16::from_be_bytes([b[0], b[1]])))
                .ok_or_else(damaged)?;
            let end = at + 2 + len;
            if len < 2 || end > data.len() {
                return Err(damaged());
            }
            list.push((marker, at, end));
            at = end;
        };
        // Entropy-coded data escapes every FF, so an FF D9 after the first
        // scan is the end of the image; without one the file was cut short.
        let end = data[scan..]
            .windows(2)
            .rposition(|w| w == [0xFF, 0xD9])
            .map(|p| scan + p + 2)
            .ok_or_else(m::jpeg_truncated)?;
        Ok(Segments {
            data,
            list,
            scan,
            end,
        })
    }

    fn app(&self, marker: u8, signature: &[u8]) -> Option<&'a [u8]> {
        self.list.iter().find_map(|&(m, s, e)| {
            let body = &self.data[s + 4..e];
            (m == marker && body.starts_with(signature)).then(|| &body[signature.len()..])
        })
    }

    /// The photo's EXIF orientation.
    pub fn orientation(&self) -> Orientation {
        self.app(0xE1, b"Exif\0\0")
            .and_then(Orientation::from_exif_chunk)
            .unwrap_or(Orientation::NoTransforms)
    }

    /// Whether the JPEG is progressive (or otherwise not baseline): its
    /// decoder keeps every coefficient of the whole image in memory.
    pub fn progressive(&self) -> bool {
        self.list
            .iter()
            .any(|&(m, _, _)| matches!(m, 0xC2 | 0xC6 | 0xCA | 0xCE))
    }

    /// The number of colour components of the frame (4: CMYK or YCCK).
    pub fn components(&self) -> u8 {
        self.list
            .iter()
            .find(|&&(m, _, _)| matches!(m, 0xC0..=0xC3 | 0xC5..=0xC7 | 0xC9..=0xCB | 0xCD..=0xCF))
            .and_then(|&(_, s, _)| self.data.get(s + 9).copied())
            .unwrap_or(0)
    }

    /// The JPEG without its metadata (EXIF, XMP, IPTC, comments, trailing
    /// data): the same pixels, byte for byte the same compressed data. The
    /// JFIF header, the colour profile and the Adobe colour marker stay.
    pub fn stripped(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.data.len());
        out.extend_from_slice(&[0xFF, 0xD8]);
        for &(marker, start, end) in &self.list {
            let body = &self.data[start + 4..end];
            let keep = match marker {
                0xE0 => body.starts_with(b"JFIF\0"),
                0xE2 => body.starts_with(b"ICC_PROFILE\0"),
                0xEE => body.starts_with(b"Adobe"),
                // Other application segments and comments: metadata.
                0xE1 | 0xE3..=0xED | 0xEF | 0xFE => false,
                _ => true,
            };
            if keep {
                out.extend_from_slice(&self.data[start..end]);
            }
        }
        out.extend_from_slice(&self.data[self.scan..self.end]);
        out
    }
}

/// The JPEG decoded to at least `at_least` pixels each way where it is
/// larger (at 1/2, 1/4 or 1/8 of its size), CMYK turned into RGB; and
/// whether it was CMYK.
pub fn decode(data: &[u8], at_least: (u32, u32)) -> Result<(DynamicImage, bool), Msg> {
    // The decoder has been known to panic on some damaged files.
    std::panic::catch_unwind(|| decode_unguarded(data, at_least))
        .unwrap_or_else(|_| Err(m::jpeg_damaged()))
}

fn decode_unguarded(data: &[u8], at_least: (u32, u32)) -> Result<(DynamicImage, bool), Msg> {
    let cannot = |e: jpeg_decoder::Error| m::jpeg_undecodable(e.to_string());
    let mut decoder = jpeg_decoder::Decoder::new(data);
    decoder.set_max_decoding_buffer_size(MAX_DECODING_BYTES);
    let clamp = |v: u32| u16::try_from(v.max(1)).unwrap_or(u16::MAX);
    decoder
        .scale(clamp(at_least.0), clamp(at_least.1))
        .map_err(cannot)?;
    let pixels = decoder.decode().map_err(cannot)?;
    let info = decoder.info().ok_or_else(m::jpeg_no_frame)?;
    let (w, h) = (u32::from(info.width), u32::from(info.height));
    let wrong = m::jpeg_pixels_mismatch;
    use jpeg_decoder::PixelFormat;
    let cmyk = info.pixel_format == PixelFormat::CMYK32;
    let img = match info.pixel_format {
        PixelFormat::L8 => {
            DynamicImage::ImageLuma8(GrayImage::from_raw(w, h, pixels).ok_or_else(wrong)?)
        }
        PixelFormat::L16 => {
            let luma: Vec<u8> = pixels.chunks_exact(2).map(|p| p[0]).collect();
            DynamicImage::ImageLuma8(GrayImage::from_raw(w, h, luma).ok_or_else(wrong)?)
        }
        PixelFormat::RGB24 => {
            DynamicImage::ImageRgb8(RgbImage::from_raw(w, h, pixels).ok_or_else(wrong)?)
        }
        PixelFormat::CMYK32 => {
            // Print offices' CMYK, approximated as sRGB (PDF/A has no CMYK
            // profile to show it with). The decoder gives the ink of each
            // channel (it undoes the inversion Adobe files store, for CMYK
            // and YCCK alike); the light left is what paper reflects.
            let rgb: Vec<u8> = pixels
                .chunks_exact(4)
                .flat_map(|p| {
                    let light = |ink: u8| u16::from(255 - ink);
                    let k = light(p[3]);
                    let mix = |ink: u8| ((light(ink) * k + 127) / 255) as u8;
                    [mix(p[0]), mix(p[1]), mix(p[2])]
                })
                .collect();
            DynamicImage::ImageRgb8(RgbImage::from_raw(w, h, rgb).ok_or_else(wrong)?)
        }
    };
    Ok((img, cmyk))
}
