//! Typed identities. Languages, items and list pages are numbers underneath, but each has a
//! type of its own, so that a unit cannot be passed where a story is meant, nor a language
//! where a page number is. Items of one kind live in a [`Table`] indexed by their id.

use std::fmt;
use std::marker::PhantomData;
use std::num::NonZeroU32;
use std::ops::Index;

/// Defines an index type: a position in one table, which only that table accepts.
macro_rules! index_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Debug, Default)]
        pub struct $name(u32);

        impl $name {
            pub fn new(index: usize) -> $name {
                $name(u32::try_from(index).unwrap_or(u32::MAX))
            }

            pub fn index(self) -> usize {
                self.0 as usize
            }
        }

        impl From<usize> for $name {
            fn from(index: usize) -> $name {
                $name::new(index)
            }
        }
    };
}

index_type!(
    /// A configured language, by its place in `etalase.yaml` (the first is served at the root).
    LangId
);
index_type!(
    /// A press release in one language.
    StoryId
);
index_type!(
    /// A product (one sheet, every language inside).
    ProductId
);
index_type!(
    /// A unit or office.
    UnitId
);
index_type!(
    /// A plain page in one language.
    DocId
);
index_type!(
    /// A controlled vocabulary.
    VocabularyId
);
index_type!(
    /// A term of any vocabulary (term ids are unique across vocabularies).
    TermId
);
index_type!(
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

/// The items of one kind, indexed by their id type.
#[derive(Debug, Clone)]
pub struct Table<I, T> {
    items: Vec<T>,
    id: PhantomData<fn() -> I>,
}

impl<I, T> Default for Table<I, T> {
    fn default() -> Self {
        Table {
            items: Vec::new(),
            id: PhantomData,
        }
    }
}

impl<I: From<usize> + Copy, T> Table<I, T> {
    pub fn len(&self) -> usize {
        self.items.len()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn get(&self, id: I) -> Option<&T>
    where
        I: Into<usize>,
    {
        self.items.get(id.into())
    }

    /// Every id, in table order.
    pub fn ids(&self) -> impl Iterator<Item = I> + '_ {
        (0..self.items.len()).map(I::from)
    }

    /// Every item with its id, in table order.
    pub fn iter(&self) -> impl Iterator<Item = (I, &T)> + '_ {
        self.items.iter().enumerate().map(|(ix, item)| (I::from(ix), item))
    }

    pub fn values(&self) -> std::slice::Iter<'_, T> {
        self.items.iter()
    }

    pub fn as_slice(&self) -> &[T] {
        &self.items
    }

    pub fn values_mut(&mut self) -> std::slice::IterMut<'_, T> {
        self.items.iter_mut()
    }
}

impl<I, T> From<Vec<T>> for Table<I, T> {
    fn from(items: Vec<T>) -> Self {
        Table { items, id: PhantomData }
    }
}

impl<I, T> FromIterator<T> for Table<I, T> {
    fn from_iter<It: IntoIterator<Item = T>>(iter: It) -> Self {
        Table::from(iter.into_iter().collect::<Vec<_>>())
    }
}

impl<I: Into<usize>, T> Index<I> for Table<I, T> {
    type Output = T;

    fn index(&self, id: I) -> &T {
        &self.items[id.into()]
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

macro_rules! into_usize {
    ($($name:ident),*) => {
        $(impl From<$name> for usize {
            fn from(id: $name) -> usize {
                id.index()
            }
        })*
    };
}

into_usize!(LangId, StoryId, ProductId, UnitId, DocId, VocabularyId, TermId, EventId);

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
    fn tables_are_indexed_by_their_own_ids() {
        let units: Table<UnitId, &str> = vec!["lahat", "palembang"].into();
        assert_eq!(units[UnitId::new(1)], "palembang");
        assert_eq!(units.iter().map(|(id, _)| id.index()).collect::<Vec<_>>(), [0, 1]);
    }
}
