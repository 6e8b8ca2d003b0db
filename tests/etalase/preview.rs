//! Previewing while writing, `etalase serve`: a real server, a real file watcher and real HTTP
//! against fixture sites, and a real browser (headless Chromium) on the page being written.

use crate::support::browser::Browser;
use crate::support::html::{elements, stylesheet};
use crate::support::http::http_get_as;
use crate::support::served::Preview;
use crate::support::served::State::{Broken, Built};
use crate::support::servers::Server;
use crate::support::site::{CONFIG, PRODUCT_GULA, Site, UNIT_LAHAT, etalase, repo, story};
use crate::support::tools::{Tool, missing};
use crate::support::writer::{Rng, Writer};

fn body(version: &str) -> String {
    story(
        "Cerita A",
        "2025-11-19",
        "programs: [ac-3]\n",
        &format!("Isi {version}."),
    )
}

#[test]
fn edits_are_served_live_and_errors_never_stop_the_server() {
    let site = Site::new();
    site.file("content/news/2025-11-19-a.id.md", &body("versi satu"));
    let server = Server::start(site.root(), &[]);
    let page = server.get("/berita/a/");
    assert_eq!(page.status, 200);
    assert!(page.text().contains("versi satu"));
    assert!(
        page.text().contains("/__etalase/live.js"),
        "the reload script is injected when serving"
    );
    assert!(
        !page.text().contains("https://example.test"),
        "links point at the local server"
    );
    assert!(page.text().contains(&server.url));

    let events = server.events();
    site.file("content/news/2025-11-19-a.id.md", &body("versi dua"));
    events.wait("reload");
    assert!(server.get("/berita/a/").text().contains("versi dua"));

    // A broken save: the last good page stays served and every client is told why.
    site.file("content/news/2025-11-19-a.id.md", "---\ntitle: [oops\n---\n");
    let error = events.wait("build-error");
    assert!(error.contains("content/news/2025-11-19-a.id.md:2"), "{error}");
    let page = server.get("/berita/a/");
    assert_eq!(page.status, 200);
    assert!(page.text().contains("versi dua"));
    let late = server.events();
    assert!(
        late.wait("build-error").contains("2025-11-19-a.id.md"),
        "a page opened later sees the error too"
    );

    site.file("content/news/2025-11-19-a.id.md", &body("versi tiga"));
    events.wait("reload");
    assert!(server.get("/berita/a/").text().contains("versi tiga"));

    // New and deleted stories show up in the lists.
    site.file(
        "content/news/2025-11-20-b.id.md",
        &story("Cerita B", "2025-11-20", "", "Isi B."),
    );
    events.wait("reload");
    assert!(server.get("/berita/").text().contains("/berita/b/"));
    assert!(server.get("/asta-cita/ac-3/").text().contains("/berita/a/"));
    site.remove("content/news/2025-11-20-b.id.md");
    events.wait("reload");
    assert!(!server.get("/berita/").text().contains("/berita/b/"));
    assert_eq!(server.get("/berita/b/").status, 404);

    // A stylesheet change swaps the CSS instead of reloading.
    let css = std::fs::read_to_string(site.root().join("themes/default/static/style.css")).expect("css");
    site.file("themes/default/static/style.css", &format!("{css}\n.x{{color:red}}"));
    events.wait("css");
    let page = server.get("/berita/a/").text();
    let css = stylesheet(&page);
    assert!(
        server.get(&css).text().contains(".x{color:red}"),
        "the page links the new stylesheet"
    );

    // The terminal reported the broken save once.
    let printed: Vec<String> = server.output.try_iter().collect();
    let reports = printed.iter().filter(|l| l.contains("2025-11-19-a.id.md:2")).count();
    assert_eq!(reports, 1, "{printed:#?}");
}

#[test]
fn only_the_built_site_is_reachable() {
    let site = Site::new();
    site.file("content/news/2025-11-19-a.id.md", &body("satu"));
    std::fs::create_dir_all(site.root().join("static")).expect("mkdir");
    let secret = tempfile::NamedTempFile::new().expect("secret");
    std::fs::write(secret.path(), "rahasia").expect("write");
    std::os::unix::fs::symlink(secret.path(), site.root().join("static/leak.txt")).expect("symlink");
    std::os::unix::fs::symlink(secret.path(), site.root().join("content/media/leak.svg")).expect("symlink");
    let server = Server::start(site.root(), &[]);
    for path in [
        "/../etalase.yaml",
        "/%2e%2e/etalase.yaml",
        "/%2E%2E/%2E%2E/etc/passwd",
        "/..%2fetalase.yaml",
        "/etalase.yaml",
        "/content/news/2025-11-19-a.id.md",
        "/leak.txt",
        "/media/leak.svg",
    ] {
        let response = server.get(path);
        assert!(
            matches!(response.status, 400 | 403 | 404),
            "{path}: {}",
            response.status
        );
        let text = response.text();
        assert!(
            !text.contains("base_url") && !text.contains("rahasia") && !text.contains("root:"),
            "{path} leaked"
        );
    }
    let missing = server.get("/en/tidak-ada/");
    assert_eq!(missing.status, 404);
    let html_lang = |html: &str| elements(html).first().and_then(|e| e.attr("lang").map(String::from));
    assert_eq!(
        html_lang(&missing.text()).as_deref(),
        Some("en"),
        "the English 404 page for English paths"
    );
    assert_eq!(html_lang(&server.get("/tidak-ada/").text()).as_deref(), Some("id"));
    let redirect = server.get("/berita");
    assert_eq!(redirect.status, 301);
    assert!(redirect.headers.to_ascii_lowercase().contains("location: /berita/"));
}

#[test]
fn the_dev_server_answers_only_loopback_host_names() {
    let site = Site::new();
    site.file("content/news/2025-11-19-a.id.md", &body("satu")).file(
        "content/news/2025-11-20-rahasia.id.md",
        &story("Rahasia", "2025-11-20", "draft: true\n", "Belum terbit."),
    );
    let server = Server::start(site.root(), &["--drafts"]);
    let port = server.addr.rsplit(':').next().expect("port");
    for host in [
        format!("localhost:{port}"),
        server.addr.clone(),
        format!("[::1]:{port}"),
    ] {
        assert_eq!(
            http_get_as(&server.addr, "/berita/rahasia/", &host).status,
            200,
            "{host}"
        );
    }
    // A page on another site whose name was rebound to 127.0.0.1 sends its own name.
    for host in [
        format!("rebind.example:{port}"),
        "rebind.example".to_string(),
        format!("localhost.evil.test:{port}"),
    ] {
        for path in ["/berita/rahasia/", "/__etalase/events", "/__etalase/live.js", "/"] {
            let response = http_get_as(&server.addr, path, &host);
            assert_eq!(response.status, 403, "{host}{path}");
            assert!(!response.text().contains("Rahasia"), "{host}{path}");
        }
    }
}

#[test]
fn the_dev_server_sends_the_content_security_policy_of_the_published_site() {
    let site = Site::new();
    site.file("content/news/2025-11-19-a.id.md", &body("satu"));
    let server = Server::start(site.root(), &[]);
    let netlify = std::fs::read_to_string(repo().join("netlify.toml")).expect("netlify.toml");
    let policy = netlify
        .lines()
        .find_map(|l| l.trim().strip_prefix("Content-Security-Policy = "))
        .expect("netlify.toml sends a policy")
        .trim_matches('"');
    for path in ["/", "/berita/a/", "/media/rapat.svg", "/tidak-ada/"] {
        let response = server.get(path);
        let headers = response.headers.to_ascii_lowercase();
        assert!(
            headers.contains(&format!("content-security-policy: {}", policy.to_ascii_lowercase())),
            "{path}: {}",
            response.headers
        );
        assert!(headers.contains("x-content-type-options: nosniff"), "{path}");
    }
}

#[test]
fn the_server_listens_on_localhost_and_moves_off_a_busy_port() {
    let busy = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = busy.local_addr().expect("addr").port().to_string();
    let site = Site::new();
    let mut child = etalase()
        .args(["serve", "--port", &port, "--root"])
        .arg(site.root())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("serve");
    let mut stdout = std::io::BufReader::new(child.stdout.take().expect("stdout"));
    let mut lines = Vec::new();
    loop {
        let mut line = String::new();
        if std::io::BufRead::read_line(&mut stdout, &mut line).expect("read") == 0 {
            break;
        }
        lines.push(line.clone());
        if line.starts_with("Serving the site at") {
            break;
        }
    }
    let _ = child.kill();
    let _ = child.wait();
    let all = lines.concat();
    assert!(all.contains(&format!("Port {port} is in use")), "{all}");
    assert!(all.contains("Serving the site at http://127.0.0.1:"), "{all}");
}

/// The site the incremental tests edit: two stories (one naming a product) and a plain page
/// in the menu.
fn two_stories_and_a_page() -> Site {
    let site = Site::new();
    site.file("content/news/2025-11-19-a.id.md", &body("satu"))
        .file(
            "content/news/2025-11-18-b.id.md",
            &story("Cerita B", "2025-11-18", "products: [gula-semut]\n", "B."),
        )
        .file(
            "content/pages/tentang.id.md",
            "---\ntitle: Tentang\nmenu: 1\n---\nHalaman tentang.\n",
        );
    site
}

#[test]
fn incremental_rebuilds_equal_a_full_build() {
    let site = two_stories_and_a_page();
    // Each save is compared with a full build of the files as they are then: a page left
    // stale by one save is seen at that save, not hidden by a later one that renders all.
    let mut preview = Preview::start(&site, &[]);
    assert_eq!(preview.save("content/news/2025-11-19-a.id.md", &body("dua")), Built);
    let award = story(
        "Cerita C",
        "2025-11-21",
        "award: { name: Juara, giver: Kanwil }\n",
        "C.",
    );
    assert_eq!(preview.save("content/news/2025-11-21-c.id.md", &award), Built);
    assert_eq!(preview.remove("content/news/2025-11-18-b.id.md"), Built);
    assert_eq!(
        preview.rename("content/news/2025-11-21-c.id.md", "content/news/2025-11-21-d.id.md"),
        Built
    );
    assert_eq!(
        preview.server.get("/berita/c/").status,
        404,
        "the renamed story's old page is gone"
    );
    let english = story("Story A", "2025-11-19", "programs: [ac-3]\n", "Body.");
    assert_eq!(preview.save("content/news/2025-11-19-a.en.md", &english), Built);
    let price = PRODUCT_GULA.replace("25000", "27500");
    assert_eq!(preview.save("content/products/gula-semut.yaml", &price), Built);
    let unit = UNIT_LAHAT.replace("Lapas Kelas IIA Lahat", "Lapas Lahat Baru");
    assert_eq!(preview.save("content/units/lapas-lahat.yaml", &unit), Built);
    let page = "---\ntitle: Tentang Kami\nmenu: 1\n---\nHalaman tentang.\n";
    assert_eq!(preview.save("content/pages/tentang.id.md", page), Built);
    let config = CONFIG.replace("Etalase Uji", "Etalase Uji Dua");
    assert_eq!(preview.save("etalase.yaml", &config), Built);
}

#[test]
fn the_polling_watcher_sees_saves_and_ctrl_c_stops_cleanly() {
    let site = Site::new();
    site.file("content/news/2025-11-19-a.id.md", &body("satu"));
    let mut server = Server::start(site.root(), &["--poll"]);
    let events = server.events();
    site.file("content/news/2025-11-19-a.id.md", &body("dua lewat polling"));
    events.wait("reload");
    assert!(server.get("/berita/a/").text().contains("dua lewat polling"));
    // An open event stream must not keep the server from stopping.
    let status = server.interrupt();
    assert!(status.success(), "{status:?}");
}

#[test]
fn saves_made_while_the_site_is_broken_all_show_after_the_fix() {
    let site = Site::new();
    site.file("content/news/2025-11-19-a.id.md", &body("a")).file(
        "content/news/2025-11-18-b.id.md",
        &story("Judul Lama B", "2025-11-18", "", "B."),
    );
    let mut preview = Preview::start(&site, &[]);
    assert_eq!(
        preview.save("content/news/2025-11-19-a.id.md", "---\ntitle: [rusak\n---\n"),
        Broken
    );
    let retitled = story("Judul Baru B", "2025-11-18", "", "B.");
    assert_eq!(preview.save("content/news/2025-11-18-b.id.md", &retitled), Broken);
    assert_eq!(preview.save("content/news/2025-11-19-a.id.md", &body("a lagi")), Built);
    assert!(
        preview.server.get("/berita/b/").text().contains("Judul Baru B"),
        "the save made during the error is served"
    );
    assert!(preview.server.get("/berita/a/").text().contains("a lagi"));
}

/// The first defect of the issue on rebuilds by recorded dependencies: a title changed while
/// the site was broken stayed old on the pages that list the story once the site built again.
#[test]
fn stale_page_after_a_failed_build_is_repaired() {
    let site = Site::new();
    let b = |title: &str| story(title, "2025-11-18", "programs: [ac-3, ac-6]\n", "Isi B.");
    let d = |body: &str| story("Cerita D", "2025-11-16", "", body);
    site.file(
        "content/news/2025-11-19-a.id.md",
        &story("Cerita A", "2025-11-19", "programs: [ac-3]\n", "Isi A."),
    )
    .file("content/news/2025-11-18-b.id.md", &b("Judul Lama B"))
    .file(
        "content/news/2025-11-17-c.id.md",
        &story("Cerita C", "2025-11-17", "", "Isi C."),
    )
    .file("content/news/2025-11-16-d.id.md", &d("Isi D."));
    let mut preview = Preview::start(&site, &[]);

    let dead_link = d("Isi D. [Baca juga](2025-11-30-tidak-ada.id.md)");
    assert_eq!(preview.save("content/news/2025-11-16-d.id.md", &dead_link), Broken);
    assert_eq!(
        preview.save("content/news/2025-11-18-b.id.md", &b("Judul Baru B")),
        Broken
    );
    assert_eq!(preview.save("content/news/2025-11-16-d.id.md", &d("Isi D.")), Built);

    for page in ["/", "/berita/", "/berita/b/", "/asta-cita/ac-3/", "/asta-cita/ac-6/"] {
        let text = preview.server.get(page).text();
        assert!(
            text.contains("Judul Baru B") && !text.contains("Judul Lama B"),
            "{page}"
        );
    }
}

/// The second defect of the issue: a save that leaves a mistake in place, in the broken story
/// or in another one, cleared the error and served the new text although `build` and `check`
/// still failed.
#[test]
fn an_error_disappears_on_a_save_that_does_not_fix_it() {
    let site = Site::new();
    let a = |mistake: &str, body: &str| {
        let good = story("Cerita A", "2025-11-19", "programs: [ac-3]\n", body);
        let (field, wrong) = mistake.split_once(": ").expect("field: value");
        let (front, text) = good.split_once("\n---\n").expect("front matter");
        let front = front
            .lines()
            .filter(|line| !line.starts_with(&format!("{field}:")))
            .collect::<Vec<_>>()
            .join("\n");
        format!("{front}\n{field}: {wrong}\n---\n{text}")
    };
    let good_a = |body: &str| story("Cerita A", "2025-11-19", "programs: [ac-3]\n", body);
    let b = |body: &str| story("Cerita B", "2025-11-18", "", body);
    site.file("content/news/2025-11-19-a.id.md", &good_a("Isi A."))
        .file("content/news/2025-11-18-b.id.md", &b("Isi B."));
    let mut preview = Preview::start(&site, &[]);
    let mistakes = [
        "unit: lapas-tidak-ada",
        "programs: [ac-3, ac-99]",
        "image: { src: hilang.svg, alt: Foto yang hilang }",
        "image: { src: rapat.svg, alt: \"\" }",
        "products: [produk-tidak-ada]",
    ];
    let mut a_body = String::from("Isi A.");
    let mut b_body = String::from("Isi B.");
    for (n, mistake) in mistakes.into_iter().enumerate() {
        assert_eq!(
            preview.save("content/news/2025-11-19-a.id.md", &a(mistake, &a_body)),
            Broken,
            "{mistake}"
        );
        assert!(!site.run(&["check"]).status.success(), "`etalase check` passes");
        a_body.push_str(&format!(" Kalimat baru di A nomor {n}."));
        assert_eq!(
            preview.save("content/news/2025-11-19-a.id.md", &a(mistake, &a_body)),
            Broken,
            "{mistake}, then a sentence more in the same story"
        );
        b_body.push_str(&format!(" Kalimat baru di B nomor {n}."));
        assert_eq!(
            preview.save("content/news/2025-11-18-b.id.md", &b(&b_body)),
            Broken,
            "{mistake}, then a sentence more in another story"
        );
        assert!(!site.run(&["check"]).status.success(), "`etalase check` passes");
        assert_eq!(
            preview.save("content/news/2025-11-19-a.id.md", &good_a(&a_body)),
            Built,
            "{mistake} repaired"
        );
        assert!(preview.server.get("/berita/b/").text().contains(&format!("nomor {n}.")));
    }
}

/// The second defect with a template that does not parse: a save of a story must not make the
/// site good again while the template is still broken.
#[test]
fn a_broken_template_stays_reported_after_a_content_save() {
    let site = Site::new();
    site.file("content/news/2025-11-19-a.id.md", &body("satu")).file(
        "content/pages/tentang.id.md",
        "---\ntitle: Tentang\n---\nHalaman tentang.\n",
    );
    let mut preview = Preview::start(&site, &[]);
    let template = "themes/default/templates/page.html";
    let good = std::fs::read_to_string(site.root().join(template)).expect("page.html");
    assert_eq!(preview.save(template, &format!("{good}{{% if %}}\n")), Broken);
    assert_eq!(preview.save("content/news/2025-11-19-a.id.md", &body("dua")), Broken);
    assert_eq!(preview.save(template, &good), Built);
}

/// While the site is broken the last good site is served, its stylesheet included: the
/// stylesheet a page of that site links is the one that site was built with.
#[test]
fn the_last_good_stylesheet_is_served_while_the_site_is_broken() {
    let site = Site::new();
    site.file("content/news/2025-11-19-a.id.md", &body("satu"));
    let mut preview = Preview::start(&site, &[]);
    assert_eq!(
        preview.save("content/news/2025-11-19-a.id.md", "---\ntitle: [rusak\n---\n"),
        Broken
    );
    let css_file = "themes/default/static/style.css";
    let css = std::fs::read_to_string(site.root().join(css_file)).expect("css");
    assert_eq!(preview.save(css_file, &format!("{css}\n.baru{{color:red}}\n")), Broken);
    assert_eq!(preview.save("content/news/2025-11-19-a.id.md", &body("dua")), Built);
}

/// The seed of the random edits when `ETALASE_PROPTEST_SEED` does not give one.
const DEFAULT_SEED: u64 = 20251119;
/// How many edits when `ETALASE_PROPTEST_STEPS` does not say: under a minute here.
const DEFAULT_STEPS: usize = 40;

/// Random sequences of a writer's saves (bodies, titles, dates, tags, units, products, unit
/// names, vocabulary labels, new and deleted stories, templates, the stylesheet, and mistakes
/// made and repaired later), each compared with a fresh build. A failure names the seed and
/// lists the edits; `ETALASE_PROPTEST_SEED=<seed> ETALASE_PROPTEST_STEPS=<n>` repeats them.
#[test]
fn served_pages_equal_a_fresh_build_after_every_random_edit() {
    let number = |name: &str| std::env::var(name).ok().map(|v| v.parse::<u64>().expect(name));
    let seed = number("ETALASE_PROPTEST_SEED").unwrap_or(DEFAULT_SEED);
    let steps = number("ETALASE_PROPTEST_STEPS").map_or(DEFAULT_STEPS, |n| n as usize);
    eprintln!("seed {seed}, {steps} steps");
    let site = Site::new();
    let mut writer = Writer::new(&site);
    let mut rng = Rng::new(seed);
    let mut preview = Preview::start(&site, &[]);
    let mut edits = Vec::new();
    let (mut built, mut broken) = (0, 0);
    for step in 1..=steps {
        let (what, save) = writer.edit(&mut rng);
        edits.push(format!("{step:>4}. {what}"));
        match preview.apply(save) {
            Ok(Built) => built += 1,
            Ok(Broken) => broken += 1,
            Err(problem) => panic!(
                "seed {seed}, step {step}: {problem}\n\nThe edits so far \
                 (ETALASE_PROPTEST_SEED={seed} ETALASE_PROPTEST_STEPS={step} repeats them):\n{}",
                edits.join("\n")
            ),
        }
    }
    eprintln!("seed {seed}: {built} saves built, {broken} left the site broken");
}

#[test]
fn the_open_page_follows_the_writers_saves() {
    if missing(&[Tool::Chromium]) {
        return;
    }
    let site = Site::new();
    let file = "content/news/2025-11-19-a.id.md";
    site.file(file, &story("Cerita A", "2025-11-19", "", "Kalimat pertama."));
    let server = Server::start(site.root(), &[]);
    let browser = Browser::start();
    browser.open(&format!("{}/berita/a/", server.url));
    browser.wait_until(
        "return document.body.innerText.includes('Kalimat pertama.')",
        "the first version",
    );
    // Give the page's event stream a moment to connect.
    browser.wait_until(
        "return performance.getEntriesByType('resource').some(e => e.name.includes('live.js'))",
        "live.js",
    );
    std::thread::sleep(std::time::Duration::from_millis(500));

    site.file(
        file,
        &story(
            "Cerita A",
            "2025-11-19",
            "",
            "Kalimat pertama. Kalimat kedua yang baru.",
        ),
    );
    browser.wait_until(
        "return document.body.innerText.includes('Kalimat kedua yang baru.')",
        "the saved sentence",
    );

    // A broken save shows the error over the page, which keeps its last good text.
    std::thread::sleep(std::time::Duration::from_millis(500));
    site.file(
        file,
        "---\ntitle: Cerita A\ndate: 19/11/2025\nunit: lapas-lahat\nsummary: S\n---\nx\n",
    );
    browser.wait_until(
        "const o = document.getElementById('etalase-error'); return !!o && o.textContent.includes('is not a date')",
        "the error overlay",
    );
    assert_eq!(
        browser.eval("return document.body.innerText.includes('Kalimat kedua yang baru.')"),
        serde_json::Value::Bool(true)
    );

    // The next good save clears it.
    site.file(file, &story("Cerita A", "2025-11-19", "", "Kalimat ketiga."));
    browser.wait_until(
        "return document.body.innerText.includes('Kalimat ketiga.') && !document.getElementById('etalase-error')",
        "recovery",
    );

    // A stylesheet change is swapped in without reloading the page.
    std::thread::sleep(std::time::Duration::from_millis(500));
    browser.eval("window.notReloaded = true; return true");
    let css = std::fs::read_to_string(site.root().join("themes/default/static/style.css")).expect("css");
    site.file(
        "themes/default/static/style.css",
        &format!("{css}\nbody{{outline:7px solid rgb(1, 2, 3)}}"),
    );
    browser.wait_until(
        "return getComputedStyle(document.body).outlineWidth === '7px'",
        "the new stylesheet",
    );
    assert_eq!(
        browser.eval("return window.notReloaded === true"),
        serde_json::Value::Bool(true)
    );
}

#[test]
fn a_save_renders_exactly_the_pages_that_show_what_changed() {
    let site = two_stories_and_a_page();
    site.file(
        "content/news/2025-11-19-a.en.md",
        &story("Story A", "2025-11-19", "programs: [ac-3]\n", "Body."),
    );
    // Every save is also compared with a fresh build: rendering fewer pages is right only
    // because the others would come out the same.
    let mut preview = Preview::start(&site, &["--verbose"]);
    let mut renders = |path: &str, contents: &str, expected: &[&str]| {
        assert_eq!(preview.save(path, contents), Built);
        let rendered = preview.rendered();
        let expected: std::collections::BTreeSet<String> = expected.iter().map(|p| p.to_string()).collect();
        assert_eq!(rendered, expected, "pages rendered after saving {path}");
    };
    let story_a = "content/news/2025-11-19-a.id.md";
    // A body shows on the story's page and in the feed; its English version links to it.
    renders(
        story_a,
        &body("dua"),
        &["atom.xml", "berita/a/index.html", "en/news/a/index.html"],
    );
    // A title shows on every list with the story's card too.
    renders(
        story_a,
        &body("dua").replace("Cerita A", "Cerita A Baru"),
        &[
            "asta-cita/ac-3/index.html",
            "atom.xml",
            "berita/a/index.html",
            "berita/index.html",
            "en/news/a/index.html",
            "index.html",
            "upt/lapas-lahat/index.html",
        ],
    );
    // A price shows wherever the product's card does, and on the story that names it.
    renders(
        "content/products/gula-semut.yaml",
        &PRODUCT_GULA.replace("25000", "27500"),
        &[
            "asta-cita/ac-2/index.html",
            "asta-cita/ac-3/index.html",
            "berita/b/index.html",
            "en/asta-cita/ac-2/index.html",
            "en/asta-cita/ac-3/index.html",
            "en/index.html",
            "en/products/gula-semut/index.html",
            "en/products/index.html",
            "en/units/lapas-lahat/index.html",
            "index.html",
            "produk/gula-semut/index.html",
            "produk/index.html",
            "upt/lapas-lahat/index.html",
        ],
    );
    // A stylesheet is linked by an address filled in as pages are served: no page changes.
    let css = std::fs::read_to_string(site.root().join("themes/default/static/style.css")).expect("css");
    renders(
        "themes/default/static/style.css",
        &format!("{css}\n.x{{color:red}}"),
        &[],
    );
    // A template renders again only the pages made with it.
    let page = std::fs::read_to_string(site.root().join("themes/default/templates/page.html")).expect("page.html");
    renders(
        "themes/default/templates/page.html",
        &page.replace("</article>", "<p>Catatan.</p></article>"),
        &["tentang/index.html"],
    );
    // A plain page's body is on its page only (the menu shows its title).
    renders(
        "content/pages/tentang.id.md",
        "---\ntitle: Tentang\nmenu: 1\n---\nHalaman tentang kami.\n",
        &["tentang/index.html"],
    );
}

#[test]
fn search_works_in_the_preview_and_follows_the_edits() {
    if missing(&[Tool::Pagefind, Tool::Chromium]) {
        return;
    }
    let site = Site::new();
    site.file(
        "content/news/2025-11-19-a.id.md",
        &story("Panen Cabai", "2025-11-19", "", "Warga binaan memanen cabai."),
    );
    // The site's own Pagefind, where `npm install` puts it.
    let bin = site.root().join("node_modules/.bin");
    std::fs::create_dir_all(&bin).expect("mkdir");
    std::os::unix::fs::symlink(crate::support::tools::pagefind(), bin.join("pagefind")).expect("link");
    let server = Server::start(site.root(), &[]);
    let events = server.events();
    // The index is made beside the server's work: the search page works once it is there.
    let indexed_pages = || {
        let entry = server.get("/pagefind/pagefind-entry.json");
        let entry: serde_json::Value = serde_json::from_str(&entry.text()).unwrap_or_default();
        entry["languages"]["id"]["page_count"].as_u64().unwrap_or(0)
    };
    let wait_for_pages = |count: u64| {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(90);
        while indexed_pages() < count {
            assert!(std::time::Instant::now() < deadline, "no index of {count} pages");
            std::thread::sleep(std::time::Duration::from_millis(200));
        }
    };
    wait_for_pages(1);
    let indexed = indexed_pages();
    let browser = Browser::start();
    // A query in the address is run as the page opens.
    let results_for = |query: &str, expect: &str| {
        browser.open(&format!("{}/cari/?q={query}", server.url));
        browser.wait_until(
            &format!(
                "return [...document.querySelectorAll('[data-search-results] a')].some(a => a.getAttribute('href') === {})",
                serde_json::Value::from(expect)
            ),
            &format!("{expect} among the results for {query}"),
        );
    };
    results_for("cabai", "/berita/a/");

    // A story saved while the server runs is found once the index has caught up.
    site.file(
        "content/news/2025-11-20-b.id.md",
        &story("Kelengkeng Manis", "2025-11-20", "", "Panen kelengkeng."),
    );
    events.wait("reload");
    wait_for_pages(indexed + 1);
    results_for("kelengkeng", "/berita/b/");
    assert_eq!(server.get("/pagefind/../etalase.yaml").status, 403);
    assert_eq!(server.get("/pagefind/nothing.js").status, 404);
}

/// On a phone (390 px wide) a long line of the file does not wrap in the error overlay: the
/// `^` marker stays under the character it points at, and the excerpt scrolls sideways.
#[test]
fn the_error_overlay_keeps_its_marker_under_the_column_on_a_phone() {
    if missing(&[Tool::Chromium]) {
        return;
    }
    let site = Site::new();
    let file = "content/news/2025-11-19-a.id.md";
    site.file(file, &story("Cerita A", "2025-11-19", "", "Kalimat pertama."));
    let server = Server::start(site.root(), &[]);
    let browser = Browser::start();
    browser.resize(390, 844);
    browser.open(&format!("{}/berita/a/", server.url));
    browser.wait_until(
        "return performance.getEntriesByType('resource').some(e => e.name.includes('live.js'))",
        "live.js",
    );
    std::thread::sleep(std::time::Duration::from_millis(500));
    let title = "Lapas Perempuan Kelas IIA Palembang Menggelar Pameran Produk Warga Binaan: Songket dan Tempe";
    site.file(file, &story(title, "2025-11-19", "", "x"));
    browser.wait_until(
        "const o = document.getElementById('etalase-error'); return !!o && o.textContent.includes('^')",
        "the error overlay",
    );
    let measured = browser.eval(
        "const o = document.getElementById('etalase-error');
         const walker = document.createTreeWalker(o, NodeFilter.SHOW_TEXT);
         let node, source, marker;
         while ((node = walker.nextNode())) {
           const text = node.data;
           const line = text.indexOf('| title:');
           if (line >= 0 && !source) source = [node, text.indexOf(': Songket', line)];
           const caret = text.search(/\\| *\\^/);
           if (caret >= 0) marker = [node, text.indexOf('^', caret)];
         }
         const box = ([node, at]) => {
           const range = document.createRange();
           range.setStart(node, at);
           range.setEnd(node, at + 1);
           return range.getBoundingClientRect();
         };
         const a = box(source), b = box(marker);
         return [a.left, b.left, b.top - a.top, a.height];",
    );
    let numbers: Vec<f64> = measured
        .as_array()
        .unwrap_or_else(|| panic!("{measured}"))
        .iter()
        .filter_map(serde_json::Value::as_f64)
        .collect();
    let [column, marker, below, line] = numbers[..] else {
        panic!("{measured}")
    };
    assert!(
        (column - marker).abs() < 1.0,
        "the marker at x={marker} is not under the colon at x={column}"
    );
    assert!(
        below > 0.0 && below < 1.5 * line,
        "the marker is not on the line right below: {below} px for lines of {line} px"
    );
}
