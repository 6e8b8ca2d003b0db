//! The pages every site has, made of no file of their own: the home page of each language,
//! the search page, the 404 page, the sitemap (every listed page of every kind, with its
//! language versions) and `robots.txt`; and what the layout shows on every page (title,
//! menus, asset addresses).

use std::collections::BTreeMap;
use std::convert::Infallible;
use std::fmt::Write;

use serde::Serialize;
use serde_json::json;

use super::news::{self, News};
use super::products::Products;
use super::{Kind, Page as AnyPage, Scope, Site, vocabularies};
use crate::config::Config;
use crate::content::{Folder, RawFile};
use crate::error::{Diagnostic, Error};
use crate::ids::{LangId, ProductId, VocabularyId};
use crate::render::xml::escape;
use crate::render::{Head, Output, Pages, Place, View};
use crate::site::fingerprint::Fingerprints;
use crate::site::lists::{ItemRef, ListKey, Lists};
use crate::site::names::Names;
use crate::site::urls::Section;
use crate::site::{Owner, Report, Resolve};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Page {
    Home(LangId),
    Search(LangId),
    NotFound(LangId),
    Sitemap,
    Robots,
}

pub struct SitePages;

impl Kind for SitePages {
    const NAME: &'static str = "site";
    const READS_FILES: bool = false;
    const SECTIONS: &'static [Section] = &[Section {
        key: "search",
        word: "search",
        menu: None,
    }];
    type File = Infallible;
    type Items = ();
    type Page = Page;

    fn parse(_file: &RawFile, _config: &Config) -> Result<Infallible, Diagnostic> {
        unreachable!("site pages read no files")
    }

    fn declare(_files: &Folder<Infallible>, _cx: &Resolve, _names: &mut Names) {}

    fn resolve(_files: &Folder<Infallible>, _cx: &Resolve, _report: &mut Report) {}

    fn list(_items: &(), _cx: &Resolve, _lists: &mut Lists) {}

    fn fingerprints(_items: &(), _out: &mut Fingerprints) {}

    fn photos(_items: &()) -> Vec<crate::media::PhotoUse<'_>> {
        Vec::new()
    }

    /// The site's card in each language, which every page without a picture or a card of
    /// its own shows: the site's name over its description.
    fn share_cards(site: &Site) -> Vec<crate::media::ShareCard> {
        site.langs()
            .map(|lang| {
                let config = &site.config;
                let description = config
                    .description
                    .as_ref()
                    .map(|d| site.text(d, lang))
                    .unwrap_or_default();
                crate::media::ShareCard {
                    src: crate::media::ShareCard::site_src(&config.lang(lang).code),
                    title: site.text(&config.title, lang).to_string(),
                    subtitle: description.to_string(),
                    site: site.text(&config.title, lang).to_string(),
                }
            })
            .collect()
    }

    fn pages(site: &Site) -> Vec<Page> {
        let mut pages: Vec<Page> = site
            .langs()
            .flat_map(|lang| [Page::Home(lang), Page::Search(lang), Page::NotFound(lang)])
            .collect();
        pages.extend([Page::Sitemap, Page::Robots]);
        pages
    }

    fn place(site: &Site, page: Page) -> Place {
        let urls = &site.urls;
        match page {
            Page::Home(lang) => Place::page(urls.home(lang), lang, Owner::Config),
            Page::Search(lang) => Place::page(urls.section(lang, "search"), lang, Owner::Config),
            Page::NotFound(lang) => Place::page(urls.file(lang, "404.html"), lang, Owner::Config).unlisted(),
            Page::Sitemap => Place::file("/sitemap.xml".into(), LangId::FIRST),
            Page::Robots => Place::file("/robots.txt".into(), LangId::FIRST),
        }
    }

    fn translation(_scope: &Scope, page: Page, to: LangId) -> Option<Page> {
        match page {
            Page::Home(_) => Some(Page::Home(to)),
            Page::Search(_) => Some(Page::Search(to)),
            Page::NotFound(_) => Some(Page::NotFound(to)),
            Page::Sitemap | Page::Robots => None,
        }
    }

    fn view(scope: &Scope, page: Page) -> Result<Output, Error> {
        match page {
            Page::Home(_) => home(scope),
            Page::Search(lang) => {
                let title = scope.t("search");
                let head = Head::new(title.clone(), scope.t("search_description"), "search")
                    .crumb(title, scope.urls().section(lang, "search"));
                View::new("search.html", head).output()
            }
            Page::NotFound(_) => View::new(
                "404.html",
                Head::new(scope.t("not_found_title"), scope.t("not_found_text"), "404"),
            )
            .output(),
            Page::Sitemap => Ok(Output::File(sitemap(scope).into_bytes())),
            Page::Robots => {
                let sitemap = scope.urls().absolute("/sitemap.xml");
                Ok(Output::File(
                    format!("User-agent: *\nAllow: /\n\nSitemap: {sitemap}\n").into_bytes(),
                ))
            }
        }
    }
}

/// A menu entry.
#[derive(Serialize)]
struct NavItem {
    key: &'static str,
    label: String,
    url: String,
}

/// What the layout shows on every page of a language.
#[derive(Serialize)]
struct SiteView<'a> {
    title: String,
    description: String,
    locale: String,
    other_locales: Vec<String>,
    home: String,
    feed: String,
    search: String,
    stylesheet: String,
    /// URL of each static file of the theme by its path (`share.js` → `/assets/share.1a2b3c4d.js`).
    assets: BTreeMap<&'a str, &'a str>,
    /// The main menu: the sections that are in it, in order.
    nav: Vec<NavItem>,
    /// The URL of every section by its key (`sections.news`).
    sections: BTreeMap<&'static str, String>,
    /// The plain pages of the footer menu.
    menu: tera::Value,
    /// A menu entry per vocabulary.
    vocabularies: Vec<NavItem>,
    /// The PNG icon for phones' home screens, made from the theme's favicon.
    icon: Option<String>,
    /// The site's own footer notes (`footer` in etalase.yaml).
    footer: Option<String>,
    /// The short name after each page's title.
    short_title: String,
}

impl SitePages {
    /// The layout's `site` value for the scope's language.
    pub fn common(scope: &Scope) -> tera::Value {
        let lang = scope.lang();
        let config = scope.config();
        let urls = scope.urls();
        let mut sections: Vec<Section> = super::sections();
        sections.sort_by_key(|s| s.menu);
        let nav = sections
            .iter()
            .filter(|s| s.menu.is_some())
            .map(|s| NavItem {
                key: s.key,
                label: scope.t(&format!("nav_{}", s.key)),
                url: urls.section(lang, s.key),
            })
            .collect();
        let vocabularies = scope
            .list(ListKey::all("vocabularies", lang))
            .iter()
            .map(|&v| {
                let id = VocabularyId::from_key(v.key);
                NavItem {
                    key: "programs",
                    label: scope.text(&scope.item(id).name).to_string(),
                    url: vocabularies::vocabulary_url(scope, id),
                }
            })
            .collect();
        let view = SiteView {
            title: scope.text(&config.title).to_string(),
            description: config
                .description
                .as_ref()
                .map(|d| scope.text(d).to_string())
                .unwrap_or_default(),
            locale: config.lang(lang).locale.clone(),
            other_locales: config
                .languages
                .iter()
                .enumerate()
                .filter(|&(other, _)| other != lang.index())
                .map(|(_, l)| l.locale.clone())
                .collect(),
            home: urls.home(lang),
            feed: urls.file(lang, news::FEED),
            search: urls.section(lang, "search"),
            stylesheet: scope.asset("style.css").unwrap_or("/style.css").to_string(),
            assets: scope.assets().collect(),
            nav,
            sections: sections.iter().map(|s| (s.key, urls.section(lang, s.key))).collect(),
            menu: scope.cards(scope.list(ListKey::all("menu", lang))),
            vocabularies,
            icon: scope.og_image(crate::media::share::ICON_SRC, "").map(|icon| icon.url),
            footer: config.footer.as_ref().map(|f| scope.text(f).to_string()),
            short_title: scope
                .text(config.short_title.as_ref().unwrap_or(&config.title))
                .to_string(),
        };
        tera::Value::from_serializable(&view)
    }
}

fn home(scope: &Scope) -> Result<Output, Error> {
    let lang = scope.lang();
    let stories = scope.list(ListKey::all(News::NAME, lang));
    let featured: Vec<ItemRef> = scope
        .list(ListKey::all(Products::NAME, lang))
        .iter()
        .copied()
        .filter(|&item| scope.item(ProductId::from_key(item.key)).featured)
        .collect();
    let awards = scope.list(ListKey::all("awards", lang));
    let config = scope.config();
    let description = config
        .description
        .as_ref()
        .map(|d| scope.text(d).to_string())
        .unwrap_or_default();
    let website = json!({
        "@type": "WebSite",
        "name": scope.text(&config.title),
        "inLanguage": config.lang(lang).code,
        "publisher": news::publisher(scope),
    });
    let head = Head::new(scope.text(&config.title), description, "home").jsonld(website);
    // Each story once: the awards shown have their own block, so the latest news leaves them out.
    let awards = &awards[..awards.len().min(3)];
    let latest: Vec<ItemRef> = stories
        .iter()
        .copied()
        .filter(|s| !awards.contains(s))
        .take(6)
        .collect();
    View::new("home.html", head)
        .value("latest", scope.cards(&latest))
        .value("featured", scope.cards(&featured))
        .value("awards", scope.cards(awards))
        .value("units", scope.cards(scope.list(ListKey::all("units", lang))))
        .output()
}

/// Every listed page of the site with its language versions (`xhtml:link` alternates).
fn sitemap(scope: &Scope) -> String {
    let site = scope.whole_site();
    // Language versions are part of `Dep::Places`, already read: look them up unrecorded, so
    // that the sitemap does not count as a reader of every item.
    let versions = scope.in_lang(scope.lang());
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    let placed = AnyPage::placed(site);
    for (page, place) in placed.places() {
        if !place.html || !place.listed {
            continue;
        }
        let _ = write!(xml, "<url><loc>{}</loc>", escape(&site.urls.absolute(&place.url)));
        if let Some(date) = place.lastmod {
            let _ = write!(xml, "<lastmod>{date}</lastmod>");
        }
        let alternates: Vec<(String, String)> = site
            .langs()
            .filter_map(|lang| {
                let other = page.translation(&versions, lang)?;
                let url = match placed.get(other) {
                    Some(place) => site.urls.absolute(&place.url),
                    None => site.urls.absolute(&other.place(site).url),
                };
                Some((site.config.lang(lang).code.clone(), url))
            })
            .collect();
        if alternates.len() > 1 {
            for (lang, href) in alternates {
                let _ = write!(
                    xml,
                    "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                    escape(&lang),
                    escape(&href)
                );
            }
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}
