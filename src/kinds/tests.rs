//! Resolution and rendering of small sites held in memory: no file is read or written, so these
//! tests show what each stage makes of the content.

use std::sync::Arc;

use super::*;
use crate::ids::{StoryId, UnitId};
use crate::media::Photos;
use crate::messages::{Lang, Message, Reference};
use crate::render::{Dep, ItemId, Pages, RenderOptions, Templates};
use crate::site::lists::{ListKey, Target};
use crate::site::memo::Caches;
use crate::theme::Theme;

const CONFIG: &str = "\
base_url: https://example.test
title: { id: Etalase Uji, en: Test Showcase }
news_per_page: 2
languages:
  - { code: id, name: Bahasa Indonesia, locale: id_ID, sections: { news: berita, units: upt } }
  - { code: en, name: English, locale: en_US }
categories:
  pangan: { id: Pangan, en: Food }
";

const LAHAT: (&str, &str) = (
    "content/units/lapas-lahat.yaml",
    "name: Lapas Kelas IIA Lahat\ntype: lapas\ncity: Lahat\nregion: Sumatera Selatan\n",
);

const GULA: (&str, &str) = (
    "content/products/gula-semut.yaml",
    "name: { id: Gula Semut, en: Palm Sugar }\nunit: lapas-lahat\ncategory: pangan\ndescription: { id: Gula., en: Sugar. }\n",
);

fn story(title: &str, date: &str, extra: &str) -> String {
    format!("---\ntitle: {title}\ndate: {date}\nunit: lapas-lahat\nsummary: Ringkasan.\n{extra}---\nIsi {title}.\n")
}

fn content(files: &[(&str, &str)]) -> (Config, Content) {
    let config = Config::parse(CONFIG.to_string()).expect("the test configuration is valid");
    let content = Content::from_memory(&config, files.iter().copied());
    (config, content)
}

fn site(files: &[(&str, &str)]) -> Result<Site, Error> {
    let (config, content) = content(files);
    Site::build(config, &content, SiteOptions::default(), &Caches::default())
}

fn renderer(site: Site) -> Renderer {
    let theme = Theme::builtin(&site.config).expect("the built-in theme");
    let templates = Templates::new(&theme).expect("its templates compile");
    Renderer::new(
        Arc::new(site),
        Arc::new(Photos::default()),
        Arc::new(templates),
        RenderOptions::default(),
    )
}

/// The id of the story in `file`.
fn story_id(file: &str) -> StoryId {
    StoryId::of_file(std::path::Path::new(file))
}

/// The files of the stories in a list.
fn files<'s>(site: &'s Site, items: &[ItemRef]) -> Vec<&'s str> {
    items
        .iter()
        .map(|item| {
            site.items.news.stories[StoryId::from_key(item.key)]
                .file
                .to_str()
                .unwrap_or_default()
        })
        .collect()
}

#[test]
fn stories_resolve_with_permalinks_lists_and_translations() {
    let a_id = story("A", "2025-11-19", "");
    let a_en = story("A in English", "2025-11-19", "");
    let b = story("B", "2025-11-20", "programs: [ac-3]\n");
    let site = site(&[
        LAHAT,
        ("content/news/2025-11-19-a.id.md", &a_id),
        ("content/news/2025-11-19-a.en.md", &a_en),
        ("content/news/2025-11-20-b.id.md", &b),
    ])
    .expect("the site resolves");
    let stories = &site.items.news.stories;
    let titles: Vec<&str> = stories.values().map(|s| s.title.as_str()).collect();
    assert_eq!(titles, ["B", "A", "A in English"], "newest first");
    assert_eq!(
        stories[story_id("content/news/2025-11-19-a.id.md")].url,
        "/berita/a/",
        "the section word of the language"
    );
    assert_eq!(
        stories[story_id("content/news/2025-11-19-a.en.md")].url,
        "/en/news/a/",
        "the default word elsewhere"
    );
    let a = &stories[story_id("content/news/2025-11-19-a.id.md")];
    assert_eq!(
        a.translations[LangId::new(1)],
        Some(story_id("content/news/2025-11-19-a.en.md")),
        "paired by file stem"
    );
    let (id, en) = (LangId::FIRST, LangId::new(1));
    let (a, b) = ("content/news/2025-11-19-a.id.md", "content/news/2025-11-20-b.id.md");
    assert_eq!(files(&site, site.lists.get(ListKey::all("news", id))), [b, a]);
    assert_eq!(
        files(&site, site.lists.get(ListKey::all("news", en))),
        ["content/news/2025-11-19-a.en.md"]
    );
    let lahat = Target::Unit(UnitId::of_file(std::path::Path::new(LAHAT.0)));
    assert_eq!(files(&site, site.lists.get(ListKey::about("news", id, lahat))), [b, a]);
    let ac3 = site
        .items
        .vocabularies
        .terms
        .iter()
        .find(|(_, t)| t.id == "ac-3")
        .expect("ac-3")
        .0;
    assert_eq!(
        files(&site, site.lists.get(ListKey::about("news", id, Target::Term(ac3)))),
        [b]
    );
}

#[test]
fn a_dangling_reference_is_reported_at_its_line_with_the_closest_name() {
    let text = story("A", "2025-11-19", "").replace("unit: lapas-lahat", "unit: lapas-lahta");
    let Err(Error::Content(problems)) = site(&[LAHAT, ("content/news/2025-11-19-a.id.md", &text)]) else {
        panic!("the unknown unit is an error");
    };
    let problem = problems.iter().next().expect("one problem");
    assert_eq!(problem.position, Some((4, 7)));
    assert_eq!(
        problem.message,
        Reference::UnknownUnit {
            id: "lapas-lahta".into()
        }
        .into()
    );
    assert_eq!(
        problem.hint(Lang::En).as_deref(),
        Some("did you mean `lapas-lahat`? — units are the file names in content/units/")
    );
}

#[test]
fn references_to_a_sheet_that_does_not_parse_are_held_back() {
    let broken = GULA.1.replace("category: pangan", "category: [pangan");
    let text = story("A", "2025-11-19", "products: [gula-semut]\ndate_typo: x\n");
    let Err(Error::Content(problems)) = site(&[LAHAT, (GULA.0, &broken), ("content/news/2025-11-19-a.id.md", &text)])
    else {
        panic!("the broken sheet is an error");
    };
    let files: Vec<String> = problems.iter().map(|p| p.file.display().to_string()).collect();
    assert_eq!(
        files,
        ["content/news/2025-11-19-a.id.md", "content/products/gula-semut.yaml"],
        "the story's own mistake is reported, its reference to the broken sheet is not"
    );
}

#[test]
fn two_files_claiming_one_url_are_reported_at_the_later_one() {
    let a = story("A", "2025-11-19", "");
    let b = story("B", "2025-11-20", "slug: a\n");
    let Err(Error::Content(problems)) = site(&[
        LAHAT,
        ("content/news/2025-11-19-a.id.md", &a),
        ("content/news/2025-11-20-b.id.md", &b),
    ]) else {
        panic!("the collision is an error");
    };
    let problem = problems.iter().next().expect("one problem");
    assert_eq!(
        problem.message,
        Reference::SameUrl {
            url: "/berita/a/".into()
        }
        .into()
    );
    assert_eq!(problem.position.map(|p| p.0), Some(6), "at the `slug:` line");
}

#[test]
fn a_page_records_every_item_and_list_it_read() {
    let a = story("A", "2025-11-19", "products: [gula-semut]\n");
    let b = story("B", "2025-11-20", "");
    let c = story("C", "2025-11-21", "");
    let site = site(&[
        LAHAT,
        GULA,
        ("content/news/2025-11-19-a.id.md", &a),
        ("content/news/2025-11-20-b.id.md", &b),
        ("content/news/2025-11-21-c.id.md", &c),
    ])
    .expect("the site resolves");
    let renderer = renderer(site);
    let story_a = story_id("content/news/2025-11-19-a.id.md");
    let story_c = story_id("content/news/2025-11-21-c.id.md");
    let page = renderer
        .render(Page::News(news::Page::Story(story_a)))
        .expect("renders");
    assert_eq!(page.path, "berita/a/index.html");
    let html = String::from_utf8(page.bytes).expect("utf-8");
    assert!(html.contains("<h1>A</h1>"), "{html}");
    for dep in [
        Dep::Item(story_a.item_ref()),
        Dep::Item(UnitId::of_file(std::path::Path::new(LAHAT.0)).item_ref()),
        Dep::Card(
            crate::ids::ProductId::of_file(std::path::Path::new(GULA.0)).item_ref(),
            LangId::FIRST,
        ),
        Dep::Common(LangId::FIRST),
    ] {
        assert!(page.deps.contains(&dep), "{dep:?} in {:?}", page.deps);
    }
    assert!(
        !page.deps.contains(&Dep::Item(story_c.item_ref())),
        "a story's page does not read another story"
    );
    let second = renderer
        .render(Page::News(news::Page::List(LangId::FIRST, crate::ids::PageNo::new(2))))
        .expect("renders");
    assert_eq!(second.path, "berita/2/index.html");
    assert!(second.deps.contains(&Dep::List(ListKey::all("news", LangId::FIRST))));
    assert!(
        second.deps.contains(&Dep::Card(story_a.item_ref(), LangId::FIRST)),
        "the card it shows"
    );
    assert!(
        !second.deps.contains(&Dep::Item(story_a.item_ref())),
        "only the card, not the rest of the story"
    );
    assert!(
        !second.deps.contains(&Dep::Card(story_c.item_ref(), LangId::FIRST)),
        "not the first page's"
    );
}

#[test]
fn every_page_of_a_site_has_one_place() {
    let a = story("A", "2025-11-19", "");
    let site = site(&[LAHAT, GULA, ("content/news/2025-11-19-a.id.md", &a)]).expect("the site resolves");
    let mut paths: Vec<String> = Page::all(&site)
        .into_iter()
        .map(|p| p.place(&site).output_path())
        .collect();
    let count = paths.len();
    paths.sort();
    paths.dedup();
    assert_eq!(paths.len(), count, "no two pages share a file");
    for expected in [
        "index.html",
        "en/index.html",
        "berita/a/index.html",
        "upt/lapas-lahat/index.html",
        "agenda.ics",
        "sitemap.xml",
    ] {
        assert!(paths.iter().any(|p| p == expected), "{expected}");
    }
}

#[test]
fn every_item_a_page_reads_has_a_fingerprint() {
    let a = story("A", "2025-11-19", "products: [gula-semut]\nprograms: [ac-3]\n");
    let event = "---\ntitle: Bazar\nstart: 2025-11-19\nplace: { name: Aula, city: Lahat }\n\
                 organizer: lapas-lahat\nsummary: Bazar produk.\nproducts: [gula-semut]\n---\nIsi.\n";
    let page = "---\ntitle: Tentang\nsummary: Tentang situs.\n---\nIsi.\n";
    let site = site(&[
        LAHAT,
        GULA,
        ("content/news/2025-11-19-a.id.md", &a),
        ("content/agenda/2025-11-19-bazar.id.md", event),
        ("content/pages/tentang.id.md", page),
    ])
    .expect("the site resolves");
    let fingerprints = site.items.fingerprints(&site.lists);
    let renderer = renderer(site);
    let mut read = 0;
    for page in renderer.pages() {
        let rendered = renderer.render(page).expect("renders");
        for dep in &rendered.deps {
            if let Dep::Item(item) = dep {
                read += 1;
                assert!(
                    fingerprints.items.contains_key(item),
                    "{} reads {item:?}, which has no fingerprint",
                    rendered.path
                );
            }
        }
    }
    assert!(read > 50, "pages read items ({read} reads)");
    for kind in ["news", "products", "units", "agenda", "pages", "terms", "vocabularies"] {
        assert!(
            fingerprints.items.keys().any(|item| item.kind == kind),
            "{kind} has fingerprints"
        );
    }
}

/// The `«…»` values a rendered sample carries.
fn values(text: &str) -> Vec<String> {
    let mut found: Vec<String> = text
        .split('«')
        .skip(1)
        .filter_map(|rest| rest.split_once('»').map(|(value, _)| value.to_string()))
        .collect();
    let numbers = text
        .split(|c: char| !c.is_ascii_digit())
        .filter(|n| n.len() == 5 && (n.starts_with('8') || n.starts_with('9')))
        .map(String::from);
    found.extend(numbers);
    found.sort();
    found
}

#[test]
fn every_message_has_the_same_values_in_both_languages() {
    let samples = super::messages();
    assert!(samples.len() > 100, "{} messages", samples.len());
    for message in &samples {
        let (en, id) = (message.text(Lang::En), message.text(Lang::Id));
        assert!(!en.trim().is_empty() && !id.trim().is_empty(), "{message:?}");
        assert_eq!(values(&en), values(&id), "{message:?}:\n  en: {en}\n  id: {id}");
        assert_ne!(en, id, "{message:?} is not translated");
    }
}

#[test]
fn every_code_is_unique() {
    let mut codes: Vec<&str> = super::messages().iter().map(Message::code).collect();
    let count = codes.len();
    codes.sort();
    codes.dedup();
    assert_eq!(codes.len(), count, "two variants share a code");
}

#[test]
fn fingerprints_are_the_same_in_two_builds_of_the_same_files() {
    let files = [
        LAHAT,
        GULA,
        ("content/news/2025-11-19-a.id.md", &story("A", "2025-11-19", "")[..]),
    ];
    // As the dev server makes them: with a fingerprint for every card.
    let fingerprinted = |site: Site| {
        let theme = Theme::builtin(&site.config).expect("the built-in theme");
        let templates = Templates::new(&theme).expect("its templates compile");
        let none = (&crate::render::Cards::default(), &crate::hashing::FastMap::default());
        Renderer::reusing(
            Arc::new(site),
            Arc::new(Photos::default()),
            Arc::new(templates),
            RenderOptions::default(),
            none,
        )
    };
    let one = fingerprinted(site(&files).expect("resolves"));
    let two = fingerprinted(site(&files).expect("resolves"));
    let (mut a, mut b) = (one.fingerprints(), two.fingerprints());
    a.sort();
    b.sort();
    let differ: Vec<_> = a.iter().zip(&b).filter(|(x, y)| x != y).collect();
    assert!(differ.is_empty(), "{differ:?}");
}

#[test]
fn refreshing_only_the_files_a_watcher_names_equals_walking_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path();
    let write = |file: &str, text: &str| {
        let path = root.join(file);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
        std::fs::write(&path, text).expect("write");
        path
    };
    let config = Config::parse(CONFIG.to_string()).expect("the test configuration is valid");
    let fingerprints = |content: &Content| {
        let site = Site::build(config.clone(), content, SiteOptions::default(), &Caches::default());
        site.map(|site| site.items.fingerprints(&site.lists))
            .map_err(|err| err.to_string())
    };
    write(LAHAT.0, LAHAT.1);
    write("content/media/rapat.svg", "<svg/>");
    let a = write("content/news/2025-11-19-a.id.md", &story("A", "2025-11-19", ""));
    let mut content = Content::load(root, &config).expect("loads");
    let image = "image: { src: rapat.svg, alt: Rapat }\n";
    let steps: Vec<Box<dyn Fn() -> Vec<std::path::PathBuf>>> = vec![
        Box::new(|| vec![write("content/news/2025-11-19-a.id.md", &story("A2", "2025-11-19", ""))]),
        Box::new(|| {
            vec![write(
                "content/news/2025-11-20-b.id.md",
                &story("B", "2025-11-20", image),
            )]
        }),
        Box::new(|| vec![write("content/media/foto/baru.svg", "<svg/>")]),
        Box::new(|| {
            std::fs::remove_file(&a).expect("remove");
            vec![a.clone()]
        }),
        Box::new(|| {
            std::fs::remove_file(root.join("content/media/rapat.svg")).expect("remove");
            vec![root.join("content/media/rapat.svg")]
        }),
        // A folder that is gone, named alone: only a walk knows what was in it.
        Box::new(|| {
            std::fs::remove_dir_all(root.join("content/media/foto")).expect("remove");
            vec![root.join("content/media/foto")]
        }),
        Box::new(|| vec![write("content/news/.2025-11-21-c.id.md.swp", "x")]),
    ];
    for (step, change) in steps.iter().enumerate() {
        let paths = change();
        content.refresh_files(root, &config, &paths).expect("refreshes");
        let fresh = Content::load(root, &config).expect("loads");
        assert_eq!(fingerprints(&content), fingerprints(&fresh), "after step {step}");
        assert_eq!(content.media, fresh.media, "after step {step}");
    }
}

#[test]
fn items_remembered_between_builds_equal_items_resolved_afresh() {
    let a = story("A", "2025-11-19", "");
    let linking = format!("{a}Lihat [B](2025-11-18-b.id.md#foto).\n");
    let b = story("B", "2025-11-18", "");
    let b_moved = story("B", "2025-11-18", "slug: b-pindah\n");
    let b_on_a = story("B", "2025-11-18", "slug: a\n");
    // A unit nobody has: the message lists the units with their names.
    let b_lost = story("B", "2025-11-18", "").replace("unit: lapas-lahat", "unit: rutan-entah");
    let renamed_unit = (
        "content/units/lapas-lahat.yaml",
        &LAHAT.1.replace("name: Lapas", "name: Lembaga Pemasyarakatan")[..],
    );
    // The unit's file, a linking story A and, when given, the story B it links to.
    fn files<'a>(unit: (&'a str, &'a str), a: &'a str, b: Option<&'a str>) -> Vec<(&'a str, &'a str)> {
        let mut files = vec![unit, GULA, ("content/news/2025-11-19-a.id.md", a)];
        files.extend(b.map(|b| ("content/news/2025-11-18-b.id.md", b)));
        files
    }
    let steps = [
        files(LAHAT, &linking, Some(&b)),
        // The page A links to moves: A's link follows it.
        files(LAHAT, &linking, Some(&b_moved)),
        // The unit's name changes: every story names it.
        files(renamed_unit, &linking, Some(&b_moved)),
        // The page A links to is deleted: A's link is reported, as in a fresh build.
        files(renamed_unit, &linking, None),
        files(LAHAT, &linking, Some(&b)),
        // B takes A's address, after builds without a collision: the collision is reported.
        files(LAHAT, &linking, Some(&b_on_a)),
        files(LAHAT, &linking, Some(&b)),
        // The unit's name changes while a story names a unit that does not exist: the
        // message lists the new name.
        files(LAHAT, &linking, Some(&b_lost)),
        files(renamed_unit, &linking, Some(&b_lost)),
    ];
    let caches = Caches::session();
    let summary = |result: Result<(Site, Diagnostics), Error>| {
        let (site, errors) = result.expect("the configuration is valid");
        let mut fingerprints: Vec<_> = site.items.fingerprints(&site.lists).items.into_iter().collect();
        fingerprints.sort();
        let html: Vec<String> = site
            .items
            .news
            .stories
            .values()
            .map(|story| story.html.to_string())
            .collect();
        (fingerprints, html, errors, site.warnings)
    };
    for (step, files) in steps.iter().enumerate() {
        let (config, content) = content(files);
        let remembered = summary(Site::resolve(config.clone(), &content, SiteOptions::default(), &caches));
        let fresh = summary(Site::resolve(
            config,
            &content,
            SiteOptions::default(),
            &Caches::default(),
        ));
        assert_eq!(remembered, fresh, "step {step}");
        let messages: Vec<String> = remembered.2.iter().map(|d| format!("{d:?}")).collect();
        if step == 5 {
            assert!(
                messages.iter().any(|m| m.contains("SameUrl")),
                "the collision is reported: {messages:?}"
            );
        }
        if step == 8 {
            assert!(
                messages.iter().any(|m| m.contains("Lembaga Pemasyarakatan")),
                "the new name is listed: {messages:?}"
            );
        }
    }
}

#[test]
fn a_save_that_moves_nothing_patches_the_last_site_and_any_other_resolves_it_whole() {
    let (a_id, a_en, b) = (
        "content/news/2025-11-19-a.id.md",
        "content/news/2025-11-19-a.en.md",
        "content/news/2025-11-20-b.id.md",
    );
    let base = |a: &str, b_text: &str| {
        vec![
            (LAHAT.0, LAHAT.1.to_string()),
            (GULA.0, GULA.1.to_string()),
            (a_id, a.to_string()),
            (
                a_en,
                "---\ntitle: A in English\nsummary: Summary.\n---\nText.\n".to_string(),
            ),
            (b, b_text.to_string()),
        ]
    };
    let (story_a, story_b) = (story("A", "2025-11-19", ""), story("B", "2025-11-20", ""));
    let caches = Caches::session();
    let build = |files: &[(&str, String)]| {
        let files: Vec<(&str, &str)> = files.iter().map(|(f, t)| (*f, t.as_str())).collect();
        let (config, content) = content(&files);
        (config, content)
    };
    let (config, content) = build(&base(&story_a, &story_b));
    let last = Site::build(config, &content, SiteOptions::default(), &caches).expect("the site resolves");
    let patch = |files: Vec<(&str, String)>, changed: &[&str]| {
        let (config, content) = build(&files);
        let changed: Vec<PathBuf> = changed.iter().map(PathBuf::from).collect();
        Site::patch(&last, config, &content, &changed, SiteOptions::default(), &caches)
    };
    let title = |site: &Site, file: &str| site.items.news.stories[story_id(file)].title.clone();

    // A body: the story and its translation resolved again, the lists and pages kept.
    let patched = patch(base(&format!("{story_a}Kalimat baru.\n"), &story_b), &[a_id]).expect("a body edit patches");
    assert!(patched.items.news.stories[story_id(a_id)].html.contains("Kalimat baru"));
    assert!(
        Arc::ptr_eq(&patched.lists, &last.lists),
        "the lists are the last site's"
    );
    assert!(
        Arc::ptr_eq(&patched.items.units, &last.items.units),
        "so are other kinds' items"
    );
    // A product's price.
    let with = |file: &str, text: &str| {
        let mut files = base(&story_a, &story_b);
        files
            .iter_mut()
            .filter(|(f, _)| *f == file)
            .for_each(|(_, t)| *t = text.to_string());
        files
    };
    let priced = patch(
        with(GULA.0, &format!("{}price: {{ amount: 25000 }}\n", GULA.1)),
        &[GULA.0],
    );
    let gula = crate::ids::ProductId::of_file(std::path::Path::new(GULA.0));
    let price = priced.expect("a price edit patches").items.products.products[gula]
        .price
        .clone();
    assert_eq!(price.map(|p| p.amount), Some(25000));
    // A title: still in place.
    let retitled = patch(base(&story_a, &story("B baru", "2025-11-20", "")), &[b]).expect("patches");
    assert_eq!(title(&retitled, b), "B baru");

    // Anything that moves a story, or adds or removes one, resolves the site whole.
    let whole = [
        (base(&story_a, &story("B", "2025-11-18", "")), vec![b]),
        (base(&story_a, &story("B", "2025-11-20", "slug: b-lain\n")), vec![b]),
        (base(&story_a, &story("B", "2025-11-20", "programs: [ac-3]\n")), vec![b]),
        // A problem: the site resolved whole reports every problem it has.
        (base(&story("\"  \"", "2025-11-19", ""), &story_b), vec![a_id]),
        // A unit that does not exist: the story is in no unit's list.
        (
            base(&story_a, &story_b.replace("unit: lapas-lahat", "unit: rutan-entah")),
            vec![b],
        ),
        (base(&story_a, &story("B", "2025-11-20", "draft: true\n")), vec![b]),
        (base(&story_a, &story_b)[..4].to_vec(), vec![b]),
        (
            [
                base(&story_a, &story_b),
                vec![("content/news/2025-11-21-c.id.md", story("C", "2025-11-21", ""))],
            ]
            .concat(),
            vec!["content/news/2025-11-21-c.id.md"],
        ),
        // A product's name: it orders the catalogue.
        (with(GULA.0, &GULA.1.replace("Gula Semut", "Gula Aren")), vec![GULA.0]),
        // A kind that does not patch.
        (
            with(LAHAT.0, &LAHAT.1.replace("Lahat\n", "Lahat Baru\n")),
            vec![LAHAT.0],
        ),
    ];
    for (step, (files, changed)) in whole.into_iter().enumerate() {
        assert!(patch(files, &changed).is_none(), "step {step} resolves the site whole");
    }
}
