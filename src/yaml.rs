//! YAML reading for every file Etalase reads: text decoding, typed parsing, and the YAML
//! reader's errors as our own messages, placed at the writer's line and column.

use std::path::Path;

use serde::de::DeserializeOwned;
use serde_saphyr::granit_parser::ErrorKind;
use serde_saphyr::{ExternalMessageSource, MessageFormatter, UserMessageFormatter};

use crate::error::Diagnostic;
use crate::messages::{Content, List, Message, Yaml};

/// Decodes a file as UTF-8, dropping a byte-order mark; anything else is a clear error.
pub fn decode_utf8(file: &Path, bytes: &[u8]) -> Result<String, Diagnostic> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => match raw_control_character(text) {
            None => Ok(text.to_string()),
            Some((line, column)) => Err(Diagnostic::new(file, Content::ControlCharacter)
                .at(text, line, column)
                .with_hint(Content::HintDeleteControl)),
        },
        Err(err) => {
            let valid = &bytes[..err.valid_up_to()];
            let line = valid.iter().filter(|&&b| b == b'\n').count() as u64 + 1;
            let column = valid.iter().rev().take_while(|&&b| b != b'\n').count() as u64 + 1;
            let text = String::from_utf8_lossy(bytes);
            Err(Diagnostic::new(file, Content::NotUtf8)
                .at(&text, line, column)
                .with_hint(Content::HintSaveUtf8))
        }
    }
}

/// Parses `text` into `T`. `text` is the whole file, or a front matter block whose surrounding
/// lines are blanked, so that the parser's line numbers are the file's.
pub fn parse<T: DeserializeOwned>(file: &Path, text: &str) -> Result<T, Diagnostic> {
    if let Some((line, column)) = control_character(text) {
        return Err(Diagnostic::new(file, Content::ControlCharacter)
            .at(text, line, column)
            .with_hint(Content::HintDeleteEscape));
    }
    serde_saphyr::from_str(text).map_err(|err| to_diagnostic(file, text, &err))
}

/// The line and column of the first control character (other than tab and line ends) in
/// `text`, written as it is or as an escape inside a double-quoted value. Such characters
/// are invisible in an editor and have no place in a page (a NUL breaks HTML and XML).
fn control_character(text: &str) -> Option<(u64, u64)> {
    if !may_hold_control(text.as_bytes()) && !text.contains('\\') {
        return None;
    }
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
    if !may_hold_control(text.as_bytes()) {
        return None;
    }
    let at = text.find(|c: char| c.is_control() && !matches!(c, '\t' | '\n' | '\r'))?;
    let before = &text[..at];
    let line = before.matches('\n').count() as u64 + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) as u64 + 1;
    Some((line, column))
}

/// Whether `bytes` may hold a control character other than tab and line ends: each one's
/// UTF-8 starts with a byte below 0x20, 0x7F or 0xC2 (U+0080 to U+009F). A byte scan rules
/// out nearly every file before the slower scan by character.
fn may_hold_control(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .any(|&b| (b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r')) || b == 0x7F || b == 0xC2)
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
    let (mut message, hints) = classify(err.without_snippet());
    if message == Yaml::NotWholeNumber.into()
        && let Some(location) = err.location()
        && thousands_dot(text, location.line(), location.column())
    {
        message = Yaml::PriceWithDots.into();
    }
    let tab = message.code() == Message::from(Yaml::Tab).code();
    let mut diagnostic = Diagnostic::new(file, message);
    if let Some(location) = err.location() {
        let (line, column) = (location.line(), location.column());
        // The parser places a tab error where the scalar before it began: point at the tab.
        let (line, column) = tab.then(|| first_tab(text, line)).flatten().unwrap_or((line, column));
        diagnostic = diagnostic.at(text, line, column);
    }
    hints.into_iter().fold(diagnostic, Diagnostic::with_hint)
}

/// The YAML reader's error as our message and the advice that goes with it.
fn classify(err: &serde_saphyr::Error) -> (Message, Vec<Message>) {
    use serde_saphyr::Error as E;
    let keys = |expected: &[&str]| List(expected.iter().map(|k| k.to_string()).collect());
    match err {
        E::SerdeUnknownField { field, expected, .. } => {
            let hints = match crate::messages::closest(field, expected.iter().copied()) {
                Some(best) => vec![
                    crate::messages::Reference::DidYouMean { best: best.to_string() }.into(),
                    Yaml::HintSpelling.into(),
                ],
                None => vec![Yaml::HintSpellKey { keys: keys(expected) }.into()],
            };
            (Yaml::UnknownKey { key: field.clone() }.into(), hints)
        }
        E::SerdeMissingField { field, .. } => (
            Yaml::MissingKey { key: field.to_string() }.into(),
            vec![Yaml::HintAddKey.into()],
        ),
        E::SerdeUnknownVariant { variant, expected, .. } => {
            let mut hints: Vec<Message> = Vec::new();
            if let Some(best) = crate::messages::closest(variant, expected.iter().copied()) {
                hints.push(crate::messages::Reference::DidYouMean { best: best.to_string() }.into());
            }
            hints.push(Yaml::HintUseValues { values: keys(expected) }.into());
            (Yaml::UnknownValue { value: variant.clone() }.into(), hints)
        }
        E::DuplicateMappingKey { key, .. } => (
            Yaml::DuplicateKey {
                key: key.clone().unwrap_or_default(),
            }
            .into(),
            vec![Yaml::HintWriteOnce.into()],
        ),
        E::SerdeInvalidType {
            unexpected, expected, ..
        }
        | E::SerdeInvalidValue {
            unexpected, expected, ..
        } => wrong_type(unexpected, expected),
        E::InvalidScalar { ty, .. } if is_integer(ty) => {
            (Yaml::NotWholeNumber.into(), vec![Yaml::HintWholeRupiah.into()])
        }
        E::Eof { .. } => (Yaml::EndOfFile.into(), vec![Yaml::HintComplete.into()]),
        E::AliasError { error, .. } => classify(error),
        E::ExternalMessage { source, .. } => match source.as_ref() {
            ExternalMessageSource::Parser(scan) => scanner(scan.kind()).unwrap_or_else(|| unreadable(err)),
            _ => unreadable(err),
        },
        _ => unreadable(err),
    }
}

/// A value of the wrong type; a number with a dot where a whole number belongs is the price
/// mistake (`25.000`).
fn wrong_type(found: &str, expected: &str) -> (Message, Vec<Message>) {
    if is_integer(expected) {
        let message = if found.contains("float") {
            Yaml::PriceWithDots
        } else {
            Yaml::NotWholeNumber
        };
        return (message.into(), vec![Yaml::HintWholeRupiah.into()]);
    }
    (
        Yaml::WrongType {
            found: found.to_string(),
            expected: expected.to_string(),
        }
        .into(),
        Vec::new(),
    )
}

/// Whether the value at `line`:`column` is a number written with a thousands dot (`25.000`).
fn thousands_dot(text: &str, line: u64, column: u64) -> bool {
    let Some(row) = text
        .lines()
        .nth(usize::try_from(line.saturating_sub(1)).unwrap_or(usize::MAX))
    else {
        return false;
    };
    let value: String = row
        .chars()
        .skip(usize::try_from(column.saturating_sub(1)).unwrap_or(0))
        .take_while(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    value.split_once('.').is_some_and(|(before, after)| {
        !before.is_empty() && after.len() >= 3 && after.bytes().all(|b| b.is_ascii_digit() || b == b'.')
    })
}

fn is_integer(type_name: &str) -> bool {
    ["u8", "u16", "u32", "u64", "usize", "i32", "i64", "integer"]
        .iter()
        .any(|t| type_name.contains(t))
}

/// The scanner's errors that writers make, in plain words.
fn scanner(kind: &ErrorKind) -> Option<(Message, Vec<Message>)> {
    let (message, hint) = match kind {
        ErrorKind::TabNotAllowed
        | ErrorKind::TabInBlockIndentation
        | ErrorKind::TabInIndentation
        | ErrorKind::TabInPlainScalar
        | ErrorKind::TabAtBlockScalarStart => (Yaml::Tab, Yaml::HintSpaces),
        ErrorKind::UnclosedQuotedScalar => (Yaml::UnclosedQuote, Yaml::HintCloseQuote),
        ErrorKind::InvalidTrailingSingleQuotedScalar | ErrorKind::InvalidTrailingDoubleQuotedScalar => {
            (Yaml::TextAfterQuote, Yaml::HintQuoteWhole)
        }
        ErrorKind::ExpectedFlowMappingSeparator => (Yaml::FlowSeparator, Yaml::HintFlowQuote),
        ErrorKind::MappingValueNotAllowed | ErrorKind::InvalidColonPlacement => {
            (Yaml::ColonInValue, Yaml::HintQuoteValue)
        }
        ErrorKind::InvalidIndentation
        | ErrorKind::ExpectedBlockMappingKey
        | ErrorKind::ExpectedBlockSequenceEntry
        | ErrorKind::InvalidSimpleKey
        | ErrorKind::SimpleKeyExpected => (Yaml::Indentation, Yaml::HintIndent),
        ErrorKind::UnexpectedEof
        | ErrorKind::UnexpectedEofFlowSequence
        | ErrorKind::UnexpectedEofFlowMapping
        | ErrorKind::UnexpectedEofImplicitFlowMapping
        | ErrorKind::UnexpectedEofBlockSequence
        | ErrorKind::UnexpectedEofBlockMapping
        | ErrorKind::UnclosedFlowCollection { .. } => (Yaml::EndOfFile, Yaml::HintComplete),
        _ => return None,
    };
    Some((message.into(), vec![hint.into()]))
}

/// Any other error: the reader's own words, in our frame.
fn unreadable(err: &serde_saphyr::Error) -> (Message, Vec<Message>) {
    let detail = UserMessageFormatter.format_message(err).into_owned();
    (Yaml::Unreadable { detail }.into(), Vec::new())
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
