//! Press releases (`content/news/<stem>.<lang>.md`): a story per language, translations
//! sharing the file stem. Stories make the news list of each language (newest first), the
//! award list, the news of each unit, product and programme term, and the Atom feed of each
//! language.

mod view;

pub use view::publisher;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use jiff::civil::{Date, Time};
use rayon::prelude::*;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use super::{Kind, Scope, Site, Untranslated, untranslated_documents};
use crate::config::Config;
use crate::content::{self, Doc, Folder, RawFile};
use crate::error::{Diagnostic, Diagnostics, Error};
use crate::hashing::Shared;
use crate::ids::{LangId, PageNo, PerLang, ProductId, StoryId, Table, TermId, UnitId};
use crate::messages::{Check, Field, Reference};
use crate::render::{ItemId, Output, Place};
use crate::scaffold::{NewFile, yaml_string};
use crate::site::fields::{self, near};
use crate::site::fingerprint::Fingerprints;
use crate::site::inherit;
use crate::site::lists::{ItemRef, ListKey, Lists, Target};
use crate::site::names::{self, DocumentKey, Names};
use crate::site::similar;
use crate::site::urls::{Section, paged};
use crate::site::{Owner, Report, Resolve};

/// Longest summary that fits a meta description.
const SUMMARY_MAX: usize = 300;

/// Front matter of a press release.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NewsFront {
    pub title: String,
    /// `YYYY-MM-DD`; a translation takes it from its source.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub date: Option<Spanned<String>>,
    /// `HH:MM`, local time in the site's zone.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub time: Option<Spanned<String>>,
    /// A unit id (a file stem in `content/units/`); a translation takes it from its source.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub unit: Option<Spanned<String>>,
    pub summary: String,
    /// Programme term ids; a translation takes them from its source.
    #[serde(default)]
    #[schemars(with = "Option<Vec<String>>")]
    pub programs: Option<Vec<Spanned<String>>>,
    /// Product ids; a translation takes them from its source.
    #[serde(default)]
    #[schemars(with = "Option<Vec<String>>")]
    pub products: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    pub image: Option<ImageFront>,
    #[serde(default)]
    pub award: Option<AwardFront>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub slug: Option<Spanned<String>>,
}

/// A picture in `content/media/` with its alt text; a translation gives only its `alt` and
/// takes the file from its source.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ImageFront {
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub src: Option<Spanned<String>>,
    pub alt: String,
}

/// The award a story reports; its presence makes the story award news.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AwardFront {
    pub name: String,
    /// Who gives it; a translation takes it from its source.
    #[serde(default)]
    pub giver: Option<String>,
    #[serde(default)]
    pub event: Option<String>,
}

/// A press release in one language, resolved: what its file says, shared with the dev
/// server's memory of earlier builds and hashed once (see [`Shared`]), and
/// its versions in other languages, which depend on the other files.
#[derive(Debug, Clone, Hash)]
pub struct Story {
    written: Shared<Written>,
    /// The story in each language, itself included.
    pub translations: PerLang<Option<StoryId>>,
}

impl std::ops::Deref for Story {
    type Target = Written;

    fn deref(&self) -> &Written {
        &self.written
    }
}

/// What decides where a story stands in the site: its file and address (which `declare`
/// names, the table keys and `place` publishes), its place in the news order, and the lists
/// it is in (see `News::list`). A save that keeps it can be patched in (see `News::patch`).
type Standing<'a> = (
    &'a Path,
    &'a str,
    &'a str,
    LangId,
    (Date, Option<Time>, &'a str),
    (UnitId, &'a [TermId], &'a [ProductId], bool),
);

impl Written {
    fn standing(&self) -> Standing<'_> {
        let lists = (self.unit, &self.terms[..], &self.products[..], self.award.is_some());
        (
            &self.file,
            &self.key,
            &self.url,
            self.lang,
            (self.date, self.time, &self.slug),
            lists,
        )
    }
}

/// A story as resolved from its file (and, for a translation, its source's facts).
#[derive(Debug, Hash)]
pub struct Written {
    pub lang: LangId,
    /// Shared by the translations of one story (the file stem).
    pub key: String,
    pub slug: String,
    /// The story's page.
    pub url: String,
    pub title: String,
    pub summary: String,
    pub date: Date,
    pub time: Option<Time>,
    pub unit: UnitId,
    pub products: Vec<ProductId>,
    pub terms: Vec<TermId>,
    pub image: Option<Image>,
    pub award: Option<Award>,
    pub source: Option<String>,
    pub html: crate::site::markdown::Html,
    pub file: PathBuf,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Image {
    /// Path inside `content/media/`.
    pub src: String,
    pub alt: String,
    /// The file that names it (a translation's source, for a translation) and the line and
    /// column of `src` in it.
    pub file: PathBuf,
    pub at: (u64, u64),
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Award {
    pub name: String,
    pub giver: String,
    pub event: Option<String>,
}

#[derive(Debug, Default, Clone)]
pub struct Items {
    /// Newest first.
    pub stories: Table<StoryId, Story>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Page {
    /// A page of the news list of a language.
    List(LangId, PageNo),
    Story(StoryId),
    Awards(LangId),
    /// The Atom feed of a language.
    Feed(LangId),
}

impl ItemId<super::Items> for StoryId {
    type Item = Story;

    fn get(self, items: &super::Items) -> &Story {
        &items.news.stories[self]
    }

    fn item_ref(self) -> ItemRef {
        ItemRef::new(News::NAME, self.key())
    }
}

pub struct News;

/// The feed's file name in each language's folder.
pub const FEED: &str = "atom.xml";

impl Kind for News {
    const NAME: &'static str = "news";
    const SECTIONS: &'static [Section] = &[
        Section {
            key: "news",
            word: "news",
            menu: Some(1),
        },
        Section {
            key: "awards",
            word: "awards",
            menu: Some(4),
        },
    ];
    type File = Doc<NewsFront>;
    type Items = Items;
    type Page = Page;

    fn parse(file: &RawFile, config: &Config) -> Result<Self::File, Diagnostic> {
        content::document(file, config)
    }

    fn declare(files: &Folder<Self::File>, cx: &Resolve, names: &mut Names) {
        let docs: Vec<&Doc<NewsFront>> = files.parsed().filter(|d| cx.published(d.front.draft)).collect();
        let urls: Vec<(DocumentKey, String)> = docs
            .par_iter()
            .map(|doc| {
                let slug = fields::slug(doc, doc.front.slug.as_ref(), true, &mut Diagnostics::default());
                (DocumentKey::of(&doc.source.file), cx.urls.item(doc.lang, "news", &slug))
            })
            .collect();
        for (key, url) in urls {
            names.declare_document(key, url);
        }
    }

    fn resolve(files: &Folder<Self::File>, cx: &Resolve, report: &mut Report) -> Items {
        let docs: Vec<&Doc<NewsFront>> = files.parsed().filter(|d| cx.published(d.front.draft)).collect();
        // The first language's version of each story, drafts included: its translations take
        // their facts from it.
        let sources: crate::hashing::FastMap<&str, &Doc<NewsFront>> = files
            .parsed()
            .filter(|d| d.lang == LangId::FIRST)
            .map(|d| (d.stem.as_str(), d))
            .collect();
        let resolved: Vec<(Story, Report)> = docs
            .par_iter()
            .map(|doc| {
                let source = (doc.lang != LangId::FIRST)
                    .then(|| sources.get(doc.stem.as_str()).copied())
                    .flatten();
                resolve_story(cx, doc, source)
            })
            .collect();
        let mut slots = Vec::with_capacity(resolved.len());
        for (story, own) in resolved {
            report.add(own);
            slots.push(Some(story));
        }
        // Newest first; ties by time, then slug, so that the order is stable. The order is
        // sorted, not the stories: a story is large to move.
        let mut order: Vec<usize> = (0..slots.len()).collect();
        order.par_sort_by(|&a, &b| {
            let (Some(a), Some(b)) = (&slots[a], &slots[b]) else {
                return std::cmp::Ordering::Equal;
            };
            (b.date, b.time, &a.slug, a.lang).cmp(&(a.date, a.time, &b.slug, b.lang))
        });
        let mut stories: Vec<Story> = order.iter().filter_map(|&ix| slots[ix].take()).collect();
        fields::link_translations(
            cx.languages(),
            &mut stories,
            |doc| (StoryId::of_file(&doc.file), doc.key.as_str(), doc.lang),
            |doc| &mut doc.translations,
        );
        Items {
            stories: Table::new(stories, |story| StoryId::of_file(&story.file)),
        }
    }

    /// Resolves again the stories of the changed files and their translations (which take
    /// facts from them), when each stays where it was: same address, same place in the
    /// news order, same lists (see [`Written::standing`]).
    fn patch(
        last: &Items,
        files: &Folder<Self::File>,
        changed: &[&Path],
        cx: &Resolve,
        report: &mut Report,
    ) -> Option<(Items, Vec<PathBuf>)> {
        let mut docs: Vec<&Doc<NewsFront>> = Vec::new();
        for file in changed {
            let doc = files.get(file)?;
            docs.push(doc);
            if doc.lang == LangId::FIRST {
                docs.extend(files.parsed().filter(|d| d.lang != LangId::FIRST && d.stem == doc.stem));
            }
        }
        let mut items = last.clone();
        let mut resolved = Vec::with_capacity(docs.len());
        for doc in docs.into_iter().filter(|doc| cx.published(doc.front.draft)) {
            // Its source as `resolve` finds it: the last first-language file of its stem.
            let source = (doc.lang != LangId::FIRST)
                .then(|| {
                    files
                        .parsed()
                        .filter(|d| d.lang == LangId::FIRST && d.stem == doc.stem)
                        .last()
                })
                .flatten();
            let (story, own) = resolve_story(cx, doc, source);
            let slot = items.stories.get_mut(StoryId::of_file(&doc.source.file))?;
            if slot.file != doc.source.file || slot.standing() != story.standing() {
                return None;
            }
            slot.written = story.written;
            report.add(own);
            resolved.push(doc.source.file.clone());
        }
        // A changed file that is not published, or no longer is, adds or removes a story.
        let published = |file: &&Path| files.get(file).is_some_and(|doc| cx.published(doc.front.draft));
        changed.iter().all(published).then_some((items, resolved))
    }

    fn list(items: &Items, _cx: &Resolve, lists: &mut Lists) {
        for (id, story) in items.stories.iter() {
            let (item, lang) = (id.item_ref(), story.lang);
            lists.push(ListKey::all("news", lang), item);
            lists.push(ListKey::about("news", lang, Target::Unit(story.unit)), item);
            if story.award.is_some() {
                lists.push(ListKey::all("awards", lang), item);
                lists.push(ListKey::about("awards", lang, Target::Unit(story.unit)), item);
            }
            for &term in &story.terms {
                lists.push(ListKey::about("news", lang, Target::Term(term)), item);
            }
            for &product in &story.products {
                lists.push(ListKey::about("news", lang, Target::Product(product)), item);
            }
        }
    }

    fn fingerprints(items: &Items, out: &mut Fingerprints) {
        out.table(News::NAME, &items.stories);
    }

    fn photos(items: &Items) -> Vec<crate::media::PhotoUse<'_>> {
        items
            .stories
            .values()
            .filter_map(|story| {
                let image = story.image.as_ref()?;
                Some(crate::media::PhotoUse {
                    src: &image.src,
                    file: &image.file,
                    at: image.at,
                })
            })
            .collect()
    }

    /// A card for each story without a picture: its title over its unit.
    fn share_cards(site: &Site) -> Vec<crate::media::ShareCard> {
        site.items
            .news
            .stories
            .values()
            .filter(|story| story.image.is_none())
            .map(|story| {
                let unit = super::unit_name(site, story.unit, story.lang);
                super::share_card(site, News::NAME, &story.slug, story.lang, &story.title, &unit)
            })
            .collect()
    }

    fn pages(site: &Site) -> Vec<Page> {
        let per_page = site.config.news_per_page;
        let mut pages = Vec::new();
        for lang in site.langs() {
            let stories = site.lists.get(ListKey::all("news", lang)).len();
            pages.extend(PageNo::all(stories, per_page).map(|page| Page::List(lang, page)));
            pages.push(Page::Awards(lang));
            pages.push(Page::Feed(lang));
        }
        pages.extend(site.items.news.stories.ids().map(Page::Story));
        pages
    }

    fn place(site: &Site, page: Page) -> Place {
        match page {
            Page::List(lang, number) => Place::page(site.urls.section_page(lang, "news", number), lang, Owner::Config),
            Page::Story(id) => {
                let story = &site.items.news.stories[id];
                Place::page(story.url.clone(), story.lang, Owner::File(story.file.clone())).modified(story.date)
            }
            Page::Awards(lang) => Place::page(site.urls.section(lang, "awards"), lang, Owner::Config),
            Page::Feed(lang) => Place::file(site.urls.file(lang, FEED), lang),
        }
    }

    fn translation(scope: &Scope, page: Page, to: LangId) -> Option<Page> {
        match page {
            Page::List(_, number) => {
                let stories = scope.list(ListKey::all("news", to)).len();
                let per_page = scope.config().news_per_page;
                (number.get() <= PageNo::all(stories, per_page).count()).then_some(Page::List(to, number))
            }
            Page::Story(id) => {
                let other = scope.item(id).translations[to]?;
                scope.item(other);
                Some(Page::Story(other))
            }
            Page::Awards(_) => Some(Page::Awards(to)),
            Page::Feed(_) => Some(Page::Feed(to)),
        }
    }

    fn view(scope: &Scope, page: Page) -> Result<Output, Error> {
        match page {
            Page::List(_, number) => view::list(scope, number),
            Page::Story(id) => view::story(scope, id),
            Page::Awards(_) => view::awards(scope),
            Page::Feed(_) => Ok(Output::File(view::feed(scope).into_bytes())),
        }
    }

    fn cards(site: &Site) -> Vec<(ItemRef, LangId)> {
        site.items
            .news
            .stories
            .iter()
            .map(|(id, story)| (id.item_ref(), story.lang))
            .collect()
    }

    fn card(scope: &Scope, item: ItemRef) -> Option<tera::Value> {
        (item.kind == News::NAME).then(|| view::card(scope, StoryId::from_key(item.key)))
    }

    /// One entry per story (its first version in the list), naming the missing languages.
    fn untranslated(site: &Site) -> Vec<Untranslated> {
        let stories = site.items.news.stories.values();
        untranslated_documents(site, "news", stories, |story| {
            (story.key.as_str(), story.file.as_path(), &story.translations)
        })
    }

    fn schema() -> Option<(&'static str, serde_json::Value)> {
        Some((
            "news.schema.json",
            crate::schema::schema::<NewsFront>("Front matter of a press release (content/news/*.md)"),
        ))
    }

    const NEW: Option<&'static str> = Some("news");

    /// `<date>-<slug>.id.md`, and its `.en.md` twin with `--en`.
    fn new_files(request: &NewFile) -> Result<Vec<(PathBuf, String)>, Error> {
        let unit = request.unit()?;
        let date = request.date()?.to_string();
        let stem = format!("{date}-{}", request.slug()?);
        let dir = request.folder(News::NAME);
        let mut files = vec![(
            dir.join(format!("{stem}.id.md")),
            starter(&request.title, &date, unit, "id"),
        )];
        if request.english {
            files.push((
                dir.join(format!("{stem}.en.md")),
                starter(&request.title, &date, unit, "en"),
            ));
        }
        Ok(files)
    }

    /// Summaries longer than search results show, and stories published twice: two stories
    /// of one language with the same title or nearly the same text.
    fn advise(site: &Site, content: &super::Content, warnings: &mut Diagnostics) {
        let stories = &site.items.news.stories;
        let place = |file: &std::path::Path, line: Option<(u64, u64)>, diagnostic: Diagnostic| match (
            content.text_of(file),
            line,
        ) {
            (Some(text), Some((line, column))) => diagnostic.at(text, line, column),
            _ => diagnostic,
        };
        let find = |file: &std::path::Path, needle: &str| {
            content
                .text_of(file)
                .and_then(|text| crate::yaml::find_line(text, needle))
        };
        // In the order of their files, so that the later file is the one warned about.
        let mut order: Vec<&Story> = stories.values().collect();
        order.sort_by(|a, b| a.file.cmp(&b.file));
        for story in &order {
            let length = story.summary.chars().count();
            if length > META_DESCRIPTION_MAX {
                let warning =
                    Diagnostic::warning(&story.file, Check::SummaryLength { length }).with_hint(Check::HintShorten {
                        max: META_DESCRIPTION_MAX,
                    });
                warnings.push(place(&story.file, find(&story.file, "summary:"), warning));
            }
        }
        let mut titles: HashMap<(LangId, String), &Story> = HashMap::new();
        let mut warned = std::collections::HashSet::new();
        for story in &order {
            let key = (story.lang, similar::normalized_title(&story.title));
            match titles.get(&key) {
                Some(other) => {
                    let warning = Diagnostic::warning(
                        &story.file,
                        Check::SameTitle {
                            other: other.file.as_path().into(),
                        },
                    )
                    .with_hint(Check::HintDuplicate);
                    warnings.push(place(&story.file, find(&story.file, "title:"), warning));
                    warned.insert((other.file.as_path(), story.file.as_path()));
                }
                None => {
                    titles.insert(key, story);
                }
            }
        }
        let words: Vec<Vec<String>> = order.par_iter().map(|story| similar::words(&story.html)).collect();
        let texts = order
            .iter()
            .zip(&words)
            .enumerate()
            .map(|(ix, (story, words))| (ix, story.lang.index(), words.as_slice()));
        for (first, later) in similar::near_duplicates(texts) {
            let (first, later) = (order[first], order[later]);
            if warned.contains(&(first.file.as_path(), later.file.as_path())) {
                continue;
            }
            let warning = Diagnostic::warning(
                &later.file,
                Check::SameBody {
                    other: first.file.as_path().into(),
                },
            )
            .with_hint(Check::HintDuplicate);
            let body = content.text_of(&later.file).and_then(body_line);
            warnings.push(place(&later.file, body, warning));
        }
    }
}

/// The line and column where the body of a Markdown file starts: after its front matter.
fn body_line(text: &str) -> Option<(u64, u64)> {
    let closing = text
        .lines()
        .enumerate()
        .skip(1)
        .find(|(_, line)| line.trim_end() == "---")?
        .0;
    let first = text
        .lines()
        .enumerate()
        .skip(closing + 1)
        .find(|(_, line)| !line.trim().is_empty())
        .map_or(closing + 2, |(ix, _)| ix + 1);
    Some((first as u64, 1))
}

/// Longest summary that search engines show in full.
const META_DESCRIPTION_MAX: usize = 160;

/// What a story shares with its translations, resolved from the file that gives it.
struct Facts {
    date: Date,
    time: Option<Time>,
    unit: UnitId,
    terms: Vec<TermId>,
    products: Vec<ProductId>,
    image: Option<Image>,
    award: Option<Award>,
    source: Option<String>,
}

/// The facts `doc` gives, each checked; `orphan` is the missing source's file when `doc` is a
/// translation without one (it must then give them all).
fn facts(cx: &Resolve, doc: &Doc<NewsFront>, orphan: Option<PathBuf>, problems: &mut Diagnostics) -> Facts {
    let (front, source) = (&doc.front, &doc.source);
    let missing = |field: &str, parent: Option<&str>| inherit::fact_missing(source, field, parent, orphan.clone());
    let date = match &front.date {
        Some(date) => fields::date(source, date, problems),
        None => {
            problems.push(missing("date", None));
            None
        }
    };
    let time = front
        .time
        .as_ref()
        .and_then(|time| fields::time(source, time, problems));
    let unit = match &front.unit {
        Some(unit) => cx.names.unit(source, unit, problems),
        None => {
            problems.push(missing("unit", None));
            None
        }
    };
    let image = front.image.as_ref().and_then(|image| {
        let Some(src) = &image.src else {
            problems.push(missing("src", Some("image:")));
            return None;
        };
        let name = names::media(cx.media, source, src, image.alt.trim().is_empty(), problems)?;
        Some(Image {
            src: name,
            alt: image.alt.trim().to_string(),
            file: source.file.clone(),
            at: (src.referenced.line(), src.referenced.column()),
        })
    });
    let award = front.award.as_ref().map(|award| {
        if award.giver.is_none() {
            problems.push(missing("giver", Some("award:")));
        }
        Award {
            name: award.name.trim().to_string(),
            giver: award.giver.as_deref().unwrap_or_default().trim().to_string(),
            event: award.event.as_ref().map(|e| e.trim().to_string()),
        }
    });
    Facts {
        date: date.unwrap_or_default(),
        time,
        unit: unit.unwrap_or_default(),
        terms: cx
            .names
            .terms(source, front.programs.as_deref().unwrap_or_default(), problems),
        products: cx
            .names
            .products(source, front.products.as_deref().unwrap_or_default(), problems),
        image,
        award,
        source: front.source.clone(),
    }
}

/// The facts of a translation: its source's, checked against what the translation writes
/// itself; the translated texts (image alt, award name and event) are the translation's.
fn inherited(cx: &Resolve, doc: &Doc<NewsFront>, source: &Doc<NewsFront>, problems: &mut Diagnostics) -> Facts {
    // The source reports its own mistakes when it is published; a draft source's facts are
    // published only through its translation, which reports them.
    let mut quiet = Diagnostics::default();
    let source_problems = if cx.published(source.front.draft) {
        &mut quiet
    } else {
        &mut *problems
    };
    let mut facts = facts(cx, source, None, source_problems);
    let (mine, theirs) = (&doc.front, &source.front);
    let pair = inherit::Pair {
        translation: &doc.source,
        source: &source.source,
    };
    let date = |text: &str| text.parse::<Date>().ok();
    if let Some(written) = &mine.date
        && date(written.value.trim()).is_none()
    {
        fields::date(&doc.source, written, problems);
    }
    pair.scalar("date", mine.date.as_ref(), theirs.date.as_ref(), date, problems);
    if let Some(written) = &mine.time {
        fields::time(&doc.source, written, problems);
    }
    pair.scalar(
        "time",
        mine.time.as_ref(),
        theirs.time.as_ref(),
        |text| text.parse::<Time>().ok(),
        problems,
    );
    pair.scalar(
        "unit",
        mine.unit.as_ref(),
        theirs.unit.as_ref(),
        |text| Some(text.to_string()),
        problems,
    );
    pair.list(
        "programs",
        mine.programs.as_deref(),
        theirs.programs.as_deref(),
        problems,
    );
    pair.list(
        "products",
        mine.products.as_deref(),
        theirs.products.as_deref(),
        problems,
    );
    pair.block("image", mine.image.is_some(), theirs.image.is_some(), problems);
    if let (Some(image), Some(their_image)) = (&mine.image, &theirs.image) {
        let file = |text: &str| Some(text.trim_start_matches("media/").to_string());
        pair.scalar(
            "image.src",
            image.src.as_ref(),
            their_image.src.as_ref(),
            file,
            problems,
        );
        if image.alt.trim().is_empty() {
            let name = facts.image.as_ref().map(|i| i.src.clone()).unwrap_or_default();
            problems.push(
                fields::near(&doc.source, "alt:", Reference::ImageNoAlt { image: name })
                    .with_hint(Reference::HintDescribeImage),
            );
        }
        if let Some(own) = facts.image.as_mut() {
            own.alt = image.alt.trim().to_string();
        }
    }
    pair.block("award", mine.award.is_some(), theirs.award.is_some(), problems);
    if let (Some(award), Some(their_award)) = (&mine.award, &theirs.award) {
        if let (Some(giver), Some(their_giver)) = (&award.giver, &their_award.giver)
            && giver.trim() != their_giver.trim()
        {
            let (value, source_value) = (giver.trim().to_string(), their_giver.trim().to_string());
            pair.differs("award.giver", "giver:", value, source_value, problems);
        }
        if let Some(own) = facts.award.as_mut() {
            own.name = award.name.trim().to_string();
            if let Some(event) = &award.event {
                own.event = Some(event.trim().to_string());
            }
        }
    }
    if mine.source.is_some() {
        facts.source = mine.source.clone();
    }
    facts
}

/// The story of `doc`, a translation of `source` when it has one, remembered between the
/// builds of a session, with what resolving it reported.
fn resolve_story(cx: &Resolve, doc: &Doc<NewsFront>, source: Option<&Doc<NewsFront>>) -> (Story, Report) {
    let mut own = Report::default();
    let inputs = source.map(|source| source.source.hash);
    let story = cx.document(doc, crate::hashing::of(&inputs), &mut own, |report| {
        story(cx, doc, source, report)
    });
    (story, own)
}

fn story(cx: &Resolve, doc: &Doc<NewsFront>, source_doc: Option<&Doc<NewsFront>>, report: &mut Report) -> Story {
    let problems = &mut report.errors;
    let (front, source) = (&doc.front, &doc.source);
    let slug = fields::slug(doc, front.slug.as_ref(), true, problems);
    let facts = match source_doc {
        Some(source_doc) => inherited(cx, doc, source_doc, problems),
        None => {
            let orphan = (doc.lang != LangId::FIRST)
                .then(|| inherit::source_file(source, &doc.stem, &cx.config.languages[0].code));
            facts(cx, doc, orphan, problems)
        }
    };
    if front.title.trim().is_empty() {
        problems.push(near(source, "title:", Field::TitleEmpty).with_hint(Field::HintTitle));
    }
    if front.summary.chars().count() > SUMMARY_MAX {
        problems
            .push(near(source, "summary:", Field::SummaryTooLong { max: SUMMARY_MAX }).with_hint(Field::HintSummary));
    }
    let places = [front.summary.as_str(), fields::body_start(doc.body())];
    fields::placeholders(source, &places, &PLACEHOLDERS, &mut report.warnings);
    let links = cx.body_links(doc, report);
    let written = Written {
        lang: doc.lang,
        key: doc.stem.clone(),
        url: cx.urls.item(doc.lang, "news", &slug),
        slug,
        title: front.title.trim().to_string(),
        summary: front.summary.trim().to_string(),
        date: facts.date,
        time: facts.time,
        unit: facts.unit,
        products: facts.products,
        terms: facts.terms,
        image: facts.image,
        award: facts.award,
        source: facts.source,
        html: cx.markdown.to_html_linked(doc.body(), &links),
        file: source.file.clone(),
    };
    Story {
        written: Shared::new(written),
        translations: PerLang::default(),
    }
}

/// The URL of page `page` of the news list of the scope's language.
pub fn list_url(scope: &Scope, page: PageNo) -> String {
    paged(scope.urls().section(scope.lang(), "news"), page)
}

/// The example texts of a new press release, which `check` finds when they are left in.
const PLACEHOLDERS: [&str; 4] = [
    "Satu atau dua kalimat ringkasan untuk daftar berita dan mesin pencari.",
    "Tulis isi berita di sini.",
    "One or two sentences for news lists and search engines.",
    "Write the story here.",
];

/// A new press release with every field filled in or explained; a draft until the writer
/// says it is ready. The English version is the short form: only what is translated.
fn starter(title: &str, date: &str, unit: &str, lang: &str) -> String {
    if lang != "id" {
        return format!(
            "---\n# English version of the file with the same name ending in .id.md. It takes the date,\n\
             # unit, programs, products, photo and award from that file: write here only what is translated.\n\
             title: {title}\nsummary: {summary}\n\
             # image: {{ alt: Describe in English what the photo shows }}   # when the Indonesian version has a photo\n\
             # award: {{ name: The award's name in English }}   # when the Indonesian version reports an award\n\
             draft: true                   # false publishes it\n---\nCITY — {body}\n",
            title = yaml_string(title),
            summary = yaml_string(PLACEHOLDERS[2]),
            body = PLACEHOLDERS[3],
        );
    }
    format!(
        "---\n# Terjemahan bahasa Inggris: file dengan nama yang sama berakhiran .en.md\ntitle: {title}\ndate: {date}\n\
         # time: \"09:00\"            # jam setempat, boleh dihapus\nunit: {unit}\n\
         summary: {summary}\nprograms: []                  # misalnya [ac-3, ac-6]; lihat content/vocabularies/\n\
         # products: [gula-semut-jahe-merah]   # produk yang disebut dalam berita\n\
         # image: {{ src: foto.jpg, alt: Jelaskan isi foto }}   # file di content/media/\n\
         # award: {{ name: …, giver: …, event: … }}   # menjadikannya berita penghargaan\n\
         # source: Humas …\ndraft: true                   # ganti menjadi false bila siap terbit\n---\n\
         KOTA — {body} Paragraf pertama menjawab apa, siapa, kapan dan di mana.\n",
        title = yaml_string(title),
        summary = yaml_string(PLACEHOLDERS[0]),
        body = PLACEHOLDERS[1],
    )
}
