//! What a view may read while it makes a page: the page's language, items by their typed
//! ids, lists, cards, photos, the configuration and the interface strings — each read
//! recorded as a [`Dep`]. The record of a page is exactly what its output depends on, so the
//! dev server can render again only the pages that read something that changed.

use std::cell::RefCell;
use std::collections::BTreeSet;
use std::sync::Arc;

use tera::Value;

use super::assets::Assets;
use super::images::{ImageView, OgImage};
use crate::config::Config;
use crate::ids::LangId;
use crate::localized::Localized;
use crate::media::Photos;
use crate::site::Site;
use crate::site::lists::{ItemRef, ListKey};
use crate::site::urls::Urls;
use crate::theme::i18n::Locale;

/// One thing a page (or a card) read.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Dep {
    /// An item's data, in any language.
    Item(ItemRef),
    /// An item's card in one language: what lists show of it.
    Card(ItemRef, LangId),
    /// A list's items and their order.
    List(ListKey),
    /// The processed files of a photo in content/media/.
    Photo(String),
    /// The configuration, today's date and the interface strings of a language.
    Settings(LangId),
    /// What the layout shows on every page of a language (menus, languages, footer): what
    /// every HTML page reads besides its own view.
    Common(LangId),
    /// A template of the theme, by name: the page's own, and those it is made of.
    Template(String),
    /// Where every page is published, when it last changed, and its language versions: what
    /// a file that lists the whole site (the sitemap) reads.
    Places,
}

impl Dep {
    /// The dependency by the hash of what it names: how the dev server keeps and compares
    /// dependencies (a few bytes each, for every read of every page).
    pub fn key(&self) -> DepKey {
        DepKey(crate::hashing::of(self))
    }
}

/// A [`Dep`] by the hash of what it names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct DepKey(u64);

/// The id type of one kind's items, which finds the item in the site.
pub trait ItemId<I>: Copy {
    type Item;
    fn get(self, items: &I) -> &Self::Item;
    fn item_ref(self) -> ItemRef;
}

/// A card: an item's summary as lists show it, serialized once. A page that shows it depends
/// on the card's value alone (`Dep::Card`), not on the rest of the item: editing a story's
/// body changes no list that shows only its title and summary.
#[derive(Debug)]
pub struct Card {
    pub value: Value,
    /// The hash of the value, and what the card read with the fingerprint each had then
    /// (made only by the dev server, which reuses a card whose reads did not change).
    pub fingerprint: u64,
    pub reads: Vec<(DepKey, Option<u64>)>,
}

/// Every card of a site, by item and language.
#[derive(Debug, Default, Clone)]
pub struct Cards(crate::hashing::FastMap<(ItemRef, LangId), Arc<Card>>);

impl Cards {
    pub fn insert(&mut self, item: ItemRef, lang: LangId, card: Arc<Card>) {
        self.0.insert((item, lang), card);
    }

    pub fn get(&self, item: ItemRef, lang: LangId) -> Option<&Arc<Card>> {
        self.0.get(&(item, lang))
    }

    /// Every card, by item and language.
    pub fn iter(&self) -> impl Iterator<Item = (ItemRef, LangId, &Arc<Card>)> {
        self.0.iter().map(|(&(item, lang), card)| (item, lang, card))
    }
}

/// The shared state views read from.
pub struct Sources<'r, I> {
    pub site: &'r Site<I>,
    pub photos: &'r Photos,
    pub locales: &'r [Locale],
    pub cards: &'r Cards,
    /// The theme's assets, linked by placeholder (see [`Assets`]).
    pub assets: &'r Assets,
}

impl<I> Clone for Sources<'_, I> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<I> Copy for Sources<'_, I> {}

/// A view's access to the site, in one language, recording what it reads.
pub struct Scope<'r, I> {
    sources: Sources<'r, I>,
    lang: LangId,
    reads: RefCell<BTreeSet<Dep>>,
}

impl<'r, I> Scope<'r, I> {
    pub fn new(sources: Sources<'r, I>, lang: LangId) -> Scope<'r, I> {
        Scope {
            sources,
            lang,
            reads: RefCell::new(BTreeSet::new()),
        }
    }

    fn record(&self, dep: Dep) {
        self.reads.borrow_mut().insert(dep);
    }

    /// Everything read so far.
    pub fn into_reads(self) -> BTreeSet<Dep> {
        self.reads.into_inner()
    }

    /// The language of the page.
    pub fn lang(&self) -> LangId {
        self.lang
    }

    /// The same scope for another language (a page shows other languages only in passing:
    /// the language switcher), sharing the record.
    pub fn in_lang(&self, lang: LangId) -> Scope<'r, I> {
        Scope {
            sources: self.sources,
            lang,
            reads: RefCell::new(BTreeSet::new()),
        }
    }

    /// Adds what another scope read to this one's record.
    pub fn absorb(&self, other: Scope<'r, I>) {
        self.reads.borrow_mut().extend(other.into_reads());
    }

    /// An item, by its typed id.
    pub fn item<Id: ItemId<I>>(&self, id: Id) -> &'r Id::Item {
        self.record(Dep::Item(id.item_ref()));
        id.get(&self.sources.site.items)
    }

    /// The items of a list, in display order.
    pub fn list(&self, key: ListKey) -> &'r [ItemRef] {
        self.record(Dep::List(key));
        self.sources.site.lists.get(key)
    }

    /// The cards of `items` in the page's language, as one template value.
    pub fn cards(&self, items: &[ItemRef]) -> Value {
        Value::from(items.iter().filter_map(|&item| self.card(item)).collect::<Vec<_>>())
    }

    /// The card of one item in the page's language, if it has one there.
    pub fn card(&self, item: ItemRef) -> Option<Value> {
        let card = self.sources.cards.get(item, self.lang)?;
        self.record(Dep::Card(item, self.lang));
        Some(card.value.clone())
    }

    /// The site's configuration.
    pub fn config(&self) -> &'r Config {
        self.record(Dep::Settings(self.lang));
        &self.sources.site.config
    }

    /// The URL builder (section words come from the configuration).
    pub fn urls(&self) -> &'r Urls {
        self.record(Dep::Settings(self.lang));
        &self.sources.site.urls
    }

    /// The interface strings of the page's language.
    pub fn locale(&self) -> &'r Locale {
        self.record(Dep::Settings(self.lang));
        &self.sources.locales[self.lang.index()]
    }

    /// One interface string of the page's language.
    pub fn t(&self, key: &str) -> String {
        self.locale().get(key).to_string()
    }

    /// A localized value in the page's language, falling back to the first language.
    pub fn text<'a>(&self, value: &'a Localized<String>) -> &'a str {
        crate::site::text(&self.sources.site.config, value, self.lang)
    }

    /// A city or region name in the page's language (`places` in etalase.yaml).
    pub fn place<'a>(&'a self, name: &'a str) -> &'a str {
        crate::site::place(&self.sources.site.config, name, self.lang)
    }

    /// How a page links the theme asset at `path` (`style.css`): a placeholder that becomes
    /// its hashed address when the page is written (see [`Assets`]). Addresses change with
    /// every edit of the file; placeholders do not, so no page depends on them.
    pub fn asset(&self, path: &str) -> Option<&'r str> {
        self.record(Dep::Settings(self.lang));
        self.sources.assets.placeholder(path)
    }

    /// Every theme asset: path → placeholder.
    pub fn assets(&self) -> impl Iterator<Item = (&'r str, &'r str)> {
        self.record(Dep::Settings(self.lang));
        self.sources.assets.placeholders()
    }

    /// How a picture in content/media/ is shown: its processed variants, or the SVG as it is.
    pub fn image(&self, src: &str, alt: &str) -> ImageView {
        self.record(Dep::Photo(src.to_string()));
        ImageView::new(self.sources.photos, src, alt)
    }

    /// The Open Graph image of a photo (none for SVG).
    pub fn og_image(&self, src: &str, alt: &str) -> Option<OgImage> {
        self.record(Dep::Photo(src.to_string()));
        OgImage::new(self.sources.photos, src, alt)
    }

    /// Absolute URLs of a picture for structured data.
    pub fn image_urls(&self, src: &str) -> Vec<String> {
        self.record(Dep::Photo(src.to_string()));
        super::images::image_urls(self.sources.photos, src)
            .iter()
            .map(|url| self.sources.site.urls.absolute(url))
            .collect()
    }

    /// The whole site, for the files that list every page (the sitemap); recorded as a read
    /// of every page's place (see [`Dep::Places`]) and of the configuration.
    pub fn whole_site(&self) -> &'r Site<I> {
        self.record(Dep::Places);
        self.record(Dep::Settings(self.lang));
        self.sources.site
    }
}
