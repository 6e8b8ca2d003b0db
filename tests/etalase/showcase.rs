//! What a buyer and a link preview need: every product can be ordered and every unit reached
//! through working links, structured data that Google accepts, a share image with its size on
//! every page, chips that never cut a word, plural forms, and a main menu that reaches every
//! section on a 320 px phone without scrolling sideways.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::support::browser::Browser;
use crate::support::html::{Element, elements, json_ld};
use crate::support::servers::StaticServer;
use crate::support::site::{Demo, PRODUCT_GULA, Site, UNIT_LAHAT};
use crate::support::tools::{Tool, missing};

/// The pages of the demo site below `dir` (`upt/`, `en/units/`), one per item, its list left out.
fn item_pages(demo: &Demo, dir: &str) -> Vec<String> {
    demo.pages()
        .into_iter()
        .filter(|p| p.starts_with(dir) && p.ends_with("/index.html") && p != &format!("{dir}index.html"))
        .filter(|p| !p[dir.len()..].contains("/page/"))
        .collect()
}

/// The `href`s of every link of a page.
fn links(html: &str) -> Vec<String> {
    elements(html)
        .into_iter()
        .filter(|e| e.name == "a")
        .filter_map(|e| e.attr("href").map(String::from))
        .collect()
}

/// Whether `href` is a contact link that works: a `tel:` number of digits, a `wa.me` link to a
/// number, or a `mailto:` address.
fn working_contact(href: &str) -> bool {
    if let Some(number) = href.strip_prefix("tel:+") {
        return number.len() >= 8 && number.chars().all(|c| c.is_ascii_digit());
    }
    if let Some(rest) = href.strip_prefix("https://wa.me/") {
        let number = rest.split('?').next().unwrap_or_default();
        return number.len() >= 8 && number.chars().all(|c| c.is_ascii_digit());
    }
    if let Some(address) = href.strip_prefix("mailto:") {
        let address = address.split('?').next().unwrap_or_default();
        let (user, domain) = address.split_once('@').unwrap_or_default();
        return !user.is_empty() && domain.contains('.');
    }
    false
}

#[test]
fn every_unit_page_has_its_contacts_as_working_links() {
    let demo = Demo::build();
    let pages: Vec<String> = [item_pages(&demo, "upt/"), item_pages(&demo, "en/units/")].concat();
    assert_eq!(pages.len(), 6, "{pages:?}");
    for page in pages {
        let html = demo.read(&page);
        let contacts: Vec<String> = links(&html).into_iter().filter(|h| working_contact(h)).collect();
        for scheme in ["tel:", "mailto:"] {
            assert!(
                contacts.iter().any(|h| h.starts_with(scheme)),
                "{page}: no {scheme} link"
            );
        }
        assert!(
            links(&html)
                .iter()
                .any(|h| h.starts_with("https://www.openstreetmap.org/")),
            "{page}: no map link"
        );
        assert!(
            !links(&html)
                .iter()
                .any(|h| h.starts_with("tel:") && !working_contact(h)),
            "{page}: a phone link that does not work"
        );
        let example = if page.starts_with("en/") {
            "(example)"
        } else {
            "(contoh)"
        };
        assert!(html.contains(example), "{page}: the example contacts are not marked");
    }
}

#[test]
fn every_product_page_has_a_working_order_path_naming_the_product() {
    let demo = Demo::build();
    let pages: Vec<String> = [item_pages(&demo, "produk/"), item_pages(&demo, "en/products/")].concat();
    assert_eq!(pages.len(), 10, "{pages:?}");
    for page in pages {
        let html = demo.read(&page);
        let name = ld_name(&html);
        let orders: Vec<String> = links(&html).into_iter().filter(|h| working_contact(h)).collect();
        let whatsapp = orders
            .iter()
            .find(|h| h.starts_with("https://wa.me/"))
            .unwrap_or_else(|| panic!("{page}: no WhatsApp order link"));
        let message = whatsapp.split_once("?text=").map(|(_, m)| m).unwrap_or_default();
        assert!(
            percent_decode(message).contains(&name),
            "{page}: the WhatsApp message does not name {name}: {whatsapp}"
        );
        assert!(
            orders.iter().any(|h| h.starts_with("tel:")),
            "{page}: no phone to order"
        );
    }
}

/// The product's name, from the first heading of the page.
fn ld_name(html: &str) -> String {
    let start = html.find("<h1>").expect("a heading") + 4;
    let end = html[start..].find("</h1>").expect("its end") + start;
    crate::support::html::text(&html[start..end])
}

fn percent_decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(Ok(byte)) = text.get(i + 1..i + 3).map(|hex| u8::from_str_radix(hex, 16))
        {
            out.push(byte);
            i += 3;
            continue;
        }
        out.push(if bytes[i] == b'+' { b' ' } else { bytes[i] });
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The properties Google's structured-data documentation requires of each type Etalase writes
/// (developers.google.com/search/docs/appearance/structured-data, November 2026), and those
/// Etalase promises beyond them (a NewsArticle's dates and publisher logo; an Offer's
/// availability, url and seller). `|` lists alternatives, one of which must be present.
const REQUIRED: &[(&str, &[&str])] = &[
    // Product snippets: name, and one of review, aggregateRating or offers. Merchant
    // listings: name, image, offers with price and priceCurrency.
    (
        "Product",
        &["name", "image", "offers|review|aggregateRating", "brand", "description"],
    ),
    ("Offer", &["price", "priceCurrency", "availability", "url", "seller"]),
    // Article: Google requires no property; it recommends these.
    (
        "NewsArticle",
        &[
            "headline",
            "image",
            "datePublished",
            "dateModified",
            "author",
            "publisher",
        ],
    ),
    ("BreadcrumbList", &["itemListElement"]),
    ("ListItem", &["position"]),
    ("ItemList", &["itemListElement"]),
    // Event: name, startDate, location.
    ("Event", &["name", "startDate", "location"]),
    ("Place", &["address"]),
    ("VirtualLocation", &["url"]),
    ("PostalAddress", &["addressCountry"]),
    ("Organization", &["name", "url", "logo"]),
    ("GovernmentOrganization", &["name", "url"]),
    ("ImageObject", &["url"]),
    ("Brand", &["name"]),
    ("Thing", &["name"]),
    ("WebSite", &["name"]),
    ("WebPage", &["name", "url"]),
];

/// Every problem of a JSON-LD value: a type whose required properties are missing, a type
/// not in `REQUIRED`, a null anywhere, a date without time and zone.
fn ld_problems(value: &Value, at: &str, problems: &mut Vec<String>) {
    match value {
        Value::Null => problems.push(format!("{at}: null")),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                ld_problems(item, &format!("{at}[{i}]"), problems);
            }
        }
        Value::Object(map) => {
            if let Some(kind) = map.get("@type").and_then(Value::as_str) {
                match REQUIRED.iter().find(|(t, _)| *t == kind) {
                    None => problems.push(format!("{at}: unexpected type {kind}")),
                    Some((_, required)) => {
                        for property in *required {
                            if !property.split('|').any(|p| map.contains_key(p)) {
                                problems.push(format!("{at}: {kind} without {property}"));
                            }
                        }
                    }
                }
                if kind == "ListItem" && !map.contains_key("item") && !map.contains_key("url") {
                    // Only the last crumb may leave its address out; a carousel needs it.
                    if map.get("name").is_none() {
                        problems.push(format!("{at}: ListItem without item, url or name"));
                    }
                }
                if kind == "Product" && map.get("offers").is_none() {
                    problems.push(format!("{at}: Product without offers"));
                }
            }
            for key in ["datePublished", "dateModified"] {
                if let Some(date) = map.get(key).and_then(Value::as_str) {
                    let zoned = date.contains('T') && (date.ends_with('Z') || date[10..].contains('+'));
                    if !zoned {
                        problems.push(format!("{at}.{key}: `{date}` has no time and zone"));
                    }
                }
            }
            for (key, item) in map {
                ld_problems(item, &format!("{at}.{key}"), problems);
            }
        }
        _ => {}
    }
}

#[test]
fn structured_data_of_every_type_has_what_google_requires() {
    let demo = Demo::build();
    let mut problems = Vec::new();
    let mut types: BTreeMap<String, usize> = BTreeMap::new();
    for page in demo.pages() {
        let html = demo.read(&page);
        for block in json_ld(&html) {
            ld_problems(&block, &page, &mut problems);
            count_types(&block, &mut types);
        }
    }
    assert!(
        problems.is_empty(),
        "{} errors:\n{}",
        problems.len(),
        problems.join("\n")
    );
    for kind in [
        "Product",
        "Offer",
        "NewsArticle",
        "Event",
        "GovernmentOrganization",
        "WebPage",
    ] {
        assert!(types.contains_key(kind), "the demo has no {kind}: {types:?}");
    }
}

#[test]
fn an_unpriced_product_gets_no_product_block_google_would_reject() {
    let site = Site::new();
    site.file(
        "content/products/gula-semut.yaml",
        &PRODUCT_GULA.replace("price: { amount: 25000, per: { id: per 250 g, en: per 250 g } }\n", ""),
    )
    .build();
    let html = site.read("produk/gula-semut/index.html");
    let mut problems = Vec::new();
    for block in json_ld(&html) {
        ld_problems(&block, "produk/gula-semut", &mut problems);
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
    assert!(
        !html.contains("\"Product\""),
        "an unpriced Product is rejected by Google"
    );
}

fn count_types(value: &Value, types: &mut BTreeMap<String, usize>) {
    match value {
        Value::Array(items) => items.iter().for_each(|v| count_types(v, types)),
        Value::Object(map) => {
            if let Some(kind) = map.get("@type").and_then(Value::as_str) {
                *types.entry(kind.to_string()).or_default() += 1;
            }
            map.values().for_each(|v| count_types(v, types));
        }
        _ => {}
    }
}

/// The value of the `<meta>` with `property` (or `name`) `key`.
fn meta<'a>(elements: &'a [Element], key: &str) -> Option<&'a str> {
    elements
        .iter()
        .find(|e| e.name == "meta" && (e.attr("property") == Some(key) || e.attr("name") == Some(key)))
        .and_then(|e| e.attr("content"))
}

#[test]
fn every_page_has_a_sized_share_image_and_a_twitter_card() {
    let demo = Demo::build();
    let pages = demo.pages();
    assert!(pages.len() > 60);
    for page in pages.iter().filter(|p| !p.ends_with("404.html")) {
        let html = demo.read(page);
        let elements = elements(&html);
        let image = meta(&elements, "og:image").unwrap_or_else(|| panic!("{page}: no og:image"));
        let width: u32 = meta(&elements, "og:image:width")
            .and_then(|w| w.parse().ok())
            .expect("width");
        let height: u32 = meta(&elements, "og:image:height")
            .and_then(|h| h.parse().ok())
            .expect("height");
        let path = image
            .strip_prefix("https://etalase-sumsel.netlify.app/")
            .unwrap_or_else(|| panic!("{page}: {image} is not absolute"));
        assert!(path.ends_with(".png") || path.ends_with(".jpg"), "{page}: {image}");
        let bytes = std::fs::read(demo.public().join(path)).unwrap_or_else(|_| panic!("{page}: {path} missing"));
        let decoded = image::load_from_memory(&bytes).expect("an image");
        assert_eq!((decoded.width(), decoded.height()), (width, height), "{page}: {path}");
        assert!(meta(&elements, "twitter:card").is_some(), "{page}: no twitter:card");
    }
    let story = demo.read("berita/umkm-terbaik-lapas-perempuan-palembang/index.html");
    let elements = elements(&story);
    for key in ["article:published_time", "article:modified_time"] {
        let time = meta(&elements, key).unwrap_or_else(|| panic!("no {key}"));
        assert!(time.contains('T') && time.ends_with("+07:00"), "{key}: {time}");
    }
    let product = demo.read("produk/gula-semut-jahe-merah/index.html");
    let elements_of_product = crate::support::html::elements(&product);
    assert_eq!(meta(&elements_of_product, "product:price:amount"), Some("25000"));
    assert_eq!(meta(&elements_of_product, "product:price:currency"), Some("IDR"));
    let home = demo.read("index.html");
    let icon = crate::support::html::elements(&home)
        .into_iter()
        .find(|e| e.name == "link" && e.attr("rel") == Some("apple-touch-icon"))
        .and_then(|e| e.attr("href").map(String::from))
        .expect("an apple-touch-icon");
    let bytes = std::fs::read(demo.public().join(icon.trim_start_matches('/'))).expect("the icon");
    assert_eq!(image::guess_format(&bytes).ok(), Some(image::ImageFormat::Png));
}

/// The chips of a page: (what it shows, the full label in its `title`), read token by token
/// from each `<a class="chip">`: the text of its `aria-hidden` span, or its own text when the
/// label is shown whole (the vocabulary's number left out).
fn chips(html: &str) -> Vec<(String, String)> {
    use html5gum::Token;
    let mut found = Vec::new();
    let mut chip: Option<(String, String)> = None;
    let mut mode = "own";
    let mut hidden = String::new();
    for token in html5gum::Tokenizer::new(html).flatten() {
        match token {
            Token::StartTag(tag) => {
                let attr = |name: &str| {
                    tag.attributes
                        .iter()
                        .find(|(k, _)| &k[..] == name.as_bytes())
                        .map(|(_, v)| String::from_utf8_lossy(v).into_owned())
                };
                if &tag.name[..] == b"a" && attr("class").as_deref() == Some("chip") {
                    let title = attr("title").unwrap_or_default();
                    let full = title.split_once(": ").map_or(title.clone(), |(_, l)| l.to_string());
                    chip = Some((String::new(), full));
                    hidden.clear();
                    mode = "own";
                } else if &tag.name[..] == b"span" && chip.is_some() {
                    mode = if attr("aria-hidden").as_deref() == Some("true") {
                        "hidden"
                    } else {
                        "other"
                    };
                }
            }
            Token::EndTag(tag) if &tag.name[..] == b"span" => mode = "own",
            Token::EndTag(tag) if &tag.name[..] == b"a" => {
                if let Some((own, full)) = chip.take() {
                    let shown = if hidden.is_empty() { own } else { hidden.clone() };
                    found.push((shown.trim().to_string(), full));
                }
            }
            Token::String(text) => {
                let text = String::from_utf8_lossy(&text);
                match (mode, chip.as_mut()) {
                    ("own", Some((own, _))) => own.push_str(&text),
                    ("hidden", Some(_)) => hidden.push_str(&text),
                    _ => {}
                }
            }
            _ => {}
        }
    }
    found
}

#[test]
fn chips_never_cut_a_word() {
    let demo = Demo::build();
    let mut seen = 0;
    for page in demo.pages() {
        for (shown, full) in chips(&demo.read(&page)) {
            seen += 1;
            assert!(!shown.is_empty(), "{page}: an empty chip for {full}");
            if let Some(kept) = shown.strip_suffix('…') {
                assert!(full.starts_with(kept), "{page}: `{shown}` is not the start of `{full}`");
                let next = full[kept.len()..].chars().next();
                assert!(
                    next.is_none_or(|c| c.is_whitespace() || ",.;:)".contains(c)),
                    "{page}: `{shown}` cuts a word of `{full}`"
                );
            }
        }
    }
    assert!(seen > 50, "only {seen} chips");
}

#[test]
fn english_counts_have_their_plural_forms() {
    let site = Site::new();
    site.file(
        "content/news/2025-11-01-satu.id.md",
        "---\ntitle: Satu\ndate: 2025-11-01\nunit: lapas-lahat\nsummary: S.\nprograms: [ac-4]\n---\nIsi.\n",
    )
    .file(
        "content/news/2025-11-01-satu.en.md",
        &crate::support::site::story("One", "2025-11-01", "programs: [ac-4]\n", "Body."),
    )
    .build();
    let en = crate::support::html::text(&site.read("en/asta-cita/index.html"));
    assert!(en.contains("1 story · 0 products"), "{en}");
    assert!(en.contains("0 stories · 1 product"), "{en}");
    assert!(!en.contains("1 stories") && !en.contains("1 products"), "{en}");
    let id = crate::support::html::text(&site.read("asta-cita/index.html"));
    assert!(id.contains("1 berita · 0 produk"), "{id}");
}

#[test]
fn check_warns_when_a_product_cannot_be_ordered() {
    let site = Site::new();
    site.file(
        "content/products/gula-semut.yaml",
        &PRODUCT_GULA.replace("order: { whatsapp: \"+62 812-0000-0000\" }\n", ""),
    );
    let out = site.run(&["check", "--lang", "en"]);
    let report = String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    assert!(report.contains("this product cannot be ordered"), "{report}");
    site.file(
        "content/units/lapas-lahat.yaml",
        &format!("{UNIT_LAHAT}contact: {{ whatsapp: \"0812-0000-0000\" }}\n"),
    );
    let out = site.run(&["check", "--lang", "en"]);
    let report = String::from_utf8_lossy(&out.stderr).into_owned() + &String::from_utf8_lossy(&out.stdout);
    assert!(
        !report.contains("cannot be ordered"),
        "the unit's WhatsApp is a way to order: {report}"
    );
}

#[test]
fn at_320_px_every_menu_entry_is_reachable_without_javascript_or_sideways_scrolling() {
    if missing(&[Tool::Chromium, Tool::Python]) {
        return;
    }
    let demo = Demo::build();
    let server = StaticServer::start(&demo.public());
    let browser = Browser::start();
    for page in ["/", "/en/", "/produk/gula-semut-jahe-merah/"] {
        browser.resize(320, 640);
        browser.open(&format!("{}{page}", server.url));
        browser.wait_until("return document.readyState === 'complete'", "the page to load");
        let viewport = browser.eval("return document.documentElement.clientWidth");
        assert!(
            viewport.as_u64().is_some_and(|w| w <= 320),
            "{page}: the window is {viewport} px wide"
        );
        let wide = browser.eval("return document.documentElement.scrollWidth <= document.documentElement.clientWidth");
        if wide != serde_json::json!(true) {
            let culprits = browser.eval("return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 12).map(e => e.tagName + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right))");
            eprintln!("{page}: wider than the window: {culprits}");
        }
        assert_eq!(wide, serde_json::json!(true), "{page}: scrolls sideways at 320 px");
        browser.click(".mainnav summary");
        let unreachable = browser.eval(
            "return [...document.querySelectorAll('.mainnav a')].filter(a => {
                const r = a.getBoundingClientRect();
                if (r.width === 0 || r.height === 0 || r.left < 0 || r.right > document.documentElement.clientWidth) return true;
                a.scrollIntoView({block: 'center'});
                const s = a.getBoundingClientRect();
                const hit = document.elementFromPoint(s.left + s.width / 2, s.top + s.height / 2);
                return !(hit && a.contains(hit));
            }).map(a => a.textContent)",
        );
        assert_eq!(
            unreachable,
            serde_json::json!([]),
            "{page}: menu entries out of reach at 320 px"
        );
        let count = browser.eval("return document.querySelectorAll('.mainnav a').length");
        assert!(count.as_u64().is_some_and(|n| n >= 6), "{page}: {count} entries");
        // On a desktop the entries show without opening anything.
        browser.resize(1280, 900);
        browser.open(&format!("{}{page}", server.url));
        browser.wait_until("return document.readyState === 'complete'", "the page to load");
        let hidden = browser.eval(
            "return [...document.querySelectorAll('.mainnav a')].filter(a => a.getBoundingClientRect().width === 0).length",
        );
        assert_eq!(hidden, serde_json::json!(0), "{page}: menu entries hidden on a desktop");
    }
}

/// A story body with every Markdown construct the reference documents.
const EVERY_CONSTRUCT: &str = "\
PALEMBANG — A paragraph with **bold**, *emphasis*, ~~strikethrough~~ and a footnote[^1].

## A heading {#pesan .penting}

- a list
- [x] a task

1. first
2. second

| Produk | Jumlah | Harga |
|:-------|:------:|------:|
| Tempe  | 10     | 5.000 |

> A quotation.

```yaml
nama: Tempe
```

<b>HTML shown as text</b> and [a link to a page](../pages/tentang.id.md).

[^1]: A footnote.
";

#[test]
fn every_documented_markdown_construct_works_under_the_sites_content_security_policy() {
    if missing(&[Tool::Chromium, Tool::Python]) {
        return;
    }
    let site = Site::new();
    site.file("content/pages/tentang.id.md", "---\ntitle: Tentang\n---\nIsi.\n")
        .file(
            "content/news/2025-11-01-semua.id.md",
            &crate::support::site::story("Semua", "2025-11-01", "", EVERY_CONSTRUCT),
        )
        .build();
    let html = site.read("berita/semua/index.html");
    assert!(
        !elements(&html).iter().any(|e| e.attrs.contains_key("style")),
        "a style attribute"
    );
    let server = StaticServer::start(&site.public());
    let browser = Browser::start();
    browser.console_errors();
    browser.open(&format!("{}/berita/semua/", server.url));
    browser.wait_until("return document.readyState === 'complete'", "the page to load");
    let aligned = browser.eval(
        "return [...document.querySelectorAll('.prose tr:last-child td')].map(td => getComputedStyle(td).textAlign)",
    );
    assert_eq!(aligned, serde_json::json!(["left", "center", "right"]));
    let errors = browser.console_errors();
    assert!(errors.is_empty(), "console errors (a CSP violation is one): {errors:?}");
}
