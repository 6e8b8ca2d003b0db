//! Checks of the fields writers fill in — dates, times, slugs, languages, web addresses,
//! phone numbers, e-mail addresses — shared by every kind, each problem placed at its line.

use crate::hashing::FastMap;

use jiff::civil::{Date, Time};
use serde_saphyr::Spanned;

use crate::config::{Config, is_slug};
use crate::content::{Doc, Source};
use crate::error::{Diagnostic, Diagnostics, suggestion};
use crate::ids::{LangId, PerLang};
use crate::localized::Localized;
use crate::messages::{Check, Field, Message};

/// A diagnostic at a value's position in its file.
pub fn at<T>(source: &Source, span: &Spanned<T>, message: impl Into<Message>) -> Diagnostic {
    Diagnostic::new(&source.file, message).at(&source.text, span.referenced.line(), span.referenced.column())
}

/// A diagnostic at the first line where `needle` occurs, or at the file.
pub fn near(source: &Source, needle: &str, message: impl Into<Message>) -> Diagnostic {
    let diagnostic = Diagnostic::new(&source.file, message);
    match crate::yaml::find_line(&source.text, needle) {
        Some((line, column)) => diagnostic.at(&source.text, line, column),
        None => diagnostic,
    }
}

/// 1-based line and column of a byte offset in `text`.
pub fn line_column(text: &str, offset: usize) -> (u64, u64) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() as u64 + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u64 + 1;
    (line, column)
}

/// Every language a localized value names must be configured.
pub fn languages<T>(config: &Config, source: &Source, value: &Localized<T>, problems: &mut Diagnostics) {
    if source.file.starts_with(crate::content::BUILTIN) {
        return; // the built-in vocabulary speaks more languages than a site may configure
    }
    for code in value.languages() {
        if config.language(code).is_none() {
            problems.push(
                near(
                    source,
                    &format!("{code}:"),
                    Field::LanguageNotConfigured { code: code.to_string() },
                )
                .with_hint(suggestion(code, config.language_codes()))
                .with_hint(Field::HintAddLanguage),
            );
        }
    }
}

/// The value of a localized field in each configured language, where it is given.
pub fn per_language<T>(
    config: &Config,
    value: Option<&Localized<String>>,
    f: impl Fn(&str) -> T,
) -> PerLang<Option<T>> {
    PerLang::build(config.languages.len(), |lang| {
        value
            .and_then(|v| v.get(&config.languages[lang.index()].code))
            .map(|text| f(text))
    })
}

pub fn bad_file_name(source: &Source) -> Diagnostic {
    Diagnostic::new(&source.file, Field::BadFileName).with_hint(Field::HintFileName)
}

/// A `YYYY-MM-DD` date, or a problem at its place.
pub fn date(source: &Source, date: &Spanned<String>, problems: &mut Diagnostics) -> Option<Date> {
    let text = date.value.trim();
    let well_formed = text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-';
    match text.parse::<Date>() {
        Ok(parsed) if well_formed => Some(parsed),
        _ => {
            problems.push(
                at(
                    source,
                    date,
                    Field::NotADate {
                        value: date.value.clone(),
                    },
                )
                .with_hint(Field::HintDate),
            );
            None
        }
    }
}

/// An `HH:MM` time of day, or a problem at its place.
pub fn time(source: &Source, time: &Spanned<String>, problems: &mut Diagnostics) -> Option<Time> {
    let parsed = time.value.trim().parse::<Time>().ok();
    if parsed.is_none() {
        problems.push(
            at(
                source,
                time,
                Field::NotATime {
                    value: time.value.clone(),
                },
            )
            .with_hint(Field::HintTime),
        );
    }
    parsed
}

/// The URL slug of a document: its `slug` field, or its file stem (without a leading date when
/// `strip_date`).
pub fn slug<F>(doc: &Doc<F>, custom: Option<&Spanned<String>>, strip_date: bool, problems: &mut Diagnostics) -> String {
    if let Some(custom) = custom {
        if !is_slug(&custom.value) {
            problems.push(
                at(
                    &doc.source,
                    custom,
                    Field::BadSlug {
                        slug: custom.value.clone(),
                    },
                )
                .with_hint(Field::HintSlug {
                    example: "umkm-terbaik".into(),
                }),
            );
        }
        return custom.value.clone();
    }
    let stem = doc.stem.as_str();
    let slug = match stem.get(..11) {
        Some(prefix) if strip_date && is_date_prefix(prefix) && stem.len() > 11 => &stem[11..],
        _ => stem,
    };
    if !is_slug(slug) {
        problems.push(bad_file_name(&doc.source));
    }
    slug.to_string()
}

fn is_date_prefix(prefix: &str) -> bool {
    let b = prefix.as_bytes();
    b.len() == 11
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| [4, 7, 10].contains(&i) || c.is_ascii_digit())
}

/// The versions of each item that share a key, by language: `group(key)` of every item.
pub fn translations<'k, I: Copy>(
    languages: usize,
    items: impl Iterator<Item = (I, &'k str, LangId)>,
) -> FastMap<&'k str, PerLang<Option<I>>> {
    let mut groups: FastMap<&str, PerLang<Option<I>>> = FastMap::default();
    for (id, key, lang) in items {
        groups.entry(key).or_insert_with(|| PerLang::build(languages, |_| None))[lang] = Some(id);
    }
    groups
}

/// Links every document of `documents` to its versions in each language: `parts` gives a
/// document's id, key (the file stem its translations share) and language; `versions` is where
/// its versions go.
pub fn link_translations<T, I: Copy>(
    languages: usize,
    documents: &mut [T],
    parts: impl Fn(&T) -> (I, &str, LangId),
    versions: impl Fn(&mut T) -> &mut PerLang<Option<I>>,
) {
    let parts: Vec<(I, &str, LangId)> = documents.iter().map(parts).collect();
    let groups = translations(languages, parts.iter().copied());
    let linked: Vec<PerLang<Option<I>>> = parts.iter().map(|(_, key, _)| groups[key].clone()).collect();
    for (doc, group) in documents.iter_mut().zip(linked) {
        *versions(doc) = group;
    }
}

/// A writer's web address under the one URL rule (`crate::web_url`), or a problem at its place.
pub fn web_address(source: &Source, url: &Spanned<String>, problems: &mut Diagnostics) -> Option<String> {
    match crate::web_url::check(&url.value) {
        Ok(url) => Some(url),
        Err(_) => {
            problems.push(
                at(
                    source,
                    url,
                    Field::NotAWebAddress {
                        value: url.value.clone(),
                    },
                )
                .with_hint(Field::HintWebAddress),
            );
            None
        }
    }
}

/// The digits of a phone number, country code first, or a problem at its place.
pub fn phone_digits(source: &Source, number: &Spanned<String>, problems: &mut Diagnostics) -> Option<String> {
    let digits = whatsapp_digits(&number.value);
    if digits.is_none() {
        problems.push(
            at(
                source,
                number,
                Field::NotAPhone {
                    value: number.value.clone(),
                },
            )
            .with_hint(Field::HintPhone),
        );
    }
    digits
}

/// An e-mail address, or a problem at its place.
pub fn email(source: &Source, email: &Spanned<String>, problems: &mut Diagnostics) -> Option<String> {
    let ok = crate::web_url::is_email(&email.value);
    if !ok {
        problems.push(
            at(
                source,
                email,
                Field::NotAnEmail {
                    value: email.value.clone(),
                },
            )
            .with_hint(Field::HintEmail),
        );
    }
    ok.then(|| email.value.trim().to_string())
}

/// `+62 812-3456-7890` or `0812 3456 7890` → `6281234567890`, the form `wa.me` links take.
pub fn whatsapp_digits(number: &str) -> Option<String> {
    let trimmed = number.trim();
    if !trimmed.chars().all(|c| c.is_ascii_digit() || " +-().".contains(c)) {
        return None;
    }
    let digits: String = trimmed.chars().filter(char::is_ascii_digit).collect();
    let digits = match digits.strip_prefix('0') {
        Some(local) if !trimmed.starts_with('+') => format!("62{local}"),
        _ => digits,
    };
    (8..=15).contains(&digits.len()).then_some(digits)
}

/// Heading attributes other than an id and classes, which rendering drops (they could run
/// script or restyle the page): a warning for each, at its heading, or at `field` of a sheet.
pub fn dropped_attributes(
    source: &Source,
    dropped: &[(String, usize)],
    body_offset: Option<usize>,
    warnings: &mut Diagnostics,
) {
    for (written, offset) in dropped {
        let warning = Diagnostic::warning(
            &source.file,
            Field::HeadingAttributes {
                written: written.clone(),
            },
        )
        .with_hint(Field::HintHeadingAttributes);
        warnings.push(match body_offset {
            Some(start) => {
                let (line, column) = line_column(&source.text, start + offset);
                warning.at(&source.text, line, column)
            }
            None => match crate::yaml::find_line(&source.text, "description:") {
                Some((line, column)) => warning.at(&source.text, line, column),
                None => warning,
            },
        });
    }
}

/// A warning at each example text of `etalase new` (`phrases`) left in a file: published as
/// it stands, it would read as a mistake. Only `places` are searched (the fields and the start
/// of the body where `new` writes them), so that a rebuild does not read every file through.
pub fn placeholders(source: &Source, places: &[&str], phrases: &[&str], warnings: &mut Diagnostics) {
    for phrase in phrases {
        if !places.iter().any(|place| place.contains(phrase)) {
            continue;
        }
        if let Some((line, column)) = crate::yaml::find_line(&source.text, phrase) {
            warnings.push(
                Diagnostic::warning(&source.file, Check::Placeholder)
                    .at(&source.text, line, column)
                    .with_hint(Check::HintReplacePlaceholder),
            );
        }
    }
}

/// The start of a document's body, where `etalase new` writes its example text.
pub fn body_start(body: &str) -> &str {
    let mut end = body.len().min(400);
    while !body.is_char_boundary(end) {
        end -= 1;
    }
    &body[..end]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phone_numbers_become_whatsapp_digits() {
        assert_eq!(whatsapp_digits("+62 812-3456-7890").as_deref(), Some("6281234567890"));
        assert_eq!(whatsapp_digits("0812 3456 7890").as_deref(), Some("6281234567890"));
        assert_eq!(whatsapp_digits("call me"), None);
        assert_eq!(whatsapp_digits("+62 1"), None);
    }

    #[test]
    fn translations_group_by_key() {
        let items = [
            (0usize, "a", LangId::new(0)),
            (1, "a", LangId::new(1)),
            (2, "b", LangId::new(0)),
        ];
        let groups = translations(2, items.into_iter());
        assert_eq!(groups["a"][LangId::new(1)], Some(1));
        assert_eq!(groups["b"][LangId::new(1)], None);
    }
}
