//! Lists of items: the news of a language, newest first; the products of a unit; the stories
//! about a programme term. Kinds contribute them while the site resolves, in display order;
//! pages read them by key, so that a unit's page can list what any kind says about the unit
//! without knowing that kind.

use crate::hashing::FastMap;
use crate::ids::{Key, LangId, ProductId, TermId, UnitId};

/// An item of any kind: the kind's name (its folder, e.g. `news`) and the item's stable id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ItemRef {
    pub kind: &'static str,
    pub key: Key,
}

impl ItemRef {
    pub fn new(kind: &'static str, key: Key) -> ItemRef {
        ItemRef { kind, key }
    }
}

/// What a list is about, when it belongs to an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Target {
    Unit(UnitId),
    Product(ProductId),
    Term(TermId),
}

/// Names one list: what it holds, in which language, and what it is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ListKey {
    pub name: &'static str,
    pub lang: LangId,
    pub about: Option<Target>,
}

impl ListKey {
    /// A list of the whole site in one language, e.g. every story.
    pub fn all(name: &'static str, lang: LangId) -> ListKey {
        ListKey {
            name,
            lang,
            about: None,
        }
    }

    /// The items of a list that are about `target`.
    pub fn about(name: &'static str, lang: LangId, target: Target) -> ListKey {
        ListKey {
            name,
            lang,
            about: Some(target),
        }
    }
}

/// Every list of the site.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Lists {
    lists: FastMap<ListKey, Vec<ItemRef>>,
}

impl Lists {
    /// Appends `item` to the list `key`; kinds add their items in display order.
    pub fn push(&mut self, key: ListKey, item: ItemRef) {
        self.lists.entry(key).or_default().push(item);
    }

    /// The items of a list, in display order; empty when nothing was added.
    pub fn get(&self, key: ListKey) -> &[ItemRef] {
        self.lists.get(&key).map(Vec::as_slice).unwrap_or_default()
    }

    /// Every list, for comparing two builds.
    pub fn iter(&self) -> impl Iterator<Item = (&ListKey, &Vec<ItemRef>)> {
        self.lists.iter()
    }
}
