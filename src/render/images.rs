//! How pictures of content/media/ appear in pages: responsive `<picture>` data for processed
//! photos (WebP and a JPEG or PNG fallback in several widths), the Open Graph crop, and the
//! URLs structured data lists; an SVG is shown as it is.

use serde::Serialize;

use crate::media::{Format, Photos, Variant};

/// An image as templates show it: one `<img>` with `srcset`, and WebP in a `<source>`.
#[derive(Debug, Clone, Serialize)]
pub struct ImageView {
    /// The fallback file: a JPEG or PNG variant, or an SVG as it is.
    pub src: String,
    pub alt: String,
    /// Size of `src`; SVG placeholders are drawn at 1200×800.
    pub width: u32,
    pub height: u32,
    /// `srcset` of the fallback variants and of the WebP ones; empty for SVG.
    pub srcset: String,
    pub webp: String,
}

impl ImageView {
    pub fn new(photos: &Photos, src: &str, alt: &str) -> ImageView {
        let Some(plan) = photos.get(src).filter(|plan| !plan.is_single()) else {
            return ImageView {
                src: media_url(src),
                alt: alt.to_string(),
                width: 1200,
                height: 800,
                srcset: String::new(),
                webp: String::new(),
            };
        };
        let fallbacks: Vec<&Variant> = plan.in_format(plan.fallback()).collect();
        // Browsers without `srcset` get a middle size.
        let shown = fallbacks
            .iter()
            .rev()
            .find(|v| v.width <= 960)
            .or(fallbacks.first())
            .copied();
        ImageView {
            src: shown.map(|v| format!("/{}", v.path)).unwrap_or_default(),
            alt: alt.to_string(),
            width: shown.map_or(0, |v| v.width),
            height: shown.map_or(0, |v| v.height),
            srcset: srcset(fallbacks.into_iter()),
            webp: srcset(plan.in_format(Format::Webp)),
        }
    }
}

fn srcset<'v>(variants: impl Iterator<Item = &'v Variant>) -> String {
    variants
        .map(|v| format!("/{} {}w", v.path, v.width))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The Open Graph image of a page: the 1200×630 crop of a photo, an SVG picture rasterised,
/// or a share card.
#[derive(Debug, Clone, Serialize)]
pub struct OgImage {
    pub url: String,
    pub width: u32,
    pub height: u32,
    pub alt: String,
}

impl OgImage {
    pub fn new(photos: &Photos, src: &str, alt: &str) -> Option<OgImage> {
        let og = photos.get(src)?.og.as_ref()?;
        Some(OgImage {
            url: format!("/{}", og.path),
            width: og.width,
            height: og.height,
            alt: alt.to_string(),
        })
    }
}

/// Root-relative URLs of an image for structured data: the largest fallback and the Open
/// Graph crop of a photo, or the SVG and its rasterised copy.
pub fn image_urls(photos: &Photos, src: &str) -> Vec<String> {
    match photos.get(src) {
        Some(plan) if plan.is_single() => plan
            .og
            .iter()
            .map(|v| format!("/{}", v.path))
            .chain([media_url(src)])
            .collect(),
        Some(plan) => plan
            .in_format(plan.fallback())
            .last()
            .into_iter()
            .chain(plan.og.iter())
            .map(|v| format!("/{}", v.path))
            .collect(),
        None => vec![media_url(src)],
    }
}

pub fn media_url(src: &str) -> String {
    format!("/media/{src}")
}
