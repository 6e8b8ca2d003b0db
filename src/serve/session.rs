//! Rebuilds for the dev server. Each rebuild runs the pipeline of `build` (config → content →
//! site → media → render) on the files as they are now — re-parsing only changed files,
//! re-rendering only changed Markdown, and patching the last good site with the items of the
//! files saved since it when they move no page (`Site::patch`) — and renders again exactly the
//! pages that read something whose fingerprint changed since the last good build (see
//! `record`). What it renders lands in the preview folder only when the whole rebuild
//! succeeded, so the last good build stays the one served, and the one every later rebuild is
//! compared with.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use tokio::sync::watch as status;

use super::record::{Changes, Fingerprints, Record};
use super::search::Indexer;
use crate::build::{BuildOptions, copied_media, load_config};
use crate::config::Config;
use crate::content::{CONTENT_DIR, MEDIA_DIR, Refreshed};
use crate::error::Error;
use crate::hashing::{FastMap, FastSet, Seeded};
use crate::kinds::{Content, Page, Renderer, Site};
use crate::media::{Mode, Photos, Processor};
use crate::output::preview::Preview;
use crate::render::{Assets, Cards, Dep, DepKey, Pages, RenderOptions, Templates};
use crate::site::SiteOptions;
use crate::site::fingerprint::{self, Fingerprints as SiteFingerprints};
use crate::site::memo::Caches;
use crate::theme::{StaticFile, Theme};
use crate::timings::Phases;

/// The site as the server shows it: the file behind every `/`-separated path, and the
/// addresses of the theme's assets to fill into pages as they are served. Pages and other
/// files are kept apart, so that a save that moves no page keeps the (large) map of pages.
#[derive(Debug, Default)]
pub struct Snapshot {
    pages: Arc<FastMap<String, PathBuf>>,
    others: Arc<FastMap<String, PathBuf>>,
    pub assets: Assets,
}

impl Snapshot {
    /// The file that holds `path` of the site, when the site has it.
    pub fn file(&self, path: &str) -> Option<&PathBuf> {
        self.pages.get(path).or_else(|| self.others.get(path))
    }
}

/// What a rebuild did.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// The pages rendered, by output path, sorted.
    pub rendered: Vec<String>,
    /// Pages not rendered: nothing they read changed.
    pub reused: usize,
    /// Whether only stylesheets changed among the files served.
    pub css_only: bool,
    /// Whether any file of the site changed.
    pub changed: bool,
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
    /// What was parsed, with the text of etalase.yaml it was parsed under and what that
    /// text configures (read again only when the text changes).
    content: Option<(Option<Vec<u8>>, Config, Content)>,
    /// Markdown rendered and items resolved by earlier rebuilds.
    caches: Caches,
    /// The theme of the last load, and whether a save since then asks to load it again
    /// (a failed load stays asked until one succeeds).
    theme: Option<(Theme, Arc<Templates>)>,
    theme_stale: bool,
    /// Photos are served from the image cache; unchanged photo files are not read again.
    photos: Processor,
    preview: Preview,
    record: Record,
    /// The cards of the last build, reused where what they read did not change.
    cards: Cards,
    /// The site of the last good build, with its items' fingerprints.
    site: Option<(Arc<Site>, Arc<SiteFingerprints>)>,
    /// The content files saved since the last good build, as long as nothing else changed
    /// (`None` then): the files a patch of that build's site must resolve again.
    saved_since: Option<Vec<PathBuf>>,
    /// The hash of every file that is not a page (static files, media, photos), by path.
    files: FastMap<String, u64>,
    snapshot: Arc<Snapshot>,
    /// Keeps the search index of the served folder up to date (when Pagefind is installed).
    indexer: Option<Indexer>,
    search: status::Receiver<Vec<PathBuf>>,
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
        let preview = Preview::open(&cache)?;
        let (found, search) = status::channel(Vec::new());
        let indexer = crate::search::pagefind(&options.root).map(|program| {
            let (site, folder) = (preview.site_folder(), preview.search_folder());
            Indexer::start(program, site.to_path_buf(), folder.to_path_buf(), found)
        });
        Ok(Session {
            photos: Processor::new(&options.root),
            preview,
            indexer,
            search,
            options,
            content: None,
            caches: Caches::session(),
            theme: None,
            theme_stale: true,
            record: Record::default(),
            cards: Cards::default(),
            site: None,
            saved_since: None,
            files: FastMap::default(),
            snapshot: Arc::new(Snapshot::default()),
        })
    }

    pub fn root(&self) -> &Path {
        &self.options.root
    }

    /// Where the search indexes of the served folder are, newest first.
    pub fn search_index(&self) -> status::Receiver<Vec<PathBuf>> {
        self.search.clone()
    }

    /// Rebuilds after `change`; on error the last good build stays the one served and the one
    /// the next rebuild is compared with.
    pub fn rebuild(&mut self, change: Change, paths: &[PathBuf]) -> Result<(Arc<Snapshot>, Outcome), Error> {
        let started = Instant::now();
        self.theme_stale |= change != Change::Content;
        // The content files the watcher saw change (none for a static file); after a change of
        // the configuration or theme, every file is looked at again.
        let changed = match change {
            Change::Content => Some(paths),
            Change::Static => Some(&[][..]),
            Change::Everything => None,
        };
        match (&mut self.saved_since, change) {
            (Some(saved), Change::Content) => saved.extend_from_slice(paths),
            (_, Change::Everything) => self.saved_since = None,
            _ => {}
        }
        let result = self.try_rebuild(started, changed);
        match result {
            Ok(_) => self.saved_since = Some(Vec::new()),
            // Nothing of a failed rebuild is kept.
            Err(_) => drop(self.preview.discard()),
        }
        result
    }

    fn try_rebuild(
        &mut self,
        started: Instant,
        changed: Option<&[PathBuf]>,
    ) -> Result<(Arc<Snapshot>, Outcome), Error> {
        let mut phases = Phases::new("a rebuild");
        // The site is made of the configuration and the content alone: when neither changed
        // since the last good build, it is that build's. The last good site stays until this
        // rebuild succeeds, for the next to patch when this one fails.
        let last = self.site.clone();
        let nothing_saved = self.saved_since.as_ref().is_some_and(Vec::is_empty);
        let reused = last
            .clone()
            .filter(|_| nothing_saved && changed.is_some_and(<[PathBuf]>::is_empty));
        let (site, of_site) = match reused {
            Some(last) => last,
            None => {
                let last = last.as_ref().map(|(site, _)| site.as_ref());
                let site = self.resolve(last, changed, &mut phases)?;
                let of_site = site.items.fingerprints(&site.lists);
                (Arc::new(site), Arc::new(of_site))
            }
        };
        phases.mark("site fingerprints");
        let (photos, _) = crate::build::photos(&self.photos, &site, Mode::Build)?;
        phases.mark("photos");
        let templates = self.templates(&site)?;
        let others = self.other_files(&site, &photos)?;
        phases.mark("theme");
        // Sized for what the last build's pages read, rather than grown step by step.
        let mut fingerprints = FastMap::with_capacity_and_hasher(self.record.dependencies(), Seeded);
        fingerprints.extend(of_site.items.iter().map(|(item, hash)| (Dep::Item(*item).key(), *hash)));
        fingerprints.extend(of_site.lists.iter().map(|(list, hash)| (Dep::List(*list).key(), *hash)));
        fingerprints.extend(
            photos
                .fingerprints()
                .map(|(src, hash)| (Dep::Photo(src.to_string()).key(), hash)),
        );
        phases.mark("item fingerprints");
        let reuse = (&self.cards, &fingerprints);
        let renderer = Renderer::reusing(
            site.clone(),
            Arc::new(photos),
            templates,
            RenderOptions::default(),
            reuse,
        );
        phases.mark("cards");
        fingerprints.extend(renderer.fingerprints().into_iter().map(|(dep, hash)| (dep.key(), hash)));
        phases.mark("card fingerprints");
        let places = renderer.places();
        fingerprints.insert(Dep::Places.key(), renderer.places_fingerprint());
        let now = Fingerprints::new(fingerprints);
        phases.mark("places");

        let paths = renderer.paths();
        let path_refs: Vec<&str> = paths.iter().map(String::as_str).collect();
        let stale = self.record.stale(&path_refs, &now);
        let first = self.record.is_empty();
        let to_render: Vec<usize> = (0..places.len()).filter(|&ix| stale[ix]).collect();
        phases.mark("stale");
        let rendered: Vec<(String, Vec<DepKey>, u64, bool)> = to_render
            .par_iter()
            .map(|&ix| {
                let file = renderer.render(places[ix].0)?;
                let hash = fingerprint::of(&file.bytes);
                let changed = !self.record.unchanged(&file.path, hash);
                if changed {
                    self.put(first, &file.path, &file.bytes)?;
                }
                // Kept by key: every page's reads are held until the rebuild is recorded.
                let deps: Vec<DepKey> = file.deps.iter().map(Dep::key).collect();
                Ok((file.path, deps, hash, changed))
            })
            .collect::<Result<_, Error>>()?;

        phases.mark("render");
        let mut written: Vec<String> = rendered
            .iter()
            .filter(|(.., changed)| *changed)
            .map(|(path, ..)| path.clone())
            .collect();
        let mut file_hashes = FastMap::with_capacity_and_hasher(others.len(), Seeded);
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

        let all: FastSet<&str> = path_refs
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

        phases.mark("write");
        let pages_changed = written.iter().chain(&removed).any(|path| path.ends_with(".html"));
        if let Some(indexer) = self.indexer.as_ref().filter(|_| pages_changed) {
            indexer.refresh();
        }
        let mut changes = Changes::default();
        let mut rendered_paths = Vec::with_capacity(rendered.len());
        for (path, deps, hash, _) in rendered {
            rendered_paths.push(path.clone());
            changes.rendered(path, deps, hash);
        }
        rendered_paths.sort_unstable();
        for path in &removed {
            changes.removed(path.clone());
        }
        self.record.apply(changes, &now);
        self.files = file_hashes;
        let css_only = !written.is_empty() && removed.iter().chain(&written).all(|p| p.ends_with(".css"));
        let changed = !written.is_empty() || !removed.is_empty();
        // The same places as the last good site's (shared by a patch, and alive in `last`):
        // the same pages.
        let same_pages = last
            .as_ref()
            .is_some_and(|(last, _)| std::ptr::eq(Page::placed(last).paths(), paths));
        self.snapshot = Arc::new(self.snapshot(paths, same_pages, &others, renderer.assets()));
        self.cards = renderer.cards().clone();
        let retired = self.site.replace((site, of_site));
        let reused = places.len() - rendered_paths.len();
        // Freeing a large site takes a while, and would slow this rebuild's parallel work or
        // the reload: the last one is freed in the background, once this rebuild is done.
        rayon::spawn(move || drop((renderer, retired, last)));
        phases.mark("record");
        phases.report();
        Ok((
            self.snapshot.clone(),
            Outcome {
                reused,
                rendered: rendered_paths,
                css_only,
                changed,
                elapsed: started.elapsed(),
            },
        ))
    }

    /// The site as the files are now: everything parsed again only where a file changed, and
    /// the `last` good site patched when the saves since it allow (see `Site::patch`).
    fn resolve(
        &mut self,
        last: Option<&Site>,
        changed: Option<&[PathBuf]>,
        phases: &mut Phases,
    ) -> Result<Site, Error> {
        let config_text = std::fs::read(self.options.root.join(crate::config::CONFIG_FILE)).ok();
        if !matches!(&self.content, Some((text, ..)) if *text == config_text) {
            let config = load_config(&self.options)?;
            // Languages decide how files are read: parse everything again.
            self.content = Some((config_text, config, Content::default()));
            self.theme_stale = true;
        }
        let Some((_, config, content)) = &mut self.content else {
            unreachable!("the content is set above");
        };
        let config = config.clone();
        let refreshed = match changed {
            Some(paths) => content.refresh_files(&self.options.root, &config, paths)?,
            None => {
                content.refresh(&self.options.root, &config)?;
                Refreshed::Walked
            }
        };
        phases.mark("content");
        let options = SiteOptions {
            drafts: self.options.drafts,
        };
        // A walk may have found more than the saves named.
        let saved = self.saved_since.as_deref().filter(|_| refreshed != Refreshed::Walked);
        let root = &self.options.root;
        let patched = last.zip(saved).and_then(|(last, saved)| {
            let mut saved: Vec<PathBuf> = saved.iter().map(|path| crate::content::relative(root, path)).collect();
            saved.sort_unstable();
            saved.dedup();
            Site::patch(last, config.clone(), content, &saved, options, &self.caches)
        });
        let site = patched.map_or_else(|| Site::build(config, content, options, &self.caches), Ok);
        phases.mark("site");
        site
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
    fn other_files(&self, site: &Site, photos: &Photos) -> Result<FastMap<String, Source>, Error> {
        let mut files = FastMap::default();
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

    /// The snapshot to serve: the maps of the last one where no path came or went (the
    /// pages are the same when `same_pages` says so).
    fn snapshot(
        &self,
        pages: &[String],
        same_pages: bool,
        others: &FastMap<String, Source>,
        assets: &Assets,
    ) -> Snapshot {
        let last = &self.snapshot;
        let pages = if same_pages && !last.pages.is_empty() {
            last.pages.clone()
        } else {
            let files = pages
                .iter()
                .filter_map(|path| Some((path.clone(), self.preview.file(path)?)))
                .collect();
            Arc::new(files)
        };
        let same_others = last.others.len() == others.len()
            && others.iter().all(|(path, source)| match source {
                Source::InPlace(file) => last.others.get(path) == Some(file),
                Source::Copied(_) => last.others.contains_key(path),
            });
        let others = if same_others {
            last.others.clone()
        } else {
            let files = others
                .iter()
                .filter_map(|(path, source)| {
                    let file = match source {
                        Source::InPlace(file) => Some(file.clone()),
                        Source::Copied(_) => self.preview.file(path),
                    };
                    Some((path.clone(), file?))
                })
                .collect();
            Arc::new(files)
        };
        Snapshot {
            pages,
            others,
            assets: assets.clone(),
        }
    }
}

fn is_in_place(others: &FastMap<String, Source>, path: &str) -> bool {
    matches!(others.get(path), Some(Source::InPlace(_)))
}
