//! Content loading: walks `content/`, parses every file into typed structs, in parallel.
//! Pure with respect to output: it reads files and returns data or diagnostics.

pub mod frontmatter;
pub mod model;
pub mod yaml;

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use rayon::prelude::*;
use serde::de::DeserializeOwned;
use walkdir::WalkDir;

use crate::config::Config;
use crate::error::{Diagnostic, Diagnostics, Error, suggestion};
use model::{NewsFront, PageFront, ProductSheet, UnitSheet, VocabularySheet};

pub const CONTENT_DIR: &str = "content";
pub const MEDIA_DIR: &str = "media";
/// The pseudo-folder of data that ships with Etalase, in diagnostics.
pub const BUILTIN: &str = "(built-in)";

/// The Asta Cita missions, used when a site does not declare `vocabularies/asta-cita.yaml`.
const BUILTIN_ASTA_CITA: &str = include_str!("asta-cita.yaml");

/// A file as read: its path relative to the site folder and its text.
#[derive(Debug, Clone)]
pub struct Source {
    pub file: PathBuf,
    pub text: String,
}

/// A Markdown document (press release or plain page) in one language.
#[derive(Debug, Clone)]
pub struct Doc<F> {
    pub source: Source,
    /// The file stem without the language suffix; translations share it.
    pub stem: String,
    /// Index into `Config::languages`.
    pub lang: usize,
    pub front: F,
    body_start: usize,
}

impl<F> Doc<F> {
    pub fn body(&self) -> &str {
        &self.source.text[self.body_start..]
    }

    /// Byte offset of the body in the file, to place diagnostics found in the body.
    pub fn body_offset(&self) -> usize {
        self.body_start
    }
}

/// A YAML sheet (product, unit, vocabulary), identified by its file stem.
#[derive(Debug, Clone)]
pub struct Sheet<S> {
    pub source: Source,
    pub id: String,
    pub data: S,
}

/// Everything in `content/`, parsed but not yet cross-checked.
#[derive(Debug, Default)]
pub struct Content {
    pub news: Vec<Doc<NewsFront>>,
    pub pages: Vec<Doc<PageFront>>,
    pub products: Vec<Sheet<ProductSheet>>,
    pub units: Vec<Sheet<UnitSheet>>,
    pub vocabularies: Vec<Sheet<VocabularySheet>>,
    /// Files in `content/media/`, as `/`-separated paths relative to it.
    pub media: BTreeSet<String>,
    /// Files that could not be read or parsed. The rest is still resolved, so that one run
    /// reports every mistake, unless `problems_block` says that a file others refer to
    /// (a unit, product or vocabulary) failed: its references would all look dangling.
    pub problems: Diagnostics,
    pub problems_block: bool,
    /// What the writer should know but does not stop a build (e.g. skipped links).
    pub warnings: Diagnostics,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    News,
    Page,
    Product,
    Unit,
    Vocabulary,
}

#[derive(Debug, Clone)]
enum Parsed {
    News(Doc<NewsFront>),
    Page(Doc<PageFront>),
    Product(Sheet<ProductSheet>),
    Unit(Sheet<UnitSheet>),
    Vocabulary(Sheet<VocabularySheet>),
}

/// Parsed files by path, with the modification time and size they were parsed at; a later
/// load re-parses only the files that changed (the dev server keeps one per session).
#[derive(Debug, Default)]
pub struct ContentCache {
    files: HashMap<PathBuf, (Stamp, Result<Parsed, Diagnostic>)>,
}

/// When a file was last modified, and its size: a change of either means it must be re-read.
type Stamp = (Option<SystemTime>, u64);

impl ContentCache {
    /// The cached front matter and text of a press release, as last parsed.
    pub fn story(&self, path: &Path) -> Option<&Doc<NewsFront>> {
        match self.files.get(path) {
            Some((_, Ok(Parsed::News(doc)))) => Some(doc),
            _ => None,
        }
    }

    /// Re-reads one press release into the cache; `false` if it is not one or fails to parse.
    pub fn refresh_story(&mut self, root: &Path, config: &Config, path: &Path) -> bool {
        let meta = std::fs::metadata(path).ok();
        let stamp = (
            meta.as_ref().and_then(|m| m.modified().ok()),
            meta.map_or(0, |m| m.len()),
        );
        let parsed = parse_file(root, config, Kind::News, path);
        let ok = matches!(parsed, Ok(Parsed::News(_)));
        self.files.insert(path.to_path_buf(), (stamp, parsed));
        ok
    }
}

/// Reads and parses all content of the site in `root`. Every problem is collected.
pub fn load(root: &Path, config: &Config) -> Result<Content, Error> {
    load_cached(root, config, &mut ContentCache::default())
}

/// Like [`load`], reusing what `cache` parsed before for files that did not change.
pub fn load_cached(root: &Path, config: &Config, cache: &mut ContentCache) -> Result<Content, Error> {
    let content_dir = root.join(CONTENT_DIR);
    if !content_dir.is_dir() {
        return Err(Diagnostic::new(CONTENT_DIR, "the content folder is missing")
            .with_hint("create content/ with news/, products/, units/ in it (see the README)")
            .into());
    }
    let mut content = Content::default();
    let mut problems = Diagnostics::default();
    let mut files = Vec::new();
    let mut names = CaseFolded::default();
    for entry in WalkDir::new(&content_dir).follow_links(false).sort_by_file_name() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(err) => {
                let path = err.path().map(|p| relative(root, p)).unwrap_or_default();
                problems.push(Diagnostic::new(path, format!("cannot read: {err}")));
                continue;
            }
        };
        if is_ignored(entry.file_name().to_string_lossy().as_ref()) {
            continue;
        }
        if entry.path_is_symlink() {
            content.warnings.push(skipped_link(&relative(root, entry.path())));
            continue;
        }
        if !entry.file_type().is_file() {
            continue;
        }
        if let Some(problem) = names.add(&relative(root, entry.path())) {
            problems.push(problem);
        }
        let rel = relative(&content_dir, entry.path());
        let mut parts = rel.iter();
        let section = parts.next().and_then(|s| s.to_str()).unwrap_or_default();
        if section == MEDIA_DIR {
            let media: Vec<_> = parts.map(|p| p.to_string_lossy().into_owned()).collect();
            content.media.insert(media.join("/"));
            continue;
        }
        let kind = match section {
            "news" => Kind::News,
            "pages" => Kind::Page,
            "products" => Kind::Product,
            "units" => Kind::Unit,
            "vocabularies" => Kind::Vocabulary,
            _ => continue,
        };
        files.push((kind, entry.into_path()));
    }

    let stamped: Vec<(Kind, PathBuf, Stamp)> = files
        .into_iter()
        .map(|(kind, path)| {
            let meta = std::fs::metadata(&path).ok();
            let modified = meta.as_ref().and_then(|m| m.modified().ok());
            (kind, path, (modified, meta.map_or(0, |m| m.len())))
        })
        .collect();
    let fresh: Vec<_> = stamped
        .par_iter()
        .filter(|(_, path, stamp)| {
            !matches!(cache.files.get(path), Some((cached, _)) if cached == stamp && stamp.0.is_some())
        })
        .map(|(kind, path, stamp)| (path.clone(), (*stamp, parse_file(root, config, *kind, path))))
        .collect();
    cache.files.extend(fresh);
    let present: std::collections::HashSet<&PathBuf> = stamped.iter().map(|(_, p, _)| p).collect();
    cache.files.retain(|path, _| present.contains(path));
    let parsed: Vec<(Kind, Result<Parsed, Diagnostic>)> = stamped
        .iter()
        .filter_map(|(kind, path, _)| cache.files.get(path).map(|(_, r)| (*kind, r.clone())))
        .collect();
    for (kind, result) in parsed {
        if result.is_err() && !matches!(kind, Kind::News | Kind::Page) {
            content.problems_block = true;
        }
        match result {
            Ok(Parsed::News(doc)) => content.news.push(doc),
            Ok(Parsed::Page(doc)) => content.pages.push(doc),
            Ok(Parsed::Product(sheet)) => content.products.push(sheet),
            Ok(Parsed::Unit(sheet)) => content.units.push(sheet),
            Ok(Parsed::Vocabulary(sheet)) => content.vocabularies.push(sheet),
            Err(diagnostic) => problems.push(diagnostic),
        }
    }
    if !content.vocabularies.iter().any(|v| v.id == "asta-cita") {
        let file = Path::new(BUILTIN).join("asta-cita.yaml");
        let data = yaml::parse(&file, BUILTIN_ASTA_CITA)?;
        let source = Source {
            file,
            text: BUILTIN_ASTA_CITA.to_string(),
        };
        content.vocabularies.push(Sheet {
            source,
            id: "asta-cita".into(),
            data,
        });
    }
    content.problems.extend(problems);
    Ok(content)
}

fn parse_file(root: &Path, config: &Config, kind: Kind, path: &Path) -> Result<Parsed, Diagnostic> {
    let file = relative(root, path);
    let expected = match kind {
        Kind::News | Kind::Page => "md",
        _ => "yaml",
    };
    let extension = path.extension().and_then(|e| e.to_str()).unwrap_or_default();
    if extension != expected && !(expected == "yaml" && extension == "yml") {
        return Err(
            Diagnostic::new(&file, format!("expected a .{expected} file here")).with_hint(format!(
                "rename the file to end in .{expected}, or move it out of this folder"
            )),
        );
    }
    let bytes = std::fs::read(path).map_err(|err| Diagnostic::new(&file, format!("cannot read the file: {err}")))?;
    let text = yaml::decode_utf8(&file, &bytes)?;
    let stem = path.file_stem().and_then(|s| s.to_str()).unwrap_or_default();
    match kind {
        Kind::News => document(config, file, text, stem).map(Parsed::News),
        Kind::Page => document(config, file, text, stem).map(Parsed::Page),
        Kind::Product => sheet(file, text, stem).map(Parsed::Product),
        Kind::Unit => sheet(file, text, stem).map(Parsed::Unit),
        Kind::Vocabulary => sheet(file, text, stem).map(Parsed::Vocabulary),
    }
}

/// Parses a Markdown document named `<stem>.<lang>.md` (or `<stem>.md` for the first language).
fn document<F: DeserializeOwned>(
    config: &Config,
    file: PathBuf,
    text: String,
    name: &str,
) -> Result<Doc<F>, Diagnostic> {
    let (stem, lang) = match name.rsplit_once('.') {
        None => (name, 0),
        Some((stem, code)) => match config.languages.iter().position(|l| l.code == code) {
            Some(lang) => (stem, lang),
            None => {
                return Err(Diagnostic::new(
                    &file,
                    format!("the language `{code}` in the file name is not configured"),
                )
                .with_hint(format!(
                    "{} — name the file <name>.<language>.md with a language listed in etalase.yaml",
                    suggestion(code, config.language_codes())
                )));
            }
        },
    };
    let split = frontmatter::split(&file, &text)?;
    let front = yaml::parse(&file, &split.yaml)?;
    let body_start = text.len() - split.body.len();
    Ok(Doc {
        stem: stem.to_string(),
        lang,
        front,
        body_start,
        source: Source { file, text },
    })
}

fn sheet<S: DeserializeOwned>(file: PathBuf, text: String, stem: &str) -> Result<Sheet<S>, Diagnostic> {
    if text.trim().is_empty() {
        return Err(Diagnostic::new(&file, "the file is empty")
            .with_hint("copy an example sheet from the README and fill it in"));
    }
    let data = yaml::parse(&file, &text)?;
    Ok(Sheet {
        id: stem.to_string(),
        data,
        source: Source { file, text },
    })
}

/// A symbolic link in a folder Etalase reads: skipped, since following it could publish
/// files from outside the site folder.
pub fn skipped_link(file: &Path) -> Diagnostic {
    Diagnostic::warning(file, "a symbolic link is not followed; the file is left out")
        .with_hint("copy the file itself into the folder instead of linking to it")
}

/// File paths with capitals folded, to find two names that differ only in case: on Windows
/// and macOS checkouts, and on many hosts, they are one file.
#[derive(Default)]
pub struct CaseFolded(HashMap<String, PathBuf>);

impl CaseFolded {
    /// Records `file`; a problem when another file has the same name but for capitals.
    pub fn add(&mut self, file: &Path) -> Option<Diagnostic> {
        let folded = file.to_string_lossy().to_lowercase();
        match self.0.get(&folded) {
            Some(other) => Some(
                Diagnostic::new(
                    file,
                    format!("this name differs from {} only in capital letters", other.display()),
                )
                .with_hint("on Windows, macOS and many web hosts they are the same file: rename or delete one of them"),
            ),
            None => {
                self.0.insert(folded, file.to_path_buf());
                None
            }
        }
    }
}

/// Hidden files and editors' temporary files are not content.
pub fn is_ignored(name: &str) -> bool {
    name.starts_with('.')
        || name.starts_with('#')
        || name.ends_with('~')
        || name.ends_with(".swp")
        || name.ends_with(".swx")
        || name.ends_with(".tmp")
}

/// `path` relative to `base`, or `path` itself when it is not inside `base`.
pub fn relative(base: &Path, path: &Path) -> PathBuf {
    path.strip_prefix(base).unwrap_or(path).to_path_buf()
}
