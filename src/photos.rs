//! Photos made ready for print: recognised by their content, decoded (so a
//! damaged file is found when the trip is checked), turned upright by their
//! EXIF orientation, and scaled down to what the page can show at 300 dpi.
//! Each distinct file is prepared once per process (cached by its SHA-256),
//! so a batch that shares a logo or photos does the work once.

use image::{DynamicImage, ImageDecoder, ImageFormat};
use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::io::Cursor;
use std::sync::{Arc, LazyLock, Mutex};
use typst::foundations::Bytes;

/// The widest a photo is printed (the template's 16 cm text width) at
/// 300 dpi, in pixels.
pub const MAX_WIDTH: u32 = 1890;

/// The tallest a photo is printed (the template's 9.5 cm) at 300 dpi.
pub const MAX_HEIGHT: u32 = 1122;

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

type Cache = Mutex<HashMap<[u8; 32], Arc<Result<Prepared, String>>>>;

static CACHE: LazyLock<Cache> = LazyLock::new(|| Mutex::new(HashMap::new()));

/// Prepares a photo (cached by content). The error says why the file is not
/// an image the report can show.
pub fn prepare(data: &[u8]) -> Result<Prepared, String> {
    let key: [u8; 32] = Sha256::digest(data).into();
    if let Some(hit) = CACHE.lock().ok().and_then(|c| c.get(&key).cloned()) {
        return (*hit).clone();
    }
    let result = Arc::new(prepare_uncached(data));
    if let Ok(mut cache) = CACHE.lock() {
        cache.insert(key, result.clone());
    }
    (*result).clone()
}

fn prepare_uncached(data: &[u8]) -> Result<Prepared, String> {
    match image::guess_format(data) {
        Ok(format) => raster(data, format),
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

fn raster(data: &[u8], format: ImageFormat) -> Result<Prepared, String> {
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
    let large = uw > MAX_WIDTH || uh > MAX_HEIGHT;
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
        img = img.thumbnail(MAX_WIDTH, MAX_HEIGHT);
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

    #[test]
    fn small_images_are_kept_as_they_are() {
        let data = png(40, 30);
        let p = prepare(&data).unwrap();
        assert_eq!(p.bytes.as_slice(), data.as_slice());
        assert_eq!(p.extension, "png");
        assert!((p.aspect - 4.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn large_photos_are_scaled_to_300_dpi_and_re_encoded() {
        let data = png(4000, 3000);
        let p = prepare(&data).unwrap();
        assert_eq!(p.pixels, Some((1496, MAX_HEIGHT)));
        assert_eq!(p.extension, "jpg");
        let back = image::load_from_memory(&p.bytes).unwrap();
        assert_eq!((back.width(), back.height()), (1496, MAX_HEIGHT));
    }

    #[test]
    fn garbage_is_refused() {
        assert!(prepare(b"hello").is_err());
        assert!(prepare(&png(10, 10)[..40]).is_err());
    }
}
