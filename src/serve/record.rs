//! What the last good build was made of: for every page, what it read (its dependencies, as
//! recorded by `render::Scope`) and a hash of what it rendered; for everything a page can
//! read, its fingerprint at that build; and the reverse index from each dependency to the
//! pages that read it. A rebuild compares fingerprints, looks up the pages that read a changed
//! one, and renders exactly those (and the pages that are new); every other page would render
//! to the same bytes. Hashes are kept, never the pages or their contexts.

use rayon::prelude::*;

use crate::hashing::{FastMap, FastSet};

use crate::render::DepKey;

/// Everything a page can read, with its fingerprint in one build.
#[derive(Debug, Default)]
pub struct Fingerprints {
    values: FastMap<DepKey, u64>,
}

impl Fingerprints {
    pub fn new(values: FastMap<DepKey, u64>) -> Fingerprints {
        Fingerprints { values }
    }

    fn get(&self, dep: &DepKey) -> Option<u64> {
        self.values.get(dep).copied()
    }
}

/// A page of the last good build.
#[derive(Debug)]
struct Page {
    /// Ids of what it read, sorted.
    deps: Box<[u32]>,
    /// The hash of its bytes as rendered.
    hash: u64,
}

/// The record of the last good build.
#[derive(Debug, Default)]
pub struct Record {
    /// Every dependency any page ever read, numbered.
    ids: FastMap<DepKey, u32>,
    /// By dependency id: the dependency (the keys of `ids`, in an order to go through them
    /// in parallel).
    deps: Vec<DepKey>,
    /// By dependency id: its fingerprint at the last good build.
    fingerprints: Vec<Option<u64>>,
    /// By dependency id: the pages that read it (possibly some that no longer do).
    readers: Vec<Vec<u32>>,
    /// Page id by output path.
    page_ids: FastMap<String, u32>,
    /// By page id: the page, when it is in the last good build.
    pages: Vec<Option<Page>>,
}

/// What one rebuild changes in the record, applied only once the rebuild succeeded.
#[derive(Debug, Default)]
pub struct Changes {
    rendered: Vec<(String, Vec<DepKey>, u64)>,
    removed: Vec<String>,
}

impl Record {
    /// How many dependencies the recorded pages have read.
    pub fn dependencies(&self) -> usize {
        self.deps.len()
    }

    /// Whether a build has been recorded.
    pub fn is_empty(&self) -> bool {
        self.page_ids.is_empty()
    }

    /// The pages of `paths` (the new build's) that must be rendered: those not in the last
    /// good build, and those that read something whose fingerprint differs in `now`.
    pub fn stale(&self, paths: &[&str], now: &Fingerprints) -> Vec<bool> {
        let changed: Vec<u32> = (0..self.deps.len())
            .into_par_iter()
            .filter(|&id| now.get(&self.deps[id]) != self.fingerprints[id])
            .map(|id| id as u32)
            .collect();
        let mut affected = vec![false; self.pages.len()];
        for dep in &changed {
            for &page in &self.readers[*dep as usize] {
                // The index may list a page that no longer reads the dependency.
                let reads = self.pages[page as usize]
                    .as_ref()
                    .is_some_and(|p| p.deps.binary_search(dep).is_ok());
                affected[page as usize] |= reads;
            }
        }
        paths
            .par_iter()
            .map(|path| match self.page_ids.get(*path) {
                Some(&id) => self.pages[id as usize].is_none() || affected[id as usize],
                None => true,
            })
            .collect()
    }

    /// Whether `hash` is what the page at `path` rendered to in the last good build.
    pub fn unchanged(&self, path: &str, hash: u64) -> bool {
        self.page_ids
            .get(path)
            .and_then(|&id| self.pages[id as usize].as_ref())
            .is_some_and(|page| page.hash == hash)
    }

    /// The paths of the last good build that are not among `paths`.
    pub fn gone<'r>(&'r self, paths: &FastSet<&str>) -> Vec<&'r str> {
        self.page_ids
            .iter()
            .filter(|(path, id)| self.pages[**id as usize].is_some() && !paths.contains(path.as_str()))
            .map(|(path, _)| path.as_str())
            .collect()
    }

    /// Records a succeeded rebuild: the pages it rendered, the pages it removed, and the
    /// fingerprints it was made of.
    pub fn apply(&mut self, changes: Changes, now: &Fingerprints) {
        for (path, deps, hash) in changes.rendered {
            let page = self.page_id(path);
            let old: Box<[u32]> = self.pages[page as usize].take().map(|p| p.deps).unwrap_or_default();
            let mut ids: Vec<u32> = deps.into_iter().map(|dep| self.dep_id(dep)).collect();
            ids.sort_unstable();
            ids.dedup();
            for &dep in &ids {
                if old.binary_search(&dep).is_err() {
                    self.readers[dep as usize].push(page);
                }
            }
            self.pages[page as usize] = Some(Page {
                deps: ids.into_boxed_slice(),
                hash,
            });
        }
        for path in changes.removed {
            if let Some(&id) = self.page_ids.get(&path) {
                self.pages[id as usize] = None;
            }
        }
        self.fingerprints
            .par_iter_mut()
            .zip(&self.deps)
            .for_each(|(fingerprint, dep)| *fingerprint = now.get(dep));
    }

    fn page_id(&mut self, path: String) -> u32 {
        if let Some(&id) = self.page_ids.get(&path) {
            return id;
        }
        let id = u32::try_from(self.pages.len()).unwrap_or(u32::MAX);
        self.page_ids.insert(path, id);
        self.pages.push(None);
        id
    }

    fn dep_id(&mut self, dep: DepKey) -> u32 {
        if let Some(&id) = self.ids.get(&dep) {
            return id;
        }
        let id = u32::try_from(self.fingerprints.len()).unwrap_or(u32::MAX);
        self.ids.insert(dep, id);
        self.deps.push(dep);
        // Set by `apply` from the build that read it.
        self.fingerprints.push(None);
        self.readers.push(Vec::new());
        id
    }
}

impl Changes {
    /// A page rendered, with the keys of what it read.
    pub fn rendered(&mut self, path: String, deps: Vec<DepKey>, hash: u64) {
        self.rendered.push((path, deps, hash));
    }

    pub fn removed(&mut self, path: String) {
        self.removed.push(path);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::LangId;
    use crate::render::Dep;

    fn fingerprints(values: &[(Dep, u64)]) -> Fingerprints {
        Fingerprints::new(values.iter().map(|(dep, hash)| (dep.key(), *hash)).collect())
    }

    fn record(pages: &[(&str, &[Dep])], now: &Fingerprints) -> Record {
        let mut record = Record::default();
        let mut changes = Changes::default();
        for (path, deps) in pages {
            changes.rendered(path.to_string(), deps.iter().map(Dep::key).collect(), 1);
        }
        record.apply(changes, now);
        record
    }

    #[test]
    fn only_the_pages_that_read_a_changed_dependency_are_stale() {
        let (a, b) = (Dep::Template("a.html".into()), Dep::Template("b.html".into()));
        let before = fingerprints(&[(a.clone(), 1), (b.clone(), 1)]);
        let both = [a.clone(), b.clone()];
        let record = record(
            &[
                ("a", std::slice::from_ref(&a)),
                ("b", std::slice::from_ref(&b)),
                ("ab", &both),
            ],
            &before,
        );
        let after = fingerprints(&[(a.clone(), 2), (b.clone(), 1)]);
        assert_eq!(
            record.stale(&["a", "b", "ab", "new"], &after),
            [true, false, true, true]
        );
        assert_eq!(record.stale(&["a", "b"], &before), [false, false]);
    }

    #[test]
    fn a_dependency_missing_from_a_build_makes_its_readers_stale() {
        let common = Dep::Common(LangId::FIRST);
        let before = fingerprints(&[(common.clone(), 1)]);
        let record = record(&[("index.html", &[common])], &before);
        assert_eq!(record.stale(&["index.html"], &before), [false]);
        assert_eq!(record.stale(&["index.html"], &fingerprints(&[])), [true]);
    }

    #[test]
    fn a_page_that_stopped_reading_a_dependency_is_not_stale_for_it() {
        let (a, b) = (Dep::Template("a.html".into()), Dep::Template("b.html".into()));
        let first = fingerprints(&[(a.clone(), 1), (b.clone(), 1)]);
        let mut record = record(&[("page", std::slice::from_ref(&a))], &first);
        let mut changes = Changes::default();
        changes.rendered("page".into(), vec![b.key()], 2);
        record.apply(changes, &first);
        let after = fingerprints(&[(a, 2), (b, 1)]);
        assert_eq!(record.stale(&["page"], &after), [false]);
    }
}
