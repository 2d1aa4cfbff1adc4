//! Photos made ready for print: recognised by their content, their size
//! read before anything is decoded (an image bomb is refused at once),
//! decoded within bounded memory (so a damaged file is found when the trip
//! is checked; a huge JPEG at a reduced scale), turned upright by their EXIF
//! orientation, scaled down to what the template's photo box shows at 300
//! dpi, and always without their metadata (EXIF, GPS, camera serial). Each distinct file is prepared once per process and box
//! (cached by its SHA-256), so a batch that shares a logo or photos does
//! the work once.

mod jpeg;
mod png;
pub mod svg;

use crate::messages::{Msg, photo as m};
use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageFormat};
use std::collections::HashMap;
use std::io::Cursor;
use std::sync::{Arc, LazyLock, Mutex};
use typst::foundations::Bytes;

/// The largest a template prints a photo, in pixels at 300 dpi: photos
/// larger than this are scaled down to fit it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PhotoBox {
    /// Width in pixels.
    pub width: u32,
    /// Height in pixels.
    pub height: u32,
}

impl PhotoBox {
    /// The `report` template's box: 16 × 9.5 cm, 1890 × 1122 pixels.
    pub const REPORT: PhotoBox = PhotoBox {
        width: 1890,
        height: 1122,
    };

    /// The box of `width_cm` × `height_cm` at 300 dpi; `None` unless both
    /// are between 1 mm and 1 m.
    pub fn from_cm(width_cm: f64, height_cm: f64) -> Option<PhotoBox> {
        let px = |cm: f64| {
            (0.1..=100.0)
                .contains(&cm)
                .then(|| (cm / 2.54 * 300.0).round() as u32)
        };
        Some(PhotoBox {
            width: px(width_cm)?,
            height: px(height_cm)?,
        })
    }
}

/// JPEG quality of re-encoded photos.
const JPEG_QUALITY: u8 = 85;

/// A photo ready for the layout engine.
#[derive(Debug, Clone)]
pub struct Prepared {
    /// The bytes to embed (the original when it needed no change).
    pub bytes: Bytes,
    /// The file name extension that fits the bytes.
    pub extension: &'static str,
    /// Width / height, upright.
    pub aspect: f64,
    /// Pixel size after preparation (`None` for SVG).
    pub pixels: Option<(u32, u32)>,
}

/// Why a file cannot be shown: what is wrong and what to do instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    /// What is wrong with the file.
    pub reason: Msg,
    /// What to do instead.
    pub help: Msg,
}

/// A file that is damaged or of another kind: save it again as an image.
impl From<Msg> for Refusal {
    fn from(reason: Msg) -> Self {
        Refusal {
            reason,
            help: m::damaged_help(),
        }
    }
}

/// What is wrong, in English.
impl std::fmt::Display for Refusal {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.reason.fmt(f)
    }
}

type Cache = Mutex<HashMap<([u8; 32], PhotoBox), Arc<Result<Prepared, Refusal>>>>;

static CACHE: LazyLock<Cache> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// Prepares a photo for `fit`, cached by `sha256` (the SHA-256 of `data`)
/// and the box. The error says why the file is not an image the report can
/// show.
pub fn prepare(data: &[u8], sha256: [u8; 32], fit: PhotoBox) -> Result<Prepared, Refusal> {
    let key = (sha256, fit);
    if let Some(hit) = CACHE.lock().ok().and_then(|c| c.get(&key).cloned()) {
        return (*hit).clone();
    }
    let result = Arc::new(prepare_uncached(data, fit));
    if let Ok(mut cache) = CACHE.lock() {
        cache.insert(key, result.clone());
    }
    (*result).clone()
}

fn prepare_uncached(data: &[u8], fit: PhotoBox) -> Result<Prepared, Refusal> {
    match image::guess_format(data) {
        Ok(ImageFormat::Jpeg) => jpeg_photo(data, fit),
        Ok(format) => raster(data, format, fit),
        Err(_) => svg(data),
    }
}

/// The most pixels an image may have (a 200-megapixel phone photo works).
pub const MAX_PIXELS: u64 = 200_000_000;

/// The most memory a PNG, GIF or WebP may take to decode.
pub const MAX_DECODE_BYTES: u64 = 256 * 1024 * 1024;

/// The most pixels of a progressive JPEG (phones write baseline ones).
pub const MAX_PROGRESSIVE_PIXELS: u64 = 50_000_000;

/// The largest JPEG (in bytes of RGB pixels) decoded whole; a larger one is
/// decoded at a reduced scale, more slowly but in little memory.
const MAX_WHOLE_JPEG_BYTES: u64 = 360 * 1024 * 1024;

/// Refuses an image of `w` × `h` pixels that is too large, before it is
/// decoded.
fn check_size(w: u32, h: u32) -> Result<(), Refusal> {
    if w == 0 || h == 0 {
        return Err(m::no_pixels().into());
    }
    let pixels = u64::from(w) * u64::from(h);
    if pixels > MAX_PIXELS {
        return Err(Refusal {
            reason: m::too_many_pixels(w, h, pixels / 1_000_000, MAX_PIXELS / 1_000_000),
            help: m::scale_down_help(),
        });
    }
    Ok(())
}

fn svg(data: &[u8]) -> Result<Prepared, Refusal> {
    let head = String::from_utf8_lossy(&data[..data.len().min(1024)]);
    if !head.contains("<svg") {
        return Err(m::unknown_content().into());
    }
    if let Some(why) = svg::refusal(data) {
        return Err(Refusal {
            reason: why,
            help: m::svg_only_draws_help(),
        });
    }
    let image = typst::visualize::SvgImage::new(Bytes::new(data.to_vec()))
        .map_err(|_| m::svg_unreadable(svg::why_unreadable(data)))?;
    let (w, h) = (image.width(), image.height());
    if !(w > 0.0 && h > 0.0) {
        return Err(m::svg_no_size().into());
    }
    if w > svg::MAX_SIDE || h > svg::MAX_SIDE {
        return Err(m::svg_too_large(
            format!("{w:.0}"),
            format!("{h:.0}"),
            format!("{:.0}", svg::MAX_SIDE),
        )
        .into());
    }
    if w * h > svg::MAX_EFFECT_AREA && svg::has_effects(data) {
        return Err(Refusal {
            reason: m::svg_effects_too_large(
                format!("{w:.0}"),
                format!("{h:.0}"),
                format!("{:.0}", svg::MAX_EFFECT_AREA.sqrt()),
            ),
            help: m::svg_only_draws_help(),
        });
    }
    Ok(Prepared {
        bytes: Bytes::new(data.to_vec()),
        extension: "svg",
        aspect: w / h,
        pixels: None,
    })
}

/// A JPEG: kept as it is but for its metadata when it needs no work;
/// decoded at a reduced scale, turned, scaled and re-encoded when it does.
fn jpeg_photo(data: &[u8], fit: PhotoBox) -> Result<Prepared, Refusal> {
    let segments = jpeg::Segments::read(data)?;
    let (w, h) = image::ImageReader::with_format(Cursor::new(data), ImageFormat::Jpeg)
        .into_dimensions()
        .map_err(|e| m::jpeg_unreadable(e.to_string()))?;
    check_size(w, h)?;
    // A progressive JPEG is decoded whole, coefficients first: two bytes
    // for each of up to three samples of every pixel.
    if segments.progressive() && u64::from(w) * u64::from(h) > MAX_PROGRESSIVE_PIXELS {
        return Err(Refusal {
            reason: m::progressive_too_large(
                u64::from(w) * u64::from(h) / 1_000_000,
                MAX_PROGRESSIVE_PIXELS / 1_000_000,
            ),
            help: m::progressive_too_large_help(),
        });
    }
    let orientation = segments.orientation();
    let (uw, uh) = upright(w, h, orientation);
    let large = uw > fit.width || uh > fit.height;
    // Decoded in any case, so a damaged file is found now: whole by the
    // fast decoder when its pixels fit in memory, else (and CMYK) at the
    // smallest scale that still fills the box.
    let cmyk = segments.components() == 4;
    let img = if !cmyk && u64::from(w) * u64::from(h) * 3 <= MAX_WHOLE_JPEG_BYTES {
        let mut reader = image::ImageReader::with_format(Cursor::new(data), ImageFormat::Jpeg);
        let mut limits = image::Limits::default();
        limits.max_alloc = Some(MAX_DECODE_BYTES);
        reader.limits(limits);
        reader
            .decode()
            .map_err(|e| m::jpeg_undecodable(e.to_string()))?
    } else {
        let want = if orientation_swaps(orientation) {
            (fit.height, fit.width)
        } else {
            (fit.width, fit.height)
        };
        jpeg::decode(data, want)?.0
    };
    if !large && !cmyk && orientation == Orientation::NoTransforms {
        return Ok(Prepared {
            bytes: Bytes::new(segments.stripped()),
            extension: "jpg",
            aspect: f64::from(w) / f64::from(h),
            pixels: Some((w, h)),
        });
    }
    finish(img, orientation, fit)
}

/// PNG, GIF and WebP: decoded within memory limits; a PNG that needs no
/// work keeps its bytes but for its metadata, the others are re-encoded.
fn raster(data: &[u8], format: ImageFormat, fit: PhotoBox) -> Result<Prepared, Refusal> {
    if !matches!(
        format,
        ImageFormat::Png | ImageFormat::Gif | ImageFormat::WebP
    ) {
        return Err(m::format_unsupported(format!("{format:?}")).into());
    }
    let reader = image::ImageReader::with_format(Cursor::new(data), format);
    let (w, h) = reader
        .into_dimensions()
        .map_err(|e| m::image_unreadable(e.to_string()))?;
    check_size(w, h)?;
    let mut reader = image::ImageReader::with_format(Cursor::new(data), format);
    let mut limits = image::Limits::default();
    limits.max_alloc = Some(MAX_DECODE_BYTES);
    reader.limits(limits);
    let mut decoder = reader
        .into_decoder()
        .map_err(|e| m::image_error(e.to_string()))?;
    // The decoder's own limits cover its buffers, not the image it returns.
    if decoder.total_bytes() > MAX_DECODE_BYTES {
        return Err(m::too_large_to_decode(MAX_DECODE_BYTES / (1024 * 1024)).into());
    }
    let orientation = decoder.orientation().unwrap_or(Orientation::NoTransforms);
    let img = DynamicImage::from_decoder(decoder).map_err(|e| match e {
        image::ImageError::Limits(_) => m::too_large_to_decode(MAX_DECODE_BYTES / (1024 * 1024)),
        e => m::image_undecodable(e.to_string()),
    })?;
    let (uw, uh) = upright(w, h, orientation);
    let large = uw > fit.width || uh > fit.height;
    if format == ImageFormat::Png
        && !large
        && orientation == Orientation::NoTransforms
        && let Some(bytes) = png::stripped(data)
    {
        return Ok(Prepared {
            bytes: Bytes::new(bytes),
            extension: "png",
            aspect: f64::from(w) / f64::from(h),
            pixels: Some((w, h)),
        });
    }
    finish(img, orientation, fit)
}

/// Turns `img` upright, scales it into `fit` and encodes it anew (PNG with
/// transparency, JPEG without): the bytes carry no metadata.
fn finish(
    mut img: DynamicImage,
    orientation: Orientation,
    fit: PhotoBox,
) -> Result<Prepared, Refusal> {
    img.apply_orientation(orientation);
    if img.width() > fit.width || img.height() > fit.height {
        // Area averaging: fast, and the right filter for shrinking.
        img = img.thumbnail(fit.width, fit.height);
    }
    let (w, h) = (img.width(), img.height());
    let mut out = Cursor::new(Vec::new());
    let extension = if img.color().has_alpha() {
        img.write_to(&mut out, ImageFormat::Png)
            .map_err(|e| m::cannot_reencode(e.to_string()))?;
        "png"
    } else {
        let rgb = img.to_rgb8();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
            .encode_image(&rgb)
            .map_err(|e| m::cannot_reencode(e.to_string()))?;
        "jpg"
    };
    Ok(Prepared {
        bytes: Bytes::new(out.into_inner()),
        extension,
        aspect: f64::from(w) / f64::from(h),
        pixels: Some((w, h)),
    })
}

/// The size of a `w` × `h` image once turned upright.
fn upright(w: u32, h: u32, orientation: Orientation) -> (u32, u32) {
    if orientation_swaps(orientation) {
        (h, w)
    } else {
        (w, h)
    }
}

fn orientation_swaps(o: Orientation) -> bool {
    use Orientation as O;
    matches!(
        o,
        O::Rotate90 | O::Rotate270 | O::Rotate90FlipH | O::Rotate270FlipH
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(w: u32, h: u32) -> Vec<u8> {
        let mut out = Cursor::new(Vec::new());
        image::RgbImage::from_fn(w, h, |x, y| {
            image::Rgb([(x % 256) as u8, (y % 256) as u8, 9])
        })
        .write_to(&mut out, ImageFormat::Png)
        .unwrap();
        out.into_inner()
    }

    fn prep(data: &[u8]) -> Result<Prepared, Refusal> {
        prepare(data, crate::digest::sha256(data), PhotoBox::REPORT)
    }

    #[test]
    fn boxes_in_pixels_at_300_dpi() {
        assert_eq!(PhotoBox::from_cm(16.0, 9.5), Some(PhotoBox::REPORT));
        assert_eq!(PhotoBox::from_cm(0.0, 9.5), None);
    }

    #[test]
    fn small_images_keep_their_pixels() {
        let data = png(40, 30);
        let p = prep(&data).unwrap();
        // Without metadata chunks the encoder's output is unchanged.
        assert_eq!(p.bytes.as_slice(), data.as_slice());
        assert_eq!(p.extension, "png");
        assert!((p.aspect - 4.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn large_photos_are_scaled_to_300_dpi_and_re_encoded() {
        let data = png(4000, 3000);
        let p = prep(&data).unwrap();
        assert_eq!(p.pixels, Some((1496, 1122)));
        assert_eq!(p.extension, "jpg");
        let back = image::load_from_memory(&p.bytes).unwrap();
        assert_eq!((back.width(), back.height()), (1496, 1122));
        // A smaller box (the compact template's 7 cm): smaller pixels.
        let small = PhotoBox::from_cm(16.6, 7.0).unwrap();
        let p = prepare(&data, crate::digest::sha256(&data), small).unwrap();
        assert_eq!(p.pixels, Some((1103, 827)));
    }

    #[test]
    fn garbage_is_refused() {
        assert!(prep(b"hello").is_err());
        assert!(prep(&png(10, 10)[..40]).is_err());
    }
}
