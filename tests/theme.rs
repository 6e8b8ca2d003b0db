//! The default theme built into the program: a site without `themes/default/` builds with it,
//! exactly as with the folder, and the site's own `templates/` and `static/` still override it.

mod common;

use common::{Site, snapshot};

#[test]
fn a_site_without_a_theme_folder_builds_with_the_builtin_theme_as_with_the_folder() {
    let with_folder = Site::new();
    with_folder.build();
    let builtin = Site::new();
    std::fs::remove_dir_all(builtin.root().join("themes")).expect("remove themes/");
    builtin.build();
    assert_eq!(snapshot(&with_folder.public()), snapshot(&builtin.public()));
    let check = builtin.run(&["check"]);
    assert!(check.status.success(), "{}", String::from_utf8_lossy(&check.stdout));
}

#[test]
fn the_sites_own_templates_and_static_files_override_the_builtin_theme() {
    let site = Site::new();
    std::fs::remove_dir_all(site.root().join("themes")).expect("remove themes/");
    let page = std::fs::read_to_string(common::repo().join("themes/default/templates/page.html")).expect("page.html");
    site.file(
        "templates/page.html",
        &page.replace("</article>", "<p>disusun sendiri</p></article>"),
    )
    .file("static/favicon.svg", common::SVG)
    .file(
        "content/pages/tentang.id.md",
        "---\ntitle: Tentang\nsummary: Tentang situs.\n---\nIsi.\n",
    )
    .build();
    assert!(site.read("tentang/index.html").contains("disusun sendiri"));
    assert_eq!(site.read("favicon.svg"), common::SVG);
}

#[test]
fn another_missing_theme_is_still_an_error() {
    let site = Site::new();
    std::fs::remove_dir_all(site.root().join("themes")).expect("remove themes/");
    let config = std::fs::read_to_string(site.root().join("etalase.yaml")).expect("config");
    site.file("etalase.yaml", &format!("theme: gelap\n{config}"));
    let error = site.build_error();
    assert!(error.contains("the theme `gelap` is not in themes/"), "{error}");
}
