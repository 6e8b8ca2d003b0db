//! Fixture sites for the integration tests: a small site in a temporary folder, built with
//! the library or the `etalase` binary, and helpers to read what it wrote.
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

/// The repository: the demo site and the default theme.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub const CONFIG: &str = "\
base_url: https://example.test
title: { id: Etalase Uji, en: Test Showcase }
description: { id: Situs uji., en: A test site. }
news_per_page: 3
languages:
  - code: id
    name: Bahasa Indonesia
    locale: id_ID
    sections: { news: berita, products: produk, units: upt, awards: penghargaan }
  - code: en
    name: English
    locale: en_US
    sections: { news: news, products: products, units: units, awards: awards }
categories:
  pangan: { id: Pangan, en: Food }
  wastra: { id: Wastra, en: Textiles }
";

pub const UNIT_LAHAT: &str = "\
name: Lapas Kelas IIA Lahat
type: lapas
class: IIA
city: Lahat
region: Sumatera Selatan
parent: kanwil-sumsel
";

pub const UNIT_KANWIL: &str = "\
name: { id: Kanwil Ditjenpas Sumatera Selatan, en: South Sumatra Regional Office }
type: kanwil
city: Palembang
region: Sumatera Selatan
";

pub const PRODUCT_GULA: &str = "\
name: { id: Gula Semut Jahe Merah, en: Red Ginger Palm Sugar }
unit: lapas-lahat
category: pangan
featured: true
description: { id: Gula aren bubuk dengan jahe merah., en: Powdered palm sugar with red ginger. }
price: { amount: 25000, per: { id: per 250 g, en: per 250 g } }
images:
  - { src: gula.svg, alt: { id: Kemasan gula semut, en: A pack of palm sugar } }
programs: [ac-2, ac-3]
order: { whatsapp: \"+62 812-0000-0000\" }
";

pub const SVG: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"12\" height=\"8\"><title>x</title></svg>";

/// A press release in front matter + body form.
pub fn story(title: &str, date: &str, extra: &str, body: &str) -> String {
    format!("---\ntitle: {title}\ndate: {date}\nunit: lapas-lahat\nsummary: Ringkasan {date}.\n{extra}---\n{body}\n")
}

pub struct Site {
    pub dir: TempDir,
}

impl Site {
    /// A site with the default theme, two units, one product and no news.
    pub fn new() -> Site {
        let site = Site {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        copy_dir(&repo().join("themes/default"), &site.root().join("themes/default"));
        site.file("etalase.yaml", CONFIG)
            .file("content/units/lapas-lahat.yaml", UNIT_LAHAT)
            .file("content/units/kanwil-sumsel.yaml", UNIT_KANWIL)
            .file("content/products/gula-semut.yaml", PRODUCT_GULA)
            .file("content/media/gula.svg", SVG)
            .file("content/media/rapat.svg", SVG);
        site
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn public(&self) -> PathBuf {
        self.root().join("public")
    }

    pub fn file(&self, path: &str, contents: &str) -> &Site {
        let full = self.root().join(path);
        std::fs::create_dir_all(full.parent().expect("parent")).expect("mkdir");
        std::fs::write(full, contents).expect("write");
        self
    }

    pub fn remove(&self, path: &str) -> &Site {
        std::fs::remove_file(self.root().join(path)).expect("remove");
        self
    }

    /// Runs `etalase <args>` in the site folder.
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_etalase"))
            .args(args)
            .current_dir(self.root())
            .env("NO_COLOR", "1")
            .output()
            .expect("run etalase")
    }

    /// Builds into `public/`, panicking with the error output on failure.
    pub fn build(&self) -> &Site {
        let out = self.run(&["build"]);
        assert!(
            out.status.success(),
            "build failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        self
    }

    /// Runs a build that must fail and returns its error output.
    pub fn build_error(&self) -> String {
        let out = self.run(&["build"]);
        assert!(!out.status.success(), "build unexpectedly succeeded");
        assert_eq!(out.status.code(), Some(1));
        String::from_utf8_lossy(&out.stderr).into_owned()
    }

    /// A file of the built site.
    pub fn read(&self, path: &str) -> String {
        let full = self.public().join(path);
        std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("cannot read {}: {e}", full.display()))
    }

    pub fn exists(&self, path: &str) -> bool {
        self.public().join(path).exists()
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk");
        let target = to.join(entry.path().strip_prefix(from).expect("prefix"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// A start tag with its attributes.
#[derive(Debug, Clone)]
pub struct Element {
    pub name: String,
    pub attrs: BTreeMap<String, String>,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.get(name).map(String::as_str)
    }
}

/// A tokenizer that switches into raw-text states after `<title>`, `<script>` and `<style>`,
/// as a browser does.
fn tokens(html: &str) -> impl Iterator<Item = html5gum::Token> + '_ {
    let mut emitter = html5gum::DefaultEmitter::default();
    emitter.naively_switch_states(true);
    html5gum::Tokenizer::new_with_emitter(html, emitter).flatten()
}

/// Every start tag of an HTML document, tokenized as a browser would.
pub fn elements(html: &str) -> Vec<Element> {
    let mut out = Vec::new();
    for token in tokens(html) {
        if let html5gum::Token::StartTag(tag) = token {
            out.push(Element {
                name: String::from_utf8_lossy(&tag.name).into_owned(),
                attrs: tag
                    .attributes
                    .iter()
                    .map(|(k, v)| {
                        (
                            String::from_utf8_lossy(k).into_owned(),
                            String::from_utf8_lossy(v).into_owned(),
                        )
                    })
                    .collect(),
            });
        }
    }
    out
}

/// The elements named `name` that have attribute `key` = `value`.
pub fn find<'a>(elements: &'a [Element], name: &str, key: &str, value: &str) -> Vec<&'a Element> {
    elements
        .iter()
        .filter(|e| e.name == name && e.attr(key) == Some(value))
        .collect()
}

/// The decoded text of a document (character references resolved).
pub fn text(html: &str) -> String {
    let mut out = String::new();
    for token in tokens(html) {
        if let html5gum::Token::String(s) = token {
            out.push_str(&String::from_utf8_lossy(&s));
        }
    }
    out
}

/// The JSON-LD blocks of a page.
pub fn json_ld(html: &str) -> Vec<serde_json::Value> {
    let mut blocks = Vec::new();
    let mut rest = html;
    while let Some(start) = rest
        .find("application/ld+json>")
        .or_else(|| rest.find("application/ld+json\">"))
    {
        let after = &rest[start..];
        let open = after.find('>').expect("open") + 1;
        let close = after.find("</script>").expect("close");
        blocks.push(serde_json::from_str(&after[open..close]).expect("JSON-LD parses"));
        rest = &after[close..];
    }
    blocks
}

/// All `@type`s in a JSON-LD value, recursively.
pub fn ld_types(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            if let Some(serde_json::Value::String(t)) = map.get("@type") {
                out.push(t.clone());
            }
            map.values().for_each(|v| ld_types(v, out));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| ld_types(v, out)),
        _ => {}
    }
}

/// Every file below `dir`, as `/`-separated relative paths.
pub fn files(dir: &Path) -> Vec<String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(dir)
                .expect("prefix")
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect()
}
