//! Content kinds: each kind of content (press releases, plain pages, products, units,
//! vocabularies, the agenda) is one module that owns its file format, how its files resolve
//! into items, the lists it contributes, its cards and the pages it publishes. The stages
//! (`content`, `site`, `render`) never name a kind: they ask the registry below, which asks
//! every kind, so a new kind cannot forget a shared concern — photos, URL collisions, the
//! sitemap, language versions, feeds.
//!
//! Adding a kind: write its module (a type implementing [`Kind`]), its templates and its
//! interface strings, and register it with one line in the `registry!` call at the end.

pub mod agenda;
pub mod news;
pub mod pages;
pub mod products;
pub mod site;
pub mod units;
pub mod vocabularies;

use std::fmt::Debug;
use std::hash::Hash;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use rayon::prelude::*;
use tera::Value;

use crate::config::Config;
use crate::content::{Folder, Found, Parsed, RawFile, Source};
use crate::error::{Diagnostic, Diagnostics, Error};
use crate::ids::LangId;
use crate::media::ShareCard;
use crate::render::{Output, Place, Placed};
use crate::scaffold::NewFile;
use crate::site::fingerprint::Fingerprints;
use crate::site::lists::{ItemRef, Lists, Target};
use crate::site::memo::Caches;
use crate::site::names::Names;
use crate::site::urls::{Section, Urls};
use crate::site::{Owner, Report, Resolve, SiteOptions};
use crate::timings::Phases;

/// The resolved site with the items of every registered kind.
pub type Site = crate::site::Site<Items>;
/// Everything in content/, parsed by every registered kind.
pub type Content = crate::content::Content<Files>;
/// A view's access to the site.
pub type Scope<'r> = crate::render::Scope<'r, Items>;
/// The renderer of the registered kinds' pages.
pub type Renderer = crate::render::Renderer<Items, Page>;

/// A kind of content, or of pages.
pub trait Kind: 'static {
    /// Its name in item references; also its folder in `content/` when it has one.
    const NAME: &'static str;
    /// Whether it reads the files of `content/<NAME>/`.
    const READS_FILES: bool = true;
    /// The sections of the site it publishes (their URL words, their place in the menu).
    const SECTIONS: &'static [Section] = &[];
    /// What one of its files parses into.
    type File: Parsed + Clone + Send + Sync;
    /// Its part of the resolved site.
    type Items: Default + Send + Sync;
    /// A page (or another file, such as a feed) it publishes.
    type Page: Copy + Eq + Hash + Debug + Send + Sync;

    /// Parses one file of its folder.
    fn parse(file: &RawFile, config: &Config) -> Result<Self::File, Diagnostic>;

    /// Records the names other items may refer to (ids, document URLs), before anything
    /// resolves; the files that failed to parse are recorded too, so that references to them
    /// are not reported as dangling.
    fn declare(files: &Folder<Self::File>, cx: &Resolve, names: &mut Names);

    /// Turns the parsed files into items, checking every reference against `cx`. Resolving
    /// each file through `cx.document` or `cx.sheet` lets the dev server reuse the items of
    /// files whose inputs did not change.
    fn resolve(files: &Folder<Self::File>, cx: &Resolve, report: &mut Report) -> Self::Items;

    /// Resolves again, on a copy of `last` (its items at the last good build, resolved
    /// against the names in `cx`), only the items that the files `changed` (all of its
    /// folder, all parsed) make or feed, and says which files those items are made of. It
    /// answers `None` whenever the result could differ from what [`Kind::resolve`] makes
    /// of the same files in anything but those items' own data: the names any kind declares,
    /// any list, the pages, where they are published and their language versions. The site
    /// is then resolved whole, as it is for every kind that keeps the default, and whenever
    /// the items resolved again report a problem (so a patch may assume they report none).
    fn patch(
        _last: &Self::Items,
        _files: &Folder<Self::File>,
        _changed: &[&Path],
        _cx: &Resolve,
        _report: &mut Report,
    ) -> Option<(Self::Items, Vec<PathBuf>)> {
        None
    }

    /// The lists its items make, and the lists about other items they belong to (a story is
    /// in the news of its unit and of each programme term it names).
    fn list(items: &Self::Items, cx: &Resolve, lists: &mut Lists);

    /// Every photo its items show, with where each is referenced.
    fn photos(items: &Self::Items) -> Vec<crate::media::PhotoUse<'_>>;

    /// The share cards its pages show in link previews when they have no picture of their
    /// own; a view finds its card by the card's `src` (`ShareCard::src`).
    fn share_cards(_site: &Site) -> Vec<ShareCard> {
        Vec::new()
    }

    /// The fingerprint of each of its items (`out.table(…)` for each of its tables): what
    /// the dev server compares to know which items a save changed.
    fn fingerprints(items: &Self::Items, out: &mut Fingerprints);

    /// Every page and file it publishes, in a stable order.
    fn pages(site: &Site) -> Vec<Self::Page>;

    /// Where a page is published, in which language, and which file decides its URL.
    fn place(site: &Site, page: Self::Page) -> Place;

    /// The same page in another language, when it exists there; whatever decides that is
    /// read through `scope`, so that the page is made again when it changes.
    fn translation(scope: &Scope, page: Self::Page, to: LangId) -> Option<Self::Page>;

    /// The page's content: an HTML view or the bytes of a file.
    fn view(scope: &Scope, page: Self::Page) -> Result<Output, Error>;

    /// The cards (summaries for lists) of its items: (item, language).
    fn cards(_site: &Site) -> Vec<(ItemRef, LangId)> {
        Vec::new()
    }

    /// The card of one of its items in `scope`'s language; `None` for another kind's item.
    fn card(_scope: &Scope, _item: ItemRef) -> Option<Value> {
        None
    }

    /// What it shows on the page of a unit, product or programme term that its items name,
    /// when those pages do not show it themselves.
    fn related(_scope: &Scope, _target: Target) -> Option<Related> {
        None
    }

    /// Samples of every message of its own catalogue, for the test of every message.
    fn messages() -> Vec<crate::messages::Message> {
        Vec::new()
    }

    /// Its items that are missing in some language, for `check`'s report.
    fn untranslated(_site: &Site) -> Vec<Untranslated> {
        Vec::new()
    }

    /// What `check` advises about its items beyond what stops a build (e.g. a summary longer
    /// than search results show).
    /// `content` holds the files' text, to place each warning at its line.
    fn advise(_site: &Site, _content: &Content, _warnings: &mut Diagnostics) {}

    /// Its file format as a JSON Schema for editors, (file name, schema), when writers edit
    /// files of it.
    fn schema() -> Option<(&'static str, serde_json::Value)> {
        None
    }

    /// The word `etalase new <word>` starts one of its files with, when it can.
    const NEW: Option<&'static str> = None;

    /// The files `etalase new` writes for it: (path, text).
    fn new_files(_request: &NewFile) -> Result<Vec<(std::path::PathBuf, String)>, Error> {
        Ok(Vec::new())
    }
}

/// A block of items on another item's page: events on a unit's page, say.
#[derive(Debug, serde::Serialize)]
pub struct Related {
    /// The kind's name, for the block's id.
    pub key: &'static str,
    pub title: String,
    /// The items' cards, shown by the theme's `item_list` component.
    pub items: Value,
}

/// The share card of item `id` of kind `kind` in `lang`: `title` over `subtitle`, with the
/// site's name.
pub fn share_card(site: &Site, kind: &str, id: &str, lang: LangId, title: &str, subtitle: &str) -> ShareCard {
    ShareCard {
        src: ShareCard::src(kind, id, &site.config.lang(lang).code),
        title: title.to_string(),
        subtitle: subtitle.to_string(),
        site: site.text(&site.config.title, lang).to_string(),
    }
}

/// The Open Graph image of a page without a picture of its own: the share card of item `id`
/// of kind `kind` in the scope's language (made by the kind's `share_cards`).
pub fn card_image(scope: &Scope, kind: &str, id: &str, title: &str) -> Option<crate::render::images::OgImage> {
    let code = &scope.config().lang(scope.lang()).code;
    scope.og_image(&ShareCard::src(kind, id, code), title)
}

/// The name of a unit in `lang`, for share cards.
fn unit_name(site: &Site, unit: crate::ids::UnitId, lang: LangId) -> String {
    site.items
        .units
        .units
        .get(unit)
        .map(|unit| site.text(&unit.name, lang).to_string())
        .unwrap_or_default()
}

/// The codes of the languages in which `present` is false.
pub fn missing_languages(site: &Site, present: impl Fn(LangId) -> bool) -> Vec<String> {
    site.langs()
        .filter(|&lang| !present(lang))
        .map(|lang| site.config.lang(lang).code.clone())
        .collect()
}

/// One entry per document kept in a file per language (its first version in `documents`),
/// naming the languages it has no version in; `parts` gives a document's key (its file stem),
/// file and versions.
pub fn untranslated_documents<'a, T: 'a, Id: 'a>(
    site: &Site,
    kind: &'static str,
    documents: impl Iterator<Item = &'a T>,
    parts: impl Fn(&'a T) -> (&'a str, &'a Path, &'a crate::ids::PerLang<Option<Id>>),
) -> Vec<Untranslated> {
    let mut seen = std::collections::HashSet::new();
    documents
        .map(parts)
        .filter(|(key, ..)| seen.insert(*key))
        .filter_map(|(_, file, versions)| {
            let missing = missing_languages(site, |lang| versions[lang].is_some());
            (!missing.is_empty()).then(|| Untranslated {
                kind,
                file: file.to_path_buf(),
                missing,
            })
        })
        .collect()
}

/// An item without a version in some languages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Untranslated {
    /// What the item is: `news`, `product`, `page`.
    pub kind: &'static str,
    /// The item's file (the first language's, for documents).
    pub file: std::path::PathBuf,
    /// The language codes it is missing in.
    pub missing: Vec<String>,
}

/// Defines the registry: the parsed files, the items and the pages of every kind, and the
/// dispatch from the stages' questions to each kind's answers.
macro_rules! registry {
    ($($field:ident: $kind:ty => $variant:ident),* $(,)?) => {
        /// The parsed files of every kind (the content stage).
        #[derive(Default)]
        pub struct Files {
            $(pub $field: Folder<<$kind as Kind>::File>,)*
        }

        /// The resolved items of every kind (the site stage), each kind's shared with the
        /// site of the next save when that save does not change them, and where their pages
        /// are published once asked (see [`Placed`]).
        #[derive(Default)]
        pub struct Items {
            $(pub $field: Arc<<$kind as Kind>::Items>,)*
            placed: OnceLock<Arc<Placed<Page>>>,
        }

        /// A page or file of any kind.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum Page {
            $($variant(<$kind as Kind>::Page),)*
        }

        impl crate::content::Kinds for Files {
            fn load(&mut self, found: &Found, config: &Config) {
                $(if <$kind as Kind>::READS_FILES {
                    let files = found.in_folder(<$kind as Kind>::NAME);
                    self.$field.load(files, |file| <$kind as Kind>::parse(file, config));
                })*
            }

            fn reload(&mut self, found: &Found, config: &Config, files: &[std::path::PathBuf]) {
                $(if <$kind as Kind>::READS_FILES {
                    let folder = found.in_folder(<$kind as Kind>::NAME);
                    self.$field.reload(folder, files, |file| <$kind as Kind>::parse(file, config));
                })*
            }

            fn problems(&self) -> Diagnostics {
                let mut problems = Diagnostics::default();
                $(problems.extend(self.$field.problems().cloned().collect());)*
                problems
            }

            fn source(&self, file: &Path) -> Option<&Source> {
                None$(.or_else(|| self.$field.source(file)))*
            }
        }

        impl Items {
            /// Resolves every kind's files: names first, then items, then lists.
            fn resolve(files: &Files, cx: &mut Resolve, report: &mut Report, phases: &mut Phases) -> (Items, Lists) {
                let mut names = Names::default();
                $(<$kind as Kind>::declare(&files.$field, cx, &mut names);
                phases.mark(concat!("declare ", stringify!($field)));)*
                cx.names = Arc::new(names);
                cx.set_environment();
                phases.mark("environment");
                let items = Items {
                    $($field: {
                        let items = <$kind as Kind>::resolve(&files.$field, cx, report);
                        phases.mark(concat!("resolve ", stringify!($field)));
                        Arc::new(items)
                    },)*
                    placed: OnceLock::new(),
                };
                let mut lists = Lists::default();
                $(<$kind as Kind>::list(&items.$field, cx, &mut lists);)*
                phases.mark("lists");
                (items, lists)
            }

            /// The items of `last` with those of the `changed` files resolved again, when
            /// every kind whose files changed can patch its items (see [`Kind::patch`]); the
            /// pages are where they were. Also gives the files of the items resolved again.
            fn patch(
                last: &Items,
                files: &Files,
                changed: &[PathBuf],
                cx: &Resolve,
                report: &mut Report,
            ) -> Option<(Items, Vec<PathBuf>)> {
                // Every changed file must be a parsed file of some kind.
                if !changed.iter().all(|file| false $(|| files.$field.get(file).is_some())*) {
                    return None;
                }
                let mut resolved = Vec::new();
                let items = Items {
                    $($field: {
                        let mine: Vec<&Path> = changed
                            .iter()
                            .filter(|file| files.$field.holds(file))
                            .map(PathBuf::as_path)
                            .collect();
                        if mine.is_empty() {
                            last.$field.clone()
                        } else {
                            let (items, files) =
                                <$kind as Kind>::patch(&last.$field, &files.$field, &mine, cx, report)?;
                            resolved.extend(files);
                            Arc::new(items)
                        }
                    },)*
                    placed: last.placed.clone(),
                };
                Some((items, resolved))
            }

            /// The fingerprint of every item and list.
            pub fn fingerprints(&self, lists: &Lists) -> Fingerprints {
                let mut out = Fingerprints::default();
                $(<$kind as Kind>::fingerprints(&self.$field, &mut out);)*
                out.lists(lists);
                out
            }

            /// Every photo any item shows.
            pub fn photos(&self) -> Vec<crate::media::PhotoUse<'_>> {
                let mut photos = Vec::new();
                $(photos.extend(<$kind as Kind>::photos(&self.$field));)*
                photos
            }
        }

        impl crate::render::Pages<Items> for Page {
            fn all(site: &Site) -> Vec<Page> {
                let mut pages = Vec::new();
                $(pages.extend(<$kind as Kind>::pages(site).into_iter().map(Page::$variant));)*
                pages
            }

            fn place(self, site: &Site) -> Place {
                match self {
                    $(Page::$variant(page) => <$kind as Kind>::place(site, page),)*
                }
            }

            fn placed(site: &Site) -> &Placed<Page> {
                site.items
                    .placed
                    .get_or_init(|| Arc::new(Placed::new(Page::all(site), |page| page.place(site))))
            }

            fn translation(self, scope: &Scope, to: LangId) -> Option<Page> {
                match self {
                    $(Page::$variant(page) => <$kind as Kind>::translation(scope, page, to).map(Page::$variant),)*
                }
            }

            fn view(self, scope: &Scope) -> Result<Output, Error> {
                match self {
                    $(Page::$variant(page) => <$kind as Kind>::view(scope, page),)*
                }
            }

            fn cards(site: &Site) -> Vec<(ItemRef, LangId)> {
                let mut cards = Vec::new();
                $(cards.extend(<$kind as Kind>::cards(site));)*
                cards
            }

            fn card(scope: &Scope, item: ItemRef) -> Option<Value> {
                None$(.or_else(|| <$kind as Kind>::card(scope, item)))*
            }

            fn common(scope: &Scope) -> Value {
                site::SitePages::common(scope)
            }
        }

        /// The share cards of every kind's pages.
        pub fn share_cards(site: &Site) -> Vec<ShareCard> {
            let mut cards = Vec::new();
            $(cards.extend(<$kind as Kind>::share_cards(site));)*
            cards
        }

        /// Every item missing in some language, kind by kind.
        pub fn untranslated(site: &Site) -> Vec<Untranslated> {
            let mut found = Vec::new();
            $(found.extend(<$kind as Kind>::untranslated(site));)*
            found
        }

        /// What `check` advises about every kind's items.
        pub fn advise(site: &Site, content: &Content, warnings: &mut Diagnostics) {
            $(<$kind as Kind>::advise(site, content, warnings);)*
        }

        /// What every kind shows on the page of `target`, beyond what that page shows itself.
        pub fn related(scope: &Scope, target: Target) -> Vec<Related> {
            let mut blocks = Vec::new();
            $(blocks.extend(<$kind as Kind>::related(scope, target));)*
            blocks
        }

        /// Samples of every message: the shared catalogues' and every kind's own.
        pub fn messages() -> Vec<crate::messages::Message> {
            let mut all = crate::messages::all_samples();
            $(all.extend(<$kind as Kind>::messages());)*
            all
        }

        /// The JSON Schemas of the files writers edit: etalase.yaml's and every kind's.
        pub fn schemas() -> Vec<(&'static str, serde_json::Value)> {
            let mut schemas = vec![crate::schema::config()];
            $(schemas.extend(<$kind as Kind>::schema());)*
            schemas
        }

        /// The words `etalase new` takes, one per kind that starts files.
        pub fn starters() -> Vec<&'static str> {
            let mut words = Vec::new();
            $(words.extend(<$kind as Kind>::NEW);)*
            words
        }

        /// The files `etalase new <word>` writes.
        pub fn new_files(word: &str, request: &NewFile) -> Result<Vec<(std::path::PathBuf, String)>, Error> {
            $(if <$kind as Kind>::NEW == Some(word) {
                return <$kind as Kind>::new_files(request);
            })*
            Ok(Vec::new())
        }

        /// The sections of every kind.
        pub fn sections() -> Vec<Section> {
            let mut sections = Vec::new();
            $(sections.extend_from_slice(<$kind as Kind>::SECTIONS);)*
            sections
        }
    };
}

impl Site {
    /// Resolves and checks every reference of `content` and renders its Markdown, skipping
    /// what `caches` remember (the dev server keeps them across builds); every problem is
    /// reported at once, together with the files that failed to parse.
    pub fn build(config: Config, content: &Content, options: SiteOptions, caches: &Caches) -> Result<Site, Error> {
        let (site, errors) = Site::resolve(config, content, options, caches)?;
        errors.into_result(site).map_err(Error::from)
    }

    /// The site as far as it resolves, with every content error found (the site is only fit
    /// to be published when there is none): the pipeline checks the photos and templates of a
    /// site with errors too, so that one run reports every mistake.
    pub fn resolve(
        config: Config,
        content: &Content,
        options: SiteOptions,
        caches: &Caches,
    ) -> Result<(Site, Diagnostics), Error> {
        caches.next_build();
        let mut report = Report::default();
        report.errors.extend(content.problems());
        report.warnings.extend(content.warnings.clone());
        let urls = Urls::new(&config, &sections())?;
        let mut cx = Resolve::new(&config, &urls, caches, &content.media, options);
        let mut phases = Phases::new("the site stage");
        let (items, lists) = Items::resolve(&content.files, &mut cx, &mut report, &mut phases);
        let site = Site {
            media: content.media.clone(),
            warnings: report.warnings.sorted(),
            environment: cx.environment(),
            config,
            urls,
            items,
            lists: Arc::new(lists),
        };
        report.errors.extend(collisions(&site, content, caches));
        phases.mark("URL claims");
        phases.report();
        Ok((site, report.errors))
    }
}

impl Site {
    /// The site of the last good build, `last`, with only the items of the files `changed`
    /// since then resolved again, when every kind whose files changed can patch its items
    /// (see [`Kind::patch`]): a save that changes no name, list or page — a story's text or
    /// title — costs those items, not the whole site. `None` when it cannot: resolve the
    /// site whole then. `config` and `options` must be those `last` was built with. Built
    /// with debug assertions (as the tests are), it checks its result against the site
    /// resolved whole. A save that makes a problem is not patched: the site resolved whole
    /// reports every problem it has.
    pub fn patch(
        last: &Site,
        config: Config,
        content: &Content,
        changed: &[PathBuf],
        options: SiteOptions,
        caches: &Caches,
    ) -> Option<Site> {
        if content.media != last.media || !content.problems().is_empty() {
            return None;
        }
        let mut report = Report::default();
        let mut cx = Resolve::new(&config, &last.urls, caches, &content.media, options);
        cx.set_from(&last.environment);
        let (items, resolved) = Items::patch(&last.items, &content.files, changed, &cx, &mut report)?;
        // The site keeps its warnings, not each item's: a patch keeps the last site's, so it
        // must neither add one nor drop one that an item resolved again reported.
        let from_resolved = |warning: &Diagnostic| resolved.contains(&warning.file) || changed.contains(&warning.file);
        if !report.errors.is_empty() || !report.warnings.is_empty() || last.warnings.iter().any(from_resolved) {
            return None;
        }
        let site = Site {
            config,
            urls: last.urls.clone(),
            items,
            lists: last.lists.clone(),
            environment: last.environment.clone(),
            media: last.media.clone(),
            warnings: last.warnings.clone(),
        };
        #[cfg(debug_assertions)]
        assert_patched_as_resolved(&site, content, options);
        Some(site)
    }
}

/// Panics when a patched site differs from the site its content resolves to whole.
#[cfg(debug_assertions)]
fn assert_patched_as_resolved(patched: &Site, content: &Content, options: SiteOptions) {
    use crate::render::Pages;
    let Ok((whole, whole_errors)) = Site::resolve(patched.config.clone(), content, options, &Caches::default()) else {
        panic!("a patched site's content no longer resolves");
    };
    let fingerprints = |site: &Site| site.items.fingerprints(&site.lists);
    assert!(
        fingerprints(patched) == fingerprints(&whole),
        "a patched site's items differ"
    );
    assert!(patched.lists == whole.lists, "a patched site's lists differ");
    assert!(patched.warnings == whole.warnings, "a patched site's warnings differ");
    assert!(whole_errors.is_empty(), "a patched site has errors when resolved whole");
    let placed = |site: &Site| Page::placed(site).places().to_vec();
    assert!(placed(patched) == placed(&whole), "a patched site's pages differ");
}

/// The URL collisions among the pages of `site`: each page claims its output path and URL.
/// Claims an earlier build of the session found free of collisions are not checked again;
/// they are compared by hash, without holding every page's claim.
fn collisions(site: &Site, content: &Content, caches: &Caches) -> Diagnostics {
    use crate::render::Pages;
    let placed = Page::placed(site);
    let (places, paths) = (placed.places(), placed.paths());
    let key = caches.items.remembers().then(|| {
        let hashes: Vec<u64> = places
            .par_iter()
            .zip(paths)
            .map(|((_, place), path)| {
                // The owner's file by its bytes: hashing a `Path` parses it.
                let owner = match &place.owner {
                    Owner::File(file) => Some(file.as_os_str().as_encoded_bytes()),
                    Owner::Config => None,
                };
                crate::hashing::of(&(path, &place.url, owner))
            })
            .collect();
        crate::hashing::of(&("URL claims", hashes))
    });
    if key.is_some_and(|key| caches.items.get::<FreeClaims>(key).is_some()) {
        return Diagnostics::default();
    }
    let claims: Vec<_> = places
        .par_iter()
        .zip(paths)
        .map(|((_, place), path)| (path.clone(), place.url.clone(), place.owner.clone()))
        .collect();
    let found = crate::site::collisions(claims.into_iter(), |file| content.text_of(file));
    if let Some(key) = key.filter(|_| found.is_empty()) {
        caches.items.put(key, FreeClaims);
    }
    found
}

/// What the memo remembers of claims without a collision.
#[derive(Clone)]
struct FreeClaims;

registry! {
    vocabularies: vocabularies::Vocabularies => Vocabularies,
    units: units::Units => Units,
    products: products::Products => Products,
    news: news::News => News,
    pages: pages::PlainPages => Pages,
    agenda: agenda::Agenda => Agenda,
    site: site::SitePages => Site,
}

#[cfg(test)]
mod tests;
