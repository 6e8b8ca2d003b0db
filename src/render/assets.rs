//! The addresses of the theme's assets (`/assets/style.1a2b3c4d.css`), filled into pages after
//! they are rendered. A page is rendered with a placeholder for each asset it links, so that
//! editing a stylesheet changes its address but no rendered page: the dev server re-renders
//! nothing for a CSS edit and fills the new address in as it serves, and `build` fills it in as
//! it writes. Both go through [`Assets::fill`], so what they publish is the same.
//!
//! A placeholder is `U+E000 <nonce> . <index> U+E001`, with characters from Unicode's private
//! use area that no escaping touches; the nonce is random per process, so that no text in the
//! content can spell a placeholder.

use std::borrow::Cow;
use std::sync::OnceLock;

const OPEN: char = '\u{E000}';
const CLOSE: char = '\u{E001}';

/// The theme's assets: each path with its address and its placeholder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Assets {
    /// (path in the theme, address, placeholder), sorted by path.
    entries: Vec<(String, String, String)>,
}

impl Assets {
    /// The assets of `urls` (path → address).
    pub fn new<'a>(urls: impl IntoIterator<Item = (&'a String, &'a String)>) -> Assets {
        let mut entries: Vec<(String, String, String)> = urls
            .into_iter()
            .map(|(path, url)| (path.clone(), url.clone(), String::new()))
            .collect();
        entries.sort();
        for (index, entry) in entries.iter_mut().enumerate() {
            entry.2 = format!("{OPEN}{:x}.{index}{CLOSE}", nonce());
        }
        Assets { entries }
    }

    /// The placeholder of each asset, by path, for pages to link.
    pub fn placeholders(&self) -> impl Iterator<Item = (&str, &str)> {
        self.entries
            .iter()
            .map(|(path, _, placeholder)| (path.as_str(), placeholder.as_str()))
    }

    /// The placeholder of the asset at `path`.
    pub fn placeholder(&self, path: &str) -> Option<&str> {
        self.entries
            .iter()
            .find(|(p, ..)| p == path)
            .map(|(.., placeholder)| placeholder.as_str())
    }

    /// `page` with every placeholder replaced by its asset's address.
    pub fn fill<'p>(&self, page: &'p [u8]) -> Cow<'p, [u8]> {
        let open = OPEN.to_string();
        let Some(first) = memchr::memmem::find(page, open.as_bytes()) else {
            return Cow::Borrowed(page);
        };
        let mut filled = Vec::with_capacity(page.len());
        let mut rest = page;
        let mut at = Some(first);
        while let Some(start) = at {
            filled.extend_from_slice(&rest[..start]);
            rest = &rest[start..];
            match self.address_at(rest) {
                Some((address, length)) => {
                    filled.extend_from_slice(address.as_bytes());
                    rest = &rest[length..];
                }
                None => {
                    filled.extend_from_slice(open.as_bytes());
                    rest = &rest[open.len()..];
                }
            }
            at = memchr::memmem::find(rest, open.as_bytes());
        }
        filled.extend_from_slice(rest);
        Cow::Owned(filled)
    }

    /// The address of the placeholder that `text` starts with, and the placeholder's length.
    fn address_at(&self, text: &[u8]) -> Option<(&str, usize)> {
        self.entries.iter().find_map(|(_, address, placeholder)| {
            text.starts_with(placeholder.as_bytes())
                .then_some((address.as_str(), placeholder.len()))
        })
    }
}

/// A random number drawn once per process.
fn nonce() -> u64 {
    static NONCE: OnceLock<u64> = OnceLock::new();
    *NONCE.get_or_init(|| {
        use std::hash::{BuildHasher, RandomState};
        RandomState::new().hash_one(std::process::id())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assets() -> Assets {
        let urls = [
            ("style.css".to_string(), "/assets/style.1a2b.css".to_string()),
            ("share.js".to_string(), "/assets/share.3c4d.js".to_string()),
        ];
        Assets::new(urls.iter().map(|(p, u)| (p, u)))
    }

    #[test]
    fn placeholders_become_addresses() {
        let assets = assets();
        let style = assets.placeholder("style.css").expect("style");
        let share = assets.placeholder("share.js").expect("share");
        let page = format!("<link href=\"{style}\"><script src=\"{share}\"></script>{style}");
        assert_eq!(
            assets.fill(page.as_bytes()).as_ref(),
            b"<link href=\"/assets/style.1a2b.css\"><script src=\"/assets/share.3c4d.js\"></script>/assets/style.1a2b.css"
        );
    }

    #[test]
    fn a_page_without_placeholders_is_left_as_it_is() {
        assert!(matches!(assets().fill(b"<p>no assets</p>"), Cow::Borrowed(_)));
    }

    #[test]
    fn text_that_only_looks_like_a_placeholder_stays() {
        let page = format!("<p>{OPEN}0.0{CLOSE} and {OPEN}</p>");
        assert_eq!(assets().fill(page.as_bytes()).as_ref(), page.as_bytes());
    }

    #[test]
    fn a_changed_address_keeps_its_placeholder() {
        let before = assets();
        let urls = [
            ("style.css".to_string(), "/assets/style.9999.css".to_string()),
            ("share.js".to_string(), "/assets/share.3c4d.js".to_string()),
        ];
        let after = Assets::new(urls.iter().map(|(p, u)| (p, u)));
        assert_eq!(before.placeholder("style.css"), after.placeholder("style.css"));
        assert_ne!(before, after);
    }
}
