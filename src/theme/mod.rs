//! A theme on disk: its Tera templates (a site's `templates/` overrides them by name), its
//! static files (a site's `static/` overrides them by path) and its interface strings. Read
//! once before rendering; the render stage compiles the templates it holds.

pub mod i18n;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::config::Config;
use crate::content::{CaseFolded, skipped_link};
use crate::content::{is_ignored, relative};
use crate::error::{Diagnostic, Diagnostics, Error, IoContext};
use crate::messages::Content;
use i18n::Locale;

pub const THEMES_DIR: &str = "themes";
/// Where stylesheets and scripts are published under hashed names, so that hosts can cache
/// this folder for good (and everything else, such as the search index, briefly).
pub const ASSETS_DIR: &str = "assets";

/// Everything a theme contributes to a build.
#[derive(Debug, Clone)]
pub struct Theme {
    /// Template name → source, site overrides applied.
    pub templates: BTreeMap<String, String>,
    /// Output path (`/`-separated) → file to copy, site overrides applied. Stylesheets and
    /// scripts carry a hash of their content in the name (`assets/style.1a2b3c4d.css`), so
    /// that hosts can cache them for good.
    pub static_files: BTreeMap<String, PathBuf>,
    /// Path as written in the theme (`style.css`) → its URL (`/assets/style.1a2b3c4d.css`).
    pub asset_urls: BTreeMap<String, String>,
    /// One per configured language.
    pub locales: Vec<Locale>,
    /// Symbolic links that were skipped.
    pub warnings: Diagnostics,
}

impl Theme {
    pub fn load(root: &Path, config: &Config) -> Result<Theme, Error> {
        let dir = root.join(THEMES_DIR).join(&config.theme);
        if !dir.is_dir() {
            return Err(Diagnostic::new(
                crate::config::CONFIG_FILE,
                Content::ThemeMissing {
                    theme: config.theme.clone(),
                },
            )
            .with_hint(Content::HintThemeName)
            .into());
        }
        let mut warnings = Diagnostics::default();
        let mut templates = BTreeMap::new();
        for templates_dir in [dir.join("templates"), root.join("templates")] {
            for (name, path) in files_under(root, &templates_dir, &mut warnings)? {
                let text = std::fs::read_to_string(&path).io(crate::messages::Output::CannotRead, &path)?;
                templates.insert(name, text);
            }
        }
        let mut sources = BTreeMap::new();
        for static_dir in [dir.join("static"), root.join("static")] {
            sources.extend(files_under(root, &static_dir, &mut warnings)?);
        }
        let mut static_files = BTreeMap::new();
        let mut asset_urls = BTreeMap::new();
        for (path, from) in sources {
            let published = match path.rsplit_once('.') {
                Some((stem, ext @ ("css" | "js"))) => {
                    let bytes = std::fs::read(&from).io(crate::messages::Output::CannotRead, &from)?;
                    format!("{ASSETS_DIR}/{stem}.{:08x}.{ext}", fnv1a(&bytes) as u32)
                }
                _ => path.clone(),
            };
            asset_urls.insert(path, format!("/{published}"));
            static_files.insert(published, from);
        }
        let codes: Vec<&str> = config.language_codes().collect();
        let locales = Locale::load_all(&dir.join("i18n"), &codes)?;
        Ok(Theme {
            templates,
            static_files,
            asset_urls,
            locales,
            warnings,
        })
    }
}

/// FNV-1a: a small, stable content hash for asset names (stable across builds and versions).
fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// Files below `dir` as (`/`-separated relative path, full path); none when `dir` is absent.
/// Symbolic links are skipped with a warning; two names that differ only in capitals are an
/// error.
fn files_under(root: &Path, dir: &Path, warnings: &mut Diagnostics) -> Result<Vec<(String, PathBuf)>, Error> {
    let mut files = Vec::new();
    if !dir.is_dir() {
        return Ok(files);
    }
    let mut names = CaseFolded::default();
    let mut problems = Diagnostics::default();
    for entry in WalkDir::new(dir).sort_by_file_name() {
        let entry = entry.map_err(|err| Error::Io {
            action: crate::messages::Output::CannotRead,
            path: dir.to_path_buf(),
            source: err.into(),
        })?;
        if is_ignored(&entry.file_name().to_string_lossy()) {
            continue;
        }
        if entry.path_is_symlink() {
            warnings.push(skipped_link(&relative(root, entry.path())));
        } else if entry.file_type().is_file() {
            problems.extend(names.add(&relative(root, entry.path())).into_iter().collect());
            let rel = relative(dir, entry.path());
            let name: Vec<_> = rel.iter().map(|p| p.to_string_lossy()).collect();
            files.push((name.join("/"), entry.into_path()));
        }
    }
    problems.into_result(files).map_err(Error::from)
}
