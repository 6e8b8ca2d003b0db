//! Plain pages (`content/pages/<stem>.<lang>.md`): "about this site" and the like, at the root
//! of their language (`/tentang/`); those with a `menu` number are listed in the footer menu.

use std::path::PathBuf;

use schemars::JsonSchema;
use serde::Deserialize;
use serde_json::json;
use serde_saphyr::Spanned;

use super::{Kind, Scope, Site, Untranslated, untranslated_documents};
use crate::config::Config;
use crate::content::{self, Doc, Folder, RawFile};
use crate::error::{Diagnostic, Diagnostics, Error};
use crate::ids::{DocId, LangId, PerLang, Table};
use crate::render::{Head, ItemId, Output, Place, View};
use crate::site::fields;
use crate::site::fingerprint::Fingerprints;
use crate::site::lists::{ItemRef, ListKey, Lists};
use crate::site::names::{DocumentKey, Names};
use crate::site::{Owner, Report, Resolve};

/// Front matter of a plain page.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PageFront {
    pub title: String,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub slug: Option<Spanned<String>>,
    /// Position in the footer menu; pages without one are not listed there.
    #[serde(default)]
    pub menu: Option<u32>,
    /// `true` keeps the page out of the sitemap (a page for the site's writers, say); it is
    /// still published at its address.
    #[serde(default)]
    pub unlisted: bool,
    #[serde(default)]
    pub draft: bool,
}

/// A plain page in one language, resolved.
#[derive(Debug, Clone, Hash)]
pub struct PlainPage {
    pub lang: LangId,
    pub key: String,
    pub slug: String,
    pub url: String,
    pub title: String,
    pub summary: Option<String>,
    pub menu: Option<u32>,
    pub unlisted: bool,
    pub html: crate::site::markdown::Html,
    pub file: PathBuf,
    pub translations: PerLang<Option<DocId>>,
}

#[derive(Debug, Default)]
pub struct Items {
    pub pages: Table<DocId, PlainPage>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Page(DocId);

impl ItemId<super::Items> for DocId {
    type Item = PlainPage;

    fn get(self, items: &super::Items) -> &PlainPage {
        &items.pages.pages[self]
    }

    fn item_ref(self) -> ItemRef {
        ItemRef::new(PlainPages::NAME, self.key())
    }
}

pub struct PlainPages;

impl Kind for PlainPages {
    const NAME: &'static str = "pages";
    type File = Doc<PageFront>;
    type Items = Items;
    type Page = Page;

    fn parse(file: &RawFile, config: &Config) -> Result<Self::File, Diagnostic> {
        content::document(file, config)
    }

    fn declare(files: &Folder<Self::File>, cx: &Resolve, names: &mut Names) {
        for doc in files.parsed().filter(|d| cx.published(d.front.draft)) {
            let slug = fields::slug(doc, doc.front.slug.as_ref(), false, &mut Diagnostics::default());
            names.declare_document(DocumentKey::of(&doc.source.file), cx.urls.top(doc.lang, &slug));
        }
    }

    fn resolve(files: &Folder<Self::File>, cx: &Resolve, report: &mut Report) -> Items {
        let mut pages: Vec<PlainPage> = files
            .parsed()
            .filter(|doc| cx.published(doc.front.draft))
            .map(|doc| cx.document(doc, 0, report, |report| page(cx, doc, report)))
            .collect();
        fields::link_translations(
            cx.languages(),
            &mut pages,
            |doc| (DocId::of_file(&doc.file), doc.key.as_str(), doc.lang),
            |doc| &mut doc.translations,
        );
        Items {
            pages: Table::new(pages, |item| DocId::of_file(&item.file)),
        }
    }

    fn list(items: &Items, _cx: &Resolve, lists: &mut Lists) {
        let mut menu: Vec<(DocId, &PlainPage)> = items.pages.iter().filter(|(_, p)| p.menu.is_some()).collect();
        menu.sort_by_key(|(_, page)| (page.menu, page.slug.clone()));
        for (id, page) in menu {
            lists.push(ListKey::all("menu", page.lang), id.item_ref());
        }
    }

    fn fingerprints(items: &Items, out: &mut Fingerprints) {
        out.table(PlainPages::NAME, &items.pages);
    }

    fn photos(_items: &Items) -> Vec<crate::media::PhotoUse<'_>> {
        Vec::new()
    }

    fn pages(site: &Site) -> Vec<Page> {
        site.items.pages.pages.ids().map(Page).collect()
    }

    fn place(site: &Site, Page(id): Page) -> Place {
        let page = &site.items.pages.pages[id];
        let place = Place::page(page.url.clone(), page.lang, Owner::File(page.file.clone()));
        if page.unlisted { place.unlisted() } else { place }
    }

    fn translation(scope: &Scope, Page(id): Page, to: LangId) -> Option<Page> {
        let other = scope.item(id).translations[to]?;
        scope.item(other);
        Some(Page(other))
    }

    fn view(scope: &Scope, Page(id): Page) -> Result<Output, Error> {
        let page = scope.item(id);
        let description = page.summary.clone().unwrap_or_else(|| {
            let config = scope.config();
            config
                .description
                .as_ref()
                .map(|d| scope.text(d).to_string())
                .unwrap_or_default()
        });
        let head = Head::new(page.title.clone(), description, "page").crumb(page.title.clone(), page.url.clone());
        View::new("page.html", head)
            .with("content", json!({ "title": page.title, "html": &*page.html }))
            .output()
    }

    fn schema() -> Option<(&'static str, serde_json::Value)> {
        Some((
            "page.schema.json",
            crate::schema::schema::<PageFront>("Front matter of a plain page (content/pages/*.md)"),
        ))
    }

    fn cards(site: &Site) -> Vec<(ItemRef, LangId)> {
        site.items
            .pages
            .pages
            .iter()
            .map(|(id, page)| (id.item_ref(), page.lang))
            .collect()
    }

    /// A page as the footer menu shows it.
    fn card(scope: &Scope, item: ItemRef) -> Option<tera::Value> {
        (item.kind == PlainPages::NAME).then(|| {
            let page = scope.item(DocId::from_key(item.key));
            tera::Value::from_serializable(&json!({ "name": page.title, "url": page.url }))
        })
    }

    fn untranslated(site: &Site) -> Vec<Untranslated> {
        let pages = site.items.pages.pages.values();
        untranslated_documents(site, "page", pages, |page| {
            (page.key.as_str(), page.file.as_path(), &page.translations)
        })
    }
}

fn page(cx: &Resolve, doc: &Doc<PageFront>, report: &mut Report) -> PlainPage {
    let slug = fields::slug(doc, doc.front.slug.as_ref(), false, &mut report.errors);
    let links = cx.body_links(doc, report);
    PlainPage {
        lang: doc.lang,
        key: doc.stem.clone(),
        url: cx.urls.top(doc.lang, &slug),
        slug,
        title: doc.front.title.trim().to_string(),
        summary: doc.front.summary.clone(),
        menu: doc.front.menu,
        unlisted: doc.front.unlisted,
        html: cx.markdown.to_html_linked(doc.body(), &links),
        file: doc.source.file.clone(),
        translations: PerLang::default(),
    }
}
