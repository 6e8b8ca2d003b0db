//! Output: the only code that writes. A build is written into a staging folder beside the
//! output folder and swapped in only when complete, so a failed or interrupted build leaves
//! the previous site as it was. Only folders that Etalase wrote (they carry a marker file)
//! are ever replaced or deleted.

use std::fs;
use std::path::{Component, Path, PathBuf};

use crate::error::{Error, IoContext};

/// Marks a folder as Etalase's output, which a later build may replace.
pub const MARKER: &str = ".etalase-output";
const MARKER_TEXT: &str = "Written by Etalase. This folder is replaced on every build; edit content/ instead.\n";

/// A folder being filled with a new build.
pub struct Staging {
    dir: PathBuf,
    target: PathBuf,
    committed: bool,
}

impl Staging {
    /// Checks that `target` may be written for the site in `root`, and opens a staging folder.
    pub fn open(root: &Path, target: &Path) -> Result<Staging, Error> {
        let target = check_target(root, target)?;
        let parent = target.parent().unwrap_or(Path::new("/")).to_path_buf();
        let name = file_name(&target);
        remove_stale(&parent, &name);
        let dir = parent.join(format!(".{name}.etalase-staging-{}", std::process::id()));
        if dir.exists() {
            fs::remove_dir_all(&dir).io("cannot clear", &dir)?;
        }
        fs::create_dir_all(&dir).io("cannot create", &dir)?;
        fs::write(dir.join(MARKER), MARKER_TEXT).io("cannot write", &dir.join(MARKER))?;
        Ok(Staging {
            dir,
            target,
            committed: false,
        })
    }

    pub fn target(&self) -> &Path {
        &self.target
    }

    /// Writes one file at a `/`-separated path inside the output.
    pub fn write(&self, path: &str, bytes: &[u8]) -> Result<(), Error> {
        let full = self.inside(path)?;
        if let Some(parent) = full.parent() {
            fs::create_dir_all(parent).io("cannot create", parent)?;
        }
        fs::write(&full, bytes).io("cannot write", &full)
    }

    /// Copies a file to a `/`-separated path inside the output.
    pub fn copy(&self, from: &Path, path: &str) -> Result<(), Error> {
        let full = self.inside(path)?;
        if let Some(parent) = full.parent() {
            fs::create_dir_all(parent).io("cannot create", parent)?;
        }
        fs::copy(from, &full).io("cannot copy", from).map(|_| ())
    }

    /// The full path of `path` in the staging folder; paths that would leave it are refused.
    fn inside(&self, path: &str) -> Result<PathBuf, Error> {
        let relative = Path::new(path);
        let safe = !path.is_empty() && relative.components().all(|c| matches!(c, Component::Normal(_)));
        if !safe {
            return Err(Error::UnsafeOutput {
                path: relative.to_path_buf(),
                reason: "the path would leave the output folder".into(),
            });
        }
        Ok(self.dir.join(relative))
    }

    /// Swaps the finished build in place of the previous output.
    pub fn commit(mut self) -> Result<PathBuf, Error> {
        let parent = self.target.parent().unwrap_or(Path::new("/")).to_path_buf();
        let old = parent.join(format!(
            ".{}.etalase-old-{}",
            file_name(&self.target),
            std::process::id()
        ));
        let had_previous = self.target.exists();
        if had_previous {
            fs::rename(&self.target, &old).io("cannot move aside", &self.target)?;
        }
        if let Err(err) = fs::rename(&self.dir, &self.target) {
            if had_previous {
                let _ = fs::rename(&old, &self.target);
            }
            return Err(Error::Io {
                action: "cannot move into place",
                path: self.target.clone(),
                source: err,
            });
        }
        self.committed = true;
        if had_previous {
            fs::remove_dir_all(&old).io("cannot remove the previous build", &old)?;
        }
        Ok(self.target.clone())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into())
}

/// Removes staging and old folders left by interrupted builds (only those with the marker).
fn remove_stale(parent: &Path, name: &str) {
    let Ok(entries) = fs::read_dir(parent) else { return };
    let prefixes = [format!(".{name}.etalase-staging-"), format!(".{name}.etalase-old-")];
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if prefixes.iter().any(|p| file_name.starts_with(p.as_str())) && entry.path().join(MARKER).is_file() {
            let _ = fs::remove_dir_all(entry.path());
        }
    }
}

/// Refuses output folders whose replacement could destroy a writer's files.
fn check_target(root: &Path, target: &Path) -> Result<PathBuf, Error> {
    let refuse = |path: &Path, reason: &str| Error::UnsafeOutput {
        path: path.to_path_buf(),
        reason: reason.to_string(),
    };
    let root = root.canonicalize().io("cannot open the site folder", root)?;
    let absolute = if target.is_absolute() {
        target.to_path_buf()
    } else {
        root.join(target)
    };
    let name = match absolute.file_name() {
        Some(name) if !matches!(absolute.components().next_back(), Some(Component::ParentDir)) => name.to_owned(),
        _ => return Err(refuse(target, "name a folder, e.g. public")),
    };
    let parent = absolute
        .parent()
        .ok_or_else(|| refuse(target, "the output cannot be the file system root"))?;
    fs::create_dir_all(parent).io("cannot create", parent)?;
    let target = parent.canonicalize().io("cannot open", parent)?.join(name);
    let target = if target.is_symlink() {
        target.canonicalize().io("cannot open", &target)?
    } else {
        target
    };

    if root.starts_with(&target) {
        return Err(refuse(&target, "it is the site folder or contains it"));
    }
    if target.starts_with(root.join(crate::content::CONTENT_DIR)) {
        return Err(refuse(&target, "it is inside the content folder"));
    }
    if let Some(home) = std::env::var_os("HOME").map(PathBuf::from)
        && !home.as_os_str().is_empty()
        && home.starts_with(&target)
    {
        return Err(refuse(&target, "it is the home folder or contains it"));
    }
    if target.exists() {
        if !target.is_dir() {
            return Err(refuse(&target, "it is a file, not a folder"));
        }
        let empty = fs::read_dir(&target).io("cannot read", &target)?.next().is_none();
        if !empty && !target.join(MARKER).is_file() {
            return Err(refuse(
                &target,
                &format!(
                    "the folder has files that Etalase did not write (no {MARKER} marker); empty it or choose another folder"
                ),
            ));
        }
    }
    Ok(target)
}
