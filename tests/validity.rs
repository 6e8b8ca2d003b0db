//! Every page is valid HTML according to the Nu HTML Checker (vnu.jar, installed by
//! `bash .ci/run` with npm into target/tools).

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::*;

fn vnu() -> PathBuf {
    let jar = repo().join("target/tools/node_modules/vnu-jar/build/dist/vnu.jar");
    assert!(
        jar.is_file(),
        "the Nu HTML Checker is missing: run `bash .ci/run`, or `npm install --ignore-scripts --prefix target/tools vnu-jar`"
    );
    jar
}

fn assert_valid(dir: &Path) {
    let out = Command::new("java")
        .arg("-jar")
        .arg(vnu())
        .args(["--errors-only", "--skip-non-html"])
        .arg(dir)
        .output()
        .expect("java is missing: install a Java runtime (bash .ci/run does)");
    let report = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success() && report.trim().is_empty(),
        "invalid HTML:\n{report}"
    );
}

#[test]
fn the_demo_site_is_valid_html() {
    let out = tempfile::tempdir().expect("temp");
    let public = out.path().join("public");
    let status = Command::new(env!("CARGO_BIN_EXE_etalase"))
        .args(["build", "--root"])
        .arg(repo())
        .arg("--output")
        .arg(&public)
        .status()
        .expect("build");
    assert!(status.success());
    assert_valid(&public);
}

#[test]
fn every_kind_of_page_is_valid_html() {
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
