//! Rendering: turns the `Site` into output files (path + bytes) with Tera templates. Pure: it
//! reads nothing and writes nothing. Every page is a `Job`; jobs are independent, so the
//! caller renders them in parallel. Summaries of stories and products are serialized once
//! (`Cards`) and shared by every list that shows them, so a list page costs only its slice.

mod cards;
pub mod i18n;
mod jsonld;
pub mod minify;
mod pages;
pub mod theme;
mod xml;

use std::sync::{Arc, OnceLock};

use tera::{Context, Tera, Value};

use crate::error::Error;
use crate::site::urls::{Urls, output_path};
use crate::site::{Site, TermId};
use cards::Cards;
use i18n::Locale;
use theme::Theme;

/// One file of the built site.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutputFile {
    /// `/`-separated path inside the output folder.
    pub path: String,
    pub bytes: Vec<u8>,
}

/// One page or file to produce.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Job {
    Home { lang: usize },
    NewsList { lang: usize, page: usize },
    Story { ix: usize },
    Catalogue { lang: usize },
    Product { lang: usize, ix: usize },
    Units { lang: usize },
    Unit { lang: usize, ix: usize, page: usize },
    Awards { lang: usize },
    Search { lang: usize },
    Vocabulary { lang: usize, ix: usize },
    Term { lang: usize, term: TermId, page: usize },
    Page { ix: usize },
    NotFound { lang: usize },
    Feed { lang: usize },
    Sitemap,
    Robots,
}

/// How pages are rendered.
#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    /// HTML inserted before `</body>` of every page (the dev server's reload script).
    pub body_end: Option<String>,
    /// Skip minification (faster; the dev server may use it).
    pub no_minify: bool,
}

/// Where HTML gets minified.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Minify {
    /// Each template once, when loaded: pages come out of rendering minified.
    Templates,
    /// Each page after rendering: for themes whose templates cannot be minified alone.
    Pages,
}

/// A theme's templates, compiled once and shared by every build of a session.
pub struct Templates {
    tera: Tera,
    minify: Minify,
    /// The sources as written, compiled on the first rendering error so that it names the
    /// line a theme author sees rather than one of the minified template.
    sources: Vec<(String, String)>,
    as_written: OnceLock<Option<Tera>>,
    locales: Vec<Locale>,
    /// URL of each static file by its path (`style.css` → `/style.css`).
    assets: Vec<(String, String)>,
}

impl Templates {
    /// Compiles the theme's templates, minified when every one of them can be.
    pub fn new(theme: &Theme) -> Result<Templates, Error> {
        Templates::minifying(theme, Minify::Templates)
    }

    /// Compiles the theme's templates, minifying where `minify` asks if the theme allows it.
    pub fn minifying(theme: &Theme, minify: Minify) -> Result<Templates, Error> {
        let minified: Option<Vec<(&str, String)>> = match minify {
            Minify::Templates => theme
                .templates
                .iter()
                .map(|(name, source)| Some((name.as_str(), minify::template(source)?)))
                .collect(),
            Minify::Pages => None,
        };
        // A template with an error is compiled as written, so the error points at its line.
        let (tera, minify) = match minified.map(|templates| compile(templates.iter().map(|(n, t)| (*n, t.as_str())))) {
            Some(Ok(tera)) => (tera, Minify::Templates),
            _ => (
                compile(theme.templates.iter().map(|(n, t)| (n.as_str(), t.as_str())))
                    .map_err(|err| template_error("theme", &err))?,
                Minify::Pages,
            ),
        };
        Ok(Templates {
            tera,
            minify,
            sources: theme.templates.clone().into_iter().collect(),
            as_written: OnceLock::new(),
            locales: theme.locales.clone(),
            assets: theme
                .asset_urls
                .iter()
                .map(|(path, url)| (path.clone(), url.clone()))
                .collect(),
        })
    }
}

impl Templates {
    fn render(&self, template: &str, context: &Context) -> Result<String, Error> {
        self.tera.render(template, context).map_err(|err| {
            let as_written = (self.minify == Minify::Templates)
                .then(|| {
                    self.as_written
                        .get_or_init(|| compile(self.sources.iter().map(|(n, t)| (n.as_str(), t.as_str()))).ok())
                        .as_ref()
                })
                .flatten();
            let err = as_written
                .and_then(|tera| tera.render(template, context).err())
                .unwrap_or(err);
            template_error(template, &err)
        })
    }
}

/// The shared, pre-serialized parts of every page of one site.
pub struct Renderer {
    site: Arc<Site>,
    templates: Arc<Templates>,
    locales: Vec<Locale>,
    urls: Urls,
    cards: Cards,
    /// `site` and `t` of each language, built once.
    common: Vec<(Value, Value)>,
    options: RenderOptions,
}

impl Renderer {
    pub fn new(site: Arc<Site>, templates: Arc<Templates>, options: RenderOptions) -> Self {
        let urls = Urls::new(&site.config);
        let locales = templates.locales.clone();
        let cards = Cards::build(&site, &locales, &urls);
        let mut renderer = Renderer {
            site,
            templates,
            locales,
            urls,
            cards,
            common: Vec::new(),
            options,
        };
        renderer.common = (0..renderer.site.languages())
            .map(|lang| renderer.common_values(lang))
            .collect();
        renderer
    }

    /// Every page and file of the site, in a stable order.
    pub fn jobs(&self) -> Vec<Job> {
        let site = &*self.site;
        let mut jobs = Vec::new();
        for lang in 0..site.languages() {
            jobs.push(Job::Home { lang });
            for page in 1..=self.pages_of(site.index.stories[lang].len()) {
                jobs.push(Job::NewsList { lang, page });
            }
            jobs.push(Job::Catalogue { lang });
            jobs.extend(site.index.products[lang].iter().map(|&ix| Job::Product { lang, ix }));
            jobs.push(Job::Units { lang });
            for ix in 0..site.units.len() {
                for page in 1..=self.pages_of(site.index.stories_by_unit[lang][ix].len()) {
                    jobs.push(Job::Unit { lang, ix, page });
                }
            }
            jobs.push(Job::Awards { lang });
            jobs.push(Job::Search { lang });
            for (v, vocabulary) in site.vocabularies.iter().enumerate() {
                jobs.push(Job::Vocabulary { lang, ix: v });
                for t in 0..vocabulary.terms.len() {
                    let term = TermId { vocabulary: v, term: t };
                    for page in 1..=self.pages_of(self.term_stories(lang, term).len()) {
                        jobs.push(Job::Term { lang, term, page });
                    }
                }
            }
            jobs.push(Job::NotFound { lang });
            jobs.push(Job::Feed { lang });
        }
        jobs.extend((0..site.stories.len()).map(|ix| Job::Story { ix }));
        jobs.extend((0..site.pages.len()).map(|ix| Job::Page { ix }));
        jobs.push(Job::Sitemap);
        jobs.push(Job::Robots);
        jobs
    }

    /// Produces one file.
    pub fn render(&self, job: Job) -> Result<OutputFile, Error> {
        match job {
            Job::Feed { lang } => Ok(OutputFile {
                path: output_path(&self.urls.feed(lang)),
                bytes: xml::feed(self, lang).into_bytes(),
            }),
            Job::Sitemap => Ok(OutputFile {
                path: "sitemap.xml".into(),
                bytes: xml::sitemap(self).into_bytes(),
            }),
            Job::Robots => Ok(OutputFile {
                path: "robots.txt".into(),
                bytes: format!(
                    "User-agent: *\nAllow: /\n\nSitemap: {}\n",
                    self.urls.absolute("/sitemap.xml")
                )
                .into_bytes(),
            }),
            page => {
                let (template, context) = self.page_context(page);
                self.render_page(page, template, &context)
            }
        }
    }

    /// The template and context of an HTML page; the page is a pure function of the two.
    pub fn context(&self, job: Job) -> Option<(&'static str, Context)> {
        self.url(job).map(|_| self.page_context(job))
    }

    /// Renders an HTML page from its template and context.
    pub fn render_page(&self, job: Job, template: &str, context: &Context) -> Result<OutputFile, Error> {
        let html = self.templates.render(template, context)?;
        Ok(OutputFile {
            path: output_path(&self.url(job).unwrap_or_default()),
            bytes: self.finish_html(html),
        })
    }

    fn finish_html(&self, mut html: String) -> Vec<u8> {
        if let Some(snippet) = &self.options.body_end {
            match html.rfind("</body>") {
                Some(at) => html.insert_str(at, snippet),
                None => html.push_str(snippet),
            }
        }
        if self.options.no_minify || self.templates.minify == Minify::Templates {
            return html.into_bytes();
        }
        minify::page(&html)
    }

    /// Where this renderer's pages are minified.
    pub fn minify(&self) -> Minify {
        self.templates.minify
    }

    /// Number of list pages for `items` entries (at least one, even when empty).
    fn pages_of(&self, items: usize) -> usize {
        items.div_ceil(self.site.config.news_per_page).max(1)
    }

    fn term_stories(&self, lang: usize, term: TermId) -> &[usize] {
        self.site.index.stories_by_term[lang]
            .get(&term)
            .map(Vec::as_slice)
            .unwrap_or_default()
    }

    /// The root-relative URL of an HTML page job; `None` for feeds and other files.
    pub fn url(&self, job: Job) -> Option<String> {
        let site = &*self.site;
        let u = &self.urls;
        Some(match job {
            Job::Home { lang } => u.home(lang),
            Job::NewsList { lang, page } => u.news_list(lang, page),
            Job::Story { ix } => u.story(site.stories[ix].lang, &site.stories[ix].slug),
            Job::Catalogue { lang } => u.catalogue(lang),
            Job::Product { lang, ix } => u.product(lang, &site.products[ix].slug),
            Job::Units { lang } => u.units(lang),
            Job::Unit { lang, ix, page } => u.unit(lang, &site.units[ix].id, page),
            Job::Awards { lang } => u.awards(lang),
            Job::Search { lang } => u.search(lang),
            Job::Vocabulary { lang, ix } => u.vocabulary(lang, &site.vocabularies[ix].id),
            Job::Term { lang, term, page } => {
                let vocabulary = &site.vocabularies[term.vocabulary];
                u.term(lang, &vocabulary.id, &vocabulary.terms[term.term].id, page)
            }
            Job::Page { ix } => u.page(site.pages[ix].lang, &site.pages[ix].slug),
            Job::NotFound { lang } => u.not_found(lang),
            Job::Feed { .. } | Job::Sitemap | Job::Robots => return None,
        })
    }

    /// Replaces the rendered body of a story, when nothing else about it changed (the dev
    /// server's fast path). `false` when the site is shared and cannot be changed.
    pub fn set_story_html(&mut self, ix: usize, html: String) -> bool {
        match Arc::get_mut(&mut self.site).and_then(|site| site.stories.get_mut(ix)) {
            Some(story) => {
                story.html = html;
                true
            }
            None => false,
        }
    }

    pub fn site(&self) -> &Site {
        &self.site
    }

    /// The language of a page job.
    pub fn lang(&self, job: Job) -> usize {
        match job {
            Job::Story { ix } => self.site.stories[ix].lang,
            Job::Page { ix } => self.site.pages[ix].lang,
            Job::Home { lang }
            | Job::NewsList { lang, .. }
            | Job::Catalogue { lang }
            | Job::Product { lang, .. }
            | Job::Units { lang }
            | Job::Unit { lang, .. }
            | Job::Awards { lang }
            | Job::Search { lang }
            | Job::Vocabulary { lang, .. }
            | Job::Term { lang, .. }
            | Job::NotFound { lang }
            | Job::Feed { lang } => lang,
            Job::Sitemap | Job::Robots => 0,
        }
    }

    /// The same page in another language, when it exists there.
    pub fn translate(&self, job: Job, to: usize) -> Option<Job> {
        let site = &*self.site;
        let index = &site.index;
        let within = |page: usize, items: usize| (page <= self.pages_of(items)).then_some(());
        Some(match job {
            Job::Home { .. } => Job::Home { lang: to },
            Job::Catalogue { .. } => Job::Catalogue { lang: to },
            Job::Units { .. } => Job::Units { lang: to },
            Job::Awards { .. } => Job::Awards { lang: to },
            Job::Search { .. } => Job::Search { lang: to },
            Job::NotFound { .. } => Job::NotFound { lang: to },
            Job::Vocabulary { ix, .. } => Job::Vocabulary { lang: to, ix },
            Job::NewsList { page, .. } => {
                within(page, index.stories[to].len())?;
                Job::NewsList { lang: to, page }
            }
            Job::Unit { ix, page, .. } => {
                within(page, index.stories_by_unit[to][ix].len())?;
                Job::Unit { lang: to, ix, page }
            }
            Job::Term { term, page, .. } => {
                within(page, self.term_stories(to, term).len())?;
                Job::Term { lang: to, term, page }
            }
            Job::Product { ix, .. } => {
                site.products[ix].text[to].as_ref()?;
                Job::Product { lang: to, ix }
            }
            Job::Story { ix } => Job::Story {
                ix: site.stories[ix].translations.get(to).copied().flatten()?,
            },
            Job::Page { ix } => Job::Page {
                ix: site.pages[ix].translations.get(to).copied().flatten()?,
            },
            Job::Feed { .. } => Job::Feed { lang: to },
            Job::Sitemap | Job::Robots => return None,
        })
    }

    /// (language code, absolute URL) of every language version of a page, itself included.
    pub fn alternates(&self, job: Job) -> Vec<(String, String)> {
        (0..self.site.languages())
            .filter_map(|lang| {
                let url = self.url(self.translate(job, lang)?)?;
                Some((self.site.config.languages[lang].code.clone(), self.urls.absolute(&url)))
            })
            .collect()
    }

    fn assets(&self) -> impl Iterator<Item = (&str, &str)> {
        self.templates
            .assets
            .iter()
            .map(|(path, url)| (path.as_str(), url.as_str()))
    }

    fn asset_url(&self, path: &str) -> Option<&str> {
        self.templates
            .assets
            .iter()
            .find(|(p, _)| p == path)
            .map(|(_, url)| url.as_str())
    }

    fn base_context(&self, lang: usize) -> Context {
        let mut context = Context::new();
        let (site, strings) = &self.common[lang];
        context.insert_value("site", site.clone());
        context.insert_value("t", strings.clone());
        context.insert("lang", &self.site.config.languages[lang].code);
        context
    }
}

fn compile<'a>(templates: impl IntoIterator<Item = (&'a str, &'a str)>) -> Result<Tera, tera::Error> {
    let mut tera = Tera::new();
    tera.autoescape_on(vec![".html", ".xml"]);
    tera.add_raw_templates(templates)?;
    Ok(tera)
}

fn template_error(template: &str, err: &tera::Error) -> Error {
    use std::error::Error as _;
    let mut message = err.to_string();
    let mut cause = err.source();
    while let Some(inner) = cause {
        message.push_str(": ");
        message.push_str(&inner.to_string());
        cause = inner.source();
    }
    Error::Template {
        template: template.to_string(),
        message,
    }
}
