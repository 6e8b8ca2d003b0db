//! A theme: its Tera templates (a site's `templates/` overrides them by name), its static files
//! (a site's `static/` overrides them by path) and its interface strings. A theme is the folder
//! `themes/<name>/`; a site without `themes/default/` gets the default theme built into the
//! program ([`BUILTIN`]), so that writers never manage theme files and get theme fixes with
//! each release. Read once before rendering; the render stage compiles the templates it holds.

pub mod i18n;

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use walkdir::WalkDir;

use crate::config::Config;
use crate::content::{CaseFolded, skipped_link};
use crate::content::{is_ignored, relative};
use crate::error::{Diagnostic, Diagnostics, Error, IoContext};
use crate::messages::{Content, Output};
use i18n::Locale;

pub const THEMES_DIR: &str = "themes";
/// Where stylesheets and scripts are published under hashed names, so that hosts can cache
/// this folder for good (and everything else, such as the search index, briefly).
pub const ASSETS_DIR: &str = "assets";
/// The theme that is built into the program.
pub const BUILTIN_NAME: &str = "default";

macro_rules! builtin {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_bytes!(concat!("../../themes/default/", $path)))),*]
    };
}

/// Every file of `themes/default/` (a test checks that this list equals the folder's).
pub const BUILTIN: &[(&str, &[u8])] = builtin![
    "fonts/NotoSans-Bold.ttf",
    "fonts/NotoSans-Regular.ttf",
    "fonts/OFL.txt",
    "fonts/README.md",
    "i18n/en.yaml",
    "i18n/id.yaml",
    "static/favicon.svg",
    "static/search.js",
    "static/share.js",
    "static/style.css",
    "templates/404.html",
    "templates/agenda.html",
    "templates/awards.html",
    "templates/base.html",
    "templates/catalogue.html",
    "templates/components.html",
    "templates/event.html",
    "templates/home.html",
    "templates/news_list.html",
    "templates/page.html",
    "templates/product.html",
    "templates/search.html",
    "templates/story.html",
    "templates/term.html",
    "templates/unit.html",
    "templates/units.html",
    "templates/vocabulary.html",
];

/// A file to publish as it is: on disk, or part of the built-in theme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StaticFile {
    /// A file on disk: in `themes/<name>/`, or the site's own `templates/` or `static/`.
    Disk(PathBuf),
    /// A file of the built-in default theme.
    Builtin(&'static [u8]),
}

impl StaticFile {
    pub fn bytes(&self) -> Result<Cow<'static, [u8]>, Error> {
        match self {
            StaticFile::Disk(path) => std::fs::read(path).io(Output::CannotRead, path).map(Cow::Owned),
            StaticFile::Builtin(bytes) => Ok(Cow::Borrowed(bytes)),
        }
    }
}

/// The theme's own files: its folder, or the built-in default theme.
enum ThemeDir {
    Folder(PathBuf),
    Builtin,
}

impl ThemeDir {
    fn find(root: &Path, config: &Config) -> Result<ThemeDir, Error> {
        let dir = root.join(THEMES_DIR).join(&config.theme);
        if dir.is_dir() {
            Ok(ThemeDir::Folder(dir))
        } else if config.theme == BUILTIN_NAME {
            Ok(ThemeDir::Builtin)
        } else {
            Err(Diagnostic::new(
                crate::config::CONFIG_FILE,
                Content::ThemeMissing {
                    theme: config.theme.clone(),
                },
            )
            .with_hint(Content::HintThemeName)
            .into())
        }
    }

    /// The files below `sub` (`templates`, `static`, `i18n`) as (relative name, file).
    fn files(&self, root: &Path, sub: &str, warnings: &mut Diagnostics) -> Result<Vec<(String, StaticFile)>, Error> {
        match self {
            ThemeDir::Folder(dir) => files_under(root, &dir.join(sub), warnings),
            ThemeDir::Builtin => Ok(BUILTIN
                .iter()
                .filter_map(|(path, bytes)| {
                    let name = path.strip_prefix(sub)?.strip_prefix('/')?;
                    Some((name.to_string(), StaticFile::Builtin(bytes)))
                })
                .collect()),
        }
    }

    /// Where the theme's files are, for messages.
    fn dir(&self) -> PathBuf {
        match self {
            ThemeDir::Folder(dir) => dir.clone(),
            ThemeDir::Builtin => PathBuf::from(format!("(built-in theme {BUILTIN_NAME})")),
        }
    }
}

/// Everything a theme contributes to a build.
#[derive(Debug, Clone)]
pub struct Theme {
    /// Template name → source, site overrides applied.
    pub templates: BTreeMap<String, String>,
    /// Output path (`/`-separated) → file to copy, site overrides applied. Stylesheets and
    /// scripts carry a hash of their content in the name (`assets/style.1a2b3c4d.css`), so
    /// that hosts can cache them for good.
    pub static_files: BTreeMap<String, StaticFile>,
    /// Path as written in the theme (`style.css`) → its URL (`/assets/style.1a2b3c4d.css`).
    pub asset_urls: BTreeMap<String, String>,
    /// One per configured language.
    pub locales: Vec<Locale>,
    /// Symbolic links that were skipped.
    pub warnings: Diagnostics,
}

impl Theme {
    /// The built-in default theme alone, read from no folder.
    pub fn builtin(config: &Config) -> Result<Theme, Error> {
        let nowhere = Path::new("/nonexistent/etalase-site");
        let mut config = config.clone();
        config.theme = BUILTIN_NAME.to_string();
        Theme::load(nowhere, &config)
    }

    pub fn load(root: &Path, config: &Config) -> Result<Theme, Error> {
        let source = ThemeDir::find(root, config)?;
        let mut warnings = Diagnostics::default();
        let mut templates = BTreeMap::new();
        let site_templates = files_under(root, &root.join("templates"), &mut warnings)?;
        for (name, file) in source
            .files(root, "templates", &mut warnings)?
            .into_iter()
            .chain(site_templates)
        {
            let bytes = file.bytes()?;
            let text = String::from_utf8(bytes.into_owned())
                .map_err(|_| Diagnostic::new(PathBuf::from("templates").join(&name), Content::NotUtf8))?;
            templates.insert(name, text);
        }
        let mut sources = BTreeMap::new();
        sources.extend(source.files(root, "static", &mut warnings)?);
        sources.extend(files_under(root, &root.join("static"), &mut warnings)?);
        let mut static_files = BTreeMap::new();
        let mut asset_urls = BTreeMap::new();
        for (path, from) in sources {
            let published = match path.rsplit_once('.') {
                Some((stem, ext @ ("css" | "js"))) => {
                    format!("{ASSETS_DIR}/{stem}.{:08x}.{ext}", fnv1a(&from.bytes()?) as u32)
                }
                _ => path.clone(),
            };
            asset_urls.insert(path, format!("/{published}"));
            static_files.insert(published, from);
        }
        let codes: Vec<&str> = config.language_codes().collect();
        let strings: BTreeMap<String, StaticFile> = source.files(root, "i18n", &mut warnings)?.into_iter().collect();
        let locales = Locale::load_all(&source.dir().join("i18n"), &codes, |name| {
            strings.get(name).map(StaticFile::bytes).transpose()
        })?;
        Ok(Theme {
            templates,
            static_files,
            asset_urls,
            locales,
            warnings,
        })
    }
}

/// The fonts of the site's theme (`themes/<name>/fonts/*.ttf` or `*.otf`), which share images
/// are drawn with: the built-in theme's when the theme has none, so that images look the same
/// on every computer, whatever fonts it has installed.
pub fn fonts(root: &Path, config: &Config) -> Result<Vec<Vec<u8>>, Error> {
    let source = ThemeDir::find(root, config)?;
    let mut fonts = Vec::new();
    for (name, file) in source.files(root, "fonts", &mut Diagnostics::default())? {
        if name.ends_with(".ttf") || name.ends_with(".otf") {
            fonts.push(file.bytes()?.into_owned());
        }
    }
    if fonts.is_empty() {
        fonts = ThemeDir::Builtin
            .files(root, "fonts", &mut Diagnostics::default())?
            .into_iter()
            .filter(|(name, _)| name.ends_with(".ttf"))
            .filter_map(|(_, file)| file.bytes().ok().map(Cow::into_owned))
            .collect();
    }
    Ok(fonts)
}

/// A static file of the site's theme (a site's `static/` first), such as `favicon.svg`.
pub fn static_file(root: &Path, config: &Config, path: &str) -> Result<Option<Vec<u8>>, Error> {
    let own = root.join("static").join(path);
    if own.is_file() {
        return StaticFile::Disk(own).bytes().map(|b| Some(b.into_owned()));
    }
    let source = ThemeDir::find(root, config)?;
    let found = source
        .files(root, "static", &mut Diagnostics::default())?
        .into_iter()
        .find(|(name, _)| name == path);
    found.map(|(_, file)| file.bytes().map(Cow::into_owned)).transpose()
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
fn files_under(root: &Path, dir: &Path, warnings: &mut Diagnostics) -> Result<Vec<(String, StaticFile)>, Error> {
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
            files.push((name.join("/"), StaticFile::Disk(entry.into_path())));
        }
    }
    problems.into_result(files).map_err(Error::from)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_builtin_theme_lists_every_file_of_themes_default() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        let dir = root.join(THEMES_DIR).join(BUILTIN_NAME);
        let mut warnings = Diagnostics::default();
        let on_disk: Vec<(String, StaticFile)> = files_under(root, &dir, &mut warnings).expect("theme folder");
        let builtin: Vec<(String, StaticFile)> = BUILTIN
            .iter()
            .map(|(path, bytes)| (path.to_string(), StaticFile::Builtin(bytes)))
            .collect();
        let names = |files: &[(String, StaticFile)]| files.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
        assert_eq!(
            names(&builtin),
            names(&on_disk),
            "BUILTIN must list every file of themes/default/"
        );
        for ((name, built_in), (_, disk)) in builtin.iter().zip(&on_disk) {
            assert_eq!(built_in.bytes().ok(), disk.bytes().ok(), "{name}");
        }
    }
}
