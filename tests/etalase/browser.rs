//! A real browser (headless Chromium) looking at the dev server while a writer saves files.

use crate::support::browser::Browser;
use crate::support::servers::Server;
use crate::support::site::{Site, story};
use crate::support::tools::{Tool, missing};

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
fn the_share_button_shares_or_copies_the_page_address() {
    if missing(&[Tool::Chromium]) {
        return;
    }
    let site = Site::new();
    let server = Server::start(site.root(), &[]);
    let browser = Browser::start();
    let page = format!("{}/produk/gula-semut/", server.url);
    browser.open(&page);
    browser.wait_until(
        "const b = document.querySelector('button[data-share]'); return !!b && !b.hidden && b.offsetWidth > 0",
        "the share button, shown by its script",
    );
    let whatsapp = browser.eval("return document.querySelector('.share a').href");
    let whatsapp = whatsapp.as_str().expect("share link");
    assert!(
        whatsapp.starts_with("https://wa.me/?text=Gula%20Semut") && whatsapp.contains("%2Fproduk%2Fgula-semut%2F"),
        "{whatsapp}"
    );
    // Headless Chromium on Linux has no share sheet, so the button copies the address.
    assert_eq!(
        browser.eval("return typeof navigator.share"),
        serde_json::Value::from("undefined")
    );
    browser.click("button[data-share]");
    browser.wait_until(
        "return document.querySelector('button[data-share]').textContent === 'Tautan disalin'",
        "the copied notice",
    );
    browser.grant("clipboard-read");
    let copied = browser.eval("return navigator.clipboard.readText().then(t => t, e => 'refused: ' + e)");
    assert!(
        copied.as_str().is_some_and(|t| t.ends_with("/produk/gula-semut/")),
        "{copied}"
    );
}
