//! What every page tells the layout (`base.html`) about itself: title, description, canonical
//! URL, language versions, breadcrumbs, structured data, Open Graph image; and the pieces
//! list pages share (the pager, breadcrumbs).

use serde::Serialize;

use super::images::OgImage;
use crate::ids::PageNo;

/// What a view says about its page for the `<head>` and the breadcrumbs.
#[derive(Debug, Clone)]
pub struct Head {
    pub title: String,
    pub description: String,
    /// Breadcrumbs after the home page's.
    pub crumbs: Vec<Crumb>,
    /// The page's own schema.org item.
    pub jsonld: Option<serde_json::Value>,
    pub og_type: &'static str,
    pub image: Option<OgImage>,
    /// The navigation section the page belongs to (the menu marks it current).
    pub section: &'static str,
    /// What link previews read beside the Open Graph basics.
    pub extra: Extra,
}

/// Open Graph properties of some kinds of pages: an article's times, a product's price.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Extra {
    /// `article:published_time` and `article:modified_time` (ISO 8601 with the zone).
    pub published: Option<String>,
    pub modified: Option<String>,
    /// `product:price:amount` (whole rupiah) and `product:price:currency`.
    pub price: Option<u64>,
    pub currency: Option<&'static str>,
}

impl Head {
    /// A page titled `title`, in navigation section `section`.
    pub fn new(title: impl Into<String>, description: impl Into<String>, section: &'static str) -> Head {
        Head {
            title: title.into(),
            description: description.into(),
            crumbs: Vec::new(),
            jsonld: None,
            og_type: "website",
            image: None,
            section,
            extra: Extra::default(),
        }
    }

    /// An article's times, for `article:published_time` and `article:modified_time`.
    pub fn article(mut self, published: String, modified: String) -> Head {
        self.extra.published = Some(published);
        self.extra.modified = Some(modified);
        self
    }

    /// A product's price in rupiah, for `product:price:*`.
    pub fn price(mut self, amount: Option<u64>) -> Head {
        self.extra.price = amount;
        self.extra.currency = amount.map(|_| "IDR");
        self
    }

    pub fn crumb(mut self, name: impl Into<String>, url: impl Into<String>) -> Head {
        self.crumbs.push(Crumb {
            name: name.into(),
            url: url.into(),
        });
        self
    }

    pub fn jsonld(mut self, item: serde_json::Value) -> Head {
        self.jsonld = Some(item);
        self
    }

    /// An article or product page, with its Open Graph image.
    pub fn og(mut self, og_type: &'static str, image: Option<OgImage>) -> Head {
        self.og_type = og_type;
        self.image = image;
        self
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Crumb {
    pub name: String,
    pub url: String,
}

/// What every page tells the layout about itself.
#[derive(Serialize)]
pub struct PageMeta {
    pub title: String,
    pub description: String,
    pub url: String,
    pub canonical: String,
    /// Links to this page in every language it exists in (`hreflang`).
    pub alternates: Vec<Alternate>,
    /// One entry per configured language, for the language switcher.
    pub switcher: Vec<SwitchTarget>,
    pub breadcrumbs: Vec<Crumb>,
    pub jsonld: String,
    pub og_type: &'static str,
    pub og_image: Option<OgImage>,
    /// A WhatsApp link that shares this page's title and address (no JavaScript needed).
    pub share_whatsapp: String,
    /// The navigation section this page belongs to.
    pub section: &'static str,
    pub extra: Extra,
}

#[derive(Serialize)]
pub struct Alternate {
    pub lang: String,
    pub url: String,
}

#[derive(Serialize)]
pub struct SwitchTarget {
    pub code: String,
    pub name: String,
    pub url: String,
    /// False when the page has no version in that language: the link goes to its home.
    pub available: bool,
    pub current: bool,
}

/// The links between the pages of a list.
#[derive(Serialize)]
pub struct Pager {
    pub current: usize,
    pub total: usize,
    pub prev: Option<String>,
    pub next: Option<String>,
    /// A window of page numbers around the current one (never all of them).
    pub pages: Vec<PagerLink>,
}

#[derive(Serialize)]
pub struct PagerLink {
    pub number: usize,
    pub url: String,
    pub current: bool,
}

impl Pager {
    /// The pager of page `page` of a list of `items` entries shown `per_page` at a time;
    /// `url` gives the address of a page.
    pub fn new(page: PageNo, items: usize, per_page: usize, url: impl Fn(PageNo) -> String) -> Pager {
        let total = PageNo::all(items, per_page).count();
        let current = page.get();
        let window = current.saturating_sub(2).max(1)..=(current + 2).min(total);
        Pager {
            current,
            total,
            prev: (current > 1).then(|| url(PageNo::new(current - 1))),
            next: (current < total).then(|| url(PageNo::new(current + 1))),
            pages: window
                .map(|number| PagerLink {
                    number,
                    url: url(PageNo::new(number)),
                    current: number == current,
                })
                .collect(),
        }
    }
}

/// "Berita · Halaman 2": the title of a list page after the first.
pub fn paged_title(title: String, page: PageNo, word: &str) -> String {
    if page.is_first() {
        title
    } else {
        format!("{title} · {word} {page}")
    }
}

/// Percent-encodes a query value (RFC 3986 unreserved characters pass).
pub fn percent_encode(text: &str) -> String {
    let mut out = String::new();
    for byte in text.bytes() {
        if byte.is_ascii_alphanumeric() || b"-_.~".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pager_shows_a_window_of_pages() {
        let pager = Pager::new(PageNo::new(5), 100, 10, |p| format!("/berita/{p}/"));
        assert_eq!(pager.total, 10);
        assert_eq!(
            pager.pages.iter().map(|p| p.number).collect::<Vec<_>>(),
            [3, 4, 5, 6, 7]
        );
        assert_eq!(pager.prev.as_deref(), Some("/berita/4/"));
        let single = Pager::new(PageNo::FIRST, 0, 10, |_| String::new());
        assert_eq!((single.total, single.prev, single.next), (1, None, None));
    }

    #[test]
    fn percent_encodes_query_values() {
        assert_eq!(percent_encode("Gula & kopi"), "Gula%20%26%20kopi");
    }
}
