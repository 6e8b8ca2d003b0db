//! A story's facts belong to the story: a translation carries the translated text (title,
//! summary, body, alt text, award name) and takes the date, unit, tags, products, image file
//! and award from its source; a translation that contradicts its source is an error naming
//! both files and lines.

use crate::support::site::{Site, story};

/// An Indonesian story with every block a translation inherits.
const SOURCE: &str = "\
---
title: Lapas Lahat Raih Penghargaan
date: 2025-11-19
time: \"09:30\"
unit: lapas-lahat
summary: Ringkasan.
programs: [ac-3, ac-6]
products: [gula-semut]
image: { src: rapat.svg, alt: Kalapas menerima piagam }
award: { name: Penghargaan UMKM Terbaik, giver: Kanwil Ditjenpas Sumatera Selatan }
---
Isi berita.
";

/// Its English version in the short form: only what is translated.
const SHORT: &str = "\
---
title: Lahat Prison Wins an Award
summary: Summary.
image: { alt: The head of the prison receives the certificate }
award: { name: Best MSME Award }
---
The story.
";

#[test]
fn a_short_translation_inherits_the_facts_of_its_source() {
    let site = Site::new();
    site.file("content/news/2025-11-19-penghargaan.id.md", SOURCE)
        .file("content/news/2025-11-19-penghargaan.en.md", SHORT)
        .build();
    let page = site.read("en/news/penghargaan/index.html");
    assert!(
        page.contains("The head of the prison receives the certificate"),
        "its own alt text"
    );
    assert!(page.contains("/media/rapat.svg"), "the source's picture");
    assert!(page.contains("Best MSME Award"), "its own award name");
    assert!(page.contains("Kanwil Ditjenpas Sumatera Selatan"), "the source's giver");
    assert!(page.contains("/en/products/gula-semut/"), "the source's products");
    assert!(page.contains("/en/asta-cita/ac-6/"), "the source's tags");
    assert!(page.contains("2025-11-19"), "the source's date");
    let awards = site.read("en/awards/index.html");
    assert!(
        awards.contains("Lahat Prison Wins an Award"),
        "award news in English too"
    );
    let unit = site.read("en/units/lapas-lahat/index.html");
    assert!(unit.contains("Lahat Prison Wins an Award"), "news of the source's unit");
}

#[test]
fn a_translation_with_full_front_matter_that_agrees_keeps_building() {
    let site = Site::new();
    let full = SOURCE
        .replace(
            "title: Lapas Lahat Raih Penghargaan",
            "title: Lahat Prison Wins an Award",
        )
        // The same facts, written differently: tags in another order, the date with spaces.
        .replace("programs: [ac-3, ac-6]", "programs: [ac-6, ac-3]")
        .replace("date: 2025-11-19", "date:  2025-11-19 ");
    site.file("content/news/2025-11-19-penghargaan.id.md", SOURCE)
        .file("content/news/2025-11-19-penghargaan.en.md", &full)
        .build();
    assert!(site.read("en/awards/index.html").contains("Lahat Prison Wins an Award"));
}

#[test]
fn a_translation_that_contradicts_its_source_names_both_files_and_lines() {
    let site = Site::new();
    let contradicting = "\
---
title: Lahat Prison Wins an Award
date: 2025-11-18
unit: kanwil-sumsel
summary: Summary.
programs: [ac-3]
image: { src: gula.svg, alt: A pack }
award: { name: Best MSME Award, giver: Somebody Else }
---
The story.
";
    site.file("content/news/2025-11-19-penghargaan.id.md", SOURCE)
        .file("content/news/2025-11-19-penghargaan.en.md", contradicting);
    let err = site.build_error();
    let en = "content/news/2025-11-19-penghargaan.en.md";
    let id = "content/news/2025-11-19-penghargaan.id.md";
    for expected in [
        format!("{en}:3:7: error: `date` is `2025-11-18` here but `2025-11-19` in {id}:3"),
        format!("{en}:4:7: error: `unit` is `kanwil-sumsel` here but `lapas-lahat` in {id}:5"),
        format!("{en}:6:1: error: `programs` is `[ac-3]` here but `[ac-3, ac-6]` in {id}:7"),
        format!("{en}:7:15: error: `image.src` is `gula.svg` here but `rapat.svg` in {id}:9"),
        format!("error: `award.giver` is `Somebody Else` here but `Kanwil Ditjenpas Sumatera Selatan` in {id}:10"),
        "delete the line here to inherit it".to_string(),
        "5 errors".to_string(),
    ] {
        assert!(err.contains(&expected), "missing {expected:?} in:\n{err}");
    }

    // A block the source does not have cannot come from the translation.
    site.file(
        "content/news/2025-11-19-penghargaan.id.md",
        &story("A", "2025-11-19", "", "x"),
    )
    .file("content/news/2025-11-19-penghargaan.en.md", SHORT);
    let err = site.build_error();
    assert!(
        err.contains(&format!("{en}:4:1: error: `image` is given here but not in {id}")),
        "{err}"
    );
    assert!(err.contains("error: `award` is given here but not in"), "{err}");
    assert!(err.contains(&format!("add `award` to {id}")), "{err}");

    // In Indonesian too.
    let out = site.run(&["build", "--lang", "id"]);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("`award` ditulis di sini, tetapi tidak ada di"), "{err}");
}

#[test]
fn a_translation_without_its_source_must_give_the_facts() {
    let site = Site::new();
    site.file("content/news/2025-11-19-a.en.md", "---\ntitle: A\nsummary: S\n---\nx\n");
    let err = site.build_error();
    assert!(
        err.contains("content/news/2025-11-19-a.en.md:1:1: error: the key `date` is missing"),
        "{err}"
    );
    assert!(
        err.contains("from content/news/2025-11-19-a.id.md, which does not exist"),
        "{err}"
    );
}

#[test]
fn new_en_writes_the_short_form_which_builds_once_the_source_has_the_facts() {
    let site = Site::new();
    let out = site.run(&[
        "new",
        "news",
        "Panen Raya",
        "--unit",
        "lapas-lahat",
        "--en",
        "--date",
        "2025-12-02",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let en_file = "content/news/2025-12-02-panen-raya.en.md";
    let en = std::fs::read_to_string(site.root().join(en_file)).expect("en");
    for fact in ["\ndate:", "\nunit:", "\nprograms:", "\nproducts:"] {
        assert!(!en.contains(fact), "the short form has no {fact:?}:\n{en}");
    }
    assert!(en.contains("\ntitle:") && en.contains("\nsummary:"), "{en}");
    for file in ["content/news/2025-12-02-panen-raya.id.md", en_file] {
        let text = std::fs::read_to_string(site.root().join(file)).expect("read");
        site.file(file, &text.replace("draft: true", "draft: false"));
    }
    site.build();
    assert!(site.exists("en/news/panen-raya/index.html"));
}

#[test]
fn an_event_translation_inherits_dates_place_and_names_and_may_not_contradict_them() {
    let site = Site::new();
    let source = "---\ntitle: Bazar\nstart: 2025-12-24\ntime: \"09:00\"\nplace: { name: Aula Lapas, city: Lahat }\n\
                  organizer: lapas-lahat\nproducts: [gula-semut]\nsummary: Bazar produk.\n---\nIsi.\n";
    site.file("content/agenda/2025-12-24-bazar.id.md", source)
        .file(
            "content/agenda/2025-12-24-bazar.en.md",
            "---\ntitle: Bazaar\nplace: { name: The prison hall }\nsummary: A bazaar.\n---\nText.\n",
        )
        .build();
    let page = site.read("en/agenda/bazar/index.html");
    assert!(page.contains("The prison hall") && page.contains("Lahat"), "{page}");
    assert!(page.contains("/en/products/gula-semut/"), "the source's products");

    site.file(
        "content/agenda/2025-12-24-bazar.en.md",
        "---\ntitle: Bazaar\nstart: 2025-12-25\nsummary: A bazaar.\n---\nText.\n",
    );
    let err = site.build_error();
    assert!(
        err.contains(
            "content/agenda/2025-12-24-bazar.en.md:3:8: error: `start` is `2025-12-25` here but `2025-12-24` in content/agenda/2025-12-24-bazar.id.md:3"
        ),
        "{err}"
    );
}

#[test]
fn new_event_en_writes_the_short_form_and_the_units_city() {
    let site = Site::new();
    let out = site.run(&[
        "new",
        "event",
        "Bazar Produk",
        "--unit",
        "lapas-lahat",
        "--en",
        "--date",
        "2025-12-24",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let read = |file: &str| std::fs::read_to_string(site.root().join(file)).expect("read");
    let id = read("content/agenda/2025-12-24-bazar-produk.id.md");
    assert!(id.contains("city: \"Lahat\""), "the unit's city:\n{id}");
    let en = read("content/agenda/2025-12-24-bazar-produk.en.md");
    for fact in ["\nstart:", "\norganizer:", "\nunits:", "\ncity:"] {
        assert!(!en.contains(fact), "the short form has no {fact:?}:\n{en}");
    }
    for file in [
        "content/agenda/2025-12-24-bazar-produk.id.md",
        "content/agenda/2025-12-24-bazar-produk.en.md",
    ] {
        site.file(file, &read(file).replace("draft: true", "draft: false"));
    }
    let out = site.run(&["check"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains("content/agenda/2025-12-24-bazar-produk.id.md:8:10: warning: this is still the example text"),
        "the place's example name:\n{stdout}"
    );
    assert!(
        stdout.contains("content/agenda/2025-12-24-bazar-produk.en.md:6:11: warning: this is still the example text"),
        "{stdout}"
    );
}
