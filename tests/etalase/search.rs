//! Search on the published site: Pagefind's index (installed with `npm install`, run by
//! `etalase build`) queried by the search page in a real headless browser, in both languages.

use crate::support::browser::Browser;
use crate::support::servers::{Server, StaticServer};
use crate::support::site::{Demo, Site};
use crate::support::tools::{Tool, missing};

/// Types `query` into the search box and returns the result links once they include `expect`.
fn search(browser: &Browser, query: &str, expect: &str) -> Vec<String> {
    let script = format!(
        "const input = document.getElementById('search-query'); input.value = {}; input.dispatchEvent(new Event('input'));",
        serde_json::Value::from(query)
    );
    browser.eval(&script);
    let links = "return [...document.querySelectorAll('[data-search-results] a')].map(a => a.getAttribute('href'))";
    browser.wait_until(
        &format!(
            "{}.includes({})",
            links.trim_end_matches(';'),
            serde_json::Value::from(expect)
        ),
        &format!("{expect} among the results for {query}"),
    );
    serde_json::from_value(browser.eval(links)).expect("links")
}

#[test]
fn a_product_name_is_found_in_both_languages() {
    if missing(&[Tool::Pagefind, Tool::Chromium, Tool::Python]) {
        return;
    }
    let demo = Demo::build();
    let entry = demo.read("pagefind/pagefind-entry.json");
    let entry: serde_json::Value = serde_json::from_str(&entry).expect("JSON");
    assert_eq!(entry["languages"]["id"]["wasm"], "id", "Indonesian stemming: {entry}");
    assert_eq!(entry["languages"]["en"]["wasm"], "en", "{entry}");

    let server = StaticServer::start(&demo.public());
    let browser = Browser::start();
    browser.open(&format!("{}/cari/", server.url));
    let found = search(&browser, "songket", "/produk/songket-palembang/");
    assert!(
        found.iter().all(|l| !l.starts_with("/en/")),
        "Indonesian results only: {found:?}"
    );
    let status = browser.eval("return document.querySelector('[data-search-status]').textContent");
    assert!(status.as_str().is_some_and(|s| s.ends_with("hasil")), "{status}");

    // Indonesian stemming: "dibina" appears nowhere, but "pembinaan" and "binaan" share its stem.
    assert!(
        !demo
            .read("produk/gula-semut-jahe-merah/index.html")
            .to_lowercase()
            .contains("dibina")
    );
    search(&browser, "dibina", "/produk/gula-semut-jahe-merah/");

    browser.open(&format!("{}/en/search/", server.url));
    let found = search(&browser, "songket", "/en/products/songket-palembang/");
    assert!(
        found.iter().all(|l| l.starts_with("/en/")),
        "English results only: {found:?}"
    );

    // A query in the address (the form without script, or a shared link) is run on arrival.
    browser.open(&format!("{}/en/search/?q=ginger", server.url));
    browser.wait_until(
        "return [...document.querySelectorAll('[data-search-results] a')].some(a => a.getAttribute('href') === '/en/products/gula-semut-jahe-merah/')",
        "the ginger palm sugar for ?q=ginger",
    );
}

#[test]
fn without_an_index_the_search_page_offers_the_lists() {
    if missing(&[Tool::Chromium]) {
        return;
    }
    let site = Site::new();
    let server = Server::start(site.root(), &[]);
    let browser = Browser::start();
    browser.open(&format!("{}/cari/", server.url));
    // The index is loaded when the search field is first focused.
    browser.wait_until("return document.readyState === 'complete'", "the page to load");
    browser.eval("document.querySelector('#search-query').focus()");
    browser.wait_until(
        "return document.querySelector('[data-search-status]').textContent.startsWith('Pencarian belum tersedia')",
        "the note that search is not available",
    );
    let lists = browser
        .eval("return [...document.querySelectorAll('[data-search-browse] a')].map(a => a.getAttribute('href'))");
    assert_eq!(
        lists,
        serde_json::json!(["/berita/", "/produk/", "/upt/", "/penghargaan/", "/agenda/"]),
        "the list pages, which work without script"
    );
    let link = browser.eval("return document.querySelector('.search-link').getAttribute('href')");
    assert_eq!(link, "/cari/", "every page links to search");
}
