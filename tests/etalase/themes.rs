//! Themes: a site's templates and static files override the default theme's, interface strings
//! fall back to Indonesian, templates are minified once, and a template error names its line.

use crate::support::folders::snapshot;
use crate::support::html::{dom, stylesheet, text};
use crate::support::site::{SVG, Site, repo};

#[test]
fn site_templates_override_the_theme() {
    let site = Site::new();
    site.file(
        "templates/404.html",
        "{% extends \"base.html\" %}{% block content %}<p>Custom 404 of the site</p>{% endblock content %}",
    )
    .file("static/robots-note.txt", "hello")
    .build();
    assert!(site.read("404.html").contains("Custom 404 of the site"));
    assert!(site.read("en/404.html").contains("Custom 404 of the site"));
    assert_eq!(site.read("robots-note.txt"), "hello");
    let home = site.read("index.html");
    let css = stylesheet(&home);
    assert!(
        css.starts_with("/assets/style.") && css.ends_with(".css") && css.len() == "/assets/style.12345678.css".len(),
        "{css}"
    );
    assert!(
        site.exists(css.trim_start_matches('/')),
        "theme static files are still copied, under their hashed name"
    );
    assert!(!site.exists("style.css"));
}

#[test]
fn interface_strings_missing_in_a_language_fall_back_to_indonesian() {
    let site = Site::new();
    let en = std::fs::read_to_string(site.root().join("themes/default/i18n/en.yaml")).expect("en");
    let without = en
        .lines()
        .filter(|l| !l.trim_start().starts_with("nav_awards:"))
        .collect::<Vec<_>>()
        .join("\n");
    site.file("themes/default/i18n/en.yaml", &without).build();
    let home = text(&site.read("en/index.html"));
    assert!(
        home.contains("Penghargaan"),
        "the Indonesian label stands in for the missing English one"
    );
    assert!(home.contains("Products"), "the other English strings stay");
}

/// Templates are minified once instead of every page; the pages must read the same.
#[test]
fn minified_templates_render_the_pages_per_page_minification_does() {
    use etalase::kinds::Renderer;
    use etalase::render::{Minify, RenderOptions, Templates};
    use etalase::theme::Theme;
    use std::sync::Arc;

    let options = etalase::BuildOptions {
        root: repo(),
        ..Default::default()
    };
    let site = etalase::build::load_site(&options).expect("demo site loads");
    // The demo's raster placeholder, so that <picture> with srcset is compared too.
    let processor = etalase::media::Processor::new(&options.root);
    let photos = etalase::build::photos(&processor, &site, etalase::media::Mode::Check)
        .expect("photos")
        .0;
    assert!(!photos.0.is_empty());
    let (site, photos) = (Arc::new(site), Arc::new(photos));
    let theme = Theme::load(&options.root, &site.config).expect("theme loads");
    let renderer = |minify| {
        let templates = Templates::minifying(&theme, minify).expect("templates compile");
        Renderer::new(
            site.clone(),
            photos.clone(),
            Arc::new(templates),
            RenderOptions::default(),
        )
    };
    let (by_template, by_page) = (renderer(Minify::Templates), renderer(Minify::Pages));
    assert_eq!(
        by_template.minify(),
        Minify::Templates,
        "the default theme minifies by template"
    );
    assert_eq!(by_page.minify(), Minify::Pages);

    let mut compared = 0;
    for job in by_template
        .pages()
        .into_iter()
        .filter(|&page| by_template.place(page).html)
    {
        let fast = by_template.render(job).expect("renders").bytes;
        let slow = by_page.render(job).expect("renders").bytes;
        let (fast, slow) = (String::from_utf8(fast).unwrap(), String::from_utf8(slow).unwrap());
        // minify-html drops an attribute that holds its default value; in a template the value
        // comes from a Tera tag, so it stays.
        let fast_dom: Vec<String> = dom(&fast)
            .into_iter()
            .map(|t| t.replace(", \"loading\": \"eager\"", ""))
            .collect();
        let slow_dom = dom(&slow);
        if let Some(at) = (0..fast_dom.len().max(slow_dom.len())).find(|&i| fast_dom.get(i) != slow_dom.get(i)) {
            let window = |d: &[String]| d[at.saturating_sub(2)..(at + 3).min(d.len())].to_vec();
            panic!(
                "{job:?} differs at {at}:\n by template: {:?}\n by page:     {:?}",
                window(&fast_dom),
                window(&slow_dom)
            );
        }
        assert!(
            fast.len() <= slow.len() * 104 / 100,
            "{job:?}: {} bytes against {}",
            fast.len(),
            slow.len()
        );
        compared += 1;
    }
    assert!(compared > 30, "only {compared} pages compared");
}

#[test]
fn a_template_error_names_the_line_the_author_wrote() {
    let site = Site::new();
    site.file(
        "templates/404.html",
        "{% extends \"base.html\" %}\n{% block content %}\n<p>\n  {{ no_such_thing.field }}\n</p>\n{% endblock content %}",
    );
    let error = site.build_error();
    assert!(error.contains("404.html"), "{error}");
    assert!(error.contains(":4:") || error.contains("line 4"), "{error}");
}

#[test]
fn a_template_with_a_tag_between_attributes_is_still_minified_page_by_page() {
    let site = Site::new();
    site.file(
        "templates/404.html",
        "{% extends \"base.html\" %}{% block content %}\n  <p id=\"lost\"{% if true %} class=\"note\"{% endif %}>\n    Not   here\n  </p>\n{% endblock content %}",
    )
    .build();
    let page = site.read("404.html");
    assert!(page.contains("<p class=note id=lost>Not here</p>"), "{page}");
}

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
    let page = std::fs::read_to_string(repo().join("themes/default/templates/page.html")).expect("page.html");
    site.file(
        "templates/page.html",
        &page.replace("</article>", "<p>disusun sendiri</p></article>"),
    )
    .file("static/favicon.svg", SVG)
    .file(
        "content/pages/tentang.id.md",
        "---\ntitle: Tentang\nsummary: Tentang situs.\n---\nIsi.\n",
    )
    .build();
    assert!(site.read("tentang/index.html").contains("disusun sendiri"));
    assert_eq!(site.read("favicon.svg"), SVG);
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
