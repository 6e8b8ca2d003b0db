//! The image cache: processed photos kept between builds in `.etalase-cache/images/` in the
//! site folder, outside the output so that replacing the site never loses them. One folder
//! per photo, named by the content hash of the original and the settings; its `facts.json`
//! is written last, so an entry without it (an interrupted build) is made again.

use std::fs;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::media::Facts;

/// The cache folder in the site folder.
pub const CACHE_DIR: &str = ".etalase-cache";
const FACTS: &str = "facts.json";
/// Marks the folder as a cache for backup tools (https://bford.info/cachedir/).
const TAG: &str =
    "Signature: 8a477f597d28d172789f06886806bc55\n# Etalase's image cache: safe to delete, rebuilt as needed.\n";

pub struct ImageCache {
    dir: PathBuf,
}

impl ImageCache {
    pub fn new(root: &Path) -> ImageCache {
        ImageCache {
            dir: root.join(CACHE_DIR).join("images"),
        }
    }

    /// The path of `name` in the entry `key`.
    pub fn file(&self, key: &str, name: &str) -> PathBuf {
        self.dir.join(key).join(name)
    }

    /// What the entry `key` records of its photo, when the entry is complete.
    pub fn facts(&self, key: &str) -> Option<Facts> {
        let text = fs::read(self.file(key, FACTS)).ok()?;
        serde_json::from_slice(&text).ok()
    }

    /// Whether the entry `key` holds every one of `names`.
    pub fn has(&self, key: &str, mut names: impl Iterator<Item = String>) -> bool {
        names.all(|name| self.file(key, &name).is_file())
    }

    /// Writes the files of one photo, then its facts, each through a temporary file so that a
    /// reader never sees half a file.
    pub fn store(&self, key: &str, files: &[(String, Vec<u8>)], facts: &Facts) -> std::io::Result<()> {
        let entry = self.dir.join(key);
        fs::create_dir_all(&entry)?;
        let tag = self.dir.parent().map(|cache| cache.join("CACHEDIR.TAG"));
        if let Some(tag) = tag.filter(|t| !t.exists()) {
            fs::write(tag, TAG)?;
        }
        for (name, bytes) in files {
            write_atomically(&entry.join(name), bytes)?;
        }
        let facts = serde_json::to_vec(facts).map_err(std::io::Error::other)?;
        write_atomically(&entry.join(FACTS), &facts)
    }
}

fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    // Unique per process and call: two builds (or threads) may make the same entry at once.
    static CALLS: AtomicUsize = AtomicUsize::new(0);
    let call = CALLS.fetch_add(1, Ordering::Relaxed);
    let mut temporary = path.as_os_str().to_owned();
    temporary.push(format!(".tmp-{}-{call}", std::process::id()));
    let temporary = PathBuf::from(temporary);
    fs::write(&temporary, bytes)?;
    fs::rename(&temporary, path)
}
