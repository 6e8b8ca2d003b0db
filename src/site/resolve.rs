//! Turns parsed content into the `Site`: checks every reference (unit, product, term, image),
//! every slug and URL, renders Markdown in parallel, and builds the indexes.

use std::collections::{BTreeSet, HashMap};

use jiff::civil::{Date, Time};
use rayon::prelude::*;
use serde_saphyr::Spanned;

use super::markdown::{self, Markdown};
use super::urls::Urls;
use super::*;
use crate::config::is_slug;
use crate::content::model::{ImageRef, NewsFront, PageFront, ProductSheet, UnitSheet};
use crate::content::{Doc, Sheet, Source};
use crate::error::{Diagnostic, Diagnostics, suggestion};

/// Longest summary that fits a meta description.
const SUMMARY_MAX: usize = 300;

/// Names to ids, for resolving references.
struct Lookup<'a> {
    config: &'a Config,
    units: HashMap<&'a str, usize>,
    products: HashMap<&'a str, usize>,
    terms: HashMap<&'a str, TermId>,
    media: &'a BTreeSet<String>,
    /// The page URL of every published press release and plain page, by file.
    documents: HashMap<&'a std::path::Path, String>,
}

pub(super) fn resolve(
    config: Config,
    mut content: Content,
    options: SiteOptions,
    markdown: &Markdown,
) -> Result<Site, Error> {
    let mut problems = Diagnostics::default();

    let vocabularies = resolve_vocabularies(&config, &content.vocabularies, &mut problems);
    let mut unit_sheets: Vec<&Sheet<UnitSheet>> = content.units.iter().collect();
    let default_code = config.languages[0].code.as_str();
    let unit_name = |s: &Sheet<UnitSheet>| {
        s.data
            .name
            .get_or(default_code, default_code)
            .cloned()
            .unwrap_or_default()
    };
    unit_sheets.sort_by_cached_key(|s| (unit_name(s), s.id.clone()));
    let mut product_sheets: Vec<&Sheet<ProductSheet>> = content
        .products
        .iter()
        .filter(|s| options.drafts || !s.data.draft)
        .collect();
    product_sheets.sort_by_cached_key(|s| {
        let category = config.categories.position(&s.data.category.value).unwrap_or(usize::MAX);
        let name = s
            .data
            .name
            .get_or(default_code, default_code)
            .cloned()
            .unwrap_or_default();
        (category, name, s.id.clone())
    });

    let urls = Urls::new(&config);
    let published = |draft: bool| options.drafts || !draft;
    let documents = content
        .news
        .iter()
        .filter(|d| published(d.front.draft))
        .map(|d| {
            (
                d.source.file.as_path(),
                urls.story(
                    d.lang,
                    &slug_of(d, d.front.slug.as_ref(), true, &mut Diagnostics::default()),
                ),
            )
        })
        .chain(content.pages.iter().filter(|d| published(d.front.draft)).map(|d| {
            (
                d.source.file.as_path(),
                urls.page(
                    d.lang,
                    &slug_of(d, d.front.slug.as_ref(), false, &mut Diagnostics::default()),
                ),
            )
        }))
        .collect();
    let lookup = Lookup {
        documents,
        config: &config,
        units: unit_sheets
            .iter()
            .enumerate()
            .map(|(ix, s)| (s.id.as_str(), ix))
            .collect(),
        products: product_sheets
            .iter()
            .enumerate()
            .map(|(ix, s)| (s.id.as_str(), ix))
            .collect(),
        terms: vocabularies
            .iter()
            .enumerate()
            .flat_map(|(v, vocabulary)| {
                vocabulary
                    .terms
                    .iter()
                    .enumerate()
                    .map(move |(t, term)| (term.id.as_str(), TermId { vocabulary: v, term: t }))
            })
            .collect(),
        media: &content.media,
    };

    let units: Vec<Unit> = unit_sheets
        .iter()
        .filter_map(|sheet| collect(resolve_unit(&lookup, markdown, sheet), &mut problems))
        .collect();
    parent_loops(&unit_sheets, &mut problems);
    let products: Vec<Product> = product_sheets
        .par_iter()
        .map(|sheet| resolve_product(&lookup, markdown, sheet))
        .collect::<Vec<_>>()
        .into_iter()
        .filter_map(|result| collect(result, &mut problems))
        .collect();
    let mut stories: Vec<Story> = content
        .news
        .par_iter()
        .filter(|doc| options.drafts || !doc.front.draft)
        .map(|doc| resolve_story(&lookup, markdown, doc))
        .collect::<Vec<_>>()
        .into_iter()
        .filter_map(|result| collect(result, &mut problems))
        .collect();
    let mut pages: Vec<Page> = content
        .pages
        .iter()
        .filter(|doc| options.drafts || !doc.front.draft)
        .filter_map(|doc| collect(resolve_page(&lookup, markdown, doc), &mut problems))
        .collect();
    drop(lookup);

    // Newest first; ties by time, then slug, so that the order is stable.
    stories.sort_by(|a, b| (b.date, b.time, &a.slug, a.lang).cmp(&(a.date, a.time, &b.slug, b.lang)));
    pair_translations(
        config.languages.len(),
        &mut stories,
        |s| (&s.key, s.lang),
        |s, t| s.translations = t,
    );
    pair_translations(
        config.languages.len(),
        &mut pages,
        |p| (&p.key, p.lang),
        |p, t| p.translations = t,
    );
    check_urls(
        &config,
        &content,
        &stories,
        &pages,
        &products,
        &vocabularies,
        &mut problems,
    );
    problems.into_result(())?;

    let index = build_index(&config, &units, &products, &stories, &pages);
    let mut warnings = std::mem::take(&mut content.warnings);
    warnings.extend(dropped_attributes(&content));
    Ok(Site {
        warnings: warnings.sorted(),
        media: content.media.iter().cloned().collect(),
        photos: Default::default(),
        config,
        units,
        products,
        stories,
        pages,
        vocabularies,
        index,
    })
}

/// Heading attributes other than an id and classes, which rendering drops (they could run
/// script or restyle the page): the writer is told where.
fn dropped_attributes(content: &Content) -> Diagnostics {
    let warning = |source: &Source, at: Option<usize>, written: &str| {
        let diagnostic = Diagnostic::warning(&source.file, format!("the heading attributes `{written}` are left out"))
            .with_hint("a heading may carry only an anchor and classes, e.g. `## Cara memesan {#pesan}`");
        match at {
            Some(offset) => {
                let (line, column) = line_column(&source.text, offset);
                diagnostic.at(&source.text, line, column)
            }
            None => match crate::content::yaml::find_line(&source.text, "description:") {
                Some((line, column)) => diagnostic.at(&source.text, line, column),
                None => diagnostic,
            },
        }
    };
    let mut warnings = Diagnostics::default();
    let documents = content
        .news
        .iter()
        .map(|d| (&d.source, d.body(), d.body_offset()))
        .chain(content.pages.iter().map(|d| (&d.source, d.body(), d.body_offset())));
    for (source, body, offset) in documents {
        for (written, at) in markdown::dropped_heading_attributes(body) {
            warnings.push(warning(source, Some(offset + at), &written));
        }
    }
    let descriptions = content
        .products
        .iter()
        .map(|s| (&s.source, Some(&s.data.description)))
        .chain(content.units.iter().map(|s| (&s.source, s.data.description.as_ref())));
    for (source, description) in descriptions {
        let texts = match description {
            Some(Localized::Same(text)) => vec![text],
            Some(Localized::PerLanguage(map)) => map.values().collect(),
            None => Vec::new(),
        };
        for text in texts {
            for (written, _) in markdown::dropped_heading_attributes(text) {
                warnings.push(warning(source, None, &written));
            }
        }
    }
    warnings
}

/// 1-based line and column of a byte offset in `text`.
fn line_column(text: &str, offset: usize) -> (u64, u64) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() as u64 + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u64 + 1;
    (line, column)
}

fn collect<T>(result: Result<T, Diagnostics>, problems: &mut Diagnostics) -> Option<T> {
    result.map_err(|d| problems.extend(d)).ok()
}

/// A diagnostic at a value's position in its file.
fn at<T>(source: &Source, span: &Spanned<T>, message: impl Into<String>) -> Diagnostic {
    Diagnostic::new(&source.file, message).at(&source.text, span.referenced.line(), span.referenced.column())
}

/// A diagnostic at the first line where `needle` occurs, or at the file.
fn near(source: &Source, needle: &str, message: impl Into<String>) -> Diagnostic {
    let diagnostic = Diagnostic::new(&source.file, message);
    match crate::content::yaml::find_line(&source.text, needle) {
        Some((line, column)) => diagnostic.at(&source.text, line, column),
        None => diagnostic,
    }
}

/// Every language a localized value names must be configured.
fn check_languages<T>(config: &Config, source: &Source, value: &Localized<T>, problems: &mut Diagnostics) {
    if source.file.starts_with(crate::content::BUILTIN) {
        return; // the built-in vocabulary speaks more languages than a site may configure
    }
    for code in value.languages() {
        if config.language(code).is_none() {
            problems.push(
                near(
                    source,
                    &format!("{code}:"),
                    format!("the language `{code}` is not configured"),
                )
                .with_hint(format!(
                    "{} — add the language to etalase.yaml or remove this translation",
                    suggestion(code, config.language_codes())
                )),
            );
        }
    }
}

fn resolve_vocabularies(
    config: &Config,
    sheets: &[Sheet<crate::content::model::VocabularySheet>],
    problems: &mut Diagnostics,
) -> Vec<Vocabulary> {
    let mut seen: HashMap<String, &std::path::Path> = HashMap::new();
    let mut vocabularies = Vec::new();
    for sheet in sheets {
        if !is_slug(&sheet.id) {
            problems.push(bad_file_name(&sheet.source));
            continue;
        }
        check_languages(config, &sheet.source, &sheet.data.name, problems);
        let mut terms = Vec::new();
        for term in &sheet.data.terms {
            let id = &term.id.value;
            if !is_slug(id) {
                problems.push(
                    at(
                        &sheet.source,
                        &term.id,
                        format!("the term id `{id}` cannot be used in a URL"),
                    )
                    .with_hint("use lowercase letters, digits and hyphens, e.g. `ac-3`"),
                );
                continue;
            }
            if let Some(other) = seen.insert(id.clone(), &sheet.source.file) {
                problems.push(
                    at(&sheet.source, &term.id, format!("the term id `{id}` is declared twice")).with_hint(format!(
                        "it is also declared in {}; term ids must be unique",
                        other.display()
                    )),
                );
                continue;
            }
            check_languages(config, &sheet.source, &term.label, problems);
            terms.push(Term {
                id: id.clone(),
                number: term.number,
                label: term.label.clone(),
                description: term.description.clone(),
            });
        }
        vocabularies.push(Vocabulary {
            id: sheet.id.clone(),
            name: sheet.data.name.clone(),
            description: sheet.data.description.clone(),
            terms,
        });
    }
    vocabularies.sort_by(|a, b| (a.id != "asta-cita", &a.id).cmp(&(b.id != "asta-cita", &b.id)));
    vocabularies
}

fn bad_file_name(source: &Source) -> Diagnostic {
    Diagnostic::new(&source.file, "the file name cannot be used in a URL")
        .with_hint("rename the file with lowercase letters, digits and hyphens only, e.g. gula-semut-jahe-merah.yaml")
}

fn resolve_unit(lookup: &Lookup, markdown: &Markdown, sheet: &Sheet<UnitSheet>) -> Result<Unit, Diagnostics> {
    let mut problems = Diagnostics::default();
    let data = &sheet.data;
    if !is_slug(&sheet.id) {
        problems.push(bad_file_name(&sheet.source));
    }
    check_languages(lookup.config, &sheet.source, &data.name, &mut problems);
    let parent = data.parent.as_ref().and_then(|parent| {
        if parent.value == sheet.id {
            problems.push(
                at(&sheet.source, parent, "a unit cannot be its own parent office")
                    .with_hint("name the regional office the unit reports to, or remove `parent`"),
            );
            return None;
        }
        let found = lookup.units.get(parent.value.as_str()).copied();
        if found.is_none() {
            problems.push(
                at(&sheet.source, parent, format!("unknown parent unit `{}`", parent.value))
                    .with_hint(suggestion(&parent.value, lookup.units.keys().copied())),
            );
        }
        found
    });
    let html = per_language(lookup.config, data.description.as_ref(), |text| markdown.to_html(text));
    if let Some(description) = &data.description {
        check_languages(lookup.config, &sheet.source, description, &mut problems);
    }
    let contact = contact(&sheet.source, &data.contact, &mut problems);
    problems.into_result(Unit {
        id: sheet.id.clone(),
        name: data.name.clone(),
        kind: data.kind,
        class: data.class.clone(),
        city: data.city.clone(),
        region: data.region.clone(),
        address: data.address.clone(),
        contact,
        parent,
        html,
    })
}

/// Units whose chain of parent offices leads back to themselves: each is reported at its
/// `parent` line, with the loop.
fn parent_loops(sheets: &[&Sheet<UnitSheet>], problems: &mut Diagnostics) {
    let parents: HashMap<&str, &str> = sheets
        .iter()
        .filter_map(|s| Some((s.id.as_str(), s.data.parent.as_ref()?.value.as_str())))
        .filter(|(id, parent)| id != parent)
        .collect();
    for sheet in sheets {
        let Some(parent) = &sheet.data.parent else { continue };
        let mut chain = vec![sheet.id.as_str()];
        let mut next = parents.get(sheet.id.as_str()).copied();
        while let Some(unit) = next {
            if unit == sheet.id {
                chain.push(unit);
                problems.push(
                    at(
                        &sheet.source,
                        parent,
                        format!("the parent offices loop: {}", chain.join(" → ")),
                    )
                    .with_hint("a unit's parent is the office above it; remove `parent` from one of these units"),
                );
                break;
            }
            if chain.contains(&unit) || chain.len() > sheets.len() {
                break; // a loop further up, reported at its own units
            }
            chain.push(unit);
            next = parents.get(unit).copied();
        }
    }
}

/// A unit's contacts, each checked so that it is safe in a link: a web address by the one URL
/// rule, an e-mail address and phone numbers by their shape.
fn contact(source: &Source, contact: &crate::content::model::Contact, problems: &mut Diagnostics) -> Contact {
    let website = contact
        .website
        .as_ref()
        .and_then(|url| web_address(source, url, problems));
    let email = contact.email.as_ref().and_then(|email| {
        let ok = crate::web_url::is_email(&email.value);
        if !ok {
            problems.push(
                at(source, email, format!("`{}` is not an e-mail address", email.value))
                    .with_hint("write the address as name@domain, e.g. humas@lapas-lahat.go.id"),
            );
        }
        ok.then(|| email.value.trim().to_string())
    });
    let phone = contact
        .phone
        .as_ref()
        .and_then(|number| phone_digits(source, number, problems).map(|_| number.value.trim().to_string()));
    let whatsapp = contact
        .whatsapp
        .as_ref()
        .and_then(|number| phone_digits(source, number, problems));
    Contact {
        phone,
        email,
        website,
        whatsapp,
    }
}

/// The digits of a phone number, or a problem at its position.
fn phone_digits(source: &Source, number: &Spanned<String>, problems: &mut Diagnostics) -> Option<String> {
    let digits = whatsapp_digits(&number.value);
    if digits.is_none() {
        problems.push(
            at(source, number, format!("`{}` is not a phone number", number.value))
                .with_hint("write the number with its country code, e.g. \"+62 812-3456-7890\""),
        );
    }
    digits
}

/// A writer's web address under the one URL rule (`crate::web_url`), or a problem at its position.
fn web_address(source: &Source, url: &Spanned<String>, problems: &mut Diagnostics) -> Option<String> {
    match crate::web_url::check(&url.value) {
        Ok(url) => Some(url),
        Err(_) => {
            problems.push(
                at(source, url, format!("`{}` is not a web address", url.value))
                    .with_hint("write the full address, starting with https://"),
            );
            None
        }
    }
}

/// Applies `f` to the value of each configured language, where the value gives one.
fn per_language<T>(config: &Config, value: Option<&Localized<String>>, f: impl Fn(&str) -> T) -> Vec<Option<T>> {
    config
        .languages
        .iter()
        .map(|l| value.and_then(|v| v.get(&l.code)).map(|text| f(text)))
        .collect()
}

fn resolve_product(lookup: &Lookup, markdown: &Markdown, sheet: &Sheet<ProductSheet>) -> Result<Product, Diagnostics> {
    let mut problems = Diagnostics::default();
    let (data, source) = (&sheet.data, &sheet.source);
    if !is_slug(&sheet.id) {
        problems.push(bad_file_name(source));
    }
    check_languages(lookup.config, source, &data.name, &mut problems);
    check_languages(lookup.config, source, &data.description, &mut problems);
    let unit = unit_ref(lookup, source, &data.unit, &mut problems);
    let category = lookup.config.categories.position(&data.category.value);
    if category.is_none() {
        problems.push(
            at(
                source,
                &data.category,
                format!("unknown category `{}`", data.category.value),
            )
            .with_hint(format!(
                "{} — categories are declared in etalase.yaml",
                suggestion(&data.category.value, lookup.config.categories.keys())
            )),
        );
    }
    let terms = term_refs(lookup, source, &data.programs, &mut problems);
    let images = data
        .images
        .iter()
        .filter_map(|image| {
            check_languages(lookup.config, source, &image.alt, &mut problems);
            let alt_missing = lookup
                .config
                .languages
                .iter()
                .any(|l| image.alt.get(&l.code).is_some_and(|alt| alt.trim().is_empty()));
            let src = media_ref(lookup, source, image, alt_missing, &mut problems)?;
            Some(ProductImage {
                src,
                alt: image.alt.clone(),
                at: (image.src.referenced.line(), image.src.referenced.column()),
            })
        })
        .collect();
    let (whatsapp, marketplace) = order_channels(source, data, &mut problems);
    let text = lookup
        .config
        .languages
        .iter()
        .map(|l| {
            let name = data.name.get(&l.code)?;
            let description = data.description.get(&l.code)?;
            Some(ProductText {
                name: name.clone(),
                html: markdown.to_html(description),
                summary: markdown::truncate(&markdown::plain_text(description), 155),
            })
        })
        .collect();
    problems.into_result(Product {
        slug: sheet.id.clone(),
        unit: unit.unwrap_or_default(),
        category: category.unwrap_or_default(),
        featured: data.featured,
        price: data.price.as_ref().map(|p| Price {
            amount: p.amount,
            per: p.per.clone(),
        }),
        images,
        terms,
        whatsapp,
        marketplace,
        certifications: data.certifications.clone(),
        text,
        file: source.file.clone(),
    })
}

type Channels = (Option<String>, Vec<(String, String)>);

fn order_channels(source: &Source, data: &ProductSheet, problems: &mut Diagnostics) -> Channels {
    let Some(order) = &data.order else {
        return (None, Vec::new());
    };
    let whatsapp = order
        .whatsapp
        .as_ref()
        .and_then(|number| phone_digits(source, number, problems));
    let marketplace = order
        .marketplace
        .iter()
        .filter_map(|shop| Some((shop.name.clone(), web_address(source, &shop.url, problems)?)))
        .collect();
    (whatsapp, marketplace)
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

fn unit_ref(lookup: &Lookup, source: &Source, unit: &Spanned<String>, problems: &mut Diagnostics) -> Option<usize> {
    let found = lookup.units.get(unit.value.as_str()).copied();
    if found.is_none() {
        problems.push(
            at(source, unit, format!("unknown unit `{}`", unit.value)).with_hint(format!(
                "{} — units are the file names in content/units/",
                suggestion(&unit.value, lookup.units.keys().copied())
            )),
        );
    }
    found
}

fn term_refs(lookup: &Lookup, source: &Source, ids: &[Spanned<String>], problems: &mut Diagnostics) -> Vec<TermId> {
    let mut terms = Vec::new();
    for id in ids {
        match lookup.terms.get(id.value.as_str()) {
            Some(term) if !terms.contains(term) => terms.push(*term),
            Some(_) => {}
            None => problems.push(
                at(source, id, format!("unknown programme tag `{}`", id.value)).with_hint(format!(
                    "{} — tags are the term ids in content/vocabularies/",
                    suggestion(&id.value, lookup.terms.keys().copied())
                )),
            ),
        }
    }
    terms.sort();
    terms
}

/// Checks that an image exists in `content/media/` and stays inside it.
fn media_ref<A>(
    lookup: &Lookup,
    source: &Source,
    image: &ImageRef<A>,
    alt_missing: bool,
    problems: &mut Diagnostics,
) -> Option<String> {
    let src = image.src.value.trim().trim_start_matches("media/");
    if alt_missing {
        problems.push(
            at(source, &image.src, format!("the image `{src}` has no alt text"))
                .with_hint("describe what the picture shows in `alt`, for readers who cannot see it"),
        );
    }
    let escapes = src.starts_with('/') || src.contains('\\') || src.split('/').any(|part| part == ".." || part == ".");
    if escapes {
        problems.push(
            at(
                source,
                &image.src,
                format!("the image path `{src}` leaves the media folder"),
            )
            .with_hint("write the file name as it is in content/media/, e.g. `tempe.jpg`"),
        );
        return None;
    }
    if !lookup.media.contains(src) {
        problems.push(
            at(
                source,
                &image.src,
                format!("the image `{src}` is not in content/media/"),
            )
            .with_hint(format!(
                "{} — put the photo in content/media/ or correct the name",
                suggestion(src, lookup.media.iter().map(String::as_str))
            )),
        );
        return None;
    }
    Some(src.to_string())
}

fn resolve_story(lookup: &Lookup, markdown: &Markdown, doc: &Doc<NewsFront>) -> Result<Story, Diagnostics> {
    let mut problems = Diagnostics::default();
    let (front, source) = (&doc.front, &doc.source);
    let slug = slug_of(doc, front.slug.as_ref(), true, &mut problems);
    let date = parse_date(source, &front.date, &mut problems);
    let time = front.time.as_ref().and_then(|time| {
        let parsed = time.value.trim().parse::<Time>().ok();
        if parsed.is_none() {
            problems.push(
                at(source, time, format!("`{}` is not a time of day", time.value))
                    .with_hint("write the time as \"HH:MM\" in quotes, e.g. \"09:30\""),
            );
        }
        parsed
    });
    let unit = unit_ref(lookup, source, &front.unit, &mut problems);
    let terms = term_refs(lookup, source, &front.programs, &mut problems);
    let mut products = Vec::new();
    for product in &front.products {
        match lookup.products.get(product.value.as_str()) {
            Some(ix) if !products.contains(ix) => products.push(*ix),
            Some(_) => {}
            None => problems.push(
                at(source, product, format!("unknown product `{}`", product.value)).with_hint(format!(
                    "{} — products are the file names in content/products/",
                    suggestion(&product.value, lookup.products.keys().copied())
                )),
            ),
        }
    }
    let image = front.image.as_ref().and_then(|image| {
        let src = media_ref(lookup, source, image, image.alt.trim().is_empty(), &mut problems)?;
        Some(Image {
            src,
            alt: image.alt.trim().to_string(),
            at: (image.src.referenced.line(), image.src.referenced.column()),
        })
    });
    if front.title.trim().is_empty() {
        problems.push(near(source, "title:", "the title is empty").with_hint("write the headline after `title:`"));
    }
    if front.summary.chars().count() > SUMMARY_MAX {
        problems.push(
            near(
                source,
                "summary:",
                format!("the summary is longer than {SUMMARY_MAX} characters"),
            )
            .with_hint("keep the summary to one or two sentences; the story itself goes below the front matter"),
        );
    }
    let html = markdown.to_html_linked(doc.body(), &document_links(lookup, doc, &mut problems));
    problems.into_result(Story {
        lang: doc.lang,
        key: doc.stem.clone(),
        slug,
        title: front.title.trim().to_string(),
        summary: front.summary.trim().to_string(),
        date: date.unwrap_or_default(),
        time,
        unit: unit.unwrap_or_default(),
        products,
        terms,
        image,
        award: front.award.clone(),
        source: front.source.clone(),
        html,
        file: source.file.clone(),
        translations: Vec::new(),
    })
}

/// The links of a document's body to other content files, as page URLs; a link to a file
/// that is not (or not yet) a published page is reported.
fn document_links<F>(lookup: &Lookup, doc: &Doc<F>, problems: &mut Diagnostics) -> HashMap<String, String> {
    let mut links = HashMap::new();
    let dir = doc.source.file.parent().unwrap_or(std::path::Path::new(""));
    for (dest, offset) in markdown::content_links(doc.body()) {
        let (path, fragment) = dest
            .split_once('#')
            .map_or((dest.as_str(), None), |(p, f)| (p, Some(f)));
        let mut target = PathBuf::new();
        for part in dir.join(path).components() {
            match part {
                std::path::Component::ParentDir => {
                    target.pop();
                }
                std::path::Component::CurDir => {}
                other => target.push(other),
            }
        }
        match lookup.documents.get(target.as_path()) {
            Some(url) => {
                let url = fragment.map_or_else(|| url.clone(), |f| format!("{url}#{f}"));
                links.insert(dest, url);
            }
            None => {
                let (line, column) = line_column(&doc.source.text, doc.body_offset() + offset);
                problems.push(
                    Diagnostic::new(&doc.source.file, format!("the link `{dest}` points at a file that is not a published page"))
                        .at(&doc.source.text, line, column)
                        .with_hint("link to a story or page by its file name, e.g. 2025-11-19-umkm-terbaik.id.md, or check that it is not a draft"),
                );
            }
        }
    }
    links
}

fn parse_date(source: &Source, date: &Spanned<String>, problems: &mut Diagnostics) -> Option<Date> {
    let text = date.value.trim();
    let well_formed = text.len() == 10 && text.as_bytes()[4] == b'-' && text.as_bytes()[7] == b'-';
    match text.parse::<Date>() {
        Ok(parsed) if well_formed => Some(parsed),
        _ => {
            problems.push(
                at(source, date, format!("`{}` is not a date", date.value))
                    .with_hint("write the date as YYYY-MM-DD, e.g. 2025-11-19 for 19 November 2025"),
            );
            None
        }
    }
}

/// The URL slug of a document: its `slug` field, or its file stem (news: without a leading date).
fn slug_of<F>(doc: &Doc<F>, custom: Option<&Spanned<String>>, strip_date: bool, problems: &mut Diagnostics) -> String {
    if let Some(custom) = custom {
        if !is_slug(&custom.value) {
            problems.push(
                at(
                    &doc.source,
                    custom,
                    format!("the slug `{}` cannot be used in a URL", custom.value),
                )
                .with_hint("use lowercase letters, digits and hyphens, e.g. `umkm-terbaik`"),
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

fn resolve_page(lookup: &Lookup, markdown: &Markdown, doc: &Doc<PageFront>) -> Result<Page, Diagnostics> {
    let mut problems = Diagnostics::default();
    let slug = slug_of(doc, doc.front.slug.as_ref(), false, &mut problems);
    let html = markdown.to_html_linked(doc.body(), &document_links(lookup, doc, &mut problems));
    problems.into_result(Page {
        lang: doc.lang,
        key: doc.stem.clone(),
        slug,
        title: doc.front.title.trim().to_string(),
        summary: doc.front.summary.clone(),
        menu: doc.front.menu,
        html,
        file: doc.source.file.clone(),
        translations: Vec::new(),
    })
}

/// Links the versions of each item that share a key, across languages.
fn pair_translations<T>(
    languages: usize,
    items: &mut [T],
    key: impl Fn(&T) -> (&String, usize),
    set: impl Fn(&mut T, Vec<Option<usize>>),
) {
    let mut groups: HashMap<String, Vec<Option<usize>>> = HashMap::new();
    for (ix, item) in items.iter().enumerate() {
        let (k, lang) = key(item);
        groups.entry(k.clone()).or_insert_with(|| vec![None; languages])[lang] = Some(ix);
    }
    for item in items.iter_mut() {
        let (k, _) = key(item);
        let group = groups.get(k).cloned().unwrap_or_default();
        set(item, group);
    }
}

/// No two items may write the same URL; content slugs may not take a section's URL.
fn check_urls(
    config: &Config,
    content: &Content,
    stories: &[Story],
    pages: &[Page],
    products: &[Product],
    vocabularies: &[Vocabulary],
    problems: &mut Diagnostics,
) {
    let urls = Urls::new(config);
    let mut taken: HashMap<String, String> = HashMap::new();
    let config_file = crate::config::CONFIG_FILE.to_string();
    for lang in 0..config.languages.len() {
        for url in [
            urls.news_list(lang, 1),
            urls.catalogue(lang),
            urls.units(lang),
            urls.awards(lang),
        ] {
            if let Some(other) = taken.insert(url.clone(), config_file.clone()) {
                problems.push(
                    Diagnostic::new(&config_file, format!("two sections share the URL {url}"))
                        .with_hint(format!("give each section its own word (also used by {other})")),
                );
            }
        }
        if lang > 0 {
            taken.insert(urls.home(lang), config_file.clone());
        }
        for vocabulary in vocabularies {
            let url = urls.vocabulary(lang, &vocabulary.id);
            if let Some(other) = taken.insert(url.clone(), format!("content/vocabularies/{}.yaml", vocabulary.id)) {
                problems.push(
                    Diagnostic::new(
                        format!("content/vocabularies/{}.yaml", vocabulary.id),
                        format!("the vocabulary URL {url} is already used"),
                    )
                    .with_hint(format!("it is taken by {other}; rename the vocabulary file")),
                );
            }
        }
    }
    let mut claim = |url: String, file: &std::path::Path, source_text: Option<&str>| {
        let owner = file.display().to_string();
        if let Some(other) = taken.insert(url.clone(), owner.clone())
            && other != owner
        {
            let mut diagnostic = Diagnostic::new(file, format!("another file already writes the page {url}"))
                .with_hint(format!(
                    "{other} has the same URL; give one of them another file name or `slug`"
                ));
            if let Some(text) = source_text
                && let Some((line, column)) = crate::content::yaml::find_line(text, "slug:")
            {
                diagnostic = diagnostic.at(text, line, column);
            }
            problems.push(diagnostic);
        }
    };
    // File → text, to point a collision at the `slug:` line.
    let texts: HashMap<&std::path::Path, &str> = content
        .news
        .iter()
        .map(|d| &d.source)
        .chain(content.pages.iter().map(|d| &d.source))
        .map(|s| (s.file.as_path(), s.text.as_str()))
        .collect();
    let text_of = |file: &std::path::Path| texts.get(file).copied();
    for story in stories {
        claim(urls.story(story.lang, &story.slug), &story.file, text_of(&story.file));
    }
    for page in pages {
        claim(urls.page(page.lang, &page.slug), &page.file, text_of(&page.file));
    }
    for product in products {
        for lang in 0..config.languages.len() {
            claim(urls.product(lang, &product.slug), &product.file, None);
        }
    }
}

fn build_index(config: &Config, units: &[Unit], products: &[Product], stories: &[Story], pages: &[Page]) -> Index {
    let languages = config.languages.len();
    let mut index = Index {
        stories: vec![Vec::new(); languages],
        awards: vec![Vec::new(); languages],
        stories_by_unit: vec![vec![Vec::new(); units.len()]; languages],
        stories_by_term: vec![HashMap::new(); languages],
        stories_by_product: vec![HashMap::new(); languages],
        products: vec![Vec::new(); languages],
        products_by_unit: vec![Vec::new(); units.len()],
        products_by_term: HashMap::new(),
        menu: vec![Vec::new(); languages],
    };
    for (ix, story) in stories.iter().enumerate() {
        let lang = story.lang;
        index.stories[lang].push(ix);
        if story.award.is_some() {
            index.awards[lang].push(ix);
        }
        index.stories_by_unit[lang][story.unit].push(ix);
        for term in &story.terms {
            index.stories_by_term[lang].entry(*term).or_default().push(ix);
        }
        for product in &story.products {
            index.stories_by_product[lang].entry(*product).or_default().push(ix);
        }
    }
    for (ix, product) in products.iter().enumerate() {
        for lang in 0..languages {
            if product.text[lang].is_some() {
                index.products[lang].push(ix);
            }
        }
        index.products_by_unit[product.unit].push(ix);
        for term in &product.terms {
            index.products_by_term.entry(*term).or_default().push(ix);
        }
    }
    for (ix, page) in pages.iter().enumerate() {
        if page.menu.is_some() {
            index.menu[page.lang].push(ix);
        }
    }
    for menu in &mut index.menu {
        menu.sort_by_key(|&ix| (pages[ix].menu, pages[ix].slug.clone()));
    }
    index
}
