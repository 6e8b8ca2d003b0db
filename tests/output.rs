//! The output folder under stress: builds that overlap, links planted in the output, a swap
//! watched from outside, a removal cut short, and folders that Etalase did not write.

mod common;
use common::*;

/// The folders beside the site's output whose names contain `part`.
fn beside(site: &Site, part: &str) -> Vec<String> {
    std::fs::read_dir(site.root())
        .expect("read the site folder")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| name.contains(part))
        .collect()
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
