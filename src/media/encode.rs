//! Pixels in, files out: decodes a JPEG or PNG, applies its EXIF orientation, and encodes
//! the planned variants. Every output is encoded from pixels alone, so no metadata of the
//! original (EXIF with GPS position, camera, dates; XMP; comments) can reach the site.

use std::io::Cursor;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::{CompressionType, FilterType as PngFilter, PngEncoder};
use image::imageops::FilterType;
use image::{DynamicImage, ImageDecoder, ImageEncoder, ImageFormat, ImageReader, RgbImage, RgbaImage};

use super::{Format, Plan, Variant};

/// JPEG quality of the fallbacks and the Open Graph image.
pub const JPEG_QUALITY: u8 = 82;
/// Quality of the lossy WebP variants (libwebp's scale; 75 is its default).
pub const WEBP_QUALITY: f32 = 78.0;

/// A decoded photo, upright.
pub struct Decoded {
    pub image: DynamicImage,
    /// Whether some pixel is not fully opaque (then the fallback is PNG, not JPEG).
    pub alpha: bool,
}

/// Decodes a JPEG or PNG and turns it upright; the error says what is wrong for a writer.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    let reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|err| err.to_string())?;
    match reader.format() {
        Some(ImageFormat::Jpeg | ImageFormat::Png) => {}
        Some(other) => return Err(format!("{other:?} images are not supported")),
        None => return Err("it is not a JPEG or PNG image".into()),
    }
    let mut decoder = reader.into_decoder().map_err(|err| err.to_string())?;
    // A broken EXIF block is no reason to refuse the pixels: the photo is then shown as stored.
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut image = DynamicImage::from_decoder(decoder).map_err(|err| err.to_string())?;
    image.apply_orientation(orientation);
    let alpha = image.color().has_alpha() && image.to_rgba8().pixels().any(|p| p.0[3] < 255);
    Ok(Decoded { image, alpha })
}

/// Encodes every file of `plan` from `decoded`, as (cache name, bytes).
pub fn encode(plan: &Plan, decoded: &Decoded) -> Result<Vec<(String, Vec<u8>)>, String> {
    let mut files = Vec::with_capacity(plan.variants.len() + 1);
    // Largest first, each size scaled from the previous one: cheaper than from the original
    // every time, and indistinguishable at these ratios.
    let mut source = decoded.image.clone();
    for width in plan.widths().into_iter().rev() {
        let height = plan.height_at(width);
        if source.width() != width {
            source = source.resize_exact(width, height, FilterType::CatmullRom);
        }
        for variant in plan.variants.iter().filter(|v| v.width == width) {
            files.push((variant.cache_name(), encode_one(&source, variant)?));
        }
    }
    if let Some(og) = &plan.og {
        let cropped = cover(&decoded.image, og.width, og.height);
        files.push((og.cache_name(), encode_one(&cropped, og)?));
    }
    Ok(files)
}

/// A centre crop of `image` to the aspect ratio of `width`×`height`, scaled to that size.
fn cover(image: &DynamicImage, width: u32, height: u32) -> DynamicImage {
    let (w, h) = (u64::from(image.width()), u64::from(image.height()));
    let (tw, th) = (u64::from(width), u64::from(height));
    // The widest crop of the target's shape that fits.
    let (cw, ch) = if w * th > h * tw {
        ((h * tw / th).max(1), h)
    } else {
        (w, (w * th / tw).max(1))
    };
    let to_u32 = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
    let cropped = image.crop_imm(to_u32((w - cw) / 2), to_u32((h - ch) / 2), to_u32(cw), to_u32(ch));
    if cropped.width() == width && cropped.height() == height {
        cropped
    } else {
        cropped.resize_exact(width, height, FilterType::CatmullRom)
    }
}

fn encode_one(image: &DynamicImage, variant: &Variant) -> Result<Vec<u8>, String> {
    let mut out = Vec::new();
    match variant.format {
        Format::Jpeg => {
            let rgb = flatten(image);
            JpegEncoder::new_with_quality(&mut out, JPEG_QUALITY)
                .encode_image(&rgb)
                .map_err(|err| err.to_string())?;
        }
        Format::Png => {
            let rgba = image.to_rgba8();
            PngEncoder::new_with_quality(&mut out, CompressionType::Default, PngFilter::Adaptive)
                .write_image(&rgba, rgba.width(), rgba.height(), image::ExtendedColorType::Rgba8)
                .map_err(|err| err.to_string())?;
        }
        Format::Webp => out = webp(image, variant.alpha)?,
    }
    Ok(out)
}

/// Lossy WebP through libwebp (`image` only writes lossless WebP, which is larger than JPEG
/// for photos).
fn webp(image: &DynamicImage, alpha: bool) -> Result<Vec<u8>, String> {
    let encoded = if alpha {
        let rgba: RgbaImage = image.to_rgba8();
        webp::Encoder::from_rgba(&rgba, rgba.width(), rgba.height()).encode_simple(false, WEBP_QUALITY)
    } else {
        let rgb: RgbImage = image.to_rgb8();
        webp::Encoder::from_rgb(&rgb, rgb.width(), rgb.height()).encode_simple(false, WEBP_QUALITY)
    };
    encoded
        .map(|memory| memory.to_vec())
        .map_err(|err| format!("WebP encoding failed: {err:?}"))
}

/// The image on a white background, for formats without transparency.
fn flatten(image: &DynamicImage) -> RgbImage {
    if !image.color().has_alpha() {
        return image.to_rgb8();
    }
    let rgba = image.to_rgba8();
    RgbImage::from_fn(rgba.width(), rgba.height(), |x, y| {
        let [r, g, b, a] = rgba.get_pixel(x, y).0;
        let over = |c: u8| ((u16::from(c) * u16::from(a) + 255 * (255 - u16::from(a)) + 127) / 255) as u8;
        image::Rgb([over(r), over(g), over(b)])
    })
}
