//! The folders that Etalase keeps beside the output, and how it tells them from a writer's.

use std::fs;
use std::io::ErrorKind;
use std::path::{Path, PathBuf};

use super::{MARKER, refuse};
use crate::error::{Error, IoContext};

/// Whether `dir` is a folder that Etalase may replace or delete: a real folder (not a link)
/// that carries the marker, or an empty one.
pub fn is_ours(dir: &Path) -> bool {
    let is_folder = fs::symlink_metadata(dir).is_ok_and(|m| m.is_dir());
    is_folder && (is_marked(dir) || fs::read_dir(dir).is_ok_and(|mut d| d.next().is_none()))
}

/// Whether `dir` holds the marker as a plain file.
fn is_marked(dir: &Path) -> bool {
    fs::symlink_metadata(dir.join(MARKER)).is_ok_and(|m| m.is_file())
}

/// The path of `.<name>.etalase-<what>` beside the output folder `target`.
pub fn beside(target: &Path, what: &str) -> PathBuf {
    let parent = target.parent().unwrap_or(Path::new("/"));
    parent.join(format!(".{}.etalase-{what}", file_name(target)))
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "public".into())
}

/// Refuses to write `target` while `path`, a name Etalase uses beside it, holds something
/// Etalase did not write: a build would replace or delete it.
pub fn check_free(target: &Path, path: &Path) -> Result<(), Error> {
    if fs::symlink_metadata(path).is_err() || is_ours(path) {
        return Ok(());
    }
    Err(refuse(
        target,
        crate::messages::Output::InTheWay {
            folder: crate::messages::Path(path.to_path_buf()),
            marker: MARKER.to_string(),
        },
    ))
}

/// Deletes a folder that Etalase wrote, its marker last: a removal cut short leaves a marked
/// folder, which the next build deletes. Refuses a folder that is not Etalase's.
pub fn remove_ours(dir: &Path) -> Result<(), Error> {
    if fs::symlink_metadata(dir).is_err_and(|e| e.kind() == ErrorKind::NotFound) {
        return Ok(());
    }
    if !is_ours(dir) {
        let reason = crate::messages::Output::KeptNotOurs {
            marker: MARKER.to_string(),
        };
        return Err(refuse(dir, reason));
    }
    for entry in fs::read_dir(dir).io(crate::messages::Output::CannotRead, dir)? {
        let entry = entry.io(crate::messages::Output::CannotRead, dir)?;
        if entry.file_name() == MARKER {
            continue;
        }
        let path = entry.path();
        let removed = match entry.file_type() {
            Ok(kind) if kind.is_dir() => fs::remove_dir_all(&path),
            _ => fs::remove_file(&path),
        };
        removed.io(crate::messages::Output::CannotRemove, &path)?;
    }
    match fs::remove_file(dir.join(MARKER)) {
        Err(err) if err.kind() != ErrorKind::NotFound => {
            return Err(err).io(crate::messages::Output::CannotRemove, &dir.join(MARKER));
        }
        _ => {}
    }
    fs::remove_dir(dir).io(crate::messages::Output::CannotRemove, dir)
}

/// Deletes the staging folders that killed builds left beside `target`. Runs under the output's
/// lock, so none of them is being written; folders without the marker are left alone.
pub fn remove_stale(target: &Path) {
    let Some(parent) = target.parent() else { return };
    let Ok(entries) = fs::read_dir(parent) else { return };
    let name = file_name(target);
    // `old-` folders were left by earlier versions, which moved the previous output aside.
    let prefixes = [format!(".{name}.etalase-staging-"), format!(".{name}.etalase-old-")];
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if prefixes.iter().any(|p| file_name.starts_with(p.as_str())) && is_ours(&entry.path()) {
            // One that cannot be deleted now is tried again by the next build.
            let _ = remove_ours(&entry.path());
        }
    }
}

/// Whether a file has more than one name, so that writing it changes the others too.
#[cfg(unix)]
pub fn is_shared(meta: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    meta.nlink() > 1
}

#[cfg(not(unix))]
pub fn is_shared(_meta: &fs::Metadata) -> bool {
    false
}
