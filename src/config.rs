//! The site configuration: `etalase.yaml`, its defaults and its validation.

use std::collections::BTreeMap;
use std::path::Path;

use serde::Deserialize;

use crate::error::{Diagnostic, Diagnostics, Error, IoContext};
use crate::localized::Localized;
use crate::messages::{self, Config as Problem, Content as Msg, Output};
use crate::yaml;

pub const CONFIG_FILE: &str = "etalase.yaml";

/// `etalase.yaml`, validated.
#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// Absolute URL of the published site, without a trailing slash.
    pub base_url: String,
    #[serde(default = "default_theme")]
    pub theme: String,
    pub title: Localized<String>,
    /// A short name of the site, after each page's own title in the browser's tab and in
    /// search results (`Etalase Sumsel`); the title when not given.
    #[serde(default)]
    pub short_title: Option<Localized<String>>,
    #[serde(default)]
    pub description: Option<Localized<String>>,
    #[serde(default)]
    pub timezone: Timezone,
    #[serde(default = "default_per_page")]
    pub news_per_page: usize,
    /// The first language is served at the site root.
    pub languages: Vec<Language>,
    /// Product categories, in display order.
    #[serde(default)]
    #[schemars(with = "std::collections::BTreeMap<String, Localized<String>>")]
    pub categories: Categories,
    /// City and region names in other languages, by the name unit profiles write:
    /// `Sumatera Selatan: { en: South Sumatra }`. A name not listed is shown as written.
    #[serde(default)]
    pub places: BTreeMap<String, Localized<String>>,
    /// Notes in the footer of every page (what the site's photos are, who runs it), per
    /// language; none by default.
    #[serde(default)]
    pub footer: Option<Localized<String>>,
    /// The file's text, to point at its lines in later checks.
    #[serde(skip)]
    #[schemars(skip)]
    pub text: String,
}

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Language {
    pub code: String,
    pub name: String,
    /// Open Graph locale, e.g. `id_ID`.
    pub locale: String,
    /// The URL word of each section in this language (`news: berita`); a section not listed
    /// keeps its default word.
    #[serde(default)]
    pub sections: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Timezone {
    /// UTC offset of times written in content, `+07:00`.
    pub offset: String,
    /// Shown after times, e.g. `WIB`.
    pub label: String,
}

impl Default for Timezone {
    fn default() -> Self {
        Timezone {
            offset: "+07:00".into(),
            label: "WIB".into(),
        }
    }
}

/// Product categories: key → label per language, in the order written.
#[derive(Debug, Clone, Default)]
pub struct Categories(pub Vec<(String, Localized<String>)>);

impl<'de> Deserialize<'de> for Categories {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // A sequence of one-key maps keeps the order; so does a plain map read in order.
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Categories;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a map of category keys to labels")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Categories, A::Error> {
                let mut entries = Vec::new();
                while let Some((key, label)) = map.next_entry::<String, Localized<String>>()? {
                    entries.push((key, label));
                }
                Ok(Categories(entries))
            }
        }
        deserializer.deserialize_map(Visitor)
    }
}

impl Categories {
    pub fn position(&self, key: &str) -> Option<usize> {
        self.0.iter().position(|(k, _)| k == key)
    }

    pub fn keys(&self) -> impl Iterator<Item = &str> + Clone {
        self.0.iter().map(|(k, _)| k.as_str())
    }
}

fn default_theme() -> String {
    "default".into()
}
fn default_per_page() -> usize {
    10
}

impl Config {
    /// Reads and validates `etalase.yaml` in `root`.
    pub fn load(root: &Path) -> Result<Config, Error> {
        let path = root.join(CONFIG_FILE);
        if !path.is_file() {
            return Err(Diagnostic::new(CONFIG_FILE, Msg::ConfigMissing)
                .with_hint(Msg::HintConfigMissing {
                    path: messages::Path(path),
                })
                .into());
        }
        let bytes = std::fs::read(&path).io(Output::CannotRead, &path)?;
        let text = yaml::decode_utf8(Path::new(CONFIG_FILE), &bytes)?;
        Config::parse(text)
    }

    /// Reads and validates the text of `etalase.yaml`.
    pub fn parse(text: String) -> Result<Config, Error> {
        let blank = text
            .lines()
            .map(str::trim)
            .all(|line| line.is_empty() || line.starts_with('#') || line == "---");
        if blank {
            return Err(Diagnostic::new(CONFIG_FILE, Problem::Empty)
                .at(&text, 1, 1)
                .with_hint(Problem::HintStart)
                .into());
        }
        let mut config: Config = yaml::parse(Path::new(CONFIG_FILE), &text)?;
        config.validate(&text)?;
        config.text = text;
        Ok(config)
    }

    fn validate(&self, text: &str) -> Result<(), Diagnostics> {
        // Each problem is placed at the first line that holds the value it names.
        let error = |needle: &str, message: Problem, hint: Problem| {
            let diagnostic = Diagnostic::new(CONFIG_FILE, message).with_hint(hint);
            match yaml::find_line(text, needle) {
                Some((line, column)) if !needle.is_empty() => diagnostic.at(text, line, column),
                _ => diagnostic,
            }
        };
        let mut problems = Diagnostics::default();
        if crate::web_url::check(&self.base_url).is_err() {
            let value = self.base_url.clone();
            problems.push(error(&self.base_url, Problem::BaseUrl { value }, Problem::HintScheme));
        }
        if self.languages.is_empty() {
            problems.push(error("languages", Problem::NoLanguages, Problem::HintListLanguage));
        }
        let mut seen = Vec::new();
        for language in &self.languages {
            let code = language.code.clone();
            if !is_slug(&code) {
                problems.push(error(
                    &code,
                    Problem::BadLanguageCode { code: code.clone() },
                    Problem::HintLanguageCode,
                ));
            }
            if seen.contains(&&language.code) {
                problems.push(error(
                    &code,
                    Problem::LanguageTwice { code: code.clone() },
                    Problem::HintListOnce,
                ));
            }
            seen.push(&language.code);
        }
        if self.news_per_page == 0 {
            problems.push(error("news_per_page", Problem::ZeroPerPage, Problem::HintPerPage));
        }
        if self.timezone_offset().is_none() {
            let offset = self.timezone.offset.clone();
            problems.push(error(
                &offset,
                Problem::BadOffset { offset: offset.clone() },
                Problem::HintOffset,
            ));
        }
        for (key, _) in &self.categories.0 {
            if !is_slug(key) {
                problems.push(error(
                    key,
                    Problem::BadCategoryKey { key: key.clone() },
                    Problem::HintKey,
                ));
            }
        }
        problems.into_result(())
    }

    /// The site's base URL without a trailing slash.
    pub fn base_url(&self) -> &str {
        self.base_url.trim_end_matches('/')
    }

    /// The first language: served at the root, and the fallback for every missing string.
    pub fn default_language(&self) -> &Language {
        &self.languages[0]
    }

    pub fn language(&self, code: &str) -> Option<&Language> {
        self.languages.iter().find(|l| l.code == code)
    }

    /// The language `lang` of this site.
    pub fn lang(&self, lang: crate::ids::LangId) -> &Language {
        &self.languages[lang.index()]
    }

    pub fn language_codes(&self) -> impl Iterator<Item = &str> + Clone {
        self.languages.iter().map(|l| l.code.as_str())
    }

    /// Today in the site's time zone — or the day `ETALASE_TODAY` names (`YYYY-MM-DD`), so that
    /// a preview or a test can show the agenda as it will look on another day.
    pub fn today(&self) -> jiff::civil::Date {
        if let Some(day) = std::env::var("ETALASE_TODAY").ok().and_then(|d| d.parse().ok()) {
            return day;
        }
        let offset =
            jiff::tz::Offset::from_seconds(self.timezone_offset().unwrap_or(7 * 3600)).unwrap_or(jiff::tz::Offset::UTC);
        jiff::Timestamp::now()
            .to_zoned(jiff::tz::TimeZone::fixed(offset))
            .date()
    }

    /// The configured offset, in seconds east of UTC.
    pub fn timezone_offset(&self) -> Option<i32> {
        let offset = &self.timezone.offset;
        let (sign, rest) = match offset.as_bytes().first()? {
            b'+' => (1, &offset[1..]),
            b'-' => (-1, &offset[1..]),
            _ => return None,
        };
        let (hours, minutes) = rest.split_once(':')?;
        let hours: i32 = hours.parse().ok()?;
        let minutes: i32 = minutes.parse().ok()?;
        (hours <= 14 && minutes < 60).then_some(sign * (hours * 3600 + minutes * 60))
    }
}

/// A URL path segment a writer may choose: lowercase ASCII letters, digits and inner hyphens.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with('-')
        && !s.ends_with('-')
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}
