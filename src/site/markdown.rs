//! Markdown to HTML: CommonMark plus tables, footnotes, strikethrough and heading anchors;
//! fenced code highlighted by syntect, whose syntaxes load only when a page has code.
//! Raw HTML in content is shown as text and script URLs are dropped: content is never markup.

use std::collections::HashMap;
use std::sync::{Arc, OnceLock};

use pulldown_cmark::{CodeBlockKind, CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use syntect::html::{ClassStyle, ClassedHTMLGenerator};
use syntect::parsing::SyntaxSet;
use syntect::util::LinesWithEndings;

use super::memo::Memo;
use crate::hashing::Shared;
use crate::web_url::is_script_url;

/// HTML rendered from Markdown, shared by the caches and the items of a session, and hashed
/// once (see [`Shared`]).
#[derive(Clone)]
pub struct Html(Shared<String>);

impl Html {
    fn new(text: String) -> Html {
        Html(Shared::new(text))
    }

    /// Whether both are the same HTML of a cache (not a copy).
    pub fn ptr_eq(&self, other: &Html) -> bool {
        self.0.ptr_eq(&other.0)
    }
}

impl std::ops::Deref for Html {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl std::hash::Hash for Html {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        self.0.hash(state);
    }
}

impl PartialEq for Html {
    fn eq(&self, other: &Html) -> bool {
        self.ptr_eq(other) || *self.0 == *other.0
    }
}

impl Eq for Html {}

impl std::fmt::Debug for Html {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// Renders Markdown; one instance is shared by every page of a build.
#[derive(Default)]
pub struct Markdown {
    syntaxes: OnceLock<SyntaxSet>,
    /// HTML by hash of the Markdown and its links, for sessions that rebuild often (the dev
    /// server); and each text's analysis by hash of the text. What a build did not ask for is
    /// forgotten at the next (see [`Markdown::next_build`]).
    cache: Memo,
    analyses: Memo,
}

/// What a build checks in a Markdown text besides rendering it: its links to content files
/// and the heading attributes rendering drops, each with its byte offset in the text.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Analysis {
    /// (destination, offset) of links whose destination is a relative path ending in `.md`
    /// (with an optional `#anchor`).
    pub content_links: Vec<(String, usize)>,
    /// (the attributes as written, offset of the heading) of heading attribute blocks with
    /// more than an id and classes.
    pub dropped_attributes: Vec<(String, usize)>,
}

fn options() -> Options {
    Options::ENABLE_TABLES
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_TASKLISTS
        | Options::ENABLE_SMART_PUNCTUATION
        | Options::ENABLE_HEADING_ATTRIBUTES
}

impl Markdown {
    /// A renderer that remembers what it rendered, so that rebuilds skip unchanged text.
    pub fn cached() -> Markdown {
        Markdown {
            cache: Memo::session(),
            analyses: Memo::session(),
            ..Markdown::default()
        }
    }

    /// Starts a build: the texts the previous build did not render are forgotten.
    pub fn next_build(&self) {
        self.cache.next_build();
        self.analyses.next_build();
    }

    pub fn to_html(&self, text: &str) -> String {
        self.to_html_linked(text, &HashMap::new()).to_string()
    }

    /// Like [`Markdown::to_html`], with links to content files (`2025-11-19-x.id.md`) replaced
    /// by the URLs of their pages, as given in `links` (link destination → URL). Shared with
    /// the cache: a session holds each text's HTML once.
    pub fn to_html_linked(&self, text: &str, links: &HashMap<String, String>) -> Html {
        if !self.cache.remembers() {
            return Html::new(self.render(text, links));
        }
        let mut pairs: Vec<_> = links.iter().collect();
        pairs.sort();
        let key = crate::site::fingerprint::of(&(text, pairs));
        if let Some(html) = self.cache.get::<Html>(key) {
            return html;
        }
        let html = Html::new(self.render(text, links));
        self.cache.put(key, html.clone());
        html
    }

    /// The analysis of `text` (remembered by a cached renderer).
    pub fn analysis(&self, text: &str) -> Arc<Analysis> {
        if !self.analyses.remembers() {
            return Arc::new(analyze(text));
        }
        let key = crate::site::fingerprint::of(text);
        if let Some(found) = self.analyses.get::<Arc<Analysis>>(key) {
            return found;
        }
        let analysis = Arc::new(analyze(text));
        self.analyses.put(key, analysis.clone());
        analysis
    }

    fn render(&self, text: &str, links: &HashMap<String, String>) -> String {
        let events: Vec<Event> = Parser::new_ext(text, options())
            .map(neutralize)
            .map(|event| match event {
                Event::Start(Tag::Link {
                    link_type,
                    dest_url,
                    title,
                    id,
                }) => {
                    let dest_url = links
                        .get(dest_url.as_ref())
                        .map(|url| CowStr::from(url.clone()))
                        .unwrap_or(dest_url);
                    Event::Start(Tag::Link {
                        link_type,
                        dest_url,
                        title,
                        id,
                    })
                }
                other => other,
            })
            .collect();
        let events = self.highlight_code(add_heading_ids(events));
        let mut html = String::with_capacity(text.len() * 3 / 2);
        pulldown_cmark::html::push_html(&mut html, events.into_iter());
        aligned_by_class(html)
    }

    fn syntaxes(&self) -> &SyntaxSet {
        self.syntaxes.get_or_init(SyntaxSet::load_defaults_newlines)
    }

    /// Replaces each fenced code block by highlighted HTML.
    fn highlight_code<'a>(&self, events: Vec<Event<'a>>) -> Vec<Event<'a>> {
        if !events.iter().any(|e| matches!(e, Event::Start(Tag::CodeBlock(_)))) {
            return events;
        }
        let mut out = Vec::with_capacity(events.len());
        let mut code: Option<(String, String)> = None;
        for event in events {
            match (event, &mut code) {
                (Event::Start(Tag::CodeBlock(kind)), None) => {
                    let lang = match kind {
                        CodeBlockKind::Fenced(info) => info.split_whitespace().next().unwrap_or("").to_string(),
                        CodeBlockKind::Indented => String::new(),
                    };
                    code = Some((lang, String::new()));
                }
                (Event::Text(text), Some((_, buffer))) => buffer.push_str(&text),
                (Event::End(TagEnd::CodeBlock), Some(_)) => {
                    if let Some((lang, buffer)) = code.take() {
                        out.push(Event::Html(CowStr::from(self.code_block(&lang, &buffer))));
                    }
                }
                (event, _) => out.push(event),
            }
        }
        out
    }

    fn code_block(&self, lang: &str, code: &str) -> String {
        let escaped_lang = escape_html(lang);
        let highlighted = (!lang.is_empty())
            .then(|| self.highlight(lang, code))
            .flatten()
            .unwrap_or_else(|| escape_html(code));
        if lang.is_empty() {
            format!("<pre class=\"code\"><code>{highlighted}</code></pre>\n")
        } else {
            format!("<pre class=\"code\" data-lang=\"{escaped_lang}\"><code>{highlighted}</code></pre>\n")
        }
    }

    fn highlight(&self, lang: &str, code: &str) -> Option<String> {
        let syntaxes = self.syntaxes();
        let syntax = syntaxes.find_syntax_by_token(lang)?;
        let style = ClassStyle::SpacedPrefixed { prefix: "hl-" };
        let mut generator = ClassedHTMLGenerator::new_with_class_style(syntax, syntaxes, style);
        for line in LinesWithEndings::from(code) {
            generator.parse_html_for_line_which_includes_newline(line).ok()?;
        }
        Some(generator.finalize())
    }
}

/// Reads `text` once for its links to content files and its dropped heading attributes.
pub fn analyze(text: &str) -> Analysis {
    let mut analysis = Analysis::default();
    for (event, range) in Parser::new_ext(text, options()).into_offset_iter() {
        match event {
            Event::Start(Tag::Link { dest_url, .. }) => {
                let path = dest_url.split('#').next().unwrap_or_default();
                if path.ends_with(".md") && !path.contains(':') {
                    analysis.content_links.push((dest_url.to_string(), range.start));
                }
            }
            Event::Start(Tag::Heading { attrs, .. }) if !attrs.is_empty() => {
                let written = attrs
                    .iter()
                    .map(|(key, value)| match value {
                        Some(value) => format!("{key}={value}"),
                        None => key.to_string(),
                    })
                    .collect::<Vec<_>>()
                    .join(" ");
                analysis.dropped_attributes.push((written, range.start));
            }
            _ => {}
        }
    }
    analysis
}

/// Raw HTML becomes text, links or images with a script URL point nowhere, and a heading
/// keeps of its attribute block (`{#id .class key=value}`) only the id and classes: any other
/// attribute could be an event handler or a style.
fn neutralize(event: Event<'_>) -> Event<'_> {
    match event {
        Event::Html(html) | Event::InlineHtml(html) => Event::Text(html),
        Event::Start(Tag::Heading { level, id, classes, .. }) => Event::Start(Tag::Heading {
            level,
            id: id.map(|id| CowStr::from(name_token(&id))).filter(|id| !id.is_empty()),
            classes: classes
                .iter()
                .map(|class| CowStr::from(name_token(class)))
                .filter(|class| !class.is_empty())
                .collect(),
            attrs: Vec::new(),
        }),
        Event::Start(Tag::Link {
            link_type,
            dest_url,
            title,
            id,
        }) if is_script_url(&dest_url) => Event::Start(Tag::Link {
            link_type,
            dest_url: "#".into(),
            title,
            id,
        }),
        Event::Start(Tag::Image {
            link_type,
            dest_url,
            title,
            id,
        }) if is_script_url(&dest_url) => Event::Start(Tag::Image {
            link_type,
            dest_url: "".into(),
            title,
            id,
        }),
        other => other,
    }
}

/// An id or class name as written, without characters that have a meaning in HTML or CSS.
fn name_token(text: &str) -> String {
    text.chars()
        .filter(|c| c.is_alphanumeric() || matches!(c, '-' | '_'))
        .collect()
}

/// Gives every heading without an explicit `{#id}` an id made from its text, unique in the page.
fn add_heading_ids(mut events: Vec<Event<'_>>) -> Vec<Event<'_>> {
    let mut used: HashMap<String, usize> = HashMap::new();
    let mut ix = 0;
    while ix < events.len() {
        if let Event::Start(Tag::Heading { id: None, .. }) = &events[ix] {
            let mut text = String::new();
            for event in &events[ix + 1..] {
                match event {
                    Event::End(TagEnd::Heading(_)) => break,
                    Event::Text(t) | Event::Code(t) => text.push_str(t),
                    _ => {}
                }
            }
            let base = anchor(&text);
            let count = used.entry(base.clone()).or_insert(0);
            *count += 1;
            let unique = if *count == 1 { base } else { format!("{base}-{count}") };
            if let Event::Start(Tag::Heading { id, .. }) = &mut events[ix] {
                *id = Some(unique.into());
            }
        }
        ix += 1;
    }
    events
}

/// A URL fragment made of a heading's words: lowercase letters and digits joined by hyphens.
pub fn anchor(text: &str) -> String {
    let mut out = String::new();
    for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !out.is_empty() {
            out.push('-');
        }
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
    if out.is_empty() { "section".to_string() } else { out }
}

/// The text of Markdown without its markup, for descriptions and feeds.
pub fn plain_text(text: &str) -> String {
    let mut out = String::new();
    for event in Parser::new_ext(text, options()) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak | Event::End(TagEnd::Paragraph) => out.push(' '),
            Event::End(TagEnd::Heading(HeadingLevel::H1)) => out.push(' '),
            _ => {}
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Cuts `text` to at most `max` characters at a word boundary, adding an ellipsis.
/// Table cells aligned by a class (`left`, `center`, `right`) rather than the `style`
/// attribute pulldown-cmark writes, which a Content-Security-Policy of `style-src 'self'`
/// blocks. Text and attribute values in the HTML have their quotes escaped, so the attribute
/// is found only where pulldown-cmark wrote it.
fn aligned_by_class(html: String) -> String {
    if !html.contains(" style=\"text-align: ") {
        return html;
    }
    html.replace(" style=\"text-align: left\"", " class=\"left\"")
        .replace(" style=\"text-align: center\"", " class=\"center\"")
        .replace(" style=\"text-align: right\"", " class=\"right\"")
}

pub fn truncate(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for word in text.split_whitespace() {
        if out.chars().count() + word.chars().count() + 2 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    let kept = out.trim_end_matches([',', ';', ':', '-', '–', '—']).len();
    out.truncate(kept);
    out.push('…');
    out
}

/// Text made safe for HTML and XML: markup characters become references, and control
/// characters that XML 1.0 forbids are dropped.
pub fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_keeps_the_html_a_build_asks_for_and_forgets_the_rest() {
        let markdown = Markdown::cached();
        let links = HashMap::new();
        let first = markdown.to_html_linked("*a*", &links);
        markdown.next_build();
        let again = markdown.to_html_linked("*a*", &links);
        assert!(first.ptr_eq(&again), "rendered once while builds ask for it");
        markdown.next_build();
        markdown.next_build();
        let later = markdown.to_html_linked("*a*", &links);
        assert!(!again.ptr_eq(&later), "forgotten after a build that did not ask");
        assert_eq!(*later, *first);
    }

    #[test]
    fn html_hashes_by_its_text() {
        let markdown = Markdown::cached();
        let links = HashMap::new();
        let (a, b) = (
            markdown.to_html_linked("*a*", &links),
            markdown.to_html_linked("*b*", &links),
        );
        let fresh = Markdown::default().to_html_linked("*a*", &links);
        assert!(!a.ptr_eq(&fresh));
        assert_eq!(crate::hashing::of(&a), crate::hashing::of(&fresh));
        assert_eq!(a, fresh);
        assert_ne!(crate::hashing::of(&a), crate::hashing::of(&b));
        assert_ne!(a, b);
    }

    #[test]
    fn headings_get_unique_anchors() {
        let html = Markdown::default().to_html("## Cara Memesan\n\n## Cara memesan\n\n## Lain {#khusus}\n");
        assert!(html.contains("<h2 id=\"cara-memesan\">"), "{html}");
        assert!(html.contains("<h2 id=\"cara-memesan-2\">"), "{html}");
        assert!(html.contains("<h2 id=\"khusus\">"), "{html}");
    }

    #[test]
    fn raw_html_and_script_links_are_neutralized() {
        let html = Markdown::default().to_html("<script>alert(1)</script>\n\n[x](javascript:alert(1)) <b>y</b>");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<b>"), "{html}");
        assert!(!html.contains("javascript:"), "{html}");
    }

    #[test]
    fn heading_attribute_blocks_keep_only_id_and_classes() {
        let text = "## Judul {tabindex=0 autofocus onfocus=alert(1) #x .a\"b style=color:red}\n";
        let html = Markdown::default().to_html(text);
        assert_eq!(html, "<h2 id=\"x\" class=\"ab\">Judul</h2>\n");
        let dropped = analyze(text).dropped_attributes;
        assert_eq!(dropped.len(), 1);
        assert!(dropped[0].0.contains("onfocus=alert(1)"), "{dropped:?}");
        assert!(analyze("## Judul {#x .y}\n").dropped_attributes.is_empty());
    }

    #[test]
    fn code_is_highlighted_with_classes() {
        let html = Markdown::default().to_html("```yaml\nname: Tempe\n```\n");
        assert!(html.contains("data-lang=\"yaml\""), "{html}");
        assert!(html.contains("class=\"hl-"), "{html}");
    }

    #[test]
    fn tables_footnotes_and_strikethrough() {
        let html = Markdown::default().to_html("|a|b|\n|-|-|\n|1|2|\n\n~~old~~ note[^1]\n\n[^1]: foot\n");
        assert!(html.contains("<table>"));
        assert!(html.contains("<del>old</del>"));
        assert!(html.contains("footnote"));
    }

    #[test]
    fn links_to_content_files_are_found_and_replaced() {
        let text = "Baca juga [kabar](2025-11-19-a.id.md#foto) dan [situs](https://x.test/a.md).";
        assert_eq!(
            analyze(text).content_links,
            vec![("2025-11-19-a.id.md#foto".to_string(), 10)]
        );
        let links = HashMap::from([("2025-11-19-a.id.md#foto".to_string(), "/berita/a/#foto".to_string())]);
        assert!(
            Markdown::default()
                .to_html_linked(text, &links)
                .contains("href=\"/berita/a/#foto\"")
        );
    }

    #[test]
    fn aligns_table_columns_by_class() {
        let html = Markdown::default().to_html("| a | b | c |\n|:--|:-:|--:|\n| 1 | 2 | 3 |\n");
        assert!(!html.contains("style="), "{html}");
        assert!(html.contains("<th class=\"left\">a</th>"), "{html}");
        assert!(html.contains("<td class=\"center\">2</td>"), "{html}");
        assert!(html.contains("<td class=\"right\">3</td>"), "{html}");
    }

    #[test]
    fn truncates_at_word_boundary() {
        assert_eq!(truncate("satu dua tiga", 9), "satu dua…");
        assert_eq!(truncate("satu", 9), "satu");
    }
}
