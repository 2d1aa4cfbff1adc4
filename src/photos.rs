//! Photos made ready for print: recognised by their content, decoded (so a
//! damaged file is found when the trip is checked), turned upright by their
//! EXIF orientation, and scaled down to what the template's photo box shows
//! at 300 dpi. Each distinct file is prepared once per process and box
//! (cached by its SHA-256), so a batch that shares a logo or photos does
//! the work once.

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

type Cache = Mutex<HashMap<([u8; 32], PhotoBox), Arc<Result<Prepared, String>>>>;

static CACHE: LazyLock<Cache> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// Prepares a photo for `fit`, cached by `sha256` (the SHA-256 of `data`)
/// and the box. The error says why the file is not an image the report can
/// show.
pub fn prepare(data: &[u8], sha256: [u8; 32], fit: PhotoBox) -> Result<Prepared, String> {
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

fn prepare_uncached(data: &[u8], fit: PhotoBox) -> Result<Prepared, String> {
    match image::guess_format(data) {
        Ok(format) => raster(data, format, fit),
        Err(_) => svg(data),
    }
}

fn svg(data: &[u8]) -> Result<Prepared, String> {
    let head = String::from_utf8_lossy(&data[..data.len().min(1024)]);
    if !head.contains("<svg") {
        return Err("its content is not PNG, JPEG, GIF, WebP or SVG".into());
    }
    let svg = typst::visualize::SvgImage::new(Bytes::new(data.to_vec()))
        .map_err(|e| format!("the SVG cannot be read ({e:?})"))?;
    let (w, h) = (svg.width(), svg.height());
    if !(w > 0.0 && h > 0.0) {
        return Err("the SVG has no size".into());
    }
    Ok(Prepared {
        bytes: Bytes::new(data.to_vec()),
        extension: "svg",
        aspect: w / h,
        pixels: None,
    })
}

fn raster(data: &[u8], format: ImageFormat, fit: PhotoBox) -> Result<Prepared, String> {
    let extension = match format {
        ImageFormat::Png => "png",
        ImageFormat::Jpeg => "jpg",
        ImageFormat::Gif => "gif",
        ImageFormat::WebP => "webp",
        other => return Err(format!("{other:?} images are not supported")),
    };
    let reader = image::ImageReader::with_format(Cursor::new(data), format);
    let mut decoder = reader.into_decoder().map_err(|e| e.to_string())?;
    let (w, h) = decoder.dimensions();
    if w == 0 || h == 0 {
        return Err("it has no pixels".into());
    }
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut img =
        DynamicImage::from_decoder(decoder).map_err(|e| format!("it cannot be decoded ({e})"))?;
    let turned = orientation != image::metadata::Orientation::NoTransforms;
    let (uw, uh) = if orientation_swaps(orientation) {
        (h, w)
    } else {
        (w, h)
    };
    let large = uw > fit.width || uh > fit.height;
    // WebP is decoded by the layout engine as well; re-encode it only when
    // it needs work, like the others.
    if !turned && !large {
        return Ok(Prepared {
            bytes: Bytes::new(data.to_vec()),
            extension,
            aspect: f64::from(w) / f64::from(h),
            pixels: Some((w, h)),
        });
    }
    img.apply_orientation(orientation);
    if large {
        // Area averaging: fast, and the right filter for shrinking.
        img = img.thumbnail(fit.width, fit.height);
    }
    let (w, h) = (img.width(), img.height());
    let mut out = Cursor::new(Vec::new());
    let extension = if img.color().has_alpha() {
        img.write_to(&mut out, ImageFormat::Png)
            .map_err(|e| format!("it cannot be re-encoded ({e})"))?;
        "png"
    } else {
        let rgb = img.to_rgb8();
        image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
            .encode_image(&rgb)
            .map_err(|e| format!("it cannot be re-encoded ({e})"))?;
        "jpg"
    };
    Ok(Prepared {
        bytes: Bytes::new(out.into_inner()),
        extension,
        aspect: f64::from(w) / f64::from(h),
        pixels: Some((w, h)),
    })
}

fn orientation_swaps(o: image::metadata::Orientation) -> bool {
    use image::metadata::Orientation as O;
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

    fn prep(data: &[u8]) -> Result<Prepared, String> {
        prepare(data, crate::digest::sha256(data), PhotoBox::REPORT)
    }

    #[test]
    fn boxes_in_pixels_at_300_dpi() {
        assert_eq!(PhotoBox::from_cm(16.0, 9.5), Some(PhotoBox::REPORT));
        assert_eq!(PhotoBox::from_cm(0.0, 9.5), None);
    }

    #[test]
    fn small_images_are_kept_as_they_are() {
        let data = png(40, 30);
        let p = prep(&data).unwrap();
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
