//! The content stage: walks `content/`, hands each file to the kind that owns its folder (the
//! kinds registry implements [`Kinds`]), and keeps what was parsed with the file's
//! modification time and size, so that a later load (the dev server's) parses only the files
//! that changed. Reads files; writes nothing.

pub mod frontmatter;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

use rayon::prelude::*;
use serde::de::DeserializeOwned;
use walkdir::WalkDir;

use crate::config::Config;
use crate::error::{Diagnostic, Diagnostics, Error, suggestion};
use crate::ids::LangId;
use crate::messages::{self, Content as Msg};
use crate::yaml;

pub const CONTENT_DIR: &str = "content";
pub const MEDIA_DIR: &str = "media";
/// The pseudo-folder of data that ships with Etalase, in diagnostics.
pub const BUILTIN: &str = "(built-in)";

/// A file as read: its path relative to the site folder and its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    pub file: PathBuf,
    pub text: String,
    /// A hash of the path and text, taken once when the file is read: what the dev server
    /// compares to know whether what was made of the file is still right.
    pub hash: u64,
}

impl Source {
    pub fn new(file: PathBuf, text: String) -> Source {
        let hash = crate::hashing::of(&(&file, &text));
        Source { file, text, hash }
    }
}

/// What every parsed file keeps: where it came from.
pub trait Parsed {
    fn source(&self) -> &Source;
}

impl Parsed for std::convert::Infallible {
    fn source(&self) -> &Source {
        match *self {}
    }
}

/// A Markdown document (press release, plain page, event) in one language.
#[derive(Debug, Clone)]
pub struct Doc<F> {
    pub source: Source,
    /// The file stem without the language suffix; translations share it.
    pub stem: String,
    pub lang: LangId,
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

impl<F> Parsed for Doc<F> {
    fn source(&self) -> &Source {
        &self.source
    }
}

/// A YAML sheet (product, unit, vocabulary), identified by its file stem.
#[derive(Debug, Clone)]
pub struct Sheet<S> {
    pub source: Source,
    pub id: String,
    pub data: S,
}

impl<S> Parsed for Sheet<S> {
    fn source(&self) -> &Source {
        &self.source
    }
}

/// A file found in a kind's folder, not yet read.
#[derive(Debug, Clone)]
pub struct RawFile {
    /// Relative to the site folder, for messages.
    pub file: PathBuf,
    pub path: PathBuf,
    stamp: Stamp,
    /// The text of a file given in memory (`Content::from_memory`) rather than on disk.
    text: Option<String>,
}

impl RawFile {
    /// The file name without its extension (`2025-11-19-a.id` for `2025-11-19-a.id.md`).
    pub fn stem(&self) -> &str {
        self.path.file_stem().and_then(|s| s.to_str()).unwrap_or_default()
    }
}

/// When a file was last modified, and its size: a change of either means it must be re-read.
type Stamp = (Option<SystemTime>, u64);

/// The parsed files of every kind, as the kinds registry keeps them.
pub trait Kinds: Default {
    /// Parses the files found in each kind's folder, reusing what did not change.
    fn load(&mut self, found: &Found, config: &Config);
    /// Parses again only `files` (paths relative to the site folder), as `found` now has them:
    /// the rest is known unchanged.
    fn reload(&mut self, found: &Found, config: &Config, files: &[PathBuf]);
    /// The files that could not be read or parsed.
    fn problems(&self) -> Diagnostics;
    /// The source of a parsed file of any kind.
    fn source(&self, file: &Path) -> Option<&Source>;
}

/// What [`Content::refresh_files`] read again.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refreshed {
    /// The files named, only.
    Files,
    /// The whole folder, walked again.
    Walked,
}

/// Everything in `content/`: the parsed files of every kind (`F`) and the media files.
#[derive(Default)]
pub struct Content<F> {
    pub files: F,
    /// Files in `content/media/`, as `/`-separated paths relative to it.
    pub media: BTreeSet<String>,
    /// What the writer should know but does not stop a build (e.g. skipped links).
    pub warnings: Diagnostics,
    /// Files that could not be read, and names that differ only in case.
    walk_problems: Diagnostics,
    /// What the last walk found, kept up to date by [`Content::refresh_files`].
    found: Option<Found>,
}

impl<F: Kinds> Content<F> {
    /// Reads and parses all content of the site in `root`.
    pub fn load(root: &Path, config: &Config) -> Result<Content<F>, Error> {
        let mut content = Content::default();
        content.refresh(root, config)?;
        Ok(content)
    }

    /// Walks `content/` again and parses the files that are new or changed since the last load.
    pub fn refresh(&mut self, root: &Path, config: &Config) -> Result<(), Error> {
        let found = Found::walk(root)?;
        self.use_found(found, config);
        Ok(())
    }

    /// Parses again only what `paths` (absolute, as a file watcher reports them) changed:
    /// each must be a file, or a file that is gone. Anything else — a folder, a link, a walk
    /// that had found a problem — walks `content/` again, as [`Content::refresh`] does.
    /// Says which of the two it did.
    pub fn refresh_files(&mut self, root: &Path, config: &Config, paths: &[PathBuf]) -> Result<Refreshed, Error> {
        if let Some(mut found) = self.found.take()
            && found.problems.is_empty()
            && paths.iter().all(|path| found.update(root, path))
        {
            let files: Vec<PathBuf> = paths.iter().map(|path| relative(root, path)).collect();
            self.files.reload(&found, config, &files);
            self.media.clone_from(&found.media);
            self.found = Some(found);
            return Ok(Refreshed::Files);
        }
        self.refresh(root, config)?;
        Ok(Refreshed::Walked)
    }

    fn use_found(&mut self, found: Found, config: &Config) {
        self.files.load(&found, config);
        self.media.clone_from(&found.media);
        self.warnings = found.warnings.clone();
        self.walk_problems = found.problems.clone();
        self.found = Some(found);
    }

    /// The content of a site given in memory, as (path relative to the site folder, text) —
    /// `content/news/2025-11-19-a.id.md` — for tools and tests that have no files: media files
    /// are listed by path, their text unused.
    pub fn from_memory<'a>(config: &Config, files: impl IntoIterator<Item = (&'a str, &'a str)>) -> Content<F> {
        let mut found = Found {
            folders: HashMap::new(),
            media: BTreeSet::new(),
            warnings: Diagnostics::default(),
            problems: Diagnostics::default(),
            names: CaseFolded::default(),
        };
        for (file, text) in files {
            let file = PathBuf::from(file);
            let inside = relative(Path::new(CONTENT_DIR), &file);
            let mut parts = inside.iter().map(|p| p.to_string_lossy().into_owned());
            let folder = parts.next().unwrap_or_default();
            if folder == MEDIA_DIR {
                found.media.insert(parts.collect::<Vec<_>>().join("/"));
                continue;
            }
            found.folders.entry(folder).or_default().push(RawFile {
                path: file.clone(),
                file,
                stamp: (None, text.len() as u64),
                text: Some(text.to_string()),
            });
        }
        let mut content = Content::<F>::default();
        content.files.load(&found, config);
        content.media = found.media;
        content
    }

    /// Every file that could not be read or parsed.
    pub fn problems(&self) -> Diagnostics {
        let mut problems = self.walk_problems.clone();
        problems.extend(self.files.problems());
        problems
    }

    /// The text of a content file, to point a problem at one of its lines.
    pub fn text_of(&self, file: &Path) -> Option<&str> {
        self.files.source(file).map(|s| s.text.as_str())
    }
}

/// The files of `content/`, by the folder they are in.
pub struct Found {
    folders: HashMap<String, Vec<RawFile>>,
    media: BTreeSet<String>,
    warnings: Diagnostics,
    problems: Diagnostics,
    /// Every file's name with capitals folded.
    names: CaseFolded,
}

impl Found {
    fn walk(root: &Path) -> Result<Found, Error> {
        let content_dir = root.join(CONTENT_DIR);
        if !content_dir.is_dir() {
            return Err(Diagnostic::new(CONTENT_DIR, Msg::ContentFolderMissing)
                .with_hint(Msg::HintCreateContent)
                .into());
        }
        let mut found = Found {
            folders: HashMap::new(),
            media: BTreeSet::new(),
            warnings: Diagnostics::default(),
            problems: Diagnostics::default(),
            names: CaseFolded::default(),
        };
        for entry in WalkDir::new(&content_dir).follow_links(false).sort_by_file_name() {
            let entry = match entry {
                Ok(entry) => entry,
                Err(err) => {
                    let path = err.path().map(|p| relative(root, p)).unwrap_or_default();
                    found.problems.push(Diagnostic::new(
                        path,
                        Msg::CannotRead {
                            detail: err.to_string(),
                        },
                    ));
                    continue;
                }
            };
            if is_ignored(entry.file_name().to_string_lossy().as_ref()) {
                continue;
            }
            let file = relative(root, entry.path());
            if entry.path_is_symlink() {
                found.warnings.push(skipped_link(&file));
                continue;
            }
            if !entry.file_type().is_file() {
                continue;
            }
            if let Some(problem) = found.names.add(&file) {
                found.problems.push(problem);
            }
            found.add(&content_dir, entry.into_path(), file);
        }
        Ok(found)
    }

    fn add(&mut self, content_dir: &Path, path: PathBuf, file: PathBuf) {
        let inside = relative(content_dir, &path);
        let mut parts = inside.iter().map(|p| p.to_string_lossy().into_owned());
        let folder = parts.next().unwrap_or_default();
        if folder == MEDIA_DIR {
            self.media.insert(parts.collect::<Vec<_>>().join("/"));
            return;
        }
        let meta = std::fs::metadata(&path).ok();
        let stamp = (
            meta.as_ref().and_then(|m| m.modified().ok()),
            meta.map_or(0, |m| m.len()),
        );
        self.folders.entry(folder).or_default().push(RawFile {
            file,
            path,
            stamp,
            text: None,
        });
    }

    /// Takes in a change to one `path` (absolute); false when only a walk can tell what it
    /// changed.
    fn update(&mut self, root: &Path, path: &Path) -> bool {
        let content_dir = root.join(CONTENT_DIR);
        let Ok(inside) = path.strip_prefix(&content_dir) else {
            return true;
        };
        if inside.iter().any(|part| is_ignored(&part.to_string_lossy())) {
            return true;
        }
        let file = relative(root, path);
        let mut parts = inside.iter().map(|p| p.to_string_lossy().into_owned());
        let folder = parts.next().unwrap_or_default();
        match std::fs::symlink_metadata(path) {
            Ok(meta) if meta.is_file() => {
                // A name that differs from another only in capitals is for a walk to report.
                if !self.names.knows(&file) && self.names.add(&file).is_some() {
                    return false;
                }
                if folder == MEDIA_DIR {
                    self.media.insert(parts.collect::<Vec<_>>().join("/"));
                    return true;
                }
                let stamp = (meta.modified().ok(), meta.len());
                let files = self.folders.entry(folder).or_default();
                if let Some(known) = files.iter_mut().find(|raw| raw.file == file) {
                    known.stamp = stamp;
                    return true;
                }
                files.push(RawFile {
                    file,
                    path: path.to_path_buf(),
                    stamp,
                    text: None,
                });
                true
            }
            Ok(_) => false,
            Err(err) if err.kind() == std::io::ErrorKind::NotFound => {
                if folder == MEDIA_DIR {
                    let name = parts.collect::<Vec<_>>().join("/");
                    if self.media.remove(&name) {
                        self.names.remove(&file);
                        return true;
                    }
                }
                if let Some(files) = self.folders.get_mut(&folder)
                    && let Some(at) = files.iter().position(|raw| raw.file == file)
                {
                    files.remove(at);
                    self.names.remove(&file);
                    return true;
                }
                // Gone, and not a file that was known: a folder (walk), or a file that came
                // and went between two walks (nothing to do).
                !self.names.any_under(&file)
            }
            Err(_) => false,
        }
    }

    /// The files found in one folder of content/.
    pub fn in_folder(&self, folder: &str) -> &[RawFile] {
        self.folders.get(folder).map(Vec::as_slice).unwrap_or_default()
    }
}

/// The parsed files of one kind's folder, by path, with the stamp they were parsed at.
#[derive(Debug)]
pub struct Folder<F> {
    entries: BTreeMap<PathBuf, (Stamp, Result<F, Diagnostic>)>,
}

impl<F> Default for Folder<F> {
    fn default() -> Self {
        Folder {
            entries: BTreeMap::new(),
        }
    }
}

impl<F: Parsed + Clone + Send + Sync> Folder<F> {
    /// Parses the files of `found` that are new or changed, in parallel, and forgets the files
    /// that are gone.
    pub fn load(&mut self, found: &[RawFile], parse: impl Fn(&RawFile) -> Result<F, Diagnostic> + Sync) {
        let fresh: Vec<_> = found
            .par_iter()
            .filter(|raw| {
                !matches!(self.entries.get(&raw.file), Some((stamp, _)) if *stamp == raw.stamp && stamp.0.is_some())
            })
            .map(|raw| (raw.file.clone(), (raw.stamp, parse(raw))))
            .collect();
        self.entries.extend(fresh);
        if self.entries.len() > found.len() {
            let present: std::collections::HashSet<&Path> = found.iter().map(|r| r.file.as_path()).collect();
            self.entries.retain(|file, _| present.contains(file.as_path()));
        }
    }

    /// Parses again the files of `changed` that are among `found` (this folder's files) and
    /// forgets those that are not.
    pub fn reload(
        &mut self,
        found: &[RawFile],
        changed: &[PathBuf],
        parse: impl Fn(&RawFile) -> Result<F, Diagnostic> + Sync,
    ) {
        for file in changed {
            match found.iter().find(|raw| raw.file == *file) {
                Some(raw) => {
                    self.entries.insert(raw.file.clone(), (raw.stamp, parse(raw)));
                }
                None => {
                    self.entries.remove(file);
                }
            }
        }
    }

    /// Every file that parsed, in path order.
    pub fn parsed(&self) -> impl Iterator<Item = &F> {
        self.entries.values().filter_map(|(_, result)| result.as_ref().ok())
    }

    /// Every file that did not parse.
    pub fn problems(&self) -> impl Iterator<Item = &Diagnostic> {
        self.entries.values().filter_map(|(_, result)| result.as_ref().err())
    }

    /// The paths of the files that did not parse.
    pub fn failed(&self) -> impl Iterator<Item = &Path> {
        self.entries
            .iter()
            .filter(|(_, (_, result))| result.is_err())
            .map(|(file, _)| file.as_path())
    }

    /// One file, when it parsed.
    pub fn get(&self, file: &Path) -> Option<&F> {
        self.entries.get(file).and_then(|(_, result)| result.as_ref().ok())
    }

    /// Whether `file` is one of the folder's, parsed or not.
    pub fn holds(&self, file: &Path) -> bool {
        self.entries.contains_key(file)
    }

    /// The source of one parsed file.
    pub fn source(&self, file: &Path) -> Option<&Source> {
        match self.entries.get(file) {
            Some((_, Ok(parsed))) => Some(parsed.source()),
            _ => None,
        }
    }

    /// Adds a file that does not come from the folder (data that ships with Etalase).
    pub fn insert(&mut self, parsed: F) {
        let file = parsed.source().file.clone();
        self.entries.insert(file, ((None, 0), Ok(parsed)));
    }
}

/// Reads and decodes a file of a kind's folder, checking its extension.
fn read(raw: &RawFile, extensions: &[&str]) -> Result<String, Diagnostic> {
    let extension = raw.path.extension().and_then(|e| e.to_str()).unwrap_or_default();
    if !extensions.contains(&extension) {
        let expected = extensions[0];
        return Err(Diagnostic::new(
            &raw.file,
            Msg::WrongExtension {
                expected: expected.to_string(),
            },
        )
        .with_hint(Msg::HintRenameExtension {
            expected: expected.to_string(),
        }));
    }
    if let Some(text) = &raw.text {
        return yaml::decode_utf8(&raw.file, text.as_bytes());
    }
    let bytes = std::fs::read(&raw.path).map_err(|err| {
        Diagnostic::new(
            &raw.file,
            Msg::CannotRead {
                detail: err.to_string(),
            },
        )
    })?;
    yaml::decode_utf8(&raw.file, &bytes)
}

/// Parses a Markdown document named `<stem>.<lang>.md` (or `<stem>.md` for the first language).
pub fn document<F: DeserializeOwned>(raw: &RawFile, config: &Config) -> Result<Doc<F>, Diagnostic> {
    let text = read(raw, &["md"])?;
    let name = raw.stem();
    let (stem, lang) = match name.rsplit_once('.') {
        None => (name, LangId::FIRST),
        Some((stem, code)) => match config.languages.iter().position(|l| l.code == code) {
            Some(lang) => (stem, LangId::new(lang)),
            None => {
                return Err(
                    Diagnostic::new(&raw.file, Msg::LanguageInFileName { code: code.to_string() })
                        .with_hint(suggestion(code, config.language_codes()))
                        .with_hint(Msg::HintNameLanguage),
                );
            }
        },
    };
    let split = frontmatter::split(&raw.file, &text)?;
    let front = yaml::parse(&raw.file, &split.yaml)?;
    let body_start = text.len() - split.body.len();
    Ok(Doc {
        stem: stem.to_string(),
        lang,
        front,
        body_start,
        source: Source::new(raw.file.clone(), text),
    })
}

/// Parses a YAML sheet, identified by its file stem.
pub fn sheet<S: DeserializeOwned>(raw: &RawFile) -> Result<Sheet<S>, Diagnostic> {
    let text = read(raw, &["yaml", "yml"])?;
    sheet_from(raw.file.clone(), raw.stem(), text)
}

/// Parses a YAML sheet from its text.
pub fn sheet_from<S: DeserializeOwned>(file: PathBuf, id: &str, text: String) -> Result<Sheet<S>, Diagnostic> {
    if text.trim().is_empty() {
        return Err(Diagnostic::new(&file, Msg::FileEmpty).with_hint(Msg::HintCopySheet));
    }
    let data = yaml::parse(&file, &text)?;
    Ok(Sheet {
        id: id.to_string(),
        data,
        source: Source::new(file, text),
    })
}

/// A symbolic link in a folder Etalase reads: skipped, since following it could publish
/// files from outside the site folder.
pub fn skipped_link(file: &Path) -> Diagnostic {
    Diagnostic::warning(file, Msg::SkippedLink).with_hint(Msg::HintCopyNotLink)
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
                    Msg::CaseTwin {
                        other: messages::Path(other.clone()),
                    },
                )
                .with_hint(Msg::HintCaseTwin),
            ),
            None => {
                self.0.insert(folded, file.to_path_buf());
                None
            }
        }
    }

    /// Whether `file` is recorded under this very name.
    fn knows(&self, file: &Path) -> bool {
        self.0
            .get(&file.to_string_lossy().to_lowercase())
            .is_some_and(|known| known == file)
    }

    fn remove(&mut self, file: &Path) {
        self.0.remove(&file.to_string_lossy().to_lowercase());
    }

    /// Whether any recorded file is inside the folder `dir`.
    fn any_under(&self, dir: &Path) -> bool {
        self.0.values().any(|file| file.starts_with(dir))
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
