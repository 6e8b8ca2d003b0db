//! The output folder: a build replaces it whole or not at all, reuses the previous one, and
//! never replaces a folder Etalase did not write — also under stress: builds that overlap,
//! links planted in the output, a swap watched from outside, a removal cut short.

use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

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

const MARKER: &str = ".etalase-output";

/// Adds `n` stories with long bodies, enough for a build to take a while to write.
fn many_stories(site: &Site, n: usize) {
    for n in 0..n {
        let date = format!("2024-{:02}-{:02}", 1 + n % 12, 1 + n % 28);
        site.file(
            &format!("content/news/{date}-s{n}.id.md"),
            &story(&format!("Cerita {n}"), &date, "", &"Isi. ".repeat(200)),
        );
    }
}

/// Starts `etalase build` in the site folder without waiting for it.
fn spawn_build(site: &Site) -> Child {
    etalase()
        .arg("build")
        .current_dir(site.root())
        .env("NO_COLOR", "1")
        .env("LC_ALL", "C")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start etalase build")
}

fn sorted_files(dir: &Path) -> Vec<String> {
    let mut all = files(dir);
    all.sort();
    all
}

/// The names in the site folder, beside its output, that contain `part`.
fn beside(site: &Site, part: &str) -> Vec<String> {
    std::fs::read_dir(site.root())
        .expect("read the site folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(part))
        .collect()
}

#[test]
fn overlapping_builds_always_leave_a_whole_site() {
    let site = Site::new();
    many_stories(&site, 1500);
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let fresh = elsewhere.path().join("public");
    let out = site.run(&["build", "--output", fresh.to_str().expect("utf-8")]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let expected = sorted_files(&fresh);
    assert!(expected.iter().any(|f| f == MARKER));
    for round in 0..6 {
        // Each round changes a page, so that both builds have something to write (its text,
        // not its title: a title is drawn on the story's share card, a file of its own).
        site.file(
            "content/news/2024-01-01-s0.id.md",
            &story("Cerita 0", "2024-01-01", "", &format!("Isi {round}.")),
        );
        let builds = [spawn_build(&site), spawn_build(&site)];
        for build in builds {
            let out = build.wait_with_output().expect("wait for the build");
            assert!(
                out.status.success(),
                "round {round}: {}",
                String::from_utf8_lossy(&out.stderr)
            );
        }
        assert!(
            sorted_files(&site.public()) == expected,
            "round {round}: public/ holds exactly what a fresh build writes"
        );
    }
}

/// Links every file of `from` into `to`, as `cp -al from to` does.
fn link_tree(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk");
        let target = to.join(entry.path().strip_prefix(from).expect("prefix"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::hard_link(entry.path(), &target).expect("link");
        }
    }
}

#[test]
fn a_hard_linked_snapshot_of_the_output_is_never_changed() {
    let site = Site::new();
    let page = "content/news/2025-11-19-a.id.md";
    site.file(page, &story("Versi 1", "2025-11-19", "", "x")).build();
    let snap = site.root().join("snap");
    link_tree(&site.public(), &snap);
    let before = snapshot(&snap);
    // The linked folder is replaced by the next build and reused by the one after.
    for version in 2..=4 {
        site.file(page, &story(&format!("Versi {version}"), "2025-11-19", "", "x"))
            .build();
    }
    assert!(site.read("berita/a/index.html").contains("Versi 4"));
    assert!(snapshot(&snap) == before, "the snapshot is exactly as it was taken");
}

#[cfg(unix)]
#[test]
fn a_symlink_planted_in_the_output_is_not_followed() {
    use std::os::unix::fs::symlink;
    let site = Site::new();
    site.build();
    assert!(site.exists("media/gula.svg") && site.exists("index.html"));
    let outside = tempfile::tempdir().expect("temp dir");
    let theirs = outside.path().join("theirs.html");
    std::fs::write(&theirs, "not the site's").expect("write");
    std::fs::remove_dir_all(site.public().join("media")).expect("remove");
    symlink(outside.path(), site.public().join("media")).expect("link a folder");
    std::fs::remove_file(site.public().join("index.html")).expect("remove");
    symlink(&theirs, site.public().join("index.html")).expect("link a file");
    // The planted folder is replaced by the next build and reused by the one after.
    site.build().build().build();
    assert_eq!(sorted_files(outside.path()), ["theirs.html"], "nothing written outside");
    assert_eq!(std::fs::read_to_string(&theirs).expect("read"), "not the site's");
    for path in ["media", "index.html"] {
        let meta = std::fs::symlink_metadata(site.public().join(path)).expect("exists");
        assert!(!meta.file_type().is_symlink(), "{path} is the site's own");
    }
    assert!(site.exists("media/gula.svg"));
}

#[test]
fn the_output_folder_never_disappears_during_a_swap() {
    let site = Site::new();
    site.build();
    let marker = site.public().join(MARKER);
    let stop = AtomicBool::new(false);
    let missing = AtomicUsize::new(0);
    std::thread::scope(|scope| {
        scope.spawn(|| {
            while !stop.load(Ordering::Relaxed) {
                if !marker.exists() {
                    missing.fetch_add(1, Ordering::Relaxed);
                }
            }
        });
        for _ in 0..20 {
            site.build();
        }
        stop.store(true, Ordering::Relaxed);
    });
    assert_eq!(
        missing.into_inner(),
        0,
        "public/ was missing while a build swapped it in"
    );
}

#[test]
fn a_swap_cut_short_between_its_two_renames_is_repaired_first() {
    let site = Site::new();
    site.build();
    let before = snapshot(&site.public());
    // Where folders cannot be exchanged in one step, a build killed between the two renames
    // leaves the previous output aside and none in place.
    let aside = site.root().join(".public.etalase-aside");
    std::fs::rename(site.public(), &aside).expect("move aside");
    // The next build fails while rendering, after it has opened the output.
    site.file(
        "templates/404.html",
        "{% extends \"base.html\" %}{% block content %}{{ no_such_thing.field }}{% endblock content %}",
    );
    site.build_error();
    assert!(
        snapshot(&site.public()) == before,
        "the previous output is back in place"
    );
    assert!(!aside.exists());
}

/// A staging folder as a killed build leaves it: a marker, then 400 or more folders of ten
/// files. Entries that a removal would read before the marker are deleted, so that removing
/// the folder in reading order would take the marker first. Returns some entries to watch.
fn leftover(dir: &Path) -> Vec<PathBuf> {
    std::fs::create_dir_all(dir).expect("mkdir");
    std::fs::write(dir.join(MARKER), "x").expect("write");
    let mut made = 0;
    for _ in 0..100 {
        let order: Vec<_> = std::fs::read_dir(dir)
            .expect("read")
            .flatten()
            .map(|e| e.path())
            .collect();
        let at = order.iter().position(|p| p.ends_with(MARKER)).expect("marker");
        for early in &order[..at] {
            std::fs::remove_dir_all(early).expect("remove");
        }
        if order.len() - at > 400 {
            return order[at + 1..].iter().step_by(20).cloned().collect();
        }
        for _ in 0..100 {
            let folder = dir.join(format!("d{made}"));
            std::fs::create_dir(&folder).expect("mkdir");
            for file in 0..10 {
                std::fs::write(folder.join(format!("{file}.html")), "x").expect("write");
            }
            made += 1;
        }
    }
    panic!("the folder never held 400 entries after its marker");
}

#[test]
fn an_interrupted_removal_is_finished_by_the_next_build() {
    let site = Site::new();
    site.build();
    let stale = site.root().join(".public.etalase-staging-1");
    let watched = leftover(&stale);
    let mut build = spawn_build(&site);
    // Kill the build once its removal of the folder is under way: the marker is gone, or
    // half of the watched entries are.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let gone = watched.iter().filter(|p| !p.exists()).count();
        let finished = build.try_wait().expect("wait").is_some();
        if !stale.join(MARKER).exists() || gone * 2 >= watched.len() || finished || Instant::now() > deadline {
            break;
        }
    }
    let _ = build.kill();
    let _ = build.wait();
    let empty = std::fs::read_dir(&stale).is_ok_and(|mut d| d.next().is_none());
    assert!(
        !stale.exists() || empty || stale.join(MARKER).exists(),
        "a removal cut short leaves the marker for last"
    );
    site.build();
    assert!(!stale.exists(), "the next build finishes the removal");
}

#[test]
fn an_unmarked_folder_named_like_the_spare_is_never_deleted() {
    let site = Site::new();
    site.build();
    let before = snapshot(&site.public());
    site.file(".public.etalase-spare/notes.txt", "precious");
    let out = site.run(&["build"]);
    assert!(!out.status.success(), "the build is refused");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains(".public.etalase-spare") && stderr.contains("did not write"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(site.root().join(".public.etalase-spare/notes.txt")).expect("kept"),
        "precious"
    );
    assert!(snapshot(&site.public()) == before, "the output is as it was");
    assert!(beside(&site, "etalase-staging").is_empty(), "nothing was written");
}

#[test]
fn a_refused_output_folder_creates_nothing() {
    let site = Site::new();
    for bad in [
        "content/newdir/out",
        "content/../content/deeper/out",
        "nowhere/../content/x/out",
    ] {
        let out = site.run(&["build", "--output", bad]);
        assert!(!out.status.success(), "--output {bad} is refused");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains("inside the content folder"), "{stderr}");
    }
    for made in ["content/newdir", "content/deeper", "content/x", "nowhere"] {
        assert!(!site.root().join(made).exists(), "{made} was created");
    }
    assert!(beside(&site, ".public.").is_empty(), "no lock or staging folder");
}
