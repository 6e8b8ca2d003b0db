//! The URL of every page, per language: the first language at the root, the others under
//! `/<code>/`, with section words from the configuration.

use std::sync::Arc;

use crate::config::{Config, Sections};

/// Builds root-relative URLs (`/berita/slug/`) for one site. Cheap to clone.
#[derive(Clone)]
pub struct Urls {
    inner: Arc<UrlWords>,
}

struct UrlWords {
    base_url: String,
    /// `""` for the first language, `/en` for the others.
    prefixes: Vec<String>,
    sections: Vec<Sections>,
}

impl Urls {
    pub fn new(config: &Config) -> Self {
        let prefixes = config
            .languages
            .iter()
            .enumerate()
            .map(|(ix, l)| if ix == 0 { String::new() } else { format!("/{}", l.code) })
            .collect();
        Urls {
            inner: Arc::new(UrlWords {
                base_url: config.base_url().to_string(),
                prefixes,
                sections: config.languages.iter().map(|l| l.sections.clone()).collect(),
            }),
        }
    }

    fn prefix(&self, lang: usize) -> &str {
        &self.inner.prefixes[lang]
    }

    fn section(&self, lang: usize, pick: fn(&Sections) -> &String) -> String {
        format!("{}/{}/", self.prefix(lang), pick(&self.inner.sections[lang]))
    }

    pub fn home(&self, lang: usize) -> String {
        format!("{}/", self.prefix(lang))
    }

    pub fn news_list(&self, lang: usize, page: usize) -> String {
        paged(self.section(lang, |s| &s.news), page)
    }

    pub fn story(&self, lang: usize, slug: &str) -> String {
        format!("{}{slug}/", self.section(lang, |s| &s.news))
    }

    pub fn catalogue(&self, lang: usize) -> String {
        self.section(lang, |s| &s.products)
    }

    pub fn product(&self, lang: usize, slug: &str) -> String {
        format!("{}{slug}/", self.catalogue(lang))
    }

    pub fn units(&self, lang: usize) -> String {
        self.section(lang, |s| &s.units)
    }

    pub fn unit(&self, lang: usize, id: &str, page: usize) -> String {
        paged(format!("{}{id}/", self.units(lang)), page)
    }

    pub fn awards(&self, lang: usize) -> String {
        self.section(lang, |s| &s.awards)
    }

    pub fn search(&self, lang: usize) -> String {
        self.section(lang, |s| &s.search)
    }

    pub fn vocabulary(&self, lang: usize, vocabulary: &str) -> String {
        format!("{}/{vocabulary}/", self.prefix(lang))
    }

    pub fn term(&self, lang: usize, vocabulary: &str, term: &str, page: usize) -> String {
        paged(format!("{}{term}/", self.vocabulary(lang, vocabulary)), page)
    }

    pub fn page(&self, lang: usize, slug: &str) -> String {
        format!("{}/{slug}/", self.prefix(lang))
    }

    pub fn feed(&self, lang: usize) -> String {
        format!("{}/atom.xml", self.prefix(lang))
    }

    pub fn not_found(&self, lang: usize) -> String {
        format!("{}/404.html", self.prefix(lang))
    }

    /// The absolute form of a root-relative URL.
    pub fn absolute(&self, url: &str) -> String {
        format!("{}{url}", self.inner.base_url)
    }
}

/// Page 1 of a list lives at its base URL, page n at `<base><n>/`.
fn paged(base: String, page: usize) -> String {
    if page <= 1 { base } else { format!("{base}{page}/") }
}

/// The file a URL is written to: `/berita/x/` → `berita/x/index.html`.
pub fn output_path(url: &str) -> String {
    let path = url.trim_start_matches('/');
    if path.is_empty() || path.ends_with('/') {
        format!("{path}index.html")
    } else {
        path.to_string()
    }
}
