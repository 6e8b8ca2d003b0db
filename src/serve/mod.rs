//! `etalase serve`: the writers' preview. Builds the site into a private folder, serves it on
//! localhost, watches the site's files, renders again on every save exactly the pages that read
//! what changed, and tells open pages to reload (server-sent events). A broken edit never stops the server: the last good site
//! stays served and the pages show the error until the next good save.

mod http;
mod record;
mod search;
pub mod session;
mod watch;

use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;

use tokio::sync::{broadcast, watch as status};

use crate::build::BuildOptions;
use crate::error::{Error, IoContext};
use crate::messages::{Cli, Lang, Text};
use session::{Change, Session, Snapshot};

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    pub root: PathBuf,
    pub bind: IpAddr,
    pub port: u16,
    pub drafts: bool,
    /// Poll the file system instead of relying on its events (WSL, network drives).
    pub poll: bool,
    /// Open the site in the default browser.
    pub open: bool,
    /// List the pages each rebuild renders.
    pub verbose: bool,
    /// The language of error messages.
    pub lang: Lang,
}

/// A message to the open pages.
#[derive(Debug, Clone)]
pub enum LiveEvent {
    /// The site changed: reload.
    Reload,
    /// Only stylesheets changed: swap them in place.
    Css,
    /// The save changed nothing the site shows: pages stay as they are.
    Unchanged,
    /// The last save broke the build; the message says where and why.
    Error(Arc<str>),
}

/// What the HTTP side reads: the site to serve and the current build error, if any.
#[derive(Clone)]
pub struct Shared {
    pub snapshot: status::Receiver<Arc<Snapshot>>,
    pub error: status::Receiver<Option<Arc<str>>>,
    pub events: broadcast::Sender<LiveEvent>,
    pub shutdown: status::Receiver<bool>,
    /// The folders of the served site's search indexes, newest first.
    pub search: status::Receiver<Vec<PathBuf>>,
}

/// Runs the dev server until Ctrl-C.
pub fn serve(options: ServeOptions) -> Result<(), Error> {
    return_freed_memory_at_once();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .io(crate::messages::Output::CannotRun, &options.root)?;
    runtime.block_on(run(options))
}

/// mimalloc's option `purge_delay` (its index in mimalloc.h v3, which the bindings do not name).
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// Asks the allocator (when it is mimalloc, as in the `etalase` program) to return memory to
/// the system as soon as it is freed rather than a second later. A rebuild frees the last
/// site while the worker threads fill the next one; with the delay, both stay resident and
/// the server's peak grows by a third.
pub fn return_freed_memory_at_once() {
    // SAFETY: sets one of mimalloc's options, which it reads on every purge; any value is valid.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 0) }
}

async fn run(mut options: ServeOptions) -> Result<(), Error> {
    // The watcher reports absolute paths; compare them with an absolute root.
    options.root = options
        .root
        .canonicalize()
        .io(crate::messages::Output::CannotOpen, &options.root)?;
    let (listener, address) = bind(options.bind, options.port, options.lang).await?;
    let url = format!("http://{address}");
    let mut session = Session::new(BuildOptions {
        root: options.root.clone(),
        output: None,
        base_url: Some(url.clone()),
        drafts: options.drafts,
        lang: options.lang,
    })?;
    let (snapshot_tx, snapshot_rx) = status::channel(Arc::new(Snapshot::default()));
    let (error_tx, error_rx) = status::channel(None);
    let (events, _) = broadcast::channel(16);
    let (shutdown_tx, shutdown_rx) = status::channel(false);

    match session.rebuild(Change::Everything, &[]) {
        Ok((snapshot, outcome)) => {
            snapshot_tx.send_replace(snapshot);
            let built = Cli::ServeBuilt {
                pages: outcome.rendered.len(),
                ms: millis(outcome.elapsed),
            };
            println!("{}", built.text(options.lang));
        }
        Err(err) => {
            let message = err.render(options.lang);
            eprintln!("{message}\n");
            error_tx.send_replace(Some(Arc::from(message)));
        }
    }
    let search = session.search_index();
    let watcher = watch::start(
        session,
        options.poll,
        options.lang,
        options.verbose,
        snapshot_tx,
        error_tx,
        events.clone(),
    )?;
    let shared = Shared {
        snapshot: snapshot_rx,
        error: error_rx,
        events,
        shutdown: shutdown_rx,
        search,
    };
    println!("{}", Cli::Serving { url: url.clone() }.text(options.lang));
    if options.open {
        open_browser(&url, options.lang);
    }
    let app = http::router(shared);
    let lang = options.lang;
    let shutdown = async move {
        let _ = tokio::signal::ctrl_c().await;
        println!("\n{}", Cli::Stopping.text(lang));
        let _ = shutdown_tx.send(true);
    };
    axum::serve(listener, app)
        .with_graceful_shutdown(shutdown)
        .await
        .io(crate::messages::Output::ServerStopped, &options.root)?;
    drop(watcher);
    Ok(())
}

/// Binds `port`, or the next free one (saying so) when it is taken.
async fn bind(ip: IpAddr, port: u16, lang: Lang) -> Result<(tokio::net::TcpListener, SocketAddr), Error> {
    let mut last_error = None;
    for candidate in port..port.saturating_add(20) {
        match tokio::net::TcpListener::bind((ip, candidate)).await {
            Ok(listener) => {
                let address = listener
                    .local_addr()
                    .io(crate::messages::Output::CannotRead, &PathBuf::new())?;
                if candidate != port && port != 0 {
                    let line = Cli::PortInUse {
                        port: usize::from(port),
                        other: usize::from(candidate),
                    };
                    println!("{}", line.text(lang));
                }
                return Ok((listener, address));
            }
            Err(err) if err.kind() == std::io::ErrorKind::AddrInUse => last_error = Some(err),
            Err(err) => return Err(bind_error(ip, candidate, err)),
        }
    }
    Err(bind_error(
        ip,
        port,
        last_error.unwrap_or_else(|| std::io::Error::other("no free port")),
    ))
}

fn bind_error(ip: IpAddr, port: u16, source: std::io::Error) -> Error {
    Error::Io {
        action: crate::messages::Output::CannotListen,
        path: PathBuf::from(format!("{ip}:{port}")),
        source,
    }
}

fn open_browser(url: &str, lang: Lang) {
    let opener = if cfg!(target_os = "macos") { "open" } else { "xdg-open" };
    if std::process::Command::new(opener).arg(url).spawn().is_err() {
        println!("{}", Cli::OpenBrowser { url: url.to_string() }.text(lang));
    }
}

/// Whole milliseconds, for what the server prints.
pub fn millis(elapsed: std::time::Duration) -> u64 {
    u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_purge_delay_option_is_the_one_named() {
        // mimalloc.h v3 documents these defaults: purge_delay 1000 ms, then use_numa_nodes 0,
        // disallow_os_alloc 0 and os_tag 100. This fails if an update of the bindings numbers
        // the options differently.
        let option = |index| unsafe { libmimalloc_sys::mi_option_get(index) };
        let at = super::MI_OPTION_PURGE_DELAY;
        assert_eq!(
            [option(at), option(at + 1), option(at + 2), option(at + 3)],
            [1000, 0, 0, 100]
        );
    }
}
