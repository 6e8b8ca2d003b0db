//! The in-memory site: every item of the content with its references resolved, its Markdown
//! rendered, and the indexes the pages list from (by language, unit, programme term, date).
//! Building it checks every reference; it touches no files.

pub mod markdown;
mod resolve;
pub mod urls;

use std::collections::HashMap;
use std::path::PathBuf;

use jiff::civil::{Date, Time};

use crate::config::Config;
use crate::content::Content;
use crate::content::model::{Award, UnitKind};
use crate::error::Error;
use crate::localized::Localized;

/// A term of a vocabulary: (vocabulary index, term index).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TermId {
    pub vocabulary: usize,
    pub term: usize,
}

/// A press release in one language.
#[derive(Debug, Clone)]
pub struct Story {
    pub lang: usize,
    /// Shared by the translations of one story (the file stem).
    pub key: String,
    pub slug: String,
    pub title: String,
    pub summary: String,
    pub date: Date,
    pub time: Option<Time>,
    pub unit: usize,
    pub products: Vec<usize>,
    pub terms: Vec<TermId>,
    pub image: Option<Image>,
    pub award: Option<Award>,
    pub source: Option<String>,
    pub html: String,
    pub file: PathBuf,
    /// The story in each language (index by language), itself included.
    pub translations: Vec<Option<usize>>,
}

#[derive(Debug, Clone)]
pub struct Image {
    /// Path inside `content/media/`.
    pub src: String,
    pub alt: String,
    /// Line and column of `src` in the story's file.
    pub at: (u64, u64),
}

#[derive(Debug, Clone)]
pub struct Product {
    pub slug: String,
    pub unit: usize,
    pub category: usize,
    pub featured: bool,
    pub price: Option<Price>,
    pub images: Vec<ProductImage>,
    pub terms: Vec<TermId>,
    /// Digits of the WhatsApp number, country code first (`6281…`).
    pub whatsapp: Option<String>,
    pub marketplace: Vec<(String, String)>,
    pub certifications: Vec<String>,
    /// Name and description per language; `None` where the product is not published.
    pub text: Vec<Option<ProductText>>,
    pub file: PathBuf,
}

#[derive(Debug, Clone)]
pub struct Price {
    pub amount: u64,
    pub per: Option<Localized<String>>,
}

#[derive(Debug, Clone)]
pub struct ProductImage {
    pub src: String,
    pub alt: Localized<String>,
    /// Line and column of `src` in the product's file.
    pub at: (u64, u64),
}

#[derive(Debug, Clone)]
pub struct ProductText {
    pub name: String,
    pub html: String,
    /// The description as plain text, cut to a meta description.
    pub summary: String,
}

#[derive(Debug, Clone)]
pub struct Unit {
    pub id: String,
    pub name: Localized<String>,
    pub kind: UnitKind,
    pub class: Option<String>,
    pub city: String,
    pub region: String,
    pub address: Option<String>,
    pub contact: Contact,
    pub parent: Option<usize>,
    /// Description per language, rendered.
    pub html: Vec<Option<String>>,
}

/// A unit's contacts, checked: each is safe to put in a link.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct Contact {
    pub phone: Option<String>,
    pub email: Option<String>,
    /// An absolute `http(s)` address.
    pub website: Option<String>,
    /// Digits of the WhatsApp number, country code first (`6281…`).
    pub whatsapp: Option<String>,
}

#[derive(Debug, Clone)]
pub struct Vocabulary {
    pub id: String,
    pub name: Localized<String>,
    pub description: Option<Localized<String>>,
    pub terms: Vec<Term>,
}

#[derive(Debug, Clone)]
pub struct Term {
    pub id: String,
    pub number: Option<u32>,
    pub label: Localized<String>,
    pub description: Option<Localized<String>>,
}

/// A plain page in one language.
#[derive(Debug, Clone)]
pub struct Page {
    pub lang: usize,
    pub key: String,
    pub slug: String,
    pub title: String,
    pub summary: Option<String>,
    pub menu: Option<u32>,
    pub html: String,
    pub file: PathBuf,
    pub translations: Vec<Option<usize>>,
}

/// What the list pages are made of, per language (outer index) where items are per language.
#[derive(Debug, Default)]
pub struct Index {
    /// Stories per language, newest first.
    pub stories: Vec<Vec<usize>>,
    /// Award stories per language, newest first.
    pub awards: Vec<Vec<usize>>,
    /// Stories per language and unit, newest first.
    pub stories_by_unit: Vec<Vec<Vec<usize>>>,
    /// Stories per language and term, newest first.
    pub stories_by_term: Vec<HashMap<TermId, Vec<usize>>>,
    /// Stories per language and product, newest first.
    pub stories_by_product: Vec<HashMap<usize, Vec<usize>>>,
    /// Products published in each language, in catalogue order.
    pub products: Vec<Vec<usize>>,
    /// Products per unit, in catalogue order (any language).
    pub products_by_unit: Vec<Vec<usize>>,
    /// Products per term, in catalogue order (any language).
    pub products_by_term: HashMap<TermId, Vec<usize>>,
    /// Plain pages in the footer menu, per language, in menu order.
    pub menu: Vec<Vec<usize>>,
}

/// The whole site, resolved.
#[derive(Debug)]
pub struct Site {
    pub config: Config,
    pub units: Vec<Unit>,
    pub products: Vec<Product>,
    pub stories: Vec<Story>,
    pub pages: Vec<Page>,
    pub vocabularies: Vec<Vocabulary>,
    /// Files of `content/media/`; all but raster images are copied to `/media/`.
    pub media: Vec<String>,
    /// The processed photos, filled in after the site is built (empty until then).
    pub photos: crate::media::Photos,
    pub index: Index,
    /// Problems that do not stop a build, such as heading attributes that were dropped.
    pub warnings: crate::error::Diagnostics,
}

/// Options that change which content is published.
#[derive(Debug, Clone, Copy, Default)]
pub struct SiteOptions {
    pub drafts: bool,
}

impl Site {
    /// Resolves and checks all references of `content` and renders its Markdown with
    /// `markdown` (the dev server keeps one, and its cache, across builds); reports every
    /// problem at once.
    pub fn build(
        config: Config,
        content: Content,
        options: SiteOptions,
        markdown: &markdown::Markdown,
    ) -> Result<Site, Error> {
        resolve::resolve(config, content, options, markdown)
    }

    pub fn languages(&self) -> usize {
        self.config.languages.len()
    }

    pub fn term(&self, id: TermId) -> &Term {
        &self.vocabularies[id.vocabulary].terms[id.term]
    }

    /// The text of a localized value in `lang`, falling back to the first language.
    pub fn text<'a>(&self, value: &'a Localized<String>, lang: usize) -> &'a str {
        let code = &self.config.languages[lang].code;
        let fallback = &self.config.languages[0].code;
        value.get_or(code, fallback).map(String::as_str).unwrap_or_default()
    }
}
