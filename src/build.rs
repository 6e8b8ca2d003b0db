//! The whole pipeline of `etalase build`: load, resolve, process photos, render in parallel,
//! write atomically.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use rayon::prelude::*;

use crate::config::Config;
use crate::content::{CONTENT_DIR, MEDIA_DIR};
use crate::error::{Diagnostic, Diagnostics, Error};
use crate::kinds::{Content, Renderer, Site};
use crate::media::{self, Mode, Photos, Processor};
use crate::messages::{self, Lang};
use crate::output::Staging;
use crate::render::{RenderOptions, Templates};
use crate::search::SearchIndex;
use crate::site::SiteOptions;
use crate::site::memo::Caches;
use crate::theme::StaticFile;
use crate::theme::Theme;

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
    /// The language of what the build says while it works.
    pub lang: Lang,
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
    pub warnings: Diagnostics,
    pub elapsed: Duration,
}

/// Reads `etalase.yaml`, with the base URL of the command line if one was given.
pub fn load_config(options: &BuildOptions) -> Result<Config, Error> {
    let mut config = Config::load(&options.root)?;
    if let Some(base_url) = &options.base_url {
        config.base_url = crate::web_url::check(base_url).map_err(|_| {
            Diagnostic::new(
                "--base-url",
                messages::Config::BaseUrlFlag {
                    value: base_url.clone(),
                },
            )
            .with_hint(messages::Config::HintScheme)
        })?;
    }
    Ok(config)
}

/// Loads the configuration and content of a site and resolves it.
pub fn load_site(options: &BuildOptions) -> Result<Site, Error> {
    let config = load_config(options)?;
    let content = Content::load(&options.root, &config)?;
    let (site, errors) = Site::resolve(
        config,
        &content,
        SiteOptions { drafts: options.drafts },
        &Caches::default(),
    )?;
    match errors.is_empty() {
        true => Ok(site),
        false => Err(all_errors(&site, errors, &options.root)),
    }
}

/// The content errors of a site that cannot be built, with the errors of its photos and its
/// templates, so that one run shows every mistake.
pub fn all_errors(site: &Site, mut problems: Diagnostics, root: &std::path::Path) -> Error {
    if let Err(Error::Content(more)) = photos(&Processor::new(root), site, Mode::Check) {
        problems.extend(more);
    }
    let compiled = Theme::load(root, &site.config).and_then(|theme| Templates::new(&theme));
    if let Err(Error::Template { template, message }) = compiled {
        problems.push(Diagnostic::new(
            "(templates)",
            messages::Output::TemplateError {
                template: template.clone(),
                detail: message,
            },
        ));
    }
    Error::Content(problems.sorted())
}

/// Processes the photos a site shows, checks its SVG files, and makes the share images of
/// its pages (with the theme's fonts and favicon).
pub fn photos(processor: &Processor, site: &Site, mode: Mode) -> Result<(Photos, media::Stats), Error> {
    let root = processor.root();
    let sharing = media::Sharing {
        fonts: media::Fonts::new(crate::theme::fonts(root, &site.config)?),
        cards: crate::kinds::share_cards(site),
        icon: crate::theme::static_file(root, &site.config, "favicon.svg")?,
    };
    processor.run(&site.items.photos(), &site.media, &sharing, mode)
}

/// Builds the site: everything is checked and rendered before the output folder is replaced.
pub fn build(options: &BuildOptions) -> Result<BuildReport, Error> {
    let started = Instant::now();
    let site = load_site(options)?;
    let loaded = started.elapsed();
    let processor = Processor::new(&options.root);
    let (photos, images) = photos(&processor, &site, Mode::Build)?;
    let photo_files = processor.files(&photos);
    let processed = started.elapsed();
    let theme = Theme::load(&options.root, &site.config)?;
    let media = copied_media(&site);
    let mut warnings = site.warnings.clone();
    warnings.extend(theme.warnings.clone());
    let renderer = Renderer::new(
        Arc::new(site),
        Arc::new(photos),
        Arc::new(Templates::new(&theme)?),
        RenderOptions::default(),
    );
    let target = options.output.clone().unwrap_or_else(|| options.root.join("public"));
    let waiting = |target: &std::path::Path| {
        let line = messages::Cli::WaitingForBuild {
            path: messages::Path(target.to_path_buf()),
        };
        eprintln!("{}", messages::Text::text(&line, options.lang));
    };
    let staging = Staging::open(&options.root, &target, &waiting)?;

    let prepared = started.elapsed();
    let pages = renderer.pages();
    let html_pages = pages
        .par_iter()
        .map(|&page| {
            let file = renderer.render(page)?;
            staging.write(&file.path, &renderer.assets().fill(&file.bytes))?;
            Ok(usize::from(file.template.is_some()))
        })
        .sum::<Result<usize, Error>>()?;
    let rendered = started.elapsed();
    let copies: Vec<(StaticFile, String)> = theme
        .static_files
        .iter()
        .map(|(path, from)| (from.clone(), path.clone()))
        .chain(media.iter().map(|m| {
            let from = options.root.join(CONTENT_DIR).join(MEDIA_DIR).join(m);
            (StaticFile::Disk(from), format!("{MEDIA_DIR}/{m}"))
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
    if crate::timings::enabled() {
        eprintln!(
            "timings: loaded {loaded:?}, photos {processed:?} ({} encoded, {} cached), prepared {prepared:?}, rendered {rendered:?}, done {:?}",
            images.processed,
            images.cached,
            started.elapsed()
        );
    }
    Ok(BuildReport {
        output,
        pages: html_pages,
        files: pages.len() + copies.len(),
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
