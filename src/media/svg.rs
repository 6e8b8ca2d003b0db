//! SVG images are published as they are written, so they are read first: an SVG can carry
//! scripts — a `<script>` or `<foreignObject>` element, an `onload` attribute, a
//! `javascript:` link — that would run on the site's own address when the file is opened.
//! Such an SVG is refused, pointing at the line that holds the problem.

use std::path::Path;

use roxmltree::{Document, Node, ParsingOptions};

use crate::error::Diagnostic;
use crate::messages::Media;
use crate::web_url::is_script_url;

/// Elements that run script or embed other documents.
const ACTIVE_ELEMENTS: [&str; 7] = [
    "script",
    "foreignobject",
    "iframe",
    "embed",
    "object",
    "handler",
    "listener",
];

/// Checks one SVG file; `file` is its path relative to the site folder, for the message.
pub fn check(file: &Path, text: &str) -> Result<(), Diagnostic> {
    let options = ParsingOptions {
        allow_dtd: true,
        ..ParsingOptions::default()
    };
    let document = Document::parse_with_options(text, options).map_err(|err| {
        let position = err.pos();
        Diagnostic::new(
            file,
            Media::SvgUnreadable {
                detail: err.to_string(),
            },
        )
        .at(text, u64::from(position.row), u64::from(position.col))
        .with_hint(Media::HintPlainSvg)
    })?;
    match document.descendants().find_map(active_part) {
        None => Ok(()),
        Some((node, what)) => {
            let position = document.text_pos_at(node.range().start);
            Err(Diagnostic::new(file, what)
                .at(text, u64::from(position.row), u64::from(position.col))
                .with_hint(Media::HintRemoveScript))
        }
    }
}

/// The first part of `node` that could run script, described for the writer.
fn active_part<'a, 'i>(node: Node<'a, 'i>) -> Option<(Node<'a, 'i>, Media)> {
    if node.is_pi() {
        return Some((node, Media::SvgInstruction));
    }
    if !node.is_element() {
        return None;
    }
    let name = node.tag_name().name();
    if ACTIVE_ELEMENTS.contains(&name.to_ascii_lowercase().as_str()) {
        return Some((node, Media::SvgElement { name: name.to_string() }));
    }
    node.attributes().find_map(|attribute| {
        let key = attribute.name();
        if key.to_ascii_lowercase().starts_with("on") {
            Some((
                node,
                Media::SvgHandler {
                    attribute: key.to_string(),
                },
            ))
        } else if is_script_url(attribute.value()) && !is_embedded_picture(attribute.value()) {
            Some((
                node,
                Media::SvgScriptAddress {
                    attribute: key.to_string(),
                },
            ))
        } else {
            None
        }
    })
}

/// A raster picture embedded as a `data:` URL, as drawing programs write them: no script.
fn is_embedded_picture(value: &str) -> bool {
    let value = value.trim().to_ascii_lowercase();
    ["png", "jpeg", "jpg", "gif", "webp"].iter().any(|format| {
        value.starts_with(&format!("data:image/{format};")) || value.starts_with(&format!("data:image/{format},"))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check_svg(text: &str) -> Result<(), Diagnostic> {
        check(Path::new("content/media/x.svg"), text)
    }

    #[test]
    fn plain_drawings_pass() {
        let plain = r##"<?xml version="1.0"?><!DOCTYPE svg><svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" viewBox="0 0 10 10"><title>x</title><style>.a{fill:red}</style><a href="https://example.com"><rect class="a" width="5" height="5"/></a><image xlink:href="data:image/png;base64,AAAA"/><use href="#r"/></svg>"##;
        assert!(check_svg(plain).is_ok(), "{:?}", check_svg(plain));
    }

    #[test]
    fn scripts_and_handlers_are_refused_where_they_are() {
        for (svg, what, line) in [
            (
                "<svg xmlns=\"http://www.w3.org/2000/svg\">\n<script>alert(1)</script></svg>",
                "<script>",
                2,
            ),
            (
                "<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>",
                "`onload`",
                1,
            ),
            (
                "<svg xmlns=\"http://www.w3.org/2000/svg\">\n\n<rect ONCLICK=\"x\"/></svg>",
                "`ONCLICK`",
                3,
            ),
            (
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><a href=\" javascript:alert(1)\"><text>x</text></a></svg>",
                "`href`",
                1,
            ),
            (
                "<svg xmlns=\"http://www.w3.org/2000/svg\" xmlns:x=\"http://www.w3.org/1999/xlink\"><a x:href=\"data:text/html,x\"/></svg>",
                "`href`",
                1,
            ),
            (
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><set attributeName=\"href\" to=\"javascript:alert(1)\"/></svg>",
                "`to`",
                1,
            ),
            (
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><foreignObject><div/></foreignObject></svg>",
                "<foreignObject>",
                1,
            ),
        ] {
            let error = check_svg(svg).expect_err(svg);
            let message = error.message.text(crate::messages::Lang::En);
            assert!(message.contains(what), "{svg}: {message}");
            assert_eq!(error.position.map(|p| p.0), Some(line), "{svg}");
        }
    }

    #[test]
    fn a_broken_file_is_an_error_with_its_position() {
        let error = check_svg("<svg>\n<rect></svg>").expect_err("broken");
        assert_eq!(error.position.map(|p| p.0), Some(2));
    }
}
