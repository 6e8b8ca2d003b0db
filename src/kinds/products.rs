//! Products (`content/products/<slug>.yaml`): what the people in a unit's care make — one
//! sheet per product with every language inside. A product is published in each language its
//! name and description are given in; the catalogue groups products by category and unit.

use std::path::{Path, PathBuf};

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Value as Json, json};
use serde_saphyr::Spanned;

use super::units::{self, Link};
use super::{Kind, Scope, Site, Untranslated, missing_languages};
use crate::config::{Config, is_slug};
use crate::content::{self, Folder, RawFile, Sheet};
use crate::error::{Diagnostic, Error, suggestion};
use crate::hashing::Shared;
use crate::ids::{LangId, PerLang, ProductId, Table, TermId, UnitId};
use crate::localized::Localized;
use crate::messages::Reference;
use crate::render::{Head, ItemId, Output, Place, View, jsonld};
use crate::scaffold::{NewFile, yaml_string};
use crate::site::fields::{self, at};
use crate::site::fingerprint::Fingerprints;
use crate::site::lists::{ItemRef, ListKey, Lists, Target};
use crate::site::markdown;
use crate::site::names::{self, Names};
use crate::site::urls::Section;
use crate::site::{Owner, Report, Resolve};

/// A product sheet: one product, every language inside.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProductSheet {
    pub name: Localized<String>,
    #[schemars(with = "String")]
    pub unit: Spanned<String>,
    #[schemars(with = "String")]
    pub category: Spanned<String>,
    #[serde(default)]
    pub featured: bool,
    /// Markdown.
    pub description: Localized<String>,
    #[serde(default)]
    pub price: Option<PriceSheet>,
    #[serde(default)]
    pub images: Vec<ImageSheet>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub programs: Vec<Spanned<String>>,
    #[serde(default)]
    pub order: Option<OrderSheet>,
    #[serde(default)]
    pub certifications: Vec<String>,
    /// Whether it can be bought now: `ready` (ready stock), `made-to-order`, `seasonal` or
    /// `sold-out`.
    #[serde(default)]
    pub availability: Option<Availability>,
    /// The smallest order, per language: `{ id: 10 bungkus, en: 10 packs }`.
    #[serde(default)]
    pub minimum_order: Option<Localized<String>>,
    /// How buyers get it (pick-up at the unit, delivery), per language.
    #[serde(default)]
    pub delivery: Option<Localized<String>>,
    /// `true` marks the price, availability and order channels as examples on the page
    /// ("contoh"), for demo and training sites.
    #[serde(default)]
    pub example: bool,
    /// `true` keeps the product out of the site (published with `--drafts`).
    #[serde(default)]
    pub draft: bool,
}

/// Whether a product can be bought now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Availability {
    /// Ready stock.
    Ready,
    MadeToOrder,
    Seasonal,
    SoldOut,
}

impl Availability {
    /// Its key in the theme's strings (`availability_ready`, …).
    pub fn key(self) -> &'static str {
        match self {
            Availability::Ready => "ready",
            Availability::MadeToOrder => "made_to_order",
            Availability::Seasonal => "seasonal",
            Availability::SoldOut => "sold_out",
        }
    }

    /// The schema.org `ItemAvailability` an `Offer` carries (values Google reads).
    pub fn schema_org(self) -> &'static str {
        match self {
            Availability::Ready => "https://schema.org/InStock",
            Availability::MadeToOrder => "https://schema.org/MadeToOrder",
            Availability::Seasonal => "https://schema.org/LimitedAvailability",
            Availability::SoldOut => "https://schema.org/SoldOut",
        }
    }
}

/// A price in whole rupiah, with its unit of sale (`per 250 g`).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PriceSheet {
    /// Whole rupiah, without dots: 25000. (An amount under 100 is the dot mistake: YAML
    /// reads `25.000` as 25.)
    #[schemars(range(min = 100))]
    pub amount: u64,
    #[serde(default)]
    pub per: Option<Localized<String>>,
}

/// A picture in `content/media/` with its alt text per language.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ImageSheet {
    #[schemars(with = "String")]
    pub src: Spanned<String>,
    pub alt: Localized<String>,
}

/// Where a product can be ordered.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct OrderSheet {
    /// A phone number; becomes a `wa.me` link with a message naming the product.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub whatsapp: Option<Spanned<String>>,
    /// A phone number for orders; becomes a `tel:` link.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub phone: Option<Spanned<String>>,
    /// An e-mail address for orders; becomes a `mailto:` link.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub email: Option<Spanned<String>>,
    #[serde(default)]
    pub marketplace: Vec<MarketplaceSheet>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct MarketplaceSheet {
    pub name: String,
    #[schemars(with = "String")]
    pub url: Spanned<String>,
}

/// A product, resolved.
#[derive(Debug, Clone, Hash)]
pub struct Product {
    pub slug: String,
    /// Its name in the first language as written: what orders the catalogue and names the
    /// product in messages (see `ordered`).
    pub label: String,
    pub unit: UnitId,
    /// Position of its category in etalase.yaml.
    pub category: usize,
    pub featured: bool,
    pub price: Option<Price>,
    pub images: Vec<Image>,
    pub terms: Vec<TermId>,
    /// The product's own order channels (WhatsApp, phone, e-mail); the unit's contacts when
    /// it has none.
    pub order: units::Contact,
    /// Shops: (name, address).
    pub marketplace: Vec<(String, String)>,
    pub certifications: Vec<String>,
    pub availability: Option<Availability>,
    pub minimum_order: Option<Localized<String>>,
    pub delivery: Option<Localized<String>>,
    pub example: bool,
    /// Name and description per language; `None` where the product is not published.
    pub text: PerLang<Option<Text>>,
    /// The product's page in each language.
    pub urls: PerLang<String>,
    pub file: PathBuf,
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Price {
    pub amount: u64,
    pub per: Option<Localized<String>>,
}

#[derive(Debug, Clone, Hash)]
pub struct Image {
    /// Path inside `content/media/`.
    pub src: String,
    pub alt: Localized<String>,
    /// Line and column of `src` in the product's file.
    pub at: (u64, u64),
}

#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Text {
    pub name: String,
    pub html: String,
    /// The description as plain text, cut to a meta description.
    pub summary: String,
    /// The whole description as plain text, for structured data.
    pub plain: String,
}

#[derive(Debug, Default, Clone)]
pub struct Items {
    /// Shared with the dev server's memory of earlier builds (a rebuild copies pointers),
    /// each hashed once.
    pub products: Table<ProductId, Shared<Product>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Page {
    Catalogue(LangId),
    Product(ProductId, LangId),
}

impl ItemId<super::Items> for ProductId {
    type Item = Product;

    fn get(self, items: &super::Items) -> &Product {
        &items.products.products[self]
    }

    fn item_ref(self) -> ItemRef {
        ItemRef::new(Products::NAME, self.key())
    }
}

pub struct Products;

/// The published sheets in catalogue order: by category, then name in the first language,
/// then slug.
fn ordered<'a>(files: &'a Folder<Sheet<ProductSheet>>, cx: &Resolve) -> Vec<&'a Sheet<ProductSheet>> {
    let config = cx.config;
    let mut sheets: Vec<_> = files.parsed().filter(|s| cx.published(s.data.draft)).collect();
    sheets.sort_by_cached_key(|s| {
        let category = config.categories.position(&s.data.category.value).unwrap_or(usize::MAX);
        (category, label(cx, s).to_string(), s.id.clone())
    });
    sheets
}

/// A product's name in the first language as written (empty when it has none).
fn label<'a>(cx: &Resolve, sheet: &'a Sheet<ProductSheet>) -> &'a str {
    crate::site::text(cx.config, &sheet.data.name, LangId::FIRST)
}

/// What decides where a product stands in the site: its file and addresses, its place in
/// the catalogue, the languages it is published in and the lists it is in.
type Standing<'a> = (
    &'a Path,
    &'a PerLang<String>,
    usize,
    &'a str,
    Vec<bool>,
    UnitId,
    &'a [TermId],
);

impl Product {
    fn standing(&self) -> Standing<'_> {
        let published = self.text.iter().map(|(_, text)| text.is_some()).collect();
        (
            &self.file,
            &self.urls,
            self.category,
            &self.label,
            published,
            self.unit,
            &self.terms,
        )
    }
}

impl Kind for Products {
    const NAME: &'static str = "products";
    const SECTIONS: &'static [Section] = &[Section {
        key: "products",
        word: "products",
        menu: Some(2),
    }];
    type File = Sheet<ProductSheet>;
    type Items = Items;
    type Page = Page;

    fn parse(file: &RawFile, _config: &Config) -> Result<Self::File, Diagnostic> {
        content::sheet(file)
    }

    fn declare(files: &Folder<Self::File>, cx: &Resolve, names: &mut Names) {
        for sheet in ordered(files, cx) {
            names
                .products
                .insert(sheet.id.clone(), ProductId::of_file(&sheet.source.file));
            names
                .labels
                .insert(("products", sheet.id.clone()), label(cx, sheet).to_string());
        }
        names.broken.extend(
            files
                .failed()
                .filter_map(|f| f.file_stem())
                .map(|s| s.to_string_lossy().into_owned()),
        );
    }

    fn resolve(files: &Folder<Self::File>, cx: &Resolve, report: &mut Report) -> Items {
        use rayon::prelude::*;
        let resolved: Vec<(Shared<Product>, Report)> = ordered(files, cx)
            .par_iter()
            .map(|sheet| resolve_product(cx, sheet))
            .collect();
        let mut products = Vec::with_capacity(resolved.len());
        for (product, own) in resolved {
            report.add(own);
            products.push(product);
        }
        Items {
            products: Table::new(products, |product| ProductId::of_file(&product.file)),
        }
    }

    /// Resolves again the products of the changed files, when each stays where it was (see
    /// [`Product::standing`]).
    fn patch(
        last: &Items,
        files: &Folder<Self::File>,
        changed: &[&Path],
        cx: &Resolve,
        report: &mut Report,
    ) -> Option<(Items, Vec<PathBuf>)> {
        let mut items = last.clone();
        for file in changed {
            let sheet = files.get(file).filter(|sheet| cx.published(sheet.data.draft))?;
            let (product, own) = resolve_product(cx, sheet);
            let slot = items.products.get_mut(ProductId::of_file(file))?;
            if slot.standing() != product.standing() {
                return None;
            }
            *slot = product;
            report.add(own);
        }
        Some((items, changed.iter().map(|file| file.to_path_buf()).collect()))
    }

    fn list(items: &Items, cx: &Resolve, lists: &mut Lists) {
        for (id, product) in items.products.iter() {
            for lang in LangId::all(cx.languages()).filter(|&lang| product.text[lang].is_some()) {
                let item = id.item_ref();
                lists.push(ListKey::all("products", lang), item);
                lists.push(ListKey::about("products", lang, Target::Unit(product.unit)), item);
                for &term in &product.terms {
                    lists.push(ListKey::about("products", lang, Target::Term(term)), item);
                }
            }
        }
    }

    fn fingerprints(items: &Items, out: &mut Fingerprints) {
        out.table(Products::NAME, &items.products);
    }

    fn photos(items: &Items) -> Vec<crate::media::PhotoUse<'_>> {
        items
            .products
            .values()
            .flat_map(|product| {
                product.images.iter().map(|image| crate::media::PhotoUse {
                    src: &image.src,
                    file: &product.file,
                    at: image.at,
                })
            })
            .collect()
    }

    /// A card for each product without a picture, in each language: its name over its unit.
    fn share_cards(site: &Site) -> Vec<crate::media::ShareCard> {
        let mut cards = Vec::new();
        for product in site.items.products.products.values().filter(|p| p.images.is_empty()) {
            for lang in site.langs() {
                if let Some(text) = &product.text[lang] {
                    let unit = super::unit_name(site, product.unit, lang);
                    cards.push(super::share_card(
                        site,
                        Products::NAME,
                        &product.slug,
                        lang,
                        &text.name,
                        &unit,
                    ));
                }
            }
        }
        cards
    }

    fn pages(site: &Site) -> Vec<Page> {
        let mut pages = Vec::new();
        for lang in site.langs() {
            pages.push(Page::Catalogue(lang));
            for (id, product) in site.items.products.products.iter() {
                if product.text[lang].is_some() {
                    pages.push(Page::Product(id, lang));
                }
            }
        }
        pages
    }

    fn place(site: &Site, page: Page) -> Place {
        match page {
            Page::Catalogue(lang) => Place::page(site.urls.section(lang, "products"), lang, Owner::Config),
            Page::Product(id, lang) => {
                let product = &site.items.products.products[id];
                Place::page(product.urls[lang].clone(), lang, Owner::File(product.file.clone()))
            }
        }
    }

    fn translation(scope: &Scope, page: Page, to: LangId) -> Option<Page> {
        match page {
            Page::Catalogue(_) => Some(Page::Catalogue(to)),
            Page::Product(id, _) => scope.item(id).text[to].is_some().then_some(Page::Product(id, to)),
        }
    }

    fn view(scope: &Scope, page: Page) -> Result<Output, Error> {
        match page {
            Page::Catalogue(_) => catalogue_view(scope),
            Page::Product(id, _) => product_view(scope, id),
        }
    }

    fn cards(site: &Site) -> Vec<(ItemRef, LangId)> {
        site.items
            .products
            .products
            .iter()
            .flat_map(|(id, product)| {
                site.langs()
                    .filter(|&lang| product.text[lang].is_some())
                    .map(move |lang| (id.item_ref(), lang))
            })
            .collect()
    }

    fn card(scope: &Scope, item: ItemRef) -> Option<tera::Value> {
        if item.kind != Products::NAME {
            return None;
        }
        let id = ProductId::from_key(item.key);
        let product = scope.item(id);
        let text = product.text[scope.lang()].as_ref()?;
        Some(tera::Value::from_serializable(&ProductCard {
            name: &text.name,
            url: url(scope, id),
            summary: &text.summary,
            image: product
                .images
                .first()
                .map(|image| scope.image(&image.src, scope.text(&image.alt))),
            unit: units::link(scope, product.unit),
            category: category(scope, product),
            featured: product.featured,
            price: product.price.as_ref().map(|p| scope.locale().price(p.amount)),
        }))
    }

    /// Products nobody can order: no order channel of their own, no shop, and a unit that
    /// gives no phone, WhatsApp or e-mail.
    fn advise(site: &Site, _content: &super::Content, warnings: &mut crate::error::Diagnostics) {
        for product in site.items.products.products.values() {
            let Some(unit) = site.items.units.units.get(product.unit) else {
                continue;
            };
            if product.order.reachable() || !product.marketplace.is_empty() || unit.contact.reachable() {
                continue;
            }
            warnings.push(
                Diagnostic::warning(
                    &product.file,
                    crate::messages::Check::NoOrderPath { unit: unit.id.clone() },
                )
                .with_hint(crate::messages::Check::HintOrderChannel),
            );
        }
    }

    fn schema() -> Option<(&'static str, serde_json::Value)> {
        Some((
            "product.schema.json",
            crate::schema::schema::<ProductSheet>("A product sheet (content/products/*.yaml)"),
        ))
    }

    const NEW: Option<&'static str> = Some("product");

    fn new_files(request: &NewFile) -> Result<Vec<(PathBuf, String)>, Error> {
        let unit = request.unit()?;
        let categories: Vec<&str> = request.config.categories.keys().collect();
        let path = request.folder(Products::NAME).join(format!("{}.yaml", request.slug()?));
        Ok(vec![(path, starter(&request.title, unit, &categories))])
    }

    fn untranslated(site: &Site) -> Vec<Untranslated> {
        site.items
            .products
            .products
            .values()
            .filter_map(|product| {
                let missing = missing_languages(site, |lang| product.text[lang].is_some());
                (!missing.is_empty()).then(|| Untranslated {
                    kind: "product",
                    file: product.file.clone(),
                    missing,
                })
            })
            .collect()
    }
}

/// The product of `sheet`, remembered between the builds of a session, with what resolving
/// it reported.
fn resolve_product(cx: &Resolve, sheet: &Sheet<ProductSheet>) -> (Shared<Product>, Report) {
    let mut own = Report::default();
    let product = cx.sheet(&sheet.source, &mut own, |report| {
        Shared::new(product(cx, sheet, report))
    });
    (product, own)
}

fn product(cx: &Resolve, sheet: &Sheet<ProductSheet>, report: &mut Report) -> Product {
    let problems = &mut report.errors;
    let (data, source) = (&sheet.data, &sheet.source);
    if !is_slug(&sheet.id) {
        problems.push(fields::bad_file_name(source));
    }
    fields::languages(cx.config, source, &data.name, problems);
    fields::languages(cx.config, source, &data.description, problems);
    // A sheet is short: its whole text is searched.
    fields::placeholders(source, &[source.text.as_str()], &PLACEHOLDERS, &mut report.warnings);
    let problems = &mut report.errors;
    let unit = cx.names.unit(source, &data.unit, problems);
    let category = cx.config.categories.position(&data.category.value);
    if category.is_none() {
        problems.push(
            at(
                source,
                &data.category,
                Reference::UnknownCategory {
                    id: data.category.value.clone(),
                },
            )
            .with_hint(suggestion(&data.category.value, cx.config.categories.keys()))
            .with_hint(Reference::CategoriesInConfig),
        );
    }
    let terms = cx.names.terms(source, &data.programs, problems);
    let images = data
        .images
        .iter()
        .filter_map(|image| {
            fields::languages(cx.config, source, &image.alt, problems);
            let alt_missing = cx
                .config
                .languages
                .iter()
                .any(|l| image.alt.get(&l.code).is_some_and(|alt| alt.trim().is_empty()));
            let src = names::media(cx.media, source, &image.src, alt_missing, problems)?;
            Some(Image {
                src,
                alt: image.alt.clone(),
                at: (image.src.referenced.line(), image.src.referenced.column()),
            })
        })
        .collect();
    let (order, marketplace) = match &data.order {
        None => (units::Contact::default(), Vec::new()),
        Some(order) => (
            units::Contact {
                whatsapp: order
                    .whatsapp
                    .as_ref()
                    .and_then(|number| fields::phone_digits(source, number, problems)),
                phone: order.phone.as_ref().and_then(|number| {
                    fields::phone_digits(source, number, problems).map(|_| number.value.trim().to_string())
                }),
                email: order
                    .email
                    .as_ref()
                    .and_then(|email| fields::email(source, email, problems)),
                website: None,
                example: data.example,
            },
            order
                .marketplace
                .iter()
                .filter_map(|shop| Some((shop.name.clone(), fields::web_address(source, &shop.url, problems)?)))
                .collect(),
        ),
    };
    let text = fields::per_language(cx.config, Some(&data.name), |name| name.to_string());
    let text = PerLang::build(cx.languages(), |lang| {
        let name = text[lang].clone()?;
        let description = data.description.get(&cx.config.lang(lang).code)?;
        cx.check_description(source, description, report);
        let plain = markdown::plain_text(description);
        Some(Text {
            name,
            html: cx.markdown.to_html(description),
            summary: markdown::truncate(&plain, 155),
            plain,
        })
    });
    Product {
        slug: sheet.id.clone(),
        label: label(cx, sheet).to_string(),
        unit: unit.unwrap_or_default(),
        category: category.unwrap_or_default(),
        featured: data.featured,
        price: data.price.as_ref().map(|p| Price {
            amount: p.amount,
            per: p.per.clone(),
        }),
        images,
        terms,
        order,
        marketplace,
        certifications: data.certifications.clone(),
        availability: data.availability,
        minimum_order: data.minimum_order.clone(),
        delivery: data.delivery.clone(),
        example: data.example,
        text,
        urls: PerLang::build(cx.languages(), |lang| cx.urls.item(lang, "products", &sheet.id)),
        file: source.file.clone(),
    }
}

/// The URL of a product's page in the scope's language.
pub fn url(scope: &Scope, id: ProductId) -> String {
    scope.item(id).urls[scope.lang()].clone()
}

fn category<'s>(scope: &'s Scope, product: &Product) -> &'s str {
    let categories = &scope.config().categories.0;
    categories
        .get(product.category)
        .map(|(_, label)| scope.text(label))
        .unwrap_or_default()
}

#[derive(Serialize)]
struct ProductCard<'a> {
    name: &'a str,
    url: String,
    summary: &'a str,
    image: Option<crate::render::images::ImageView>,
    unit: Link,
    category: &'a str,
    featured: bool,
    price: Option<String>,
}

fn catalogue_view(scope: &Scope) -> Result<Output, Error> {
    let lang = scope.lang();
    #[derive(Serialize)]
    struct Group {
        key: String,
        label: String,
        products: tera::Value,
    }
    let published = scope.list(ListKey::all("products", lang));
    let categories: Vec<Group> = scope
        .config()
        .categories
        .0
        .iter()
        .enumerate()
        .filter_map(|(c, (key, label))| {
            let items: Vec<ItemRef> = published
                .iter()
                .copied()
                .filter(|&item| scope.item(ProductId::from_key(item.key)).category == c)
                .collect();
            (!items.is_empty()).then(|| Group {
                key: key.clone(),
                label: scope.text(label).to_string(),
                products: scope.cards(&items),
            })
        })
        .collect();
    let by_unit: Vec<Group> = scope
        .list(ListKey::all("units", lang))
        .iter()
        .filter_map(|&unit| {
            let unit = crate::ids::UnitId::from_key(unit.key);
            let items = scope.list(ListKey::about("products", lang, Target::Unit(unit)));
            (!items.is_empty()).then(|| Group {
                key: scope.item(unit).id.clone(),
                label: scope.text(&scope.item(unit).name).to_string(),
                products: scope.cards(items),
            })
        })
        .collect();
    let title = scope.t("nav_products");
    let urls: Vec<String> = published
        .iter()
        .map(|&item| scope.urls().absolute(&url(scope, ProductId::from_key(item.key))))
        .collect();
    let head = Head::new(title.clone(), scope.t("products_description"), "products")
        .crumb(title, scope.urls().section(lang, "products"))
        .jsonld(jsonld::item_list(&urls));
    View::new("catalogue.html", head)
        .with("categories", categories)
        .with("by_unit", by_unit)
        .output()
}

#[derive(Serialize)]
struct ProductView<'a> {
    name: &'a str,
    html: &'a str,
    unit: Link,
    category: &'a str,
    featured: bool,
    price: Option<String>,
    per: Option<&'a str>,
    images: Vec<crate::render::images::ImageView>,
    /// The ways to order: the product's own channels, else the unit's contacts.
    order: units::Contacts,
    /// Whether `order` are the unit's contacts.
    order_from_unit: bool,
    marketplace: Vec<Link>,
    certifications: &'a [String],
    /// The theme's string key of its availability (`availability_ready`, …).
    availability: Option<String>,
    minimum_order: Option<&'a str>,
    delivery: Option<&'a str>,
    example: bool,
}

fn product_view(scope: &Scope, id: ProductId) -> Result<Output, Error> {
    let lang = scope.lang();
    let product = scope.item(id);
    let text = product.text[lang].as_ref();
    let name = text.map(|t| t.name.clone()).unwrap_or_default();
    let message = format!("{} {}", scope.t("order_message"), name);
    let own = product.order.reachable();
    let order = if own {
        units::Contacts::new(scope, &product.order, Some(&message))
    } else {
        let mut contacts = units::Contacts::new(scope, &scope.item(product.unit).contact, Some(&message));
        contacts.links.retain(|link| link.kind != "website");
        contacts
    };
    let view = ProductView {
        name: &name,
        html: text.map(|t| t.html.as_str()).unwrap_or_default(),
        unit: units::link(scope, product.unit),
        category: category(scope, product),
        featured: product.featured,
        price: product.price.as_ref().map(|p| scope.locale().price(p.amount)),
        per: product
            .price
            .as_ref()
            .and_then(|p| p.per.as_ref())
            .map(|per| scope.text(per)),
        images: product
            .images
            .iter()
            .map(|i| scope.image(&i.src, scope.text(&i.alt)))
            .collect(),
        order,
        order_from_unit: !own,
        marketplace: product
            .marketplace
            .iter()
            .map(|(name, url)| Link {
                name: name.clone(),
                url: url.clone(),
            })
            .collect(),
        certifications: &product.certifications,
        availability: product.availability.map(|a| format!("availability_{}", a.key())),
        minimum_order: product.minimum_order.as_ref().map(|m| scope.text(m)),
        delivery: product.delivery.as_ref().map(|d| scope.text(d)),
        example: product.example,
    };
    let stories = scope.list(ListKey::about("news", lang, Target::Product(id)));
    let terms: Vec<ItemRef> = product.terms.iter().map(|t| t.item_ref()).collect();
    let image = match product.images.first() {
        Some(image) => scope.og_image(&image.src, scope.text(&image.alt)),
        None => super::card_image(scope, Products::NAME, &product.slug, &name),
    };
    let head = Head::new(
        name.clone(),
        text.map(|t| t.summary.clone()).unwrap_or_default(),
        "products",
    )
    .crumb(scope.t("nav_products"), scope.urls().section(lang, "products"))
    .crumb(name.clone(), url(scope, id))
    .jsonld(structured_data(scope, id))
    .og("product", image)
    .price(product.price.as_ref().map(|p| p.amount));
    View::new("product.html", head)
        .with("product", view)
        .value("terms", scope.cards(&terms))
        .value("stories", scope.cards(&stories[..stories.len().min(10)]))
        .with("related", super::related(scope, Target::Product(id)))
        .output()
}

/// The product as a schema.org `Product` with its `Offer` when it has a price. Google
/// rejects a `Product` without `offers`, `review` or `aggregateRating`, so a product
/// without a price is described as a plain `Thing` of its catalogue page.
fn structured_data(scope: &Scope, id: ProductId) -> Json {
    let product = scope.item(id);
    let text = product.text[scope.lang()].as_ref();
    let Some(price) = &product.price else {
        return json!({
            "@type": "WebPage",
            "name": text.map(|t| t.name.as_str()),
            "description": text.map(|t| t.plain.as_str()),
            "url": scope.urls().absolute(&url(scope, id)),
            "inLanguage": scope.config().lang(scope.lang()).code,
        });
    };
    let mut value = json!({
        "@type": "Product",
        "name": text.map(|t| t.name.as_str()),
        "description": text.map(|t| t.plain.as_str()),
        "brand": { "@type": "Brand", "name": scope.text(&scope.item(product.unit).name) },
        "category": category(scope, product),
        "image": product
            .images
            .iter()
            .flat_map(|i| scope.image_urls(&i.src))
            .collect::<Vec<_>>(),
        "manufacturer": units::organization(scope, product.unit, false),
    });
    value["offers"] = json!({
        "@type": "Offer",
        "price": price.amount,
        "priceCurrency": "IDR",
        "availability": product.availability.unwrap_or(Availability::Ready).schema_org(),
        "url": scope.urls().absolute(&url(scope, id)),
        "seller": units::organization(scope, product.unit, false),
    });
    value
}

/// The example texts of a new product sheet, which `check` finds when they are left in.
const PLACEHOLDERS: [&str; 2] = ["Tulis deskripsi produk di sini.", "Write the product description here."];

/// A new product sheet with every field filled in or explained; a draft until the writer says
/// it is ready.
fn starter(name: &str, unit: &str, categories: &[&str]) -> String {
    format!(
        "name: {{ id: {name}, en: {name} }}   # translate the English name\nunit: {unit}\n\
         category: {category}   # one of: {all}\nfeatured: false\ndescription:\n  id: {id_text}\n  \
         en: {en_text}\n# price: {{ amount: 25000, per: {{ id: per bungkus, en: per pack }} }}   # whole rupiah, no dots\n\
         images: []   # - {{ src: foto.jpg, alt: {{ id: …, en: … }} }}\nprograms: []\n\
         # order: {{ whatsapp: \"+62 …\", marketplace: [{{ name: …, url: https://… }}] }}\n\
         certifications: []   # e.g. [P-IRT, Halal]\ndraft: true   # false publishes it\n",
        name = yaml_string(name),
        id_text = PLACEHOLDERS[0],
        en_text = PLACEHOLDERS[1],
        category = categories.first().copied().unwrap_or("pangan"),
        all = categories.join(", "),
    )
}
