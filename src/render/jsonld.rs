//! Structured data (schema.org JSON-LD) for news, products, units and breadcrumbs. Built as
//! JSON values and serialized so that no content can close the `<script>` element.

use jiff::civil::{Date, Time};
use serde_json::{Value, json};

use super::Renderer;
use super::cards::image_urls;
use super::pages::Crumb;
use crate::site::Site;

/// The JSON-LD of a page: its own item (if any) and its breadcrumbs, as one `@graph`.
pub(super) fn page(r: &Renderer, _lang: usize, canonical: &str, crumbs: &[Crumb], item: Option<Value>) -> String {
    let breadcrumbs = json!({
        "@type": "BreadcrumbList",
        "itemListElement": crumbs.iter().enumerate().map(|(ix, crumb)| json!({
            "@type": "ListItem",
            "position": ix + 1,
            "name": crumb.name,
            "item": r.urls.absolute(&crumb.url),
        })).collect::<Vec<_>>(),
    });
    let mut graph = vec![breadcrumbs];
    if let Some(mut item) = item {
        if let Some(object) = item.as_object_mut() {
            object.entry("url").or_insert_with(|| json!(canonical));
        }
        graph.insert(0, item);
    }
    script_safe(&json!({ "@context": "https://schema.org", "@graph": graph }))
}

/// JSON text that is safe inside `<script>`: `<`, `>` and `&` are written as escapes.
fn script_safe(value: &Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// The publication time as ISO 8601 with the site's UTC offset.
pub(super) fn date_time(site: &Site, date: Date, time: Option<Time>) -> String {
    match time {
        Some(t) => format!(
            "{date}T{:02}:{:02}:00{}",
            t.hour(),
            t.minute(),
            site.config.timezone.offset
        ),
        None => date.to_string(),
    }
}

fn publisher(r: &Renderer, lang: usize) -> Value {
    json!({
        "@type": "Organization",
        "name": r.site.text(&r.site.config.title, lang),
        "url": r.urls.absolute(&r.urls.home(lang)),
    })
}

pub(super) fn website(r: &Renderer, lang: usize) -> Value {
    json!({
        "@type": "WebSite",
        "name": r.site.text(&r.site.config.title, lang),
        "inLanguage": r.site.config.languages[lang].code,
        "publisher": publisher(r, lang),
    })
}

pub(super) fn news_article(r: &Renderer, ix: usize) -> Value {
    let site = &*r.site;
    let story = &site.stories[ix];
    let lang = story.lang;
    let mut article = json!({
        "@type": "NewsArticle",
        "headline": story.title,
        "description": story.summary,
        "datePublished": date_time(site, story.date, story.time),
        "inLanguage": site.config.languages[lang].code,
        "author": organization(r, lang, story.unit, false),
        "publisher": publisher(r, lang),
    });
    if let Some(image) = &story.image {
        let urls: Vec<String> = image_urls(&r.site, &image.src)
            .iter()
            .map(|url| r.urls.absolute(url))
            .collect();
        article["image"] = json!(urls);
    }
    if let Some(award) = &story.award {
        article["about"] = json!({ "@type": "Thing", "name": award.name });
    }
    article
}

pub(super) fn product(r: &Renderer, lang: usize, ix: usize) -> Value {
    let site = &*r.site;
    let product = &site.products[ix];
    let text = product.text[lang].as_ref();
    let mut value = json!({
        "@type": "Product",
        "name": text.map(|t| t.name.as_str()),
        "description": text.map(|t| t.summary.as_str()),
        "category": site.text(&site.config.categories.0[product.category].1, lang),
        "image": product
            .images
            .iter()
            .flat_map(|i| image_urls(&r.site, &i.src))
            .map(|url| r.urls.absolute(&url))
            .collect::<Vec<_>>(),
        "manufacturer": organization(r, lang, product.unit, false),
    });
    if let Some(price) = &product.price {
        value["offers"] = json!({
            "@type": "Offer",
            "price": price.amount,
            "priceCurrency": "IDR",
            "url": r.urls.absolute(&r.urls.product(lang, &product.slug)),
            "seller": organization(r, lang, product.unit, false),
        });
    }
    value
}

/// A unit as a `GovernmentOrganization`; `full` adds its address, contacts and parent.
pub(super) fn organization(r: &Renderer, lang: usize, ix: usize, full: bool) -> Value {
    let site = &*r.site;
    let unit = &site.units[ix];
    let mut value = json!({
        "@type": "GovernmentOrganization",
        "name": site.text(&unit.name, lang),
        "url": r.urls.absolute(&r.urls.unit(lang, &unit.id, 1)),
    });
    if full {
        value["address"] = json!({
            "@type": "PostalAddress",
            "streetAddress": unit.address,
            "addressLocality": unit.city,
            "addressRegion": unit.region,
            "addressCountry": "ID",
        });
        if let Some(phone) = &unit.contact.phone {
            value["telephone"] = json!(phone);
        }
        if let Some(email) = &unit.contact.email {
            value["email"] = json!(email);
        }
        if let Some(parent) = unit.parent {
            value["parentOrganization"] = organization(r, lang, parent, false);
        }
    }
    value
}

pub(super) fn item_list(r: &Renderer, urls: &[String]) -> Value {
    json!({
        "@type": "ItemList",
        "itemListElement": urls.iter().enumerate().map(|(ix, url)| json!({
            "@type": "ListItem",
            "position": ix + 1,
            "url": r.urls.absolute(url),
        })).collect::<Vec<_>>(),
    })
}
