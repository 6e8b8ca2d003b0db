//! Nothing a writer types runs in a visitor's browser: special characters escaped everywhere,
//! payloads in every writer-controlled field, every URL field under one rule, SVGs without scripts, and the regressions found by
//! an attack on the build.

use std::path::Path;

use crate::support::folders::files;
use crate::support::html::{Element, elements, feed_titles, find, json_ld, text};
use crate::support::site::{CONFIG, PRODUCT_GULA, SVG, Site, UNIT_KANWIL, UNIT_LAHAT, story};

/// Markup, a script, an event handler, a script URL and a heading attribute block at once.
const PAYLOAD: &str = "\"'><img src=x onerror=alert(1)><script>alert(1)</script><a href=javascript:alert(2)>x</a> {onfocus=alert(3) autofocus}";

/// The payload as a YAML double-quoted value.
fn quoted() -> String {
    serde_json::to_string(PAYLOAD).expect("json")
}

/// Markdown that tries heading attributes, raw HTML and script links.
fn markdown() -> String {
    format!(
        "## Judul {{tabindex=0 autofocus onfocus=alert(1) #x}}\n\n### Dua {{onclick=alert(1) formaction=javascript:alert(1) style=color:red}}\n\n{PAYLOAD}\n\n[klik](javascript:alert(1)) ![g](javascript:alert(1)) [d](data:text/html,x)\n"
    )
}

/// A site with the payload in every field a writer fills in.
fn payload_site() -> Site {
    let site = Site::new();
    let q = quoted();
    let body = markdown();
    let indented = body.replace('\n', "\n    ");
    site.file(
        "etalase.yaml",
        &format!(
            "base_url: https://example.test\ntitle: {{ id: {q}, en: {q} }}\ndescription: {{ id: {q}, en: {q} }}\n\
             timezone: {{ offset: \"+07:00\", label: {q} }}\nlanguages:\n  - {{ code: id, name: {q}, locale: {q}, sections: {{ news: berita, products: produk, units: upt, awards: penghargaan, search: cari }} }}\n  - {{ code: en, name: {q}, locale: {q} }}\n\
             categories:\n  pangan: {{ id: {q}, en: {q} }}\n"
        ),
    )
    .file(
        "content/units/lapas-lahat.yaml",
        &format!(
            "name: {q}\ntype: lapas\nclass: {q}\ncity: {q}\nregion: {q}\naddress: {q}\n\
             description:\n  id: |\n    {indented}\n  en: {q}\n"
        ),
    )
    .file(
        "content/units/kanwil-sumsel.yaml",
        &format!("name: {q}\ntype: kanwil\ncity: {q}\nregion: {q}\n"),
    )
    .file(
        "content/products/gula-semut.yaml",
        &format!(
            "name: {{ id: {q}, en: {q} }}\nunit: lapas-lahat\ncategory: pangan\n\
             description:\n  id: |\n    {indented}\n  en: {q}\nprice: {{ amount: 25000, per: {{ id: {q}, en: {q} }} }}\n\
             images:\n  - {{ src: gula.svg, alt: {{ id: {q}, en: {q} }} }}\nprograms: [x-1]\n\
             order: {{ whatsapp: \"+62 812-0000-0000\", marketplace: [{{ name: {q}, url: \"https://example.test/toko\" }}] }}\n\
             certifications: [{q}]\n"
        ),
    )
    .file(
        "content/vocabularies/x.yaml",
        &format!(
            "name: {{ id: {q}, en: {q} }}\ndescription: {{ id: {q}, en: {q} }}\nterms:\n  - {{ id: x-1, number: 1, label: {{ id: {q}, en: {q} }}, description: {{ id: {q}, en: {q} }} }}\n"
        ),
    );
    for lang in ["id", "en"] {
        site.file(
            &format!("content/news/2025-11-19-a.{lang}.md"),
            &format!(
                "---\ntitle: {q}\ndate: 2025-11-19\ntime: \"09:30\"\nunit: lapas-lahat\nsummary: {q}\nprograms: [x-1]\nproducts: [gula-semut]\n\
                 image: {{ src: rapat.svg, alt: {q} }}\naward: {{ name: {q}, giver: {q}, event: {q} }}\nsource: {q}\n---\n{body}"
            ),
        )
        .file(
            &format!("content/pages/tentang.{lang}.md"),
            &format!("---\ntitle: {q}\nsummary: {q}\nmenu: 1\n---\n{body}"),
        );
    }
    site
}

/// Attributes that take a URL.
const URL_ATTRIBUTES: [&str; 8] = [
    "href",
    "src",
    "action",
    "formaction",
    "srcset",
    "poster",
    "data",
    "xlink:href",
];

/// What a page must never hold: an element or attribute that content put there.
fn markup_from_content(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    for element in elements(html) {
        for (key, value) in &element.attrs {
            if key.starts_with("on") || matches!(key.as_str(), "autofocus" | "tabindex" | "formaction" | "style") {
                found.push(format!("<{} {key}={value:?}>", element.name));
            }
            if URL_ATTRIBUTES.contains(&key.as_str()) && etalase::web_url::is_script_url(value) {
                found.push(format!("<{} {key}={value:?}>", element.name));
            }
        }
        let ours = match element.name.as_str() {
            "script" => {
                element.attr("type") == Some("application/ld+json")
                    || element.attr("src").is_some_and(|src| src.starts_with("/assets/"))
            }
            "iframe" | "object" | "embed" | "base" => false,
            "img" => element.attr("src") != Some("x"),
            _ => true,
        };
        if !ours {
            found.push(format!("<{} {:?}>", element.name, element.attrs));
        }
    }
    found
}

/// Every HTML page of the output and every HTML fragment of its feeds.
fn documents(public: &Path) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for file in files(public) {
        let text = std::fs::read_to_string(public.join(&file)).unwrap_or_default();
        if file.ends_with(".html") {
            out.push((file, text));
        } else if file.ends_with("atom.xml") {
            let doc = roxmltree::Document::parse(&text).expect("the feed is XML");
            for node in doc.descendants().filter(|n| n.has_tag_name("content")) {
                out.push((format!("{file} <content>"), node.text().unwrap_or_default().to_string()));
            }
            for node in doc.descendants().filter(|n| n.is_element()) {
                for attribute in node.attributes() {
                    assert!(
                        !etalase::web_url::is_script_url(attribute.value()),
                        "{file}: {attribute:?}"
                    );
                }
            }
        } else if file.ends_with("sitemap.xml") {
            let doc = roxmltree::Document::parse(&text).expect("the sitemap is XML");
            for loc in doc.descendants().filter(|n| n.has_tag_name("loc")) {
                assert!(
                    loc.text().unwrap_or_default().starts_with("https://example.test/"),
                    "{file}: {loc:?}"
                );
            }
        }
    }
    out
}

#[test]
fn no_payload_in_any_writer_field_reaches_a_visitor_as_markup() {
    let site = payload_site();
    site.build();
    let documents = documents(&site.public());
    assert!(documents.len() > 20, "every kind of page was built");
    let mut found = Vec::new();
    for (file, html) in &documents {
        found.extend(markup_from_content(html).into_iter().map(|m| format!("{file}: {m}")));
        for block in json_ld(html) {
            assert!(block.is_object(), "{file}: the JSON-LD parses");
        }
    }
    assert!(found.is_empty(), "{found:#?}");
    // The payload reads as the text the writer typed, on the pages that show it.
    let story = site.read("berita/a/index.html");
    assert!(text(&story).contains("<script>alert(1)</script>"), "shown as text");
    for page in [
        "berita/a/index.html",
        "en/news/a/index.html",
        "produk/gula-semut/index.html",
        "upt/lapas-lahat/index.html",
        "tentang/index.html",
        "x/x-1/index.html",
        "cari/index.html",
    ] {
        assert!(site.exists(page), "{page}");
    }
}

#[test]
fn heading_attribute_blocks_cannot_add_event_handlers() {
    let site = Site::new();
    site.file(
        "content/news/2025-11-19-a.id.md",
        &story(
            "A",
            "2025-11-19",
            "",
            "Pembuka.\n\n## Judul {tabindex=0 autofocus onfocus=alert(1) #x}\n\nIsi.",
        ),
    )
    .build();
    let html = site.read("berita/a/index.html");
    let heading = elements(&html)
        .into_iter()
        .find(|e| e.name == "h2" && e.attr("id") == Some("x"));
    let heading = heading.expect("the heading keeps its anchor");
    assert_eq!(heading.attrs.keys().collect::<Vec<_>>(), ["id"], "{heading:?}");
    let feed = site.read("atom.xml");
    assert!(!feed.contains("onfocus"), "nor in the feed");
    let check = site.run(&["check"]);
    let out = String::from_utf8_lossy(&check.stdout);
    assert!(
        out.contains("content/news/2025-11-19-a.id.md:9:1: warning") && out.contains("onfocus=alert(1)"),
        "check says where: {out}"
    );
}

#[test]
fn every_url_field_refuses_script_urls() {
    let payloads = [
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "data:text/html,x",
        "vbscript:x",
        "//evil.test",
    ];
    for payload in payloads {
        let q = serde_json::to_string(payload).expect("json");
        // The unit's website.
        let site = Site::new();
        site.file(
            "content/units/lapas-lahat.yaml",
            &format!("{UNIT_LAHAT}contact:\n  website: {q}\n"),
        );
        let error = site.build_error();
        assert!(
            error.contains("content/units/lapas-lahat.yaml:8:12: error"),
            "{payload}: {error}"
        );
        // A marketplace link of a product.
        let site = Site::new();
        site.file(
            "content/products/gula-semut.yaml",
            &PRODUCT_GULA.replace(
                "order: { whatsapp: \"+62 812-0000-0000\" }",
                &format!("order:\n  marketplace:\n    - {{ name: Toko, url: {q} }}\n"),
            ),
        );
        let error = site.build_error();
        assert!(
            error.contains("content/products/gula-semut.yaml:12:"),
            "{payload}: {error}"
        );
        // The site's address, in etalase.yaml and on the command line.
        let site = Site::new();
        site.file("etalase.yaml", &CONFIG.replace("https://example.test", payload.trim()));
        assert!(site.build_error().contains("base_url"), "{payload}");
        let site = Site::new();
        let out = site.run(&["build", "--base-url", payload]);
        assert!(!out.status.success(), "--base-url {payload}");
        assert!(!site.exists("index.html"));
    }
    // An e-mail address must be one, since it becomes a mailto: link.
    let site = Site::new();
    site.file(
        "content/units/lapas-lahat.yaml",
        &format!("{UNIT_LAHAT}contact:\n  email: \"javascript:alert(1)//@x\"\n"),
    );
    assert!(site.build_error().contains("is not an e-mail address"));
}

#[test]
fn svg_images_with_scripts_are_refused() {
    let site = Site::new();
    site.file(
        "content/media/rapat.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\">\n  <rect width=\"4\" height=\"4\" onload=\"alert(1)\"/>\n</svg>\n",
    )
    .file(
        "content/media/lain.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(document.cookie)</script></svg>",
    );
    let error = site.build_error();
    assert!(error.contains("content/media/rapat.svg:2:3: error"), "{error}");
    assert!(error.contains("`onload`"), "{error}");
    assert!(
        error.contains("content/media/lain.svg:1:"),
        "an unreferenced SVG is published too: {error}"
    );
    assert!(error.contains("Plain SVG"), "{error}");
}

#[test]
fn names_that_differ_only_in_case_are_refused() {
    let site = Site::new();
    site.file(
        "content/news/2025-12-02-kabar.id.md",
        &story("A", "2025-12-02", "", "x"),
    )
    .file(
        "content/news/2025-12-02-Kabar.id.md",
        &story("B", "2025-12-02", "slug: kabar-b\n", "x"),
    )
    .file("content/media/Gula.svg", SVG);
    let error = site.build_error();
    assert!(error.contains("only in capital letters"), "{error}");
    assert!(error.contains("content/media/gula.svg"), "{error}");
    assert!(error.contains("2025-12-02-kabar.id.md"), "{error}");
    let site = Site::new();
    site.file("static/Logo.svg", SVG).file("static/logo.svg", SVG);
    let error = site.build_error();
    assert!(
        error.contains("static/") && error.contains("only in capital letters"),
        "{error}"
    );
}

#[test]
fn a_nul_written_as_a_yaml_escape_is_refused() {
    let site = Site::new();
    site.file(
        "content/units/kanwil-sumsel.yaml",
        &UNIT_KANWIL.replace("city: Palembang", "city: \"Pale\\0mbang\""),
    );
    let error = site.build_error();
    assert!(error.contains("content/units/kanwil-sumsel.yaml:3:"), "{error}");
    assert!(error.contains("control character"), "{error}");
    let site = Site::new();
    site.file(
        "content/news/2025-11-19-a.id.md",
        &story("A\u{1}B", "2025-11-19", "", "x"),
    );
    assert!(site.build_error().contains("2025-11-19-a.id.md:2:"));
}

#[test]
fn a_loop_of_parent_offices_is_refused() {
    let site = Site::new();
    site.file(
        "content/units/kanwil-sumsel.yaml",
        &format!("{UNIT_KANWIL}parent: lapas-lahat\n"),
    );
    let error = site.build_error();
    assert!(error.contains("the parent offices loop"), "{error}");
    assert!(error.contains("kanwil-sumsel → lapas-lahat → kanwil-sumsel"), "{error}");
    let site = Site::new();
    site.file(
        "content/units/kanwil-sumsel.yaml",
        &format!("{UNIT_KANWIL}parent: kanwil-sumsel\n"),
    );
    let error = site.build_error();
    assert!(error.contains("cannot be its own parent"), "{error}");
    assert!(!error.contains("unknown parent"), "{error}");
}

#[test]
fn symlinks_in_content_static_and_templates_are_reported() {
    let site = Site::new();
    let outside = tempfile::tempdir().expect("temp");
    std::fs::write(outside.path().join("x.svg"), SVG).expect("write");
    std::fs::create_dir_all(site.root().join("static")).expect("mkdir");
    std::fs::create_dir_all(site.root().join("templates")).expect("mkdir");
    std::os::unix::fs::symlink(outside.path().join("x.svg"), site.root().join("content/media/x.svg")).expect("link");
    std::os::unix::fs::symlink(outside.path().join("x.svg"), site.root().join("static/x.svg")).expect("link");
    std::os::unix::fs::symlink(outside.path().join("x.svg"), site.root().join("templates/x.html")).expect("link");
    let out = site.run(&["build"]);
    assert!(out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    for file in ["content/media/x.svg", "static/x.svg", "templates/x.html"] {
        assert!(
            stderr.contains(&format!("{file}: warning: a symbolic link is not followed")),
            "{stderr}"
        );
    }
    assert!(!site.exists("media/x.svg") && !site.exists("x.svg"));
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

    let titles = feed_titles(&site.read("atom.xml"));
    assert_eq!(titles.first().map(String::as_str), Some(evil));
}
