//! The agenda: events listed upcoming first with a past archive, a page per event with its
//! structured data, events on the pages of the units, products and terms they name, and an
//! iCalendar feed per language that a real calendar parser reads.

use std::process::Command;

use crate::support::html::{elements, find, json_ld, text};
use crate::support::site::{Site, etalase};
use crate::support::tools::{self, Tool, missing};

/// An event file: `extra` adds front matter lines.
fn event(title: &str, start: &str, extra: &str) -> String {
    format!(
        "---\ntitle: {title}\nstart: {start}\nplace: {{ name: Aula Lapas, city: Lahat }}\nsummary: Tentang {title}.\n{extra}---\nIsi acara {title}.\n"
    )
}

/// A site with three events: one past, one that ends today, one to come.
fn agenda_site() -> Site {
    let site = Site::new();
    site.file(
        "content/agenda/2025-06-01-pameran-lama.id.md",
        &event("Pameran Lama", "2025-06-01", "units: [lapas-lahat]\n"),
    )
    .file(
        "content/agenda/2025-11-18-bazar.id.md",
        &event("Bazar Produk", "2025-11-18", "end: 2025-11-20\ntime: \"09:00\"\nend_time: \"15:00\"\nproducts: [gula-semut]\n"),
    )
    .file(
        "content/agenda/2025-12-24-pelatihan.id.md",
        &event(
            "Pelatihan Kopi",
            "2025-12-24",
            "time: \"13:30\"\norganizer: lapas-lahat\nprograms: [ac-3]\nonline: https://example.test/kelas\nlink: { url: \"https://example.test/daftar\", label: Daftar }\n",
        ),
    )
    .file(
        "content/agenda/2025-12-24-pelatihan.en.md",
        &event("Coffee Training", "2025-12-24", "time: \"13:30\"\norganizer: lapas-lahat\nprograms: [ac-3]\n"),
    );
    site
}

/// Builds with the agenda seen from 20 November 2025.
fn build_on_20_november(site: &Site) {
    let out = etalase()
        .arg("build")
        .current_dir(site.root())
        .env("ETALASE_TODAY", "2025-11-20")
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
}

/// The titles of the cards in the section `id` of a page, in order.
fn section_titles(html: &str, id: &str) -> Vec<String> {
    let start = html
        .find(&format!("id=\"{id}\""))
        .or_else(|| html.find(&format!("id={id}")));
    let Some(start) = start else { return Vec::new() };
    let rest = &html[start..];
    let end = rest[1..].find("<section").map_or(rest.len(), |e| e + 1);
    elements(&rest[..end])
        .into_iter()
        .filter(|e| e.name == "a" && e.attr("href").is_some_and(|h| h.contains("/agenda/")))
        .filter_map(|e| e.attr("href").map(String::from))
        .collect()
}

#[test]
fn the_agenda_lists_upcoming_events_first_and_keeps_a_past_archive() {
    let site = agenda_site();
    build_on_20_november(&site);
    let page = site.read("agenda/index.html");
    assert_eq!(
        section_titles(&page, "agenda-upcoming"),
        ["/agenda/bazar/", "/agenda/pelatihan/"],
        "upcoming, soonest first; an event that ends today is still upcoming"
    );
    assert_eq!(section_titles(&page, "agenda-past"), ["/agenda/pameran-lama/"]);
    let english = site.read("en/agenda/index.html");
    assert_eq!(section_titles(&english, "agenda-upcoming"), ["/en/agenda/pelatihan/"]);
    assert!(
        text(&site.read("index.html")).contains("Agenda"),
        "the agenda is in the main menu"
    );
}

#[test]
fn an_event_page_shows_when_where_and_who_with_its_structured_data() {
    let site = agenda_site();
    build_on_20_november(&site);
    let html = site.read("agenda/pelatihan/index.html");
    let words = text(&html);
    assert!(words.contains("Rabu, 24 Desember 2025, 13:30 WIB"), "{words}");
    assert!(words.contains("Lapas Kelas IIA Lahat"), "the organiser");
    let els = elements(&html);
    assert_eq!(
        find(&els, "a", "href", "https://example.test/daftar").len(),
        1,
        "the registration link"
    );
    assert_eq!(
        find(&els, "link", "hreflang", "en")[0].attr("href"),
        Some("https://example.test/en/agenda/pelatihan/")
    );
    let graph = &json_ld(&html)[0]["@graph"];
    let event = graph
        .as_array()
        .and_then(|items| items.iter().find(|i| i["@type"] == "Event"))
        .expect("an Event");
    assert_eq!(event["startDate"], "2025-12-24T13:30:00+07:00");
    assert_eq!(event["eventStatus"], "https://schema.org/EventScheduled");
    assert_eq!(
        event["eventAttendanceMode"],
        "https://schema.org/MixedEventAttendanceMode"
    );
    assert_eq!(event["location"][0]["@type"], "Place");
    assert_eq!(event["location"][0]["address"]["addressLocality"], "Lahat");
    assert_eq!(event["location"][1]["url"], "https://example.test/kelas");
    assert_eq!(event["organizer"]["@type"], "GovernmentOrganization");
    assert_eq!(event["url"], "https://example.test/agenda/pelatihan/");
    let sitemap = site.read("sitemap.xml");
    assert!(sitemap.contains("https://example.test/agenda/pelatihan/"));
}

#[test]
fn events_appear_on_the_pages_of_the_units_products_and_terms_they_name() {
    let site = agenda_site();
    build_on_20_november(&site);
    let unit = site.read("upt/lapas-lahat/index.html");
    assert_eq!(
        section_titles(&unit, "related-agenda"),
        ["/agenda/pelatihan/", "/agenda/pameran-lama/"],
        "the organiser's and a participant's events, upcoming first"
    );
    assert_eq!(
        section_titles(&site.read("produk/gula-semut/index.html"), "related-agenda"),
        ["/agenda/bazar/"]
    );
    assert_eq!(
        section_titles(&site.read("asta-cita/ac-3/index.html"), "related-agenda"),
        ["/agenda/pelatihan/"]
    );
    assert!(
        !site.read("upt/kanwil-sumsel/index.html").contains("related-agenda"),
        "no block where no event names the unit"
    );
}

#[test]
fn the_calendar_feed_parses_in_a_calendar_reader() {
    if missing(&[Tool::Icalendar]) {
        return;
    }
    let site = agenda_site();
    build_on_20_november(&site);
    let script = "import icalendar, json, sys\n\
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())\n\
        print(json.dumps([{k: str(e.get(k).dt if hasattr(e.get(k), 'dt') else e.get(k)) for k in ['summary', 'dtstart', 'dtend', 'location', 'url', 'uid'] if e.get(k) is not None} for e in cal.walk('VEVENT')]))";
    let out = Command::new(tools::python())
        .args(["-c", script])
        .arg(site.public().join("agenda.ics"))
        .output()
        .expect("python");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let events: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let events = events.as_array().expect("events");
    assert_eq!(events.len(), 3, "{events:?}");
    assert_eq!(events[0]["summary"], "Pameran Lama");
    assert_eq!(events[0]["dtstart"], "2025-06-01", "a day event is a date");
    assert_eq!(events[0]["dtend"], "2025-06-02", "ending the next day");
    assert_eq!(events[0]["location"], "Aula Lapas, Lahat", "the comma is read back");
    assert_eq!(events[1]["dtstart"], "2025-11-18 02:00:00+00:00", "09:00 WIB in UTC");
    assert_eq!(events[1]["dtend"], "2025-11-20 08:00:00+00:00");
    assert_eq!(events[2]["url"], "https://example.test/agenda/pelatihan/");
    let english = site.read("en/agenda.ics");
    assert_eq!(english.matches("BEGIN:VEVENT").count(), 1);
    for line in std::fs::read_to_string(site.public().join("agenda.ics"))
        .expect("ics")
        .split("\r\n")
    {
        assert!(line.len() <= 75, "a line longer than 75 octets: {line:?}");
    }
}

#[test]
fn mistakes_in_an_event_are_reported_where_they_are() {
    let site = Site::new();
    site.file(
        "content/agenda/2025-11-19-a.id.md",
        "---\ntitle: A\nstart: 2025-11-20\nend: 2025-11-19\nsummary: S\nunits: [lapas-lahta]\n---\nx\n",
    );
    let err = site.build_error();
    assert!(
        err.contains("2025-11-19-a.id.md:4:6: error: the event ends before it starts"),
        "{err}"
    );
    assert!(err.contains("the event has no place and no online address"), "{err}");
    assert!(err.contains("unknown unit `lapas-lahta`"), "{err}");
}

#[test]
fn new_event_starts_a_draft_that_builds() {
    let site = Site::new();
    let out = site.run(&[
        "new",
        "event",
        "Bazar Akhir Tahun",
        "--unit",
        "lapas-lahat",
        "--date",
        "2025-12-20",
        "--en",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        site.root()
            .join("content/agenda/2025-12-20-bazar-akhir-tahun.en.md")
            .exists()
    );
    site.build();
    assert!(
        !site.exists("agenda/bazar-akhir-tahun/index.html"),
        "a draft until the writer publishes it"
    );
    let drafts = site.run(&["build", "--drafts"]);
    assert!(drafts.status.success(), "{}", String::from_utf8_lossy(&drafts.stderr));
    assert!(site.exists("agenda/bazar-akhir-tahun/index.html"));
}
