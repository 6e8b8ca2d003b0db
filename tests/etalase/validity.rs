//! What other programs read is valid: every page is valid HTML according to the Nu HTML
//! Checker (vnu.jar), and the feeds parse in Python's feedparser as in feed readers.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::site::{Demo, PRODUCT_GULA, Site, repo, story};
use crate::support::tools::{self, Tool, missing};

fn assert_valid(dir: &Path) {
    let out = Command::new(tools::java())
        .arg("-jar")
        .arg(tools::vnu())
        .args(["--errors-only", "--skip-non-html"])
        .arg(dir)
        .output()
        .expect("run the Nu HTML Checker");
    let report = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && report.trim().is_empty(),
        "invalid HTML:\n{report}"
    );
}

#[test]
fn the_demo_site_is_valid_html() {
    if missing(&[Tool::NuHtmlChecker]) {
        return;
    }
    let demo = Demo::build();
    assert_valid(&demo.public());
}

#[test]
fn every_kind_of_page_is_valid_html() {
    if missing(&[Tool::NuHtmlChecker]) {
        return;
    }
    let site = Site::new();
    for day in 1..=5 {
        let extra = if day == 1 {
            "programs: [ac-3]\nproducts: [gula-semut]\nimage: { src: gula.svg, alt: Ilustrasi }\naward: { name: Juara, giver: Kanwil, event: Hari Bakti }\nsource: Humas\ntime: \"09:30\"\n"
        } else {
            "programs: [ac-3]\n"
        };
        let body = "## Judul\n\nTeks dengan **tebal**, tabel dan catatan[^1].\n\n|a|b|\n|-|-|\n|1|2|\n\n```yaml\nnama: Tempe\n```\n\n[^1]: Catatan.\n";
        site.file(
            &format!("content/news/2025-11-0{day}-s{day}.id.md"),
            &story(
                &format!("Cerita {day} & <Uji>"),
                &format!("2025-11-0{day}"),
                extra,
                body,
            ),
        );
    }
    site.file(
        "content/news/2025-11-01-s1.en.md",
        &story("Story 1", "2025-11-01", "", "Body."),
    )
    .file(
        "content/pages/tentang.id.md",
        "---\ntitle: Tentang\nmenu: 1\n---\nIsi.\n",
    )
    .file(
        "content/products/gula-semut.yaml",
        &PRODUCT_GULA.replace(
            "order: {",
            "certifications: [P-IRT]\norder: { marketplace: [{ name: Toko, url: \"https://example.com/toko\" }],",
        ),
    )
    .build();
    assert_valid(&site.public());
}

/// Reads feeds with Python's feedparser, as feed readers do;
/// returns per feed: bozo flag and exception, language, and each entry's title and link.
fn feedparser(feeds: &[PathBuf]) -> serde_json::Value {
    let script = r#"
import json, sys, feedparser
out = []
for path in sys.argv[1:]:
    d = feedparser.parse(path)
    out.append({
        "bozo": bool(d.bozo),
        "error": str(d.get("bozo_exception", "")),
        "version": d.version,
        "language": d.feed.get("language"),
        "entries": [{"title": e.title, "link": e.link, "published": e.get("published")} for e in d.entries],
    })
print(json.dumps(out))
"#;
    let out = Command::new(tools::python())
        .arg("-c")
        .arg(script)
        .args(feeds)
        .output()
        .expect("run python3");
    assert!(
        out.status.success(),
        "feedparser failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON from the feedparser script")
}

#[test]
fn feed_readers_accept_the_feeds() {
    if missing(&[Tool::Feedparser]) {
        return;
    }
    let site = Site::new();
    let evil = "Tempe & <Roti> \"Enak\" ]]> &amp;";
    site.file(
        "content/news/2025-11-19-tempe.id.md",
        &story(&format!("'{evil}'"), "2025-11-19", "", "Isi."),
    )
    .file(
        "content/news/2025-11-20-roti.id.md",
        &story("Roti Lapas", "2025-11-20", "", "Isi."),
    )
    .file(
        "content/news/2025-11-20-roti.en.md",
        &story("Prison Bread", "2025-11-20", "", "Text."),
    )
    .build();
    let feeds = feedparser(&[site.public().join("atom.xml"), site.public().join("en/atom.xml")]);
    for feed in feeds.as_array().expect("list") {
        assert_eq!(feed["bozo"], false, "{}", feed["error"]);
        assert_eq!(feed["version"], "atom10");
    }
    let titles = |feed: &serde_json::Value| -> Vec<String> {
        feed["entries"]
            .as_array()
            .expect("entries")
            .iter()
            .map(|e| e["title"].as_str().unwrap_or_default().to_string())
            .collect()
    };
    assert_eq!(feeds[0]["language"], "id");
    assert_eq!(
        titles(&feeds[0]),
        ["Roti Lapas", evil],
        "newest first, titles as written"
    );
    assert_eq!(feeds[1]["language"], "en");
    assert_eq!(titles(&feeds[1]), ["Prison Bread"]);
    assert_eq!(feeds[1]["entries"][0]["link"], "https://example.test/en/news/roti/");
}

#[test]
fn the_demo_feeds_parse_in_a_feed_reader() {
    if missing(&[Tool::Feedparser]) {
        return;
    }
    let demo = Demo::build();
    let public = demo.public();
    let stories = |lang: &str| {
        std::fs::read_dir(repo().join("content/news"))
            .expect("news folder")
            .filter(|e| {
                e.as_ref()
                    .is_ok_and(|e| e.file_name().to_string_lossy().ends_with(&format!(".{lang}.md")))
            })
            .count()
    };
    let feeds = feedparser(&[public.join("atom.xml"), public.join("en/atom.xml")]);
    for (feed, lang) in feeds.as_array().expect("list").iter().zip(["id", "en"]) {
        assert_eq!(feed["bozo"], false, "{lang}: {}", feed["error"]);
        assert_eq!(feed["entries"].as_array().map(Vec::len), Some(stories(lang)), "{lang}");
        assert!(feed["entries"][0]["published"].is_string(), "{feed}");
    }
}
