//! The site stage: the in-memory site, with every item's references resolved, its Markdown
//! rendered and its permalinks computed, and the lists pages are made of. This module is the
//! toolkit every content kind resolves with — names to refer by, URLs, lists, field checks,
//! Markdown — and the [`Site`] that holds the result; the kinds themselves (`crate::kinds`)
//! supply the items. It touches no files.

pub mod fields;
pub mod fingerprint;
pub mod inherit;
pub mod lists;
pub mod markdown;
pub mod names;
pub mod similar;
pub mod urls;

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::error::{Diagnostic, Diagnostics};
use crate::ids::LangId;
use crate::localized::Localized;
use crate::messages::Reference;
use lists::Lists;
use markdown::Markdown;
use names::Names;
use urls::Urls;

/// Options that change which content is published.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SiteOptions {
    pub drafts: bool,
}

/// What every kind resolves against.
pub struct Resolve<'a> {
    pub config: &'a Config,
    pub urls: &'a Urls,
    /// Names declared by every kind (filled in before items resolve).
    pub names: Names,
    pub markdown: &'a Markdown,
    /// Files in content/media/, as `/`-separated paths relative to it.
    pub media: &'a BTreeSet<String>,
    pub options: SiteOptions,
}

impl Resolve<'_> {
    /// Whether an item marked `draft` is published.
    pub fn published(&self, draft: bool) -> bool {
        self.options.drafts || !draft
    }

    pub fn languages(&self) -> usize {
        self.config.languages.len()
    }

    /// Checks the body of a document — links to content files that are no page, heading
    /// attributes that rendering drops — and returns the URL of each linked page, by link.
    pub fn body_links<F>(&self, doc: &crate::content::Doc<F>, report: &mut Report) -> HashMap<String, String> {
        let analysis = self.markdown.analysis(doc.body());
        let (source, offset) = (&doc.source, doc.body_offset());
        fields::dropped_attributes(source, &analysis.dropped_attributes, Some(offset), &mut report.warnings);
        self.names
            .document_links(source, &analysis.content_links, offset, &mut report.errors)
    }

    /// Warns about the heading attributes that rendering drops from a description.
    pub fn check_description(&self, source: &crate::content::Source, text: &str, report: &mut Report) {
        let analysis = self.markdown.analysis(text);
        fields::dropped_attributes(source, &analysis.dropped_attributes, None, &mut report.warnings);
    }
}

/// Problems found while resolving: errors stop the build, warnings do not.
#[derive(Debug, Default)]
pub struct Report {
    pub errors: Diagnostics,
    pub warnings: Diagnostics,
}

/// The whole site, resolved: `I` holds the items of every kind (see `crate::kinds::Items`).
pub struct Site<I> {
    pub config: Config,
    pub urls: Urls,
    pub items: I,
    pub lists: Lists,
    /// Files of content/media/; all but raster images are published as they are.
    pub media: BTreeSet<String>,
    /// Problems that do not stop a build, such as heading attributes that were dropped.
    pub warnings: Diagnostics,
}

impl<I> Site<I> {
    pub fn languages(&self) -> usize {
        self.config.languages.len()
    }

    /// Every configured language.
    pub fn langs(&self) -> impl Iterator<Item = LangId> + Clone + use<I> {
        LangId::all(self.languages())
    }

    /// The text of a localized value in `lang`, falling back to the first language.
    pub fn text<'a>(&self, value: &'a Localized<String>, lang: LangId) -> &'a str {
        text(&self.config, value, lang)
    }

    /// A city or region name in `lang` (see [`place`]).
    pub fn place<'a>(&'a self, name: &'a str, lang: LangId) -> &'a str {
        place(&self.config, name, lang)
    }
}

/// A city or region name in `lang`: as `places` in etalase.yaml gives it, else as written.
pub fn place<'a>(config: &'a Config, name: &'a str, lang: LangId) -> &'a str {
    config
        .places
        .get(name)
        .and_then(|names| names.get(&config.lang(lang).code))
        .map_or(name, String::as_str)
}

/// The text of a localized value in `lang`, falling back to the first language.
pub fn text<'a>(config: &Config, value: &'a Localized<String>, lang: LangId) -> &'a str {
    let code = &config.lang(lang).code;
    let fallback = &config.languages[0].code;
    value.get_or(code, fallback).map(String::as_str).unwrap_or_default()
}

/// What decides a page's URL, for the message when two pages claim one.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Owner {
    /// A content file, relative to the site folder.
    File(PathBuf),
    /// A section word of etalase.yaml, or a page every site has.
    Config,
}

/// No two pages may be written to one file: each collision is reported at the file that
/// claims the path (at its `slug:` line, found with `text_of`), naming the other owner.
pub fn collisions<'t>(
    claims: impl Iterator<Item = (String, String, Owner)>,
    text_of: impl Fn(&std::path::Path) -> Option<&'t str>,
) -> Diagnostics {
    let mut problems = Diagnostics::default();
    let mut taken: HashMap<String, Owner> = HashMap::new();
    for (path, url, owner) in claims {
        let Some(other) = taken.get(&path) else {
            taken.insert(path, owner);
            continue;
        };
        if *other == owner {
            continue;
        }
        let name = |owner: &Owner| match owner {
            Owner::File(file) => file.display().to_string(),
            Owner::Config => "etalase.yaml (a section)".to_string(),
        };
        let slug_line =
            |file: &Path| text_of(file).and_then(|text| Some((text, crate::yaml::find_line(text, "slug:")?)));
        let (culprit, holder) = match (&owner, other) {
            // The file that chose its URL with `slug:` is the one to change.
            (Owner::File(file), Owner::File(first)) if slug_line(file).is_none() && slug_line(first).is_some() => {
                (first.clone(), name(&owner))
            }
            (Owner::File(file), other) => (file.clone(), name(other)),
            (Owner::Config, Owner::File(file)) => (file.clone(), name(&Owner::Config)),
            (Owner::Config, Owner::Config) => {
                problems.push(
                    Diagnostic::new(crate::config::CONFIG_FILE, Reference::SectionsShareUrl { url })
                        .with_hint(Reference::HintOwnSectionWord),
                );
                continue;
            }
        };
        let hint = if matches!((&owner, other), (Owner::File(_), Owner::File(_))) {
            Reference::HintSameUrl { other: holder }
        } else {
            Reference::HintSectionAddress { section: holder }
        };
        let mut diagnostic = Diagnostic::new(&culprit, Reference::SameUrl { url }).with_hint(hint);
        // At its `slug:` line, or else at its first line: the file's name makes the address.
        if let Some((text, (line, column))) = slug_line(&culprit) {
            diagnostic = diagnostic.at(text, line, column);
        } else if let Some(text) = text_of(&culprit) {
            diagnostic = diagnostic.at(text, 1, 1);
        }
        problems.push(diagnostic);
    }
    problems
}
