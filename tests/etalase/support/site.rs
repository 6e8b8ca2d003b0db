//! Fixture sites: a small site in a temporary folder, built with the `etalase` binary, and
//! the repository's demo site.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Arc, Mutex, PoisonError, Weak};

use tempfile::TempDir;

use super::folders::{copy_dir, files};

/// The repository: the demo site and the default theme.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The `etalase` binary of this build, to run.
pub fn etalase() -> Command {
    Command::new(env!("CARGO_BIN_EXE_etalase"))
}

/// The `etalase.yaml` of a fixture site: Indonesian and English, three stories a page, two
/// product categories.
pub const CONFIG: &str = "\
base_url: https://example.test
title: { id: Etalase Uji, en: Test Showcase }
description: { id: Situs uji., en: A test site. }
news_per_page: 3
languages:
  - code: id
    name: Bahasa Indonesia
    locale: id_ID
    sections: { news: berita, products: produk, units: upt, awards: penghargaan, search: cari }
  - code: en
    name: English
    locale: en_US
    sections: { news: news, products: products, units: units, awards: awards }
categories:
  pangan: { id: Pangan, en: Food }
  wastra: { id: Wastra, en: Textiles }
";

/// A prison, `lapas-lahat`, under the regional office.
pub const UNIT_LAHAT: &str = "\
name: Lapas Kelas IIA Lahat
type: lapas
class: IIA
city: Lahat
region: Sumatera Selatan
parent: kanwil-sumsel
";

/// The regional office, `kanwil-sumsel`.
pub const UNIT_KANWIL: &str = "\
name: { id: Kanwil Ditjenpas Sumatera Selatan, en: South Sumatra Regional Office }
type: kanwil
city: Palembang
region: Sumatera Selatan
";

/// A featured product of `lapas-lahat`, `gula-semut`: a price, an SVG picture, two programme
/// tags and a WhatsApp number to order.
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

/// A plain SVG picture.
pub const SVG: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"12\" height=\"8\"><title>x</title></svg>";

/// A press release in front matter + body form.
pub fn story(title: &str, date: &str, extra: &str, body: &str) -> String {
    format!("---\ntitle: {title}\ndate: {date}\nunit: lapas-lahat\nsummary: Ringkasan {date}.\n{extra}---\n{body}\n")
}

/// A fixture site in a temporary folder, written file by file.
pub struct Site {
    dir: TempDir,
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
        self.bytes(path, contents.as_bytes())
    }

    /// Writes a binary file (a photo) into the site folder.
    pub fn bytes(&self, path: &str, contents: &[u8]) -> &Site {
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
        etalase()
            .args(args)
            .current_dir(self.root())
            .env("NO_COLOR", "1")
            .env("LC_ALL", "C")
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
        read(&self.public().join(path))
    }

    pub fn exists(&self, path: &str) -> bool {
        self.public().join(path).exists()
    }
}

/// The repository's demo site built into a temporary folder (its `public/`), with the search
/// index when Pagefind is installed.
pub struct Demo {
    dir: TempDir,
}

impl Demo {
    /// Builds the demo site. Tests only read it, so the tests running at the same time share
    /// one build, which is removed when the last of them is done.
    pub fn build() -> Arc<Demo> {
        static SHARED: Mutex<Weak<Demo>> = Mutex::new(Weak::new());
        let mut shared = SHARED.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(demo) = shared.upgrade() {
            return demo;
        }
        let dir = tempfile::tempdir().expect("temp dir");
        let build = etalase()
            .args(["build", "--root"])
            .arg(repo())
            .arg("--output")
            .arg(dir.path().join("public"))
            .output()
            .expect("run etalase");
        assert!(build.status.success(), "{}", String::from_utf8_lossy(&build.stderr));
        let demo = Arc::new(Demo { dir });
        *shared = Arc::downgrade(&demo);
        demo
    }

    pub fn public(&self) -> PathBuf {
        self.dir.path().join("public")
    }

    /// A file of the built site.
    pub fn read(&self, path: &str) -> String {
        read(&self.public().join(path))
    }

    /// The HTML pages of the built site, as paths below `public/`.
    pub fn pages(&self) -> Vec<String> {
        files(&self.public())
            .into_iter()
            .filter(|f| f.ends_with(".html"))
            .collect()
    }
}

fn read(file: &Path) -> String {
    std::fs::read_to_string(file).unwrap_or_else(|e| panic!("cannot read {}: {e}", file.display()))
}
