//! Values given per language: written once (the same in every language) or as a map by language code.

use std::collections::BTreeMap;

use serde::Deserialize;

/// A value written once for every language, or per language code (`{ id: …, en: … }`).
#[derive(Debug, Clone, Deserialize, PartialEq, Eq, Hash, schemars::JsonSchema)]
#[serde(untagged)]
pub enum Localized<T> {
    Same(T),
    PerLanguage(BTreeMap<String, T>),
}

impl<T> Localized<T> {
    /// The value for `lang`, if it is given for that language.
    pub fn get(&self, lang: &str) -> Option<&T> {
        match self {
            Localized::Same(value) => Some(value),
            Localized::PerLanguage(map) => map.get(lang),
        }
    }

    /// The value for `lang`, falling back to `fallback` (the site's first language).
    pub fn get_or(&self, lang: &str, fallback: &str) -> Option<&T> {
        self.get(lang).or_else(|| self.get(fallback))
    }

    /// The language codes the value names explicitly (none when written once).
    pub fn languages(&self) -> impl Iterator<Item = &str> {
        let keys = match self {
            Localized::Same(_) => None,
            Localized::PerLanguage(map) => Some(map.keys().map(String::as_str)),
        };
        keys.into_iter().flatten()
    }
}
