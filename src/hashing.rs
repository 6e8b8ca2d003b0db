//! One fast hash for the whole program, with fixed seeds: equal data hashes equally in every
//! build, so hashes can name items and compare builds. Maps keyed by paths, names and list keys
//! use it too; they are looked up hundreds of thousands of times per dev-server rebuild, where
//! the standard library's SipHash is several times slower. Nothing here faces untrusted input
//! over a network: the keys come from the writer's own files.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, Hash};
use std::sync::{Arc, OnceLock};

const SEEDS: ahash::RandomState = ahash::RandomState::with_seeds(0x6574_616c, 0x6173_6521, 0x6b75_6e63, 0x6921_2121);

/// The hash of `value`'s data: the same in every build, and fast on long text.
pub fn of(value: &(impl Hash + ?Sized)) -> u64 {
    SEEDS.hash_one(value)
}

/// Builds the hashers of [`FastMap`] and [`FastSet`].
#[derive(Debug, Clone, Copy, Default)]
pub struct Seeded;

impl BuildHasher for Seeded {
    type Hasher = ahash::AHasher;

    fn build_hasher(&self) -> ahash::AHasher {
        SEEDS.build_hasher()
    }
}

pub type FastMap<K, V> = HashMap<K, V, Seeded>;
pub type FastSet<T> = HashSet<T, Seeded>;

/// A value shared by the dev server's memory and the sites it builds (a clone copies a
/// pointer), hashed once, when first asked: every item of the site is fingerprinted on every
/// save, and an item that did not change is the same shared value as before.
pub struct Shared<T>(Arc<Hashed<T>>);

struct Hashed<T> {
    value: T,
    hash: OnceLock<u64>,
}

impl<T> Shared<T> {
    pub fn new(value: T) -> Shared<T> {
        Shared(Arc::new(Hashed {
            value,
            hash: OnceLock::new(),
        }))
    }

    /// Whether both are the same value (not equal copies).
    pub fn ptr_eq(&self, other: &Shared<T>) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(self.0.clone())
    }
}

impl<T> std::ops::Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0.value
    }
}

impl<T: Hash> Hash for Shared<T> {
    fn hash<H: std::hash::Hasher>(&self, state: &mut H) {
        state.write_u64(*self.0.hash.get_or_init(|| of(&self.0.value)));
    }
}

impl<T: std::fmt::Debug> std::fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.value.fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_shared_value_hashes_as_its_value_does_and_once() {
        let text = Shared::new("Tempe dari Lapas".to_string());
        let copy = Shared::new("Tempe dari Lapas".to_string());
        let other = Shared::new("Roti dari Rutan".to_string());
        assert_eq!(of(&text), of(&copy));
        assert_ne!(of(&text), of(&other));
        assert!(text.ptr_eq(&text.clone()) && !text.ptr_eq(&copy));
        assert_eq!(text.0.hash.get(), Some(&of("Tempe dari Lapas")));
    }
}
