//! Facts a translation shares with its source, the first language's version of the same
//! document (same file stem): the date, the unit, the tags, the products, the image file, the
//! award's presence and giver. A translation may leave them out and inherits them; where it
//! writes one anyway, it must agree with its source, or the difference is an error that names
//! both files and lines.

use std::collections::BTreeSet;
use std::path::PathBuf;

use serde_saphyr::Spanned;

use super::fields::{at, near};
use crate::content::Source;
use crate::error::{Diagnostic, Diagnostics};
use crate::messages::{Path, Reference};

/// A translation and the source it takes its facts from.
#[derive(Clone, Copy)]
pub struct Pair<'a> {
    pub translation: &'a Source,
    pub source: &'a Source,
}

impl Pair<'_> {
    /// A single value (`date: 2025-11-19`), compared as `read` understands it; a value that
    /// `read` cannot understand is left to the field's own check.
    pub fn scalar<T: PartialEq>(
        &self,
        field: &str,
        here: Option<&Spanned<String>>,
        there: Option<&Spanned<String>>,
        read: impl Fn(&str) -> Option<T>,
        problems: &mut Diagnostics,
    ) {
        let Some(here) = here else { return };
        let Some(there) = there else {
            problems.push(self.not_in_source(at(self.translation, here, self.missing(field)), field));
            return;
        };
        if let (Some(a), Some(b)) = (read(here.value.trim()), read(there.value.trim()))
            && a != b
        {
            let message = Reference::DiffersFromSource {
                field: field.to_string(),
                value: here.value.trim().to_string(),
                source: Path(self.source.file.clone()),
                line: there.referenced.line(),
                source_value: there.value.trim().to_string(),
            };
            problems.push(at(self.translation, here, message).with_hint(Reference::HintInherit {
                field: field.to_string(),
            }));
        }
    }

    /// A list of names (`programs: [ac-3, ac-6]`), compared as a set.
    pub fn list(
        &self,
        field: &str,
        here: Option<&[Spanned<String>]>,
        there: Option<&[Spanned<String>]>,
        problems: &mut Diagnostics,
    ) {
        let Some(here) = here else { return };
        let set = |items: &[Spanned<String>]| -> BTreeSet<String> {
            items.iter().map(|item| item.value.trim().to_string()).collect()
        };
        let (mine, theirs) = (set(here), set(there.unwrap_or_default()));
        if mine == theirs {
            return;
        }
        let show = |set: &BTreeSet<String>| format!("[{}]", set.iter().cloned().collect::<Vec<_>>().join(", "));
        self.differs(field, &format!("{field}:"), show(&mine), show(&theirs), problems);
    }

    /// A fact the translation writes as `value` where its source has `source_value`: an error
    /// at the translation's line of `key` (`giver:`), naming the source's line of it.
    pub fn differs(&self, field: &str, key: &str, value: String, source_value: String, problems: &mut Diagnostics) {
        let line = crate::yaml::find_line(&self.source.text, key).map_or(1, |(line, _)| line);
        let message = Reference::DiffersFromSource {
            field: field.to_string(),
            value,
            source: Path(self.source.file.clone()),
            line,
            source_value,
        };
        problems.push(near(self.translation, key, message).with_hint(Reference::HintInherit {
            field: field.to_string(),
        }));
    }

    /// A block (`image`, `award`) given in the translation but not in its source.
    pub fn block(&self, field: &str, here: bool, there: bool, problems: &mut Diagnostics) {
        if here && !there {
            let key = format!("{field}:");
            problems.push(self.not_in_source(near(self.translation, &key, self.missing(field)), field));
        }
    }

    fn missing(&self, field: &str) -> Reference {
        Reference::NotInSource {
            field: field.to_string(),
            source: Path(self.source.file.clone()),
        }
    }

    fn not_in_source(&self, diagnostic: Diagnostic, field: &str) -> Diagnostic {
        diagnostic.with_hint(Reference::HintAddToSource {
            field: field.to_string(),
            source: Path(self.source.file.clone()),
        })
    }
}

/// A fact the source (or a translation without a source) must give and does not: an error at
/// the block it belongs in (`parent`, e.g. `image:`), or at the front matter's first line.
/// `orphan` is the missing source's file when the document is a translation without one.
pub fn fact_missing(source: &Source, field: &str, parent: Option<&str>, orphan: Option<PathBuf>) -> Diagnostic {
    let message = Reference::FactMissing {
        field: field.to_string(),
    };
    let diagnostic = match parent.and_then(|key| crate::yaml::find_line(&source.text, key)) {
        Some((line, column)) => Diagnostic::new(&source.file, message).at(&source.text, line, column),
        None => Diagnostic::new(&source.file, message).at(&source.text, 1, 1),
    };
    match orphan {
        Some(file) => diagnostic.with_hint(Reference::HintNoSource { source: Path(file) }),
        None => diagnostic.with_hint(Reference::HintAddFact {
            field: field.to_string(),
        }),
    }
}

/// The file a translation's source would be: the same stem in the first language.
pub fn source_file(translation: &Source, stem: &str, first_language: &str) -> PathBuf {
    translation.file.with_file_name(format!("{stem}.{first_language}.md"))
}
