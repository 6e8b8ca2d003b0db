//! Press releases (`content/news/<stem>.<lang>.md`): a story per language, translations
//! sharing the file stem. Stories make the news list of each language (newest first), the
//! award list, the news of each unit, product and programme term, and the Atom feed of each
//! language.

mod view;

pub use view::publisher;

use std::path::PathBuf;

use jiff::civil::{Date, Time};
use rayon::prelude::*;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_saphyr::Spanned;

use super::{Kind, Scope, Site, Untranslated, missing_languages};
use crate::config::Config;
use crate::content::{self, Doc, Folder, RawFile};
use crate::error::{Diagnostic, Diagnostics, Error};
use crate::ids::{LangId, PageNo, PerLang, ProductId, StoryId, Table, TermId, UnitId};
use crate::messages::{Check, Field};
use crate::render::{ItemId, Output, Place};
use crate::scaffold::{NewFile, yaml_string};
use crate::site::fields::{self, near};
use crate::site::fingerprint::Fingerprints;
use crate::site::lists::{ItemRef, ListKey, Lists, Target};
use crate::site::names::{self, Names};
use crate::site::urls::{Section, paged};
use crate::site::{Owner, Report, Resolve};

/// Longest summary that fits a meta description.
const SUMMARY_MAX: usize = 300;

/// Front matter of a press release.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NewsFront {
    pub title: String,
    /// `YYYY-MM-DD`.
    #[schemars(with = "String")]
    pub date: Spanned<String>,
    /// `HH:MM`, local time in the site's zone.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub time: Option<Spanned<String>>,
    /// A unit id (a file stem in `content/units/`).
    #[schemars(with = "String")]
    pub unit: Spanned<String>,
    pub summary: String,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub programs: Vec<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub products: Vec<Spanned<String>>,
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

/// A picture in `content/media/` with its alt text.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ImageFront {
    #[schemars(with = "String")]
    pub src: Spanned<String>,
    pub alt: String,
}

/// The award a story reports; its presence makes the story award news.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AwardFront {
    pub name: String,
    pub giver: String,
    #[serde(default)]
    pub event: Option<String>,
}

/// A press release in one language, resolved.
#[derive(Debug, Clone, Hash)]
pub struct Story {
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
    pub html: String,
    pub file: PathBuf,
    /// The story in each language, itself included.
    pub translations: PerLang<Option<StoryId>>,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Image {
    /// Path inside `content/media/`.
    pub src: String,
    pub alt: String,
    /// Line and column of `src` in the story's file.
    pub at: (u64, u64),
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Award {
    pub name: String,
    pub giver: String,
    pub event: Option<String>,
}

#[derive(Debug, Default)]
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
        for doc in files.parsed().filter(|d| cx.published(d.front.draft)) {
            let slug = fields::slug(doc, doc.front.slug.as_ref(), true, &mut Diagnostics::default());
            let url = cx.urls.item(doc.lang, "news", &slug);
            names.documents.insert(doc.source.file.clone(), url);
        }
    }

    fn resolve(files: &Folder<Self::File>, cx: &Resolve, report: &mut Report) -> Items {
        let docs: Vec<&Doc<NewsFront>> = files.parsed().filter(|d| cx.published(d.front.draft)).collect();
        let resolved: Vec<(Story, Report)> = docs
            .par_iter()
            .map(|doc| {
                let mut own = Report::default();
                (story(cx, doc, &mut own), own)
            })
            .collect();
        let mut stories = Vec::with_capacity(resolved.len());
        for (story, own) in resolved {
            report.errors.extend(own.errors);
            report.warnings.extend(own.warnings);
            stories.push(story);
        }
        // Newest first; ties by time, then slug, so that the order is stable.
        stories.sort_by(|a, b| (b.date, b.time, &a.slug, a.lang).cmp(&(a.date, a.time, &b.slug, b.lang)));
        let groups = fields::translations(
            cx.languages(),
            stories.iter().map(|s| (StoryId::of(&s.file), s.key.as_str(), s.lang)),
        );
        let translations: Vec<PerLang<Option<StoryId>>> =
            stories.iter().map(|s| groups[s.key.as_str()].clone()).collect();
        for (story, group) in stories.iter_mut().zip(translations) {
            story.translations = group;
        }
        Items {
            stories: Table::new(stories, |story| StoryId::of(&story.file)),
        }
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
                    file: &story.file,
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
        let mut seen = std::collections::HashSet::new();
        site.items
            .news
            .stories
            .values()
            .filter(|story| seen.insert(story.key.as_str()))
            .filter_map(|story| {
                let missing = missing_languages(site, |lang| story.translations[lang].is_some());
                (!missing.is_empty()).then(|| Untranslated {
                    kind: "news",
                    file: story.file.clone(),
                    missing,
                })
            })
            .collect()
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

    /// Summaries longer than search results show, and translations dated before their source
    /// (probably not updated with it).
    fn advise(site: &Site, warnings: &mut Diagnostics) {
        let stories = &site.items.news.stories;
        for (id, story) in stories.iter() {
            let length = story.summary.chars().count();
            if length > META_DESCRIPTION_MAX {
                warnings.push(
                    Diagnostic::warning(&story.file, Check::SummaryLength { length }).with_hint(Check::HintShorten {
                        max: META_DESCRIPTION_MAX,
                    }),
                );
            }
            if let Some(source) = story.translations[LangId::FIRST]
                && source != id
                && stories[source].date > story.date
            {
                warnings.push(Diagnostic::warning(&story.file, Check::DatedBeforeSource).with_hint(
                    Check::HintCompare {
                        source: stories[source].file.as_path().into(),
                    },
                ));
            }
        }
    }
}

/// Longest summary that search engines show in full.
const META_DESCRIPTION_MAX: usize = 160;

fn story(cx: &Resolve, doc: &Doc<NewsFront>, report: &mut Report) -> Story {
    let problems = &mut report.errors;
    let (front, source) = (&doc.front, &doc.source);
    let slug = fields::slug(doc, front.slug.as_ref(), true, problems);
    let date = fields::date(source, &front.date, problems);
    let time = front
        .time
        .as_ref()
        .and_then(|time| fields::time(source, time, problems));
    let unit = cx.names.unit(source, &front.unit, problems);
    let terms = cx.names.terms(source, &front.programs, problems);
    let products = cx.names.products(source, &front.products, problems);
    let image = front.image.as_ref().and_then(|image| {
        let src = names::media(cx.media, source, &image.src, image.alt.trim().is_empty(), problems)?;
        Some(Image {
            src,
            alt: image.alt.trim().to_string(),
            at: (image.src.referenced.line(), image.src.referenced.column()),
        })
    });
    if front.title.trim().is_empty() {
        problems.push(near(source, "title:", Field::TitleEmpty).with_hint(Field::HintTitle));
    }
    if front.summary.chars().count() > SUMMARY_MAX {
        problems
            .push(near(source, "summary:", Field::SummaryTooLong { max: SUMMARY_MAX }).with_hint(Field::HintSummary));
    }
    fields::dropped_attributes(source, doc.body(), Some(doc.body_offset()), &mut report.warnings);
    let links = cx
        .names
        .document_links(source, doc.body(), doc.body_offset(), &mut report.errors);
    Story {
        lang: doc.lang,
        key: doc.stem.clone(),
        url: cx.urls.item(doc.lang, "news", &slug),
        slug,
        title: front.title.trim().to_string(),
        summary: front.summary.trim().to_string(),
        date: date.unwrap_or_default(),
        time,
        unit: unit.unwrap_or_default(),
        products,
        terms,
        image,
        award: front.award.as_ref().map(|award| Award {
            name: award.name.clone(),
            giver: award.giver.clone(),
            event: award.event.clone(),
        }),
        source: front.source.clone(),
        html: cx.markdown.to_html_linked(doc.body(), &links),
        file: source.file.clone(),
        translations: PerLang::default(),
    }
}

/// The URL of page `page` of the news list of the scope's language.
pub fn list_url(scope: &Scope, page: PageNo) -> String {
    paged(scope.urls().section(scope.lang(), "news"), page)
}

/// A new press release with every field filled in or explained.
fn starter(title: &str, date: &str, unit: &str, lang: &str) -> String {
    let (summary, body, note) = if lang == "id" {
        (
            "Satu atau dua kalimat ringkasan untuk daftar berita dan mesin pencari.",
            "KOTA — Tulis isi berita di sini. Paragraf pertama menjawab apa, siapa, kapan dan di mana.",
            "Terjemahan bahasa Inggris: file dengan nama yang sama berakhiran .en.md",
        )
    } else {
        (
            "One or two sentences for news lists and search engines.",
            "CITY — Write the story here. The first paragraph says what, who, when and where.",
            "The Indonesian version is the file with the same name ending in .id.md",
        )
    };
    format!(
        "---\n# {note}\ntitle: {title}\ndate: {date}\n# time: \"09:00\"            # optional, local time\nunit: {unit}\n\
         summary: {summary}\nprograms: []                  # e.g. [ac-3, ac-6]; see content/vocabularies/\n\
         # products: [gula-semut-jahe-merah]   # products named in the story\n\
         # image: {{ src: foto.jpg, alt: Describe what the photo shows }}   # a file in content/media/\n\
         # award: {{ name: …, giver: …, event: … }}   # makes it award news\n\
         # source: Humas …\ndraft: false                  # true keeps it out of the site\n---\n{body}\n",
        title = yaml_string(title),
        summary = yaml_string(summary),
    )
}
