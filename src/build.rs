//! The whole pipeline of `etalase build`: load, resolve, render in parallel, write atomically.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::config::Config;
use crate::content::Content;
use crate::error::Error;
use crate::media::{self, Mode, Processor};
use crate::output::Staging;
use crate::render::theme::{StaticFile, Theme};
use crate::render::{RenderOptions, Renderer, Templates};
use crate::search::SearchIndex;
use crate::site::markdown::Markdown;
use crate::site::{Site, SiteOptions};

/// What to build and where.
#[derive(Debug, Clone, Default)]
pub struct BuildOptions {
    /// The site folder (holds etalase.yaml).
    pub root: PathBuf,
    /// The output folder; `public/` in the site folder when `None`.
    pub output: Option<PathBuf>,
    /// Overrides `base_url` of etalase.yaml.
    pub base_url: Option<String>,
    /// Publish drafts too.
    pub drafts: bool,
}

/// What a successful build did.
#[derive(Debug, Clone)]
pub struct BuildReport {
    pub output: PathBuf,
    pub pages: usize,
    pub files: usize,
    pub search: SearchIndex,
    /// Photos encoded by this build and photos taken from the image cache.
    pub images: media::Stats,
    /// Problems that did not stop the build.
    pub warnings: crate::error::Diagnostics,
    pub elapsed: Duration,
}

/// Loads the configuration and content of a site and resolves it.
pub fn load_site(options: &BuildOptions) -> Result<Site, Error> {
    let mut config = Config::load(&options.root)?;
    if let Some(base_url) = &options.base_url {
        config.base_url = crate::web_url::check(base_url).map_err(|_| {
            crate::error::Diagnostic::new("--base-url", format!("`{base_url}` is not an absolute URL"))
                .with_hint("write it with its scheme, e.g. https://example.netlify.app")
        })?;
    }
    let content = crate::content::load(&options.root, &config)?;
    resolve(
        config,
        content,
        SiteOptions { drafts: options.drafts },
        &Markdown::default(),
    )
}

/// Resolves loaded content into the site, reporting the files that failed to parse together
/// with every problem the others have.
pub fn resolve(config: Config, mut content: Content, options: SiteOptions, markdown: &Markdown) -> Result<Site, Error> {
    let mut problems = std::mem::take(&mut content.problems);
    if content.problems_block {
        return Err(problems.sorted().into());
    }
    match Site::build(config, content, options, markdown) {
        Ok(site) if problems.is_empty() => Ok(site),
        Ok(_) => Err(problems.sorted().into()),
        Err(Error::Content(more)) => {
            problems.extend(more);
            Err(problems.sorted().into())
        }
        Err(other) => Err(other),
    }
}

/// Builds the site: everything is checked and rendered before the output folder is replaced.
pub fn build(options: &BuildOptions) -> Result<BuildReport, Error> {
    let started = Instant::now();
    let mut site = load_site(options)?;
    let loaded = started.elapsed();
    let processor = Processor::new(&options.root);
    let (photos, images) = processor.run(&site, Mode::Build)?;
    let photo_files = processor.files(&photos);
    site.photos = photos;
    let processed = started.elapsed();
    let theme = Theme::load(&options.root, &site.config)?;
    let media = copied_media(&site);
    let mut warnings = site.warnings.clone();
    warnings.extend(theme.warnings.clone());
    let renderer = Renderer::new(
        Arc::new(site),
        Arc::new(Templates::new(&theme)?),
        RenderOptions::default(),
    );
    let target = options.output.clone().unwrap_or_else(|| options.root.join("public"));
    let staging = Staging::open(&options.root, &target)?;

    let prepared = started.elapsed();
    let jobs = renderer.jobs();
    jobs.par_iter().try_for_each(|&job| {
        let file = renderer.render(job)?;
        staging.write(&file.path, &file.bytes)
    })?;
    let rendered = started.elapsed();
    let copies: Vec<(StaticFile, String)> = theme
        .static_files
        .iter()
        .map(|(path, from)| (from.clone(), path.clone()))
        .chain(media.iter().map(|m| {
            let from = options
                .root
                .join(crate::content::CONTENT_DIR)
                .join(crate::content::MEDIA_DIR)
                .join(m);
            (StaticFile::Disk(from), format!("media/{m}"))
        }))
        .chain(
            photo_files
                .into_iter()
                .map(|(path, from)| (StaticFile::Disk(from), path)),
        )
        .collect();
    copies.par_iter().try_for_each(|(from, path)| match from {
        StaticFile::Disk(from) => staging.copy(from, path),
        StaticFile::Builtin(bytes) => staging.write(path, bytes),
    })?;
    let search = crate::search::index(&options.root, &staging)?;
    let output = staging.commit()?;
    if std::env::var_os("ETALASE_TIMINGS").is_some() {
        eprintln!(
            "timings: loaded {loaded:?}, photos {processed:?} ({} encoded, {} cached), prepared {prepared:?}, rendered {rendered:?}, done {:?}",
            images.processed,
            images.cached,
            started.elapsed()
        );
    }
    Ok(BuildReport {
        output,
        pages: jobs.iter().filter(|&&j| renderer.url(j).is_some()).count(),
        files: jobs.len() + copies.len(),
        search,
        images,
        warnings,
        elapsed: started.elapsed(),
    })
}

/// The files of content/media/ published as they are: everything but raster images, which
/// may carry metadata and are published only as processed variants.
pub fn copied_media(site: &Site) -> Vec<String> {
    site.media.iter().filter(|m| !media::is_raster(m)).cloned().collect()
}
