//! Finding texts that are nearly the same — a story saved twice under two names — in time
//! linear in the total length: each text's word shingles are summed up in a small MinHash
//! signature, and only texts that share a band of their signature are compared.

use std::collections::{HashMap, HashSet};
use std::hash::{Hash, Hasher};

/// Words per shingle.
const SHINGLE: usize = 4;
/// Values in a signature: `BANDS` bands of `ROWS` values.
const BANDS: usize = 5;
const ROWS: usize = 4;
const SIGNATURE: usize = BANDS * ROWS;
/// The share of equal signature values above which two texts count as nearly the same (an
/// estimate of the share of shingles they have in common).
const THRESHOLD: f64 = 0.8;
/// Texts shorter than this many words are not compared: short texts are alike by chance.
const MIN_WORDS: usize = 12;

/// The lowercase words of a text, without HTML tags.
pub fn words(html: &str) -> Vec<String> {
    let mut text = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// A title reduced to its words, so that case, spacing and punctuation do not tell two
/// titles apart.
pub fn normalized_title(title: &str) -> String {
    title
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

fn mix(mut x: u64) -> u64 {
    // splitmix64's finalizer: a different hash of the shingle for each signature value.
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

fn signature(words: &[String]) -> Option<[u64; SIGNATURE]> {
    if words.len() < MIN_WORDS {
        return None;
    }
    let mut signature = [u64::MAX; SIGNATURE];
    for shingle in words.windows(SHINGLE) {
        // The default hasher with fixed keys: the same signature in every run.
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        shingle.hash(&mut hasher);
        let hash = hasher.finish();
        for (ix, slot) in signature.iter_mut().enumerate() {
            *slot = (*slot).min(mix(hash ^ (ix as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)));
        }
    }
    Some(signature)
}

/// Pairs (earlier, later) of the texts that are nearly the same, among texts of the same
/// `group` (a language); each text is given by its index and its words.
pub fn near_duplicates<'a>(texts: impl IntoIterator<Item = (usize, usize, &'a [String])>) -> Vec<(usize, usize)> {
    let mut signatures: HashMap<usize, [u64; SIGNATURE]> = HashMap::new();
    let mut buckets: HashMap<(usize, usize, [u64; ROWS]), usize> = HashMap::new();
    let mut pairs = Vec::new();
    let mut seen = HashSet::new();
    for (index, group, words) in texts {
        let Some(mine) = signature(words) else { continue };
        for band in 0..BANDS {
            let mut key = [0; ROWS];
            key.copy_from_slice(&mine[band * ROWS..(band + 1) * ROWS]);
            // Each text is compared with the first text of each bucket it falls in, so that
            // the work stays linear even when many texts share a band.
            match buckets.get(&(group, band, key)) {
                Some(&first) => {
                    let theirs = &signatures[&first];
                    let equal = mine.iter().zip(theirs).filter(|(a, b)| a == b).count();
                    if equal as f64 / SIGNATURE as f64 >= THRESHOLD && seen.insert((first, index)) {
                        pairs.push((first, index));
                    }
                }
                None => {
                    buckets.insert((group, band, key), index);
                }
            }
        }
        signatures.insert(index, mine);
    }
    pairs
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(words: &str) -> Vec<String> {
        super::words(words)
    }

    #[test]
    fn finds_a_story_saved_twice_with_a_small_edit_and_not_different_stories() {
        let a = text(
            "<p>PALEMBANG — Lapas Perempuan Palembang meraih penghargaan UMKM terbaik pada Hari Bakti \
             Kemenimipas ke-1. Produk warga binaan seperti songket, tempe dan roti dinilai paling lengkap \
             dan paling laris di antara unit lain di Sumatera Selatan tahun ini.</p>",
        );
        let mut b = a.clone();
        b.push("revisi".into());
        let c = text(
            "<p>LAHAT — Lapas Kelas IIA Lahat mengusulkan gula semut jahe merah sebagai produk unggulan \
             daerah. Gula aren bubuk itu dibuat warga binaan di bengkel kerja sejak awal tahun dan kini \
             dijual di koperasi serta pameran.</p>",
        );
        let pairs = near_duplicates([(0, 0, a.as_slice()), (1, 0, b.as_slice()), (2, 0, c.as_slice())]);
        assert_eq!(pairs, [(0, 1)]);
        let other_language = near_duplicates([(0, 0, a.as_slice()), (1, 1, b.as_slice())]);
        assert!(other_language.is_empty());
    }

    #[test]
    fn titles_differ_only_in_words() {
        assert_eq!(normalized_title("Panen Raya, Lapas Lahat!"), "panen raya lapas lahat");
        assert_eq!(normalized_title("Nilai <5 dan >3"), "nilai 5 dan 3");
    }
}
