//! What a session remembers between builds, to skip work whose inputs did not change: the
//! Markdown it rendered and the items it resolved. The dev server keeps one for the whole
//! session; a one-shot build remembers nothing.
//!
//! An item is remembered under a hash of everything it was resolved from (its files and what
//! it looked up, see each kind), so a hit is the item the same files resolve to. What a build
//! did not ask for is forgotten when the next one starts: the memory holds one build's items.
//! A patch of the last site (`kinds::Site::patch`) starts no build: it asks only for the
//! items it resolves again, and the rest stay remembered.

use std::any::Any;
use std::mem;
use std::sync::{Arc, Mutex};

use super::markdown::Markdown;
use crate::hashing::FastMap;

/// The caches of a session.
#[derive(Default)]
pub struct Caches {
    pub markdown: Markdown,
    pub items: Memo,
}

impl Caches {
    /// Starts a build: what the previous build did not ask for is forgotten.
    pub fn next_build(&self) {
        self.markdown.next_build();
        self.items.next_build();
    }

    /// Caches that remember, for a session of many builds.
    pub fn session() -> Caches {
        Caches {
            markdown: Markdown::cached(),
            items: Memo::session(),
        }
    }
}

type Entry = Arc<dyn Any + Send + Sync>;

/// Resolved items by the hash of what they were resolved from, in shards by key: the items
/// of a build are looked up from every thread at once.
#[derive(Default)]
pub struct Memo(Option<Box<[Mutex<Generations>]>>);

/// Shards of a memo: enough that two threads rarely wait for one another.
const SHARDS: usize = 16;

#[derive(Default)]
struct Generations {
    /// Asked for (or made) by the build under way.
    current: FastMap<u64, Entry>,
    /// The previous build's, not yet asked for by this one.
    previous: FastMap<u64, Entry>,
}

impl Memo {
    /// A memo that remembers.
    pub fn session() -> Memo {
        Memo(Some((0..SHARDS).map(|_| Mutex::default()).collect()))
    }

    /// Whether it remembers (a one-shot build's does not).
    pub fn remembers(&self) -> bool {
        self.0.is_some()
    }

    /// Starts a build: what the previous build did not ask for is forgotten.
    pub fn next_build(&self) {
        for shard in self.0.iter().flatten() {
            if let Ok(mut generations) = shard.lock() {
                generations.previous = mem::take(&mut generations.current);
                let size = generations.previous.len();
                generations.current.reserve(size);
            }
        }
    }

    /// The value remembered under `key`, if any.
    pub fn get<T: Any + Clone>(&self, key: u64) -> Option<T> {
        let mut generations = self.lock(key)?;
        let entry = match generations.current.get(&key) {
            Some(entry) => entry.clone(),
            None => {
                let entry = generations.previous.remove(&key)?;
                generations.current.insert(key, entry.clone());
                entry
            }
        };
        drop(generations);
        entry.downcast_ref::<T>().cloned()
    }

    /// Remembers `value` under `key` (a memo that does not remember drops it).
    pub fn put<T: Any + Send + Sync>(&self, key: u64, value: T) {
        if let Some(mut generations) = self.lock(key) {
            generations.current.insert(key, Arc::new(value));
        }
    }

    fn lock(&self, key: u64) -> Option<std::sync::MutexGuard<'_, Generations>> {
        let shards = self.0.as_ref()?;
        // Keys are hashes: their low bits spread evenly.
        shards[key as usize % shards.len()].lock().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_build_did_not_ask_for_is_forgotten_at_the_next() {
        let memo = Memo::session();
        memo.next_build();
        memo.put(1, "one".to_string());
        memo.put(2, "two".to_string());
        memo.next_build();
        assert_eq!(memo.get::<String>(1).as_deref(), Some("one"));
        memo.next_build();
        assert_eq!(memo.get::<String>(1).as_deref(), Some("one"));
        assert_eq!(memo.get::<String>(2), None);
        assert_eq!(
            memo.get::<u32>(1),
            None,
            "a value is found only as the type it was put as"
        );
    }

    #[test]
    fn a_memo_for_one_build_remembers_nothing() {
        let memo = Memo::default();
        memo.put(1, 1u32);
        assert_eq!(memo.get::<u32>(1), None);
    }
}
