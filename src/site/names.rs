//! The names items refer to each other by — unit ids, product slugs, programme term ids, the
//! files of content/media/ and the content files that are published pages — and the checks of
//! every reference, each reported at its place with the closest valid names.

use std::collections::{BTreeSet, HashMap};
use std::ffi::OsStr;
use std::path::{Component, Path};

use serde_saphyr::Spanned;

use super::fields::{at, line_column};
use crate::content::Source;
use crate::error::{Diagnostic, Diagnostics, suggestion};
use crate::hashing::{FastMap, FastSet};
use crate::ids::{ProductId, TermId, UnitId};
use crate::messages::Reference;

/// Names declared by the kinds before anything resolves.
#[derive(Debug, Default)]
pub struct Names {
    pub units: FastMap<String, UnitId>,
    pub products: FastMap<String, ProductId>,
    /// Each programme term with its place in the vocabularies' order.
    pub terms: FastMap<String, (TermId, usize)>,
    /// Ids of unit and product files that could not be parsed: references to them are not
    /// reported, since the file's own error says what to fix.
    pub broken: FastSet<String>,
    /// Whether a vocabulary file could not be parsed (its terms are then unknown).
    pub broken_vocabulary: bool,
    /// The URL of every published document (story, page, event), by its file's key.
    documents: FastMap<DocumentKey, String>,
    /// The label of each unit, product and term in the first language, by kind and id, to
    /// list the valid values with what they are.
    pub labels: FastMap<(&'static str, String), String>,
}

/// Words of a label shown after a valid value.
const LABEL_WORDS: usize = 4;

impl Names {
    /// "did you mean …?" when `wrong` is close to one of `ids` (given in the order to list
    /// them), else the valid values with their labels.
    fn choices(&self, wrong: &str, kind: &'static str, ids: Vec<&str>) -> Reference {
        if let Some(best) = crate::messages::closest(wrong, ids.iter().copied()) {
            return Reference::DidYouMean { best: best.to_string() };
        }
        let shown: Vec<String> = ids
            .iter()
            .take(12)
            .map(|id| match self.labels.get(&(kind, (*id).to_string())) {
                Some(label) => {
                    let words: Vec<&str> = label.split_whitespace().collect();
                    let short = words[..words.len().min(LABEL_WORDS)].join(" ");
                    let more = if words.len() > LABEL_WORDS { " …" } else { "" };
                    format!("{id} — {short}{more}")
                }
                None => (*id).to_string(),
            })
            .collect();
        match ids.len() {
            0 => Reference::NothingYet,
            1..=12 => Reference::ValidChoices {
                values: crate::messages::Choices(shown),
            },
            _ => Reference::ValidChoicesInclude {
                values: crate::messages::Choices(shown),
            },
        }
    }

    fn sorted<'a>(ids: impl Iterator<Item = &'a String>) -> Vec<&'a str> {
        let mut ids: Vec<&str> = ids.map(String::as_str).collect();
        ids.sort_unstable();
        ids
    }
}

impl Names {
    /// The unit `id` names, or a problem at its place.
    pub fn unit(&self, source: &Source, id: &Spanned<String>, problems: &mut Diagnostics) -> Option<UnitId> {
        let found = self.units.get(id.value.as_str()).copied();
        if found.is_none() && !self.broken.contains(&id.value) {
            problems.push(
                at(source, id, Reference::UnknownUnit { id: id.value.clone() })
                    .with_hint(self.choices(&id.value, "units", Names::sorted(self.units.keys())))
                    .with_hint(Reference::UnitsAreFiles),
            );
        }
        found
    }

    /// The products `ids` name, each once, in the order written.
    pub fn products(&self, source: &Source, ids: &[Spanned<String>], problems: &mut Diagnostics) -> Vec<ProductId> {
        let mut products = Vec::new();
        for id in ids {
            match self.products.get(id.value.as_str()) {
                Some(product) if !products.contains(product) => products.push(*product),
                Some(_) => {}
                None if self.broken.contains(&id.value) => {}
                None => problems.push(
                    at(source, id, Reference::UnknownProduct { id: id.value.clone() })
                        .with_hint(self.choices(&id.value, "products", Names::sorted(self.products.keys())))
                        .with_hint(Reference::ProductsAreFiles),
                ),
            }
        }
        products
    }

    /// The programme terms `ids` name, each once, in the vocabularies' order.
    pub fn terms(&self, source: &Source, ids: &[Spanned<String>], problems: &mut Diagnostics) -> Vec<TermId> {
        let mut terms = Vec::new();
        for id in ids {
            match self.terms.get(id.value.as_str()) {
                Some(term) if !terms.contains(term) => terms.push(*term),
                Some(_) => {}
                None if self.broken_vocabulary => {}
                None => problems.push(
                    at(source, id, Reference::UnknownTag { id: id.value.clone() })
                        .with_hint(self.choices(&id.value, "terms", self.terms_in_order()))
                        .with_hint(Reference::TagsAreTerms),
                ),
            }
        }
        terms.sort_by_key(|(_, place)| *place);
        terms.into_iter().map(|(term, _)| term).collect()
    }

    /// Every term id, in the vocabularies' order.
    fn terms_in_order(&self) -> Vec<&str> {
        let mut terms: Vec<(&str, usize)> = self
            .terms
            .iter()
            .map(|(id, (_, place))| (id.as_str(), *place))
            .collect();
        terms.sort_by_key(|(_, place)| *place);
        terms.into_iter().map(|(id, _)| id).collect()
    }

    /// The links of a document's body to other content files, as page URLs; a link to a file
    /// that is not (or not yet) a published page is reported. `body_offset` is where the body
    /// starts in the file.
    pub fn document_links(
        &self,
        source: &Source,
        content_links: &[(String, usize)],
        body_offset: usize,
        problems: &mut Diagnostics,
    ) -> HashMap<String, String> {
        let mut links = HashMap::new();
        for (dest, offset) in content_links {
            match self.document_url(source, dest) {
                Some(url) => {
                    links.insert(dest.clone(), url);
                }
                None => {
                    let (line, column) = line_column(&source.text, body_offset + offset);
                    problems.push(
                        Diagnostic::new(&source.file, Reference::LinkNotAPage { link: dest.clone() })
                            .at(&source.text, line, column)
                            .with_hint(Reference::HintLinkFile),
                    );
                }
            }
        }
        links
    }
}

impl Names {
    /// A hash of every name but the documents' URLs and the labels, the same whatever order
    /// the names were declared in.
    pub fn fingerprint_of_ids(&self) -> u64 {
        crate::hashing::of(&(
            unordered(self.units.iter()),
            unordered(self.products.iter()),
            unordered(self.terms.iter()),
            unordered(self.broken.iter()),
            self.broken_vocabulary,
        ))
    }

    /// A hash of the labels, which only messages about a wrong reference show.
    pub fn fingerprint_of_labels(&self) -> u64 {
        unordered(self.labels.iter())
    }

    /// The URL a link from `source` to `dest` (a content file, with an optional `#anchor`)
    /// leads to, when that file is a published page.
    pub fn document_url(&self, source: &Source, dest: &str) -> Option<String> {
        let dir = source.file.parent().unwrap_or(Path::new(""));
        let (path, fragment) = dest.split_once('#').map_or((dest, None), |(p, f)| (p, Some(f)));
        let url = self.documents.get(&DocumentKey::of(&dir.join(path)))?;
        Some(fragment.map_or_else(|| url.clone(), |f| format!("{url}#{f}")))
    }

    /// Declares the URL of the published document kept in the file of `key`.
    pub fn declare_document(&mut self, key: DocumentKey, url: String) {
        self.documents.insert(key, url);
    }
}

/// A content file as links name it: a hash of its path with the `.` and `..` parts applied
/// (`a/b/../c` is `a/c`). Hashing a `Path` parses it on every lookup: once is enough.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct DocumentKey(u64);

impl DocumentKey {
    pub fn of(path: &Path) -> DocumentKey {
        let mut parts: Vec<&OsStr> = Vec::new();
        for part in path.components() {
            match part {
                Component::ParentDir => {
                    parts.pop();
                }
                Component::CurDir => {}
                other => parts.push(other.as_os_str()),
            }
        }
        DocumentKey(crate::hashing::of(&parts))
    }
}

/// Checks that an image exists in `content/media/` and stays inside it; returns its path there.
pub fn media(
    files: &BTreeSet<String>,
    source: &Source,
    src: &Spanned<String>,
    alt_missing: bool,
    problems: &mut Diagnostics,
) -> Option<String> {
    let name = src.value.trim().trim_start_matches("media/");
    if alt_missing {
        problems.push(
            at(
                source,
                src,
                Reference::ImageNoAlt {
                    image: name.to_string(),
                },
            )
            .with_hint(Reference::HintDescribeImage),
        );
    }
    let escapes =
        name.starts_with('/') || name.contains('\\') || name.split('/').any(|part| part == ".." || part == ".");
    if escapes {
        problems.push(
            at(
                source,
                src,
                Reference::ImageOutside {
                    image: name.to_string(),
                },
            )
            .with_hint(Reference::HintMediaName),
        );
        return None;
    }
    if !files.contains(name) {
        problems.push(
            at(
                source,
                src,
                Reference::ImageMissing {
                    image: name.to_string(),
                },
            )
            .with_hint(suggestion(name, files.iter().map(String::as_str)))
            .with_hint(Reference::HintPutPhoto),
        );
        return None;
    }
    Some(name.to_string())
}

/// A hash of entries that does not depend on their order.
fn unordered<T: std::hash::Hash>(entries: impl Iterator<Item = T>) -> u64 {
    entries
        .map(|entry| crate::hashing::of(&entry))
        .fold(0, u64::wrapping_add)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_is_the_same_however_a_link_walks_to_it() {
        let file = DocumentKey::of(Path::new("content/pages/tentang.id.md"));
        for link in [
            "content/news/../pages/tentang.id.md",
            "content/pages/./tentang.id.md",
            "content//pages/tentang.id.md",
        ] {
            assert_eq!(DocumentKey::of(Path::new(link)), file, "{link}");
        }
        assert_ne!(DocumentKey::of(Path::new("content/pages/tentang.en.md")), file);
        assert_ne!(DocumentKey::of(Path::new("content/tentang.id.md")), file);
    }
}
