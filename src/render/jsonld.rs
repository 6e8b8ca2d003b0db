//! Structured data (schema.org JSON-LD): the graph of a page — its item and its breadcrumbs —
//! serialized so that no content can close the `<script>` element. The items themselves come
//! from the kinds' views.

use jiff::civil::{Date, Time};
use serde_json::{Value, json};

/// The JSON-LD of a page: its own item (if any) and its breadcrumbs (name, absolute URL), as
/// one `@graph`.
pub fn graph(canonical: &str, crumbs: &[(String, String)], item: Option<Value>) -> String {
    let breadcrumbs = json!({
        "@type": "BreadcrumbList",
        "itemListElement": crumbs.iter().enumerate().map(|(ix, (name, url))| json!({
            "@type": "ListItem",
            "position": ix + 1,
            "name": name,
            "item": url,
        })).collect::<Vec<_>>(),
    });
    let mut graph = vec![breadcrumbs];
    if let Some(mut item) = item {
        if let Some(object) = item.as_object_mut() {
            object.entry("url").or_insert_with(|| json!(canonical));
        }
        graph.insert(0, item);
    }
    script_safe(&json!({ "@context": "https://schema.org", "@graph": graph }))
}

/// JSON text that is safe inside `<script>`: `<`, `>` and `&` are written as escapes.
fn script_safe(value: &Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

/// A date, or a date and time with the site's UTC offset (`+07:00`), as ISO 8601.
pub fn date_time(offset: &str, date: Date, time: Option<Time>) -> String {
    match time {
        Some(t) => format!("{date}T{:02}:{:02}:00{offset}", t.hour(), t.minute()),
        None => date.to_string(),
    }
}

/// An `ItemList` of absolute URLs.
pub fn item_list(urls: &[String]) -> Value {
    json!({
        "@type": "ItemList",
        "itemListElement": urls.iter().enumerate().map(|(ix, url)| json!({
            "@type": "ListItem",
            "position": ix + 1,
            "url": url,
        })).collect::<Vec<_>>(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_cannot_close_the_script_element() {
        let text = graph(
            "https://x.test/",
            &[],
            Some(json!({ "name": "</script><script>alert(1)" })),
        );
        assert!(!text.contains("</script"), "{text}");
        let back: Value = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(back["@graph"][0]["name"], "</script><script>alert(1)");
    }
}
