//! The one rule for every web address a writer gives — a shop, a website, a registration page,
//! the site's own `base_url` — and for links written in Markdown: content may link to web
//! pages, never run a script. Addresses in fields must be absolute `http(s)` URLs; links in
//! Markdown may also be relative, but never use a script scheme.

/// Why a writer's address was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Problem {
    /// Not an absolute `https://` or `http://` address (a script URL is one of these).
    NotWeb,
    /// Spaces, quotes, angle brackets or control characters inside the address.
    BadCharacters,
}

/// The address of a URL field, trimmed, when it is an absolute `http(s)` URL with a host.
pub fn check(value: &str) -> Result<String, Problem> {
    let url = value.trim();
    if url
        .chars()
        .any(|c| c.is_whitespace() || c.is_control() || matches!(c, '"' | '\'' | '<' | '>' | '`' | '\\'))
    {
        return Err(Problem::BadCharacters);
    }
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .ok_or(Problem::NotWeb)?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let host = host.rsplit('@').next().unwrap_or_default();
    if host.is_empty() || host.starts_with(':') {
        return Err(Problem::NotWeb);
    }
    Ok(url.to_string())
}

/// Whether a link destination would run code when followed: `javascript:`, `vbscript:` and
/// `data:` URLs, however they are spaced or capitalised (browsers ignore tabs and newlines in
/// a scheme, and leading spaces).
pub fn is_script_url(url: &str) -> bool {
    let scheme: String = url
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .take_while(|&c| c != ':')
        .collect::<String>()
        .to_ascii_lowercase();
    let has_scheme = url.contains(':') && scheme.len() < url.len();
    has_scheme && matches!(scheme.as_str(), "javascript" | "vbscript" | "data")
}

/// A plain e-mail address (`humas@example.go.id`), safe to put after `mailto:`.
pub fn is_email(value: &str) -> bool {
    let value = value.trim();
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    let allowed = |c: char| c.is_alphanumeric() || "._%+-".contains(c);
    !local.is_empty()
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && local.chars().all(allowed)
        && domain.chars().all(|c| c.is_alphanumeric() || c == '.' || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_web_addresses_only() {
        assert_eq!(
            check(" https://example.com/toko "),
            Ok("https://example.com/toko".into())
        );
        assert_eq!(check("HTTP://Example.com"), Ok("HTTP://Example.com".into()));
        for bad in [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "vbscript:x",
            "data:text/html,x",
            "//example.com",
            "example.com",
            "https://",
            "https:///x",
            "ftp://example.com",
            "mailto:a@b.c",
        ] {
            assert_eq!(check(bad), Err(Problem::NotWeb), "{bad}");
        }
        for bad in [
            "https://x.com/\"onmouseover=x",
            "https://x.com/a b",
            "https://x.com/<x>",
        ] {
            assert_eq!(check(bad), Err(Problem::BadCharacters), "{bad}");
        }
    }

    #[test]
    fn finds_script_urls_however_written() {
        for bad in [
            "javascript:alert(1)",
            "  JaVaScRiPt:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:x",
            "vbscript:x",
            "DATA:text/html;base64,x",
        ] {
            assert!(is_script_url(bad), "{bad}");
        }
        for good in [
            "https://x.com",
            "/berita/a/",
            "#foto",
            "mailto:a@b.c",
            "tel:+62",
            "a.md",
        ] {
            assert!(!is_script_url(good), "{good}");
        }
    }

    #[test]
    fn recognises_plain_email_addresses() {
        assert!(is_email("humas@lapas-lahat.go.id"));
        for bad in ["x", "a@b", "a b@c.d", "a@b.c?body=x", "\"a\"@b.c", "javascript:x@y.z"] {
            assert!(!is_email(bad), "{bad}");
        }
    }
}
