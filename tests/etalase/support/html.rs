//! Reading what a build wrote: pages as a browser's tokenizer reads them (start tags, text,
//! JSON-LD, a form of the document to compare two renderings) and the entries of feeds.

use std::collections::BTreeMap;

/// A start tag with its attributes.
#[derive(Debug, Clone)]
pub struct Element {
    pub name: String,
    pub attrs: BTreeMap<String, String>,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.get(name).map(String::as_str)
    }
}

/// A tokenizer that switches into raw-text states after `<title>`, `<script>` and `<style>`,
/// as a browser does.
fn tokens(html: &str) -> impl Iterator<Item = html5gum::Token> + '_ {
    let mut emitter = html5gum::DefaultEmitter::default();
    emitter.naively_switch_states(true);
    html5gum::Tokenizer::new_with_emitter(html, emitter).flatten()
}

/// Every start tag of an HTML document, tokenized as a browser would.
pub fn elements(html: &str) -> Vec<Element> {
    let mut out = Vec::new();
    for token in tokens(html) {
        if let html5gum::Token::StartTag(tag) = token {
            out.push(Element {
                name: String::from_utf8_lossy(&tag.name).into_owned(),
                attrs: tag
                    .attributes
                    .iter()
                    .map(|(k, v)| {
                        (
                            String::from_utf8_lossy(k).into_owned(),
                            String::from_utf8_lossy(v).into_owned(),
                        )
                    })
                    .collect(),
            });
        }
    }
    out
}

/// The address of a page's stylesheet.
pub fn stylesheet(html: &str) -> String {
    elements(html)
        .into_iter()
        .find(|e| e.name == "link" && e.attr("rel") == Some("stylesheet"))
        .and_then(|e| e.attr("href").map(String::from))
        .expect("a stylesheet link")
}

/// The elements named `name` that have attribute `key` = `value`.
pub fn find<'a>(elements: &'a [Element], name: &str, key: &str, value: &str) -> Vec<&'a Element> {
    elements
        .iter()
        .filter(|e| e.name == name && e.attr(key) == Some(value))
        .collect()
}

/// The decoded text of a document (character references resolved).
pub fn text(html: &str) -> String {
    let mut out = String::new();
    for token in tokens(html) {
        if let html5gum::Token::String(s) = token {
            out.push_str(&String::from_utf8_lossy(&s));
        }
    }
    out
}

/// The JSON-LD blocks of a page.
pub fn json_ld(html: &str) -> Vec<serde_json::Value> {
    let mut blocks = Vec::new();
    let mut rest = html;
    while let Some(start) = rest
        .find("application/ld+json>")
        .or_else(|| rest.find("application/ld+json\">"))
    {
        let after = &rest[start..];
        let open = after.find('>').expect("open") + 1;
        let close = after.find("</script>").expect("close");
        blocks.push(serde_json::from_str(&after[open..close]).expect("JSON-LD parses"));
        rest = &after[close..];
    }
    blocks
}

/// Every `@type` in the JSON-LD of a page, nested ones included.
pub fn ld_types(html: &str) -> Vec<String> {
    fn collect(value: &serde_json::Value, out: &mut Vec<String>) {
        match value {
            serde_json::Value::Object(map) => {
                if let Some(serde_json::Value::String(t)) = map.get("@type") {
                    out.push(t.clone());
                }
                map.values().for_each(|v| collect(v, out));
            }
            serde_json::Value::Array(items) => items.iter().for_each(|v| collect(v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    json_ld(html).iter().for_each(|v| collect(v, &mut out));
    out
}

/// The title of each entry of an Atom feed, in order (empty for an entry without one).
pub fn feed_titles(xml: &str) -> Vec<String> {
    let doc = roxmltree::Document::parse(xml).expect("the feed parses");
    doc.descendants()
        .filter(|n| n.has_tag_name("entry"))
        .map(|entry| {
            let title = entry.children().find(|c| c.has_tag_name("title"));
            title.and_then(|t| t.text()).unwrap_or_default().to_string()
        })
        .collect()
}

/// A document as a browser's tokenizer reads it, for comparing two renderings: tags with
/// their attributes in name order, and the text between tags with runs of white space made
/// one space (text that is only white space is not compared).
pub fn dom(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut text = String::new();
    let flush = |text: &mut String, out: &mut Vec<String>| {
        let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !words.is_empty() {
            out.push(words);
        }
        text.clear();
    };
    for token in tokens(html) {
        match token {
            html5gum::Token::String(s) => text.push_str(&String::from_utf8_lossy(&s)),
            html5gum::Token::StartTag(tag) => {
                flush(&mut text, &mut out);
                let attrs: BTreeMap<String, String> = tag
                    .attributes
                    .iter()
                    .map(|(k, v)| (String::from_utf8_lossy(k).into(), String::from_utf8_lossy(v).into()))
                    .collect();
                out.push(format!("<{} {attrs:?}>", String::from_utf8_lossy(&tag.name)));
            }
            html5gum::Token::EndTag(tag) => {
                flush(&mut text, &mut out);
                out.push(format!("</{}>", String::from_utf8_lossy(&tag.name)));
            }
            _ => {}
        }
    }
    flush(&mut text, &mut out);
    out
}
