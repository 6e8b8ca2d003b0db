//! `etalase check`: everything a build checks, without writing the site, plus what a build
//! lets pass: items missing in a language, what each kind advises (summaries too long for
//! search results, stories published twice, example text left in), and links or anchors in the
//! rendered pages that lead nowhere.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

use rayon::prelude::*;

use crate::build::{BuildOptions, all_errors, copied_media, load_config, photos};
use crate::error::{Diagnostic, Diagnostics, Error};
use crate::kinds::{Content, Renderer, Site, Untranslated};
use crate::media::{Mode, Processor};
use crate::messages::{Check, Lang};
use crate::render::{RenderOptions, Templates};
use crate::site::SiteOptions;
use crate::site::memo::Caches;
use crate::theme::Theme;

/// What `check` found.
#[derive(Debug, Default)]
pub struct CheckReport {
    pub errors: Diagnostics,
    pub warnings: Diagnostics,
    /// Items that lack a version in some language.
    pub untranslated: Vec<Untranslated>,
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

    pub fn to_json(&self, lang: Lang) -> serde_json::Value {
        serde_json::json!({
            "errors": self.errors.iter().map(|d| d.to_json(lang)).collect::<Vec<_>>(),
            "warnings": self.warnings.iter().map(|d| d.to_json(lang)).collect::<Vec<_>>(),
            "untranslated": self.untranslated.iter().map(|u| serde_json::json!({
                "kind": u.kind, "item": u.file.display().to_string(), "missing": u.missing,
            })).collect::<Vec<_>>(),
        })
    }
}

/// A report of content errors alone, when the site cannot be resolved.
fn errors_only(err: Error) -> Result<CheckReport, Error> {
    match err {
        Error::Content(errors) => Ok(CheckReport {
            errors,
            ..CheckReport::default()
        }),
        other => Err(other),
    }
}

/// Checks the site without writing anything.
pub fn check(options: &BuildOptions) -> Result<CheckReport, Error> {
    let config = match load_config(options) {
        Ok(config) => config,
        Err(err) => return errors_only(err),
    };
    let content = match Content::load(&options.root, &config) {
        Ok(content) => content,
        Err(err) => return errors_only(err),
    };
    let resolved = Site::resolve(
        config,
        &content,
        SiteOptions { drafts: options.drafts },
        &Caches::default(),
    );
    let site = match resolved {
        Ok((site, errors)) if errors.is_empty() => site,
        Ok((site, errors)) => return errors_only(all_errors(&site, errors, &options.root)),
        Err(err) => return errors_only(err),
    };
    let processor = Processor::new(&options.root);
    let (photos, _) = match photos(&processor, &site, Mode::Check) {
        Ok(done) => done,
        Err(err) => return errors_only(err),
    };
    let photo_files = processor.files(&photos);
    let mut warnings = site.warnings.clone();
    crate::kinds::advise(&site, &content, &mut warnings);
    let untranslated = crate::kinds::untranslated(&site);
    for item in &untranslated {
        warnings.push(
            Diagnostic::warning(
                &item.file,
                Check::NoVersionIn {
                    languages: item.missing.join(", "),
                },
            )
            .with_hint(Check::HintTranslateLater),
        );
    }
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
        Arc::new(photos),
        templates,
        RenderOptions { no_minify: true },
    );
    links(&renderer, &extra, &mut warnings)?;
    Ok(CheckReport {
        errors: Diagnostics::default(),
        warnings: warnings.sorted(),
        untranslated,
    })
}

/// Every internal link of every page must lead to a page or file of the site, and every
/// `#anchor` to an element with that id.
fn links(renderer: &Renderer, extra: &[String], warnings: &mut Diagnostics) -> Result<(), Error> {
    let rendered: Vec<(String, bool, String)> = renderer
        .pages()
        .par_iter()
        .map(|&page| {
            let place = renderer.place(page);
            let file = renderer.render(page)?;
            let bytes = renderer.assets().fill(&file.bytes);
            Ok((place.url, place.html, String::from_utf8_lossy(&bytes).into_owned()))
        })
        .collect::<Result<_, Error>>()?;
    let pages: Vec<(String, String)> = rendered
        .iter()
        .filter(|(_, html, _)| *html)
        .map(|(url, _, text)| (url.clone(), text.clone()))
        .collect();
    let mut ids: HashMap<&str, HashSet<&str>> = HashMap::new();
    for (url, html) in &pages {
        ids.insert(url.as_str(), attribute_values(html, "id").collect());
    }
    // Static files, media, feeds, the sitemap: everything that is not a page.
    let mut files: HashSet<String> = extra.iter().map(|f| format!("/{f}")).collect();
    files.extend(
        rendered
            .iter()
            .filter(|(_, html, _)| !html)
            .map(|(url, _, _)| url.clone()),
    );
    let mut broken: BTreeMap<String, Vec<Check>> = BTreeMap::new();
    for (url, html) in &pages {
        for link in attribute_values(html, "href").chain(attribute_values(html, "src")) {
            if let Some(problem) = check_link(url, link, &ids, &files) {
                broken.entry(url.clone()).or_default().push(problem);
            }
        }
    }
    for (page, problems) in broken {
        for problem in problems {
            warnings.push(Diagnostic::warning(format!("(page {page})"), problem).with_hint(Check::HintFixLink));
        }
    }
    Ok(())
}

fn check_link(page: &str, link: &str, ids: &HashMap<&str, HashSet<&str>>, files: &HashSet<String>) -> Option<Check> {
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
            Some(fragment) if !fragment.is_empty() && !target_ids.contains(fragment) => Some(Check::AnchorMissing {
                link: link.to_string(),
                fragment: fragment.to_string(),
                page: target,
            }),
            _ => None,
        };
    }
    if files.contains(&target) || ids.contains_key(format!("{target}/").as_str()) {
        return None;
    }
    Some(Check::LinkNowhere { link: link.to_string() })
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
