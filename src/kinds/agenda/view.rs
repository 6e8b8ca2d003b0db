//! The pages of the agenda: the list (upcoming events first, then the past), an event, and an
//! event's card.

use serde::Serialize;
use serde_json::{Value as Json, json};

use super::{Agenda, Event, Status};
use crate::error::Error;
use crate::ids::{EventId, ProductId};
use crate::kinds::units::{self, Link};
use crate::kinds::{Kind, Scope};
use crate::render::images::ImageView;
use crate::render::{Head, ItemId, Output, View, jsonld};
use crate::site::lists::{ItemRef, ListKey};

/// Whether the event has not ended before the day the site is built.
fn is_upcoming(scope: &Scope, event: &Event) -> bool {
    event.end >= scope.config().today()
}

/// `items` (events, earliest first) with the upcoming ones first, soonest first, then the past
/// ones, latest first.
pub(super) fn upcoming_first(scope: &Scope, items: &[ItemRef]) -> Vec<ItemRef> {
    let (upcoming, mut past): (Vec<ItemRef>, Vec<ItemRef>) = items
        .iter()
        .partition(|&&item| is_upcoming(scope, scope.item(EventId::from_key(item.key))));
    past.reverse();
    upcoming.into_iter().chain(past).collect()
}

/// When an event takes place, as people read it: "Rabu, 19 November 2025, 09:00 WIB", or the
/// first and last day of an event of several days.
fn when(scope: &Scope, event: &Event) -> String {
    let locale = scope.locale();
    let zone = &scope.config().timezone.label;
    let mut text = locale.long_date(event.start);
    if let Some(time) = event.time {
        text.push_str(&format!(", {}", locale.time(time)));
        if let (Some(end), true) = (event.end_time, event.end == event.start) {
            text.push_str(&format!("–{}", locale.time(end)));
        }
        text.push_str(&format!(" {zone}"));
    }
    if event.end != event.start {
        text.push_str(&format!(" – {}", locale.long_date(event.end)));
    }
    text
}

/// Where an event takes place, in a line.
fn place_line(scope: &Scope, event: &Event) -> String {
    match (&event.place, &event.online) {
        (Some(place), None) => format!("{}, {}", place.name, place.city),
        (Some(place), Some(_)) => format!("{}, {} · {}", place.name, place.city, scope.t("agenda_online")),
        (None, _) => scope.t("agenda_online"),
    }
}

/// An event as lists show it (the theme's `item_card`).
#[derive(Serialize)]
struct Card<'a> {
    title: &'a str,
    url: &'a str,
    when: String,
    when_iso: String,
    place: String,
    summary: &'a str,
    image: Option<ImageView>,
    status: Option<String>,
}

fn status_note(scope: &Scope, status: Status) -> Option<String> {
    match status {
        Status::Scheduled => None,
        Status::Postponed => Some(scope.t("agenda_postponed")),
        Status::Cancelled => Some(scope.t("agenda_cancelled")),
        Status::MovedOnline => Some(scope.t("agenda_moved_online")),
    }
}

pub(super) fn card(scope: &Scope, id: EventId) -> tera::Value {
    let event = scope.item(id);
    tera::Value::from_serializable(&Card {
        title: &event.title,
        url: &event.url,
        when: when(scope, event),
        when_iso: start_iso(scope, event),
        place: place_line(scope, event),
        summary: &event.summary,
        image: event.image.as_ref().map(|image| scope.image(&image.src, &image.alt)),
        status: status_note(scope, event.status),
    })
}

fn start_iso(scope: &Scope, event: &Event) -> String {
    jsonld::date_time(&scope.config().timezone.offset, event.start, event.time)
}

fn end_iso(scope: &Scope, event: &Event) -> String {
    jsonld::date_time(&scope.config().timezone.offset, event.end, event.end_time)
}

pub(super) fn list(scope: &Scope) -> Result<Output, Error> {
    let lang = scope.lang();
    let events = scope.list(ListKey::all(Agenda::NAME, lang));
    let (upcoming, past): (Vec<ItemRef>, Vec<ItemRef>) = upcoming_first(scope, events)
        .into_iter()
        .partition(|&item| is_upcoming(scope, scope.item(EventId::from_key(item.key))));
    let title = scope.t("nav_agenda");
    let head = Head::new(title.clone(), scope.t("agenda_description"), "agenda")
        .crumb(title, scope.urls().section(lang, "agenda"));
    View::new("agenda.html", head)
        .value("upcoming", scope.cards(&upcoming))
        .value("past", scope.cards(&past))
        .with("calendar", scope.urls().file(lang, super::CALENDAR))
        .output()
}

#[derive(Serialize)]
struct Venue<'a> {
    name: &'a str,
    address: Option<&'a str>,
    city: &'a str,
}

#[derive(Serialize)]
struct EventView<'a> {
    title: &'a str,
    when: String,
    when_iso: String,
    end_iso: String,
    summary: &'a str,
    html: &'a str,
    place: Option<Venue<'a>>,
    online: Option<&'a str>,
    organizer: Option<Link>,
    units: Vec<Link>,
    image: Option<ImageView>,
    link: Option<Link>,
    status: Option<String>,
}

pub(super) fn event(scope: &Scope, id: EventId) -> Result<Output, Error> {
    let lang = scope.lang();
    let event = scope.item(id);
    let view = EventView {
        title: &event.title,
        when: when(scope, event),
        when_iso: start_iso(scope, event),
        end_iso: end_iso(scope, event),
        summary: &event.summary,
        html: &event.html,
        place: event.place.as_ref().map(|p| Venue {
            name: &p.name,
            address: p.address.as_deref(),
            city: &p.city,
        }),
        online: event.online.as_deref(),
        organizer: event.organizer.map(|unit| units::link(scope, unit)),
        units: event
            .units
            .iter()
            .filter(|&&unit| Some(unit) != event.organizer)
            .map(|&unit| units::link(scope, unit))
            .collect(),
        image: event.image.as_ref().map(|i| scope.image(&i.src, &i.alt)),
        link: event.link.as_ref().map(|(label, url)| Link {
            name: label.clone(),
            url: url.clone(),
        }),
        status: status_note(scope, event.status),
    };
    let products: Vec<ItemRef> = event.products.iter().map(|&p: &ProductId| p.item_ref()).collect();
    let terms: Vec<ItemRef> = event.terms.iter().map(|t| t.item_ref()).collect();
    let image = match &event.image {
        Some(image) => scope.og_image(&image.src, &image.alt),
        None => crate::kinds::card_image(scope, Agenda::NAME, &event.slug, &event.title),
    };
    let head = Head::new(event.title.clone(), event.summary.clone(), "agenda")
        .crumb(scope.t("nav_agenda"), scope.urls().section(lang, "agenda"))
        .crumb(event.title.clone(), event.url.clone())
        .jsonld(structured_data(scope, event))
        .og("website", image);
    View::new("event.html", head)
        .with("event", view)
        .value("products", scope.cards(&products))
        .value("terms", scope.cards(&terms))
        .output()
}

/// The event as a schema.org `Event`: where (a `Place`, a `VirtualLocation`, or both), when,
/// who organises it, and whether it takes place as announced.
fn structured_data(scope: &Scope, event: &Event) -> Json {
    let place = event.place.as_ref().map(|p| {
        let mut address = json!({
            "@type": "PostalAddress",
            "addressLocality": p.city,
            "addressCountry": "ID",
        });
        if let Some(street) = &p.address {
            address["streetAddress"] = json!(street);
        }
        json!({ "@type": "Place", "name": p.name, "address": address })
    });
    let online = event
        .online
        .as_ref()
        .map(|url| json!({ "@type": "VirtualLocation", "url": url }));
    let (location, mode) = match (place, online) {
        (Some(place), Some(online)) => (json!([place, online]), "MixedEventAttendanceMode"),
        (Some(place), None) => (place, "OfflineEventAttendanceMode"),
        (None, Some(online)) => (online, "OnlineEventAttendanceMode"),
        (None, None) => (Json::Null, "OfflineEventAttendanceMode"),
    };
    let status = match event.status {
        Status::Scheduled => "EventScheduled",
        Status::Postponed => "EventPostponed",
        Status::Cancelled => "EventCancelled",
        Status::MovedOnline => "EventMovedOnline",
    };
    let mut value = json!({
        "@type": "Event",
        "name": event.title,
        "description": event.summary,
        "startDate": start_iso(scope, event),
        "endDate": end_iso(scope, event),
        "eventStatus": format!("https://schema.org/{status}"),
        "eventAttendanceMode": format!("https://schema.org/{mode}"),
        "location": location,
        "inLanguage": scope.config().lang(event.lang).code,
    });
    if let Some(organizer) = event.organizer {
        value["organizer"] = units::organization(scope, organizer, false);
    }
    if let Some(image) = &event.image {
        value["image"] = json!(scope.image_urls(&image.src));
    }
    value
}
