//! Units and offices (`content/units/<id>.yaml`): the correctional units (Lapas, Rutan, LPKA,
//! Bapas, …) and their regional offices. A unit page shows the unit's profile and contacts,
//! its products, its award news and its news (paginated); the directory lists every unit.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use serde_json::{Value as Json, json};
use serde_saphyr::Spanned;

use super::{Kind, Scope, Site};
use crate::config::{Config, is_slug};
use crate::content::{self, Folder, RawFile, Sheet, Source};
use crate::error::{Diagnostic, Diagnostics, Error, suggestion};
use crate::ids::{LangId, PageNo, PerLang, Table, UnitId};
use crate::localized::Localized;
use crate::messages::Reference;
use crate::render::layout::percent_encode;
use crate::render::{Head, ItemId, Output, Pager, Place, View, layout::paged_title};
use crate::scaffold::{NewFile, yaml_string};
use crate::site::fields::{self, at};
use crate::site::fingerprint::Fingerprints;
use crate::site::lists::{ItemRef, ListKey, Lists, Target};
use crate::site::names::Names;
use crate::site::urls::{Section, paged};
use crate::site::{Owner, Report, Resolve};

/// A unit's profile, as written.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnitSheet {
    pub name: Localized<String>,
    #[serde(rename = "type")]
    pub kind: UnitKind,
    #[serde(default)]
    pub class: Option<String>,
    /// Left out when the unit's name says it (a regional office).
    #[serde(default)]
    pub city: String,
    pub region: String,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub contact: ContactSheet,
    /// The contact for the press (the unit's humas), shown under its stories; the unit's
    /// own contact when not given.
    #[serde(default)]
    pub press: Option<ContactSheet>,
    /// When the unit is open for visits or sales, per language: `Senin–Jumat 08.00–15.00 WIB`.
    #[serde(default)]
    pub hours: Option<Localized<String>>,
    /// A link to the unit on a map (an absolute `https://` address); without it, a map
    /// search for the address is linked when the address is given.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub map: Option<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub parent: Option<Spanned<String>>,
    /// Markdown.
    #[serde(default)]
    pub description: Option<Localized<String>>,
}

/// The kinds of correctional units and offices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    Kanwil,
    Lapas,
    Lpp,
    Rutan,
    Cabrutan,
    Lpka,
    Bapas,
    Other,
}

impl UnitKind {
    /// Every kind, in the order the schema lists them.
    pub const ALL: [UnitKind; 8] = [
        UnitKind::Kanwil,
        UnitKind::Lapas,
        UnitKind::Lpp,
        UnitKind::Rutan,
        UnitKind::Cabrutan,
        UnitKind::Lpka,
        UnitKind::Bapas,
        UnitKind::Other,
    ];

    /// The kind a unit's name says: `Rutan Kelas I Palembang` is a rutan.
    pub fn guess(name: &str) -> UnitKind {
        let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
        let first = words.first().map(String::as_str).unwrap_or_default();
        let women = words.iter().any(|w| w == "perempuan" || w == "wanita");
        match first {
            "lapas" if women => UnitKind::Lpp,
            "lapas" => UnitKind::Lapas,
            "lpp" => UnitKind::Lpp,
            "rutan" => UnitKind::Rutan,
            "cabrutan" | "cabang" => UnitKind::Cabrutan,
            "lpka" => UnitKind::Lpka,
            "bapas" => UnitKind::Bapas,
            "kanwil" | "kantor" => UnitKind::Kanwil,
            _ => UnitKind::Other,
        }
    }

    /// The kind written as `key` in a unit profile.
    pub fn from_key(key: &str) -> Option<UnitKind> {
        UnitKind::ALL.into_iter().find(|kind| kind.key() == key)
    }

    pub fn key(self) -> &'static str {
        match self {
            UnitKind::Kanwil => "kanwil",
            UnitKind::Lapas => "lapas",
            UnitKind::Lpp => "lpp",
            UnitKind::Rutan => "rutan",
            UnitKind::Cabrutan => "cabrutan",
            UnitKind::Lpka => "lpka",
            UnitKind::Bapas => "bapas",
            UnitKind::Other => "other",
        }
    }
}

/// How to reach a unit, as written; every key optional.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ContactSheet {
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub phone: Option<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub email: Option<Spanned<String>>,
    /// An absolute `https://` address.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub website: Option<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub whatsapp: Option<Spanned<String>>,
    /// `true` marks these contacts as examples on the page ("contoh"), for demo and
    /// training sites.
    #[serde(default)]
    pub example: bool,
}

/// A unit's contacts, checked: each is safe to put in a link.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct Contact {
    pub phone: Option<String>,
    pub email: Option<String>,
    /// An absolute `http(s)` address.
    pub website: Option<String>,
    /// Digits of the WhatsApp number, country code first (`6281…`).
    pub whatsapp: Option<String>,
    /// Marked as examples on the page.
    pub example: bool,
}

impl Contact {
    /// Whether it gives a way to reach the unit by phone, WhatsApp or e-mail.
    pub fn reachable(&self) -> bool {
        self.phone.is_some() || self.whatsapp.is_some() || self.email.is_some()
    }
}

/// A unit, resolved.
#[derive(Debug, Clone, Hash)]
pub struct Unit {
    pub id: String,
    pub name: Localized<String>,
    pub kind: UnitKind,
    pub class: Option<String>,
    pub city: String,
    pub region: String,
    pub address: Option<String>,
    pub contact: Contact,
    /// The press contact, when it differs from `contact`.
    pub press: Option<Contact>,
    pub hours: Option<Localized<String>>,
    /// A map link, checked by the URL rule (or a map search for the address).
    pub map: Option<String>,
    pub parent: Option<UnitId>,
    /// The units whose parent office this is.
    pub children: Vec<UnitId>,
    /// The description per language, rendered.
    pub html: PerLang<Option<String>>,
    /// The unit's page in each language (its first page, for a unit with many stories).
    pub urls: PerLang<String>,
    pub file: PathBuf,
}

#[derive(Debug, Default)]
pub struct Items {
    pub units: Table<UnitId, Unit>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Page {
    Directory(LangId),
    Unit(UnitId, LangId, PageNo),
}

impl ItemId<super::Items> for UnitId {
    type Item = Unit;

    fn get(self, items: &super::Items) -> &Unit {
        &items.units.units[self]
    }

    fn item_ref(self) -> ItemRef {
        ItemRef::new(Units::NAME, self.key())
    }
}

pub struct Units;

/// The sheets in directory order: by name in the first language, then id.
fn ordered<'a>(files: &'a Folder<Sheet<UnitSheet>>, config: &Config) -> Vec<&'a Sheet<UnitSheet>> {
    let first = config.languages[0].code.as_str();
    let mut sheets: Vec<_> = files.parsed().collect();
    sheets.sort_by_cached_key(|s| {
        (
            s.data.name.get_or(first, first).cloned().unwrap_or_default(),
            s.id.clone(),
        )
    });
    sheets
}

impl Kind for Units {
    const NAME: &'static str = "units";
    const SECTIONS: &'static [Section] = &[Section {
        key: "units",
        word: "units",
        menu: Some(3),
    }];
    type File = Sheet<UnitSheet>;
    type Items = Items;
    type Page = Page;

    fn parse(file: &RawFile, _config: &Config) -> Result<Self::File, Diagnostic> {
        content::sheet(file)
    }

    fn declare(files: &Folder<Self::File>, cx: &Resolve, names: &mut Names) {
        for sheet in ordered(files, cx.config) {
            names
                .units
                .insert(sheet.id.clone(), UnitId::of_file(&sheet.source.file));
            let label = crate::site::text(cx.config, &sheet.data.name, LangId::FIRST);
            names.labels.insert(("units", sheet.id.clone()), label.to_string());
        }
        names.broken.extend(
            files
                .failed()
                .filter_map(|f| f.file_stem())
                .map(|s| s.to_string_lossy().into_owned()),
        );
    }

    fn resolve(files: &Folder<Self::File>, cx: &Resolve, report: &mut Report) -> Items {
        let sheets = ordered(files, cx.config);
        let units: Vec<Unit> = sheets.iter().map(|sheet| unit(cx, sheet, report)).collect();
        parent_loops(&sheets, &mut report.errors);
        let mut units = Table::new(units, |unit| UnitId::of_file(&unit.file));
        let children: Vec<(UnitId, UnitId)> = units.iter().filter_map(|(id, unit)| Some((unit.parent?, id))).collect();
        for (parent, child) in children {
            if let Some(parent) = units.get_mut(parent) {
                parent.children.push(child);
            }
        }
        Items { units }
    }

    fn list(items: &Items, cx: &Resolve, lists: &mut Lists) {
        for lang in LangId::all(cx.languages()) {
            for id in items.units.ids() {
                lists.push(ListKey::all("units", lang), id.item_ref());
            }
        }
    }

    fn fingerprints(items: &Items, out: &mut Fingerprints) {
        out.table(Units::NAME, &items.units);
    }

    fn photos(_items: &Items) -> Vec<crate::media::PhotoUse<'_>> {
        Vec::new()
    }

    /// A card for each unit in each language: its name over its city and region.
    fn share_cards(site: &Site) -> Vec<crate::media::ShareCard> {
        let mut cards = Vec::new();
        for unit in site.items.units.units.values() {
            for lang in site.langs() {
                let place = format!(
                    "{}, {}",
                    crate::site::place(&site.config, &unit.city, lang),
                    crate::site::place(&site.config, &unit.region, lang)
                );
                cards.push(super::share_card(
                    site,
                    Units::NAME,
                    &unit.id,
                    lang,
                    site.text(&unit.name, lang),
                    &place,
                ));
            }
        }
        cards
    }

    fn pages(site: &Site) -> Vec<Page> {
        let per_page = site.config.news_per_page;
        let mut pages = Vec::new();
        for lang in site.langs() {
            pages.push(Page::Directory(lang));
            for unit in site.items.units.units.ids() {
                let stories = site.lists.get(ListKey::about("news", lang, Target::Unit(unit))).len();
                pages.extend(PageNo::all(stories, per_page).map(|page| Page::Unit(unit, lang, page)));
            }
        }
        pages
    }

    fn place(site: &Site, page: Page) -> Place {
        match page {
            Page::Directory(lang) => Place::page(site.urls.section(lang, "units"), lang, Owner::Config),
            Page::Unit(id, lang, number) => {
                let unit = &site.items.units.units[id];
                let url = paged(unit.urls[lang].clone(), number);
                Place::page(url, lang, Owner::File(unit.file.clone()))
            }
        }
    }

    fn translation(scope: &Scope, page: Page, to: LangId) -> Option<Page> {
        match page {
            Page::Directory(_) => Some(Page::Directory(to)),
            Page::Unit(id, _, number) => {
                let stories = scope.list(ListKey::about("news", to, Target::Unit(id))).len();
                let per_page = scope.config().news_per_page;
                (number.get() <= PageNo::all(stories, per_page).count()).then_some(Page::Unit(id, to, number))
            }
        }
    }

    fn view(scope: &Scope, page: Page) -> Result<Output, Error> {
        match page {
            Page::Directory(lang) => {
                let title = scope.t("nav_units");
                let head = Head::new(title.clone(), scope.t("units_description"), "units")
                    .crumb(title, scope.urls().section(lang, "units"));
                View::new("units.html", head)
                    .value("units", scope.cards(scope.list(ListKey::all("units", lang))))
                    .output()
            }
            Page::Unit(id, _, number) => unit_view(scope, id, number),
        }
    }

    fn cards(site: &Site) -> Vec<(ItemRef, LangId)> {
        site.items
            .units
            .units
            .ids()
            .flat_map(|id| site.langs().map(move |lang| (id.item_ref(), lang)))
            .collect()
    }

    fn schema() -> Option<(&'static str, serde_json::Value)> {
        Some((
            "unit.schema.json",
            crate::schema::schema::<UnitSheet>("A unit profile (content/units/*.yaml)"),
        ))
    }

    const NEW: Option<&'static str> = Some("unit");

    fn new_files(request: &NewFile) -> Result<Vec<(PathBuf, String)>, Error> {
        let path = request.folder(Units::NAME).join(format!("{}.yaml", request.slug()?));
        Ok(vec![(path, starter(&request.title, request.city.as_deref()))])
    }

    fn card(scope: &Scope, item: ItemRef) -> Option<tera::Value> {
        (item.kind == Units::NAME).then(|| {
            let id = UnitId::from_key(item.key);
            let unit = scope.item(id);
            tera::Value::from_serializable(&UnitCard {
                name: scope.text(&unit.name),
                url: url(scope, id),
                kind: kind_label(scope, unit.kind),
                city: scope.place(&unit.city),
                region: scope.place(&unit.region),
            })
        })
    }
}

fn unit(cx: &Resolve, sheet: &Sheet<UnitSheet>, report: &mut Report) -> Unit {
    let problems = &mut report.errors;
    let (data, source) = (&sheet.data, &sheet.source);
    if !is_slug(&sheet.id) {
        problems.push(fields::bad_file_name(source));
    }
    fields::languages(cx.config, source, &data.name, problems);
    let parent = data
        .parent
        .as_ref()
        .and_then(|parent| parent_of(cx, sheet, parent, problems));
    if let Some(description) = &data.description {
        fields::languages(cx.config, source, description, problems);
        for text in description_texts(description) {
            cx.check_description(source, text, report);
        }
    }
    Unit {
        id: sheet.id.clone(),
        name: data.name.clone(),
        kind: data.kind,
        class: data.class.clone(),
        city: data.city.clone(),
        region: data.region.clone(),
        address: data.address.clone(),
        contact: contact(source, &data.contact, &mut report.errors),
        press: data
            .press
            .as_ref()
            .map(|press| contact(source, press, &mut report.errors)),
        hours: data.hours.clone(),
        map: match &data.map {
            Some(map) => fields::web_address(source, map, &mut report.errors),
            None => data.address.as_ref().map(|address| {
                let query = format!("{address}, {}, {}", data.city, data.region);
                format!(
                    "https://www.openstreetmap.org/search?query={}",
                    crate::render::layout::percent_encode(&query)
                )
            }),
        },
        parent,
        children: Vec::new(),
        html: fields::per_language(cx.config, data.description.as_ref(), |text| cx.markdown.to_html(text)),
        urls: PerLang::build(cx.languages(), |lang| cx.urls.item(lang, "units", &sheet.id)),
        file: source.file.clone(),
    }
}

fn description_texts(description: &Localized<String>) -> Vec<&String> {
    match description {
        Localized::Same(text) => vec![text],
        Localized::PerLanguage(map) => map.values().collect(),
    }
}

fn parent_of(
    cx: &Resolve,
    sheet: &Sheet<UnitSheet>,
    parent: &Spanned<String>,
    problems: &mut Diagnostics,
) -> Option<UnitId> {
    if parent.value == sheet.id {
        problems.push(at(&sheet.source, parent, Reference::OwnParent).with_hint(Reference::HintParentName));
        return None;
    }
    let found = cx.names.units.get(parent.value.as_str()).copied();
    if found.is_none() && !cx.names.broken.contains(&parent.value) {
        problems.push(
            at(
                &sheet.source,
                parent,
                Reference::UnknownParent {
                    id: parent.value.clone(),
                },
            )
            .with_hint(suggestion(&parent.value, cx.names.units.keys().map(String::as_str))),
        );
    }
    found
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
        let mut seen = HashSet::from([sheet.id.as_str()]);
        let mut next = parents.get(sheet.id.as_str()).copied();
        while let Some(unit) = next {
            chain.push(unit);
            if unit == sheet.id {
                problems.push(
                    at(
                        &sheet.source,
                        parent,
                        Reference::ParentLoop {
                            chain: chain.join(" → "),
                        },
                    )
                    .with_hint(Reference::HintParentLoop),
                );
                break;
            }
            if !seen.insert(unit) {
                break; // a loop further up, reported at its own units
            }
            next = parents.get(unit).copied();
        }
    }
}

/// A unit's contacts, each checked so that it is safe in a link: a web address by the one URL
/// rule, an e-mail address and phone numbers by their shape.
fn contact(source: &Source, contact: &ContactSheet, problems: &mut Diagnostics) -> Contact {
    Contact {
        phone: contact
            .phone
            .as_ref()
            .and_then(|number| fields::phone_digits(source, number, problems).map(|_| number.value.trim().to_string())),
        email: contact
            .email
            .as_ref()
            .and_then(|email| fields::email(source, email, problems)),
        website: contact
            .website
            .as_ref()
            .and_then(|url| fields::web_address(source, url, problems)),
        whatsapp: contact
            .whatsapp
            .as_ref()
            .and_then(|number| fields::phone_digits(source, number, problems)),
        example: contact.example,
    }
}

/// One way to reach a unit, as a working link: `tel:`, `https://wa.me/…`, `mailto:` or the
/// unit's website.
#[derive(Debug, Clone, Serialize)]
pub struct ContactLink {
    /// `phone`, `whatsapp`, `email` or `website`: what the theme labels it with.
    pub kind: &'static str,
    pub label: String,
    pub href: String,
    /// What the link shows: the number or address as written.
    pub text: String,
}

/// The contacts of `contact` as links; a WhatsApp link carries `message` when given (the
/// product an order is for). Every value was checked when the unit was read.
pub fn contact_links(scope: &Scope, contact: &Contact, message: Option<&str>) -> Vec<ContactLink> {
    let mut links = Vec::new();
    if let Some(digits) = &contact.whatsapp {
        let href = match message {
            Some(message) => format!("https://wa.me/{digits}?text={}", percent_encode(message)),
            None => format!("https://wa.me/{digits}"),
        };
        links.push(ContactLink {
            kind: "whatsapp",
            label: scope.t("whatsapp"),
            href,
            text: readable_number(digits),
        });
    }
    if let Some(phone) = &contact.phone {
        let digits = fields::whatsapp_digits(phone).unwrap_or_default();
        links.push(ContactLink {
            kind: "phone",
            label: scope.t("phone"),
            href: format!("tel:+{digits}"),
            text: phone.clone(),
        });
    }
    if let Some(email) = &contact.email {
        let href = match message {
            Some(message) => format!("mailto:{email}?subject={}", percent_encode(message)),
            None => format!("mailto:{email}"),
        };
        links.push(ContactLink {
            kind: "email",
            label: scope.t("email"),
            href,
            text: email.clone(),
        });
    }
    if let Some(website) = &contact.website {
        links.push(ContactLink {
            kind: "website",
            label: scope.t("website"),
            href: website.clone(),
            text: website.clone(),
        });
    }
    links
}

/// Digits of a number, country code first, as people read them: `6281200000001` →
/// `+62 812-0000-0001`.
fn readable_number(digits: &str) -> String {
    let Some(local) = digits.strip_prefix("62") else {
        return format!("+{digits}");
    };
    let (head, rest) = local.split_at(local.len().min(3));
    let groups: Vec<&str> = rest
        .as_bytes()
        .chunks(4)
        .filter_map(|c| std::str::from_utf8(c).ok())
        .collect();
    if groups.is_empty() {
        format!("+62 {head}")
    } else {
        format!("+62 {head}-{}", groups.join("-"))
    }
}

/// A unit's contacts for a page: the links and whether they are examples.
#[derive(Debug, Clone, Serialize)]
pub struct Contacts {
    pub links: Vec<ContactLink>,
    pub example: bool,
}

impl Contacts {
    pub fn new(scope: &Scope, contact: &Contact, message: Option<&str>) -> Contacts {
        Contacts {
            links: contact_links(scope, contact, message),
            example: contact.example,
        }
    }
}

/// The press contact of a unit, shown under its stories: its `press` contact, else its own.
pub fn press_contacts(scope: &Scope, id: UnitId) -> Contacts {
    let unit = scope.item(id);
    let contact = unit.press.as_ref().unwrap_or(&unit.contact);
    let mut contacts = Contacts::new(scope, contact, None);
    contacts.links.retain(|link| link.kind != "website");
    contacts
}

/// A link to a unit's page in the scope's language.
#[derive(Debug, Clone, Serialize)]
pub struct Link {
    pub name: String,
    pub url: String,
}

/// The URL of a unit's page in the scope's language.
pub fn url(scope: &Scope, id: UnitId) -> String {
    scope.item(id).urls[scope.lang()].clone()
}

/// A link to a unit's page in the scope's language.
pub fn link(scope: &Scope, id: UnitId) -> Link {
    Link {
        name: scope.text(&scope.item(id).name).to_string(),
        url: url(scope, id),
    }
}

fn kind_label(scope: &Scope, kind: UnitKind) -> String {
    scope.t(&format!("unit_kind_{}", kind.key()))
}

#[derive(Serialize)]
struct UnitCard<'a> {
    name: &'a str,
    url: String,
    kind: String,
    city: &'a str,
    region: &'a str,
}

/// A unit as a schema.org `GovernmentOrganization`; `full` adds its address, contacts and parent.
pub fn organization(scope: &Scope, id: UnitId, full: bool) -> Json {
    let unit = scope.item(id);
    let mut value = json!({
        "@type": "GovernmentOrganization",
        "name": scope.text(&unit.name),
        "url": scope.urls().absolute(&url(scope, id)),
    });
    if full {
        let mut address = json!({
            "@type": "PostalAddress",
            "addressLocality": (!unit.city.is_empty()).then(|| scope.place(&unit.city)),
            "addressRegion": scope.place(&unit.region),
            "addressCountry": "ID",
        });
        if let Some(street) = &unit.address {
            address["streetAddress"] = json!(street);
        }
        value["address"] = address;
        if let Some(phone) = &unit.contact.phone {
            value["telephone"] = json!(phone);
        }
        if let Some(email) = &unit.contact.email {
            value["email"] = json!(email);
        }
        if let Some(parent) = unit.parent {
            value["parentOrganization"] = organization(scope, parent, false);
        }
    }
    value
}

/// What the unit page's template shows of the unit.
#[derive(Serialize)]
struct UnitView<'a> {
    name: &'a str,
    kind: String,
    class: Option<&'a str>,
    city: &'a str,
    region: &'a str,
    address: Option<&'a str>,
    contacts: Contacts,
    hours: Option<&'a str>,
    map: Option<&'a str>,
    parent: Option<Link>,
    children: Vec<Link>,
    html: Option<&'a str>,
}

fn unit_view(scope: &Scope, id: UnitId, page: PageNo) -> Result<Output, Error> {
    let lang = scope.lang();
    let unit = scope.item(id);
    let name = scope.text(&unit.name).to_string();
    let view = UnitView {
        name: &name,
        kind: kind_label(scope, unit.kind),
        class: unit.class.as_deref(),
        city: scope.place(&unit.city),
        region: scope.place(&unit.region),
        address: unit.address.as_deref(),
        contacts: Contacts::new(scope, &unit.contact, None),
        hours: unit.hours.as_ref().map(|hours| scope.text(hours)),
        map: unit.map.as_deref(),
        parent: unit.parent.map(|p| link(scope, p)),
        children: unit.children.iter().map(|&child| link(scope, child)).collect(),
        html: unit.html[lang].as_deref(),
    };
    let about = Target::Unit(id);
    let stories = scope.list(ListKey::about("news", lang, about));
    let per_page = scope.config().news_per_page;
    let awards = if page.is_first() {
        scope.cards(scope.list(ListKey::about("awards", lang, about)))
    } else {
        tera::Value::from(Vec::<tera::Value>::new())
    };
    let title = paged_title(name.clone(), page, &scope.t("page"));
    let (city, region) = (scope.place(&unit.city), scope.place(&unit.region));
    let place = if city.is_empty() {
        region.to_string()
    } else {
        format!("{city}, {region}")
    };
    let head = Head::new(title, format!("{name} — {place}"), "units")
        .crumb(scope.t("nav_units"), scope.urls().section(lang, "units"))
        .crumb(name.clone(), url(scope, id))
        .jsonld(organization(scope, id, true))
        .og("website", super::card_image(scope, Units::NAME, &unit.id, &name));
    View::new("unit.html", head)
        .with("unit", view)
        .value("stories", scope.cards(page.slice(stories, per_page)))
        .with(
            "pager",
            Pager::new(page, stories.len(), per_page, |p| paged(unit.urls[lang].clone(), p)),
        )
        .value(
            "products",
            scope.cards(scope.list(ListKey::about("products", lang, about))),
        )
        .value("awards", awards)
        .with("related", super::related(scope, about))
        .output()
}

/// A new unit profile: its type read from its name.
fn starter(name: &str, city: Option<&str>) -> String {
    let kind = UnitKind::guess(name);
    let city = match city.map(str::to_string).or_else(|| guess_city(name, kind)) {
        Some(city) => format!("city: {}\n", yaml_string(city.trim())),
        None => "# city: …   # the city the unit is in\n".to_string(),
    };
    format!(
        "name: {name}\ntype: {kind}   # kanwil, lapas, lpp, rutan, cabrutan, lpka, bapas, other\n{class}\
         {city}region: Sumatera Selatan\n# address: …\n# contact: {{ phone: …, email: …, website: … }}\n\
         # parent: kanwil-ditjenpas-sumsel\n",
        name = yaml_string(name),
        kind = kind.key(),
        class = match guess_class(name) {
            Some(class) => format!("class: {}\n", yaml_string(&class)),
            None => "# class: IIA\n".to_string(),
        },
    )
}

/// The class written after `Kelas` in a unit's name (`Lapas Kelas IIA Lahat` → `IIA`).
pub fn guess_class(name: &str) -> Option<String> {
    let mut words = name.split_whitespace();
    words.find(|w| w.eq_ignore_ascii_case("kelas"))?;
    words.next().map(String::from)
}

/// The city a unit's name ends with: what follows its class (`Rutan Kelas I Palembang`), or
/// its type (`Bapas Palembang`). A regional office is named after its province, not a city.
pub fn guess_city(name: &str, kind: UnitKind) -> Option<String> {
    if matches!(kind, UnitKind::Kanwil | UnitKind::Other) {
        return None;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    let after = match words.iter().position(|w| w.eq_ignore_ascii_case("kelas")) {
        Some(ix) => ix + 2,
        None => {
            let kind_words = [
                "lapas",
                "lpp",
                "rutan",
                "cabrutan",
                "cabang",
                "lpka",
                "bapas",
                "perempuan",
                "wanita",
                "narkotika",
                "terbuka",
            ];
            words
                .iter()
                .take_while(|w| kind_words.contains(&w.to_lowercase().as_str()))
                .count()
        }
    };
    let city = words.get(after..)?.join(" ");
    (!city.is_empty()).then_some(city)
}
