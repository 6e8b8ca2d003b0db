//! The output folder: a build replaces it whole or not at all, reuses the previous one, and
//! never replaces a folder Etalase did not write.

use std::path::PathBuf;

use crate::support::folders::{files, snapshot};
use crate::support::site::{Site, etalase, story};

/// The staging folders in the site folder, where a build writes before it swaps the result in.
fn staging_folders(site: &Site) -> Vec<PathBuf> {
    std::fs::read_dir(site.root())
        .expect("read root")
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().contains("etalase-staging"))
        .map(|e| e.path())
        .collect()
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
    let leftovers = staging_folders(&site);
    assert!(leftovers.is_empty(), "no staging folder is left behind: {leftovers:?}");
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
    let out = etalase()
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
fn a_relative_output_folder_is_relative_to_the_working_directory() {
    let site = Site::new();
    let parent = site.root().parent().expect("parent").to_path_buf();
    let name = site.root().file_name().expect("name").to_string_lossy().into_owned();
    let out = etalase()
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
    let mut child = etalase()
        .arg("build")
        .current_dir(site.root())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .expect("build");
    // Kill it as soon as it has started writing.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    let writing = || staging_folders(&site).iter().any(|dir| dir.join("berita").exists());
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
    let leftovers = staging_folders(&site);
    assert!(
        leftovers.is_empty(),
        "the interrupted staging folder is cleaned up: {leftovers:?}"
    );
}
