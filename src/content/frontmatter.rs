//! Splits a Markdown file into its YAML front matter and its body.

use std::path::Path;

use crate::error::Diagnostic;
use crate::messages::Content as Msg;

/// A Markdown file cut at its front matter fences.
#[derive(Debug, PartialEq, Eq)]
pub struct Split<'a> {
    /// The whole file up to the closing fence, with the fences blanked: the YAML parser's
    /// line numbers are then the file's.
    pub yaml: String,
    /// The Markdown after the closing fence.
    pub body: &'a str,
}

/// Cuts `text` at the `---` fences that open and close its front matter.
pub fn split<'a>(file: &Path, text: &'a str) -> Result<Split<'a>, Diagnostic> {
    if text.trim().is_empty() {
        return Err(Diagnostic::new(file, Msg::FileEmpty).with_hint(Msg::HintFrontMatterShape));
    }
    let mut lines = text.split_inclusive('\n');
    let first = lines.next().unwrap_or_default();
    if !is_fence(first) {
        return Err(Diagnostic::new(file, Msg::FrontMatterMissing)
            .at(text, 1, 1)
            .with_hint(Msg::HintFrontMatterShape));
    }
    let mut yaml = String::with_capacity(text.len().min(4096));
    yaml.push('\n');
    let mut offset = first.len();
    for line in lines {
        offset += line.len();
        if is_fence(line) {
            return Ok(Split {
                yaml,
                body: &text[offset..],
            });
        }
        yaml.push_str(line.trim_end_matches(['\r', '\n']));
        yaml.push('\n');
    }
    Err(Diagnostic::new(file, Msg::FrontMatterNotClosed)
        .at(text, 1, 1)
        .with_hint(Msg::HintCloseFrontMatter))
}

fn is_fence(line: &str) -> bool {
    line.trim_end() == "---"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_line_numbers_of_the_file() {
        let text = "---\ntitle: A\r\ndate: 2025-01-01\n---\nBody\n";
        let split = split(Path::new("a.md"), text).unwrap();
        assert_eq!(split.yaml, "\ntitle: A\ndate: 2025-01-01\n");
        assert_eq!(split.body, "Body\n");
    }

    #[test]
    fn reports_missing_and_unclosed_front_matter() {
        let missing = split(Path::new("a.md"), "title: A\n").unwrap_err();
        assert_eq!(missing.message, Msg::FrontMatterMissing.into());
        let unclosed = split(Path::new("a.md"), "---\ntitle: A\n").unwrap_err();
        assert_eq!(unclosed.message, Msg::FrontMatterNotClosed.into());
        let empty = split(Path::new("a.md"), " \n").unwrap_err();
        assert_eq!(empty.message, Msg::FileEmpty.into());
    }

    #[test]
    fn body_may_contain_fences_after_the_front_matter() {
        let text = "---\ntitle: A\n---\nx\n---\ny";
        assert_eq!(split(Path::new("a.md"), text).unwrap().body, "x\n---\ny");
    }
}

#[cfg(test)]
mod properties {
    use super::*;
    use crate::kinds::news::NewsFront;
    use crate::kinds::products::ProductSheet;
    use crate::kinds::units::UnitSheet;

    /// A deterministic generator of writer-like text: fences, keys, quotes, tabs, CRLF, BOM.
    struct Gen(u64);

    impl Gen {
        fn next(&mut self, below: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((self.0 >> 33) % below as u64) as usize
        }

        fn text(&mut self) -> String {
            const PIECES: &[&str] = &[
                "---",
                "\n",
                "\r\n",
                "title: A",
                "date: 2025-11-19",
                "unit: u",
                "summary: S",
                ": ",
                "\t",
                " ",
                "\"",
                "'",
                "[",
                "]",
                "{",
                "}",
                "é",
                "\u{feff}",
                "#",
                "- x",
                "price: { amount: 25.000 }",
                "name: { id: A }",
                "...",
                "*",
                "&a",
                "!!str",
                "%",
                "|",
                ">",
                "…",
            ];
            let len = self.next(40);
            (0..len).map(|_| PIECES[self.next(PIECES.len())]).collect()
        }
    }

    #[test]
    fn splitting_and_parsing_never_panic_and_keep_line_numbers() {
        let mut generator = Gen(7);
        for _ in 0..5000 {
            let text = generator.text();
            let file = Path::new("x.md");
            if let Ok(split) = split(file, &text) {
                assert!(text.ends_with(split.body), "the body is the end of the file");
                let front_lines = split.yaml.matches('\n').count();
                let text_lines_before_body = text[..text.len() - split.body.len()].matches('\n').count();
                assert_eq!(front_lines + 1, text_lines_before_body, "{text:?}");
                let _ = crate::yaml::parse::<NewsFront>(file, &split.yaml);
            }
            let _ = crate::yaml::parse::<ProductSheet>(file, &text);
            let _ = crate::yaml::parse::<UnitSheet>(file, &text);
            let _ = crate::yaml::decode_utf8(file, text.as_bytes());
        }
    }
}
