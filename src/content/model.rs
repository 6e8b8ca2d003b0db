//! The file formats writers edit, as typed serde structs. Unknown keys are rejected so that a
//! misspelt key is reported instead of silently ignored; references keep their position
//! (`Spanned`) so that a dangling one can be pointed at.

use schemars::JsonSchema;
use serde::Deserialize;
use serde_saphyr::Spanned;

use crate::localized::Localized;

/// Front matter of a press release.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NewsFront {
    pub title: String,
    /// `YYYY-MM-DD`.
    #[schemars(with = "String")]
    pub date: Spanned<String>,
    /// `HH:MM`, local time in the site's zone.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub time: Option<Spanned<String>>,
    /// A unit id (a file stem in `content/units/`).
    #[schemars(with = "String")]
    pub unit: Spanned<String>,
    pub summary: String,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub programs: Vec<Spanned<String>>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub products: Vec<Spanned<String>>,
    #[serde(default)]
    pub image: Option<ImageRef<String>>,
    #[serde(default)]
    pub award: Option<Award>,
    #[serde(default)]
    pub source: Option<String>,
    #[serde(default)]
    pub draft: bool,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub slug: Option<Spanned<String>>,
}

/// The award a story reports; its presence makes the story award news.
#[derive(Debug, Clone, Deserialize, serde::Serialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Award {
    pub name: String,
    pub giver: String,
    #[serde(default)]
    pub event: Option<String>,
}

/// An image in `content/media/` with its alt text.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ImageRef<Alt> {
    #[schemars(with = "String")]
    pub src: Spanned<String>,
    pub alt: Alt,
}

/// Front matter of a plain page.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PageFront {
    pub title: String,
    #[serde(default)]
    pub summary: Option<String>,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub slug: Option<Spanned<String>>,
    /// Position in the footer menu; pages without one are not listed there.
    #[serde(default)]
    pub menu: Option<u32>,
    #[serde(default)]
    pub draft: bool,
}

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
    pub price: Option<Price>,
    #[serde(default)]
    pub images: Vec<ImageRef<Localized<String>>>,
    #[serde(default)]
    #[schemars(with = "Vec<String>")]
    pub programs: Vec<Spanned<String>>,
    #[serde(default)]
    pub order: Option<Order>,
    #[serde(default)]
    pub certifications: Vec<String>,
    /// `true` keeps the product out of the site (published with `--drafts`).
    #[serde(default)]
    pub draft: bool,
}

/// A price in whole rupiah, with its unit of sale (`per 250 g`).
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Price {
    /// Whole rupiah, without dots: 25000. (An amount under 100 is the dot mistake: YAML
    /// reads `25.000` as 25.)
    #[schemars(range(min = 100))]
    pub amount: u64,
    #[serde(default)]
    pub per: Option<Localized<String>>,
}

/// Where a product can be ordered.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Order {
    /// A phone number; becomes a `wa.me` link.
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub whatsapp: Option<Spanned<String>>,
    #[serde(default)]
    pub marketplace: Vec<Marketplace>,
}

#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Marketplace {
    pub name: String,
    #[schemars(with = "String")]
    pub url: Spanned<String>,
}

/// A unit (UPT) or office profile.
#[derive(Debug, Clone, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct UnitSheet {
    pub name: Localized<String>,
    #[serde(rename = "type")]
    pub kind: UnitKind,
    #[serde(default)]
    pub class: Option<String>,
    pub city: String,
    pub region: String,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub contact: Contact,
    #[serde(default)]
    #[schemars(with = "Option<String>")]
    pub parent: Option<Spanned<String>>,
    /// Markdown.
    #[serde(default)]
    pub description: Option<Localized<String>>,
}

/// The kinds of correctional units and offices.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, serde::Serialize, JsonSchema)]
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

/// How to reach a unit; every key optional.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Contact {
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
}

/// A controlled vocabulary of programme tags (e.g. the eight Asta Cita missions).
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
    #[serde(default)]
    pub description: Option<Localized<String>>,
}
