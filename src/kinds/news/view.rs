//! The pages of press releases: a story, the news list, the awards, the story's card, and the
//! Atom feed of each language.

use std::fmt::Write;

use serde::Serialize;
use serde_json::{Value as Json, json};

use super::{Award, FEED, Story, list_url};
use crate::error::Error;
use crate::ids::{PageNo, StoryId};
use crate::kinds::Scope;
use crate::kinds::units::{self, Link};
use crate::render::images::ImageView;
use crate::render::layout::paged_title;
use crate::render::xml::escape;
use crate::render::{Head, ItemId, Output, Pager, View, jsonld};
use crate::site::lists::{ItemRef, ListKey};

/// Stories in a feed.
const FEED_ENTRIES: usize = 20;

#[derive(Serialize)]
struct StoryCard<'a> {
    title: &'a str,
    url: &'a str,
    date: String,
    date_iso: String,
    summary: &'a str,
    image: Option<ImageView>,
    unit: Link,
    award: Option<&'a str>,
}

/// A story as lists show it.
pub(super) fn card(scope: &Scope, id: StoryId) -> tera::Value {
    let story = scope.item(id);
    tera::Value::from_serializable(&StoryCard {
        title: &story.title,
        url: &story.url,
        date: scope.locale().short_date(story.date),
        date_iso: story.date.to_string(),
        summary: &story.summary,
        image: story.image.as_ref().map(|image| scope.image(&image.src, &image.alt)),
        unit: units::link(scope, story.unit),
        award: story.award.as_ref().map(|a| a.name.as_str()),
    })
}

#[derive(Serialize)]
struct StoryView<'a> {
    title: &'a str,
    date: String,
    date_iso: String,
    time: Option<String>,
    summary: &'a str,
    html: &'a str,
    image: Option<ImageView>,
    award: Option<&'a Award>,
    source: Option<&'a str>,
    unit: Link,
    /// The unit's press contact.
    press: units::Contacts,
}

pub(super) fn story(scope: &Scope, id: StoryId) -> Result<Output, Error> {
    let story = scope.item(id);
    let lang = scope.lang();
    let locale = scope.locale();
    let config = scope.config();
    let time = story
        .time
        .map(|t| format!("{} {}", locale.time(t), config.timezone.label));
    let view = StoryView {
        title: &story.title,
        date: locale.long_date(story.date),
        date_iso: jsonld::date_time(&config.timezone.offset, story.date, story.time),
        time,
        summary: &story.summary,
        html: &story.html,
        image: story.image.as_ref().map(|i| scope.image(&i.src, &i.alt)),
        award: story.award.as_ref(),
        source: story.source.as_deref(),
        unit: units::link(scope, story.unit),
        press: units::press_contacts(scope, story.unit),
    };
    let terms: Vec<ItemRef> = story.terms.iter().map(|t| t.item_ref()).collect();
    let products: Vec<ItemRef> = story.products.iter().map(|p| p.item_ref()).collect();
    let image = match &story.image {
        Some(image) => scope.og_image(&image.src, &image.alt),
        None => crate::kinds::card_image(scope, "news", &story.slug, &story.title),
    };
    let head = Head {
        section: if story.award.is_some() { "awards" } else { "news" },
        ..Head::new(story.title.clone(), story.summary.clone(), "news")
    }
    .crumb(scope.t("nav_news"), list_url(scope, PageNo::FIRST))
    .crumb(story.title.clone(), story.url.clone())
    .jsonld(news_article(scope, story))
    .og("article", image)
    .article(rfc3339(scope, story), rfc3339(scope, story));
    let _ = lang;
    View::new("story.html", head)
        .with("story", view)
        .value("terms", scope.cards(&terms))
        .value("products", scope.cards(&products))
        .output()
}

/// The story as a schema.org `NewsArticle`.
fn news_article(scope: &Scope, story: &Story) -> Json {
    let config = scope.config();
    let mut article = json!({
        "@type": "NewsArticle",
        "headline": story.title,
        "description": story.summary,
        "datePublished": rfc3339(scope, story),
        "dateModified": rfc3339(scope, story),
        "inLanguage": config.lang(story.lang).code,
        "author": units::organization(scope, story.unit, false),
        "publisher": publisher(scope),
    });
    if let Some(image) = &story.image {
        article["image"] = json!(scope.image_urls(&image.src));
    }
    if let Some(award) = &story.award {
        article["about"] = json!({ "@type": "Thing", "name": award.name });
    }
    article
}

/// The site as the publisher of its news, with its logo (the home-screen icon).
pub fn publisher(scope: &Scope) -> Json {
    let mut publisher = json!({
        "@type": "Organization",
        "name": scope.text(&scope.config().title),
        "url": scope.urls().absolute(&scope.urls().home(scope.lang())),
    });
    if let Some(icon) = scope.og_image(crate::media::share::ICON_SRC, "") {
        publisher["logo"] = json!({
            "@type": "ImageObject",
            "url": scope.urls().absolute(&icon.url),
            "width": icon.width,
            "height": icon.height,
        });
    }
    publisher
}

pub(super) fn list(scope: &Scope, page: PageNo) -> Result<Output, Error> {
    let lang = scope.lang();
    let stories = scope.list(ListKey::all("news", lang));
    let per_page = scope.config().news_per_page;
    let title = scope.t("nav_news");
    let head = Head::new(
        paged_title(title.clone(), page, &scope.t("page")),
        scope.t("news_description"),
        "news",
    )
    .crumb(title, list_url(scope, PageNo::FIRST));
    View::new("news_list.html", head)
        .value("items", scope.cards(page.slice(stories, per_page)))
        .with(
            "pager",
            Pager::new(page, stories.len(), per_page, |p| list_url(scope, p)),
        )
        .output()
}

pub(super) fn awards(scope: &Scope) -> Result<Output, Error> {
    let lang = scope.lang();
    let title = scope.t("nav_awards");
    let head = Head::new(title.clone(), scope.t("awards_description"), "awards")
        .crumb(title, scope.urls().section(lang, "awards"));
    View::new("awards.html", head)
        .value("items", scope.cards(scope.list(ListKey::all("awards", lang))))
        .output()
}

/// RFC 3339 time of a story (midnight when it has no time), with the site's offset.
fn rfc3339(scope: &Scope, story: &Story) -> String {
    let time = story.time.unwrap_or(jiff::civil::Time::midnight());
    jsonld::date_time(&scope.config().timezone.offset, story.date, Some(time))
}

/// The Atom feed of the scope's language: its newest stories, with their whole text.
pub(super) fn feed(scope: &Scope) -> String {
    let lang = scope.lang();
    let urls = scope.urls();
    let config = scope.config();
    let stories = scope.list(ListKey::all("news", lang));
    let recent: Vec<&Story> = stories[..stories.len().min(FEED_ENTRIES)]
        .iter()
        .map(|item| scope.item(StoryId::from_key(item.key)))
        .collect();
    let home = urls.absolute(&urls.home(lang));
    let self_url = urls.absolute(&urls.file(lang, FEED));
    let updated = recent
        .first()
        .map(|story| rfc3339(scope, story))
        .unwrap_or_else(|| "2000-01-01T00:00:00Z".to_string());
    let mut xml = String::with_capacity(4096 + recent.len() * 2048);
    let _ = write!(
        xml,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n\
         <title>{}</title>\n<link href=\"{}\" rel=\"self\" type=\"application/atom+xml\"/>\n\
         <link href=\"{}\" rel=\"alternate\" type=\"text/html\"/>\n<id>{}</id>\n<updated>{}</updated>\n",
        escape(&config.lang(lang).code),
        escape(scope.text(&config.title)),
        escape(&self_url),
        escape(&home),
        escape(&self_url),
        updated,
    );
    for story in recent {
        let url = urls.absolute(&story.url);
        let _ = write!(
            xml,
            "<entry>\n<title>{}</title>\n<link href=\"{}\" rel=\"alternate\" type=\"text/html\"/>\n<id>{}</id>\n\
             <published>{time}</published>\n<updated>{time}</updated>\n<author><name>{}</name></author>\n\
             <summary>{}</summary>\n<content type=\"html\">{}</content>\n</entry>\n",
            escape(&story.title),
            escape(&url),
            escape(&url),
            escape(&units::link(scope, story.unit).name),
            escape(&story.summary),
            escape(&story.html),
            time = rfc3339(scope, story),
        );
    }
    xml.push_str("</feed>\n");
    xml
}
