//! The output folder named on the command line: resolved and checked before anything is
//! created, so that a refused folder leaves no trace.

use std::fs;
use std::path::{Component, Path, PathBuf};

use super::{MARKER, is_ours, refuse};
use crate::error::{Error, IoContext};

/// The output folder for `target` (the site is in `root`), refused when replacing it could
/// destroy a writer's files. Creates nothing; the caller creates its parent once accepted.
pub fn resolve(root: &Path, target: &Path) -> Result<PathBuf, Error> {
    let root = root.canonicalize().io(crate::messages::Output::CannotOpen, root)?;
    if matches!(target.components().next_back(), None | Some(Component::ParentDir)) {
        return Err(refuse(target, crate::messages::Output::NameAFolder));
    }
    // A relative output folder is relative to the working directory, as on any command line.
    let lexical = normalise(&std::path::absolute(target).io(crate::messages::Output::CannotOpen, target)?);
    check_place(&root, &lexical)?;
    // Links in the part that exists may lead elsewhere: check where they lead too.
    let real = follow_links(&lexical)?;
    check_place(&root, &real)?;
    check_contents(&real)?;
    Ok(real)
}

/// `path` with `.` and `..` resolved by name alone, as a shell's `cd` does.
pub fn normalise(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for component in path.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// `path` with the links in the part that exists resolved, and the rest appended as it is.
fn follow_links(path: &Path) -> Result<PathBuf, Error> {
    let mut existing = path;
    let mut missing = Vec::new();
    while fs::symlink_metadata(existing).is_err() {
        let (Some(parent), Some(name)) = (existing.parent(), existing.file_name()) else {
            break;
        };
        missing.push(name);
        existing = parent;
    }
    let mut real = existing
        .canonicalize()
        .io(crate::messages::Output::CannotOpen, existing)?;
    real.extend(missing.iter().rev());
    Ok(real)
}

/// Refuses places whose replacement would take the site, its content or a home folder along.
fn check_place(root: &Path, path: &Path) -> Result<(), Error> {
    if path.parent().is_none() {
        return Err(refuse(path, crate::messages::Output::FileSystemRoot));
    }
    if root.starts_with(path) {
        return Err(refuse(path, crate::messages::Output::HoldsSite));
    }
    if path.starts_with(root.join(crate::content::CONTENT_DIR)) {
        return Err(refuse(path, crate::messages::Output::InsideContent));
    }
    if let Some(home) = std::env::var_os("HOME").map(PathBuf::from)
        && !home.as_os_str().is_empty()
        && home.starts_with(path)
    {
        return Err(refuse(path, crate::messages::Output::HoldsHome));
    }
    Ok(())
}

/// Refuses an existing output that is a file or holds files that Etalase did not write.
fn check_contents(target: &Path) -> Result<(), Error> {
    match fs::symlink_metadata(target) {
        Err(err) if err.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(err) => Err(err).io(crate::messages::Output::CannotOpen, target),
        Ok(meta) if !meta.is_dir() => Err(refuse(target, crate::messages::Output::IsAFile)),
        Ok(_) if is_ours(target) => Ok(()),
        Ok(_) => Err(refuse(
            target,
            crate::messages::Output::NotOurs {
                marker: MARKER.to_string(),
            },
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::normalise;
    use std::path::Path;

    #[test]
    fn dots_are_resolved_by_name() {
        let cases = [
            ("/site/content/../public", "/site/public"),
            ("/site/./public/", "/site/public"),
            ("/site/nowhere/../content/x/out", "/site/content/x/out"),
            ("/site/a/b/../../..", "/"),
            ("/../..", "/"),
        ];
        for (path, expected) in cases {
            assert_eq!(normalise(Path::new(path)), Path::new(expected), "{path}");
        }
    }
}
