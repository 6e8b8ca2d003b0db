//! One fast hash for the whole program, with fixed seeds: equal data hashes equally in every
//! build, so hashes can name items and compare builds. Maps keyed by paths, names and list keys
//! use it too; they are looked up hundreds of thousands of times per dev-server rebuild, where
//! the standard library's SipHash is several times slower. Nothing here faces untrusted input
//! over a network: the keys come from the writer's own files.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, Hash};

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
