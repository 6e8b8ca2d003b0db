//! The search index: Pagefind (the npm package `package.json` pins) reads the rendered pages
//! and writes an index per language, stemmed for that language, into `pagefind/` of the
//! output. It runs on the staging folder, so a failed indexing fails the build and the
//! published site never has pages and an index that disagree.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::error::Error;
use crate::output::Staging;

/// Where the index goes in the output; the theme's search script loads it from there.
pub const INDEX_DIR: &str = "pagefind";

/// What indexing did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SearchIndex {
    Built,
    /// Pagefind is not installed: the site works, its search page offers the lists instead.
    Skipped,
}

/// The Pagefind program: `$ETALASE_PAGEFIND`, the site's `node_modules/.bin/pagefind`
/// (`npm install` installs it), or `pagefind` on the `PATH`.
pub fn pagefind(root: &Path) -> Option<PathBuf> {
    if let Some(path) = std::env::var_os("ETALASE_PAGEFIND") {
        return Some(PathBuf::from(path));
    }
    let local = root.join("node_modules/.bin/pagefind");
    if local.is_file() {
        return Some(local);
    }
    std::env::var_os("PATH").and_then(|paths| {
        std::env::split_paths(&paths)
            .map(|dir| dir.join("pagefind"))
            .find(|path| path.is_file())
    })
}

/// Indexes the pages written to `staging`.
pub fn index(root: &Path, staging: &Staging) -> Result<SearchIndex, Error> {
    let Some(program) = pagefind(root) else {
        return Ok(SearchIndex::Skipped);
    };
    let folder = staging.tool_folder(INDEX_DIR)?;
    let site = folder.parent().unwrap_or(&folder);
    let output = Command::new(&program)
        .arg("--site")
        .arg(site)
        .arg("--output-path")
        .arg(&folder)
        .arg("--quiet")
        .output()
        .map_err(|source| Error::Io {
            action: crate::messages::Output::CannotRun,
            path: program.clone(),
            source,
        })?;
    if !output.status.success() {
        return Err(Error::Tool {
            tool: format!("Pagefind ({})", program.display()),
            message: String::from_utf8_lossy(&output.stderr).trim().to_string()
                + &String::from_utf8_lossy(&output.stdout),
        });
    }
    Ok(SearchIndex::Built)
}
