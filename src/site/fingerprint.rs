//! Fingerprints of a resolved site: a hash of each item's data and of each list's items in
//! order. Two builds whose fingerprints of an item agree hold the same item, so whatever was
//! made of it (its cards, the pages that read it) is still right; the dev server keeps these
//! hashes between builds instead of the site itself.

use std::collections::HashMap;
use std::hash::Hash;

use crate::ids::{KeyMap, Table, TableId};
use crate::site::lists::{ItemRef, ListKey, Lists};

/// The hash of `value`'s data: the same in every build of a session, and fast on long text.
pub fn of(value: &(impl Hash + ?Sized)) -> u64 {
    // Fixed seeds, so that equal data hashes equally in every build.
    ahash::RandomState::with_seeds(0x6574_616c, 0x6173_6521, 0x6b75_6e63, 0x6921_2121).hash_one(value)
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
