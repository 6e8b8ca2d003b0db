//! The template and context of each kind of page.

use std::collections::BTreeMap;

use serde::Serialize;
use tera::{Context, Value};

use super::cards::{ImageView, Link, OgImage, unit_link};
use super::{Job, Renderer, jsonld};
use crate::site::TermId;

/// What every page tells the layout about itself.
#[derive(Serialize)]
struct PageMeta {
    title: String,
    description: String,
    url: String,
    canonical: String,
    /// Links to this page in every language it exists in (`hreflang`).
    alternates: Vec<Alternate>,
    /// One entry per configured language, for the language switcher.
    switcher: Vec<SwitchTarget>,
    breadcrumbs: Vec<Crumb>,
    jsonld: String,
    og_type: &'static str,
    og_image: Option<OgImage>,
    /// A WhatsApp link that shares this page's title and address (no JavaScript needed).
    share_whatsapp: String,
    /// The navigation section this page belongs to.
    section: &'static str,
}

#[derive(Serialize)]
struct Alternate {
    lang: String,
    url: String,
}

#[derive(Serialize)]
struct SwitchTarget {
    code: String,
    name: String,
    url: String,
    /// False when the page has no version in that language: the link goes to its home.
    available: bool,
    current: bool,
}

#[derive(Serialize)]
pub(super) struct Crumb {
    pub name: String,
    pub url: String,
}

#[derive(Serialize)]
struct NavItem {
    key: &'static str,
    label: String,
    url: String,
}

#[derive(Serialize)]
struct SiteView<'a> {
    title: String,
    description: String,
    locale: String,
    other_locales: Vec<String>,
    home: String,
    feed: String,
    search: String,
    stylesheet: String,
    /// URL of each static file of the theme by its path (`share.js` → `/share.1a2b3c4d.js`).
    assets: BTreeMap<&'a str, &'a str>,
    nav: Vec<NavItem>,
    menu: Vec<Link<'a>>,
    vocabularies: Vec<NavItem>,
}

#[derive(Serialize)]
struct Pager {
    current: usize,
    total: usize,
    prev: Option<String>,
    next: Option<String>,
    /// A window of page numbers around the current one (never all of them).
    pages: Vec<PagerLink>,
}

#[derive(Serialize)]
struct PagerLink {
    number: usize,
    url: String,
    current: bool,
}

impl Renderer {
    /// `site` and `t` for one language.
    pub(super) fn common_values(&self, lang: usize) -> (Value, Value) {
        let site = &*self.site;
        let locale = &self.locales[lang];
        let u = &self.urls;
        let label = |key: &str| locale.get(key).to_string();
        let nav = vec![
            NavItem {
                key: "news",
                label: label("nav_news"),
                url: u.news_list(lang, 1),
            },
            NavItem {
                key: "products",
                label: label("nav_products"),
                url: u.catalogue(lang),
            },
            NavItem {
                key: "units",
                label: label("nav_units"),
                url: u.units(lang),
            },
            NavItem {
                key: "awards",
                label: label("nav_awards"),
                url: u.awards(lang),
            },
        ];
        let vocabularies = site
            .vocabularies
            .iter()
            .map(|v| NavItem {
                key: "programs",
                label: site.text(&v.name, lang).to_string(),
                url: u.vocabulary(lang, &v.id),
            })
            .collect();
        let menu = site.index.menu[lang]
            .iter()
            .map(|&ix| Link {
                name: site.pages[ix].title.as_str(),
                url: u.page(lang, &site.pages[ix].slug),
            })
            .collect();
        let view = SiteView {
            title: site.text(&site.config.title, lang).to_string(),
            description: site
                .config
                .description
                .as_ref()
                .map(|d| site.text(d, lang).to_string())
                .unwrap_or_default(),
            locale: site.config.languages[lang].locale.clone(),
            other_locales: site
                .config
                .languages
                .iter()
                .enumerate()
                .filter(|&(other, _)| other != lang)
                .map(|(_, l)| l.locale.clone())
                .collect(),
            home: u.home(lang),
            feed: u.feed(lang),
            search: u.search(lang),
            stylesheet: self.asset_url("style.css").unwrap_or("/style.css").to_string(),
            assets: self.assets().collect(),
            nav,
            menu,
            vocabularies,
        };
        (
            Value::from_serializable(&view),
            Value::from_serializable(&locale.strings),
        )
    }

    /// The template and the context of an HTML page.
    pub(super) fn page_context(&self, job: Job) -> (&'static str, Context) {
        let lang = self.lang(job);
        let mut context = self.base_context(lang);
        let built = match job {
            Job::Home { .. } => self.home(lang, &mut context),
            Job::NewsList { page, .. } => self.news_list(lang, page, &mut context),
            Job::Story { ix } => self.story(ix, &mut context),
            Job::Catalogue { .. } => self.catalogue(lang, &mut context),
            Job::Product { ix, .. } => self.product(lang, ix, &mut context),
            Job::Units { .. } => self.units(lang, &mut context),
            Job::Unit { ix, page, .. } => self.unit(lang, ix, page, &mut context),
            Job::Awards { .. } => self.awards(lang, &mut context),
            Job::Search { .. } => self.search(lang),
            Job::Vocabulary { ix, .. } => self.vocabulary(lang, ix, &mut context),
            Job::Term { term, page, .. } => self.term(lang, term, page, &mut context),
            Job::Page { ix } => self.plain_page(ix, &mut context),
            Job::NotFound { .. } => self.not_found(lang),
            Job::Feed { .. } | Job::Sitemap | Job::Robots => unreachable!("not an HTML page"),
        };
        let meta = self.meta(job, built.head);
        context.insert("page", &meta);
        (built.template, context)
    }

    fn meta(&self, job: Job, head: Head) -> PageMeta {
        let lang = self.lang(job);
        let url = self.url(job).unwrap_or_default();
        let canonical = self.urls.absolute(&url);
        let config = &self.site.config;
        let mut breadcrumbs = vec![Crumb {
            name: self.locales[lang].get("home").to_string(),
            url: self.urls.home(lang),
        }];
        breadcrumbs.extend(head.crumbs);
        let jsonld = jsonld::page(self, lang, &canonical, &breadcrumbs, head.jsonld);
        let switcher = (0..self.site.languages())
            .map(|to| {
                let target = self.translate(job, to).and_then(|j| self.url(j));
                SwitchTarget {
                    code: config.languages[to].code.clone(),
                    name: config.languages[to].name.clone(),
                    available: target.is_some(),
                    url: target.unwrap_or_else(|| self.urls.home(to)),
                    current: to == lang,
                }
            })
            .collect();
        let alternates = match job {
            Job::NotFound { .. } => Vec::new(),
            _ => self
                .alternates(job)
                .into_iter()
                .map(|(lang, url)| Alternate { lang, url })
                .collect(),
        };
        let share_whatsapp = format!(
            "https://wa.me/?text={}",
            percent_encode(&format!("{} {canonical}", head.title))
        );
        PageMeta {
            share_whatsapp,
            description: head.description,
            title: head.title,
            url,
            canonical,
            alternates,
            switcher,
            breadcrumbs,
            jsonld,
            og_type: head.og_type,
            og_image: head.image.map(|image| OgImage {
                url: self.urls.absolute(&image.url),
                ..image
            }),
            section: head.section,
        }
    }

    fn pager(&self, page: usize, items: usize, url: impl Fn(usize) -> String) -> Pager {
        let total = self.pages_of(items);
        let window = page.saturating_sub(2).max(1)..=(page + 2).min(total);
        Pager {
            current: page,
            total,
            prev: (page > 1).then(|| url(page - 1)),
            next: (page < total).then(|| url(page + 1)),
            pages: window
                .map(|number| PagerLink {
                    number,
                    url: url(number),
                    current: number == page,
                })
                .collect(),
        }
    }

    /// The slice of `items` shown on list page `page`.
    fn slice<'s>(&self, items: &'s [usize], page: usize) -> &'s [usize] {
        let per = self.site.config.news_per_page;
        let start = (page - 1).saturating_mul(per).min(items.len());
        &items[start..(start + per).min(items.len())]
    }

    fn t(&self, lang: usize, key: &str) -> String {
        self.locales[lang].get(key).to_string()
    }

    fn site_description(&self, lang: usize) -> String {
        let site = &*self.site;
        site.config
            .description
            .as_ref()
            .map(|d| site.text(d, lang).to_string())
            .unwrap_or_default()
    }

    fn home(&self, lang: usize, context: &mut Context) -> Built {
        let index = &self.site.index;
        let stories = &index.stories[lang];
        context.insert_value("latest", self.cards.story_list(&stories[..stories.len().min(6)]));
        let featured: Vec<usize> = index.products[lang]
            .iter()
            .copied()
            .filter(|&ix| self.site.products[ix].featured)
            .collect();
        context.insert_value("featured", self.cards.product_list(lang, &featured));
        let awards = &index.awards[lang];
        context.insert_value("awards", self.cards.story_list(&awards[..awards.len().min(3)]));
        context.insert_value("units", Value::from(self.cards.units[lang].clone()));
        Built::new(
            "home.html",
            Head {
                title: self.site.text(&self.site.config.title, lang).to_string(),
                description: self.site_description(lang),
                section: "home",
                jsonld: Some(jsonld::website(self, lang)),
                ..Head::default()
            },
        )
    }

    fn news_list(&self, lang: usize, page: usize, context: &mut Context) -> Built {
        let stories = &self.site.index.stories[lang];
        context.insert_value("items", self.cards.story_list(self.slice(stories, page)));
        context.insert(
            "pager",
            &self.pager(page, stories.len(), |p| self.urls.news_list(lang, p)),
        );
        let mut title = self.t(lang, "nav_news");
        if page > 1 {
            title = format!("{title} · {} {page}", self.t(lang, "page"));
        }
        Built::new(
            "news_list.html",
            Head {
                crumbs: vec![Crumb {
                    name: self.t(lang, "nav_news"),
                    url: self.urls.news_list(lang, 1),
                }],
                title,
                description: self.t(lang, "news_description"),
                section: "news",
                ..Head::default()
            },
        )
    }

    fn story(&self, ix: usize, context: &mut Context) -> Built {
        let site = &*self.site;
        let story = &site.stories[ix];
        let lang = story.lang;
        let locale = &self.locales[lang];
        #[derive(Serialize)]
        struct StoryView<'a> {
            title: &'a str,
            date: String,
            date_iso: String,
            time: Option<String>,
            summary: &'a str,
            html: &'a str,
            image: Option<ImageView<'a>>,
            award: Option<&'a crate::content::model::Award>,
            source: Option<&'a str>,
            unit: Link<'a>,
        }
        let time = story
            .time
            .map(|t| format!("{} {}", locale.time(t), site.config.timezone.label));
        context.insert(
            "story",
            &StoryView {
                title: &story.title,
                date: locale.long_date(story.date),
                date_iso: jsonld::date_time(site, story.date, story.time),
                time,
                summary: &story.summary,
                html: &story.html,
                image: story.image.as_ref().map(|i| ImageView::new(site, &i.src, &i.alt)),
                award: story.award.as_ref(),
                source: story.source.as_deref(),
                unit: unit_link(site, &self.urls, lang, story.unit),
            },
        );
        context.insert_value("terms", self.cards.term_list(lang, &story.terms));
        context.insert_value("products", self.cards.product_list(lang, &story.products));
        Built::new(
            "story.html",
            Head {
                title: story.title.clone(),
                description: story.summary.clone(),
                crumbs: vec![
                    Crumb {
                        name: self.t(lang, "nav_news"),
                        url: self.urls.news_list(lang, 1),
                    },
                    Crumb {
                        name: story.title.clone(),
                        url: self.urls.story(lang, &story.slug),
                    },
                ],
                jsonld: Some(jsonld::news_article(self, ix)),
                og_type: "article",
                image: story.image.as_ref().and_then(|i| OgImage::new(site, &i.src, &i.alt)),
                section: if story.award.is_some() { "awards" } else { "news" },
            },
        )
    }

    fn catalogue(&self, lang: usize, context: &mut Context) -> Built {
        let site = &*self.site;
        #[derive(Serialize)]
        struct Group {
            key: String,
            label: String,
            products: Value,
        }
        let published = &site.index.products[lang];
        let categories: Vec<Group> = site
            .config
            .categories
            .0
            .iter()
            .enumerate()
            .filter_map(|(c, (key, label))| {
                let ixs: Vec<usize> = published
                    .iter()
                    .copied()
                    .filter(|&ix| site.products[ix].category == c)
                    .collect();
                (!ixs.is_empty()).then(|| Group {
                    key: key.clone(),
                    label: site.text(label, lang).to_string(),
                    products: self.cards.product_list(lang, &ixs),
                })
            })
            .collect();
        let by_unit: Vec<Group> = (0..site.units.len())
            .filter_map(|unit| {
                let ixs: Vec<usize> = site.index.products_by_unit[unit]
                    .iter()
                    .copied()
                    .filter(|&ix| site.products[ix].text[lang].is_some())
                    .collect();
                (!ixs.is_empty()).then(|| Group {
                    key: site.units[unit].id.clone(),
                    label: site.text(&site.units[unit].name, lang).to_string(),
                    products: self.cards.product_list(lang, &ixs),
                })
            })
            .collect();
        context.insert("categories", &categories);
        context.insert("by_unit", &by_unit);
        Built::new(
            "catalogue.html",
            Head {
                title: self.t(lang, "nav_products"),
                description: self.t(lang, "products_description"),
                crumbs: vec![Crumb {
                    name: self.t(lang, "nav_products"),
                    url: self.urls.catalogue(lang),
                }],
                section: "products",
                jsonld: Some(jsonld::item_list(
                    self,
                    &published
                        .iter()
                        .filter_map(|&ix| self.url(Job::Product { lang, ix }))
                        .collect::<Vec<_>>(),
                )),
                ..Head::default()
            },
        )
    }

    fn product(&self, lang: usize, ix: usize, context: &mut Context) -> Built {
        let site = &*self.site;
        let product = &site.products[ix];
        let locale = &self.locales[lang];
        let text = product.text[lang].as_ref();
        let name = text.map(|t| t.name.clone()).unwrap_or_default();
        #[derive(Serialize)]
        struct ProductView<'a> {
            name: &'a str,
            html: &'a str,
            unit: Link<'a>,
            category: &'a str,
            featured: bool,
            price: Option<String>,
            per: Option<&'a str>,
            images: Vec<ImageView<'a>>,
            whatsapp_url: Option<String>,
            marketplace: Vec<Link<'a>>,
            certifications: &'a [String],
        }
        let whatsapp_url = product.whatsapp.as_ref().map(|digits| {
            let message = format!("{} {}", locale.get("order_message"), name);
            format!("https://wa.me/{digits}?text={}", percent_encode(&message))
        });
        context.insert(
            "product",
            &ProductView {
                name: &name,
                html: text.map(|t| t.html.as_str()).unwrap_or_default(),
                unit: unit_link(site, &self.urls, lang, product.unit),
                category: site.text(&site.config.categories.0[product.category].1, lang),
                featured: product.featured,
                price: product.price.as_ref().map(|p| locale.price(p.amount)),
                per: product
                    .price
                    .as_ref()
                    .and_then(|p| p.per.as_ref())
                    .map(|per| site.text(per, lang)),
                images: product
                    .images
                    .iter()
                    .map(|i| ImageView::new(site, &i.src, site.text(&i.alt, lang)))
                    .collect(),
                whatsapp_url,
                marketplace: product
                    .marketplace
                    .iter()
                    .map(|(n, u)| Link {
                        name: n,
                        url: u.clone(),
                    })
                    .collect(),
                certifications: &product.certifications,
            },
        );
        context.insert_value("terms", self.cards.term_list(lang, &product.terms));
        let stories = site.index.stories_by_product[lang]
            .get(&ix)
            .map(Vec::as_slice)
            .unwrap_or_default();
        context.insert_value("stories", self.cards.story_list(&stories[..stories.len().min(10)]));
        Built::new(
            "product.html",
            Head {
                description: text.map(|t| t.summary.clone()).unwrap_or_default(),
                crumbs: vec![
                    Crumb {
                        name: self.t(lang, "nav_products"),
                        url: self.urls.catalogue(lang),
                    },
                    Crumb {
                        name: name.clone(),
                        url: self.urls.product(lang, &product.slug),
                    },
                ],
                title: name,
                jsonld: Some(jsonld::product(self, lang, ix)),
                og_type: "product",
                image: product
                    .images
                    .first()
                    .and_then(|i| OgImage::new(site, &i.src, site.text(&i.alt, lang))),
                section: "products",
            },
        )
    }

    fn units(&self, lang: usize, context: &mut Context) -> Built {
        context.insert_value("units", Value::from(self.cards.units[lang].clone()));
        Built::new(
            "units.html",
            Head {
                title: self.t(lang, "nav_units"),
                description: self.t(lang, "units_description"),
                crumbs: vec![Crumb {
                    name: self.t(lang, "nav_units"),
                    url: self.urls.units(lang),
                }],
                section: "units",
                ..Head::default()
            },
        )
    }

    fn unit(&self, lang: usize, ix: usize, page: usize, context: &mut Context) -> Built {
        let site = &*self.site;
        let unit = &site.units[ix];
        let name = site.text(&unit.name, lang).to_string();
        #[derive(Serialize)]
        struct UnitView<'a> {
            name: &'a str,
            kind: String,
            class: Option<&'a str>,
            city: &'a str,
            region: &'a str,
            address: Option<&'a str>,
            contact: &'a crate::site::Contact,
            parent: Option<Link<'a>>,
            children: Vec<Link<'a>>,
            html: Option<&'a str>,
        }
        let children = site
            .units
            .iter()
            .enumerate()
            .filter(|(_, u)| u.parent == Some(ix))
            .map(|(child, _)| unit_link(site, &self.urls, lang, child))
            .collect();
        context.insert(
            "unit",
            &UnitView {
                name: &name,
                kind: self.t(lang, &format!("unit_kind_{}", unit.kind.key())),
                class: unit.class.as_deref(),
                city: &unit.city,
                region: &unit.region,
                address: unit.address.as_deref(),
                contact: &unit.contact,
                parent: unit.parent.map(|p| unit_link(site, &self.urls, lang, p)),
                children,
                html: unit.html[lang].as_deref(),
            },
        );
        let stories = &site.index.stories_by_unit[lang][ix];
        context.insert_value("stories", self.cards.story_list(self.slice(stories, page)));
        context.insert(
            "pager",
            &self.pager(page, stories.len(), |p| self.urls.unit(lang, &unit.id, p)),
        );
        context.insert_value(
            "products",
            self.cards.product_list(lang, &site.index.products_by_unit[ix]),
        );
        let awards: Vec<usize> = if page == 1 {
            site.index.awards[lang]
                .iter()
                .copied()
                .filter(|&s| site.stories[s].unit == ix)
                .collect()
        } else {
            Vec::new()
        };
        context.insert_value("awards", self.cards.story_list(&awards));
        let mut title = name.clone();
        if page > 1 {
            title = format!("{title} · {} {page}", self.t(lang, "page"));
        }
        Built::new(
            "unit.html",
            Head {
                title,
                description: format!("{} — {}, {}", name, unit.city, unit.region),
                crumbs: vec![
                    Crumb {
                        name: self.t(lang, "nav_units"),
                        url: self.urls.units(lang),
                    },
                    Crumb {
                        name: name.clone(),
                        url: self.urls.unit(lang, &unit.id, 1),
                    },
                ],
                jsonld: Some(jsonld::organization(self, lang, ix, true)),
                section: "units",
                ..Head::default()
            },
        )
    }

    fn awards(&self, lang: usize, context: &mut Context) -> Built {
        context.insert_value("items", self.cards.story_list(&self.site.index.awards[lang]));
        Built::new(
            "awards.html",
            Head {
                title: self.t(lang, "nav_awards"),
                description: self.t(lang, "awards_description"),
                crumbs: vec![Crumb {
                    name: self.t(lang, "nav_awards"),
                    url: self.urls.awards(lang),
                }],
                section: "awards",
                ..Head::default()
            },
        )
    }

    fn search(&self, lang: usize) -> Built {
        Built::new(
            "search.html",
            Head {
                title: self.t(lang, "search"),
                description: self.t(lang, "search_description"),
                crumbs: vec![Crumb {
                    name: self.t(lang, "search"),
                    url: self.urls.search(lang),
                }],
                section: "search",
                ..Head::default()
            },
        )
    }

    fn vocabulary(&self, lang: usize, ix: usize, context: &mut Context) -> Built {
        let site = &*self.site;
        let vocabulary = &site.vocabularies[ix];
        #[derive(Serialize)]
        struct TermView {
            chip: Value,
            description: Option<String>,
            stories: usize,
            products: usize,
        }
        let terms: Vec<TermView> = (0..vocabulary.terms.len())
            .map(|t| {
                let id = TermId {
                    vocabulary: ix,
                    term: t,
                };
                TermView {
                    chip: self.cards.terms[lang][ix][t].clone(),
                    description: vocabulary.terms[t]
                        .description
                        .as_ref()
                        .map(|d| site.text(d, lang).to_string()),
                    stories: self.term_stories(lang, id).len(),
                    products: site.index.products_by_term.get(&id).map_or(0, |p| {
                        p.iter().filter(|&&ix| site.products[ix].text[lang].is_some()).count()
                    }),
                }
            })
            .collect();
        let name = site.text(&vocabulary.name, lang).to_string();
        let description = vocabulary.description.as_ref().map(|d| site.text(d, lang).to_string());
        context.insert(
            "vocabulary",
            &serde_json::json!({ "name": name, "description": description }),
        );
        context.insert("terms", &terms);
        Built::new(
            "vocabulary.html",
            Head {
                crumbs: vec![Crumb {
                    name: name.clone(),
                    url: self.urls.vocabulary(lang, &vocabulary.id),
                }],
                description: description.unwrap_or_else(|| name.clone()),
                title: name,
                section: "programs",
                ..Head::default()
            },
        )
    }

    fn term(&self, lang: usize, id: TermId, page: usize, context: &mut Context) -> Built {
        let site = &*self.site;
        let vocabulary = &site.vocabularies[id.vocabulary];
        let term = site.term(id);
        let vocabulary_name = site.text(&vocabulary.name, lang).to_string();
        let label = site.text(&term.label, lang).to_string();
        let description = term.description.as_ref().map(|d| site.text(d, lang).to_string());
        context.insert(
            "vocabulary",
            &serde_json::json!({ "name": vocabulary_name, "url": self.urls.vocabulary(lang, &vocabulary.id) }),
        );
        context.insert(
            "term",
            &serde_json::json!({ "id": term.id, "number": term.number, "label": label, "description": description }),
        );
        let stories = self.term_stories(lang, id);
        context.insert_value("stories", self.cards.story_list(self.slice(stories, page)));
        context.insert(
            "pager",
            &self.pager(page, stories.len(), |p| {
                self.urls.term(lang, &vocabulary.id, &term.id, p)
            }),
        );
        let products = site
            .index
            .products_by_term
            .get(&id)
            .map(Vec::as_slice)
            .unwrap_or_default();
        context.insert_value(
            "products",
            if page == 1 {
                self.cards.product_list(lang, products)
            } else {
                Value::from(Vec::<Value>::new())
            },
        );
        let short = match term.number {
            Some(n) => format!("{vocabulary_name} {n}"),
            None => vocabulary_name.clone(),
        };
        let mut title = format!("{short}: {label}");
        if page > 1 {
            title = format!("{title} · {} {page}", self.t(lang, "page"));
        }
        Built::new(
            "term.html",
            Head {
                title,
                description: description.unwrap_or_else(|| label.clone()),
                crumbs: vec![
                    Crumb {
                        name: vocabulary_name,
                        url: self.urls.vocabulary(lang, &vocabulary.id),
                    },
                    Crumb {
                        name: short,
                        url: self.urls.term(lang, &vocabulary.id, &term.id, 1),
                    },
                ],
                section: "programs",
                ..Head::default()
            },
        )
    }

    fn plain_page(&self, ix: usize, context: &mut Context) -> Built {
        let page = &self.site.pages[ix];
        context.insert(
            "content",
            &serde_json::json!({ "title": page.title, "html": page.html }),
        );
        Built::new(
            "page.html",
            Head {
                title: page.title.clone(),
                description: page.summary.clone().unwrap_or_else(|| self.site_description(page.lang)),
                crumbs: vec![Crumb {
                    name: page.title.clone(),
                    url: self.urls.page(page.lang, &page.slug),
                }],
                section: "page",
                ..Head::default()
            },
        )
    }

    fn not_found(&self, lang: usize) -> Built {
        Built::new(
            "404.html",
            Head {
                title: self.t(lang, "not_found_title"),
                description: self.t(lang, "not_found_text"),
                section: "404",
                ..Head::default()
            },
        )
    }
}

/// What a page kind contributes to the `<head>` and breadcrumbs.
struct Head {
    title: String,
    description: String,
    crumbs: Vec<Crumb>,
    jsonld: Option<serde_json::Value>,
    og_type: &'static str,
    image: Option<OgImage>,
    section: &'static str,
}

impl Default for Head {
    fn default() -> Self {
        Head {
            title: String::new(),
            description: String::new(),
            crumbs: Vec::new(),
            jsonld: None,
            og_type: "website",
            image: None,
            section: "",
        }
    }
}

struct Built {
    template: &'static str,
    head: Head,
}

impl Built {
    fn new(template: &'static str, head: Head) -> Built {
        Built { template, head }
    }
}

/// Percent-encodes a query value (RFC 3986 unreserved characters pass).
fn percent_encode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}
