//! The agenda (`content/agenda/<date>-<slug>.<lang>.md`): exhibitions and bazaars where
//! products are sold, ceremonies, trainings and open days. An event per language, like a
//! press release; its front matter says when (start, optional end, times in the site's zone),
//! where (a place, or online, or both), who organises it and which units, products and
//! programme terms take part. Events make the agenda page of each language (upcoming first,
//! then the past), a page each, an iCalendar feed per language, and a list on the pages of
//! the units, products and terms they name.

mod calendar;
mod view;

use std::path::PathBuf;

use jiff::civil::{Date, Time};
use rayon::prelude::*;
use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

use super::{Kind, Related, Scope, Site, Untranslated, untranslated_documents};
use crate::config::Config;
use crate::content::{self, Doc, Folder, RawFile, Source};
use crate::error::{Diagnostic, Diagnostics, Error};
use crate::ids::{EventId, LangId, PerLang, ProductId, Table, TermId, UnitId};
use crate::render::{ItemId, Output, Place};
use crate::scaffold::{NewFile, yaml_string};
use crate::site::fields::{self, at};
use crate::site::fingerprint::Fingerprints;
use crate::site::inherit;
use crate::site::lists::{ItemRef, ListKey, Lists, Target};
use crate::site::names::{self, DocumentKey, Names};
use crate::site::urls::Section;
use crate::site::{Owner, Report, Resolve};

/// Front matter of an event.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EventFront {
    pub title: String,
    /// The first day, `YYYY-MM-DD`; a translation takes it from its source.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub start: Option<Spanned<String>>,
    /// `HH:MM`, when it begins, in the site's zone; none for an event of whole days.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub time: Option<Spanned<String>>,
    /// The last day, `YYYY-MM-DD`, for an event of several days.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub end: Option<Spanned<String>>,
    /// `HH:MM`, when it ends.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub end_time: Option<Spanned<String>>,
    /// Where it takes place; leave it out for an event held only online.
    #[serde(default)]
    pub place: Option<PlaceFront>,
    /// The address of an event held online (or also online).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub online: Option<Spanned<String>>,
    /// The unit that organises it (a file stem in `content/units/`).
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub organizer: Option<Spanned<String>>,
    /// Units that take part.
    #[serde(default)]
    #[schemars(with = "Option<Vec<String>>")]
    pub units: Option<Vec<Spanned<String>>>,
    /// Products shown or sold there.
    #[serde(default)]
    #[schemars(with = "Option<Vec<String>>")]
    pub products: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    #[schemars(with = "Option<Vec<String>>")]
    pub programs: Option<Vec<Spanned<String>>>,
    #[serde(default)]
    pub image: Option<super::news::ImageFront>,
    /// Where to register, or whom to contact.
    #[serde(default)]
    pub link: Option<LinkFront>,
    pub summary: String,
    /// `scheduled` (the default), `postponed`, `cancelled` or `moved-online`.
    #[serde(default)]
    pub status: Option<Status>,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub slug: Option<Spanned<String>>,
}

/// A place where an event is held.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlaceFront {
    pub name: String,
    #[serde(default)]
    pub address: Option<String>,
    /// A translation takes it from its source.
    #[serde(default)]
    pub city: Option<String>,
}

/// A link to register or to ask.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct LinkFront {
    /// A translation takes it from its source.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub url: Option<Spanned<String>>,
    /// The link's text, e.g. `Daftar di sini`.
    pub label: String,
}

/// Whether an event takes place as announced.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    #[default]
    Scheduled,
    Postponed,
    Cancelled,
    MovedOnline,
}

/// An event in one language, resolved.
#[derive(Debug, Clone, Hash)]
pub struct Event {
    pub lang: LangId,
    /// Shared by the translations of one event (the file stem).
    pub key: String,
    pub slug: String,
    pub url: String,
    pub title: String,
    pub summary: String,
    pub start: Date,
    pub time: Option<Time>,
    /// The last day (the first, for an event of one day).
    pub end: Date,
    pub end_time: Option<Time>,
    pub place: Option<Venue>,
    pub online: Option<String>,
    pub organizer: Option<UnitId>,
    pub units: Vec<UnitId>,
    pub products: Vec<ProductId>,
    pub terms: Vec<TermId>,
    pub image: Option<super::news::Image>,
    pub link: Option<(String, String)>,
    pub status: Status,
    pub html: crate::site::markdown::Html,
    pub file: PathBuf,
    pub translations: PerLang<Option<EventId>>,
}

/// Where an event is held.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Venue {
    pub name: String,
    pub address: Option<String>,
    pub city: String,
}

impl Event {
    /// Every unit the event names: its organiser first, then those taking part.
    pub fn all_units(&self) -> impl Iterator<Item = UnitId> + '_ {
        self.organizer
            .into_iter()
            .chain(self.units.iter().copied().filter(|u| Some(*u) != self.organizer))
    }
}

#[derive(Debug, Default)]
pub struct Items {
    /// By start, earliest first.
    pub events: Table<EventId, Event>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Page {
    /// The agenda of a language: upcoming events, then past ones.
    List(LangId),
    Event(EventId),
    /// The iCalendar feed of a language.
    Calendar(LangId),
}

impl ItemId<super::Items> for EventId {
    type Item = Event;

    fn get(self, items: &super::Items) -> &Event {
        &items.agenda.events[self]
    }

    fn item_ref(self) -> ItemRef {
        ItemRef::new(Agenda::NAME, self.key())
    }
}

pub struct Agenda;

crate::messages::messages! {
    /// What writers of events are told.
    pub enum Message {
        EndsBeforeStart = "E1001",
            en: "the event ends before it starts",
            id: "acara berakhir sebelum dimulai";
        NoPlace = "E1002",
            en: "the event has no place and no online address",
            id: "acara tidak punya tempat maupun alamat daring";
        HintEnd = "H1001",
            en: "write the last day in `end`, on or after `start`",
            id: "tulis hari terakhir di `end`, sama dengan atau sesudah `start`";
        HintPlace = "H1002",
            en: "add `place` (name and city), or `online` with the address of an online event",
            id: "tambahkan `place` (nama dan kota), atau `online` berisi alamat acara daring";
    }
}

/// The calendar file's name in each language's folder.
pub const CALENDAR: &str = "agenda.ics";

impl Kind for Agenda {
    const NAME: &'static str = "agenda";
    const SECTIONS: &'static [Section] = &[Section {
        key: "agenda",
        word: "agenda",
        menu: Some(5),
    }];
    type File = Doc<EventFront>;
    type Items = Items;
    type Page = Page;

    fn parse(file: &RawFile, config: &Config) -> Result<Self::File, Diagnostic> {
        content::document(file, config)
    }

    fn declare(files: &Folder<Self::File>, cx: &Resolve, names: &mut Names) {
        for doc in files.parsed().filter(|d| cx.published(d.front.draft)) {
            let slug = fields::slug(doc, doc.front.slug.as_ref(), true, &mut Diagnostics::default());
            names.declare_document(
                DocumentKey::of(&doc.source.file),
                cx.urls.item(doc.lang, "agenda", &slug),
            );
        }
    }

    fn resolve(files: &Folder<Self::File>, cx: &Resolve, report: &mut Report) -> Items {
        let docs: Vec<&Doc<EventFront>> = files.parsed().filter(|d| cx.published(d.front.draft)).collect();
        let sources: std::collections::HashMap<&str, &Doc<EventFront>> = files
            .parsed()
            .filter(|d| d.lang == LangId::FIRST)
            .map(|d| (d.stem.as_str(), d))
            .collect();
        let resolved: Vec<(Event, Report)> = docs
            .par_iter()
            .map(|doc| {
                let mut own = Report::default();
                let source = (doc.lang != LangId::FIRST)
                    .then(|| sources.get(doc.stem.as_str()).copied())
                    .flatten();
                let inputs = crate::hashing::of(&source.map(|source| source.source.hash));
                let event = cx.document(doc, inputs, &mut own, |report| event(cx, doc, source, report));
                (event, own)
            })
            .collect();
        let mut events = Vec::with_capacity(resolved.len());
        for (event, own) in resolved {
            report.add(own);
            events.push(event);
        }
        events.sort_by(|a, b| (a.start, a.time, &a.slug, a.lang).cmp(&(b.start, b.time, &b.slug, b.lang)));
        fields::link_translations(
            cx.languages(),
            &mut events,
            |doc| (EventId::of_file(&doc.file), doc.key.as_str(), doc.lang),
            |doc| &mut doc.translations,
        );
        Items {
            events: Table::new(events, |item| EventId::of_file(&item.file)),
        }
    }

    fn list(items: &Items, _cx: &Resolve, lists: &mut Lists) {
        for (id, event) in items.events.iter() {
            let (item, lang) = (id.item_ref(), event.lang);
            lists.push(ListKey::all(Agenda::NAME, lang), item);
            for unit in event.all_units() {
                lists.push(ListKey::about(Agenda::NAME, lang, Target::Unit(unit)), item);
            }
            for &product in &event.products {
                lists.push(ListKey::about(Agenda::NAME, lang, Target::Product(product)), item);
            }
            for &term in &event.terms {
                lists.push(ListKey::about(Agenda::NAME, lang, Target::Term(term)), item);
            }
        }
    }

    fn fingerprints(items: &Items, out: &mut Fingerprints) {
        out.table(Agenda::NAME, &items.events);
    }

    fn photos(items: &Items) -> Vec<crate::media::PhotoUse<'_>> {
        items
            .events
            .values()
            .filter_map(|event| {
                let image = event.image.as_ref()?;
                Some(crate::media::PhotoUse {
                    src: &image.src,
                    file: &event.file,
                    at: image.at,
                })
            })
            .collect()
    }

    /// A card for each event without a picture: its title over its place or organiser.
    fn share_cards(site: &Site) -> Vec<crate::media::ShareCard> {
        site.items
            .agenda
            .events
            .values()
            .filter(|event| event.image.is_none())
            .map(|event| {
                let under = match (&event.place, event.organizer) {
                    (Some(place), _) => place.city.clone(),
                    (None, Some(unit)) => super::unit_name(site, unit, event.lang),
                    (None, None) => String::new(),
                };
                super::share_card(site, Agenda::NAME, &event.slug, event.lang, &event.title, &under)
            })
            .collect()
    }

    fn pages(site: &Site) -> Vec<Page> {
        let mut pages: Vec<Page> = site
            .langs()
            .flat_map(|lang| [Page::List(lang), Page::Calendar(lang)])
            .collect();
        pages.extend(site.items.agenda.events.ids().map(Page::Event));
        pages
    }

    fn place(site: &Site, page: Page) -> Place {
        match page {
            Page::List(lang) => Place::page(site.urls.section(lang, "agenda"), lang, Owner::Config),
            Page::Event(id) => {
                let event = &site.items.agenda.events[id];
                Place::page(event.url.clone(), event.lang, Owner::File(event.file.clone()))
            }
            Page::Calendar(lang) => Place::file(site.urls.file(lang, CALENDAR), lang),
        }
    }

    fn translation(scope: &Scope, page: Page, to: LangId) -> Option<Page> {
        match page {
            Page::List(_) => Some(Page::List(to)),
            Page::Calendar(_) => Some(Page::Calendar(to)),
            Page::Event(id) => {
                let other = scope.item(id).translations[to]?;
                scope.item(other);
                Some(Page::Event(other))
            }
        }
    }

    fn view(scope: &Scope, page: Page) -> Result<Output, Error> {
        match page {
            Page::List(_) => view::list(scope),
            Page::Event(id) => view::event(scope, id),
            Page::Calendar(_) => Ok(Output::File(calendar::ics(scope).into_bytes())),
        }
    }

    fn cards(site: &Site) -> Vec<(ItemRef, LangId)> {
        site.items
            .agenda
            .events
            .iter()
            .map(|(id, event)| (id.item_ref(), event.lang))
            .collect()
    }

    fn card(scope: &Scope, item: ItemRef) -> Option<tera::Value> {
        (item.kind == Agenda::NAME).then(|| view::card(scope, EventId::from_key(item.key)))
    }

    /// The events of a unit, product or programme term: upcoming first.
    fn related(scope: &Scope, target: Target) -> Option<Related> {
        let events = scope.list(ListKey::about(Agenda::NAME, scope.lang(), target));
        (!events.is_empty()).then(|| Related {
            key: Agenda::NAME,
            title: scope.t("agenda_related"),
            items: scope.cards(&view::upcoming_first(scope, events)),
        })
    }

    fn messages() -> Vec<crate::messages::Message> {
        Message::samples().into_iter().map(Into::into).collect()
    }

    fn untranslated(site: &Site) -> Vec<Untranslated> {
        let events = site.items.agenda.events.values();
        untranslated_documents(site, "event", events, |event| {
            (event.key.as_str(), event.file.as_path(), &event.translations)
        })
    }

    fn schema() -> Option<(&'static str, serde_json::Value)> {
        Some((
            "event.schema.json",
            crate::schema::schema::<EventFront>("Front matter of an event (content/agenda/*.md)"),
        ))
    }

    const NEW: Option<&'static str> = Some("event");

    /// `<date>-<slug>.id.md`, and its `.en.md` twin with `--en`.
    fn new_files(request: &NewFile) -> Result<Vec<(PathBuf, String)>, Error> {
        let unit = request.unit()?;
        let date = request.date()?.to_string();
        let stem = format!("{date}-{}", request.slug()?);
        let dir = request.folder(Agenda::NAME);
        let city = unit_city(request, unit);
        let mut files = vec![(
            dir.join(format!("{stem}.id.md")),
            starter(&request.title, &date, unit, city.as_deref(), "id"),
        )];
        if request.english {
            files.push((
                dir.join(format!("{stem}.en.md")),
                starter(&request.title, &date, unit, city.as_deref(), "en"),
            ));
        }
        Ok(files)
    }
}

/// The front matter an event is resolved from: its own, or for a translation its source's
/// facts with the translation's texts (title, summary, place, image alt, link label), after
/// checking that what the translation writes of the facts agrees with its source.
fn merged(doc: &Doc<EventFront>, source: &Doc<EventFront>, problems: &mut Diagnostics) -> EventFront {
    let (mine, theirs) = (&doc.front, &source.front);
    let pair = inherit::Pair {
        translation: &doc.source,
        source: &source.source,
    };
    let date = |text: &str| text.parse::<Date>().ok();
    let time = |text: &str| text.parse::<Time>().ok();
    let text = |text: &str| Some(text.to_string());
    pair.scalar("start", mine.start.as_ref(), theirs.start.as_ref(), date, problems);
    pair.scalar("time", mine.time.as_ref(), theirs.time.as_ref(), time, problems);
    pair.scalar("end", mine.end.as_ref(), theirs.end.as_ref(), date, problems);
    pair.scalar(
        "end_time",
        mine.end_time.as_ref(),
        theirs.end_time.as_ref(),
        time,
        problems,
    );
    pair.scalar("online", mine.online.as_ref(), theirs.online.as_ref(), text, problems);
    pair.scalar(
        "organizer",
        mine.organizer.as_ref(),
        theirs.organizer.as_ref(),
        text,
        problems,
    );
    pair.list("units", mine.units.as_deref(), theirs.units.as_deref(), problems);
    pair.list(
        "products",
        mine.products.as_deref(),
        theirs.products.as_deref(),
        problems,
    );
    pair.list(
        "programs",
        mine.programs.as_deref(),
        theirs.programs.as_deref(),
        problems,
    );
    pair.block("image", mine.image.is_some(), theirs.image.is_some(), problems);
    pair.block("link", mine.link.is_some(), theirs.link.is_some(), problems);
    pair.block("place", mine.place.is_some(), theirs.place.is_some(), problems);
    if let (Some(status), theirs_status) = (mine.status, theirs.status)
        && status != theirs_status.unwrap_or_default()
    {
        let show = |status: Status| {
            match status {
                Status::Scheduled => "scheduled",
                Status::Postponed => "postponed",
                Status::Cancelled => "cancelled",
                Status::MovedOnline => "moved-online",
            }
            .to_string()
        };
        let source_value = show(theirs_status.unwrap_or_default());
        pair.differs("status", "status:", show(status), source_value, problems);
    }
    let mut front = theirs.clone();
    front.title = mine.title.clone();
    front.summary = mine.summary.clone();
    front.slug = mine.slug.clone();
    front.draft = mine.draft;
    if let (Some(image), Some(own)) = (front.image.as_mut(), &mine.image) {
        pair.scalar("image.src", own.src.as_ref(), image.src.as_ref(), text, problems);
        image.alt = own.alt.clone();
    }
    if let (Some(link), Some(own)) = (front.link.as_mut(), &mine.link) {
        pair.scalar("link.url", own.url.as_ref(), link.url.as_ref(), text, problems);
        link.label = own.label.clone();
    }
    if let (Some(place), Some(own)) = (front.place.as_mut(), &mine.place) {
        place.name = own.name.clone();
        place.address = own.address.clone().or(place.address.take());
    }
    front
}

/// What an event shares with its translations, resolved from `front`, whose places are in
/// `source`.
struct Facts {
    start: Date,
    time: Option<Time>,
    end: Option<Date>,
    end_time: Option<Time>,
    online: Option<String>,
    organizer: Option<UnitId>,
    units: Vec<UnitId>,
    products: Vec<ProductId>,
    terms: Vec<TermId>,
    image: Option<super::news::Image>,
    link: Option<(String, String)>,
}

fn facts(
    cx: &Resolve,
    front: &EventFront,
    source: &Source,
    orphan: Option<PathBuf>,
    problems: &mut Diagnostics,
) -> Facts {
    let start = match &front.start {
        Some(start) => fields::date(source, start, problems).unwrap_or_default(),
        None => {
            problems.push(inherit::fact_missing(source, "start", None, orphan.clone()));
            Date::default()
        }
    };
    let time = front.time.as_ref().and_then(|t| fields::time(source, t, problems));
    let end = front.end.as_ref().and_then(|d| fields::date(source, d, problems));
    let end_time = front.end_time.as_ref().and_then(|t| fields::time(source, t, problems));
    if let (Some(end), Some(span)) = (end, &front.end)
        && end < start
    {
        problems.push(at(source, span, Message::EndsBeforeStart).with_hint(Message::HintEnd));
    }
    if front.place.as_ref().is_some_and(|place| place.city.is_none()) {
        problems.push(inherit::fact_missing(source, "city", Some("place:"), orphan.clone()));
    }
    let online = front
        .online
        .as_ref()
        .and_then(|url| fields::web_address(source, url, problems));
    let organizer = front
        .organizer
        .as_ref()
        .and_then(|id| cx.names.unit(source, id, problems));
    let mut units = Vec::new();
    for id in front.units.as_deref().unwrap_or_default() {
        if let Some(unit) = cx.names.unit(source, id, problems)
            && !units.contains(&unit)
        {
            units.push(unit);
        }
    }
    let image = front.image.as_ref().and_then(|image| {
        let Some(src) = &image.src else {
            problems.push(inherit::fact_missing(source, "src", Some("image:"), orphan.clone()));
            return None;
        };
        let name = names::media(cx.media, source, src, image.alt.trim().is_empty(), problems)?;
        Some(super::news::Image {
            src: name,
            alt: image.alt.trim().to_string(),
            file: source.file.clone(),
            at: (src.referenced.line(), src.referenced.column()),
        })
    });
    let link = front.link.as_ref().and_then(|link| {
        let Some(url) = &link.url else {
            problems.push(inherit::fact_missing(source, "url", Some("link:"), orphan.clone()));
            return None;
        };
        let url = fields::web_address(source, url, problems)?;
        Some((link.label.trim().to_string(), url))
    });
    Facts {
        start,
        time,
        end,
        end_time,
        online,
        organizer,
        units,
        products: cx
            .names
            .products(source, front.products.as_deref().unwrap_or_default(), problems),
        terms: cx
            .names
            .terms(source, front.programs.as_deref().unwrap_or_default(), problems),
        image,
        link,
    }
}

fn event(cx: &Resolve, doc: &Doc<EventFront>, source_doc: Option<&Doc<EventFront>>, report: &mut Report) -> Event {
    let problems = &mut report.errors;
    let slug = fields::slug(doc, doc.front.slug.as_ref(), true, problems);
    let (front, facts) = match source_doc {
        Some(source_doc) => {
            let front = merged(doc, source_doc, problems);
            // A published source reports its own mistakes; a draft's are published only
            // through its translation, which reports them.
            let mut quiet = Diagnostics::default();
            let fact_problems = if cx.published(source_doc.front.draft) {
                &mut quiet
            } else {
                &mut *problems
            };
            let facts = facts(cx, &front, &source_doc.source, None, fact_problems);
            (std::borrow::Cow::Owned(front), facts)
        }
        None => {
            let orphan = (doc.lang != LangId::FIRST)
                .then(|| inherit::source_file(&doc.source, &doc.stem, &cx.config.languages[0].code));
            let facts = facts(cx, &doc.front, &doc.source, orphan, problems);
            (std::borrow::Cow::Borrowed(&doc.front), facts)
        }
    };
    let source = &doc.source;
    if front.place.is_none() && front.online.is_none() {
        problems.push(fields::near(source, "title:", Message::NoPlace).with_hint(Message::HintPlace));
    }
    let place_name = doc.front.place.as_ref().map_or("", |place| place.name.as_str());
    let places = [doc.front.summary.as_str(), fields::body_start(doc.body()), place_name];
    fields::placeholders(source, &places, &PLACEHOLDERS, &mut report.warnings);
    let links = cx.body_links(doc, report);
    Event {
        lang: doc.lang,
        key: doc.stem.clone(),
        url: cx.urls.item(doc.lang, "agenda", &slug),
        slug,
        title: front.title.trim().to_string(),
        summary: front.summary.trim().to_string(),
        start: facts.start,
        time: facts.time,
        end: facts.end.unwrap_or(facts.start).max(facts.start),
        end_time: facts.end_time,
        place: front.place.as_ref().map(|place| Venue {
            name: place.name.trim().to_string(),
            address: place.address.as_ref().map(|a| a.trim().to_string()),
            city: place.city.as_deref().unwrap_or_default().trim().to_string(),
        }),
        online: facts.online,
        organizer: facts.organizer,
        units: facts.units,
        products: facts.products,
        terms: facts.terms,
        image: facts.image,
        link: facts.link,
        status: front.status.unwrap_or_default(),
        html: cx.markdown.to_html_linked(doc.body(), &links),
        file: source.file.clone(),
        translations: PerLang::default(),
    }
}

/// The city of the site's unit `unit`, as its profile gives it.
fn unit_city(request: &NewFile, unit: &str) -> Option<String> {
    let file = request.folder("units").join(format!("{unit}.yaml"));
    let text = std::fs::read_to_string(&file).ok()?;
    let sheet: super::units::UnitSheet = crate::yaml::parse(&file, &text).ok()?;
    let city = sheet.city.trim();
    (!city.is_empty()).then(|| city.to_string())
}

/// The example texts of a new event, which `check` finds when they are left in.
const PLACEHOLDERS: [&str; 5] = [
    "Satu atau dua kalimat: acara apa, untuk siapa.",
    "Tulis di sini apa yang terjadi di acara ini",
    "One or two sentences: what the event is, and for whom.",
    "Write here what happens at the event",
    "Nama tempat",
];

/// A new event with every field filled in or explained; `city` is its unit's. A draft until
/// the writer says it is ready; the English version is the short form.
fn starter(title: &str, date: &str, unit: &str, city: Option<&str>, lang: &str) -> String {
    if lang != "id" {
        return format!(
            "---\n# English version of the file with the same name ending in .id.md. It takes the dates,\n\
             # times, place, units, products, programs, photo and link from that file: write here only\n\
             # what is translated.\ntitle: {title}\nsummary: {summary}\n\
             # place: {{ name: The place's name in English }}\n\
             # image: {{ alt: Describe in English what the photo shows }}\n\
             # link: {{ label: Register }}\ndraft: true                 # false publishes it\n---\n{body}, who takes part, and what can be seen or bought.\n",
            title = yaml_string(title),
            summary = yaml_string(PLACEHOLDERS[2]),
            body = PLACEHOLDERS[3],
        );
    }
    format!(
        "---\ntitle: {title}\nstart: {date}\n# time: \"09:00\"          # optional, local time\n\
         # end: {date}              # optional, the last day\n# end_time: \"15:00\"\n\
         place:\n  name: {place}\n  # address: …\n  city: {city}\n\
         # online: https://…         # for an event held online (leave out place if only online)\n\
         organizer: {unit}\nunits: []                   # units that take part\nproducts: []                # products shown or sold\n\
         programs: []                # e.g. [ac-3]\n# image: {{ src: foto.jpg, alt: … }}\n\
         # link: {{ url: https://…, label: Daftar }}   # to register or to ask\n\
         summary: {summary}\ndraft: true                 # false publishes it\n---\n\
         {body}, siapa yang ikut, dan apa yang bisa dilihat atau dibeli.\n",
        title = yaml_string(title),
        place = yaml_string(PLACEHOLDERS[4]),
        city = yaml_string(city.unwrap_or("Kota")),
        summary = yaml_string(PLACEHOLDERS[0]),
        body = PLACEHOLDERS[1],
    )
}
