//! The URL of every page, per language: the first language at the root, the others under
//! `/<code>/`, with the section words of `etalase.yaml` (each kind declares the sections it
//! needs and their default words).

use std::collections::HashMap;
use std::sync::Arc;

use crate::config::{CONFIG_FILE, Config, is_slug};
use crate::error::{Diagnostic, Diagnostics, suggestion};
use crate::ids::{LangId, PageNo, PerLang};
use crate::messages::{Config as Problem, Field, Message};

/// A section of the site whose URL word `etalase.yaml` may set per language (`news: berita`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Section {
    /// The key in `sections` of etalase.yaml.
    pub key: &'static str,
    /// The word used when etalase.yaml sets none.
    pub word: &'static str,
    /// Its place in the main menu, if it is there (its label is the string `nav_<key>`).
    pub menu: Option<u8>,
}

/// Builds root-relative URLs (`/berita/slug/`) for one site. Cheap to clone.
#[derive(Clone, Debug)]
pub struct Urls {
    inner: Arc<UrlWords>,
}

#[derive(Debug)]
struct UrlWords {
    base_url: String,
    /// `""` for the first language, `/en` for the others.
    prefixes: PerLang<String>,
    /// Section key → word, per language.
    words: PerLang<HashMap<&'static str, String>>,
}

impl Urls {
    /// The URLs of a site whose kinds need `sections`; section words that are unknown or
    /// cannot be used in a URL are reported.
    pub fn new(config: &Config, sections: &[Section]) -> Result<Urls, Diagnostics> {
        let mut problems = Diagnostics::default();
        let count = config.languages.len();
        let prefixes = PerLang::build(count, |lang| {
            if lang.is_first() {
                String::new()
            } else {
                format!("/{}", config.languages[lang.index()].code)
            }
        });
        let words = PerLang::build(count, |lang| {
            let written = &config.languages[lang.index()].sections;
            for (key, word) in written {
                if !sections.iter().any(|known| known.key == key) {
                    problems.push(
                        config_problem(config, key, Problem::UnknownSection { key: key.clone() })
                            .with_hint(suggestion(key, sections.iter().map(|s| s.key))),
                    );
                } else if !is_slug(word) {
                    problems.push(
                        config_problem(config, word, Problem::BadSectionWord { word: word.clone() }).with_hint(
                            Field::HintSlug {
                                example: "berita".into(),
                            },
                        ),
                    );
                }
            }
            sections
                .iter()
                .map(|s| (s.key, written.get(s.key).cloned().unwrap_or_else(|| s.word.to_string())))
                .collect()
        });
        problems.into_result(Urls {
            inner: Arc::new(UrlWords {
                base_url: config.base_url().to_string(),
                prefixes,
                words,
            }),
        })
    }

    fn prefix(&self, lang: LangId) -> &str {
        &self.inner.prefixes[lang]
    }

    pub fn home(&self, lang: LangId) -> String {
        format!("{}/", self.prefix(lang))
    }

    /// A section's page: `/berita/`, `/en/news/`.
    pub fn section(&self, lang: LangId, key: &str) -> String {
        let word = self.inner.words[lang].get(key).map_or(key, String::as_str);
        format!("{}/{word}/", self.prefix(lang))
    }

    /// Page `page` of a section's list: `/berita/`, `/berita/2/`.
    pub fn section_page(&self, lang: LangId, key: &str, page: PageNo) -> String {
        paged(self.section(lang, key), page)
    }

    /// An item in a section: `/berita/<slug>/`.
    pub fn item(&self, lang: LangId, key: &str, slug: &str) -> String {
        format!("{}{slug}/", self.section(lang, key))
    }

    /// A page at the root of a language: `/tentang/`, `/en/asta-cita/`.
    pub fn top(&self, lang: LangId, slug: &str) -> String {
        format!("{}/{slug}/", self.prefix(lang))
    }

    /// A file of a language: `/atom.xml`, `/en/atom.xml`.
    pub fn file(&self, lang: LangId, name: &str) -> String {
        format!("{}/{name}", self.prefix(lang))
    }

    /// The absolute form of a root-relative URL.
    pub fn absolute(&self, url: &str) -> String {
        format!("{}{url}", self.inner.base_url)
    }
}

/// Page 1 of a list lives at its base URL, page n at `<base><n>/`.
pub fn paged(base: String, page: PageNo) -> String {
    if page.is_first() {
        base
    } else {
        format!("{base}{page}/")
    }
}

/// The file a URL is written to: `/berita/x/` → `berita/x/index.html`.
pub fn output_path(url: &str) -> String {
    let path = url.trim_start_matches('/');
    if path.is_empty() || path.ends_with('/') {
        // Called for every page of every rebuild: no formatting machinery.
        let mut file = String::with_capacity(path.len() + "index.html".len());
        file.push_str(path);
        file.push_str("index.html");
        file
    } else {
        path.to_string()
    }
}

/// A problem of etalase.yaml, at the first line that holds `needle`.
fn config_problem(config: &Config, needle: &str, message: impl Into<Message>) -> Diagnostic {
    let diagnostic = Diagnostic::new(CONFIG_FILE, message);
    match crate::yaml::find_line(&config.text, needle) {
        Some((line, column)) => diagnostic.at(&config.text, line, column),
        None => diagnostic,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn output_paths_of_urls() {
        assert_eq!(output_path("/"), "index.html");
        assert_eq!(output_path("/berita/a/"), "berita/a/index.html");
        assert_eq!(output_path("/en/atom.xml"), "en/atom.xml");
    }
}
