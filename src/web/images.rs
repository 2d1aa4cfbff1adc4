//! Photos for the screen: each image of the report (already upright and
//! without metadata, as prepared for print) in a few widths up to
//! [`LARGEST`] pixels for `srcset`, and SVGs drawn into PNGs so that nothing
//! in them can run on the page.

use crate::messages::{Msg, photo as m};
use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType as PngFilter, PngEncoder};
use image::imageops::FilterType;
use image::{DynamicImage, ImageEncoder};

/// The widest a photo is sent to a screen, in pixels.
pub const LARGEST: u32 = 1600;

/// The widths offered for `srcset` below the largest.
const WIDTHS: [u32; 3] = [480, 800, 1200];

/// JPEG quality of the screen sizes.
const JPEG_QUALITY: u8 = 80;

/// One image ready for the page.
#[derive(Debug, Clone)]
pub struct ScreenImage {
    /// The largest file, relative to the page (`images/…`).
    pub src: String,
    /// `images/a-480.jpg 480w, …` when there are several widths; empty
    /// otherwise.
    pub srcset: String,
    /// The width to show it at, in CSS pixels (its `width` attribute).
    pub width: u32,
    /// The height to match.
    pub height: u32,
    /// The files: path relative to the page, and bytes.
    pub files: Vec<(String, Vec<u8>)>,
}

/// The screen sizes of an image of the report: `bytes` as prepared for
/// print, of kind `extension` (`jpg`, `png`, `gif`, `webp`, `svg`), with
/// the hex SHA-256 `sha256` of those bytes.
pub fn for_screen(bytes: &[u8], extension: &str, sha256: &str) -> Result<ScreenImage, Msg> {
    let name = &sha256[..12];
    if extension == "svg" {
        svg(bytes, name)
    } else {
        raster(bytes, extension, name)
    }
}

/// A raster image in every width of [`WIDTHS`] below its own (at most
/// [`LARGEST`]). A JPEG, PNG or WebP that is small enough is sent as it is
/// (its metadata is already gone); a GIF becomes a still PNG.
fn raster(bytes: &[u8], extension: &str, name: &str) -> Result<ScreenImage, Msg> {
    let image = image::load_from_memory(bytes).map_err(|e| m::image_unreadable(e.to_string()))?;
    let (w, h) = (image.width().max(1), image.height().max(1));
    let largest = w.min(LARGEST);
    let png = matches!(extension, "png" | "gif") || image.color().has_alpha();
    let kind = if png { "png" } else { "jpg" };
    let mut files = Vec::new();
    let mut set = Vec::new();
    for width in WIDTHS.into_iter().filter(|&x| x < largest).chain([largest]) {
        let height = scaled(h, width, w);
        let (data, ext) = if width == w && extension != "gif" {
            (bytes.to_vec(), extension)
        } else {
            let sized = if width == w {
                image.clone()
            } else {
                image.resize_exact(width, height, FilterType::Lanczos3)
            };
            (encode(&sized, png)?, kind)
        };
        let path = format!("images/{name}-{width}.{ext}");
        set.push(format!("{path} {width}w"));
        files.push((path, data));
    }
    Ok(ScreenImage {
        src: files.last().map(|f| f.0.clone()).unwrap_or_default(),
        srcset: if set.len() > 1 {
            set.join(", ")
        } else {
            String::new()
        },
        width: largest,
        height: scaled(h, largest, w),
        files,
    })
}

/// `side` × `width` / `of`, rounded, at least 1.
fn scaled(side: u32, width: u32, of: u32) -> u32 {
    ((u64::from(side) * u64::from(width) + u64::from(of) / 2) / u64::from(of)).max(1) as u32
}

fn encode(image: &DynamicImage, png: bool) -> Result<Vec<u8>, Msg> {
    let mut out = Vec::new();
    let fail = |e: image::ImageError| m::image_unreadable(e.to_string());
    if png {
        let rgba = image.to_rgba8();
        PngEncoder::new_with_quality(&mut out, CompressionType::Best, PngFilter::Adaptive)
            .write_image(
                &rgba,
                rgba.width(),
                rgba.height(),
                image::ExtendedColorType::Rgba8,
            )
            .map_err(fail)?;
    } else {
        let rgb = image.to_rgb8();
        JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
            .write_image(
                &rgb,
                rgb.width(),
                rgb.height(),
                image::ExtendedColorType::Rgb8,
            )
            .map_err(fail)?;
    }
    Ok(out)
}

/// An SVG (already checked: no scripts, no outside references) drawn with
/// the built-in fonts into PNGs: shown at its own size (at most
/// [`LARGEST`] wide), drawn at twice that for sharp screens.
fn svg(bytes: &[u8], name: &str) -> Result<ScreenImage, Msg> {
    let mut options = resvg::usvg::Options::default();
    let db = options.fontdb_mut();
    for font in crate::fonts::files() {
        db.load_font_data(font.to_vec());
    }
    db.set_sans_serif_family(crate::fonts::FAMILY);
    let tree = resvg::usvg::Tree::from_data(bytes, &options)
        .map_err(|e| m::svg_unreadable(e.to_string()))?;
    let size = tree.size();
    let shown = (size.width().round() as u32).clamp(1, LARGEST);
    let shown_h = ((f64::from(size.height()) * f64::from(shown) / f64::from(size.width())).round()
        as u32)
        .max(1);
    let mut files = Vec::new();
    let mut set = Vec::new();
    // Effects (filters, masks) are drawn as images of their own: a drawing
    // with them is drawn once, at its size.
    let effects = crate::photos::svg::has_effects(bytes);
    for (factor, width) in [(1, shown), (2, (shown * 2).min(LARGEST * 2))] {
        if factor == 2 && (width == shown || effects) {
            break;
        }
        let height = scaled(shown_h, width, shown);
        let mut pixmap = resvg::tiny_skia::Pixmap::new(width, height)
            .ok_or_else(|| m::svg_unreadable(format!("{width} × {height}")))?;
        let transform = resvg::tiny_skia::Transform::from_scale(
            width as f32 / size.width(),
            height as f32 / size.height(),
        );
        resvg::render(&tree, transform, &mut pixmap.as_mut());
        let png = pixmap
            .encode_png()
            .map_err(|e| m::svg_unreadable(e.to_string()))?;
        let path = format!("images/{name}-{width}.png");
        set.push(format!("{path} {width}w"));
        files.push((path, png));
    }
    Ok(ScreenImage {
        src: files[0].0.clone(),
        srcset: if set.len() > 1 {
            set.join(", ")
        } else {
            String::new()
        },
        width: shown,
        height: shown_h,
        files,
    })
}
