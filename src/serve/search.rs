//! The preview's search index: Pagefind, run as `build` runs it, on the served folder after
//! every rebuild that changed a page. It runs on a thread of its own, so a rebuild never waits
//! for it: saves made while it runs are indexed by the next run, which starts as soon as it
//! ends. Each run writes a new folder and the server switches to it only when the run
//! succeeded, so the search page always has a whole index, at most one run behind. The
//! folder before stays served behind it for one more run: a page that loaded the older index
//! still finds the parts it asks for afterwards.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc;

use tokio::sync::watch as status;

/// Asks for new indexes; dropping it stops the indexing thread after its current run.
pub struct Indexer {
    runs: mpsc::Sender<()>,
}

impl Indexer {
    /// Starts indexing `site` into new folders under `folder` with `program` (Pagefind); the
    /// folders of the newest index and of the one before are sent on `current`.
    pub fn start(program: PathBuf, site: PathBuf, folder: PathBuf, current: status::Sender<Vec<PathBuf>>) -> Indexer {
        let (runs, asked) = mpsc::channel::<()>();
        std::thread::spawn(move || index_when_asked(&program, &site, &folder, &asked, &current));
        Indexer { runs }
    }

    /// Indexes the served folder again (once more after the current run, however often asked).
    pub fn refresh(&self) {
        let _ = self.runs.send(());
    }
}

fn index_when_asked(
    program: &Path,
    site: &Path,
    folder: &Path,
    asked: &mpsc::Receiver<()>,
    current: &status::Sender<Vec<PathBuf>>,
) {
    // Indexes of an earlier server in this folder are out of date.
    for entry in std::fs::read_dir(folder).into_iter().flatten().flatten() {
        let _ = std::fs::remove_dir_all(entry.path());
    }
    let mut generation = 0u64;
    while asked.recv().is_ok() {
        // Every request that came during the last run is answered by this one.
        while asked.try_recv().is_ok() {}
        generation += 1;
        let next = folder.join(generation.to_string());
        match run(program, site, &next) {
            Ok(()) => {
                let mut served = current.borrow().clone();
                served.insert(0, next);
                for old in served.split_off(2.min(served.len())) {
                    let _ = std::fs::remove_dir_all(old);
                }
                current.send_replace(served);
            }
            Err(message) => {
                let _ = std::fs::remove_dir_all(&next);
                eprintln!("Pagefind ({}): {message}", program.display());
            }
        }
    }
}

fn run(program: &Path, site: &Path, output: &Path) -> Result<(), String> {
    let result = Command::new(program)
        .arg("--site")
        .arg(site)
        .arg("--output-path")
        .arg(output)
        .arg("--quiet")
        .output()
        .map_err(|err| err.to_string())?;
    if result.status.success() {
        Ok(())
    } else {
        Err(String::from_utf8_lossy(&result.stderr).trim().to_string())
    }
}
