//! End-to-end tests of `etalase build` on small fixture sites.

use crate::support::folders::{files, snapshot};
use crate::support::html::{Element, dom, elements, find, json_ld, ld_types, stylesheet, text};
use crate::support::site::{PRODUCT_GULA, Site, repo, story};

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
fn a_tag_outside_the_vocabulary_fails_the_build() {
    let site = Site::new();
    site.file(
        "content/news/2025-11-19-a.id.md",
        &story("A", "2025-11-19", "programs: [ac-3, ac-33]\n", "x"),
    );
    let err = site.build_error();
    assert!(err.contains("content/news/2025-11-19-a.id.md:6:18"), "{err}");
    assert!(err.contains("unknown programme tag `ac-33`"), "{err}");
    assert!(err.contains("did you mean `ac-3`?"), "{err}");
    assert!(!site.public().exists());
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
fn dangling_references_are_reported_with_file_line_and_suggestion() {
    let site = Site::new();
    site.file(
        "content/news/2025-11-19-a.id.md",
        "---\ntitle: A\ndate: 19/11/2025\nunit: lapas-lahatt\nsummary: S\nproducts: [gula-semutt]\nimage: { src: foto.jpg, alt: Foto }\n---\nx\n",
    );
    let err = site.build_error();
    for expected in [
        "content/news/2025-11-19-a.id.md:3:7: error: `19/11/2025` is not a date",
        "content/news/2025-11-19-a.id.md:4:7: error: unknown unit `lapas-lahatt`",
        "did you mean `lapas-lahat`?",
        "unknown product `gula-semutt`",
        "the image `foto.jpg` is not in content/media/",
        "4 errors",
    ] {
        assert!(err.contains(expected), "missing {expected:?} in:\n{err}");
    }
}

#[test]
fn a_failed_build_leaves_the_earlier_output_untouched() {
    let site = Site::new();
    site.file(
        "content/news/2025-11-19-a.id.md",
        &story("Versi Pertama", "2025-11-19", "", "x"),
    )
    .build();
    let before = snapshot(&site.public());
    site.file(
        "content/news/2025-11-19-a.id.md",
        &story("Versi Kedua", "2025-11-19", "unit: nowhere\n", "x"),
    );
    site.build_error();
    let after = snapshot(&site.public());
    assert_eq!(before, after);
    let leftovers: Vec<_> = std::fs::read_dir(site.root())
        .expect("read root")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("etalase-staging"))
        .collect();
    assert!(leftovers.is_empty(), "no staging folder is left behind");
}

#[test]
fn rebuilds_reuse_the_previous_folder_and_drop_stale_files() {
    let site = Site::new();
    site.file("content/news/2025-11-19-a.id.md", &story("A", "2025-11-19", "", "x"))
        .file("content/news/2025-11-20-b.id.md", &story("B", "2025-11-20", "", "x"))
        .build();
    site.remove("content/news/2025-11-20-b.id.md").build();
    assert!(!site.exists("berita/b/index.html"), "a deleted story's page is gone");
    assert!(site.exists("berita/a/index.html"));
    site.build();
    assert!(!site.exists("berita/b"), "its emptied folder too");
    assert!(
        site.root().join(".public.etalase-spare/.etalase-output").exists(),
        "the previous build is the spare"
    );
    let fresh = tempfile::tempdir().expect("temp");
    let out = site.run(&[
        "build",
        "--output",
        fresh.path().join("public").to_str().expect("utf-8"),
    ]);
    assert!(out.status.success());
    let mut built = files(&site.public());
    let mut expected = files(&fresh.path().join("public"));
    built.sort();
    expected.sort();
    assert_eq!(
        built, expected,
        "a reused folder holds exactly what a fresh build writes"
    );
}

#[test]
fn a_folder_etalase_did_not_write_is_never_replaced() {
    let site = Site::new();
    site.file("public/notes.txt", "precious");
    let out = site.run(&["build"]);
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("did not write"));
    assert_eq!(
        std::fs::read_to_string(site.public().join("notes.txt")).expect("kept"),
        "precious"
    );

    for bad in [".", "..", "content", "content/news"] {
        let out = site.run(&["build", "--output", bad]);
        assert!(!out.status.success(), "--output {bad} must be refused");
    }
    // An output folder that holds the home folder is refused, even an empty one.
    let elsewhere = tempfile::tempdir().expect("temp");
    std::fs::create_dir_all(elsewhere.path().join("home/humas")).expect("mkdir");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_etalase"))
        .args(["build", "--output"])
        .arg(elsewhere.path())
        .current_dir(site.root())
        .env("HOME", elsewhere.path().join("home/humas"))
        .output()
        .expect("run");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("home folder"));
    assert!(elsewhere.path().join("home/humas").exists());
    assert!(site.root().join("content/units/lapas-lahat.yaml").exists());
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
        let xml = site.read(feed);
        let doc = roxmltree::Document::parse(&xml).expect("feed parses");
        let entries: Vec<_> = doc.descendants().filter(|n| n.has_tag_name("entry")).collect();
        assert_eq!(entries.len(), 1, "{feed}");
    }
    let en = site.read("en/atom.xml");
    let doc = roxmltree::Document::parse(&en).expect("feed parses");
    let title = doc
        .descendants()
        .find(|n| n.has_tag_name("entry"))
        .and_then(|e| e.children().find(|c| c.has_tag_name("title")))
        .and_then(|t| t.text());
    assert_eq!(title, Some("Award & <More>"));

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
fn html_special_characters_are_escaped_everywhere() {
    let site = Site::new();
    let evil = "Tempe & <Roti> \"Enak\" </script><script>alert(1)</script>";
    site.file(
        "content/news/2025-11-19-a.id.md",
        &format!("---\ntitle: '{evil}'\ndate: 2025-11-19\nunit: lapas-lahat\nsummary: '{evil}'\nproducts: [gula-semut]\n---\nIsi <b>tebal</b> & [x](javascript:alert(1))\n"),
    )
    .file(
        "content/products/gula-semut.yaml",
        &PRODUCT_GULA.replace("Gula Semut Jahe Merah", &format!("Gula {}", evil.replace('"', "'"))),
    )
    .build();
    let html = site.read("berita/a/index.html");
    let els = elements(&html);
    assert!(
        !els.iter().any(|e| e.name == "roti" || e.name == "b"),
        "no element from content"
    );
    assert!(!html.contains("<b>tebal"), "raw HTML in Markdown is shown as text");
    assert!(!html.contains("javascript:"), "script links are dropped");
    assert!(text(&html).contains(evil), "the title reads as written");
    let description = find(&els, "meta", "name", "description")[0].attr("content");
    assert_eq!(description, Some(evil), "attribute round-trips");
    let scripts = |els: &[Element]| -> Vec<String> {
        els.iter()
            .filter(|e| e.name == "script")
            .map(|e| e.attr("src").or(e.attr("type")).unwrap_or_default().to_string())
            .collect()
    };
    let only_ours = |found: Vec<String>| {
        assert_eq!(found.len(), 2, "{found:?}");
        assert_eq!(found[0], "application/ld+json", "{found:?}");
        assert!(
            found[1].starts_with("/assets/share.") && found[1].ends_with(".js"),
            "{found:?}"
        );
    };
    only_ours(scripts(&els));
    let ld = json_ld(&html);
    assert_eq!(ld[0]["@graph"][0]["headline"], evil);

    let product = site.read("produk/gula-semut/index.html");
    only_ours(scripts(&elements(&product)));
    let ld = json_ld(&product);
    assert!(ld[0]["@graph"][0]["name"].as_str().expect("name").contains("</script>"));

    let feed = site.read("atom.xml");
    let doc = roxmltree::Document::parse(&feed).expect("feed parses");
    let title = doc
        .descendants()
        .find(|n| n.has_tag_name("entry"))
        .and_then(|e| e.children().find(|c| c.has_tag_name("title")))
        .and_then(|t| t.text());
    assert_eq!(title, Some(evil));
}

#[test]
fn structured_data_describes_news_products_and_units() {
    let site = Site::new();
    site.file("content/news/2025-11-19-penghargaan.id.md", &award_story())
        .build();
    let types = |path: &str| {
        let mut out = Vec::new();
        json_ld(&site.read(path)).iter().for_each(|v| ld_types(v, &mut out));
        out
    };
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
fn site_templates_override_the_theme() {
    let site = Site::new();
    site.file(
        "templates/404.html",
        "{% extends \"base.html\" %}{% block content %}<p>Custom 404 of the site</p>{% endblock content %}",
    )
    .file("static/robots-note.txt", "hello")
    .build();
    assert!(site.read("404.html").contains("Custom 404 of the site"));
    assert!(site.read("en/404.html").contains("Custom 404 of the site"));
    assert_eq!(site.read("robots-note.txt"), "hello");
    let home = site.read("index.html");
    let css = stylesheet(&home);
    assert!(
        css.starts_with("/assets/style.") && css.ends_with(".css") && css.len() == "/assets/style.12345678.css".len(),
        "{css}"
    );
    assert!(
        site.exists(css.trim_start_matches('/')),
        "theme static files are still copied, under their hashed name"
    );
    assert!(!site.exists("style.css"));
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
fn a_relative_output_folder_is_relative_to_the_working_directory() {
    let site = Site::new();
    let parent = site.root().parent().expect("parent").to_path_buf();
    let name = site.root().file_name().expect("name").to_string_lossy().into_owned();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_etalase"))
        .args(["build", "--root", &name])
        .current_dir(&parent)
        .output()
        .expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        site.exists("index.html"),
        "the default output is public/ in the site folder"
    );
    assert!(!site.root().join(&name).exists(), "no nested copy of the path");
}

#[test]
fn a_build_killed_midway_leaves_the_earlier_output_intact() {
    let site = Site::new();
    site.file(
        "content/news/2025-11-19-a.id.md",
        &story("Pertama", "2025-11-19", "", "x"),
    )
    .build();
    let before = snapshot(&site.public());
    for n in 0..1500 {
        let date = format!("2024-{:02}-{:02}", 1 + n % 12, 1 + n % 28);
        site.file(
            &format!("content/news/{date}-s{n}.id.md"),
            &story(&format!("Cerita {n}"), &date, "", &"Isi. ".repeat(200)),
        );
    }
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_etalase"))
        .arg("build")
        .current_dir(site.root())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("build");
    // Kill it as soon as it has started writing.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let writing = || {
        std::fs::read_dir(site.root()).expect("root").flatten().any(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.contains("etalase-staging") && e.path().join("berita").exists()
        })
    };
    while !writing() && std::time::Instant::now() < deadline {
        if child.try_wait().expect("wait").is_some() {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    let _ = child.kill();
    let status = child.wait().expect("wait");
    assert!(!status.success(), "the build was killed before it finished");
    let after = snapshot(&site.public());
    assert_eq!(before, after, "the published site is exactly as before");
    site.build();
    assert!(site.exists("berita/s1499/index.html"), "the next build completes");
    let staging = std::fs::read_dir(site.root())
        .expect("root")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("etalase-staging"))
        .count();
    assert_eq!(staging, 0, "the interrupted staging folder is cleaned up");
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
fn interface_strings_missing_in_a_language_fall_back_to_indonesian() {
    let site = Site::new();
    let en = std::fs::read_to_string(site.root().join("themes/default/i18n/en.yaml")).expect("en");
    let without = en
        .lines()
        .filter(|l| !l.trim_start().starts_with("nav_awards:"))
        .collect::<Vec<_>>()
        .join("\n");
    site.file("themes/default/i18n/en.yaml", &without).build();
    let home = text(&site.read("en/index.html"));
    assert!(
        home.contains("Penghargaan"),
        "the Indonesian label stands in for the missing English one"
    );
    assert!(home.contains("Products"), "the other English strings stay");
}

/// Templates are minified once instead of every page; the pages must read the same.
#[test]
fn minified_templates_render_the_pages_per_page_minification_does() {
    use etalase::render::theme::Theme;
    use etalase::render::{Minify, RenderOptions, Renderer, Templates};
    use std::sync::Arc;

    let options = etalase::BuildOptions {
        root: repo(),
        ..Default::default()
    };
    let mut site = etalase::build::load_site(&options).expect("demo site loads");
    // The demo's raster placeholder, so that <picture> with srcset is compared too.
    let photos = etalase::media::Processor::new(&options.root);
    site.photos = photos.run(&site, etalase::media::Mode::Check).expect("photos").0;
    assert!(!site.photos.0.is_empty());
    let site = Arc::new(site);
    let theme = Theme::load(&options.root, &site.config).expect("theme loads");
    let renderer = |minify| {
        let templates = Templates::minifying(&theme, minify).expect("templates compile");
        Renderer::new(site.clone(), Arc::new(templates), RenderOptions::default())
    };
    let (by_template, by_page) = (renderer(Minify::Templates), renderer(Minify::Pages));
    assert_eq!(
        by_template.minify(),
        Minify::Templates,
        "the default theme minifies by template"
    );
    assert_eq!(by_page.minify(), Minify::Pages);

    let mut compared = 0;
    for job in by_template
        .jobs()
        .into_iter()
        .filter(|&job| by_template.url(job).is_some())
    {
        let fast = by_template.render(job).expect("renders").bytes;
        let slow = by_page.render(job).expect("renders").bytes;
        let (fast, slow) = (String::from_utf8(fast).unwrap(), String::from_utf8(slow).unwrap());
        // minify-html drops an attribute that holds its default value; in a template the value
        // comes from a Tera tag, so it stays.
        let fast_dom: Vec<String> = dom(&fast)
            .into_iter()
            .map(|t| t.replace(", \"loading\": \"eager\"", ""))
            .collect();
        let slow_dom = dom(&slow);
        if let Some(at) = (0..fast_dom.len().max(slow_dom.len())).find(|&i| fast_dom.get(i) != slow_dom.get(i)) {
            let window = |d: &[String]| d[at.saturating_sub(2)..(at + 3).min(d.len())].to_vec();
            panic!(
                "{job:?} differs at {at}:\n by template: {:?}\n by page:     {:?}",
                window(&fast_dom),
                window(&slow_dom)
            );
        }
        assert!(
            fast.len() <= slow.len() * 104 / 100,
            "{job:?}: {} bytes against {}",
            fast.len(),
            slow.len()
        );
        compared += 1;
    }
    assert!(compared > 30, "only {compared} pages compared");
}

#[test]
fn a_template_error_names_the_line_the_author_wrote() {
    let site = Site::new();
    site.file(
        "templates/404.html",
        "{% extends \"base.html\" %}\n{% block content %}\n<p>\n  {{ no_such_thing.field }}\n</p>\n{% endblock content %}",
    );
    let error = site.build_error();
    assert!(error.contains("404.html"), "{error}");
    assert!(error.contains(":4:") || error.contains("line 4"), "{error}");
}

#[test]
fn a_template_with_a_tag_between_attributes_is_still_minified_page_by_page() {
    let site = Site::new();
    site.file(
        "templates/404.html",
        "{% extends \"base.html\" %}{% block content %}\n  <p id=\"lost\"{% if true %} class=\"note\"{% endif %}>\n    Not   here\n  </p>\n{% endblock content %}",
    )
    .build();
    let page = site.read("404.html");
    assert!(page.contains("<p class=note id=lost>Not here</p>"), "{page}");
}
