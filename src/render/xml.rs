//! XML output (feeds, the sitemap): values escaped with the HTML escaper, which also drops the
//! control characters XML 1.0 forbids.

pub use crate::site::markdown::escape_html as escape;

/// The XML declaration and an opening tag with the given attributes (already escaped).
pub fn prolog(root: &str, attributes: &str) -> String {
    format!("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<{root} {attributes}>\n")
}
