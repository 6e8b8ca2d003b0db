//! The dev server's copy of the last good build, which it serves pages from: a private folder
//! beside the image cache (`.etalase-cache/preview-<n>/site/`), so that the server holds
//! hashes in memory rather than every page. One server at a time uses a folder (a lock file);
//! a second server on the same site takes the next number.
//!
//! A rebuild's files are written aside (`pending/`) and moved in only when the whole rebuild
//! succeeded, each by one rename, so a page read while a rebuild lands is the old or the new
//! one, never half of each, and a failed rebuild changes nothing that is served. Folders are
//! made without following links, and a link in the way of a file is replaced, never written
//! through; nothing outside the folder is written or deleted.

use std::fs::{self, File, TryLockError};
use std::io::ErrorKind;
use std::path::{Component, Path, PathBuf};

use crate::error::{Error, IoContext};
use crate::messages::Output;

/// The folder of the served site and its pending files.
pub struct Preview {
    site: PathBuf,
    pending: PathBuf,
    search: PathBuf,
    _lock: File,
}

impl Preview {
    /// Opens the first preview folder of `cache` (`.etalase-cache/`) that no other server
    /// uses, clearing what an interrupted rebuild left pending.
    pub fn open(cache: &Path) -> Result<Preview, Error> {
        fs::create_dir_all(cache).io(Output::CannotCreate, cache)?;
        for number in 1.. {
            let lock_path = cache.join(format!("preview-{number}.lock"));
            let lock = File::options()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false)
                .open(&lock_path)
                .io(Output::CannotCreate, &lock_path)?;
            match lock.try_lock() {
                Ok(()) => {}
                Err(TryLockError::WouldBlock) => continue,
                Err(TryLockError::Error(err)) => return Err(err).io(Output::CannotLock, &lock_path),
            }
            let dir = cache.join(format!("preview-{number}"));
            let preview = Preview {
                site: dir.join("site"),
                pending: dir.join("pending"),
                search: dir.join("search"),
                _lock: lock,
            };
            real_folder(&dir)?;
            real_folder(&preview.site)?;
            real_folder(&preview.search)?;
            preview.discard()?;
            return Ok(preview);
        }
        unreachable!("the numbers do not run out")
    }

    /// The folder of the served site.
    pub fn site_folder(&self) -> &Path {
        &self.site
    }

    /// A folder of its own for the served site's search index.
    pub fn search_folder(&self) -> &Path {
        &self.search
    }

    /// The file that holds `path` of the served site.
    pub fn file(&self, path: &str) -> Option<PathBuf> {
        inside(&self.site, path)
    }

    /// Writes `path` straight into the served folder, leaving a file that already holds
    /// `bytes` untouched: for the first build, before anything is served from it.
    pub fn write(&self, path: &str, bytes: &[u8]) -> Result<(), Error> {
        let file = self.prepare(&self.site, path)?;
        if fs::read(&file).is_ok_and(|old| old == bytes) && !is_link(&file) {
            return Ok(());
        }
        replace(&file, bytes)
    }

    /// Writes `path` aside, to be moved in by [`Preview::commit`].
    pub fn stage(&self, path: &str, bytes: &[u8]) -> Result<(), Error> {
        let file = self.prepare(&self.pending, path)?;
        fs::write(&file, bytes).io(Output::CannotWrite, &file)
    }

    /// Moves the `staged` files in and deletes the `removed` ones.
    pub fn commit(&self, staged: &[String], removed: &[String]) -> Result<(), Error> {
        for path in staged {
            let (Some(from), Some(to)) = (inside(&self.pending, path), self.prepare(&self.site, path).ok()) else {
                continue;
            };
            fs::rename(&from, &to).io(Output::CannotMove, &from)?;
        }
        for path in removed {
            if let Some(file) = inside(&self.site, path) {
                remove_file(&file)?;
            }
        }
        Ok(())
    }

    /// Drops every pending file (after a failed rebuild).
    pub fn discard(&self) -> Result<(), Error> {
        match fs::remove_dir_all(&self.pending) {
            Ok(()) => Ok(()),
            Err(err) if err.kind() == ErrorKind::NotFound => Ok(()),
            Err(err) => Err(err).io(Output::CannotRemove, &self.pending),
        }
    }

    /// Deletes every file of the served folder that is not in `keep` (left by an earlier
    /// session), and the folders that are then empty.
    pub fn keep_only(&self, keep: &crate::hashing::FastSet<&str>) -> Result<(), Error> {
        let mut folders = Vec::new();
        for entry in walkdir::WalkDir::new(&self.site).min_depth(1) {
            let entry = entry.map_err(|err| Error::Io {
                action: Output::CannotRead,
                path: self.site.clone(),
                source: err.into(),
            })?;
            let relative = entry.path().strip_prefix(&self.site).unwrap_or(entry.path());
            let path = relative.to_string_lossy().replace('\\', "/");
            if entry.file_type().is_dir() {
                folders.push(entry.into_path());
            } else if !keep.contains(path.as_str()) {
                remove_file(entry.path())?;
            }
        }
        for folder in folders.iter().rev() {
            // Only empty folders go; a folder still in use answers that it is not empty.
            let _ = fs::remove_dir(folder);
        }
        Ok(())
    }

    /// The full path of `path` under `base`, with its folders made.
    fn prepare(&self, base: &Path, path: &str) -> Result<PathBuf, Error> {
        let file = inside(base, path).ok_or_else(|| Error::UnsafeOutput {
            path: PathBuf::from(path),
            reason: Output::LeavesOutput,
        })?;
        let mut folder = base.to_path_buf();
        real_folder(&folder)?;
        for part in Path::new(path).parent().into_iter().flat_map(Path::components) {
            folder.push(part);
            real_folder(&folder)?;
        }
        Ok(file)
    }
}

/// `path` (`/`-separated) under `base`, when it stays there.
pub fn inside(base: &Path, path: &str) -> Option<PathBuf> {
    let relative = Path::new(path);
    let safe = !path.is_empty() && relative.components().all(|c| matches!(c, Component::Normal(_)));
    safe.then(|| base.join(relative))
}

/// Makes `path` a real folder: one that exists stays; a link or file in its place is replaced.
/// Safe when two threads make the same folder at once.
fn real_folder(path: &Path) -> Result<(), Error> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => return Ok(()),
        Ok(_) => remove_file(path)?,
        Err(_) => {}
    }
    match fs::create_dir(path) {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == ErrorKind::AlreadyExists && path.is_dir() && !is_link(path) => Ok(()),
        Err(err) => Err(err).io(Output::CannotCreate, path),
    }
}

/// Replaces the file at `path` by one holding `bytes`, in one rename.
fn replace(path: &Path, bytes: &[u8]) -> Result<(), Error> {
    let mut name = path.file_name().unwrap_or_default().to_os_string();
    name.push(".etalase-new");
    let next = path.with_file_name(name);
    fs::write(&next, bytes).io(Output::CannotWrite, &next)?;
    fs::rename(&next, path).io(Output::CannotMove, &next)
}

fn remove_file(path: &Path) -> Result<(), Error> {
    match fs::remove_file(path) {
        Ok(()) => Ok(()),
        Err(err) if err.kind() == ErrorKind::NotFound => Ok(()),
        Err(err) => Err(err).io(Output::CannotRemove, path),
    }
}

fn is_link(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staged_files_are_served_only_after_the_commit() {
        let cache = tempfile::tempdir().expect("temp dir");
        let preview = Preview::open(cache.path()).expect("opens");
        preview.write("berita/a/index.html", b"old").expect("writes");
        preview.stage("berita/a/index.html", b"new").expect("stages");
        let served = preview.file("berita/a/index.html").expect("inside");
        assert_eq!(fs::read(&served).expect("read"), b"old");
        preview.commit(&["berita/a/index.html".into()], &[]).expect("commits");
        assert_eq!(fs::read(&served).expect("read"), b"new");
    }

    #[test]
    fn a_second_server_gets_a_folder_of_its_own() {
        let cache = tempfile::tempdir().expect("temp dir");
        let first = Preview::open(cache.path()).expect("opens");
        let second = Preview::open(cache.path()).expect("opens");
        assert_ne!(first.file("x"), second.file("x"));
    }

    #[test]
    fn paths_that_leave_the_folder_are_refused() {
        let cache = tempfile::tempdir().expect("temp dir");
        let preview = Preview::open(cache.path()).expect("opens");
        assert!(preview.write("../escape.html", b"x").is_err());
        assert!(preview.stage("/etc/passwd", b"x").is_err());
        assert!(!cache.path().join("escape.html").exists());
    }

    #[cfg(unix)]
    #[test]
    fn a_link_in_the_folder_is_replaced_not_followed() {
        let cache = tempfile::tempdir().expect("temp dir");
        let outside = tempfile::tempdir().expect("temp dir");
        let preview = Preview::open(cache.path()).expect("opens");
        preview.write("media/a.svg", b"svg").expect("writes");
        let media = preview.file("media").expect("inside");
        fs::remove_dir_all(&media).expect("remove");
        std::os::unix::fs::symlink(outside.path(), &media).expect("link");
        preview.write("media/a.svg", b"svg").expect("writes");
        assert!(
            !outside.path().join("a.svg").exists(),
            "nothing written through the link"
        );
        assert!(!is_link(&media));
    }
}
