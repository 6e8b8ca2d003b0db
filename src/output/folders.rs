//! The folders that Etalase keeps beside the output, and how it tells them from a writer's.

use std::fs;
use std::path::Path;

use super::MARKER;

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
