//! Controlled vocabularies of programme tags (`content/vocabularies/<id>.yaml`): the eight
//! Asta Cita missions ship with Etalase and are used when a site does not declare its own
//! `asta-cita.yaml`; a site adds more (the Kemenimipas acceleration programmes) as files.
//! Each vocabulary has an index page (`/<id>/`) and each term a paginated page
//! (`/<id>/<term>/`) of the stories and products tagged with it.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::json;
use serde_saphyr::Spanned;

use super::{Kind, Scope, Site};
use crate::config::{Config, is_slug};
use crate::content::{self, BUILTIN, Folder, RawFile, Sheet};
use crate::error::{Diagnostic, Error};
use crate::ids::{LangId, PageNo, PerLang, Table, TermId, VocabularyId};
use crate::localized::Localized;
use crate::messages::Field;
use crate::render::{Head, ItemId, Output, Pager, Place, View, layout::paged_title};
use crate::site::fields::{self, at};
use crate::site::fingerprint::Fingerprints;
use crate::site::lists::{ItemRef, ListKey, Lists, Target};
use crate::site::names::Names;
use crate::site::urls::paged;
use crate::site::{Owner, Report, Resolve};

/// The Asta Cita missions, used when a site does not declare `vocabularies/asta-cita.yaml`.
const BUILTIN_ASTA_CITA: &str = include_str!("asta-cita.yaml");
const ASTA_CITA: &str = "asta-cita";

/// A vocabulary file.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct VocabularySheet {
    pub name: Localized<String>,
    #[serde(default)]
    pub description: Option<Localized<String>>,
    pub terms: Vec<TermSheet>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TermSheet {
    #[schemars(with = "String")]
    pub id: Spanned<String>,
    #[serde(default)]
    pub number: Option<u32>,
    pub label: Localized<String>,
    /// A short label for chips, titles and menus, per language (`Kemandirian pangan`); the
    /// label cut after a whole word when not given.
    #[serde(default)]
    pub short: Option<Localized<String>>,
    #[serde(default)]
    pub description: Option<Localized<String>>,
}

/// A vocabulary, resolved.
#[derive(Debug, Clone, Hash)]
pub struct Vocabulary {
    pub id: String,
    pub name: Localized<String>,
    pub description: Option<Localized<String>>,
    pub terms: Vec<TermId>,
    /// The vocabulary's index page in each language.
    pub urls: PerLang<String>,
    pub file: PathBuf,
}

/// A programme term, resolved.
#[derive(Debug, Clone, Hash)]
pub struct Term {
    pub id: String,
    pub vocabulary: VocabularyId,
    pub number: Option<u32>,
    pub label: Localized<String>,
    pub short: Option<Localized<String>>,
    pub description: Option<Localized<String>>,
    /// The first page of the term in each language.
    pub urls: PerLang<String>,
}

#[derive(Debug, Default)]
pub struct Items {
    pub vocabularies: Table<VocabularyId, Vocabulary>,
    pub terms: Table<TermId, Term>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Page {
    /// The index of a vocabulary's terms.
    Vocabulary(VocabularyId, LangId),
    /// A term's stories and products.
    Term(TermId, LangId, PageNo),
}

impl ItemId<super::Items> for VocabularyId {
    type Item = Vocabulary;

    fn get(self, items: &super::Items) -> &Vocabulary {
        &items.vocabularies.vocabularies[self]
    }

    fn item_ref(self) -> ItemRef {
        ItemRef::new("vocabularies", self.key())
    }
}

impl ItemId<super::Items> for TermId {
    type Item = Term;

    fn get(self, items: &super::Items) -> &Term {
        &items.vocabularies.terms[self]
    }

    fn item_ref(self) -> ItemRef {
        ItemRef::new(TERMS, self.key())
    }
}

/// Terms are items of their own in references and cards.
const TERMS: &str = "terms";

pub struct Vocabularies;

/// The vocabulary sheets in display order (Asta Cita first, then by id), the built-in Asta
/// Cita added when the site has none.
fn ordered(files: &Folder<Sheet<VocabularySheet>>) -> Vec<Sheet<VocabularySheet>> {
    let mut sheets: Vec<_> = files.parsed().cloned().collect();
    let declared = sheets.iter().any(|s| s.id == ASTA_CITA) || files.failed().any(|f| stem(f) == ASTA_CITA);
    if !declared && let Ok(builtin) = builtin() {
        sheets.push(builtin);
    }
    sheets.sort_by(|a, b| (a.id != ASTA_CITA, &a.id).cmp(&(b.id != ASTA_CITA, &b.id)));
    sheets
}

/// The built-in Asta Cita vocabulary, parsed once: every build of a session reads it twice.
fn builtin() -> Result<Sheet<VocabularySheet>, Diagnostic> {
    static PARSED: OnceLock<Result<Sheet<VocabularySheet>, Diagnostic>> = OnceLock::new();
    PARSED
        .get_or_init(|| {
            let file = Path::new(BUILTIN).join("asta-cita.yaml");
            content::sheet_from(file, ASTA_CITA, BUILTIN_ASTA_CITA.to_string())
        })
        .clone()
}

fn stem(file: &Path) -> &str {
    file.file_stem().and_then(|s| s.to_str()).unwrap_or_default()
}

/// The terms that get an id, in order: those with a usable, not yet declared id.
fn accepted(sheets: &[Sheet<VocabularySheet>]) -> Vec<(&Sheet<VocabularySheet>, &TermSheet)> {
    let mut seen = std::collections::HashSet::new();
    sheets
        .iter()
        .filter(|sheet| is_slug(&sheet.id))
        .flat_map(|sheet| sheet.data.terms.iter().map(move |term| (sheet, term)))
        .filter(|(_, term)| is_slug(&term.id.value) && seen.insert(term.id.value.as_str()))
        .collect()
}

impl Kind for Vocabularies {
    const NAME: &'static str = "vocabularies";
    type File = Sheet<VocabularySheet>;
    type Items = Items;
    type Page = Page;

    fn parse(file: &RawFile, _config: &Config) -> Result<Self::File, Diagnostic> {
        content::sheet(file)
    }

    fn declare(files: &Folder<Self::File>, cx: &Resolve, names: &mut Names) {
        let sheets = ordered(files);
        for (place, (_, term)) in accepted(&sheets).into_iter().enumerate() {
            let id = TermId::of(term.id.value.as_str());
            names.terms.insert(term.id.value.clone(), (id, place));
            let label = crate::site::text(cx.config, &term.label, LangId::FIRST);
            names.labels.insert(("terms", term.id.value.clone()), label.to_string());
        }
        names.broken_vocabulary = files.failed().next().is_some();
    }

    fn resolve(files: &Folder<Self::File>, cx: &Resolve, report: &mut Report) -> Items {
        let sheets = ordered(files);
        let problems = &mut report.errors;
        let mut declared: HashMap<&str, &Path> = HashMap::new();
        for sheet in &sheets {
            if !is_slug(&sheet.id) {
                problems.push(fields::bad_file_name(&sheet.source));
                continue;
            }
            fields::languages(cx.config, &sheet.source, &sheet.data.name, problems);
            for term in &sheet.data.terms {
                let id = &term.id.value;
                if !is_slug(id) {
                    problems.push(
                        at(&sheet.source, &term.id, Field::BadTermId { id: id.clone() })
                            .with_hint(Field::HintSlug { example: "ac-3".into() }),
                    );
                } else if let Some(other) = declared.insert(id, &sheet.source.file) {
                    problems.push(
                        at(&sheet.source, &term.id, Field::TermTwice { id: id.clone() })
                            .with_hint(Field::HintTermTwice { other: other.into() }),
                    );
                } else {
                    fields::languages(cx.config, &sheet.source, &term.label, problems);
                }
            }
        }
        let terms = accepted(&sheets)
            .into_iter()
            .map(|(sheet, term)| Term {
                urls: PerLang::build(cx.languages(), |lang| {
                    format!("{}{}/", cx.urls.top(lang, &sheet.id), term.id.value)
                }),
                id: term.id.value.clone(),
                vocabulary: VocabularyId::of_file(&sheet.source.file),
                number: term.number,
                label: term.label.clone(),
                short: term.short.clone(),
                description: term.description.clone(),
            })
            .collect();
        let terms = Table::new(terms, |term: &Term| TermId::of(term.id.as_str()));
        let vocabularies = sheets
            .iter()
            .map(|sheet| Vocabulary {
                urls: PerLang::build(cx.languages(), |lang| cx.urls.top(lang, &sheet.id)),
                id: sheet.id.clone(),
                name: sheet.data.name.clone(),
                description: sheet.data.description.clone(),
                terms: terms
                    .iter()
                    .filter(|(_, t)| t.vocabulary == VocabularyId::of_file(&sheet.source.file))
                    .map(|(id, _)| id)
                    .collect(),
                file: sheet.source.file.clone(),
            })
            .collect();
        let vocabularies = Table::new(vocabularies, |v: &Vocabulary| VocabularyId::of_file(&v.file));
        Items { vocabularies, terms }
    }

    fn list(items: &Items, cx: &Resolve, lists: &mut Lists) {
        for lang in LangId::all(cx.languages()) {
            for id in items.vocabularies.ids() {
                lists.push(ListKey::all("vocabularies", lang), id.item_ref());
            }
        }
    }

    fn fingerprints(items: &Items, out: &mut Fingerprints) {
        out.table(Vocabularies::NAME, &items.vocabularies);
        out.table(TERMS, &items.terms);
    }

    fn photos(_items: &Items) -> Vec<crate::media::PhotoUse<'_>> {
        Vec::new()
    }

    /// A card for each programme term in each language: its label over its vocabulary and
    /// number.
    fn share_cards(site: &Site) -> Vec<crate::media::ShareCard> {
        let items = &site.items.vocabularies;
        let mut cards = Vec::new();
        for term in items.terms.values() {
            let Some(vocabulary) = items.vocabularies.get(term.vocabulary) else {
                continue;
            };
            for lang in site.langs() {
                let name = site.text(&vocabulary.name, lang);
                let under = match term.number {
                    Some(n) => format!("{name} {n}"),
                    None => name.to_string(),
                };
                cards.push(super::share_card(
                    site,
                    TERMS,
                    &term.id,
                    lang,
                    site.text(&term.label, lang),
                    &under,
                ));
            }
        }
        cards
    }

    fn pages(site: &Site) -> Vec<Page> {
        let items = &site.items.vocabularies;
        let per_page = site.config.news_per_page;
        let mut pages = Vec::new();
        for lang in site.langs() {
            for (v, vocabulary) in items.vocabularies.iter() {
                pages.push(Page::Vocabulary(v, lang));
                for &term in &vocabulary.terms {
                    let stories = site.lists.get(ListKey::about("news", lang, Target::Term(term))).len();
                    pages.extend(PageNo::all(stories, per_page).map(|page| Page::Term(term, lang, page)));
                }
            }
        }
        pages
    }

    fn place(site: &Site, page: Page) -> Place {
        let items = &site.items.vocabularies;
        match page {
            Page::Vocabulary(v, lang) => {
                let vocabulary = &items.vocabularies[v];
                Place::page(vocabulary.urls[lang].clone(), lang, owner(&vocabulary.file))
            }
            Page::Term(t, lang, number) => {
                let term = &items.terms[t];
                let vocabulary = &items.vocabularies[term.vocabulary];
                let url = paged(term.urls[lang].clone(), number);
                Place::page(url, lang, owner(&vocabulary.file))
            }
        }
    }

    fn translation(scope: &Scope, page: Page, to: LangId) -> Option<Page> {
        match page {
            Page::Vocabulary(v, _) => Some(Page::Vocabulary(v, to)),
            Page::Term(t, _, number) => {
                let stories = scope.list(ListKey::about("news", to, Target::Term(t))).len();
                let per_page = scope.config().news_per_page;
                (number.get() <= PageNo::all(stories, per_page).count()).then_some(Page::Term(t, to, number))
            }
        }
    }

    fn view(scope: &Scope, page: Page) -> Result<Output, Error> {
        match page {
            Page::Vocabulary(v, _) => vocabulary_view(scope, v),
            Page::Term(t, _, number) => term_view(scope, t, number),
        }
    }

    fn schema() -> Option<(&'static str, serde_json::Value)> {
        Some((
            "vocabulary.schema.json",
            crate::schema::schema::<VocabularySheet>("A controlled vocabulary (content/vocabularies/*.yaml)"),
        ))
    }

    fn cards(site: &Site) -> Vec<(ItemRef, LangId)> {
        site.items
            .vocabularies
            .terms
            .ids()
            .flat_map(|t| site.langs().map(move |lang| (t.item_ref(), lang)))
            .collect()
    }

    /// A term's chip: its label and the page that lists what is tagged with it.
    fn card(scope: &Scope, item: ItemRef) -> Option<tera::Value> {
        (item.kind == TERMS).then(|| tera::Value::from_serializable(&chip(scope, TermId::from_key(item.key))))
    }
}

fn owner(file: &Path) -> Owner {
    if file.starts_with(BUILTIN) {
        Owner::Config
    } else {
        Owner::File(file.to_path_buf())
    }
}

/// A term as lists and chips show it.
#[derive(Serialize)]
struct Chip<'a> {
    id: &'a str,
    number: Option<u32>,
    label: &'a str,
    /// What the chip shows: the short label, never a word cut in two.
    short: String,
    vocabulary: &'a str,
    url: String,
}

/// The longest label a chip shows whole; a longer one without a short label is cut after
/// a whole word.
const CHIP_LABEL_MAX: usize = 48;

/// A term's short label in the scope's language: as written, or the label cut after a whole
/// word.
pub fn short_label(scope: &Scope, term: &Term) -> String {
    match &term.short {
        Some(short) => scope.text(short).to_string(),
        None => crate::site::markdown::truncate(scope.text(&term.label), CHIP_LABEL_MAX),
    }
}

fn chip<'a>(scope: &'a Scope, id: TermId) -> Chip<'a> {
    let term = scope.item(id);
    let vocabulary = scope.item(term.vocabulary);
    Chip {
        id: &term.id,
        number: term.number,
        label: scope.text(&term.label),
        short: short_label(scope, term),
        vocabulary: scope.text(&vocabulary.name),
        url: term_url(scope, id, PageNo::FIRST),
    }
}

/// The URL of page `page` of a term in the scope's language.
pub fn term_url(scope: &Scope, id: TermId, page: PageNo) -> String {
    paged(scope.item(id).urls[scope.lang()].clone(), page)
}

/// The URL of a vocabulary's index page in the scope's language.
pub fn vocabulary_url(scope: &Scope, id: VocabularyId) -> String {
    scope.item(id).urls[scope.lang()].clone()
}

fn vocabulary_view(scope: &Scope, v: VocabularyId) -> Result<Output, Error> {
    let lang = scope.lang();
    let vocabulary = scope.item(v);
    #[derive(Serialize)]
    struct TermView {
        chip: tera::Value,
        description: Option<String>,
        stories: usize,
        products: usize,
        /// The counts in words, in the page's language: `1 story`, `4 products`.
        stories_label: String,
        products_label: String,
    }
    let terms: Vec<TermView> = vocabulary
        .terms
        .iter()
        .map(|&t| {
            let stories = scope.list(ListKey::about("news", lang, Target::Term(t))).len();
            let products = scope.list(ListKey::about("products", lang, Target::Term(t))).len();
            TermView {
                chip: scope.card(t.item_ref()).unwrap_or_else(tera::Value::none),
                description: scope.item(t).description.as_ref().map(|d| scope.text(d).to_string()),
                stories,
                products,
                stories_label: scope.locale().plural("stories", stories),
                products_label: scope.locale().plural("products", products),
            }
        })
        .collect();
    let name = scope.text(&vocabulary.name).to_string();
    let description = vocabulary.description.as_ref().map(|d| scope.text(d).to_string());
    let head = Head::new(
        name.clone(),
        description.clone().unwrap_or_else(|| name.clone()),
        "programs",
    )
    .crumb(name.clone(), vocabulary_url(scope, v));
    View::new("vocabulary.html", head)
        .with("vocabulary", json!({ "name": name, "description": description }))
        .with("terms", terms)
        .output()
}

fn term_view(scope: &Scope, t: TermId, page: PageNo) -> Result<Output, Error> {
    let lang = scope.lang();
    let term = scope.item(t);
    let vocabulary = scope.item(term.vocabulary);
    let vocabulary_name = scope.text(&vocabulary.name).to_string();
    let label = scope.text(&term.label).to_string();
    let description = term.description.as_ref().map(|d| scope.text(d).to_string());
    let stories = scope.list(ListKey::about("news", lang, Target::Term(t)));
    let per_page = scope.config().news_per_page;
    let products = if page.is_first() {
        scope.cards(scope.list(ListKey::about("products", lang, Target::Term(t))))
    } else {
        tera::Value::from(Vec::<tera::Value>::new())
    };
    let short = match term.number {
        Some(n) => format!("{vocabulary_name} {n}"),
        None => vocabulary_name.clone(),
    };
    let title = paged_title(format!("{short}: {}", short_label(scope, term)), page, &scope.t("page"));
    let head = Head::new(title, description.clone().unwrap_or_else(|| label.clone()), "programs")
        .crumb(vocabulary_name.clone(), vocabulary_url(scope, term.vocabulary))
        .crumb(short, term_url(scope, t, PageNo::FIRST))
        .og("website", super::card_image(scope, TERMS, &term.id, &label));
    View::new("term.html", head)
        .with(
            "vocabulary",
            json!({ "name": vocabulary_name, "url": vocabulary_url(scope, term.vocabulary) }),
        )
        .with(
            "term",
            json!({ "id": term.id, "number": term.number, "label": label, "description": description }),
        )
        .value("stories", scope.cards(page.slice(stories, per_page)))
        .with(
            "pager",
            Pager::new(page, stories.len(), per_page, |p| term_url(scope, t, p)),
        )
        .value("products", products)
        .with("related", super::related(scope, Target::Term(t)))
        .output()
}
