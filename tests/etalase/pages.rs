//! The pages `etalase build` writes for small fixture sites: both languages linked, lists with
//! the right items, dates per language, pagination, vocabularies, feeds and sitemap, structured
//! data, and the share button of a product page in a real browser.

use crate::support::browser::Browser;
use crate::support::html::{elements, feed_titles, find, ld_types, text};
use crate::support::servers::Server;
use crate::support::site::{Site, story};
use crate::support::tools::{Tool, missing};

fn award_story() -> String {
    story(
        "Lapas Lahat Raih Penghargaan",
        "2025-11-19",
        "programs: [ac-3]\nproducts: [gula-semut]\nimage: { src: rapat.svg, alt: Ilustrasi rapat }\naward: { name: UMKM Terbaik, giver: Kanwil, event: Hari Bakti }\n",
        "LAHAT — Isi berita.",
    )
}

#[test]
fn both_languages_are_linked_by_hreflang_both_ways() {
    let site = Site::new();
    site.file("content/news/2025-11-19-penghargaan.id.md", &award_story())
        .file(
            "content/news/2025-11-19-penghargaan.en.md",
            &story(
                "Lahat Wins an Award",
                "2025-11-19",
                "programs: [ac-3]\n",
                "LAHAT — Body.",
            ),
        )
        .build();
    let id = site.read("berita/penghargaan/index.html");
    let en = site.read("en/news/penghargaan/index.html");
    for html in [&id, &en] {
        let els = elements(html);
        assert_eq!(
            find(&els, "link", "hreflang", "id")[0].attr("href"),
            Some("https://example.test/berita/penghargaan/")
        );
        assert_eq!(
            find(&els, "link", "hreflang", "en")[0].attr("href"),
            Some("https://example.test/en/news/penghargaan/")
        );
    }
    assert_eq!(find(&elements(&id), "html", "lang", "id").len(), 1);
    assert_eq!(find(&elements(&en), "html", "lang", "en").len(), 1);
    // The switcher of each goes to the other.
    assert_eq!(
        find(&elements(&id), "a", "hreflang", "en")[0].attr("href"),
        Some("/en/news/penghargaan/")
    );
    assert_eq!(
        find(&elements(&en), "a", "hreflang", "id")[0].attr("href"),
        Some("/berita/penghargaan/")
    );
    // Sections that exist in both languages are linked too.
    let products = site.read("produk/index.html");
    assert_eq!(
        find(&elements(&products), "link", "hreflang", "en")[0].attr("href"),
        Some("https://example.test/en/products/")
    );
}

#[test]
fn a_story_without_translation_is_published_in_its_language_only() {
    let site = Site::new();
    site.file("content/news/2025-11-19-penghargaan.id.md", &award_story())
        .build();
    assert!(site.exists("berita/penghargaan/index.html"));
    assert!(!site.exists("en/news/penghargaan/index.html"));
    let html = site.read("berita/penghargaan/index.html");
    let els = elements(&html);
    assert!(find(&els, "link", "hreflang", "en").is_empty(), "no English alternate");
    let switch = find(&els, "a", "hreflang", "en");
    assert_eq!(
        switch[0].attr("href"),
        Some("/en/"),
        "the switcher goes to the English home"
    );
    assert_eq!(switch[0].attr("class"), Some("lang-missing"));
    assert!(
        text(&html).contains("belum tersedia"),
        "the switcher says the translation is missing"
    );
    // The English lists do not show it.
    assert!(!site.read("en/news/index.html").contains("penghargaan/"));
}

#[test]
fn product_unit_award_and_programme_pages_list_the_right_items() {
    let site = Site::new();
    site.file("content/news/2025-11-19-penghargaan.id.md", &award_story())
        .file(
            "content/news/2025-11-20-rapat.id.md",
            &story("Rapat Produk Unggulan", "2025-11-20", "programs: [ac-5]\n", "Isi."),
        )
        .build();
    let product = site.read("produk/gula-semut/index.html");
    assert!(
        product.contains("/berita/penghargaan/"),
        "product page lists the story that names it"
    );
    assert!(!product.contains("/berita/rapat/"));
    assert!(text(&product).contains("Rp25.000"));
    assert!(text(&site.read("en/products/gula-semut/index.html")).contains("IDR 25,000"));
    assert!(product.contains("https://wa.me/6281200000000?text="));

    let unit = site.read("upt/lapas-lahat/index.html");
    assert!(unit.contains("/berita/penghargaan/") && unit.contains("/berita/rapat/"));
    assert!(unit.contains("/produk/gula-semut/"));
    assert!(
        unit.contains("/upt/kanwil-sumsel/"),
        "unit page links its parent office"
    );
    let kanwil = site.read("upt/kanwil-sumsel/index.html");
    assert!(!kanwil.contains("/berita/rapat/"));
    assert!(kanwil.contains("/upt/lapas-lahat/"), "office page lists its units");

    let awards = site.read("penghargaan/index.html");
    assert!(awards.contains("/berita/penghargaan/") && !awards.contains("/berita/rapat/"));

    let ac3 = site.read("asta-cita/ac-3/index.html");
    assert!(ac3.contains("/berita/penghargaan/") && ac3.contains("/produk/gula-semut/"));
    assert!(!ac3.contains("/berita/rapat/"));
    let ac5 = site.read("asta-cita/ac-5/index.html");
    assert!(ac5.contains("/berita/rapat/") && !ac5.contains("/produk/gula-semut/"));
    assert!(site.read("asta-cita/index.html").contains("/asta-cita/ac-8/"));

    let home = site.read("index.html");
    assert!(
        home.contains("/produk/gula-semut/"),
        "featured product on the home page"
    );
    let rapat = home.find("/berita/rapat/").expect("latest news");
    assert!(
        rapat < home.find("/berita/penghargaan/").expect("older news"),
        "newest first"
    );
}

#[test]
fn dates_are_written_per_language() {
    let site = Site::new();
    site.file(
        "content/news/2025-11-19-a.id.md",
        &story("A", "2025-11-19", "time: \"09:30\"\n", "x"),
    )
    .file("content/news/2025-11-19-a.en.md", &story("A", "2025-11-19", "", "x"))
    .build();
    let id = text(&site.read("berita/a/index.html"));
    assert!(id.contains("Rabu, 19 November 2025, 09:30 WIB"), "{id}");
    assert!(text(&site.read("en/news/a/index.html")).contains("Wednesday, 19 November 2025"));
}

#[test]
fn news_lists_are_paginated() {
    let site = Site::new();
    for day in 1..=7 {
        site.file(
            &format!("content/news/2025-11-0{day}-s{day}.id.md"),
            &story(&format!("Cerita {day}"), &format!("2025-11-0{day}"), "", "x"),
        );
    }
    site.build();
    assert!(
        site.exists("berita/index.html") && site.exists("berita/2/index.html") && site.exists("berita/3/index.html")
    );
    assert!(!site.exists("berita/4/index.html"));
    let first = site.read("berita/index.html");
    assert!(first.contains("/berita/s7/") && !first.contains("/berita/s4/"));
    assert!(first.contains("/berita/2/"), "links the next page");
    assert!(site.read("berita/3/index.html").contains("/berita/s1/"));
    assert!(
        site.exists("upt/lapas-lahat/3/index.html"),
        "unit news are paginated too"
    );
}

#[test]
fn a_site_can_declare_its_own_vocabulary() {
    let site = Site::new();
    site.file(
        "content/vocabularies/program-akselerasi.yaml",
        "name: { id: Program Akselerasi, en: Acceleration Programmes }\nterms:\n  - { id: pa-3, number: 3, label: { id: UMKM warga binaan, en: Inmate-made MSME products } }\n",
    )
    .file("content/news/2025-11-19-a.id.md", &story("A", "2025-11-19", "programs: [pa-3, ac-1]\n", "x"))
    .build();
    assert!(site.read("program-akselerasi/pa-3/index.html").contains("/berita/a/"));
    assert!(
        site.read("asta-cita/ac-1/index.html").contains("/berita/a/"),
        "the built-in Asta Cita stays"
    );
    assert!(site.exists("en/program-akselerasi/index.html"));
}

#[test]
fn feeds_and_sitemap_parse_as_xml() {
    let site = Site::new();
    site.file("content/news/2025-11-19-penghargaan.id.md", &award_story())
        .file(
            "content/news/2025-11-19-penghargaan.en.md",
            &story("Award & <More>", "2025-11-19", "", "Body & more"),
        )
        .build();
    for feed in ["atom.xml", "en/atom.xml"] {
        assert_eq!(feed_titles(&site.read(feed)).len(), 1, "{feed}");
    }
    assert_eq!(feed_titles(&site.read("en/atom.xml")), ["Award & <More>"]);

    let sitemap = site.read("sitemap.xml");
    let doc = roxmltree::Document::parse(&sitemap).expect("sitemap parses");
    let locs: Vec<&str> = doc
        .descendants()
        .filter(|n| n.has_tag_name("loc"))
        .filter_map(|n| n.text())
        .collect();
    assert!(locs.contains(&"https://example.test/berita/penghargaan/"));
    assert!(locs.contains(&"https://example.test/en/news/penghargaan/"));
    let alternates = doc
        .descendants()
        .filter(|n| n.has_tag_name(("http://www.w3.org/1999/xhtml", "link")))
        .filter(|n| n.attribute("href") == Some("https://example.test/en/news/penghargaan/"))
        .count();
    assert_eq!(alternates, 2, "both language entries name the English alternate");
    assert!(
        site.read("robots.txt")
            .contains("Sitemap: https://example.test/sitemap.xml")
    );
}

#[test]
fn structured_data_describes_news_products_and_units() {
    let site = Site::new();
    site.file("content/news/2025-11-19-penghargaan.id.md", &award_story())
        .build();
    let types = |path: &str| ld_types(&site.read(path));
    let story = types("berita/penghargaan/index.html");
    assert!(
        story.contains(&"NewsArticle".into()) && story.contains(&"BreadcrumbList".into()),
        "{story:?}"
    );
    let product = types("produk/gula-semut/index.html");
    assert!(
        product.contains(&"Product".into()) && product.contains(&"Offer".into()),
        "{product:?}"
    );
    let unit = types("upt/lapas-lahat/index.html");
    assert!(unit.contains(&"GovernmentOrganization".into()), "{unit:?}");
}

#[test]
fn drafts_are_left_out_unless_asked_for() {
    let site = Site::new();
    site.file(
        "content/news/2025-11-19-a.id.md",
        &story("A", "2025-11-19", "draft: true\n", "x"),
    )
    .build();
    assert!(!site.exists("berita/a/index.html"));
    let out = site.run(&["build", "--drafts"]);
    assert!(out.status.success());
    assert!(site.exists("berita/a/index.html"));
}

#[test]
fn links_to_content_files_become_page_links() {
    let site = Site::new();
    site.file(
        "content/news/2025-11-18-rapat.id.md",
        &story("Rapat", "2025-11-18", "", "## Foto kegiatan\n\nIsi."),
    )
    .file(
        "content/news/2025-11-18-rapat.en.md",
        &story("Meeting", "2025-11-18", "", "Body."),
    )
    .file(
        "content/news/2025-11-19-a.id.md",
        &story(
            "A",
            "2025-11-19",
            "",
            "Baca juga [rapat](2025-11-18-rapat.id.md#foto-kegiatan) dan [tentang](../pages/tentang.id.md).",
        ),
    )
    .file(
        "content/news/2025-11-19-a.en.md",
        &story("A", "2025-11-19", "", "See [the meeting](2025-11-18-rapat.en.md)."),
    )
    .file(
        "content/pages/tentang.id.md",
        "---\ntitle: Tentang\nslug: tentang-kami\n---\nIsi.\n",
    )
    .build();
    let id = site.read("berita/a/index.html");
    assert!(id.contains("/berita/rapat/#foto-kegiatan"), "{id}");
    assert!(id.contains("/tentang-kami/"), "{id}");
    assert!(site.read("en/news/a/index.html").contains("/en/news/rapat/"));
}

#[test]
fn the_share_button_shares_or_copies_the_page_address() {
    if missing(&[Tool::Chromium]) {
        return;
    }
    let site = Site::new();
    let server = Server::start(site.root(), &[]);
    let browser = Browser::start();
    let page = format!("{}/produk/gula-semut/", server.url);
    browser.open(&page);
    browser.wait_until(
        "const b = document.querySelector('button[data-share]'); return !!b && !b.hidden && b.offsetWidth > 0",
        "the share button, shown by its script",
    );
    let whatsapp = browser.eval("return document.querySelector('.share a').href");
    let whatsapp = whatsapp.as_str().expect("share link");
    assert!(
        whatsapp.starts_with("https://wa.me/?text=Gula%20Semut") && whatsapp.contains("%2Fproduk%2Fgula-semut%2F"),
        "{whatsapp}"
    );
    // Headless Chromium on Linux has no share sheet, so the button copies the address.
    assert_eq!(
        browser.eval("return typeof navigator.share"),
        serde_json::Value::from("undefined")
    );
    browser.click("button[data-share]");
    browser.wait_until(
        "return document.querySelector('button[data-share]').textContent === 'Tautan disalin'",
        "the copied notice",
    );
    browser.grant("clipboard-read");
    let copied = browser.eval("return navigator.clipboard.readText().then(t => t, e => 'refused: ' + e)");
    assert!(
        copied.as_str().is_some_and(|t| t.ends_with("/produk/gula-semut/")),
        "{copied}"
    );
}
