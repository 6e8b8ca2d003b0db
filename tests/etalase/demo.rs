//! The demo site of this repository builds, and what it publishes holds together.

use std::collections::BTreeSet;

use crate::support::folders::files;
use crate::support::html::{elements, find, ld_types, text};
use crate::support::site::{Demo, repo};

/// The file a root-relative link points at, if the link is internal.
fn target(link: &str) -> Option<String> {
    if !link.starts_with('/') || link.starts_with("//") {
        return None;
    }
    let path = link
        .split(['#', '?'])
        .next()
        .unwrap_or_default()
        .trim_start_matches('/');
    Some(if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    })
}

#[test]
fn every_internal_link_of_the_demo_site_resolves() {
    let demo = Demo::build();
    let existing: BTreeSet<String> = files(&demo.public()).into_iter().collect();
    let mut checked = 0;
    let mut broken = Vec::new();
    for page in demo.pages() {
        let html = demo.read(&page);
        for element in elements(&html) {
            for attr in ["href", "src"] {
                let Some(link) = element.attr(attr) else { continue };
                if let Some(file) = target(link) {
                    checked += 1;
                    if !existing.contains(&file) {
                        broken.push(format!("{page}: {link}"));
                    }
                }
            }
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
    for page in demo.pages() {
        let html = demo.read(&page);
        assert!(
            !html.contains("__etalase"),
            "{page}: the dev server's script is never built into the site"
        );
    }
    assert!(checked > 500, "only {checked} links checked");
}

#[test]
fn every_demo_page_has_language_title_description_and_canonical() {
    let demo = Demo::build();
    let pages = demo.pages();
    assert!(pages.len() > 50, "{} pages", pages.len());
    for page in pages {
        let html = demo.read(&page);
        let els = elements(&html);
        let lang = els
            .iter()
            .find(|e| e.name == "html")
            .and_then(|e| e.attr("lang"))
            .expect("lang");
        let expected = if page.starts_with("en/") { "en" } else { "id" };
        assert_eq!(lang, expected, "{page}");
        assert!(els.iter().any(|e| e.name == "title"), "{page}: title");
        let description = find(&els, "meta", "name", "description");
        assert!(
            !description.is_empty() && !description[0].attr("content").unwrap_or_default().is_empty(),
            "{page}: description"
        );
        assert!(els.iter().any(|e| e.name == "main"), "{page}: main landmark");
        for image in els.iter().filter(|e| e.name == "img") {
            assert!(
                !image.attr("alt").unwrap_or_default().is_empty(),
                "{page}: image without alt"
            );
        }
        if !page.ends_with("404.html") {
            assert_eq!(find(&els, "link", "rel", "canonical").len(), 1, "{page}: canonical");
        }
    }
}

#[test]
fn demo_feeds_sitemap_and_structured_data_parse() {
    let demo = Demo::build();
    for xml in ["atom.xml", "en/atom.xml", "sitemap.xml"] {
        roxmltree::Document::parse(&demo.read(xml)).unwrap_or_else(|e| panic!("{xml}: {e}"));
    }
    let mut types = Vec::new();
    for page in demo.pages() {
        types.extend(ld_types(&demo.read(&page)));
    }
    for expected in [
        "NewsArticle",
        "Product",
        "GovernmentOrganization",
        "BreadcrumbList",
        "WebSite",
    ] {
        assert!(types.iter().any(|t| t == expected), "no {expected} in the demo site");
    }
}

#[test]
fn the_demo_tells_both_seed_stories_in_both_languages() {
    let demo = Demo::build();
    let read = |p: &str| text(&demo.read(p));
    let awards = read("penghargaan/index.html");
    assert!(awards.contains("Lapas Perempuan"), "{awards}");
    assert!(read("en/awards/index.html").contains("Palembang"));
    let products = read("produk/index.html");
    for product in ["Gula Semut Jahe Merah", "Songket", "Tempe", "Roti"] {
        assert!(products.contains(product), "{product} missing from the catalogue");
    }
    assert!(read("en/products/index.html").contains("Red Ginger"));
    let guide = demo.read("panduan-penulis/index.html");
    assert!(
        guide.contains("class=\"hl-") || guide.contains("class=hl-"),
        "the writer's guide has highlighted code"
    );
}

#[test]
fn the_demo_site_needs_nothing_its_content_security_policy_forbids() {
    let policy = std::fs::read_to_string(repo().join("netlify.toml")).expect("netlify.toml");
    assert!(policy.contains("script-src 'self'") && policy.contains("style-src 'self'"));
    let demo = Demo::build();
    for page in demo.pages() {
        let html = demo.read(&page);
        for element in elements(&html) {
            assert!(
                !element.attrs.contains_key("style"),
                "{page}: inline style on <{}>",
                element.name
            );
            assert!(
                !element.attrs.keys().any(|k| k.starts_with("on")),
                "{page}: inline handler on <{}>",
                element.name
            );
            if element.name == "script" {
                assert!(
                    element.attr("type") == Some("application/ld+json") || element.attr("src").is_some(),
                    "{page}: inline script"
                );
            }
            let external = |v: &str| v.starts_with("http://") || v.starts_with("https://") || v.starts_with("//");
            if matches!(element.name.as_str(), "img" | "script" | "iframe") {
                assert!(
                    !element.attr("src").is_some_and(external),
                    "{page}: external <{}>",
                    element.name
                );
            }
            if element.name == "link" && element.attr("rel") == Some("stylesheet") {
                assert!(
                    !element.attr("href").is_some_and(external),
                    "{page}: external stylesheet"
                );
            }
        }
        assert!(!html.contains("<style"), "{page}: inline <style>");
    }
}

/// A phone on a slow connection: the home page with its stylesheets and scripts stays under
/// 50 KB before compression (images aside), and needs nothing from another site.
#[test]
fn the_home_page_with_its_css_and_js_weighs_under_50_kb() {
    let demo = Demo::build();
    for home in ["index.html", "en/index.html"] {
        let html = demo.read(home);
        let mut total = html.len();
        let mut assets = Vec::new();
        for element in elements(&html) {
            let url = match element.name.as_str() {
                "link" if element.attr("rel") == Some("stylesheet") => element.attr("href"),
                "script" => element.attr("src"),
                _ => None,
            };
            if let Some(url) = url {
                let file = target(url).unwrap_or_else(|| panic!("{home}: {url} is not on this site"));
                total += std::fs::metadata(demo.public().join(&file))
                    .expect("asset exists")
                    .len() as usize;
                assets.push(file);
            }
        }
        assert!(!assets.is_empty(), "{home} links its stylesheet");
        assert!(total <= 50 * 1024, "{home}: {total} bytes with {assets:?}");
    }
}

/// Only files whose names change with their content may be cached for good: the theme's
/// stylesheets and scripts, all in assets/. The search index keeps its loader's name.
#[test]
fn only_hashed_assets_are_cached_for_good() {
    let netlify = std::fs::read_to_string(repo().join("netlify.toml")).expect("netlify.toml");
    assert_eq!(netlify.matches("immutable").count(), 1, "{netlify}");
    let rule = netlify
        .split("[[headers]]")
        .find(|r| r.contains("immutable"))
        .expect("rule");
    assert!(rule.contains("for = \"/assets/*\""), "{rule}");

    let demo = Demo::build();
    for file in files(&demo.public()) {
        let hashed = file.starts_with("assets/");
        if hashed {
            let name = file.rsplit('/').next().unwrap_or_default();
            let parts: Vec<&str> = name.split('.').collect();
            assert!(
                parts.len() == 3 && parts[1].len() == 8 && parts[1].chars().all(|c| c.is_ascii_hexdigit()),
                "{file} carries no hash"
            );
        } else if !file.starts_with("pagefind/") {
            assert!(
                !file.ends_with(".css") && !file.ends_with(".js"),
                "{file} is outside assets/"
            );
        }
    }
}
