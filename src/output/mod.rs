//! Output: the only code that writes. A build is written into a staging folder beside the
//! output folder and swapped in only when complete, in one step where the system allows
//! (`swap`), so a failed or interrupted build leaves the previous site as it was. One build
//! at a time writes an output folder (`lock`). Only folders that Etalase wrote (they carry a
//! marker file) are ever replaced or deleted (`folders`).
//!
//! The folder a build replaces is kept as a spare (`.<name>.etalase-spare`) and becomes the
//! next build's staging folder: files are overwritten in place and only stale ones removed.
//! Creating and deleting thousands of files and folders on every build costs more than
//! rendering them (the file system slows down allocating inodes next to freshly freed ones).
//! So that overwriting never reaches past the output, a file that is a link or has other names
//! is replaced rather than written through, and folders are made without following links.
//!
//! The dev server's copy of the site is written here too (`preview`).

mod folders;
mod lock;
pub mod preview;
mod swap;
mod target;

use std::collections::HashSet;
use std::fs;
use std::path::{Component, Path, PathBuf};
use std::sync::{Mutex, PoisonError};

use crate::error::{Error, IoContext};
use folders::{beside, check_free, is_ours, is_shared, remove_ours, remove_stale};
use lock::OutputLock;

/// Marks a folder as Etalase's output, which a later build may replace.
pub const MARKER: &str = ".etalase-output";
const MARKER_TEXT: &str = "Written by Etalase. This folder is replaced on every build; edit content/ instead.\n";

/// A folder being filled with a new build.
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    committed: bool,
    /// Every file this build wrote, to remove what an earlier build left in a reused folder.
    written: Mutex<HashSet<PathBuf>>,
    /// Folders known to be real folders, not links (see `folder`).
    folders: Mutex<HashSet<PathBuf>>,
    /// Folders filled by tools (see `tool_folder`), kept whole.
    tool_folders: Mutex<Vec<PathBuf>>,
    /// Held from before the staging folder is opened until after it is swapped in or put
    /// away (fields drop after `Drop::drop`).
    _lock: OutputLock,
}

impl Staging {
    /// Checks that `target` may be written for the site in `root`, and opens a staging folder.
    pub fn open(root: &Path, target: &Path, waiting: &dyn Fn(&Path)) -> Result<Staging, Error> {
        let target = target::resolve(root, target)?;
        let lock = take_over(&target, waiting)?;
        let dir = beside(&target, &format!("staging-{}", std::process::id()));
        make_staging(&dir, &beside(&target, "spare"))?;
        Ok(Staging {
            written: Mutex::new(HashSet::from([dir.join(MARKER)])),
            folders: Mutex::default(),
            tool_folders: Mutex::default(),
            _lock: lock,
            dir,
            target,
            committed: false,
        })
    }

    /// Writes one file at a `/`-separated path inside the output.
    pub fn write(&self, path: &str, bytes: &[u8]) -> Result<(), Error> {
        let full = self.prepare(path)?;
        overwrite(&full, bytes).io(crate::messages::Output::CannotWrite, &full)
    }

    /// Copies a file to a `/`-separated path inside the output.
    pub fn copy(&self, from: &Path, path: &str) -> Result<(), Error> {
        let full = self.prepare(path)?;
        let bytes = fs::read(from).io(crate::messages::Output::CannotCopy, from)?;
        overwrite(&full, &bytes).io(crate::messages::Output::CannotWrite, &full)
    }

    /// An empty folder at `path` inside the output for a tool that writes files of its own
    /// (the search indexer); whatever it holds is kept as part of this build.
    pub fn tool_folder(&self, path: &str) -> Result<PathBuf, Error> {
        let full = self.inside(path)?;
        // Emptied rather than overwritten: what it holds is the tool's to decide.
        self.folder(Path::new(path))?;
        fs::remove_dir_all(&full).io(crate::messages::Output::CannotRemove, &full)?;
        fs::create_dir(&full).io(crate::messages::Output::CannotCreate, &full)?;
        if let Ok(mut kept) = self.tool_folders.lock() {
            kept.push(full.clone());
        }
        Ok(full)
    }

    /// The full path for `path`, with its folder created, recorded as written.
    fn prepare(&self, path: &str) -> Result<PathBuf, Error> {
        let full = self.inside(path)?;
        if let Some(parent) = Path::new(path).parent() {
            self.folder(parent)?;
        }
        if let Ok(mut written) = self.written.lock() {
            written.insert(full.clone());
        }
        Ok(full)
    }

    /// Makes the folder at the relative `path` and each of its parents a real folder of the
    /// staging folder: a link (or file) in the way is replaced, so that no write can follow
    /// a link out of the output. Each folder is looked at once per build, with the set held
    /// so that two threads never make the same folder at once.
    fn folder(&self, path: &Path) -> Result<(), Error> {
        let mut known = self.folders.lock().unwrap_or_else(PoisonError::into_inner);
        let mut full = self.dir.clone();
        for part in path.components() {
            full.push(part);
            if !known.contains(&full) {
                make_folder(&full)?;
                known.insert(full.clone());
            }
        }
        Ok(())
    }

    /// Removes what a reused folder holds from an earlier build and this build did not write.
    fn prune(&self) -> Result<(), Error> {
        let written = self.written.lock().map(|w| w.clone()).unwrap_or_default();
        let kept = self.tool_folders.lock().map(|k| k.clone()).unwrap_or_default();
        let mut folders = Vec::new();
        let walk = walkdir::WalkDir::new(&self.dir).min_depth(1).into_iter();
        for entry in walk.filter_entry(|e| !kept.iter().any(|k| k == e.path())) {
            let entry = entry.map_err(|err| Error::Io {
                action: crate::messages::Output::CannotRead,
                path: self.dir.clone(),
                source: err.into(),
            })?;
            if entry.file_type().is_dir() {
                folders.push(entry.into_path());
            } else if !written.contains(entry.path()) {
                fs::remove_file(entry.path()).io(crate::messages::Output::CannotRemove, entry.path())?;
            }
        }
        // A folder this build wrote nothing into held only stale files, now gone. Deepest
        // first, so that emptied parents follow their children.
        let used = self.folders.lock().unwrap_or_else(PoisonError::into_inner);
        for folder in folders.iter().rev().filter(|folder| !used.contains(*folder)) {
            fs::remove_dir(folder).io(crate::messages::Output::CannotRemove, folder)?;
        }
        Ok(())
    }

    /// The full path of `path` in the staging folder; paths that would leave it are refused.
    fn inside(&self, path: &str) -> Result<PathBuf, Error> {
        let relative = Path::new(path);
        let safe = !path.is_empty() && relative.components().all(|c| matches!(c, Component::Normal(_)));
        if !safe {
            return Err(refuse(relative, crate::messages::Output::LeavesOutput));
        }
        Ok(self.dir.join(relative))
    }

    /// Swaps the finished build in place of the previous output, which is kept as the spare.
    pub fn commit(mut self) -> Result<PathBuf, Error> {
        self.prune()?;
        let (aside, spare) = (beside(&self.target, "aside"), beside(&self.target, "spare"));
        swap::publish(&self.dir, &self.target, &aside, &spare)?;
        self.committed = true;
        Ok(self.target.clone())
    }
}

/// Locks the output `target`, once nothing that Etalase did not write is in the way of its
/// folders beside it, and tidies up after builds that were killed.
fn take_over(target: &Path, waiting: &dyn Fn(&Path)) -> Result<OutputLock, Error> {
    let (spare, aside) = (beside(target, "spare"), beside(target, "aside"));
    check_free(target, &spare)?;
    check_free(target, &aside)?;
    let parent = target.parent().unwrap_or(Path::new("/"));
    fs::create_dir_all(parent).io(crate::messages::Output::CannotCreate, parent)?;
    let lock = OutputLock::acquire(&beside(target, "lock"), target, waiting)?;
    swap::recover(target, &aside, &spare)?;
    remove_stale(target);
    Ok(lock)
}

/// Makes `dir` a staging folder marked as Etalase's: the spare, cleared of links, when there
/// is one, else a new folder.
fn make_staging(dir: &Path, spare: &Path) -> Result<(), Error> {
    remove_ours(dir)?;
    // A reused spare may hold links (see `overwrite`), never followed.
    if !(is_ours(spare) && fs::rename(spare, dir).is_ok()) {
        fs::create_dir(dir).io(crate::messages::Output::CannotCreate, dir)?;
    }
    fs::write(dir.join(MARKER), MARKER_TEXT).io(crate::messages::Output::CannotWrite, &dir.join(MARKER))
}

/// Makes `path` a real folder, replacing a link or file in its place.
fn make_folder(path: &Path) -> Result<(), Error> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => return Ok(()),
        Ok(_) => fs::remove_file(path).io(crate::messages::Output::CannotRemove, path)?,
        Err(_) => {}
    }
    fs::create_dir(path).io(crate::messages::Output::CannotCreate, path)
}

/// Writes `bytes` to `path`, leaving a file that already holds them untouched. An existing
/// file is overwritten and then cut to length rather than truncated first: truncating a file
/// to zero makes ext4 flush it to disk on close.
///
/// What a write could follow out of the output is replaced by a new file, never written
/// through: a link (`ln -s`), a file that shares its contents with another name
/// (`cp -al public snapshot`), anything that is not a plain file.
fn overwrite(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::{Read, Write};
    let (mut file, meta) = match open_own(path) {
        Ok((file, meta)) if meta.is_file() && !is_shared(&meta) => (file, meta),
        _ => {
            fs::remove_file(path).or_else(|err| match err.kind() {
                std::io::ErrorKind::NotFound => Ok(()),
                _ => Err(err),
            })?;
            open_own(path)?
        }
    };
    if meta.len() == bytes.len() as u64 {
        let mut existing = Vec::with_capacity(bytes.len());
        file.read_to_end(&mut existing)?;
        if existing == bytes {
            return Ok(());
        }
        std::io::Seek::rewind(&mut file)?;
    }
    file.write_all(bytes)?;
    file.set_len(bytes.len() as u64)
}

/// Opens `path` to read and write, creating it, without following a link in its place.
fn open_own(path: &Path) -> std::io::Result<(fs::File, fs::Metadata)> {
    let mut options = fs::OpenOptions::new();
    options.read(true).write(true).create(true).truncate(false);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        // O_NONBLOCK: a FIFO in the way must not hang the build; it is replaced.
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK);
    }
    let file = options.open(path)?;
    let meta = file.metadata()?;
    Ok((file, meta))
}

impl Drop for Staging {
    fn drop(&mut self) {
        // A failed build keeps its folder as the spare: the next build overwrites it.
        if !self.committed && fs::rename(&self.dir, beside(&self.target, "spare")).is_err() {
            let _ = remove_ours(&self.dir);
        }
    }
}

/// The error for a path that a build may not write or delete.
fn refuse(path: &Path, reason: crate::messages::Output) -> Error {
    Error::UnsafeOutput {
        path: path.to_path_buf(),
        reason,
    }
}

#[cfg(test)]
mod tests {
    use super::Staging;
    use std::fs;

    #[test]
    fn a_tool_folder_starts_empty_and_is_kept_whole() {
        let root = tempfile::tempdir().expect("temp dir");
        let target = root.path().join("public");
        // The third build reuses the first one's folder, index included.
        for (build, tool_file) in [(1, "one.pf"), (2, "two.pf"), (3, "three.pf")] {
            let staging = Staging::open(root.path(), &target, &|_| {}).expect("open");
            staging
                .write("index.html", format!("build {build}").as_bytes())
                .expect("write");
            let tool = staging.tool_folder("pagefind").expect("tool folder");
            assert_eq!(fs::read_dir(&tool).expect("read").count(), 0, "build {build}");
            fs::write(tool.join(tool_file), "index").expect("tool writes");
            staging.commit().expect("commit");
        }
        let index: Vec<_> = fs::read_dir(target.join("pagefind")).expect("read").flatten().collect();
        assert_eq!(index.len(), 1);
        assert!(target.join("pagefind/three.pf").is_file());
        assert_eq!(fs::read_to_string(target.join("index.html")).expect("read"), "build 3");
    }
}
