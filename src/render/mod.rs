//! The render stage: turns the resolved site into output files (path + bytes). Each page is
//! made by its kind's view (`crate::kinds`), which reads the site through a [`Scope`] that
//! records every read, and returns a template with its data; this module adds what every
//! page shares (the layout's `site`, `t` and `page` values) and renders the template with
//! Tera. Item summaries are serialized once as cards and shared by every list that shows
//! them, so a list page costs only its slice. Pure: it reads and writes no files, so the
//! caller renders pages in parallel.

mod assets;
pub mod images;
pub mod jsonld;
pub mod layout;
pub mod minify;
mod scope;
mod template_deps;
pub mod xml;

use std::borrow::Cow;
use std::collections::{BTreeSet, HashMap};
use std::fmt::Debug;
use std::hash::Hash;
use std::marker::PhantomData;
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;
use serde::Serialize;
use tera::{Context, Tera, Value};

use crate::error::Error;
use crate::hashing::FastMap;
use crate::ids::{LangId, PerLang};
use crate::media::Photos;
use crate::site::Site;
use crate::site::fingerprint;
use crate::site::lists::ItemRef;
use crate::site::urls::output_path;
use crate::theme::Theme;
use crate::theme::i18n::Locale;
pub use assets::Assets;
use layout::{Alternate, PageMeta, SwitchTarget, percent_encode};
pub use layout::{Crumb, Head, Pager};
pub use scope::{Card, Cards, Dep, DepKey, ItemId, Scope, Sources};

/// The pages of a site, as the kinds registry defines them (`crate::kinds::Page`).
pub trait Pages<I>: Copy + Eq + Hash + Debug + Send + Sync + Sized {
    /// Every page and file of the site, in a stable order.
    fn all(site: &Site<I>) -> Vec<Self>;
    /// Where the page is published.
    fn place(self, site: &Site<I>) -> Place;
    /// Every page with where it is published, made once per site (see [`Placed`]).
    fn placed(site: &Site<I>) -> &Placed<Self>;
    /// The same page in another language, when it exists there; reads through `scope`.
    fn translation(self, scope: &Scope<I>, to: LangId) -> Option<Self>;
    /// The page's content.
    fn view(self, scope: &Scope<I>) -> Result<Output, Error>;
    /// Every card of the site: (item, language).
    fn cards(site: &Site<I>) -> Vec<(ItemRef, LangId)>;
    /// One card, read through `scope` (in the card's language).
    fn card(scope: &Scope<I>, item: ItemRef) -> Option<Value>;
    /// What the layout shows on every page of `scope`'s language: the `site` value.
    fn common(scope: &Scope<I>) -> Value;
}

/// Where a page is published and what it comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    /// Root-relative URL of an HTML page (`/berita/a/`) or of a file (`/atom.xml`).
    pub url: String,
    pub lang: LangId,
    /// Whether the page is HTML (feeds and the sitemap are not).
    pub html: bool,
    /// Listed in the sitemap and linked to its language versions (the 404 page is not).
    pub listed: bool,
    pub owner: crate::site::Owner,
    /// When the page's content last changed, for the sitemap.
    pub lastmod: Option<jiff::civil::Date>,
}

impl Place {
    /// An HTML page whose URL `owner` decides.
    pub fn page(url: String, lang: LangId, owner: crate::site::Owner) -> Place {
        Place {
            url,
            lang,
            html: true,
            listed: true,
            owner,
            lastmod: None,
        }
    }

    /// A file that is not a page (a feed, the sitemap).
    pub fn file(url: String, lang: LangId) -> Place {
        Place {
            url,
            lang,
            html: false,
            listed: false,
            owner: crate::site::Owner::Config,
            lastmod: None,
        }
    }

    /// A page left out of the sitemap and of language alternates (the 404 page).
    pub fn unlisted(mut self) -> Place {
        self.listed = false;
        self
    }

    /// A page whose content last changed on `date`.
    pub fn modified(mut self, date: jiff::civil::Date) -> Place {
        self.lastmod = Some(date);
        self
    }

    /// The file the page is written to: `/berita/x/` → `berita/x/index.html`.
    pub fn output_path(&self) -> String {
        output_path(&self.url)
    }
}

/// Every page of a site with where it is published, in the order of [`Pages::all`]: made once
/// per site and shared by the check of URL collisions, the renderer and the sitemap (and by
/// the sites of later saves that move no page, see `kinds::Site::patch`).
#[derive(Debug)]
pub struct Placed<P> {
    places: Vec<(P, Place)>,
    index: FastMap<P, usize>,
    /// The fingerprint of `Dep::Places`, once asked (see [`Renderer::places_fingerprint`]).
    fingerprint: OnceLock<u64>,
    /// Each page's output path, in the same order, once asked.
    paths: OnceLock<Vec<String>>,
}

impl<P: Copy + Eq + Hash + Send + Sync> Placed<P> {
    /// Places every page of `pages` with `place`.
    pub fn new(pages: Vec<P>, place: impl Fn(P) -> Place + Sync) -> Placed<P> {
        let places: Vec<Place> = pages.par_iter().map(|&page| place(page)).collect();
        Placed {
            index: pages.iter().enumerate().map(|(ix, &page)| (page, ix)).collect(),
            places: pages.into_iter().zip(places).collect(),
            fingerprint: OnceLock::new(),
            paths: OnceLock::new(),
        }
    }

    /// Every page with its place.
    pub fn places(&self) -> &[(P, Place)] {
        &self.places
    }

    /// Each page's output path, in the order of [`Placed::places`].
    pub fn paths(&self) -> &[String] {
        self.paths
            .get_or_init(|| self.places.par_iter().map(|(_, place)| place.output_path()).collect())
    }

    /// Where `page` is published, when it is a page of the site.
    pub fn get(&self, page: P) -> Option<&Place> {
        self.index.get(&page).map(|&ix| &self.places[ix].1)
    }
}

/// What a view makes: an HTML page, or the bytes of another file.
pub enum Output {
    Html(Box<View>),
    File(Vec<u8>),
}

/// An HTML page before rendering: its template, what it tells the layout, and its data.
pub struct View {
    pub template: &'static str,
    pub head: Head,
    pub data: Vec<(&'static str, Value)>,
}

impl View {
    pub fn new(template: &'static str, head: Head) -> View {
        View {
            template,
            head,
            data: Vec::new(),
        }
    }

    /// Adds a template variable.
    pub fn with(mut self, key: &'static str, value: impl Serialize) -> View {
        self.data.push((key, Value::from_serializable(&value)));
        self
    }

    /// Adds a template variable that is already a template value (e.g. cards).
    pub fn value(mut self, key: &'static str, value: Value) -> View {
        self.data.push((key, value));
        self
    }

    pub fn output(self) -> Result<Output, Error> {
        Ok(Output::Html(Box::new(self)))
    }
}

/// One rendered file of the site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rendered {
    /// `/`-separated path inside the output folder.
    pub path: String,
    pub bytes: Vec<u8>,
    /// The template of an HTML page (`None` for other files).
    pub template: Option<&'static str>,
    /// Everything the page read.
    pub deps: BTreeSet<Dep>,
}

/// How pages are rendered.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// Skip minification (faster; `check` reads the pages as rendered).
    pub no_minify: bool,
}

/// Where HTML gets minified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Minify {
    /// Each template once, when loaded: pages come out of rendering minified.
    Templates,
    /// Each page after rendering: for themes whose templates cannot be minified alone.
    Pages,
}

/// A theme's templates, compiled once and shared by every build of a session.
pub struct Templates {
    tera: Tera,
    minify: Minify,
    /// The sources as written, compiled on the first rendering error so that it names the
    /// line a theme author sees rather than one of the minified template.
    sources: Vec<(String, String)>,
    as_written: OnceLock<Option<Tera>>,
    locales: Vec<Locale>,
    /// The theme's assets, which pages link by placeholder.
    assets: Assets,
    /// For each template, the templates a page made with it depends on.
    uses: HashMap<String, Vec<String>>,
}

impl Templates {
    /// Compiles the theme's templates, minified when every one of them can be.
    pub fn new(theme: &Theme) -> Result<Templates, Error> {
        Templates::minifying(theme, Minify::Templates)
    }

    /// Compiles the theme's templates, minifying where `minify` asks if the theme allows it.
    pub fn minifying(theme: &Theme, minify: Minify) -> Result<Templates, Error> {
        let minified: Option<Vec<(&str, String)>> = match minify {
            Minify::Templates => theme
                .templates
                .iter()
                .map(|(name, source)| Some((name.as_str(), minify::template(source)?)))
                .collect(),
            Minify::Pages => None,
        };
        // A template with an error is compiled as written, so the error points at its line.
        let (tera, minify) = match minified.map(|templates| compile(templates.iter().map(|(n, t)| (*n, t.as_str())))) {
            Some(Ok(tera)) => (tera, Minify::Templates),
            _ => (
                compile(theme.templates.iter().map(|(n, t)| (n.as_str(), t.as_str())))
                    .map_err(|err| template_error("theme", &err))?,
                Minify::Pages,
            ),
        };
        Ok(Templates {
            tera,
            minify,
            sources: theme.templates.clone().into_iter().collect(),
            as_written: OnceLock::new(),
            locales: theme.locales.clone(),
            assets: Assets::new(&theme.asset_urls),
            uses: template_deps::dependencies(theme.templates.iter().map(|(n, t)| (n.as_str(), t.as_str()))),
        })
    }

    /// Where this theme's pages are minified.
    pub fn minify(&self) -> Minify {
        self.minify
    }

    /// The fingerprint of each template's source as written.
    pub fn fingerprints(&self) -> impl Iterator<Item = (Dep, u64)> + '_ {
        self.sources
            .iter()
            .map(|(name, source)| (Dep::Template(name.clone()), fingerprint::of(source)))
    }

    /// What a page made with `template` depends on of the theme's templates.
    fn template_deps(&self, template: &str) -> impl Iterator<Item = Dep> + '_ {
        self.uses
            .get(template)
            .into_iter()
            .flatten()
            .map(|name| Dep::Template(name.clone()))
    }

    fn render(&self, template: &str, context: &Context) -> Result<String, Error> {
        self.tera.render(template, context).map_err(|err| {
            let as_written = (self.minify == Minify::Templates)
                .then(|| {
                    self.as_written
                        .get_or_init(|| compile(self.sources.iter().map(|(n, t)| (n.as_str(), t.as_str()))).ok())
                        .as_ref()
                })
                .flatten();
            let err = as_written
                .and_then(|tera| tera.render(template, context).err())
                .unwrap_or(err);
            template_error(template, &err)
        })
    }
}

/// What every page of one language shares. Pages depend on it as `Dep::Common`, whose
/// fingerprint is made of these values: what the layout was given, not what it was made of.
struct Common {
    site: Value,
    strings: Value,
}

/// Renders the pages `P` of one site with one theme.
pub struct Renderer<I, P> {
    site: Arc<Site<I>>,
    photos: Arc<Photos>,
    templates: Arc<Templates>,
    cards: Cards,
    common: PerLang<Common>,
    /// The fingerprint of `Dep::Settings` of each language.
    settings: PerLang<u64>,
    options: RenderOptions,
    /// The pages are the site's (`Pages::placed`).
    pages: PhantomData<P>,
}

/// The cards of an earlier build, and the fingerprints of items, lists and photos now: each
/// card whose reads have the fingerprints they had when it was made is still right.
pub type Reuse<'a> = (&'a Cards, &'a crate::hashing::FastMap<DepKey, u64>);

impl<I: Sync + Send, P: Pages<I>> Renderer<I, P> {
    /// Prepares what pages share: every card, and the layout's values of each language.
    pub fn new(site: Arc<Site<I>>, photos: Arc<Photos>, templates: Arc<Templates>, options: RenderOptions) -> Self {
        Self::make(site, photos, templates, options, None)
    }

    /// Like [`Renderer::new`], for the dev server: takes the cards of `reuse` that are still
    /// right instead of making them again, and fingerprints every card.
    pub fn reusing(
        site: Arc<Site<I>>,
        photos: Arc<Photos>,
        templates: Arc<Templates>,
        options: RenderOptions,
        reuse: Reuse,
    ) -> Self {
        Self::make(site, photos, templates, options, Some(reuse))
    }

    fn make(
        site: Arc<Site<I>>,
        photos: Arc<Photos>,
        templates: Arc<Templates>,
        options: RenderOptions,
        reuse: Option<Reuse>,
    ) -> Self {
        let mut renderer = Renderer {
            site,
            photos,
            templates,
            cards: Cards::default(),
            common: PerLang::default(),
            settings: PerLang::default(),
            options,
            pages: PhantomData,
        };
        renderer.settings = PerLang::build(renderer.site.languages(), |lang| renderer.settings_fingerprint(lang));
        renderer.cards = renderer.make_cards(reuse);
        let common = PerLang::build(renderer.site.languages(), |lang| renderer.make_common(lang));
        renderer.common = common;
        renderer
    }

    fn settings_fingerprint(&self, lang: LangId) -> u64 {
        let config = format!("{:?}", self.site.config);
        let strings = Value::from_serializable(&self.templates.locales[lang.index()].strings);
        let minify = (self.templates.minify == Minify::Templates, self.options.no_minify);
        let assets: Vec<(&str, &str)> = self.templates.assets.placeholders().collect();
        let strings = fingerprint::of_value(&strings);
        fingerprint::of(&(config, self.site.config.today(), strings, assets, minify))
    }

    fn sources(&self) -> Sources<'_, I> {
        Sources {
            site: &self.site,
            photos: &self.photos,
            locales: &self.templates.locales,
            cards: &self.cards,
            assets: &self.templates.assets,
        }
    }

    fn make_cards(&self, reuse: Option<Reuse>) -> Cards {
        let sources = self.sources();
        let settings: Vec<(DepKey, u64)> = self
            .settings
            .iter()
            .map(|(lang, &hash)| (Dep::Settings(lang).key(), hash))
            .collect();
        let now = |dep: &DepKey| match settings.iter().find(|(key, _)| key == dep) {
            Some((_, hash)) => Some(*hash),
            None => reuse.and_then(|(_, known)| known.get(dep).copied()),
        };
        let made: Vec<_> = P::cards(&self.site)
            .into_par_iter()
            .filter_map(|(item, lang)| {
                if let Some((previous, _)) = reuse
                    && let Some(card) = previous.get(item, lang)
                    && !card.reads.is_empty()
                    && card.reads.iter().all(|(dep, then)| then.is_some() && now(dep) == *then)
                {
                    return Some((item, lang, card.clone()));
                }
                let scope = Scope::new(sources, lang);
                let value = P::card(&scope, item)?;
                let card = match reuse {
                    None => Card {
                        value,
                        fingerprint: 0,
                        reads: Vec::new(),
                    },
                    Some(_) => Card {
                        fingerprint: fingerprint::of_value(&value),
                        value,
                        reads: scope
                            .into_reads()
                            .into_iter()
                            .map(|dep| {
                                let key = dep.key();
                                (key, now(&key))
                            })
                            .collect(),
                    },
                };
                Some((item, lang, Arc::new(card)))
            })
            .collect();
        let mut cards = Cards::default();
        for (item, lang, card) in made {
            cards.insert(item, lang, card);
        }
        cards
    }

    fn make_common(&self, lang: LangId) -> Common {
        let scope = Scope::new(self.sources(), lang);
        let site = P::common(&scope);
        let strings = Value::from_serializable(&scope.locale().strings);
        Common { site, strings }
    }

    pub fn site(&self) -> &Site<I> {
        &self.site
    }

    pub fn photos(&self) -> &Photos {
        &self.photos
    }

    /// Every page and file of the site.
    pub fn pages(&self) -> Vec<P> {
        self.places().iter().map(|(page, _)| *page).collect()
    }

    /// Every page and file of the site, with where it is published.
    pub fn places(&self) -> &[(P, Place)] {
        P::placed(&self.site).places()
    }

    /// Every page's output path, in the order of [`Renderer::places`].
    pub fn paths(&self) -> &[String] {
        P::placed(&self.site).paths()
    }

    /// Where a page is published.
    pub fn place(&self, page: P) -> Place {
        match P::placed(&self.site).get(page) {
            Some(place) => place.clone(),
            None => page.place(&self.site),
        }
    }

    /// The URL of a page.
    fn url(&self, page: P) -> Cow<'_, str> {
        match P::placed(&self.site).get(page) {
            Some(place) => Cow::Borrowed(&place.url),
            None => Cow::Owned(page.place(&self.site).url),
        }
    }

    /// Renders one page or file.
    pub fn render(&self, page: P) -> Result<Rendered, Error> {
        let place = self.place(page);
        let scope = Scope::new(self.sources(), place.lang);
        match page.view(&scope)? {
            Output::File(bytes) => Ok(Rendered {
                path: place.output_path(),
                bytes,
                template: None,
                deps: scope.into_reads(),
            }),
            Output::Html(view) => {
                let common = &self.common[place.lang];
                let View { template, head, data } = *view;
                let meta = self.meta(page, &place, head, &scope);
                let mut context = Context::new();
                context.insert_value("site", common.site.clone());
                context.insert_value("t", common.strings.clone());
                context.insert("lang", &self.site.config.lang(place.lang).code);
                context.insert("page", &meta);
                for (key, value) in data {
                    context.insert_value(key, value);
                }
                let html = self.templates.render(template, &context)?;
                let mut deps = scope.into_reads();
                deps.insert(Dep::Common(place.lang));
                deps.extend(self.templates.template_deps(template));
                Ok(Rendered {
                    path: place.output_path(),
                    bytes: self.finish_html(html),
                    template: Some(template),
                    deps,
                })
            }
        }
    }

    /// What the layout needs to know of a page besides its view.
    fn meta(&self, page: P, place: &Place, head: Head, scope: &Scope<I>) -> PageMeta {
        let site = &*self.site;
        let urls = &site.urls;
        let canonical = urls.absolute(&place.url);
        let versions: Vec<(LangId, Option<String>)> = site
            .langs()
            .map(|to| {
                (
                    to,
                    page.translation(scope, to).map(|other| self.url(other).into_owned()),
                )
            })
            .collect();
        let alternates = versions
            .iter()
            .filter(|_| place.listed)
            .filter_map(|(lang, url)| {
                Some(Alternate {
                    lang: site.config.lang(*lang).code.clone(),
                    url: urls.absolute(url.as_ref()?),
                })
            })
            .collect();
        let switcher = versions
            .into_iter()
            .map(|(to, url)| {
                let language = site.config.lang(to);
                SwitchTarget {
                    code: language.code.clone(),
                    name: language.name.clone(),
                    available: url.is_some(),
                    url: url.unwrap_or_else(|| urls.home(to)),
                    current: to == place.lang,
                }
            })
            .collect();
        let home = self.templates.locales[place.lang.index()].get("home").to_string();
        let mut breadcrumbs = vec![Crumb {
            name: home,
            url: urls.home(place.lang),
        }];
        breadcrumbs.extend(head.crumbs);
        let crumbs: Vec<(String, String)> = breadcrumbs
            .iter()
            .map(|c| (c.name.clone(), urls.absolute(&c.url)))
            .collect();
        PageMeta {
            share_whatsapp: format!(
                "https://wa.me/?text={}",
                percent_encode(&format!("{} {canonical}", head.title))
            ),
            jsonld: jsonld::graph(&canonical, &crumbs, head.jsonld),
            // Search results show about 160 characters: longer ones are cut after a word.
            description: crate::site::markdown::truncate(&head.description, 160),
            title: head.title,
            url: place.url.clone(),
            canonical,
            alternates,
            switcher,
            breadcrumbs,
            og_type: head.og_type,
            og_image: head
                .image
                .or_else(|| {
                    let code = &site.config.lang(place.lang).code;
                    let title = site.text(&site.config.title, place.lang);
                    scope.og_image(&crate::media::ShareCard::site_src(code), title)
                })
                .map(|image| images::OgImage {
                    url: urls.absolute(&image.url),
                    ..image
                }),
            section: head.section,
            extra: head.extra,
        }
    }

    fn finish_html(&self, html: String) -> Vec<u8> {
        if self.options.no_minify || self.templates.minify == Minify::Templates {
            return html.into_bytes();
        }
        minify::page(&html)
    }

    /// The fingerprints of what pages read besides items, lists and photos: the templates,
    /// every card (made by [`Renderer::reusing`]), each language's settings and what the layout
    /// shows on every page of a language.
    pub fn fingerprints(&self) -> Vec<(Dep, u64)> {
        let mut found: Vec<(Dep, u64)> = self.templates.fingerprints().collect();
        found.extend(
            self.cards
                .iter()
                .map(|(item, lang, card)| (Dep::Card(item, lang), card.fingerprint)),
        );
        for (lang, common) in self.common.iter() {
            let settings = self.settings[lang];
            let layout = (
                settings,
                fingerprint::of_value(&common.site),
                fingerprint::of_value(&common.strings),
            );
            found.push((Dep::Settings(lang), settings));
            found.push((Dep::Common(lang), fingerprint::of(&layout)));
        }
        found
    }

    /// The cards of this build, for the next to reuse.
    pub fn cards(&self) -> &Cards {
        &self.cards
    }

    /// The fingerprint of `Dep::Places`: each page's address, whether it is listed, when it
    /// last changed, and the addresses of its language versions. Kept with the places, which
    /// a patched site shares with the site it was patched from: a patch moves no page and
    /// changes no language version (checked here in builds with debug assertions).
    pub fn places_fingerprint(&self) -> u64 {
        let placed = P::placed(&self.site);
        let fingerprint = *placed.fingerprint.get_or_init(|| self.fingerprint_places());
        debug_assert_eq!(fingerprint, self.fingerprint_places(), "a patch moved a page");
        fingerprint
    }

    fn fingerprint_places(&self) -> u64 {
        let site = &*self.site;
        let hashes: Vec<u64> = self
            .places()
            .par_iter()
            .map(|(page, place)| {
                let scope = Scope::new(self.sources(), place.lang);
                let versions: Vec<Option<Cow<str>>> = site
                    .langs()
                    .map(|lang| page.translation(&scope, lang).map(|other| self.url(other)))
                    .collect();
                fingerprint::of(&(&place.url, place.html, place.listed, place.lastmod, versions))
            })
            .collect();
        fingerprint::of(&hashes)
    }

    /// The theme's assets, whose addresses [`Assets::fill`] puts into rendered pages.
    pub fn assets(&self) -> &Assets {
        &self.templates.assets
    }

    /// Where this renderer's pages are minified.
    pub fn minify(&self) -> Minify {
        self.templates.minify
    }
}

fn compile<'a>(templates: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Tera, tera::Error> {
    let mut tera = Tera::new();
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.add_raw_templates(templates)?;
    Ok(tera)
}

fn template_error(template: &str, err: &tera::Error) -> Error {
    use std::error::Error as _;
    let mut message = err.to_string();
    let mut cause = err.source();
    while let Some(inner) = cause {
        message.push_str(": ");
        message.push_str(&inner.to_string());
        cause = inner.source();
    }
    Error::Template {
        template: template.to_string(),
        message,
    }
}
