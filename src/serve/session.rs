//! Rebuilds for the dev server. Each rebuild runs the same pipeline as `build` (config →
//! content → site → media → render) on the files as they are now, re-parsing only changed
//! files and re-rendering only changed Markdown, and serves the result from memory.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Bytes;
use rayon::prelude::*;

use crate::build::{BuildOptions, copied_media, load_config};
use crate::content::{CONTENT_DIR, MEDIA_DIR};
use crate::error::Error;
use crate::kinds::{Content, Renderer, Site};
use crate::media::{Mode, Processor};
use crate::render::{RenderOptions, Templates};
use crate::site::SiteOptions;
use crate::site::markdown::Markdown;
use crate::theme::StaticFile;
use crate::theme::Theme;

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
    /// Static files of the theme or site.
    Static,
    /// Content files.
    Content,
    /// Configuration, templates or strings.
    Everything,
}

/// The state kept between rebuilds.
pub struct Session {
    options: BuildOptions,
    /// What was parsed, with the text of etalase.yaml it was parsed under.
    content: Option<(Option<Vec<u8>>, Content)>,
    markdown: Markdown,
    theme: Option<(Theme, Arc<Templates>)>,
    /// Photos are served from the image cache; unchanged photo files are not read again.
    photos: Processor,
}

impl Session {
    pub fn new(options: BuildOptions) -> Session {
        Session {
            photos: Processor::new(&options.root),
            options,
            content: None,
            markdown: Markdown::cached(),
            theme: None,
        }
    }

    pub fn root(&self) -> &Path {
        &self.options.root
    }

    /// Rebuilds after `change`; on error the previous snapshot stays the one to serve.
    pub fn rebuild(&mut self, change: Change, _paths: &[PathBuf]) -> Result<(Arc<Snapshot>, Outcome), Error> {
        let started = Instant::now();
        let config = load_config(&self.options)?;
        let config_text = std::fs::read(self.options.root.join(crate::config::CONFIG_FILE)).ok();
        let reparse = !matches!(&self.content, Some((text, _)) if *text == config_text);
        if reparse {
            // Languages decide how files are read: parse everything again.
            self.content = Some((config_text, Content::default()));
        }
        if reparse || change != Change::Content || self.theme.is_none() {
            let theme = Theme::load(&self.options.root, &config)?;
            let templates = Arc::new(Templates::new(&theme)?);
            self.theme = Some((theme, templates));
        }
        let Some((_, content)) = &mut self.content else {
            unreachable!("the content is set above");
        };
        content.refresh(&self.options.root, &config)?;
        let options = SiteOptions {
            drafts: self.options.drafts,
        };
        let site = Site::build(config, content, options, &self.markdown)?;
        let (photos, _) = crate::build::photos(&self.photos, &site, Mode::Build)?;
        let photo_files = self.photos.files(&photos);
        let Some((theme, templates)) = &self.theme else {
            unreachable!("the theme is loaded above");
        };
        let media = copied_media(&site);
        let renderer = Renderer::new(
            Arc::new(site),
            Arc::new(photos),
            templates.clone(),
            RenderOptions::default(),
        );
        let pages = renderer.pages();
        let rendered: Vec<(String, Bytes)> = pages
            .par_iter()
            .map(|&page| {
                let file = renderer.render(page)?;
                let bytes = renderer.assets().fill(&file.bytes).into_owned();
                Ok((file.path, Bytes::from(bytes)))
            })
            .collect::<Result<_, Error>>()?;
        let mut files: HashMap<String, Served> = HashMap::with_capacity(rendered.len() + 64);
        for (path, from) in &theme.static_files {
            let served = match from {
                StaticFile::Disk(file) => Served::File(file.clone()),
                StaticFile::Builtin(bytes) => Served::Bytes(Bytes::from_static(bytes)),
            };
            files.insert(path.clone(), served);
        }
        let media_dir = self.options.root.join(CONTENT_DIR).join(MEDIA_DIR);
        for name in media {
            files.insert(format!("{MEDIA_DIR}/{name}"), Served::File(media_dir.join(&name)));
        }
        for (path, from) in photo_files {
            files.insert(path, Served::File(from));
        }
        let count = rendered.len();
        for (path, bytes) in rendered {
            files.insert(path, Served::Bytes(bytes));
        }
        Ok((
            Arc::new(Snapshot { files }),
            Outcome {
                rendered: count,
                reused: 0,
                elapsed: started.elapsed(),
            },
        ))
    }
}
