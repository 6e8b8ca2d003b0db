//! Rebuilds for the dev server. Each rebuild runs the pipeline of `build` (config → content →
//! site → media → render) on the files as they are now — re-parsing only changed files and
//! re-rendering only changed Markdown — and renders again exactly the pages that read
//! something whose fingerprint changed since the last good build (see `record`). What it
//! renders lands in the preview folder only when the whole rebuild succeeded, so the last good
//! build stays the one served, and the one every later rebuild is compared with.

use std::collections::{BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use super::record::{Changes, Fingerprints, Record};
use crate::build::{BuildOptions, copied_media, load_config};
use crate::content::{CONTENT_DIR, MEDIA_DIR};
use crate::error::Error;
use crate::kinds::{Content, Renderer, Site};
use crate::media::{Mode, Photos, Processor};
use crate::output::preview::Preview;
use crate::render::{Assets, Dep, RenderOptions, Templates};
use crate::site::SiteOptions;
use crate::site::fingerprint;
use crate::site::markdown::Markdown;
use crate::theme::{StaticFile, Theme};

/// The site as the server shows it: the file behind every `/`-separated path, and the
/// addresses of the theme's assets to fill into pages as they are served.
#[derive(Debug, Default)]
pub struct Snapshot {
    pub files: Arc<HashMap<String, PathBuf>>,
    pub assets: Assets,
}

/// What a rebuild did.
#[derive(Debug, Clone, Copy)]
pub struct Outcome {
    /// Pages rendered.
    pub rendered: usize,
    /// Pages not rendered: nothing they read changed.
    pub reused: usize,
    /// Whether only stylesheets changed among the files served.
    pub css_only: bool,
    pub elapsed: Duration,
}

/// What changed on disk, from the watcher's point of view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    /// Content files.
    Content,
    /// Static files of the theme or site.
    Static,
    /// Configuration, templates or strings.
    Everything,
}

/// The state kept between rebuilds.
pub struct Session {
    options: BuildOptions,
    /// What was parsed, with the text of etalase.yaml it was parsed under.
    content: Option<(Option<Vec<u8>>, Content)>,
    markdown: Markdown,
    /// The theme of the last load, and whether a save since then asks to load it again
    /// (a failed load stays asked until one succeeds).
    theme: Option<(Theme, Arc<Templates>)>,
    theme_stale: bool,
    /// Photos are served from the image cache; unchanged photo files are not read again.
    photos: Processor,
    preview: Preview,
    record: Record,
    /// The hash of every file that is not a page (static files, media, photos), by path.
    files: HashMap<String, u64>,
    snapshot: Arc<Snapshot>,
}

/// A file that is not a page: where its bytes come from.
enum Source {
    /// Copied into the preview folder (static files and media), since the file may change.
    Copied(StaticFile),
    /// Served from where it is: photo variants in the image cache, named by their content.
    InPlace(PathBuf),
}

impl Session {
    pub fn new(options: BuildOptions) -> Result<Session, Error> {
        let cache = options.root.join(crate::media::cache::CACHE_DIR);
        Ok(Session {
            photos: Processor::new(&options.root),
            preview: Preview::open(&cache)?,
            options,
            content: None,
            markdown: Markdown::cached(),
            theme: None,
            theme_stale: true,
            record: Record::default(),
            files: HashMap::new(),
            snapshot: Arc::new(Snapshot::default()),
        })
    }

    pub fn root(&self) -> &Path {
        &self.options.root
    }

    /// Rebuilds after `change`; on error the last good build stays the one served and the one
    /// the next rebuild is compared with.
    pub fn rebuild(&mut self, change: Change) -> Result<(Arc<Snapshot>, Outcome), Error> {
        let started = Instant::now();
        self.theme_stale |= change != Change::Content;
        let result = self.try_rebuild(started);
        if result.is_err() {
            // Nothing of a failed rebuild is kept.
            let _ = self.preview.discard();
        }
        result
    }

    fn try_rebuild(&mut self, started: Instant) -> Result<(Arc<Snapshot>, Outcome), Error> {
        let site = self.resolve()?;
        let (photos, _) = crate::build::photos(&self.photos, &site, Mode::Build)?;
        let templates = self.templates(&site)?;
        let others = self.other_files(&site, &photos)?;
        let of_site = site.items.fingerprints(&site.lists);
        let mut fingerprints: HashMap<Dep, u64> = of_site
            .items
            .into_iter()
            .map(|(item, hash)| (Dep::Item(item), hash))
            .collect();
        fingerprints.extend(of_site.lists.into_iter().map(|(list, hash)| (Dep::List(list), hash)));
        fingerprints.extend(
            photos
                .fingerprints()
                .map(|(src, hash)| (Dep::Photo(src.to_string()), hash)),
        );
        let renderer = Renderer::new(Arc::new(site), Arc::new(photos), templates, RenderOptions::default());
        fingerprints.extend(renderer.fingerprints());
        let now = Fingerprints::new(fingerprints);

        let pages = renderer.pages();
        let paths: Vec<String> = pages.iter().map(|&page| renderer.place(page).output_path()).collect();
        let path_refs: Vec<&str> = paths.iter().map(String::as_str).collect();
        let stale = self.record.stale(&path_refs, &now);
        let first = self.record.is_empty();
        let to_render: Vec<usize> = (0..pages.len()).filter(|&ix| stale[ix]).collect();
        let rendered: Vec<(String, BTreeSet<Dep>, u64, bool)> = to_render
            .par_iter()
            .map(|&ix| {
                let file = renderer.render(pages[ix])?;
                let hash = fingerprint::of(&file.bytes);
                let changed = !self.record.unchanged(&file.path, hash);
                if changed {
                    self.put(first, &file.path, &file.bytes)?;
                }
                Ok((file.path, file.deps, hash, changed))
            })
            .collect::<Result<_, Error>>()?;

        let mut written: Vec<String> = rendered
            .iter()
            .filter(|(.., changed)| *changed)
            .map(|(path, ..)| path.clone())
            .collect();
        let mut file_hashes = HashMap::with_capacity(others.len());
        for (path, source) in &others {
            let (hash, bytes) = match source {
                Source::Copied(from) => {
                    let bytes = from.bytes()?;
                    (fingerprint::of(bytes.as_ref()), Some(bytes))
                }
                Source::InPlace(file) => (fingerprint::of(file), None),
            };
            if self.files.get(path) != Some(&hash) {
                if let Some(bytes) = bytes {
                    self.put(first, path, &bytes)?;
                }
                written.push(path.clone());
            }
            file_hashes.insert(path.clone(), hash);
        }

        let all: HashSet<&str> = path_refs
            .iter()
            .copied()
            .chain(others.keys().map(String::as_str))
            .collect();
        let mut removed: Vec<String> = self.record.gone(&all).into_iter().map(String::from).collect();
        removed.extend(self.files.keys().filter(|p| !all.contains(p.as_str())).cloned());
        if first {
            self.preview.keep_only(&all)?;
        } else {
            let staged: Vec<String> = written.iter().filter(|p| !is_in_place(&others, p)).cloned().collect();
            self.preview.commit(&staged, &removed)?;
        }

        let mut changes = Changes::default();
        let count = rendered.len();
        for (path, deps, hash, _) in rendered {
            changes.rendered(path, deps, hash);
        }
        for path in &removed {
            changes.removed(path.clone());
        }
        self.record.apply(changes, &now);
        self.files = file_hashes;
        let css_only = !written.is_empty() && removed.iter().chain(&written).all(|p| p.ends_with(".css"));
        self.snapshot = Arc::new(self.snapshot(&paths, &others, renderer.assets(), !removed.is_empty()));
        Ok((
            self.snapshot.clone(),
            Outcome {
                rendered: count,
                reused: pages.len() - count,
                css_only,
                elapsed: started.elapsed(),
            },
        ))
    }

    /// The site as the files are now: everything parsed again only where a file changed.
    fn resolve(&mut self) -> Result<Site, Error> {
        let config = load_config(&self.options)?;
        let config_text = std::fs::read(self.options.root.join(crate::config::CONFIG_FILE)).ok();
        if !matches!(&self.content, Some((text, _)) if *text == config_text) {
            // Languages decide how files are read: parse everything again.
            self.content = Some((config_text, Content::default()));
            self.theme_stale = true;
        }
        let Some((_, content)) = &mut self.content else {
            unreachable!("the content is set above");
        };
        content.refresh(&self.options.root, &config)?;
        let options = SiteOptions {
            drafts: self.options.drafts,
        };
        Site::build(config, content, options, &self.markdown)
    }

    /// The theme's compiled templates, loaded again when a save touched the theme.
    fn templates(&mut self, site: &Site) -> Result<Arc<Templates>, Error> {
        if self.theme_stale || self.theme.is_none() {
            let theme = Theme::load(&self.options.root, &site.config)?;
            let templates = Arc::new(Templates::new(&theme)?);
            self.theme = Some((theme, templates));
            self.theme_stale = false;
        }
        match &self.theme {
            Some((_, templates)) => Ok(templates.clone()),
            None => unreachable!("the theme is loaded above"),
        }
    }

    /// Every file of the site that is not a page, by path.
    fn other_files(&self, site: &Site, photos: &Photos) -> Result<HashMap<String, Source>, Error> {
        let mut files = HashMap::new();
        if let Some((theme, _)) = &self.theme {
            for (path, from) in &theme.static_files {
                files.insert(path.clone(), Source::Copied(from.clone()));
            }
        }
        let media_dir = self.options.root.join(CONTENT_DIR).join(MEDIA_DIR);
        for name in copied_media(site) {
            let from = StaticFile::Disk(media_dir.join(&name));
            files.insert(format!("{MEDIA_DIR}/{name}"), Source::Copied(from));
        }
        for (path, from) in self.photos.files(photos) {
            files.insert(path, Source::InPlace(from));
        }
        Ok(files)
    }

    /// Writes a file of this rebuild: straight in on the first build, else aside until the
    /// rebuild succeeded.
    fn put(&self, first: bool, path: &str, bytes: &[u8]) -> Result<(), Error> {
        if first {
            self.preview.write(path, bytes)
        } else {
            self.preview.stage(path, bytes)
        }
    }

    /// The snapshot to serve: the file map of the last one when no path came or went.
    fn snapshot(&self, pages: &[String], others: &HashMap<String, Source>, assets: &Assets, removed: bool) -> Snapshot {
        let same_paths = !removed
            && self.snapshot.files.len() == pages.len() + others.len()
            && pages.iter().all(|p| self.snapshot.files.contains_key(p))
            && others.keys().all(|p| self.snapshot.files.contains_key(p));
        let files = if same_paths {
            self.snapshot.files.clone()
        } else {
            let mut files = HashMap::with_capacity(pages.len() + others.len());
            for path in pages.iter().chain(others.keys()) {
                let file = match others.get(path) {
                    Some(Source::InPlace(file)) => Some(file.clone()),
                    _ => self.preview.file(path),
                };
                if let Some(file) = file {
                    files.insert(path.clone(), file);
                }
            }
            Arc::new(files)
        };
        Snapshot {
            files,
            assets: assets.clone(),
        }
    }
}

fn is_in_place(others: &HashMap<String, Source>, path: &str) -> bool {
    matches!(others.get(path), Some(Source::InPlace(_)))
}
