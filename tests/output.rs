//! The output folder under stress: builds that overlap, links planted in the output, a swap
//! watched from outside, a removal cut short, and folders that Etalase did not write.

mod common;
use common::*;

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const MARKER: &str = ".etalase-output";

/// Starts `etalase build` in the site folder without waiting for it.
fn spawn_build(site: &Site) -> Child {
    Command::new(env!("CARGO_BIN_EXE_etalase"))
        .arg("build")
        .current_dir(site.root())
        .env("NO_COLOR", "1")
        .env("LC_ALL", "C")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start etalase build")
}

/// The folders beside the site's output whose names contain `part`.
fn beside(site: &Site, part: &str) -> Vec<String> {
    std::fs::read_dir(site.root())
        .expect("read the site folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(part))
        .collect()
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
