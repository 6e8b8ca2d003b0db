//! What a writer meets: `etalase check`, `etalase new`, and a message for each mistake, with
//! its file, line and column and a hint, in the writer's language.

use crate::support::folders::copy_dir;
use crate::support::site::{PRODUCT_GULA, Site, etalase, story};

#[test]
fn check_reports_untranslated_items_and_long_summaries_without_writing() {
    let site = Site::new();
    let long = "Kalimat ringkasan yang sangat panjang ".repeat(6);
    site.file(
        "content/news/2025-11-19-a.id.md",
        &story("A", "2025-11-19", "", "x").replace("Ringkasan 2025-11-19.", &long),
    )
    .file("content/news/2025-11-20-b.id.md", &story("B", "2025-11-20", "", "x"))
    .file("content/news/2025-11-20-b.en.md", &story("B", "2025-11-20", "", "x"));
    let out = site.run(&["check"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        out.status.code(),
        Some(0),
        "warnings do not fail a plain check:\n{stdout}"
    );
    assert!(
        stdout.contains("content/news/2025-11-19-a.id.md: warning: no version in en"),
        "{stdout}"
    );
    assert!(
        stdout.contains("content/news/2025-11-19-a.id.md:5:1: warning: the summary has"),
        "{stdout}"
    );
    assert!(!site.public().exists(), "check writes nothing");

    let strict = site.run(&["check", "--strict"]);
    assert_eq!(strict.status.code(), Some(2));

    let json = site.run(&["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    let untranslated = report["untranslated"].as_array().expect("array");
    assert!(
        untranslated
            .iter()
            .any(|u| u["item"] == "content/news/2025-11-19-a.id.md" && u["missing"][0] == "en")
    );
}

#[test]
fn check_fails_on_errors_and_finds_broken_links_and_anchors() {
    let site = Site::new();
    site.file(
        "content/news/2025-11-19-a.id.md",
        &story(
            "A",
            "2025-11-19",
            "",
            "[rusak](/berita/tidak-ada/) [jangkar](#tidak-ada) [baik](/produk/gula-semut/)",
        ),
    );
    let out = site.run(&["check", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let messages: Vec<String> = report["warnings"]
        .as_array()
        .expect("warnings")
        .iter()
        .map(|w| w["message"].to_string())
        .collect();
    assert!(
        messages.iter().any(|m| m.contains("/berita/tidak-ada/ leads nowhere")),
        "{messages:#?}"
    );
    assert!(messages.iter().any(|m| m.contains("#tidak-ada")), "{messages:#?}");
    assert!(!messages.iter().any(|m| m.contains("gula-semut")), "{messages:#?}");

    site.file(
        "content/news/2025-11-19-a.id.md",
        &story("A", "2025-11-19", "unit: nowhere\n", "x"),
    );
    let out = site.run(&["check"]);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn new_starts_files_that_build_and_never_overwrites() {
    let site = Site::new();
    let out = site.run(&[
        "new",
        "news",
        "Lapas Lahat Gelar Pelatihan Kopi",
        "--unit",
        "lapas-lahat",
        "--en",
        "--date",
        "2025-12-02",
    ]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        site.root()
            .join("content/news/2025-12-02-lapas-lahat-gelar-pelatihan-kopi.id.md")
            .exists()
    );
    assert!(
        site.root()
            .join("content/news/2025-12-02-lapas-lahat-gelar-pelatihan-kopi.en.md")
            .exists()
    );
    assert!(
        site.run(&["new", "product", "Kopi Robusta", "--unit", "lapas-lahat"])
            .status
            .success()
    );
    assert!(site.run(&["new", "unit", "Rutan Kelas I Palembang"]).status.success());
    // New stories and products are drafts until the writer says they are ready.
    site.build();
    assert!(!site.exists("berita/lapas-lahat-gelar-pelatihan-kopi/index.html"));
    for file in [
        "content/news/2025-12-02-lapas-lahat-gelar-pelatihan-kopi.id.md",
        "content/news/2025-12-02-lapas-lahat-gelar-pelatihan-kopi.en.md",
        "content/products/kopi-robusta.yaml",
    ] {
        let text = std::fs::read_to_string(site.root().join(file)).expect("read");
        assert!(text.contains("draft: true"), "{file}:\n{text}");
        site.file(file, &text.replace("draft: true", "draft: false"));
    }
    site.build();
    assert!(site.exists("berita/lapas-lahat-gelar-pelatihan-kopi/index.html"));
    assert!(site.exists("en/news/lapas-lahat-gelar-pelatihan-kopi/index.html"));
    assert!(site.exists("produk/kopi-robusta/index.html"));
    assert!(site.exists("upt/rutan-kelas-i-palembang/index.html"));

    let again = site.run(&["new", "product", "Kopi Robusta", "--unit", "lapas-lahat"]);
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    let unknown = site.run(&["new", "news", "Judul", "--unit", "lapas-lahatt"]);
    assert!(String::from_utf8_lossy(&unknown.stderr).contains("did you mean `lapas-lahat`?"));
}

/// One broken file per case: the build fails with the file, line and column, and a hint.
#[test]
fn writer_mistakes_get_precise_messages() {
    let cases: &[(&str, &str, &[&str])] = &[
        (
            "content/products/gula-semut.yaml",
            &PRODUCT_GULA.replace("amount: 25000", "amount: 25.000"),
            &["content/products/gula-semut.yaml:6:", "25000"],
        ),
        (
            "content/products/gula-semut.yaml",
            &PRODUCT_GULA.replace("featured: true", "featurd: true"),
            &["content/products/gula-semut.yaml:4:1", "featurd", "check the spelling"],
        ),
        (
            "content/units/lapas-lahat.yaml",
            "name: Lapas\ntype: lapas\n\tcity: Lahat\nregion: R\n",
            &["content/units/lapas-lahat.yaml:3:", "spaces"],
        ),
        (
            "content/units/lapas-lahat.yaml",
            "name: \"Lapas\ntype: lapas\ncity: Lahat\n",
            &["content/units/lapas-lahat.yaml:"],
        ),
        (
            "content/news/2025-11-19-a.id.md",
            "title: A\n",
            &["content/news/2025-11-19-a.id.md:1:1", "front matter is missing"],
        ),
        (
            "content/news/2025-11-19-a.id.md",
            "---\ntitle: A\n",
            &["front matter is not closed"],
        ),
        (
            "content/news/2025-11-19-a.id.md",
            "",
            &["content/news/2025-11-19-a.id.md: error: the file is empty"],
        ),
        (
            "content/news/2025-11-19-a.id.md",
            "---\ntitle: A\ndate: 2025-13-01\nunit: lapas-lahat\nsummary: S\n---\n",
            &["2025-11-19-a.id.md:3:7", "`2025-13-01` is not a date", "YYYY-MM-DD"],
        ),
        (
            "content/news/2025-11-19-a.id.md",
            "---\ntitle: A\ndate: 2025-11-19\nsummary: S\n---\n",
            &["2025-11-19-a.id.md:", "the key `unit` is missing", "add `unit:`"],
        ),
        (
            "content/news/2025-11-19-a.fr.md",
            &story("A", "2025-11-19", "", "x"),
            &["2025-11-19-a.fr.md", "language `fr`", "not configured"],
        ),
        (
            "content/news/2025-11-19-a.id.md",
            &story("A", "2025-11-19", "image: { src: ../etalase.yaml, alt: x }\n", "x"),
            &["2025-11-19-a.id.md:6:15", "leaves the media folder"],
        ),
        (
            "content/news/2025-11-19-a.id.md",
            &story("A", "2025-11-19", "image: { src: gula.svg, alt: \"\" }\n", "x"),
            &["2025-11-19-a.id.md:6:15", "no alt text"],
        ),
        (
            "content/news/2025-11-19-a.id.md",
            &story("A", "2025-11-19", "slug: ../../etc\n", "x"),
            &["2025-11-19-a.id.md:6:7", "cannot be used in a URL"],
        ),
        (
            "content/news/2025-11-19-a.id.md",
            &story(
                "A",
                "2025-11-19",
                "",
                "Teks.\n\nBaca juga [kabar lain](2025-11-18-tidak-ada.id.md).",
            ),
            &[
                "2025-11-19-a.id.md:9:11",
                "`2025-11-18-tidak-ada.id.md` points at a file that is not a published page",
            ],
        ),
        (
            "content/units/lapas-lahat.yaml",
            "name: Lapas\ntype: lapas\ncity: Lahat\n  region: R\n",
            &["content/units/lapas-lahat.yaml:4:"],
        ),
        (
            "content/pages/gula-semut.id.md",
            "---\ntitle: P\nslug: berita\n---\nx\n",
            &["content/pages/gula-semut.id.md", "already writes the page /berita/"],
        ),
    ];
    for (path, text, expected) in cases {
        let site = Site::new();
        site.file(path, text);
        let err = site.build_error();
        for phrase in *expected {
            assert!(err.contains(phrase), "{path}: missing {phrase:?} in:\n{err}");
        }
    }
}

#[test]
fn two_stories_with_one_url_are_reported_with_both_files() {
    let site = Site::new();
    site.file("content/news/2025-11-19-a.id.md", &story("A", "2025-11-19", "", "x"))
        .file("content/news/2025-11-20-a.id.md", &story("A2", "2025-11-20", "", "x"));
    let err = site.build_error();
    assert!(
        err.contains("/berita/a/") && err.contains("2025-11-19-a.id.md") && err.contains("2025-11-20-a.id.md"),
        "{err}"
    );
}

#[test]
fn bom_and_crlf_are_accepted_and_other_encodings_are_explained() {
    let site = Site::new();
    let text = format!(
        "\u{feff}{}",
        story("A", "2025-11-19", "", "Isi dengan CRLF.").replace('\n', "\r\n")
    );
    site.file("content/news/2025-11-19-a.id.md", &text).build();
    assert!(site.read("berita/a/index.html").contains("Isi dengan CRLF."));

    let latin1 = b"---\ntitle: Caf\xe9\ndate: 2025-11-19\nunit: lapas-lahat\nsummary: S\n---\n";
    std::fs::write(site.root().join("content/news/2025-11-19-b.id.md"), latin1).expect("write");
    let err = site.build_error();
    assert!(
        err.contains("2025-11-19-b.id.md:2:11: error: the file is not valid UTF-8"),
        "{err}"
    );
}

#[test]
fn all_errors_of_a_build_are_reported_together_sorted() {
    let site = Site::new();
    site.file(
        "content/news/2025-11-20-b.id.md",
        &story("B", "2025-11-20", "unit: x1\n", "x"),
    )
    .file(
        "content/news/2025-11-19-a.id.md",
        &story("A", "2025-11-19", "programs: [zz]\n", "x"),
    );
    let err = site.build_error();
    let a = err.find("2025-11-19-a.id.md").expect("a");
    let b = err.find("2025-11-20-b.id.md").expect("b");
    assert!(a < b, "sorted by file:\n{err}");
    assert!(err.contains("2 errors"), "{err}");
}

#[test]
fn messages_are_in_indonesian_for_an_indonesian_locale_or_lang_id() {
    let site = Site::new();
    site.file(
        "content/news/2025-11-19-a.id.md",
        &story("A", "2025-11-19", "programs: [ac-33]\n", "x"),
    );
    let by_locale = etalase()
        .arg("build")
        .current_dir(site.root())
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "id_ID.UTF-8")
        .output()
        .expect("run");
    let by_flag = site.run(&["build", "--lang", "id"]);
    for out in [by_locale, by_flag] {
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("2025-11-19-a.id.md:6:12: kesalahan: tag program `ac-33` tidak dikenal"),
            "{err}"
        );
        assert!(
            err.contains("saran: mungkin maksudnya `ac-3`? — tag adalah id istilah di content/vocabularies/"),
            "{err}"
        );
        assert!(err.contains("Situs tidak dibangun"), "{err}");
    }
    let english = site.run(&["build", "--lang", "en"]);
    assert!(String::from_utf8_lossy(&english.stderr).contains("unknown programme tag `ac-33`"));
    let check = site.run(&["check", "--lang", "id"]);
    assert!(String::from_utf8_lossy(&check.stdout).contains("1 kesalahan"));

    site.file("content/news/2025-11-19-a.id.md", "judul: A\n");
    let missing = site.run(&["build", "--lang", "id"]);
    let err = String::from_utf8_lossy(&missing.stderr);
    assert!(
        err.contains("kesalahan: front matter (bagian --- di awal) tidak ada"),
        "{err}"
    );
    site.file(
        "content/products/gula-semut.yaml",
        &PRODUCT_GULA.replace("amount: 25000", "amount: 25.000"),
    );
    site.file("content/news/2025-11-19-a.id.md", &story("A", "2025-11-19", "", "x"));
    let price = site.run(&["build", "--lang", "id"]);
    let err = String::from_utf8_lossy(&price.stderr);
    assert!(
        err.contains("kesalahan: harga harus ditulis dalam rupiah tanpa titik"),
        "{err}"
    );
    assert!(err.contains("saran: tulis 25000 untuk Rp25.000"), "{err}");
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

/// Every kind of mistake reads in Indonesian with `--lang id`: nothing of the English text
/// is left, and `check --format json` names each problem by its stable code.
#[test]
fn every_kind_of_mistake_reads_in_indonesian() {
    use crate::support::site::{CONFIG, UNIT_LAHAT};
    let cases: &[(&str, &str, &str, &str)] = &[
        (
            "content/news/2025-11-19-a.id.md",
            &story("A", "2025-11-19", "", "Baca [lain](2025-11-18-tidak-ada.id.md)."),
            "tautan `2025-11-18-tidak-ada.id.md` menuju file yang bukan halaman terbit",
            "E411",
        ),
        (
            "content/news/2025-11-19-a.id.md",
            &story("A", "2025-11-19", "image: { src: foto.jpg, alt: Foto }\n", "x"),
            "gambar `foto.jpg` tidak ada di content/media/",
            "E410",
        ),
        (
            "etalase.yaml",
            &CONFIG.replace("https://example.test", "example.test"),
            "base_url `example.test` bukan alamat web lengkap",
            "E501",
        ),
        (
            "content/units/lapas-lahat.yaml",
            &UNIT_LAHAT.replace("city: Lahat", "\tcity: Lahat"),
            "ada karakter tab di sini",
            "E205",
        ),
    ];
    for (file, text, indonesian, code) in cases {
        let site = Site::new();
        site.file(file, text);
        let out = site.run(&["build", "--lang", "id"]);
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(indonesian), "{file}: {err}");
        for english in ["error:", "hint:", "unknown", "cannot", "is not", "the "] {
            assert!(!err.contains(english), "{file}: English `{english}` left in:\n{err}");
        }
        let json = site.run(&["check", "--format", "json", "--lang", "id"]);
        let report: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
        assert_eq!(report["errors"][0]["code"], *code, "{file}: {report}");
        assert!(
            report["errors"][0]["message"]
                .as_str()
                .is_some_and(|m| m.contains(indonesian))
        );
    }
}

/// A site in the folder `dir` of a git repository (a temporary folder with `.git`), as a
/// repository on GitHub holds it.
fn site_in_repository(dir: &str) -> (tempfile::TempDir, std::path::PathBuf) {
    let repository = tempfile::tempdir().expect("temp dir");
    std::fs::create_dir(repository.path().join(".git")).expect(".git");
    let site = Site::new();
    let root = repository.path().join(dir);
    copy_dir(site.root(), &root);
    std::fs::create_dir_all(root.join("content/news")).expect("content/news");
    (repository, root)
}

#[test]
fn check_format_github_annotates_each_line_from_the_repository_root() {
    let (_repository, root) = site_in_repository("situs humas,2025:uji");
    let write = |path: &str, text: &str| std::fs::write(root.join(path), text).expect("write");
    // Saved with Windows line endings, as an editor on Windows may: lines and columns still count.
    write(
        "content/news/2025-11-19-a.id.md",
        &story("A", "2025-11-19", "programs: [ac-50%]\n", "x").replace('\n', "\r\n"),
    );
    write(
        "content/news/2025-11-20-b.id.md",
        &story("B", "2025-11-20", "", "[rusak](/berita/tidak-ada/)"),
    );
    write("content/news/2025-11-20-b.en.md", &story("B", "2025-11-20", "", "x"));
    let run = |lang: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_etalase"))
            .args(["check", "--format", "github", "--lang", lang])
            .current_dir(&root)
            .env_remove("GITHUB_WORKSPACE")
            .output()
            .expect("run etalase")
    };
    let lines = |out: &std::process::Output| {
        String::from_utf8_lossy(&out.stdout)
            .lines()
            .map(String::from)
            .collect::<Vec<_>>()
    };
    let file = "situs humas%2C2025%3Auji/content/news/2025-11-19-a.id.md";
    let out = run("en");
    assert_eq!(out.status.code(), Some(1), "an error fails the workflow step");
    assert_eq!(
        lines(&out),
        [
            format!(
                "::error file={file},line=6,col=12,title=etalase check::unknown programme tag `ac-50%25`\
                 %0Ahint: did you mean `ac-5`? — tags are the term ids in content/vocabularies/"
            ),
            "1 error, 0 warnings".to_string(),
        ]
    );
    let indonesian = run("id");
    assert!(
        lines(&indonesian)[0].starts_with(&format!(
            "::error file={file},line=6,col=12,title=etalase check::tag program `ac-50%25` tidak dikenal%0Asaran: "
        )),
        "{:?}",
        lines(&indonesian)
    );

    // Fixed: what is left are warnings, one on a built page and one on a whole file.
    write(
        "content/news/2025-11-19-a.id.md",
        &story("A", "2025-11-19", "programs: [ac-5]\n", "x").replace('\n', "\r\n"),
    );
    let out = run("en");
    assert_eq!(out.status.code(), Some(0), "warnings alone pass");
    assert_eq!(
        lines(&out),
        [
            "::warning title=etalase check::(page /berita/b/): the link /berita/tidak-ada/ leads nowhere\
             %0Ahint: correct the link in the content or template that makes this page"
                .to_string(),
            format!(
                "::warning file={file},title=etalase check::no version in en\
                 %0Ahint: the item is published in the languages it has; add the translation when it is ready"
            ),
            "0 errors, 2 warnings".to_string(),
        ]
    );
}

/// A parse error in one file hides nothing of another's: every file's own errors are reported
/// in one run — photos and templates included — and only references to the broken file are
/// held back.
#[test]
fn every_files_own_errors_are_reported_in_one_run() {
    let site = Site::new();
    site.file(
        "content/products/gula-semut.yaml",
        &PRODUCT_GULA.replace("featured: true", "featured: true\n\tcolor: x"),
    )
    .file(
        "content/news/2025-11-19-a.id.md",
        "---\ntitle: A\ndate: 2025-13-19\nunit: lapas-lahat\nsummary: S\nprograms: [zz]\n\
         products: [gula-semut]\nimage: { src: foto.jpg, alt: Foto }\n---\nx\n",
    )
    .file(
        "content/news/2025-11-20-b.id.md",
        &story("B", "2025-11-20", "image: { src: rusak.jpg, alt: Foto }\n", "x"),
    )
    .file("content/media/rusak.jpg", "not a photo")
    .file("themes/default/templates/page.html", "{% if %}");
    for out in [site.run(&["check"]), site.run(&["build"])] {
        let report = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        for expected in [
            "content/products/gula-semut.yaml:5:",
            "content/news/2025-11-19-a.id.md:3:7: error: `2025-13-19` is not a date",
            "content/news/2025-11-19-a.id.md:6:12: error: unknown programme tag `zz`",
            "content/news/2025-11-19-a.id.md:8:15: error: the image `foto.jpg` is not in content/media/",
            "(templates): error: template error in theme",
            "page.html:1:7",
            "content/news/2025-11-20-b.id.md:6:15: error: the image `rusak.jpg` cannot be used",
            "6 errors",
        ] {
            assert!(report.contains(expected), "missing {expected:?} in:\n{report}");
        }
        assert!(!report.contains("unknown product"), "{report}");
    }
}

#[test]
fn plainer_words_for_colons_prices_valid_values_and_one_url() {
    let site = Site::new();
    site.file(
        "content/news/2025-11-19-a.id.md",
        &story("Lapas Lahat: Panen Raya", "2025-11-19", "", "x"),
    );
    let err = site.build_error();
    assert!(err.contains("content/news/2025-11-19-a.id.md:2:19"), "{err}");
    assert!(err.contains("put the whole value in double quotes"), "{err}");
    assert!(!err.contains("indentation"), "{err}");

    // A quoted word at the start of a title, and a colon inside `{ … }`.
    site.file(
        "content/news/2025-11-19-a.id.md",
        &story("\"Lapas\" Lahat: Panen", "2025-11-19", "", "x"),
    );
    let err = site.build_error();
    assert!(
        err.contains(
            "2025-11-19-a.id.md:2:16: error: the value starts with a quote, and text follows the closing quote"
        ),
        "{err}"
    );
    assert!(err.contains("put the whole value in quotes"), "{err}");
    site.file("content/news/2025-11-19-a.id.md", &story("A", "2025-11-19", "", "x"))
        .file(
            "content/products/gula-semut.yaml",
            &PRODUCT_GULA.replace("id: Gula Semut Jahe Merah", "id: Gula Semut: Jahe Merah"),
        );
    let err = site.build_error();
    assert!(
        err.contains("gula-semut.yaml:1:23: error: inside `{ … }` a value holds a colon followed by a space"),
        "{err}"
    );
    assert!(err.contains("name: { id: \"Gula Semut: Jahe Merah\", en: … }"), "{err}");
    assert!(!err.contains("did not find expected"), "{err}");

    site.file("content/news/2025-11-19-a.id.md", &story("A", "2025-11-19", "", "x"))
        .file(
            "content/products/gula-semut.yaml",
            &PRODUCT_GULA.replace("amount: 25000", "amount: 25.000"),
        );
    let err = site.build_error();
    assert!(
        err.contains("content/products/gula-semut.yaml:6:18: error: the price must be a whole number of rupiah, written without dots"),
        "{err}"
    );
    assert!(!err.contains("u64"), "{err}");

    // Valid values in the vocabulary's order, each with its label.
    site.file("content/products/gula-semut.yaml", PRODUCT_GULA).file(
        "content/news/2025-11-19-a.id.md",
        &story("A", "2025-11-19", "programs: [pangan]\n", "x"),
    );
    let err = site.build_error();
    assert!(
        err.contains("valid values: ac-1 — Memperkokoh ideologi Pancasila, demokrasi, …; ac-2 — "),
        "{err}"
    );
    let one = err.find("ac-1 —").expect("ac-1");
    let eight = err.find("ac-8 —").expect("ac-8");
    assert!(one < eight, "{err}");

    // Two stories at one address: which file to delete or rename, and why.
    site.file("content/news/2025-11-19-a.id.md", &story("A", "2025-11-19", "", "x"))
        .file("content/news/2025-11-20-a.id.md", &story("A", "2025-11-20", "", "x"));
    let err = site.build_error();
    assert!(
        err.contains("content/news/2025-11-19-a.id.md:1:1: error: another file already writes the page /berita/a/"),
        "{err}"
    );
    assert!(
        err.contains("if this file is a copy or an older version of content/news/2025-11-20-a.id.md, delete the one you no longer need (both would be published); if it is a different story, rename this file or give it its own `slug:`"),
        "{err}"
    );
}

#[test]
fn check_warns_about_stories_published_twice() {
    let site = Site::new();
    let body = "PALEMBANG — Lapas Perempuan Palembang meraih penghargaan UMKM terbaik pada Hari Bakti \
                Kemenimipas. Produk warga binaan seperti songket, tempe dan roti dinilai paling lengkap \
                di antara unit lain di Sumatera Selatan.";
    site.file(
        "content/news/2025-11-19-umkm.id.md",
        &story("UMKM Terbaik", "2025-11-19", "", body),
    )
    .file(
        "content/news/2025-11-19-umkm-revisi.id.md",
        &story(
            "Penghargaan UMKM Terbaik",
            "2025-11-19",
            "",
            &format!("{body} (revisi)"),
        ),
    )
    .file(
        "content/news/2025-11-20-b.id.md",
        &story("umkm  terbaik!", "2025-11-20", "", "Lain sama sekali."),
    )
    .file(
        "content/news/2025-11-20-b.en.md",
        &story("UMKM Terbaik", "2025-11-20", "", body),
    );
    let out = site.run(&["check"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert_eq!(out.status.code(), Some(0), "{stdout}");
    assert!(
        stdout.contains(
            "content/news/2025-11-20-b.id.md:2:1: warning: content/news/2025-11-19-umkm-revisi.id.md has the same title in this language"
        ) || stdout.contains(
            "content/news/2025-11-20-b.id.md:2:1: warning: content/news/2025-11-19-umkm.id.md has the same title in this language"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "content/news/2025-11-19-umkm.id.md:7:1: warning: the text is nearly the same as that of content/news/2025-11-19-umkm-revisi.id.md"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("if one is a copy or an older version, delete it"),
        "{stdout}"
    );
    // The English story with the same title and text is a translation, not a duplicate.
    assert!(!stdout.contains("2025-11-20-b.en.md:2:1: warning"), "{stdout}");
}

#[test]
fn check_warns_about_example_text_left_by_new() {
    let site = Site::new();
    let out = site.run(&[
        "new",
        "news",
        "Panen Raya",
        "--unit",
        "lapas-lahat",
        "--date",
        "2025-12-02",
    ]);
    assert!(out.status.success());
    assert!(
        site.run(&["new", "product", "Kopi Robusta", "--unit", "lapas-lahat"])
            .status
            .success()
    );
    let clean = site.run(&["check"]);
    assert!(
        !String::from_utf8_lossy(&clean.stdout).contains("example text"),
        "a draft is not published, so not warned about"
    );
    for file in [
        "content/news/2025-12-02-panen-raya.id.md",
        "content/products/kopi-robusta.yaml",
    ] {
        let text = std::fs::read_to_string(site.root().join(file)).expect("read");
        site.file(file, &text.replace("draft: true", "draft: false"));
    }
    let out = site.run(&["check", "--lang", "id"]);
    let stdout = String::from_utf8_lossy(&out.stdout);
    for expected in [
        "content/news/2025-12-02-panen-raya.id.md:7:11: peringatan: ini masih teks contoh yang ditulis `etalase new`",
        "content/news/2025-12-02-panen-raya.id.md:15:8: peringatan: ini masih teks contoh",
        "content/products/kopi-robusta.yaml:6:7: peringatan: ini masih teks contoh",
        "ganti dengan teks sendiri",
    ] {
        assert!(stdout.contains(expected), "missing {expected:?} in:\n{stdout}");
    }
}

#[test]
fn new_unit_takes_type_class_and_city_from_the_name() {
    let site = Site::new();
    for (name, file, expected, absent) in [
        (
            "Rutan Kelas I Palembang",
            "rutan-kelas-i-palembang",
            &["type: rutan", "class: \"I\"", "city: \"Palembang\""][..],
            "city: Kota",
        ),
        (
            "Lapas Perempuan Kelas IIA Palembang",
            "lapas-perempuan-kelas-iia-palembang",
            &["type: lpp", "city: \"Palembang\""][..],
            "city: Kota",
        ),
        (
            "Bapas Lahat",
            "bapas-lahat",
            &["type: bapas", "city: \"Lahat\""][..],
            "\nclass:",
        ),
        (
            "LPKA Kelas II Palembang",
            "lpka-kelas-ii-palembang",
            &["type: lpka"][..],
            "city: Kota",
        ),
        (
            "Kanwil Ditjenpas Jambi",
            "kanwil-ditjenpas-jambi",
            &["type: kanwil", "# city:"][..],
            "\ncity:",
        ),
    ] {
        let out = site.run(&["new", "unit", name]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let text = std::fs::read_to_string(site.root().join(format!("content/units/{file}.yaml"))).expect("unit");
        for line in expected {
            assert!(text.contains(line), "{name}: missing {line:?} in:\n{text}");
        }
        assert!(!text.contains(absent), "{name}: {absent:?} in:\n{text}");
    }
    let with_city = site.run(&["new", "unit", "Cabang Rutan Tanjung Raja", "--city", "Ogan Ilir"]);
    assert!(with_city.status.success());
    let text = std::fs::read_to_string(site.root().join("content/units/cabang-rutan-tanjung-raja.yaml")).expect("unit");
    assert!(
        text.contains("city: \"Ogan Ilir\"") && text.contains("type: cabrutan"),
        "{text}"
    );
    site.build();
    assert!(
        site.read("upt/kanwil-ditjenpas-jambi/index.html")
            .contains("Sumatera Selatan")
    );
}

#[test]
fn an_empty_configuration_says_what_it_must_hold_and_how_to_start() {
    let site = Site::new();
    for text in ["", "\n# pengaturan situs\n"] {
        site.file("etalase.yaml", text);
        let err = site.build_error();
        assert!(
            err.contains("etalase.yaml:1:1: error: etalase.yaml is empty; it must hold at least the site's `base_url`, `title` and `languages`"),
            "{err}"
        );
        assert!(err.contains("run `etalase init` in a new folder"), "{err}");
        assert!(!err.contains("end of file") && !err.contains("ends before"), "{err}");
        let id = site.run(&["check", "--lang", "id"]);
        let out = String::from_utf8_lossy(&id.stdout);
        assert!(
            out.contains("etalase.yaml kosong") && out.contains("jalankan `etalase init`"),
            "{out}"
        );
    }
}
