//! Fingerprints of a resolved site: a hash of each item's data and of each list's items in
//! order. Two builds whose fingerprints of an item agree hold the same item, so whatever was
//! made of it (its cards, the pages that read it) is still right; the dev server keeps these
//! hashes between builds instead of the site itself.

use std::collections::HashMap;
use std::hash::{BuildHasher, Hash, Hasher};

use crate::ids::{KeyMap, Table, TableId};
use crate::site::lists::{ItemRef, ListKey, Lists};

/// The hash of `value`'s data: the same in every build of a session, and fast on long text.
pub fn of(value: &(impl Hash + ?Sized)) -> u64 {
    seeded().hash_one(value)
}

/// The hash of a template value. Tera's maps iterate in no fixed order, so a map's entries
/// are hashed each on their own and combined in a way that does not depend on their order.
pub fn of_value(value: &tera::Value) -> u64 {
    let mut hasher = seeded().build_hasher();
    feed(value, &mut hasher);
    hasher.finish()
}

fn feed(value: &tera::Value, hasher: &mut ahash::AHasher) {
    value.kind().hash(hasher);
    if let Some(map) = value.as_map() {
        let entries = map
            .iter()
            .map(|(key, value)| {
                let mut entry = seeded().build_hasher();
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

fn seeded() -> ahash::RandomState {
    // Fixed seeds, so that equal data hashes equally in every build.
    ahash::RandomState::with_seeds(0x6574_616c, 0x6173_6521, 0x6b75_6e63, 0x6921_2121)
}

/// The fingerprint of every item and every list of a site.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Fingerprints {
    pub items: KeyMap<ItemRef, u64>,
    pub lists: HashMap<ListKey, u64>,
}

impl Fingerprints {
    /// Records every item of one table of the kind `kind`.
    pub fn table<I: TableId, T: Hash>(&mut self, kind: &'static str, table: &Table<I, T>) {
        self.items
            .extend(table.iter().map(|(id, item)| (ItemRef::new(kind, id.key()), of(item))));
    }

    /// Records every list.
    pub fn lists(&mut self, lists: &Lists) {
        self.lists.extend(lists.iter().map(|(key, items)| (*key, of(items))));
    }
}
