//! Summaries of stories, products, units and programme terms as template values, serialized
//! once per language and shared by every page that lists them.

use rayon::prelude::*;
use serde::Serialize;
use tera::Value;

use super::i18n::Locale;
use crate::media::{Format, Variant};
use crate::site::urls::Urls;
use crate::site::{Site, TermId};

/// A link with its text.
#[derive(Serialize)]
pub struct Link<'a> {
    pub name: &'a str,
    pub url: String,
}

/// An image as templates show it: one `<img>` with `srcset`, and WebP in a `<source>`.
#[derive(Serialize)]
pub struct ImageView<'a> {
    /// The fallback file: a JPEG or PNG variant, or an SVG as it is.
    pub src: String,
    pub alt: &'a str,
    /// Size of `src`; SVG placeholders are drawn at 1200×800.
    pub width: u32,
    pub height: u32,
    /// `srcset` of the fallback variants and of the WebP ones; empty for SVG.
    pub srcset: String,
    pub webp: String,
}

impl<'a> ImageView<'a> {
    pub fn new(site: &Site, src: &str, alt: &'a str) -> ImageView<'a> {
        let Some(plan) = site.photos.get(src) else {
            return ImageView {
                src: media_url(src),
                alt,
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
            alt,
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

/// The Open Graph image of a page: the 1200×630 crop of a photo (none for SVG, which link
/// previews do not show).
#[derive(Serialize)]
pub struct OgImage {
    pub url: String,
    pub width: u32,
    pub height: u32,
    pub alt: String,
}

impl OgImage {
    pub fn new(site: &Site, src: &str, alt: &str) -> Option<OgImage> {
        let og = site.photos.get(src)?.og.as_ref()?;
        Some(OgImage {
            url: format!("/{}", og.path),
            width: og.width,
            height: og.height,
            alt: alt.to_string(),
        })
    }
}

/// Absolute-path URLs of an image for structured data: the largest fallback and the Open
/// Graph crop of a photo, or the SVG.
pub fn image_urls(site: &Site, src: &str) -> Vec<String> {
    match site.photos.get(src) {
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

#[derive(Serialize)]
struct StoryCard<'a> {
    title: &'a str,
    url: String,
    date: String,
    date_iso: String,
    summary: &'a str,
    image: Option<ImageView<'a>>,
    unit: Link<'a>,
    award: Option<&'a str>,
}

#[derive(Serialize)]
struct ProductCard<'a> {
    name: &'a str,
    url: String,
    summary: &'a str,
    image: Option<ImageView<'a>>,
    unit: Link<'a>,
    category: &'a str,
    featured: bool,
    price: Option<String>,
}

#[derive(Serialize)]
struct UnitCard<'a> {
    name: &'a str,
    url: String,
    kind: String,
    city: &'a str,
    region: &'a str,
}

#[derive(Serialize)]
struct TermChip<'a> {
    id: &'a str,
    number: Option<u32>,
    label: &'a str,
    vocabulary: &'a str,
    url: String,
}

/// Pre-serialized summaries, indexed like the site's items.
pub struct Cards {
    /// By story (each story has one language).
    pub stories: Vec<Value>,
    /// By language, then product; `None` where the product is not published.
    pub products: Vec<Vec<Option<Value>>>,
    /// By language, then unit.
    pub units: Vec<Vec<Value>>,
    /// By language, then vocabulary, then term.
    pub terms: Vec<Vec<Vec<Value>>>,
}

impl Cards {
    pub fn build(site: &Site, locales: &[Locale], urls: &Urls) -> Cards {
        let languages = 0..site.languages();
        Cards {
            stories: site
                .stories
                .par_iter()
                .map(|story| story_card(site, &locales[story.lang], urls, story))
                .collect(),
            products: languages
                .clone()
                .map(|lang| {
                    (0..site.products.len())
                        .into_par_iter()
                        .map(|ix| product_card(site, &locales[lang], urls, lang, ix))
                        .collect()
                })
                .collect(),
            units: languages
                .clone()
                .map(|lang| {
                    (0..site.units.len())
                        .map(|ix| unit_card(site, &locales[lang], urls, lang, ix))
                        .collect()
                })
                .collect(),
            terms: languages
                .map(|lang| {
                    site.vocabularies
                        .iter()
                        .enumerate()
                        .map(|(v, vocabulary)| {
                            (0..vocabulary.terms.len())
                                .map(|t| term_chip(site, urls, lang, TermId { vocabulary: v, term: t }))
                                .collect()
                        })
                        .collect()
                })
                .collect(),
        }
    }

    pub fn story_list(&self, ixs: &[usize]) -> Value {
        Value::from(ixs.iter().map(|&ix| self.stories[ix].clone()).collect::<Vec<_>>())
    }

    pub fn product_list(&self, lang: usize, ixs: &[usize]) -> Value {
        Value::from(
            ixs.iter()
                .filter_map(|&ix| self.products[lang][ix].clone())
                .collect::<Vec<_>>(),
        )
    }

    pub fn term_list(&self, lang: usize, terms: &[TermId]) -> Value {
        Value::from(
            terms
                .iter()
                .map(|t| self.terms[lang][t.vocabulary][t.term].clone())
                .collect::<Vec<_>>(),
        )
    }
}

pub fn media_url(src: &str) -> String {
    format!("/media/{src}")
}

pub fn unit_link<'a>(site: &'a Site, urls: &Urls, lang: usize, unit: usize) -> Link<'a> {
    Link {
        name: site.text(&site.units[unit].name, lang),
        url: urls.unit(lang, &site.units[unit].id, 1),
    }
}

fn story_card(site: &Site, locale: &Locale, urls: &Urls, story: &crate::site::Story) -> Value {
    Value::from_serializable(&StoryCard {
        title: &story.title,
        url: urls.story(story.lang, &story.slug),
        date: locale.short_date(story.date),
        date_iso: story.date.to_string(),
        summary: &story.summary,
        image: story
            .image
            .as_ref()
            .map(|image| ImageView::new(site, &image.src, &image.alt)),
        unit: unit_link(site, urls, story.lang, story.unit),
        award: story.award.as_ref().map(|a| a.name.as_str()),
    })
}

fn product_card(site: &Site, locale: &Locale, urls: &Urls, lang: usize, ix: usize) -> Option<Value> {
    let product = &site.products[ix];
    let text = product.text[lang].as_ref()?;
    Some(Value::from_serializable(&ProductCard {
        name: &text.name,
        url: urls.product(lang, &product.slug),
        summary: &text.summary,
        image: product
            .images
            .first()
            .map(|image| ImageView::new(site, &image.src, site.text(&image.alt, lang))),
        unit: unit_link(site, urls, lang, product.unit),
        category: site.text(&site.config.categories.0[product.category].1, lang),
        featured: product.featured,
        price: product.price.as_ref().map(|p| locale.price(p.amount)),
    }))
}

fn unit_card(site: &Site, locale: &Locale, urls: &Urls, lang: usize, ix: usize) -> Value {
    let unit = &site.units[ix];
    Value::from_serializable(&UnitCard {
        name: site.text(&unit.name, lang),
        url: urls.unit(lang, &unit.id, 1),
        kind: locale.get(&format!("unit_kind_{}", unit.kind.key())).to_string(),
        city: &unit.city,
        region: &unit.region,
    })
}

fn term_chip(site: &Site, urls: &Urls, lang: usize, id: TermId) -> Value {
    let vocabulary = &site.vocabularies[id.vocabulary];
    let term = &vocabulary.terms[id.term];
    Value::from_serializable(&TermChip {
        id: &term.id,
        number: term.number,
        label: site.text(&term.label, lang),
        vocabulary: site.text(&vocabulary.name, lang),
        url: urls.term(lang, &vocabulary.id, &term.id, 1),
    })
}
