//! Fingerprints of a resolved site: a hash of each item's data and of each list's items in
//! order. Two builds whose fingerprints of an item agree hold the same item, so whatever was
//! made of it (its cards, the pages that read it) is still right; the dev server keeps these
//! hashes between builds instead of the site itself.

use std::hash::{BuildHasher, Hash, Hasher};

use rayon::prelude::*;

use crate::hashing::{FastMap, Seeded};
use crate::ids::{KeyMap, Table, TableId};
use crate::site::lists::{ItemRef, ListKey, Lists};

pub use crate::hashing::of;

/// The hash of a template value. Tera's maps iterate in no fixed order, so a map's entries
/// are hashed each on their own and combined in a way that does not depend on their order.
pub fn of_value(value: &tera::Value) -> u64 {
    let mut hasher = Seeded.build_hasher();
    feed(value, &mut hasher);
    hasher.finish()
}

fn feed(value: &tera::Value, hasher: &mut ahash::AHasher) {
    value.kind().hash(hasher);
    if let Some(map) = value.as_map() {
        let entries = map
            .iter()
            .map(|(key, value)| {
                let mut entry = Seeded.build_hasher();
                key.hash(&mut entry);
                feed(value, &mut entry);
                entry.finish()
            })
            .fold(0u64, u64::wrapping_add);
        hasher.write_usize(map.len());
        hasher.write_u64(entries);
    } else if let Some(items) = value.as_array() {
        hasher.write_usize(items.len());
        for item in items {
            feed(item, hasher);
        }
    } else {
        // A string marked safe is written unescaped: the mark is part of what a page shows.
        value.is_safe().hash(hasher);
        // Scalars as JSON, streamed into the hasher (writing into a hasher cannot fail).
        let _ = serde_json::to_writer(HashWriter(hasher), value);
    }
}

struct HashWriter<'h>(&'h mut ahash::AHasher);

impl std::io::Write for HashWriter<'_> {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.write(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The fingerprint of every item and every list of a site.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Fingerprints {
    pub items: KeyMap<ItemRef, u64>,
    pub lists: FastMap<ListKey, u64>,
}

impl Fingerprints {
    /// Records every item of one table of the kind `kind`.
    pub fn table<I: TableId, T: Hash + Sync>(&mut self, kind: &'static str, table: &Table<I, T>) {
        let (ids, items) = table.as_slices();
        let hashes: Vec<u64> = items.par_iter().map(of).collect();
        self.items.extend(
            ids.iter()
                .zip(hashes)
                .map(|(id, hash)| (ItemRef::new(kind, id.key()), hash)),
        );
    }

    /// Records every list.
    pub fn lists(&mut self, lists: &Lists) {
        self.lists.extend(lists.iter().map(|(key, items)| (*key, of(items))));
    }
}
