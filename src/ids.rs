//! Typed identities. Languages, items and list pages each have a type of their own, so that a
//! unit cannot be passed where a story is meant, nor a language where a page number is.
//!
//! An item's id is a [`Key`]: a hash of the name it is known by (its file, or its id in the
//! content), so the same item has the same id in every build of a session. What the dev server
//! records about one build (which items a page read) therefore still names the same items in
//! the next one, whatever was added or removed around them. Items of one kind live in a
//! [`Table`], in the order the kind gives them, and are found by their id.

use std::collections::HashMap;
use std::fmt;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::num::NonZeroU32;
use std::ops::Index;

/// A stable identity: the hash of an item's name, the same in every build of a session.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug, Default)]
pub struct Key(u64);

impl Key {
    /// The key of an item known by `name` (a file path, an id).
    pub fn of(name: &(impl Hash + ?Sized)) -> Key {
        // Fixed seeds: the same name gives the same key in every build.
        Key(crate::hashing::of(name))
    }

    /// Another key derived from this one, for a second item under the same name (two sheets
    /// with one id: an error, reported, but the site still resolves to report the rest).
    fn next(self) -> Key {
        Key::of(&self.0)
    }
}

/// Hashes a [`Key`] (already a hash) by passing it through.
#[derive(Default)]
pub struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(byte);
        }
    }

    fn write_u64(&mut self, value: u64) {
        self.0 ^= value;
    }
}

/// A map by keys (or typed ids), hashed by passing the key through.
pub type KeyMap<K, V> = HashMap<K, V, BuildHasherDefault<KeyHasher>>;

/// Defines an item id type: a [`Key`] that only tables of that kind accept.
macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug, Default)]
        pub struct $name(Key);

        impl $name {
            /// The id of the item known by `name` (its id in the content).
            pub fn of(name: &(impl Hash + ?Sized)) -> $name {
                $name(Key::of(name))
            }

            /// The id of the item kept in `file`.
            pub fn of_file(file: &std::path::Path) -> $name {
                // The path's bytes: hashing a `Path` parses its components each time.
                $name(Key::of(file.as_os_str().as_encoded_bytes()))
            }

            pub fn from_key(key: Key) -> $name {
                $name(key)
            }

            pub fn key(self) -> Key {
                self.0
            }
        }

        impl TableId for $name {
            fn key(self) -> Key {
                self.0
            }

            fn from_key(key: Key) -> $name {
                $name(key)
            }
        }
    };
}

/// A language, by its place in `etalase.yaml` (the first is served at the root).
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug, Default)]
pub struct LangId(u32);

impl LangId {
    pub fn new(index: usize) -> LangId {
        LangId(u32::try_from(index).unwrap_or(u32::MAX))
    }

    pub fn index(self) -> usize {
        self.0 as usize
    }
}

id_type!(
    /// A press release in one language.
    StoryId
);
id_type!(
    /// A product (one sheet, every language inside).
    ProductId
);
id_type!(
    /// A unit or office.
    UnitId
);
id_type!(
    /// A plain page in one language.
    DocId
);
id_type!(
    /// A controlled vocabulary.
    VocabularyId
);
id_type!(
    /// A term of any vocabulary (term ids are unique across vocabularies).
    TermId
);
id_type!(
    /// An event of the agenda in one language.
    EventId
);

impl LangId {
    /// The site's first language, served at the root and the fallback for missing text.
    pub const FIRST: LangId = LangId(0);

    pub fn is_first(self) -> bool {
        self == LangId::FIRST
    }

    /// Every language of a site with `count` languages, in order.
    pub fn all(count: usize) -> impl Iterator<Item = LangId> + Clone {
        (0..count).map(LangId::new)
    }
}

/// The number of a list page: 1 for the first page of a list, which lives at the list's URL.
#[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug)]
pub struct PageNo(NonZeroU32);

impl PageNo {
    pub const FIRST: PageNo = PageNo(NonZeroU32::MIN);

    /// The page `number` (1-based); 0 is read as 1.
    pub fn new(number: usize) -> PageNo {
        let number = u32::try_from(number).unwrap_or(u32::MAX).max(1);
        PageNo(NonZeroU32::new(number).unwrap_or(NonZeroU32::MIN))
    }

    pub fn get(self) -> usize {
        self.0.get() as usize
    }

    pub fn is_first(self) -> bool {
        self == PageNo::FIRST
    }

    /// Every page of a list of `items` entries shown `per_page` at a time (at least one page).
    pub fn all(items: usize, per_page: usize) -> impl Iterator<Item = PageNo> {
        (1..=items.div_ceil(per_page.max(1)).max(1)).map(PageNo::new)
    }

    /// The slice of `items` shown on this page.
    pub fn slice<T>(self, items: &[T], per_page: usize) -> &[T] {
        let start = (self.get() - 1).saturating_mul(per_page).min(items.len());
        &items[start..start.saturating_add(per_page).min(items.len())]
    }
}

impl fmt::Display for PageNo {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The id type of a table: a typed [`Key`].
pub trait TableId: Copy + Eq + Hash {
    fn key(self) -> Key;
    fn from_key(key: Key) -> Self;
}

/// The items of one kind in the kind's order, found by their id.
#[derive(Debug, Clone)]
pub struct Table<I, T> {
    ids: Vec<I>,
    items: Vec<T>,
    positions: KeyMap<I, u32>,
}

impl<I, T> Default for Table<I, T> {
    fn default() -> Self {
        Table {
            ids: Vec::new(),
            items: Vec::new(),
            positions: KeyMap::default(),
        }
    }
}

impl<I: TableId, T> Table<I, T> {
    /// The table of `items` in this order, each with the id `id_of` gives it. Ids are unique:
    /// a second item with the same id gets one derived from it.
    pub fn new(items: Vec<T>, id_of: impl Fn(&T) -> I) -> Table<I, T> {
        let mut table = Table {
            ids: Vec::with_capacity(items.len()),
            items: Vec::with_capacity(items.len()),
            positions: KeyMap::with_capacity_and_hasher(items.len(), Default::default()),
        };
        for item in items {
            let mut id = id_of(&item);
            while table.positions.contains_key(&id) {
                id = I::from_key(id.key().next());
            }
            table
                .positions
                .insert(id, u32::try_from(table.items.len()).unwrap_or(u32::MAX));
            table.ids.push(id);
            table.items.push(item);
        }
        table
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn get(&self, id: I) -> Option<&T> {
        self.items.get(*self.positions.get(&id)? as usize)
    }

    pub fn get_mut(&mut self, id: I) -> Option<&mut T> {
        self.items.get_mut(*self.positions.get(&id)? as usize)
    }

    /// Whether an item has this id.
    pub fn contains(&self, id: I) -> bool {
        self.positions.contains_key(&id)
    }

    /// Every id and every item, in table order (for parallel iteration).
    pub fn as_slices(&self) -> (&[I], &[T]) {
        (&self.ids, &self.items)
    }

    /// Every id, in table order.
    pub fn ids(&self) -> impl Iterator<Item = I> + '_ {
        self.ids.iter().copied()
    }

    /// Every item with its id, in table order.
    pub fn iter(&self) -> impl Iterator<Item = (I, &T)> + '_ {
        self.ids.iter().copied().zip(&self.items)
    }

    pub fn values(&self) -> std::slice::Iter<'_, T> {
        self.items.iter()
    }

    pub fn values_mut(&mut self) -> std::slice::IterMut<'_, T> {
        self.items.iter_mut()
    }
}

impl<I: TableId, T> Index<I> for Table<I, T> {
    type Output = T;

    /// The item with this id; ids come from the same site's tables, so it is there.
    fn index(&self, id: I) -> &T {
        match self.get(id) {
            Some(item) => item,
            None => panic!("no item with {id:?} in this table", id = id.key()),
        }
    }
}

/// A value per configured language.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct PerLang<T>(Vec<T>);

impl<T> Default for PerLang<T> {
    fn default() -> Self {
        PerLang(Vec::new())
    }
}

impl<T> PerLang<T> {
    /// The value of each of `count` languages, from `f`.
    pub fn build(count: usize, f: impl FnMut(LangId) -> T) -> PerLang<T> {
        PerLang(LangId::all(count).map(f).collect())
    }

    pub fn iter(&self) -> impl Iterator<Item = (LangId, &T)> {
        self.0.iter().enumerate().map(|(ix, value)| (LangId::new(ix), value))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<T> Index<LangId> for PerLang<T> {
    type Output = T;

    fn index(&self, lang: LangId) -> &T {
        &self.0[lang.index()]
    }
}

impl<T> std::ops::IndexMut<LangId> for PerLang<T> {
    fn index_mut(&mut self, lang: LangId) -> &mut T {
        &mut self.0[lang.index()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn list_pages_cover_their_items() {
        assert_eq!(PageNo::all(0, 10).count(), 1, "an empty list still has its page");
        assert_eq!(PageNo::all(10, 10).count(), 1);
        assert_eq!(PageNo::all(11, 10).count(), 2);
        let items: Vec<u32> = (0..25).collect();
        assert_eq!(PageNo::new(3).slice(&items, 10), &[20, 21, 22, 23, 24]);
        assert!(PageNo::new(4).slice(&items, 10).is_empty());
        assert_eq!(PageNo::new(0), PageNo::FIRST);
    }

    #[test]
    fn tables_find_items_by_ids_that_do_not_depend_on_order() {
        let units = Table::new(vec!["lahat", "palembang"], |name| UnitId::of(*name));
        assert_eq!(units[UnitId::of("palembang")], "palembang");
        assert_eq!(units.values().copied().collect::<Vec<_>>(), ["lahat", "palembang"]);
        let more = Table::new(vec!["baturaja", "lahat", "palembang"], |name| UnitId::of(*name));
        assert_eq!(more[UnitId::of("palembang")], "palembang", "an id outlives the order");
    }

    #[test]
    fn a_second_item_under_one_name_gets_an_id_of_its_own() {
        let units = Table::new(vec![("lahat", 1), ("lahat", 2)], |(name, _)| UnitId::of(*name));
        let ids: Vec<UnitId> = units.ids().collect();
        assert_eq!(ids.len(), 2);
        assert_ne!(ids[0], ids[1]);
        assert_eq!(units[ids[0]].1, 1);
        assert_eq!(units[ids[1]].1, 2);
    }
}
