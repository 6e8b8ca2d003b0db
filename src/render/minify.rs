//! HTML minification with minify-html. Rather than minifying every page after rendering
//! (which was most of the build time: the minifier parses each page and tries three quotings
//! of every attribute), each template is minified once when the theme is loaded, with its
//! Tera tags held aside, and rendering then writes minified HTML directly.
//!
//! That is exact only when every Tera tag stands in text or inside a quoted attribute value:
//! the minifier sorts attributes, so a tag between attributes (`<a {% if x %}hidden{% endif %}>`)
//! would be moved. Such a theme is minified page by page instead, as before: slower, same output.

use std::fmt::Write as _;

/// Private-use characters mark where a Tera tag was held aside; a template using them is
/// minified page by page. The space inside keeps attribute values that hold a tag quoted.
const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// The settings for whole pages and for templates alike. Closing tags are kept because a
/// template is a fragment: an end tag that may be omitted at its end may not be in the page.
fn settings() -> minify_html::Cfg {
    minify_html::Cfg {
        keep_closing_tags: true,
        keep_html_and_head_opening_tags: true,
        minify_css: false,
        minify_js: false,
        ..minify_html::Cfg::default()
    }
}

/// Minifies a rendered page.
pub fn page(html: &str) -> Vec<u8> {
    minify_html::minify(html.as_bytes(), &settings())
}

/// Minifies a template's HTML around its Tera tags, or `None` when a tag stands where the
/// minifier could move it (see the module comment).
pub fn template(source: &str) -> Option<String> {
    if source.contains([OPEN, CLOSE]) {
        return None;
    }
    let (html, held) = hold_tags(source)?;
    let settings = minify_html::Cfg {
        keep_comments: true,
        ..settings()
    };
    let minified = String::from_utf8(minify_html::minify(html.as_bytes(), &settings)).ok()?;
    if outline(&minified) != outline(&html) {
        return None;
    }
    restore_tags(&minified, &held)
}

/// Where the scanner is in the template's HTML.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Markup {
    Text,
    /// Inside `<name …>` or `</name>`, between attributes.
    Tag {
        raw_text: bool,
    },
    Quoted {
        quote: u8,
        raw_text: bool,
    },
    /// The content of `<script>`, `<style>`, `<title>` or `<textarea>`, up to its end tag.
    RawText,
}

/// A Tera tag held aside while the HTML around it is minified.
struct Held<'a> {
    tag: &'a str,
    /// Statements (`{% %}`, `{# #}`) in text print nothing, so they are held as HTML comments,
    /// which the minifier's white-space rules treat as nothing too (`<ul> {% for %} <li>`
    /// loses its spaces as `<ul> <li>` would).
    as_comment: bool,
}

/// Replaces every Tera tag by a numbered marker, and drops the template's HTML comments;
/// `None` if a tag stands between attributes or inside an HTML comment.
fn hold_tags(source: &str) -> Option<(String, Vec<Held<'_>>)> {
    let bytes = source.as_bytes();
    let mut html = String::with_capacity(source.len());
    let mut held = Vec::new();
    let mut markup = Markup::Text;
    let mut at = 0;
    let mut copied = 0;
    while at < bytes.len() {
        // Both checks start at an ASCII byte, so `at` is a character boundary there.
        if let Some(len) = (bytes[at] == b'{').then(|| tera_tag_len(&source[at..])).flatten() {
            if matches!(markup, Markup::Tag { .. }) {
                return None;
            }
            let tag = &source[at..at + len];
            let as_comment = markup == Markup::Text && !tag.starts_with("{{");
            html.push_str(&source[copied..at]);
            let number = held.len();
            let _ = if as_comment {
                write!(html, "<!--{OPEN}{number} {CLOSE}-->")
            } else {
                write!(html, "{OPEN}{number} {CLOSE}")
            };
            held.push(Held { tag, as_comment });
            at += len;
            copied = at;
            continue;
        }
        let rest = &bytes[at..];
        if markup == Markup::Text && rest.starts_with(b"<!--") {
            let len = source[at..].find("-->")? + 3;
            if ["{{", "{%", "{#"]
                .iter()
                .any(|open| source[at..at + len].contains(open))
            {
                return None;
            }
            html.push_str(&source[copied..at]);
            at += len;
            copied = at;
            continue;
        }
        markup = match markup {
            Markup::Text if starts_tag(rest) => Markup::Tag {
                raw_text: is_raw_text_element(rest),
            },
            Markup::Tag { raw_text } if matches!(rest[0], b'"' | b'\'') => Markup::Quoted {
                quote: rest[0],
                raw_text,
            },
            Markup::Tag { raw_text } if rest[0] == b'>' => {
                if raw_text {
                    Markup::RawText
                } else {
                    Markup::Text
                }
            }
            Markup::Quoted { quote, raw_text } if rest[0] == quote => Markup::Tag { raw_text },
            Markup::RawText if rest.starts_with(b"</") => Markup::Tag { raw_text: false },
            unchanged => unchanged,
        };
        at += 1;
    }
    html.push_str(&source[copied..]);
    Some((html, held))
}

fn starts_tag(rest: &[u8]) -> bool {
    match rest {
        [b'<', b'/', c, ..] | [b'<', c, ..] => c.is_ascii_alphabetic(),
        _ => false,
    }
}

/// Start tags of elements whose content is text up to their end tag, never markup.
fn is_raw_text_element(rest: &[u8]) -> bool {
    let name: Vec<u8> = rest[1..]
        .iter()
        .take_while(|c| c.is_ascii_alphanumeric())
        .map(u8::to_ascii_lowercase)
        .collect();
    [&b"script"[..], b"style", b"title", b"textarea"].contains(&name.as_slice())
}

/// The length of the Tera tag `text` starts with (`{{ }}`, `{% %}`, `{# #}`, or a whole
/// `{% raw %}…{% endraw %}` block), skipping string literals inside it.
fn tera_tag_len(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    let close = match bytes {
        [b'{', b'{', ..] => b'}',
        [b'{', b'%', ..] => b'%',
        [b'{', b'#', ..] => b'#',
        _ => return None,
    };
    let mut at = 2;
    let mut quote = None;
    while at + 1 < bytes.len() {
        let c = bytes[at];
        match quote {
            Some(q) if c == q => quote = None,
            Some(_) => {}
            None if close != b'#' && matches!(c, b'"' | b'\'' | b'`') => quote = Some(c),
            None if c == close && bytes[at + 1] == b'}' => {
                let len = at + 2;
                let inner = text[2..at].trim_matches(|c: char| c == '-' || c.is_whitespace());
                return if close == b'%' && inner == "raw" {
                    raw_block_len(text, len)
                } else {
                    Some(len)
                };
            }
            None => {}
        }
        at += 1;
    }
    None
}

/// The length of a `{% raw %}` block whose opening tag is `open` bytes long.
fn raw_block_len(text: &str, open: usize) -> Option<usize> {
    let mut from = open;
    while let Some(found) = text[from..].find("{%") {
        let start = from + found;
        let end = start + text[start..].find("%}")? + 2;
        let inner = text[start + 2..end - 2].trim_matches(|c: char| c == '-' || c.is_whitespace());
        if inner == "endraw" {
            return Some(end);
        }
        from = end;
    }
    None
}

/// The HTML tags and held markers in order. Minifying may change white space and quoting,
/// never this: the minifier reads HTML as a tree, and where an element is opened in one
/// branch of an `{% if %}` and closed in another, that tree is not the page's, and the
/// minifier may drop an end tag.
fn outline(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = html;
    while let Some(found) = rest.find(['<', OPEN]) {
        rest = &rest[found..];
        if rest.starts_with(OPEN) {
            let end = marker_len(rest);
            out.push(rest[..end].to_string());
            rest = &rest[end..];
            continue;
        }
        let after = rest[1..].strip_prefix('/').unwrap_or(&rest[1..]);
        let name: String = after
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        if name.is_empty() {
            rest = &rest[1..];
            continue;
        }
        // The markers in attribute values, in name order, as the minifier sorts attributes.
        let end = tag_len(rest);
        let mut markers: Vec<&str> = rest[..end]
            .match_indices(OPEN)
            .map(|(at, _)| &rest[at..at + marker_len(&rest[at..])])
            .collect();
        markers.sort_unstable();
        let closing = if rest[1..].starts_with('/') { "/" } else { "" };
        out.push(format!("<{closing}{name} {}", markers.concat()));
        rest = &rest[end..];
    }
    out
}

fn marker_len(text: &str) -> usize {
    text.find(CLOSE).map_or(text.len(), |at| at + CLOSE.len_utf8())
}

/// The length of the tag `text` starts with, up to its `>` outside quotes.
fn tag_len(text: &str) -> usize {
    let mut quote = None;
    for (at, c) in text.char_indices() {
        match (quote, c) {
            (Some(q), _) if c == q => quote = None,
            (None, '"' | '\'') => quote = Some(c),
            (None, '>') => return at + 1,
            _ => {}
        }
    }
    text.len()
}

/// Puts the held tags back; `None` unless every marker survived minification exactly once.
fn restore_tags(minified: &str, held: &[Held]) -> Option<String> {
    let mut out = String::with_capacity(minified.len() + held.iter().map(|h| h.tag.len()).sum::<usize>());
    let mut seen = vec![false; held.len()];
    let mut rest = minified;
    while let Some(start) = rest.find(OPEN) {
        out.push_str(&rest[..start]);
        let (number, after) = rest[start + OPEN.len_utf8()..].split_once(' ')?;
        let mut after = after.strip_prefix(CLOSE)?;
        let index: usize = number.parse().ok()?;
        if std::mem::replace(seen.get_mut(index)?, true) {
            return None;
        }
        if held[index].as_comment {
            out.truncate(out.strip_suffix("<!--")?.len());
            after = after.strip_prefix("-->")?;
        }
        out.push_str(held[index].tag);
        rest = after;
    }
    out.push_str(rest);
    seen.iter().all(|&s| s).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_in_text_and_attribute_values_survive() {
        let source = "<ul class=\"list {{ extra }}\">\n  {% for x in items %}\n    <li><a href=\"{{ x.url }}\" title='{{ x.title | default(value=\"a b\") }}'>{{ x.name }}</a></li>\n  {% endfor %}\n</ul>\n";
        let minified = template(source).expect("minifiable");
        assert_eq!(
            minified,
            "<ul class=\"list {{ extra }}\">{% for x in items %}<li><a href=\"{{ x.url }}\" title=\"{{ x.title | default(value=\"a b\") }}\">{{ x.name }}</a></li>{% endfor %}</ul>"
        );
    }

    #[test]
    fn a_tag_between_attributes_is_refused() {
        assert_eq!(
            template("<a href=\"/\"{% if x %} aria-current=\"page\"{% endif %}>x</a>"),
            None
        );
        assert_eq!(template("<a href={{ url }}>x</a>"), None);
    }

    #[test]
    fn a_value_without_spaces_stays_quoted() {
        let minified = template("<img src=\"{{src}}\" alt=\"{{alt}}\">").expect("minifiable");
        assert!(minified.contains("alt=\"{{alt}}\""), "{minified}");
        assert!(minified.contains("src=\"{{src}}\""), "{minified}");
    }

    #[test]
    fn script_title_raw_blocks_and_comments() {
        let source = "<title>{% block title %}{% endblock %} · {{ site }}</title><script type=\"application/ld+json\">{{ page.jsonld | safe }}</script>{% raw %}{{ not a tag }}{% endraw %}{# note #}<!-- theme note --><p>a  b</p>";
        let minified = template(source).expect("minifiable");
        assert!(
            minified.contains("<title>{% block title %}{% endblock %} · {{ site }}</title>"),
            "{minified}"
        );
        assert!(minified.contains("{{ page.jsonld | safe }}</script>"), "{minified}");
        assert!(minified.contains("{% raw %}{{ not a tag }}{% endraw %}"), "{minified}");
        assert!(minified.ends_with("{# note #}<p>a b</p>"), "{minified}");
    }

    #[test]
    fn statements_keep_the_spaces_between_words() {
        let minified = template("<p>Hello {% if x %}<b>dear</b>{% endif %} {{ name }}\n</p>").expect("minifiable");
        assert_eq!(minified, "<p>Hello {% if x %}<b>dear</b>{% endif %} {{ name }}</p>");
    }

    #[test]
    fn a_tag_lost_by_the_minifier_falls_back() {
        // Boolean attributes lose their value, and with it the marker.
        assert_eq!(template("<input disabled=\"{{ off }}\">"), None);
        assert_eq!(template("<p>x</p><!-- {{ hidden }} -->"), None);
    }

    #[test]
    fn an_element_opened_and_closed_in_different_branches_falls_back() {
        // The minifier would drop `</h2>`, reading it as closing nothing.
        let source = "{% if a %}<h2>{% else %}<h3>{% endif %}x{% if a %}</h2>{% else %}</h3>{% endif %}";
        assert_eq!(template(source), None);
        // A block inside a paragraph closes the paragraph, so its end tag would go.
        assert_eq!(template("<p>text {% if a %}<div>block</div>{% endif %} more</p>"), None);
    }

    #[test]
    fn a_tag_name_from_a_variable_falls_back() {
        assert_eq!(template("<h{{ level }}>x</h{{ level }}>"), None);
    }
}
