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
pub mod memo;
pub mod names;
pub mod similar;
pub mod urls;

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use crate::config::Config;
use crate::content::{Doc, Source};
use crate::error::{Diagnostic, Diagnostics};
use crate::ids::LangId;
use crate::localized::Localized;
use crate::messages::Reference;
use lists::Lists;
use markdown::Markdown;
use memo::{Caches, Memo};
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
    pub names: Arc<Names>,
    pub markdown: &'a Markdown,
    /// Items resolved in earlier builds of the session.
    pub memo: &'a Memo,
    /// A hash of everything above that items resolve against, except the documents' URLs
    /// (which a remembered item's links are checked against one by one) and the labels of
    /// names (which only messages show): set once the names are declared.
    pub env: u64,
    /// A hash of the labels of names, which a remembered item that reported a problem must
    /// have been resolved with (a problem may list valid names with their labels).
    pub labels: u64,
    /// Files in content/media/, as `/`-separated paths relative to it.
    pub media: &'a BTreeSet<String>,
    pub options: SiteOptions,
}

/// A document's item as resolved in an earlier build, with what resolving it reported, how
/// its links to other documents resolved (destination, URL or none), and the labels its
/// problems were reported with (none when it reported none).
struct Remembered<T> {
    item: T,
    report: Report,
    links: Vec<(String, Option<String>)>,
    labels: Option<u64>,
}

impl<'a> Resolve<'a> {
    /// What items of `config` resolve against before any name is declared.
    pub fn new(
        config: &'a Config,
        urls: &'a Urls,
        caches: &'a Caches,
        media: &'a BTreeSet<String>,
        options: SiteOptions,
    ) -> Resolve<'a> {
        Resolve {
            config,
            urls,
            names: Arc::default(),
            markdown: &caches.markdown,
            memo: &caches.items,
            env: 0,
            labels: 0,
            media,
            options,
        }
    }

    /// Sets what items resolve against (`env`, `labels`), once the names are declared.
    pub fn set_environment(&mut self) {
        // The configuration has no hash of its own; its debug form holds every setting.
        let config = format!("{:?}", self.config);
        self.env = crate::hashing::of(&(config, self.names.fingerprint_of_ids(), self.media, self.options.drafts));
        self.labels = self.names.fingerprint_of_labels();
    }

    /// What the items resolved against, to resolve some of them again later.
    pub fn environment(&self) -> Environment {
        Environment {
            names: self.names.clone(),
            env: self.env,
            labels: self.labels,
        }
    }

    /// Resolves against `environment` (another build's, whose names still hold).
    pub fn set_from(&mut self, environment: &Environment) {
        self.names = environment.names.clone();
        self.env = environment.env;
        self.labels = environment.labels;
    }

    /// Whether an item marked `draft` is published.
    pub fn published(&self, draft: bool) -> bool {
        self.options.drafts || !draft
    }

    pub fn languages(&self) -> usize {
        self.config.languages.len()
    }

    /// Checks the body of a document — links to content files that are no page, heading
    /// attributes that rendering drops — and returns the URL of each linked page, by link.
    pub fn body_links<F>(&self, doc: &Doc<F>, report: &mut Report) -> HashMap<String, String> {
        let analysis = self.markdown.analysis(doc.body());
        let (source, offset) = (&doc.source, doc.body_offset());
        fields::dropped_attributes(source, &analysis.dropped_attributes, Some(offset), &mut report.warnings);
        self.names
            .document_links(source, &analysis.content_links, offset, &mut report.errors)
    }

    /// The item `make` resolves `doc` to, remembered between the builds of a session.
    /// `inputs` hashes whatever else `make` reads of the content (a translation's source);
    /// the rest it may read is in `self.env`, and its body's links to other documents are
    /// checked against the current names before a remembered item is used.
    pub fn document<F, T>(
        &self,
        doc: &Doc<F>,
        inputs: u64,
        report: &mut Report,
        make: impl FnOnce(&mut Report) -> T,
    ) -> T
    where
        T: Clone + Send + Sync + 'static,
    {
        self.remembered(&doc.source, Some(doc.body()), inputs, report, make)
    }

    /// The item `make` resolves the sheet (or other file without links) `source` to,
    /// remembered between the builds of a session; see [`Resolve::document`].
    pub fn sheet<T>(&self, source: &Source, report: &mut Report, make: impl FnOnce(&mut Report) -> T) -> T
    where
        T: Clone + Send + Sync + 'static,
    {
        self.remembered(source, None, 0, report, make)
    }

    fn remembered<T>(
        &self,
        source: &Source,
        body: Option<&str>,
        inputs: u64,
        report: &mut Report,
        make: impl FnOnce(&mut Report) -> T,
    ) -> T
    where
        T: Clone + Send + Sync + 'static,
    {
        let key = crate::hashing::of(&(source.hash, inputs, self.env));
        if let Some(found) = self.memo.get::<Arc<Remembered<T>>>(key)
            && found.labels.is_none_or(|labels| labels == self.labels)
            && found
                .links
                .iter()
                .all(|(dest, url)| self.names.document_url(source, dest) == *url)
        {
            report.errors.extend(found.report.errors.clone());
            report.warnings.extend(found.report.warnings.clone());
            return found.item.clone();
        }
        let mut own = Report::default();
        let item = make(&mut own);
        let links = body
            .map(|body| self.markdown.analysis(body).content_links.clone())
            .unwrap_or_default()
            .into_iter()
            .map(|(dest, _)| {
                let url = self.names.document_url(source, &dest);
                (dest, url)
            })
            .collect();
        report.errors.extend(own.errors.clone());
        report.warnings.extend(own.warnings.clone());
        let reported = !own.errors.is_empty() || !own.warnings.is_empty();
        let remembered = Remembered {
            item: item.clone(),
            report: own,
            links,
            labels: reported.then_some(self.labels),
        };
        self.memo.put(key, Arc::new(remembered));
        item
    }

    /// Warns about the heading attributes that rendering drops from a description.
    pub fn check_description(&self, source: &Source, text: &str, report: &mut Report) {
        let analysis = self.markdown.analysis(text);
        fields::dropped_attributes(source, &analysis.dropped_attributes, None, &mut report.warnings);
    }
}

/// Problems found while resolving: errors stop the build, warnings do not.
#[derive(Debug, Default, Clone)]
pub struct Report {
    pub errors: Diagnostics,
    pub warnings: Diagnostics,
}

impl Report {
    /// Adds what `other` (one item's report) found.
    pub fn add(&mut self, other: Report) {
        self.errors.extend(other.errors);
        self.warnings.extend(other.warnings);
    }
}

/// The names, and their hashes, that a site's items were resolved against (see [`Resolve`]).
#[derive(Clone, Default)]
pub struct Environment {
    names: Arc<Names>,
    env: u64,
    labels: u64,
}

/// The whole site, resolved: `I` holds the items of every kind (see `crate::kinds::Items`).
pub struct Site<I> {
    pub config: Config,
    pub urls: Urls,
    pub items: I,
    /// Shared with the site of the next save when that save changes no list.
    pub lists: Arc<Lists>,
    /// What the items were resolved against.
    pub environment: Environment,
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
    let mut taken: crate::hashing::FastMap<String, Owner> = Default::default();
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
