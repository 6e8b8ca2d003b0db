//! The writers' guide (docs/panduan-penulis.md) quotes `etalase check`'s messages: each quoted
//! report must be what check prints for the mistake it describes, in a site `init` made.

use std::path::Path;
use std::process::{Command, Stdio};

use crate::support::site::repo;

const STORY: &str = "content/news/2025-11-19-pelatihan-membatik.id.md";
const PRODUCT: &str = "content/products/contoh-produk.yaml";
const BASE: &str = "---\ntitle: Pelatihan Membatik\ndate: 2025-11-19\nunit: lapas-kelas-iia-contoh\n\
                    summary: Warga binaan belajar membatik.\n---\nIsi berita.\n";

fn etalase(dir: &Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_etalase"))
        .args(args)
        .current_dir(dir)
        .env("LC_ALL", "C")
        .stdin(Stdio::null())
        .output()
        .expect("run etalase");
    String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr)
}

/// The reports quoted in the guide: fenced blocks whose first line names a file and an error
/// or a warning.
fn quoted_reports(guide: &str) -> Vec<String> {
    guide
        .split("```")
        .skip(1)
        .step_by(2)
        .map(|block| block.trim_start_matches('\n').to_string())
        .filter(|block| {
            block.starts_with("content/") && (block.contains(": kesalahan: ") || block.contains(": peringatan: "))
        })
        .collect()
}

#[test]
fn every_report_quoted_in_the_writers_guide_is_what_check_prints() {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("situs");
    let init = etalase(
        dir.path(),
        &[
            "init",
            "situs",
            "--unit",
            "Lapas Kelas IIA Contoh",
            "--city",
            "Kota Contoh",
            "--region",
            "Sumatera Selatan",
            "--base-url",
            "https://contoh.netlify.app",
        ],
    );
    assert!(site.join("etalase.yaml").is_file(), "{init}");
    let product = std::fs::read_to_string(site.join(PRODUCT)).expect("product");
    let mut printed = String::new();
    let stories = [
        BASE.replace("unit: lapas-kelas-iia-contoh", "unit: lapas-kelas-iia-contho"),
        BASE.replace("2025-11-19\n", "19-11-2025\n"),
        BASE.replace("summary:", "sumary:"),
        BASE.replace("---\nIsi", "programs: [ac-9]\n---\nIsi"),
        BASE.replace("---\nIsi", "Isi"),
        BASE.replace(
            "---\nIsi",
            "image: { src: batik.jpg, alt: Warga binaan membatik }\n---\nIsi",
        ),
        BASE.replace("---\nIsi", "image: { src: batik.jpg, alt: \"\" }\n---\nIsi"),
        BASE.replace("---\nIsi", "time: 9.30\n---\nIsi"),
        BASE.replace(
            "Warga binaan belajar membatik.",
            "Warga binaan Lapas Kelas IIA Contoh mengikuti pelatihan membatik selama tiga hari bersama \
             perajin batik setempat, dari membuat pola, mencanting, mewarnai, hingga melorot kain.",
        ),
    ];
    for story in &stories {
        std::fs::write(site.join(STORY), story).expect("write");
        printed += &etalase(&site, &["check", "--lang", "id"]);
    }
    // A translation that contradicts its source.
    let english = STORY.replace(".id.md", ".en.md");
    std::fs::write(site.join(STORY), BASE).expect("write");
    std::fs::write(
        site.join(&english),
        "---\ntitle: Batik Training\ndate: 2025-11-18\nsummary: Batik.\n---\nText.\n",
    )
    .expect("write");
    printed += &etalase(&site, &["check", "--lang", "id"]);
    std::fs::remove_file(site.join(english)).expect("remove");
    std::fs::remove_file(site.join(STORY)).expect("remove");
    let products = [
        product.replace("amount: 25000", "amount: 25.000"),
        product.replace("  id: Contoh deskripsi", "\tid: Contoh deskripsi"),
        product.replace("category: pangan", "category: makanan"),
        product.replace(
            "order: { whatsapp: \"0812-0000-0000\" }",
            "order: { whatsapp: \"0812 abc\" }",
        ),
    ];
    for sheet in &products {
        std::fs::write(site.join(PRODUCT), sheet).expect("write");
        printed += &etalase(&site, &["check", "--drafts", "--lang", "id"]);
    }
    let guide = std::fs::read_to_string(repo().join("docs/panduan-penulis.md")).expect("guide");
    let reports = quoted_reports(&guide);
    assert!(reports.len() >= 12, "{reports:#?}");
    for report in reports {
        assert!(
            printed.contains(&report),
            "the guide quotes a report check does not print:\n{report}\n\nprinted:\n{printed}"
        );
    }
}
