//! The agenda as an iCalendar feed (RFC 5545), one per language, so that visitors can
//! subscribe in their calendar app. Times are written in UTC (no time zone definitions needed);
//! events of whole days are written as dates. The file is a function of the content alone, so
//! rebuilds write the same bytes.

use std::fmt::Write;

use jiff::civil::{Date, DateTime, Time};
use jiff::tz::{Offset, TimeZone};

use super::{Agenda, Event, Status};
use crate::ids::EventId;
use crate::kinds::{Kind, Scope};
use crate::site::lists::ListKey;

/// The calendar of the scope's language.
pub(super) fn ics(scope: &Scope) -> String {
    let lang = scope.lang();
    let config = scope.config();
    let urls = scope.urls();
    let code = &config.lang(lang).code;
    let host = host(urls.absolute("/"));
    let name = format!("{} — {}", scope.text(&config.title), scope.t("nav_agenda"));
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR".to_string(),
        "VERSION:2.0".to_string(),
        format!("PRODID:-//Etalase//Agenda//{}", code.to_uppercase()),
        "CALSCALE:GREGORIAN".to_string(),
        "METHOD:PUBLISH".to_string(),
        format!("X-WR-CALNAME:{}", escape(&name)),
    ] {
        push(&mut out, &line);
    }
    let offset = config.timezone_offset().unwrap_or(7 * 3600);
    for item in scope.list(ListKey::all(Agenda::NAME, lang)) {
        let event = scope.item(EventId::from_key(item.key));
        let url = urls.absolute(&event.url);
        for line in vevent(event, code, &url, &host, offset) {
            push(&mut out, &line);
        }
    }
    push(&mut out, "END:VCALENDAR");
    out
}

/// The lines of one event.
fn vevent(event: &Event, code: &str, url: &str, host: &str, offset: i32) -> Vec<String> {
    let (start, end) = match event.time {
        Some(time) => (
            format!("DTSTART:{}", utc(event.start, time, offset)),
            event
                .end_time
                .map(|end| format!("DTEND:{}", utc(event.end, end, offset))),
        ),
        None => (
            format!("DTSTART;VALUE=DATE:{}", day(event.start)),
            // The end of an event of whole days is the day after its last.
            Some(format!(
                "DTEND;VALUE=DATE:{}",
                day(event.end.tomorrow().unwrap_or(event.end))
            )),
        ),
    };
    let stamp = utc(event.start, event.time.unwrap_or(Time::midnight()), offset);
    let mut lines = vec![
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}-{code}@{host}", event.key),
        format!("DTSTAMP:{stamp}"),
        start,
    ];
    lines.extend(end);
    lines.push(format!("SUMMARY:{}", escape(&event.title)));
    lines.push(format!("DESCRIPTION:{}", escape(&event.summary)));
    let location = match (&event.place, &event.online) {
        (Some(place), _) => Some(
            [
                Some(place.name.as_str()),
                place.address.as_deref(),
                Some(place.city.as_str()),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(", "),
        ),
        (None, Some(online)) => Some(online.clone()),
        (None, None) => None,
    };
    if let Some(location) = location {
        lines.push(format!("LOCATION:{}", escape(&location)));
    }
    lines.push(format!("URL:{url}"));
    let status = match event.status {
        Status::Scheduled | Status::MovedOnline => "CONFIRMED",
        Status::Postponed => "TENTATIVE",
        Status::Cancelled => "CANCELLED",
    };
    lines.push(format!("STATUS:{status}"));
    lines.push("END:VEVENT".to_string());
    lines
}

/// `20251119T020000Z`: a local date and time at `offset` seconds east of UTC, in UTC.
fn utc(date: Date, time: Time, offset: i32) -> String {
    let zone = TimeZone::fixed(Offset::from_seconds(offset).unwrap_or(Offset::UTC));
    let local = DateTime::from_parts(date, time);
    let instant = zone
        .to_timestamp(local)
        .map(|t| t.to_zoned(TimeZone::UTC).datetime())
        .unwrap_or(local);
    instant.strftime("%Y%m%dT%H%M%SZ").to_string()
}

/// `20251119`.
fn day(date: Date) -> String {
    date.strftime("%Y%m%d").to_string()
}

/// The host of the site's address, for event identifiers.
fn host(home: String) -> String {
    let rest = home.split_once("://").map_or(home.as_str(), |(_, rest)| rest);
    rest.split(['/', ':']).next().unwrap_or("etalase").to_string()
}

/// A text value with `\`, `;`, `,` and line breaks escaped (RFC 5545, 3.3.11).
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\r' => {}
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line, folded so that no line is longer than 75 octets (RFC 5545, 3.1):
/// a long line goes on after CRLF and a space, never inside a character.
fn push(out: &mut String, line: &str) {
    let mut width = 0;
    for c in line.chars() {
        if width + c.len_utf8() > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(c);
        width += c.len_utf8();
    }
    let _ = write!(out, "\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_long_lines_are_folded_between_characters() {
        assert_eq!(escape("Aula, Kanwil; a\\b\nc"), "Aula\\, Kanwil\\; a\\\\b\\nc");
        let mut out = String::new();
        push(&mut out, &format!("SUMMARY:{}", "é".repeat(60)));
        for line in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(line.len() <= 75, "{line:?} is {} octets", line.len());
        }
        let unfolded = out.replace("\r\n ", "");
        assert_eq!(unfolded, format!("SUMMARY:{}\r\n", "é".repeat(60)));
    }

    #[test]
    fn local_times_are_written_in_utc() {
        let date = Date::new(2025, 11, 19).expect("date");
        assert_eq!(
            utc(date, Time::new(9, 30, 0, 0).expect("time"), 7 * 3600),
            "20251119T023000Z"
        );
        assert_eq!(utc(date, Time::midnight(), 7 * 3600), "20251118T170000Z");
        assert_eq!(host("https://etalase.test/".into()), "etalase.test");
    }
}
