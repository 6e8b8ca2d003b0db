//! The file watcher: notify's debouncer (which stitches editors' atomic saves and renames and
//! merges bursts), a classification of changed paths, and the rebuild loop that publishes
//! each new snapshot or error.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc;
use std::time::{Duration, Instant};

use notify::{EventKind, PollWatcher, RecursiveMode};
use notify_debouncer_full::{DebounceEventResult, Debouncer, RecommendedCache, new_debouncer_opt};
use tokio::sync::{broadcast, watch as status};

use super::LiveEvent;
use super::session::{Change, Session, Snapshot};
use crate::config::CONFIG_FILE;
use crate::content::{CONTENT_DIR, is_ignored};
use crate::error::Error;
use crate::messages::{Cli, Lang, Text};
use crate::theme::THEMES_DIR;

/// Quiet time after the last event of a burst before rebuilding.
const DEBOUNCE: Duration = Duration::from_millis(30);

/// Keeps the watcher alive; dropping it stops watching.
pub enum Guard {
    Native(Debouncer<notify::RecommendedWatcher, RecommendedCache>),
    Poll(Debouncer<PollWatcher, RecommendedCache>),
}

pub fn start(
    session: Session,
    poll: bool,
    lang: Lang,
    snapshot: status::Sender<Arc<Snapshot>>,
    error: status::Sender<Option<Arc<str>>>,
    events: broadcast::Sender<LiveEvent>,
) -> Result<Guard, Error> {
    let root = session.root().to_path_buf();
    let (tx, rx) = mpsc::channel::<Vec<PathBuf>>();
    let handler = move |result: DebounceEventResult| {
        if let Ok(batch) = result {
            // Reading a file is an event too (the rebuild reads them all): only changes count.
            let paths: Vec<PathBuf> = batch
                .into_iter()
                .filter(|e| !matches!(e.event.kind, EventKind::Access(_) | EventKind::Other))
                .flat_map(|e| e.event.paths)
                .collect();
            if !paths.is_empty() {
                let _ = tx.send(paths);
            }
        }
    };
    let watch_error = |err: notify::Error| Error::Io {
        action: crate::messages::Output::CannotWatch,
        path: root.clone(),
        source: std::io::Error::other(err.to_string()),
    };
    let mut guard = if poll {
        // Polling sees modification times in whole seconds only: compare contents too, so that
        // two saves within one second are both seen.
        let config = notify::Config::default()
            .with_poll_interval(Duration::from_millis(300))
            .with_compare_contents(true);
        Guard::Poll(new_debouncer_opt(DEBOUNCE, None, handler, RecommendedCache::new(), config).map_err(watch_error)?)
    } else {
        Guard::Native(
            new_debouncer_opt(
                DEBOUNCE,
                None,
                handler,
                RecommendedCache::new(),
                notify::Config::default(),
            )
            .map_err(watch_error)?,
        )
    };
    for (path, mode) in watched(&root) {
        let result = match &mut guard {
            Guard::Native(d) => d.watch(&path, mode),
            Guard::Poll(d) => d.watch(&path, mode),
        };
        result.map_err(watch_error)?;
    }
    std::thread::spawn(move || rebuild_loop(session, lang, rx, snapshot, error, events));
    Ok(guard)
}

/// The site folder itself (for etalase.yaml and new folders) and the folders that feed a build;
/// never the output or build folders.
fn watched(root: &Path) -> Vec<(PathBuf, RecursiveMode)> {
    let mut paths = vec![(root.to_path_buf(), RecursiveMode::NonRecursive)];
    for dir in [CONTENT_DIR, THEMES_DIR, "templates", "static"] {
        let path = root.join(dir);
        if path.is_dir() {
            paths.push((path, RecursiveMode::Recursive));
        }
    }
    paths
}

/// What a changed path means for the site, if anything.
pub fn classify(root: &Path, path: &Path) -> Option<Change> {
    let relative = path.strip_prefix(root).ok()?;
    let name = relative.file_name()?.to_string_lossy();
    if is_ignored(&name) {
        return None;
    }
    let mut parts = relative.iter().map(|p| p.to_string_lossy());
    let first = parts.next()?;
    match first.as_ref() {
        CONFIG_FILE => Some(Change::Everything),
        CONTENT_DIR => Some(Change::Content),
        "templates" => Some(Change::Everything),
        "static" => Some(Change::Static),
        THEMES_DIR => match parts.nth(1).as_deref() {
            Some("static") => Some(Change::Static),
            Some(_) => Some(Change::Everything),
            None => None,
        },
        _ => None,
    }
}

fn rebuild_loop(
    mut session: Session,
    lang: Lang,
    rx: mpsc::Receiver<Vec<PathBuf>>,
    snapshot: status::Sender<Arc<Snapshot>>,
    error: status::Sender<Option<Arc<str>>>,
    events: broadcast::Sender<LiveEvent>,
) {
    let root = session.root().to_path_buf();
    let mut last_error: Option<String> = None;
    while let Ok(mut paths) = rx.recv() {
        // Merge bursts that arrived while the last rebuild ran.
        while let Ok(more) = rx.try_recv() {
            paths.extend(more);
        }
        let Some(change) = paths.iter().filter_map(|p| classify(&root, p)).max() else {
            continue;
        };
        let started = Instant::now();
        match session.rebuild(change) {
            Ok((site, outcome)) => {
                snapshot.send_replace(site);
                let was_broken = last_error.take().is_some();
                error.send_replace(None);
                let css_only = outcome.css_only && !was_broken;
                let _ = events.send(if css_only { LiveEvent::Css } else { LiveEvent::Reload });
                let line = Cli::Rebuilt {
                    ms: super::millis(started.elapsed()),
                    rendered: outcome.rendered,
                    reused: outcome.reused,
                };
                println!("{}", line.text(lang));
            }
            Err(err) => {
                let message = err.render(lang);
                if last_error.as_ref() != Some(&message) {
                    eprintln!("{message}\n{}\n", Cli::StillServed.text(lang));
                }
                let shared: Arc<str> = Arc::from(message.as_str());
                error.send_replace(Some(shared.clone()));
                let _ = events.send(LiveEvent::Error(shared));
                last_error = Some(message);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_paths() {
        let root = Path::new("/site");
        let c = |p: &str| classify(root, &root.join(p));
        assert_eq!(c("etalase.yaml"), Some(Change::Everything));
        assert_eq!(c("content/news/a.id.md"), Some(Change::Content));
        assert_eq!(c("content/news/.a.id.md.swp"), None);
        assert_eq!(c("content/news/a.id.md~"), None);
        assert_eq!(c("themes/default/templates/base.html"), Some(Change::Everything));
        assert_eq!(c("themes/default/static/style.css"), Some(Change::Static));
        assert_eq!(c("static/logo.svg"), Some(Change::Static));
        assert_eq!(c("public/index.html"), None);
        assert_eq!(c("target/debug/x"), None);
    }
}
