//! Atom feeds (one per language) and the sitemap with `xhtml:link` language alternates.
//! Written directly as XML with every value escaped.

use std::fmt::Write;

use super::{Job, Renderer, jsonld};
use crate::site::markdown::escape_html as escape;

/// Stories in a feed.
const FEED_ENTRIES: usize = 20;

/// RFC 3339 time of a story (midnight when it has no time), with the site's offset.
fn rfc3339(r: &Renderer, ix: usize) -> String {
    let story = &r.site.stories[ix];
    let time = story.time.unwrap_or(jiff::civil::Time::midnight());
    jsonld::date_time(&r.site, story.date, Some(time))
}

pub(super) fn feed(r: &Renderer, lang: usize) -> String {
    let site = &*r.site;
    let stories = &site.index.stories[lang];
    let recent = &stories[..stories.len().min(FEED_ENTRIES)];
    let home = r.urls.absolute(&r.urls.home(lang));
    let self_url = r.urls.absolute(&r.urls.feed(lang));
    let updated = recent
        .first()
        .map(|&ix| rfc3339(r, ix))
        .unwrap_or_else(|| "2000-01-01T00:00:00Z".to_string());
    let mut xml = String::with_capacity(4096 + recent.len() * 2048);
    let _ = write!(
        xml,
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n\
         <title>{}</title>\n<link href=\"{}\" rel=\"self\" type=\"application/atom+xml\"/>\n\
         <link href=\"{}\" rel=\"alternate\" type=\"text/html\"/>\n<id>{}</id>\n<updated>{}</updated>\n",
        escape(&site.config.languages[lang].code),
        escape(site.text(&site.config.title, lang)),
        escape(&self_url),
        escape(&home),
        escape(&self_url),
        updated,
    );
    for &ix in recent {
        let story = &site.stories[ix];
        let url = r.urls.absolute(&r.urls.story(lang, &story.slug));
        let _ = write!(
            xml,
            "<entry>\n<title>{}</title>\n<link href=\"{}\" rel=\"alternate\" type=\"text/html\"/>\n<id>{}</id>\n\
             <published>{time}</published>\n<updated>{time}</updated>\n<author><name>{}</name></author>\n\
             <summary>{}</summary>\n<content type=\"html\">{}</content>\n</entry>\n",
            escape(&story.title),
            escape(&url),
            escape(&url),
            escape(site.text(&site.units[story.unit].name, lang)),
            escape(&story.summary),
            escape(&story.html),
            time = rfc3339(r, ix),
        );
    }
    xml.push_str("</feed>\n");
    xml
}

pub(super) fn sitemap(r: &Renderer) -> String {
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for job in r.jobs() {
        if matches!(job, Job::NotFound { .. }) {
            continue;
        }
        let Some(url) = r.url(job) else { continue };
        let _ = write!(xml, "<url><loc>{}</loc>", escape(&r.urls.absolute(&url)));
        if let Job::Story { ix } = job {
            let _ = write!(xml, "<lastmod>{}</lastmod>", r.site.stories[ix].date);
        }
        let alternates = r.alternates(job);
        if alternates.len() > 1 {
            for (lang, href) in alternates {
                let _ = write!(
                    xml,
                    "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{}\"/>",
                    escape(&lang),
                    escape(&href)
                );
            }
        }
        xml.push_str("</url>\n");
    }
    xml.push_str("</urlset>\n");
    xml
}
