//! `etalase check`: everything a build checks, without writing the site, plus what a build
//! lets pass: missing translations, summaries too long for search results, and links or
//! anchors in the rendered pages that lead nowhere.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use rayon::prelude::*;

use crate::build::{BuildOptions, copied_media, load_site};
use crate::error::{Diagnostic, Diagnostics, Error};
use crate::media::{Mode, Processor};
use crate::render::theme::Theme;
use crate::render::{RenderOptions, Renderer, Templates};
use crate::site::Site;

/// Longest summary that search engines show in full.
const META_DESCRIPTION_MAX: usize = 160;

/// What `check` found.
#[derive(Debug, Default)]
pub struct CheckReport {
    pub errors: Diagnostics,
    pub warnings: Diagnostics,
    /// Items that lack a version in some language.
    pub untranslated: Vec<Untranslated>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Untranslated {
    /// `news`, `product` or `page`.
    pub kind: &'static str,
    /// The file (or file stem) of the item.
    pub item: String,
    /// The language codes it is missing in.
    pub missing: Vec<String>,
}

impl CheckReport {
    /// 0 clean, 1 errors, 2 warnings when `strict`.
    pub fn exit_code(&self, strict: bool) -> u8 {
        if !self.errors.is_empty() {
            1
        } else if strict && !self.warnings.is_empty() {
            2
        } else {
            0
        }
    }

    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "errors": self.errors.iter().map(Diagnostic::to_json).collect::<Vec<_>>(),
            "warnings": self.warnings.iter().map(Diagnostic::to_json).collect::<Vec<_>>(),
            "untranslated": self.untranslated.iter().map(|u| serde_json::json!({
                "kind": u.kind, "item": u.item, "missing": u.missing,
            })).collect::<Vec<_>>(),
        })
    }
}

/// Checks the site without writing anything.
pub fn check(options: &BuildOptions) -> Result<CheckReport, Error> {
    let site = match load_site(options) {
        Ok(site) => site,
        Err(Error::Content(errors)) => {
            return Ok(CheckReport {
                errors,
                ..CheckReport::default()
            });
        }
        Err(other) => return Err(other),
    };
    let mut site = site;
    let processor = Processor::new(&options.root);
    let photo_files = match processor.run(&site, Mode::Check) {
        Ok((photos, _)) => {
            let files = processor.files(&photos);
            site.photos = photos;
            files
        }
        Err(Error::Content(errors)) => {
            return Ok(CheckReport {
                errors,
                ..CheckReport::default()
            });
        }
        Err(other) => return Err(other),
    };
    let mut warnings = site.warnings.clone();
    summaries(&site, &mut warnings);
    let untranslated = translations(&site, &mut warnings);
    let theme = Theme::load(&options.root, &site.config)?;
    warnings.extend(theme.warnings.clone());
    let templates = Arc::new(Templates::new(&theme)?);
    let extra: Vec<String> = theme
        .static_files
        .keys()
        .cloned()
        .chain(copied_media(&site).iter().map(|m| format!("media/{m}")))
        .chain(photo_files.into_iter().map(|(path, _)| path))
        .collect();
    let renderer = Renderer::new(
        Arc::new(site),
        templates,
        RenderOptions {
            body_end: None,
            no_minify: true,
        },
    );
    links(&renderer, &extra, &mut warnings)?;
    Ok(CheckReport {
        errors: Diagnostics::default(),
        warnings: warnings.sorted(),
        untranslated,
    })
}

fn summaries(site: &Site, warnings: &mut Diagnostics) {
    for story in &site.stories {
        let length = story.summary.chars().count();
        if length > META_DESCRIPTION_MAX {
            warnings.push(
                Diagnostic::warning(&story.file, format!("the summary has {length} characters")).with_hint(format!(
                    "search results show about {META_DESCRIPTION_MAX}; shorten it to one sentence"
                )),
            );
        }
    }
}

fn translations(site: &Site, warnings: &mut Diagnostics) -> Vec<Untranslated> {
    let codes: Vec<&str> = site.config.language_codes().collect();
    let missing_in = |present: &dyn Fn(usize) -> bool| -> Vec<String> {
        (0..codes.len())
            .filter(|&l| !present(l))
            .map(|l| codes[l].to_string())
            .collect()
    };
    let translated = |versions: &[Option<usize>], lang: usize| versions.get(lang).copied().flatten().is_some();
    let mut report = Vec::new();
    let mut record = |kind: &'static str, file: &std::path::Path, missing: Vec<String>| {
        if !missing.is_empty() {
            report.push(Untranslated {
                kind,
                item: file.display().to_string(),
                missing,
            });
        }
    };
    // One entry per story and per page, whichever language version comes first.
    let mut seen = HashSet::new();
    for story in site.stories.iter().filter(|s| seen.insert(("news", s.key.as_str()))) {
        record("news", &story.file, missing_in(&|l| translated(&story.translations, l)));
    }
    for product in &site.products {
        record("product", &product.file, missing_in(&|l| product.text[l].is_some()));
    }
    for page in site.pages.iter().filter(|p| seen.insert(("page", p.key.as_str()))) {
        record("page", &page.file, missing_in(&|l| translated(&page.translations, l)));
    }
    for (ix, story) in site.stories.iter().enumerate() {
        // A translation dated before its source was probably not updated with it.
        if let Some(Some(source)) = story.translations.first()
            && *source != ix
            && site.stories[*source].date > story.date
        {
            warnings.push(
                Diagnostic::warning(&story.file, "this translation is dated before its source")
                    .with_hint(format!("check it against {}", site.stories[*source].file.display())),
            );
        }
    }
    for item in &report {
        warnings.push(
            Diagnostic::warning(&item.item, format!("no version in {}", item.missing.join(", ")))
                .with_hint("the item is published in the languages it has; add the translation when it is ready"),
        );
    }
    report
}

/// Every internal link of every page must lead to a page or file of the site, and every
/// `#anchor` to an element with that id.
fn links(renderer: &Renderer, extra: &[String], warnings: &mut Diagnostics) -> Result<(), Error> {
    let pages: Vec<(String, String)> = renderer
        .jobs()
        .par_iter()
        .filter_map(|&job| renderer.url(job).map(|url| (job, url)))
        .map(|(job, url)| Ok((url, String::from_utf8_lossy(&renderer.render(job)?.bytes).into_owned())))
        .collect::<Result<_, Error>>()?;
    let mut ids: HashMap<&str, HashSet<&str>> = HashMap::new();
    for (url, html) in &pages {
        ids.insert(url.as_str(), attribute_values(html, "id").collect());
    }
    // Static files, media, feeds, the sitemap: everything that is not a page.
    let mut files: HashSet<String> = extra.iter().map(|f| format!("/{f}")).collect();
    for job in renderer.jobs().into_iter().filter(|&j| renderer.url(j).is_none()) {
        files.insert(format!("/{}", renderer.render(job)?.path));
    }
    let mut broken: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (url, html) in &pages {
        for link in attribute_values(html, "href").chain(attribute_values(html, "src")) {
            if let Some(problem) = check_link(url, link, &ids, &files) {
                broken.entry(url.clone()).or_default().push(problem);
            }
        }
    }
    for (page, problems) in broken {
        for problem in problems {
            warnings.push(
                Diagnostic::warning(format!("(page {page})"), problem)
                    .with_hint("correct the link in the content or template that makes this page"),
            );
        }
    }
    Ok(())
}

fn check_link(page: &str, link: &str, ids: &HashMap<&str, HashSet<&str>>, files: &HashSet<String>) -> Option<String> {
    let link = link.trim();
    if link.is_empty() || link.starts_with("//") || link.contains(':') {
        return None; // external (https:, mailto:, …)
    }
    let (path, fragment) = match link.split_once('#') {
        Some((path, fragment)) => (path, Some(fragment)),
        None => (link, None),
    };
    let path = path.split('?').next().unwrap_or_default();
    let target = if path.is_empty() {
        page.to_string()
    } else if path.starts_with('/') {
        path.to_string()
    } else {
        resolve_relative(page, path)
    };
    if let Some(target_ids) = ids.get(target.as_str()) {
        return match fragment {
            Some(fragment) if !fragment.is_empty() && !target_ids.contains(fragment) => Some(format!(
                "the link {link} points at #{fragment}, which is not on {target}"
            )),
            _ => None,
        };
    }
    if files.contains(&target) || ids.contains_key(format!("{target}/").as_str()) {
        return None;
    }
    Some(format!("the link {link} leads nowhere"))
}

/// `page` is a directory URL (`/berita/a/`); `path` is relative to it.
fn resolve_relative(page: &str, path: &str) -> String {
    let mut parts: Vec<&str> = page.split('/').filter(|p| !p.is_empty()).collect();
    if !page.ends_with('/') {
        parts.pop();
    }
    for segment in path.split('/') {
        match segment {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            other => parts.push(other),
        }
    }
    let trailing = if path.ends_with('/') { "/" } else { "" };
    format!("/{}{trailing}", parts.join("/"))
}

/// The values of `name="…"` attributes in unminified HTML (as the renderer writes it).
fn attribute_values<'h>(html: &'h str, name: &str) -> impl Iterator<Item = &'h str> + 'h {
    let needle = format!(" {name}=\"");
    let mut rest = html;
    std::iter::from_fn(move || {
        let start = rest.find(&needle)? + needle.len();
        let end = rest[start..].find('"')? + start;
        let value = &rest[start..end];
        rest = &rest[end..];
        Some(value)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_relative_links() {
        assert_eq!(resolve_relative("/berita/a/", "../b/"), "/berita/b/");
        assert_eq!(resolve_relative("/berita/a/", "gambar.svg"), "/berita/a/gambar.svg");
        assert_eq!(resolve_relative("/en/news/a/", "../../products/x/"), "/en/products/x/");
    }

    #[test]
    fn finds_attribute_values() {
        let html = r#"<a href="/a/">x</a><h2 id="b">y</h2><img src="/m.svg" alt="z">"#;
        assert_eq!(attribute_values(html, "href").collect::<Vec<_>>(), ["/a/"]);
        assert_eq!(attribute_values(html, "id").collect::<Vec<_>>(), ["b"]);
    }
}
