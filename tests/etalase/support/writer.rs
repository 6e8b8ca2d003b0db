//! A writer at work on a small fixture site, making random edits for the property test of
//! the preview: two units, a vocabulary of its own beside Asta Cita, three products, six
//! stories (four with an English translation), a plain page in both languages, the theme's
//! templates and stylesheet. Every edit is one save; some break a file (an unknown unit, tag
//! or product, a missing image, an empty alt, a link to a file that is not there, a front
//! matter, sheet or template that does not parse) and a later one repairs it. The generator
//! is seeded, so a seed and a number of steps repeat a run exactly.

use super::served::Save;
use super::site::Site;

/// A small pseudo-random generator (a 64-bit linear congruential one): the same seed gives
/// the same edits on every machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        let mut rng = Rng(seed);
        rng.below(2);
        rng
    }

    /// A number in `0..n`.
    pub fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % n as u64) as usize
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// The units, by file stem.
const UNITS: [&str; 2] = ["lapas-lahat", "kanwil-sumsel"];
/// Every programme tag: Asta Cita's (built in) and the site's own vocabulary's.
const TERMS: [&str; 10] = [
    "ac-1", "ac-2", "ac-3", "ac-4", "ac-5", "ac-6", "ac-7", "ac-8", "pa-1", "pa-2",
];
/// The words of new titles, sentences and names, in Indonesian and in English.
const WORDS: &str =
    "panen raya pelatihan batik tempe gula semut kunjungan kerja pameran songket roti warga binaan pasar";
const ENGLISH: &str = "harvest training batik tempeh sugar visit fair bread market skills prize workshop";

/// The stories at the start, one file a line: stem, language, day of November 2025, unit,
/// tags, products (`-` for none), title.
const STORIES: &str = "\
2025-11-01-panen-raya       id   1  0  ac-2,pa-1  0  Panen Raya di Lapas Lahat
2025-11-01-panen-raya       en   1  0  ac-2,pa-1  0  Harvest Festival at Lahat Prison
2025-11-05-pelatihan-batik  id   5  1  ac-3       1  Pelatihan Batik
2025-11-05-pelatihan-batik  en   5  1  ac-3       1  Batik Training
2025-11-10-juara-pameran    id  10  0  ac-3,pa-2  -  Juara Pameran
2025-11-15-rapat            id  15  1  -          -  Rapat Koordinasi
2025-11-15-rapat            en  15  1  -          -  Coordination Meeting
2025-11-20-kunjungan        id  20  0  ac-6       -  Kunjungan Kerja
2025-11-25-tempe            id  25  0  ac-2       2  Tempe Lapas Lahat
2025-11-25-tempe            en  25  0  ac-2       2  Lahat Prison Tempeh
";

/// The products at the start, one a line: slug, unit, category, price, tags, names.
const PRODUCTS: &str = "\
gula-semut    0  pangan   25000  ac-2,pa-2  Gula Semut    | Palm Sugar
kain-songket  1  wastra  450000  ac-3       Kain Songket  | Songket Cloth
tempe         0  pangan    8000  ac-2       Tempe         | Tempeh
";

/// A list written `a,b` in the tables above, or `-` for none.
fn list(text: &'static str) -> Vec<&'static str> {
    text.split(',').filter(|item| *item != "-").collect()
}

/// A mistake a writer can make in a story.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StoryFault {
    UnknownUnit,
    UnknownTag,
    MissingImage,
    EmptyAlt,
    UnknownProduct,
    DeadLink,
    FrontMatter,
}

const STORY_FAULTS: [StoryFault; 7] = [
    StoryFault::UnknownUnit,
    StoryFault::UnknownTag,
    StoryFault::MissingImage,
    StoryFault::EmptyAlt,
    StoryFault::UnknownProduct,
    StoryFault::DeadLink,
    StoryFault::FrontMatter,
];

/// One language's file of a press release.
#[derive(Debug, Clone)]
struct Story {
    stem: String,
    lang: &'static str,
    title: String,
    date: (u32, u32),
    unit: usize,
    programs: Vec<&'static str>,
    products: Vec<usize>,
    award: bool,
    image: bool,
    draft: bool,
    paragraphs: Vec<String>,
    /// The file name of another story this one links to.
    link: Option<String>,
    fault: Option<StoryFault>,
}

impl Story {
    fn file(&self) -> String {
        format!("{}.{}.md", self.stem, self.lang)
    }

    fn path(&self) -> String {
        format!("content/news/{}", self.file())
    }

    fn text(&self, products: &[Product]) -> String {
        let fault = self.fault;
        let mut out = String::from("---\n");
        if fault == Some(StoryFault::FrontMatter) {
            out.push_str(&format!("title: [{}\n", self.title));
        } else {
            out.push_str(&format!("title: {}\n", self.title));
        }
        out.push_str(&format!("date: 2025-{:02}-{:02}\n", self.date.0, self.date.1));
        let unit = if fault == Some(StoryFault::UnknownUnit) {
            "lapas-tidak-ada"
        } else {
            UNITS[self.unit]
        };
        out.push_str(&format!(
            "unit: {unit}\nsummary: Ringkasan {} ({}).\n",
            self.stem, self.lang
        ));
        let mut programs = self.programs.clone();
        if fault == Some(StoryFault::UnknownTag) {
            programs.push("ac-99");
        }
        if !programs.is_empty() {
            out.push_str(&format!("programs: [{}]\n", programs.join(", ")));
        }
        let mut slugs: Vec<&str> = self.products.iter().map(|&p| products[p].slug).collect();
        if fault == Some(StoryFault::UnknownProduct) {
            slugs.push("produk-tidak-ada");
        }
        if !slugs.is_empty() {
            out.push_str(&format!("products: [{}]\n", slugs.join(", ")));
        }
        match fault {
            Some(StoryFault::MissingImage) => out.push_str("image: { src: hilang.svg, alt: Foto yang hilang }\n"),
            Some(StoryFault::EmptyAlt) => out.push_str("image: { src: rapat.svg, alt: \"\" }\n"),
            _ if self.image => out.push_str("image: { src: rapat.svg, alt: Suasana kegiatan }\n"),
            _ => {}
        }
        if self.award {
            out.push_str("award: { name: Juara Pameran Produk, giver: Kanwil Sumatera Selatan }\n");
        }
        if self.draft {
            out.push_str("draft: true\n");
        }
        out.push_str("---\n");
        out.push_str(&self.paragraphs.join("\n\n"));
        out.push('\n');
        if let Some(link) = &self.link {
            out.push_str(&format!("\n[Baca juga]({link})\n"));
        }
        if fault == Some(StoryFault::DeadLink) {
            out.push_str("\n[Berita lama](2020-01-01-tidak-ada.id.md)\n");
        }
        out
    }
}

#[derive(Debug, Clone)]
struct Product {
    slug: &'static str,
    name: (String, String),
    unit: usize,
    category: &'static str,
    price: u32,
    programs: Vec<&'static str>,
    /// A key the sheet does not know.
    broken: bool,
}

impl Product {
    fn path(&self) -> String {
        format!("content/products/{}.yaml", self.slug)
    }

    fn text(&self) -> String {
        let mut out = format!(
            "name: {{ id: {}, en: {} }}\nunit: {}\ncategory: {}\nfeatured: {}\n\
             description: {{ id: Produk {} buatan warga binaan., en: {} made by people in custody. }}\n\
             price: {{ amount: {}, per: {{ id: per kemasan, en: per pack }} }}\n\
             images:\n  - {{ src: gula.svg, alt: {{ id: Kemasan {}, en: A pack of {} }} }}\nprograms: [{}]\n",
            self.name.0,
            self.name.1,
            UNITS[self.unit],
            self.category,
            self.slug == "gula-semut",
            self.name.0,
            self.name.1,
            self.price,
            self.name.0,
            self.name.1,
            self.programs.join(", "),
        );
        if self.broken {
            out.push_str("warna: merah\n");
        }
        out
    }
}

#[derive(Debug, Clone)]
struct Unit {
    name: String,
    /// A unit type that does not exist.
    broken: bool,
}

#[derive(Debug, Clone)]
struct Page {
    lang: &'static str,
    title: String,
    body: String,
}

impl Page {
    fn path(&self) -> String {
        format!("content/pages/tentang.{}.md", self.lang)
    }

    fn text(&self) -> String {
        format!(
            "---\ntitle: {}\nsummary: Tentang situs ini.\nslug: tentang\nmenu: 1\n---\n{}\n",
            self.title, self.body
        )
    }
}

/// A template of the theme and the attribute an edit adds to one of its elements.
struct Template {
    file: &'static str,
    element: &'static str,
    original: String,
    version: usize,
    /// A tag that does not parse, at the end.
    broken: bool,
}

impl Template {
    fn path(&self) -> String {
        format!("themes/default/templates/{}", self.file)
    }

    fn text(&self) -> String {
        let mut out = if self.version == 0 {
            self.original.clone()
        } else {
            let edited = self
                .element
                .replacen('>', &format!(" data-versi=\"{}\">", self.version), 1);
            self.original.replacen(self.element, &edited, 1)
        };
        if self.broken {
            out.push_str("{% if %}\n");
        }
        out
    }
}

/// The fixture site as the writer knows it; every edit changes it and writes one file.
pub struct Writer {
    stories: Vec<Story>,
    products: Vec<Product>,
    units: Vec<Unit>,
    /// The labels of the site's own vocabulary's two terms, in Indonesian and English.
    labels: Vec<(String, String)>,
    vocabulary_broken: bool,
    pages: Vec<Page>,
    templates: Vec<Template>,
    /// The theme's stylesheet and the site's configuration as they were at the start.
    stylesheet: String,
    config: String,
    /// Makes every new title, sentence, name and file unique.
    counter: usize,
}

impl Writer {
    /// Writes the fixture site into `site` (made with `Site::new()`, whose theme it edits).
    pub fn new(site: &Site) -> Writer {
        let read = |path: &str| std::fs::read_to_string(site.root().join(path)).expect("read the theme");
        let template = |file: &'static str, element: &'static str| {
            let original = read(&format!("themes/default/templates/{file}"));
            assert!(original.contains(element), "{file} has no `{element}` to edit");
            Template {
                file,
                element,
                original,
                version: 0,
                broken: false,
            }
        };
        let mut stories: Vec<Story> = STORIES
            .lines()
            .map(|line| {
                let mut fields = line.split_whitespace();
                let mut field = || fields.next().expect("a field");
                let (stem, lang, day, unit, programs, products) =
                    (field(), field(), field(), field(), field(), field());
                let title = fields.collect::<Vec<_>>().join(" ");
                Story {
                    stem: stem.to_string(),
                    lang,
                    date: (11, day.parse().expect("day")),
                    unit: unit.parse().expect("unit"),
                    programs: list(programs),
                    products: list(products).iter().map(|p| p.parse().expect("product")).collect(),
                    award: false,
                    image: false,
                    draft: false,
                    paragraphs: vec![format!("Kalimat pertama tentang {title}.")],
                    link: None,
                    fault: None,
                    title,
                }
            })
            .collect();
        stories[4].award = true;
        stories[5].image = true;
        stories[6].image = true;
        stories[5].link = Some("2025-11-01-panen-raya.id.md".to_string());
        let writer = Writer {
            stories,
            products: PRODUCTS
                .lines()
                .map(|line| {
                    let (fields, english) = line.split_once(" | ").expect("two names");
                    let mut fields = fields.split_whitespace();
                    let mut field = || fields.next().expect("a field");
                    let (slug, unit, category, price, programs) = (field(), field(), field(), field(), field());
                    Product {
                        slug,
                        unit: unit.parse().expect("unit"),
                        category,
                        price: price.parse().expect("price"),
                        programs: list(programs),
                        name: (fields.collect::<Vec<_>>().join(" "), english.trim().to_string()),
                        broken: false,
                    }
                })
                .collect(),
            units: vec![
                Unit {
                    name: "Lapas Kelas IIA Lahat".to_string(),
                    broken: false,
                },
                Unit {
                    name: "Kanwil Ditjenpas Sumatera Selatan".to_string(),
                    broken: false,
                },
            ],
            labels: vec![
                ("Memberantas narkoba".to_string(), "Eradicating drugs".to_string()),
                ("Ketahanan pangan".to_string(), "Food security".to_string()),
            ],
            vocabulary_broken: false,
            pages: vec![
                Page {
                    lang: "id",
                    title: "Tentang".to_string(),
                    body: "Halaman tentang situs ini.".to_string(),
                },
                Page {
                    lang: "en",
                    title: "About".to_string(),
                    body: "About this site.".to_string(),
                },
            ],
            templates: vec![
                template("page.html", "<article class=\"page\">"),
                template("story.html", "<article class=\"story\" data-pagefind-body>"),
                template("base.html", "<main id=\"main\" class=\"wrap\">"),
            ],
            stylesheet: read("themes/default/static/style.css"),
            config: read("etalase.yaml"),
            counter: 0,
        };
        for story in &writer.stories {
            site.file(&story.path(), &story.text(&writer.products));
        }
        for product in &writer.products {
            site.file(&product.path(), &product.text());
        }
        for unit in 0..writer.units.len() {
            site.file(&writer.unit_path(unit), &writer.unit_text(unit));
        }
        site.file(VOCABULARY, &writer.vocabulary_text());
        for page in &writer.pages {
            site.file(&page.path(), &page.text());
        }
        writer
    }

    /// Makes one random edit: what it did, and the save that does it.
    pub fn edit(&mut self, rng: &mut Rng) -> (String, Save) {
        self.counter += 1;
        let broken = self.broken_things();
        // Once something is broken, a writer soon repairs it (often after other saves).
        if !broken.is_empty() && rng.chance(30) {
            return self.repair(rng.pick(&broken));
        }
        const KINDS: [(Kind, usize); 20] = [
            (Kind::Body, 14),
            (Kind::Title, 8),
            (Kind::Date, 5),
            (Kind::Tags, 6),
            (Kind::StoryUnit, 4),
            (Kind::StoryProducts, 3),
            (Kind::Details, 4),
            (Kind::Link, 3),
            (Kind::Price, 5),
            (Kind::ProductName, 4),
            (Kind::UnitName, 4),
            (Kind::Label, 4),
            (Kind::NewStory, 4),
            (Kind::DeleteStory, 3),
            (Kind::Page, 3),
            (Kind::Template, 4),
            (Kind::Stylesheet, 3),
            (Kind::Config, 1),
            (Kind::BreakStory, 5),
            (Kind::BreakOther, 2),
        ];
        let total: usize = KINDS.iter().map(|(_, weight)| weight).sum();
        let mut roll = rng.below(total);
        let kind = KINDS
            .iter()
            .find(|(_, weight)| {
                let here = roll < *weight;
                roll = roll.saturating_sub(*weight);
                here
            })
            .map(|(kind, _)| *kind)
            .expect("a kind");
        let n = self.counter;
        let s = rng.below(self.stories.len());
        match kind {
            Kind::Body => {
                let story = &mut self.stories[s];
                let sentence = sentence(rng, story.lang, n);
                if story.paragraphs.len() > 1 && rng.chance(40) {
                    let at = rng.below(story.paragraphs.len());
                    story.paragraphs[at] = sentence;
                    self.save_story(s, "replaces a paragraph of its body")
                } else {
                    story.paragraphs.push(sentence);
                    self.save_story(s, "appends a sentence to its body")
                }
            }
            Kind::Title => {
                let title = title(rng, self.stories[s].lang, n);
                self.stories[s].title = title.clone();
                self.save_story(s, &format!("retitles it `{title}`"))
            }
            Kind::Date => {
                let date = (10 + rng.below(3) as u32, 1 + rng.below(28) as u32);
                self.stories[s].date = date;
                self.save_story(s, &format!("dates it 2025-{:02}-{:02}", date.0, date.1))
            }
            Kind::Tags => {
                let term = rng.pick(&TERMS);
                let programs = &mut self.stories[s].programs;
                if let Some(at) = programs.iter().position(|t| *t == term) {
                    programs.remove(at);
                    self.save_story(s, &format!("removes the tag {term}"))
                } else {
                    programs.push(term);
                    self.save_story(s, &format!("adds the tag {term}"))
                }
            }
            Kind::StoryUnit => {
                let story = &mut self.stories[s];
                story.unit = 1 - story.unit;
                let unit = UNITS[story.unit];
                self.save_story(s, &format!("moves it to the unit {unit}"))
            }
            Kind::StoryProducts => {
                let product = rng.below(self.products.len());
                let products = &mut self.stories[s].products;
                let slug = self.products[product].slug;
                if let Some(at) = products.iter().position(|p| *p == product) {
                    products.remove(at);
                    self.save_story(s, &format!("no longer names the product {slug}"))
                } else {
                    products.push(product);
                    self.save_story(s, &format!("names the product {slug}"))
                }
            }
            Kind::Details => {
                let story = &mut self.stories[s];
                match rng.below(3) {
                    0 => {
                        story.award = !story.award;
                        let what = if story.award {
                            "makes it award news"
                        } else {
                            "takes its award away"
                        };
                        self.save_story(s, what)
                    }
                    1 => {
                        story.image = !story.image;
                        let what = if story.image {
                            "gives it a picture"
                        } else {
                            "takes its picture away"
                        };
                        self.save_story(s, what)
                    }
                    _ => {
                        story.draft = !story.draft;
                        let what = if story.draft {
                            "makes it a draft"
                        } else {
                            "publishes the draft"
                        };
                        self.save_story(s, what)
                    }
                }
            }
            Kind::Link => {
                if self.stories[s].link.is_some() {
                    self.stories[s].link = None;
                    self.save_story(s, "removes its link to another story")
                } else {
                    let target = self.stories[rng.below(self.stories.len())].file();
                    self.stories[s].link = Some(target.clone());
                    self.save_story(s, &format!("links it to {target}"))
                }
            }
            Kind::Price => {
                let p = rng.below(self.products.len());
                self.products[p].price = 1000 * (1 + rng.below(500)) as u32;
                let what = format!("sets the price to {}", self.products[p].price);
                self.save_product(p, &what)
            }
            Kind::ProductName => {
                let p = rng.below(self.products.len());
                if rng.chance(50) {
                    self.products[p].name.0 = format!("Produk {} {n}", word(rng, "id"));
                } else {
                    self.products[p].name.1 = format!("Product {} {n}", word(rng, "en"));
                }
                let what = format!("renames it {:?}", self.products[p].name);
                self.save_product(p, &what)
            }
            Kind::UnitName => {
                let u = rng.below(self.units.len());
                self.units[u].name = format!("Lapas {} {n}", capital(word(rng, "id")));
                let what = format!("renames the unit `{}`", self.units[u].name);
                self.save_unit(u, &what)
            }
            Kind::Label => {
                let t = rng.below(self.labels.len());
                if rng.chance(50) {
                    self.labels[t].0 = format!("Program {} {n}", word(rng, "id"));
                } else {
                    self.labels[t].1 = format!("Programme {} {n}", word(rng, "en"));
                }
                let what = format!("relabels the term pa-{} {:?}", t + 1, self.labels[t]);
                self.save_vocabulary(&what)
            }
            Kind::NewStory => self.new_story(rng, n),
            Kind::DeleteStory => {
                if self.stories.len() <= 3 {
                    return self.new_story(rng, n);
                }
                let gone = self.stories.remove(s);
                (format!("{}: deletes it", gone.file()), Save::Remove(gone.path()))
            }
            Kind::Page => {
                let page = &mut self.pages[rng.below(2)];
                let what = if rng.chance(50) {
                    page.title = title(rng, page.lang, n);
                    format!("retitles it `{}`", page.title)
                } else {
                    page.body = format!("{}\n\n{}", page.body, sentence(rng, page.lang, n));
                    "appends a sentence to it".to_string()
                };
                (
                    format!("{}: {what}", page.path()),
                    Save::Write(page.path(), page.text()),
                )
            }
            Kind::Template => {
                let template = &mut self.templates[rng.below(3)];
                template.version = n;
                (
                    format!("{}: adds data-versi=\"{n}\" to `{}`", template.path(), template.element),
                    Save::Write(template.path(), template.text()),
                )
            }
            Kind::Stylesheet => {
                let css = format!(
                    "{}\n.versi-{n}{{color:#{:06x}}}\n",
                    self.stylesheet,
                    n * 4099 % 0xffffff
                );
                (
                    format!("style.css: a rule .versi-{n}"),
                    Save::Write("themes/default/static/style.css".to_string(), css),
                )
            }
            Kind::Config => {
                let config = self.config.replacen("Etalase Uji", &format!("Etalase Uji {n}"), 1);
                (
                    format!("etalase.yaml: site title `Etalase Uji {n}`"),
                    Save::Write("etalase.yaml".to_string(), config),
                )
            }
            Kind::BreakStory => {
                let healthy: Vec<usize> = (0..self.stories.len())
                    .filter(|&i| self.stories[i].fault.is_none())
                    .collect();
                if healthy.is_empty() {
                    return self.repair(rng.pick(&broken));
                }
                let s = rng.pick(&healthy);
                let fault = rng.pick(&STORY_FAULTS);
                self.stories[s].fault = Some(fault);
                self.save_story(s, &format!("breaks it: {fault:?}"))
            }
            Kind::BreakOther => match rng.below(4) {
                0 => {
                    let p = rng.below(self.products.len());
                    self.products[p].broken = true;
                    self.save_product(p, "breaks it: a key the sheet does not know")
                }
                1 => {
                    let u = rng.below(self.units.len());
                    self.units[u].broken = true;
                    self.save_unit(u, "breaks it: a unit type that does not exist")
                }
                2 => {
                    self.vocabulary_broken = true;
                    self.save_vocabulary("breaks it: a misspelt key")
                }
                _ => {
                    let template = &mut self.templates[0];
                    template.broken = true;
                    (
                        format!("{}: breaks it: a tag that does not parse", template.path()),
                        Save::Write(template.path(), template.text()),
                    )
                }
            },
        }
    }

    fn new_story(&mut self, rng: &mut Rng, n: usize) -> (String, Save) {
        // An English translation of a story that has none, or a new story in Indonesian.
        let untranslated: Vec<usize> = (0..self.stories.len())
            .filter(|&i| {
                let story = &self.stories[i];
                story.lang == "id" && !self.stories.iter().any(|o| o.stem == story.stem && o.lang == "en")
            })
            .collect();
        let story = if !untranslated.is_empty() && rng.chance(40) {
            let source = &self.stories[rng.pick(&untranslated)];
            Story {
                lang: "en",
                title: title(rng, "en", n),
                paragraphs: vec![sentence(rng, "en", n)],
                link: None,
                fault: None,
                draft: false,
                ..source.clone()
            }
        } else {
            let date = (10 + rng.below(3) as u32, 1 + rng.below(28) as u32);
            Story {
                stem: format!("2025-{:02}-{:02}-baru-{n}", date.0, date.1),
                lang: "id",
                title: title(rng, "id", n),
                date,
                unit: rng.below(2),
                programs: vec![rng.pick(&TERMS)],
                products: Vec::new(),
                award: rng.chance(20),
                image: rng.chance(30),
                draft: false,
                paragraphs: vec![sentence(rng, "id", n)],
                link: None,
                fault: None,
            }
        };
        self.stories.push(story);
        let s = self.stories.len() - 1;
        self.save_story(s, "writes it")
    }

    /// What is broken now: a file with a mistake, or a story linking to one that is gone.
    fn broken_things(&self) -> Vec<Broken> {
        let mut out = Vec::new();
        for (s, story) in self.stories.iter().enumerate() {
            if story.fault.is_some() {
                out.push(Broken::Story(s));
            }
            if let Some(link) = &story.link
                && !self.stories.iter().any(|o| o.file() == *link && !o.draft)
            {
                out.push(Broken::Link(s));
            }
        }
        out.extend(
            (0..self.products.len())
                .filter(|&p| self.products[p].broken)
                .map(Broken::Product),
        );
        out.extend(
            (0..self.units.len())
                .filter(|&u| self.units[u].broken)
                .map(Broken::Unit),
        );
        if self.vocabulary_broken {
            out.push(Broken::Vocabulary);
        }
        if self.templates[0].broken {
            out.push(Broken::Template);
        }
        out
    }

    fn repair(&mut self, broken: Broken) -> (String, Save) {
        match broken {
            Broken::Story(s) => {
                self.stories[s].fault = None;
                self.save_story(s, "repairs it")
            }
            Broken::Link(s) => {
                self.stories[s].link = None;
                self.save_story(s, "removes its link to a story that is gone or a draft")
            }
            Broken::Product(p) => {
                self.products[p].broken = false;
                self.save_product(p, "repairs it")
            }
            Broken::Unit(u) => {
                self.units[u].broken = false;
                self.save_unit(u, "repairs it")
            }
            Broken::Vocabulary => {
                self.vocabulary_broken = false;
                self.save_vocabulary("repairs it")
            }
            Broken::Template => {
                let template = &mut self.templates[0];
                template.broken = false;
                (
                    format!("{}: repairs it", template.path()),
                    Save::Write(template.path(), template.text()),
                )
            }
        }
    }

    fn save_story(&self, s: usize, what: &str) -> (String, Save) {
        let story = &self.stories[s];
        (
            format!("{}: {what}", story.file()),
            Save::Write(story.path(), story.text(&self.products)),
        )
    }

    fn save_product(&self, p: usize, what: &str) -> (String, Save) {
        let product = &self.products[p];
        (
            format!("{}: {what}", product.path()),
            Save::Write(product.path(), product.text()),
        )
    }

    fn unit_path(&self, u: usize) -> String {
        format!("content/units/{}.yaml", UNITS[u])
    }

    fn unit_text(&self, u: usize) -> String {
        let unit = &self.units[u];
        let kind = match (unit.broken, u) {
            (true, _) => "penjara",
            (false, 0) => "lapas",
            (false, _) => "kanwil",
        };
        let parent = if u == 0 { "parent: kanwil-sumsel\n" } else { "" };
        format!(
            "name: {}\ntype: {kind}\ncity: Lahat\nregion: Sumatera Selatan\n{parent}",
            unit.name
        )
    }

    fn save_unit(&self, u: usize, what: &str) -> (String, Save) {
        (
            format!("{}: {what}", self.unit_path(u)),
            Save::Write(self.unit_path(u), self.unit_text(u)),
        )
    }

    fn vocabulary_text(&self) -> String {
        let label = if self.vocabulary_broken { "lable" } else { "label" };
        let mut out = String::from(
            "name: { id: Program Akselerasi, en: Acceleration Programmes }\n\
             description: { id: Program percepatan., en: Priority programmes. }\nterms:\n",
        );
        for (t, (id, en)) in self.labels.iter().enumerate() {
            out.push_str(&format!(
                "  - id: pa-{}\n    number: {}\n    {label}: {{ id: {id}, en: {en} }}\n",
                t + 1,
                t + 1
            ));
        }
        out
    }

    fn save_vocabulary(&self, what: &str) -> (String, Save) {
        (
            format!("{VOCABULARY}: {what}"),
            Save::Write(VOCABULARY.to_string(), self.vocabulary_text()),
        )
    }
}

const VOCABULARY: &str = "content/vocabularies/program-akselerasi.yaml";

#[derive(Debug, Clone, Copy)]
enum Kind {
    Body,
    Title,
    Date,
    Tags,
    StoryUnit,
    StoryProducts,
    Details,
    Link,
    Price,
    ProductName,
    UnitName,
    Label,
    NewStory,
    DeleteStory,
    Page,
    Template,
    Stylesheet,
    Config,
    BreakStory,
    BreakOther,
}

#[derive(Debug, Clone, Copy)]
enum Broken {
    Story(usize),
    Link(usize),
    Product(usize),
    Unit(usize),
    Vocabulary,
    Template,
}

fn capital(word: &str) -> String {
    word[..1].to_uppercase() + &word[1..]
}

/// A random word in `lang`.
fn word(rng: &mut Rng, lang: &str) -> &'static str {
    let words: Vec<&'static str> = if lang == "en" { ENGLISH } else { WORDS }.split(' ').collect();
    rng.pick(&words)
}

fn title(rng: &mut Rng, lang: &str, n: usize) -> String {
    format!("{} {} {n}", capital(word(rng, lang)), word(rng, lang))
}

fn sentence(rng: &mut Rng, lang: &str, n: usize) -> String {
    let body: Vec<&str> = (0..6).map(|_| word(rng, lang)).collect();
    format!("{} nomor {n}.", capital(&body.join(" ")))
}
