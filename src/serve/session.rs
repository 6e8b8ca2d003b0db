//! Incremental rebuilds for the dev server. Each rebuild runs the same pipeline as `build`
//! (config → content → site → render), but re-parses only changed files, re-renders only
//! changed Markdown, and re-renders a page only when its template context differs from the
//! last build's: a page is a pure function of its template and context, so an unchanged
//! context means unchanged bytes.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use rayon::prelude::*;
use tera::Context;

use crate::build::BuildOptions;
use crate::config::Config;
use crate::content::frontmatter;
use crate::content::{CONTENT_DIR, ContentCache, MEDIA_DIR};
use crate::error::Error;
use crate::media::{Mode, Processor};
use crate::render::theme::{StaticFile, Theme};
use crate::render::{Job, RenderOptions, Renderer, Templates};
use crate::site::SiteOptions;
use crate::site::markdown::{self, Markdown};

/// One servable file: rendered bytes, or a file on disk (static files and media).
#[derive(Debug, Clone)]
pub enum Served {
    Bytes(Bytes),
    File(PathBuf),
}

/// The site as the server shows it: every file by its `/`-separated path.
#[derive(Debug, Default)]
pub struct Snapshot {
    pub files: HashMap<String, Served>,
}

/// What a rebuild did.
#[derive(Debug, Clone, Copy)]
pub struct Outcome {
    pub rendered: usize,
    pub reused: usize,
    pub elapsed: Duration,
}

/// What changed on disk, from the watcher's point of view.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Change {
    /// Static files of the theme or site: the file map is refreshed, no page changes.
    Static,
    /// Content files: pages are re-rendered where their context changed.
    Content,
    /// Configuration, templates or strings: every page is re-rendered.
    Everything,
}

struct RenderedPage {
    template: &'static str,
    context: Context,
    bytes: Bytes,
}

/// The state kept between rebuilds.
pub struct Session {
    options: BuildOptions,
    cache: ContentCache,
    markdown: Markdown,
    theme: Option<(Theme, Arc<Templates>)>,
    /// Photos are served from the image cache; unchanged photo files are not read again.
    photos: Processor,
    pages: HashMap<String, RenderedPage>,
    config_text: Option<Vec<u8>>,
    /// The last good build: its renderer (which owns the site) and what was served.
    last: Option<(Renderer, Arc<Snapshot>)>,
    /// What changed since the last good build: failed rebuilds add up until one succeeds.
    pending: Option<(Change, Vec<PathBuf>)>,
}

impl Session {
    pub fn new(options: BuildOptions) -> Session {
        Session {
            photos: Processor::new(&options.root),
            options,
            cache: ContentCache::default(),
            markdown: Markdown::cached(),
            theme: None,
            pages: HashMap::new(),
            config_text: None,
            last: None,
            pending: None,
        }
    }

    pub fn root(&self) -> &Path {
        &self.options.root
    }

    /// Rebuilds after `change` to `paths`; on error the previous snapshot stays the one to serve,
    /// and the next rebuild also covers what changed since that last good build.
    pub fn rebuild(&mut self, change: Change, paths: &[PathBuf]) -> Result<(Arc<Snapshot>, Outcome), Error> {
        let (change, mut all) = match self.pending.take() {
            Some((before, earlier)) => (before.max(change), earlier),
            None => (change, Vec::new()),
        };
        all.extend_from_slice(paths);
        all.sort();
        all.dedup();
        let result = self.rebuild_since_last_good(change, &all);
        if result.is_err() {
            self.pending = Some((change, all));
        }
        result
    }

    fn rebuild_since_last_good(
        &mut self,
        change: Change,
        paths: &[PathBuf],
    ) -> Result<(Arc<Snapshot>, Outcome), Error> {
        let started = Instant::now();
        if change == Change::Content
            && let Some((snapshot, outcome)) = self.body_edit(paths)?
        {
            return Ok((
                snapshot,
                Outcome {
                    elapsed: started.elapsed(),
                    ..outcome
                },
            ));
        }
        let mut config = Config::load(&self.options.root)?;
        if let Some(base_url) = &self.options.base_url {
            config.base_url = base_url.clone();
        }
        let config_text = std::fs::read(self.options.root.join(crate::config::CONFIG_FILE)).ok();
        let mut everything = change == Change::Everything || self.theme.is_none();
        if config_text != self.config_text {
            // Languages decide how files are read: parse everything again.
            self.cache = ContentCache::default();
            everything = true;
        }
        if everything || change == Change::Static {
            let theme = Theme::load(&self.options.root, &config)?;
            let templates = Arc::new(Templates::new(&theme)?);
            self.theme = Some((theme, templates));
        }
        let content = crate::content::load_cached(&self.options.root, &config, &mut self.cache)?;
        let options = SiteOptions {
            drafts: self.options.drafts,
        };
        let mut site = crate::build::resolve(config, content, options, &self.markdown)?;
        let (photos, _) = self.photos.run(&site, Mode::Build)?;
        let photo_files = self.photos.files(&photos);
        site.photos = photos;
        let Some((theme, templates)) = &self.theme else {
            unreachable!("the theme is loaded above");
        };
        let renderer = Renderer::new(Arc::new(site), templates.clone(), RenderOptions::default());
        let stories_changed = if change == Change::Content {
            changed_story_keys(&self.options.root, paths)
        } else {
            None
        };
        let (pages, outcome) = render_changed(&renderer, &self.pages, everything, stories_changed.as_ref())?;
        let mut files: HashMap<String, Served> = HashMap::with_capacity(pages.len() + 64);
        for (path, from) in &theme.static_files {
            let served = match from {
                StaticFile::Disk(file) => Served::File(file.clone()),
                StaticFile::Builtin(bytes) => Served::Bytes(Bytes::from_static(bytes)),
            };
            files.insert(path.clone(), served);
        }
        let media_dir = self.options.root.join(CONTENT_DIR).join(MEDIA_DIR);
        for media in crate::build::copied_media(renderer.site()) {
            files.insert(format!("{MEDIA_DIR}/{media}"), Served::File(media_dir.join(&media)));
        }
        for (path, from) in photo_files {
            files.insert(path, Served::File(from));
        }
        for job in renderer.jobs() {
            if renderer.url(job).is_none() {
                let file = renderer.render(job)?;
                files.insert(file.path, Served::Bytes(Bytes::from(file.bytes)));
            }
        }
        for (path, page) in &pages {
            files.insert(path.clone(), Served::Bytes(page.bytes.clone()));
        }
        let snapshot = Arc::new(Snapshot { files });
        self.pages = pages;
        self.config_text = config_text;
        self.last = Some((renderer, snapshot.clone()));
        Ok((
            snapshot,
            Outcome {
                elapsed: started.elapsed(),
                ..outcome
            },
        ))
    }

    /// The fast path for the most common save: the text of stories changed and their front
    /// matter did not. Only those stories' pages and the feeds can differ, so only they are
    /// rendered. `None` when the change is anything else (the full path handles it).
    fn body_edit(&mut self, paths: &[PathBuf]) -> Result<Option<(Arc<Snapshot>, Outcome)>, Error> {
        let news_dir = self.options.root.join(CONTENT_DIR).join("news");
        let Some((renderer, snapshot)) = &mut self.last else {
            return Ok(None);
        };
        let mut edits = Vec::new();
        for path in paths {
            if !path.starts_with(&news_dir) || edits.iter().any(|(p, _)| p == path) {
                return Ok(None);
            }
            let Some(old) = self.cache.story(path) else {
                return Ok(None);
            };
            let Ok(text) = std::fs::read_to_string(path) else {
                return Ok(None);
            };
            let (Ok(new), Ok(before)) = (
                frontmatter::split(path, &text),
                frontmatter::split(path, &old.source.text),
            ) else {
                return Ok(None);
            };
            // Links to other content files resolve against the whole site: the full path does that.
            if new.yaml != before.yaml || text.starts_with('\u{feff}') || !markdown::content_links(new.body).is_empty()
            {
                return Ok(None);
            }
            edits.push((path.clone(), new.body.to_string()));
        }
        let config = renderer.site().config.clone();
        let mut changed_jobs = Vec::new();
        for (path, body) in &edits {
            if !self.cache.refresh_story(&self.options.root, &config, path) {
                return Ok(None);
            }
            let relative = crate::content::relative(&self.options.root, path);
            let Some(ix) = renderer.site().stories.iter().position(|s| s.file == relative) else {
                // A draft that is not published: nothing shown changes.
                continue;
            };
            if !renderer.set_story_html(ix, self.markdown.to_html(body)) {
                return Ok(None);
            }
            changed_jobs.push(Job::Story { ix });
            changed_jobs.push(Job::Feed {
                lang: renderer.site().stories[ix].lang,
            });
        }
        let mut files = snapshot.files.clone();
        let mut rendered = 0;
        for job in changed_jobs {
            match renderer.context(job) {
                Some((template, context)) => {
                    let file = renderer.render_page(job, template, &context)?;
                    let bytes = Bytes::from(file.bytes);
                    files.insert(file.path.clone(), Served::Bytes(bytes.clone()));
                    self.pages.insert(
                        file.path,
                        RenderedPage {
                            template,
                            context,
                            bytes,
                        },
                    );
                }
                None => {
                    let file = renderer.render(job)?;
                    files.insert(file.path, Served::Bytes(Bytes::from(file.bytes)));
                }
            }
            rendered += 1;
        }
        let new_snapshot = Arc::new(Snapshot { files });
        *snapshot = new_snapshot.clone();
        let outcome = Outcome {
            rendered,
            reused: self.pages.len().saturating_sub(rendered),
            elapsed: Duration::ZERO,
        };
        Ok(Some((new_snapshot, outcome)))
    }
}

/// The keys (file stems without language) of the press releases among `paths`, when every
/// path is one; `None` when anything else changed too.
fn changed_story_keys(root: &Path, paths: &[PathBuf]) -> Option<HashSet<String>> {
    let news = root.join(CONTENT_DIR).join("news");
    if paths.is_empty() {
        return None;
    }
    paths
        .iter()
        .map(|path| {
            path.strip_prefix(&news).ok()?;
            let name = path.file_name()?.to_str()?.strip_suffix(".md")?;
            Some(name.rsplit_once('.').map_or(name, |(stem, _)| stem).to_string())
        })
        .collect()
}

/// Renders the pages whose context changed since `previous`; reuses the others' bytes.
///
/// `stories_changed`, when known, lists the keys of the only press releases that changed: a story
/// page shows nothing of other stories, so the pages of the rest are kept without a look.
fn render_changed(
    renderer: &Renderer,
    previous: &HashMap<String, RenderedPage>,
    everything: bool,
    stories_changed: Option<&HashSet<String>>,
) -> Result<(HashMap<String, RenderedPage>, Outcome), Error> {
    let jobs: Vec<_> = renderer
        .jobs()
        .into_iter()
        .filter(|&job| renderer.url(job).is_some())
        .collect();
    let results: Vec<Result<(String, RenderedPage, bool), Error>> = jobs
        .par_iter()
        .map(|&job| {
            let path = crate::site::urls::output_path(&renderer.url(job).unwrap_or_default());
            if let (Job::Story { ix }, Some(changed), Some(old)) = (job, stories_changed, previous.get(&path))
                && !changed.contains(&renderer.site().stories[ix].key)
            {
                let page = RenderedPage {
                    template: old.template,
                    context: old.context.clone(),
                    bytes: old.bytes.clone(),
                };
                return Ok((path, page, false));
            }
            let (template, context) = renderer.context(job).unwrap_or(("", Context::new()));
            if !everything
                && let Some(old) = previous.get(&path)
                && old.template == template
                && old.context == context
            {
                let page = RenderedPage {
                    template,
                    context,
                    bytes: old.bytes.clone(),
                };
                return Ok((path, page, false));
            }
            let file = renderer.render_page(job, template, &context)?;
            let page = RenderedPage {
                template,
                context,
                bytes: Bytes::from(file.bytes),
            };
            Ok((path, page, true))
        })
        .collect();
    let mut pages = HashMap::with_capacity(results.len());
    let mut outcome = Outcome {
        rendered: 0,
        reused: 0,
        elapsed: Duration::ZERO,
    };
    for result in results {
        let (path, page, rendered) = result?;
        if rendered {
            outcome.rendered += 1;
        } else {
            outcome.reused += 1;
        }
        pages.insert(path, page);
    }
    Ok((pages, outcome))
}
