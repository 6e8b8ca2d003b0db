//! YAML reading: text decoding, typed parsing, and errors placed at the writer's line and column.

use std::path::Path;

use serde::de::DeserializeOwned;
use serde_saphyr::{MessageFormatter, UserMessageFormatter};

use crate::error::Diagnostic;

/// Decodes a file as UTF-8, dropping a byte-order mark; anything else is a clear error.
pub fn decode_utf8(file: &Path, bytes: &[u8]) -> Result<String, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => match raw_control_character(text) {
            None => Ok(text.to_string()),
            Some((line, column)) => Err(Diagnostic::new(file, "the text holds an invisible control character")
                .at(text, line, column)
                .with_hint(
                    "delete it (it may have come with text pasted from another program) and type that part again",
                )),
        },
        Err(err) => {
            let valid = &bytes[..err.valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
            let column = valid.iter().rev().take_while(|&&b| b != b'\n').count() as u64 + 1;
            let text = String::from_utf8_lossy(bytes);
            Err(Diagnostic::new(file, "the file is not valid UTF-8 text")
                .at(&text, line, column)
                .with_hint("save the file with UTF-8 encoding (in most editors: File → Save with Encoding → UTF-8)"))
        }
    }
}

/// Parses `text` into `T`. `text` is the whole file, or a front matter block whose surrounding
/// lines are blanked, so that the parser's line numbers are the file's.
pub fn parse<T: DeserializeOwned>(file: &Path, text: &str) -> Result<T, Diagnostic> {
    if let Some((line, column)) = control_character(text) {
        return Err(Diagnostic::new(file, "the text holds an invisible control character")
            .at(text, line, column)
            .with_hint("delete it, or the escape (such as \\0 or \\x00) that writes it, and type the text again"));
    }
    serde_saphyr::from_str(text).map_err(|err| to_diagnostic(file, text, &err))
}

/// The line and column of the first control character (other than tab and line ends) in
/// `text`, written as it is or as an escape inside a double-quoted value. Such characters
/// are invisible in an editor and have no place in a page (a NUL breaks HTML and XML).
fn control_character(text: &str) -> Option<(u64, u64)> {
    let mut quoted = false;
    for (ix, line) in text.lines().enumerate() {
        let mut previous = ' ';
        let mut chars = line.char_indices().peekable();
        while let Some((byte, c)) = chars.next() {
            let at = || Some((ix as u64 + 1, line[..byte].chars().count() as u64 + 1));
            if c.is_control() && c != '\t' && c != '\r' {
                return at();
            }
            if quoted && c == '\\' {
                let rest = &line[byte + 1..];
                if escape_is_control(rest) {
                    return at();
                }
                chars.next(); // the escaped character, which may be a quote
            } else if c == '"' && (quoted || opens_value(previous)) {
                quoted = !quoted;
            } else if !quoted && c == '#' && previous.is_whitespace() {
                break; // a comment
            }
            if !c.is_whitespace() || !quoted {
                previous = c;
            }
        }
    }
    None
}

/// The line and column of the first control character other than tab and line ends.
fn raw_control_character(text: &str) -> Option<(u64, u64)> {
    let at = text.find(|c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))?;
    let before = &text[..at];
    let line = before.matches('\n').count() as u64 + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u64 + 1;
    Some((line, column))
}

/// Whether a `"` after `previous` starts a double-quoted value.
fn opens_value(previous: char) -> bool {
    previous.is_whitespace() || matches!(previous, ':' | '-' | '[' | '{' | ',')
}

/// Whether the YAML escape starting at `rest` (the text after the backslash) writes a
/// control character other than tab or a line end.
fn escape_is_control(rest: &str) -> bool {
    let hex = |digits: usize| {
        rest.get(1..=digits)
            .and_then(|h| u32::from_str_radix(h, 16).ok())
            .and_then(char::from_u32)
    };
    let decoded = match rest.chars().next() {
        Some('0') => Some('\0'),
        Some('a') => Some('\u{7}'),
        Some('b') => Some('\u{8}'),
        Some('e') => Some('\u{1b}'),
        Some('f') => Some('\u{c}'),
        Some('v') => Some('\u{b}'),
        Some('N') => Some('\u{85}'),
        Some('x') => hex(2),
        Some('u') => hex(4),
        Some('U') => hex(8),
        _ => None,
    };
    decoded.is_some_and(|c| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
}

fn to_diagnostic(file: &Path, text: &str, err: &serde_saphyr::Error) -> Diagnostic {
    let inner = err.without_snippet();
    let message = UserMessageFormatter.format_message(inner).into_owned();
    let hint = unknown_key_hint(&message).or_else(|| hint_for(&message).map(String::from));
    let mut diagnostic = Diagnostic::new(file, message);
    if let Some(location) = err.location() {
        let (line, column) = (location.line(), location.column());
        // The parser places a tab error where the scalar before it began: point at the tab.
        let tab = diagnostic
            .message
            .contains("tab")
            .then(|| first_tab(text, line))
            .flatten();
        let (line, column) = tab.unwrap_or((line, column));
        diagnostic = diagnostic.at(text, line, column);
    }
    match hint {
        Some(hint) => diagnostic.with_hint(hint),
        None => diagnostic,
    }
}

/// "did you mean `featured`?" for serde's "unknown field `featurd`, expected one of …" (and
/// likewise for an unknown value of a fixed list, such as a unit's type).
fn unknown_key_hint(message: &str) -> Option<String> {
    let (rest, what) = match message.strip_prefix("unknown field `") {
        Some(rest) => (rest, "check the spelling of the key"),
        None => (
            message.strip_prefix("unknown variant `")?,
            "use one of the values listed",
        ),
    };
    let (wrong, rest) = rest.split_once('`')?;
    let expected = rest.split_once("expected ")?.1.trim_start_matches("one of ");
    let keys = expected.split(',').map(|k| k.trim().trim_matches('`'));
    Some(format!("{} — {what}", crate::error::suggestion(wrong, keys)))
}

/// Plain-words advice for the YAML mistakes writers make most.
fn hint_for(message: &str) -> Option<&'static str> {
    let m = message.to_ascii_lowercase();
    if m.contains("tab") {
        Some("YAML indents with spaces only: replace the tab with spaces")
    } else if m.contains("duplicate mapping key") {
        Some("write each key once")
    } else if m.contains("unknown variant") {
        Some("use one of the values listed")
    } else if m.contains("unknown field") {
        Some("check the spelling of the key; docs/reference.md of Etalase lists every key")
    } else if m.contains("missing field") {
        Some("add the key and its value; docs/reference.md of Etalase shows a complete example")
    } else if m.contains("quote") || m.contains("quoted") {
        Some("close the quote at the end of the value")
    } else if m.contains("floating point") || m.contains("float") || m.contains("u64") || m.contains("integer") {
        Some("write whole rupiah without dots or commas, e.g. 25000 (YAML reads 25.000 as 25.0)")
    } else if m.contains("indent") || m.contains("mapping values") {
        Some("check the indentation: keys of one block start in the same column")
    } else {
        None
    }
}

/// The first tab on or after line `from` (1-based), as line and column.
fn first_tab(text: &str, from: u64) -> Option<(u64, u64)> {
    text.lines()
        .enumerate()
        .skip(usize::try_from(from.saturating_sub(1)).ok()?)
        .find_map(|(ix, line)| {
            line.find('\t')
                .map(|byte| (ix as u64 + 1, line[..byte].chars().count() as u64 + 1))
        })
}

/// The first line and column where `needle` occurs in `text`, to place a diagnostic.
pub fn find_line(text: &str, needle: &str) -> Option<(u64, u64)> {
    if needle.is_empty() {
        return None;
    }
    text.lines().enumerate().find_map(|(ix, line)| {
        line.find(needle)
            .map(|byte| (ix as u64 + 1, line[..byte].chars().count() as u64 + 1))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_found_raw_or_escaped() {
        assert_eq!(control_character("title: \"a\\0b\"\n"), Some((1, 10)));
        assert_eq!(control_character("a: 1\ntitle: \"x \\x00\"\n"), Some((2, 11)));
        assert_eq!(control_character("title: \"\\u0007\"\n"), Some((1, 9)));
        assert_eq!(control_character("title: a\u{0}b\n"), Some((1, 9)));
        assert_eq!(control_character("name: { id: \"x\", en: \"\\e\" }\n"), Some((1, 23)));
        for fine in [
            "title: \"Kata \\\"kutip\\\" \\t\\n \\u00e9\"\n",
            "path: C:\\0ld\n",
            "title: 'a\\0'\n",
            "title: Rp 5.000 \"murah\" \\0 # \"\\0\"\n",
            "a: \"multi\n  line \\\"\"\nb: \\0\n",
        ] {
            assert_eq!(control_character(fine), None, "{fine}");
        }
    }
}
