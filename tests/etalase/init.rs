//! `etalase init`: a new site builds and checks clean at once, keeps every file that was
//! already there, asks in a terminal for what the flags do not give, and says which flags are
//! missing when there is no terminal to ask in.

use std::path::Path;
use std::process::{Command, Output, Stdio};

use crate::support::folders::{files, snapshot};
use crate::support::site::repo;

const FLAGS: &[&str] = &[
    "--unit",
    "Lapas Kelas IIA Contoh",
    "--city",
    "Kota Contoh",
    "--region",
    "Sumatera Selatan",
    "--base-url",
    "https://contoh.netlify.app",
];

/// Runs `etalase <args>` in `dir`, with no terminal.
fn etalase(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_etalase"))
        .args(args)
        .current_dir(dir)
        .env("LC_ALL", "C")
        .stdin(Stdio::null())
        .output()
        .expect("run etalase")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn init(dir: &Path, extra: &[&str]) -> Output {
    let mut args = vec!["init", "situs"];
    args.extend(extra);
    args.extend(FLAGS);
    etalase(dir, &args)
}

#[test]
fn a_new_site_builds_and_checks_clean_at_once() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = init(dir.path(), &[]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let site = dir.path().join("situs");
    let mut written = files(&site);
    written.sort();
    let news = |lang: &str| {
        written
            .iter()
            .find(|f| f.starts_with("content/news/") && f.ends_with(&format!("-contoh-berita.{lang}.md")))
            .cloned()
            .unwrap_or_else(|| panic!("an example story in {lang}: {written:?}"))
    };
    for expected in [
        "etalase.yaml",
        "content/units/lapas-kelas-iia-contoh.yaml",
        "content/products/contoh-produk.yaml",
        "netlify.toml",
        "package.json",
        ".gitignore",
        "README.md",
        "PANDUAN-PENULIS.md",
        ".vscode/settings.json",
        ".vscode/extensions.json",
        ".vscode/schemas/product.schema.json",
        ".github/workflows/periksa.yml",
        ".github/workflows/github-pages.yml",
        &news("id"),
        &news("en"),
    ] {
        assert!(written.iter().any(|f| f == expected), "{expected} in {written:?}");
    }
    assert!(!site.join("themes").exists(), "the theme is built in");

    for args in [&["check", "--strict"][..], &["check", "--strict", "--drafts"]] {
        let check = etalase(&site, args);
        assert_eq!(check.status.code(), Some(0), "{args:?}:\n{}", stdout(&check));
        assert!(stdout(&check).ends_with("0 errors, 0 warnings\n"), "{}", stdout(&check));
    }
    let build = etalase(&site, &["build"]);
    assert!(build.status.success(), "{}", String::from_utf8_lossy(&build.stderr));
    let home = std::fs::read_to_string(site.join("public/index.html")).expect("home page");
    assert!(home.contains("Etalase Lapas Kelas IIA Contoh"));
    assert!(
        home.contains("https://contoh.netlify.app/"),
        "canonical links use the new base URL"
    );
    assert!(
        !site.join("public/produk/contoh-produk").exists() && !site.join("public/berita/contoh-berita").exists(),
        "the examples are drafts"
    );
    let unit = std::fs::read_to_string(site.join("public/upt/lapas-kelas-iia-contoh/index.html")).expect("unit page");
    assert!(unit.contains("Kota Contoh"));

    let drafts = etalase(&site, &["build", "--drafts"]);
    assert!(drafts.status.success(), "{}", String::from_utf8_lossy(&drafts.stderr));
    assert!(site.join("public/produk/contoh-produk/index.html").is_file());
    assert!(site.join("public/berita/contoh-berita/index.html").is_file());
}

#[test]
fn init_keeps_every_file_that_is_already_there() {
    let dir = tempfile::tempdir().expect("temp dir");
    let site = dir.path().join("situs");
    std::fs::create_dir_all(site.join(".github/workflows")).expect("mkdir");
    std::fs::write(site.join("README.md"), "# Repositori kami\n").expect("write");
    std::fs::write(site.join(".gitignore"), "/rahasia\n").expect("write");
    std::fs::write(site.join(".github/workflows/periksa.yml"), "name: milik kami\n").expect("write");
    let out = init(dir.path(), &[]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert_eq!(
        std::fs::read_to_string(site.join("README.md")).expect("read"),
        "# Repositori kami\n"
    );
    assert_eq!(
        std::fs::read_to_string(site.join(".gitignore")).expect("read"),
        "/rahasia\n"
    );
    assert_eq!(
        std::fs::read_to_string(site.join(".github/workflows/periksa.yml")).expect("read"),
        "name: milik kami\n"
    );
    assert!(
        stdout(&out).contains("Kept     README.md (it was already there)"),
        "{}",
        stdout(&out)
    );
    assert!(site.join("etalase.yaml").is_file());

    // A folder that holds a site already is refused as a whole.
    let before = snapshot(&site);
    let again = init(dir.path(), &["--lang", "id"]);
    assert_eq!(again.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(
        stderr.contains("etalase.yaml: kesalahan: folder ini sudah berisi situs"),
        "{stderr}"
    );
    assert_eq!(snapshot(&site), before, "nothing was overwritten");
}

#[test]
fn without_a_terminal_init_names_the_missing_flags_and_writes_nothing() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = etalase(
        dir.path(),
        &["init", "situs", "--unit", "Lapas Kelas IIA Contoh", "--lang", "id"],
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.starts_with("Belum diisi: --base-url, --city, --region\n"),
        "{stderr}"
    );
    assert!(!dir.path().join("situs").exists());

    let bad = etalase(
        dir.path(),
        &[
            "init",
            "situs",
            "--unit",
            "x",
            "--city",
            "x",
            "--region",
            "x",
            "--base-url",
            "contoh.id",
        ],
    );
    assert_eq!(bad.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("`contoh.id` is not an absolute URL"));
    assert!(!dir.path().join("situs/etalase.yaml").exists());
}

#[test]
fn in_a_terminal_init_asks_for_what_the_flags_do_not_give() {
    let script = which("script").expect("`script` (util-linux) is missing: it gives init a terminal to ask in");
    let dir = tempfile::tempdir().expect("temp dir");
    // Name, type [lapas], class [IIB], city, region, Indonesian title [default], English title,
    // a wrong address and then a right one.
    let answers = "Rutan Kelas IIB Contoh\n\n\nKota Contoh\nSumatera Selatan\n\nExample Showcase\ncontoh.id\nhttps://contoh.netlify.app\n";
    let command = format!("{} init situs --lang en", env!("CARGO_BIN_EXE_etalase"));
    let mut child = Command::new(script)
        .args(["-qec", &command, "/dev/null"])
        .current_dir(dir.path())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("run script");
    use std::io::Write;
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(answers.as_bytes())
        .expect("answer");
    let out = child.wait_with_output().expect("wait");
    let shown = stdout(&out);
    assert!(out.status.success(), "{shown}");
    assert!(shown.contains("Unit type [rutan]: "), "{shown}");
    assert!(
        shown.contains("Write the full address, starting with https://"),
        "{shown}"
    );
    let site = dir.path().join("situs");
    let config = std::fs::read_to_string(site.join("etalase.yaml")).expect("config");
    assert!(
        config.contains("  id: \"Etalase Rutan Kelas IIB Contoh\"\n  en: \"Example Showcase\""),
        "{config}"
    );
    assert!(config.contains("base_url: \"https://contoh.netlify.app\""), "{config}");
    let unit = std::fs::read_to_string(site.join("content/units/rutan-kelas-iib-contoh.yaml")).expect("unit");
    assert!(
        unit.contains("type: rutan") && unit.contains("class: \"IIB\""),
        "{unit}"
    );
}

#[test]
fn the_new_sites_package_json_pins_this_version_and_the_repositorys_pagefind() {
    let dir = tempfile::tempdir().expect("temp dir");
    assert!(init(dir.path(), &[]).status.success());
    let read = |path: &Path| -> serde_json::Value {
        serde_json::from_str(&std::fs::read_to_string(path).expect("read")).expect("json")
    };
    let site = read(&dir.path().join("situs/package.json"));
    let ours = read(&repo().join("package.json"));
    assert_eq!(site["devDependencies"]["etalase"], env!("CARGO_PKG_VERSION"));
    assert_eq!(site["devDependencies"]["pagefind"], ours["devDependencies"]["pagefind"]);
}

fn which(tool: &str) -> Option<std::path::PathBuf> {
    std::env::var_os("PATH")
        .into_iter()
        .flat_map(|paths| std::env::split_paths(&paths).collect::<Vec<_>>())
        .map(|dir| dir.join(tool))
        .find(|path| path.is_file())
}

#[test]
fn the_new_sites_netlify_toml_sends_the_demos_security_headers() {
    let dir = tempfile::tempdir().expect("temp dir");
    assert!(init(dir.path(), &[]).status.success());
    let headers = |text: &str| -> Vec<String> {
        text.lines()
            .map(str::trim)
            .filter(|l| l.contains(" = \"") && !l.starts_with('#'))
            .filter(|l| !l.starts_with("command") && !l.starts_with("ETALASE"))
            .map(String::from)
            .collect()
    };
    let site = std::fs::read_to_string(dir.path().join("situs/netlify.toml")).expect("site");
    let demo = std::fs::read_to_string(repo().join("netlify.toml")).expect("demo");
    assert_eq!(headers(&site), headers(&demo));
}
