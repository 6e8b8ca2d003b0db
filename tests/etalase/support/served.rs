//! What the dev server serves, compared with a fresh `etalase build` of the same files.
//!
//! A [`Preview`] runs `etalase serve` on a fixture site and makes each change to the site's
//! files as one save (an editor's atomic save: the new text is written beside the site and
//! renamed into place, so the server never reads half a file). It then waits for the
//! server's answer, a `reload`, `css` or `build-error` event, and compares:
//!
//! - when `etalase build` of the same files succeeds: every file of that build, fetched from
//!   the server, byte for byte (HTML pages less the one live-reload script the server adds);
//!   every file an earlier build of the test had and this one has not is a 404; the answer
//!   was not an error, and a page opened now is not shown one;
//! - when the build fails: the server still serves the last good build, exactly, and its
//!   answer was a `build-error` naming errors the files have now; a page opened now is shown
//!   that error first.
//!
//! The search index (`pagefind/`) is left out: the dev server does not serve it.

use std::collections::BTreeSet;
use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::sync::mpsc::{Receiver, TryRecvError};
use std::time::Duration;

use tempfile::TempDir;

use super::folders::files;
use super::servers::Server;
use super::site::{Site, etalase};

/// What the server adds to every HTML page it serves, before `</body>`.
const LIVE_SCRIPT: &str = "<script src=\"/__etalase/live.js\" defer></script>";

/// How long the server may take to answer a save, or to show a page opened later the current
/// error: generous, for a loaded machine.
const ANSWER: Duration = Duration::from_secs(60);

/// How long a page opened while the site builds is watched for an error that should not be
/// there. The server sends the current error as the first event of a new stream at once; a
/// late error could only make this check miss a fault, never fail a correct server.
const NO_ERROR_WITHIN: Duration = Duration::from_millis(250);

/// Whether the files as they are now build.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum State {
    Built,
    Broken,
}

/// One save of a writer: one change to the site's files.
#[derive(Debug, Clone)]
pub enum Save {
    /// Writes a file (a new one, or a new version of one).
    Write(String, String),
    Remove(String),
    Rename(String, String),
}

impl std::fmt::Display for Save {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Save::Write(path, _) => write!(f, "save {path}"),
            Save::Remove(path) => write!(f, "delete {path}"),
            Save::Rename(from, to) => write!(f, "rename {from} to {to}"),
        }
    }
}

/// `etalase serve` on a fixture site, checked against a fresh build after every save.
pub struct Preview<'a> {
    site: &'a Site,
    pub server: Server,
    events: Subscription,
    drafts: bool,
    /// The output of the last build that succeeded: what the server shows while the site is
    /// broken.
    last_good: Option<TempDir>,
    /// Every file any build of this test wrote.
    ever_built: BTreeSet<String>,
    saves: usize,
}

impl<'a> Preview<'a> {
    /// Starts the server on `site` (with `args`, e.g. `--drafts`) and checks what it serves
    /// before any save.
    pub fn start(site: &'a Site, args: &[&str]) -> Preview<'a> {
        let server = Server::start(site.root(), args);
        let events = Subscription::open(&server.addr);
        let mut preview = Preview {
            site,
            server,
            events,
            drafts: args.contains(&"--drafts"),
            last_good: None,
            ever_built: BTreeSet::new(),
            saves: 0,
        };
        let build = preview.fresh_build();
        // A server that starts on a broken site tells every new page the error first.
        let answer = match &build.output {
            Ok(_) => None,
            Err(_) => Some(preview.events.next().unwrap_or_else(|| {
                panic!("the server started on a broken site without an error event");
            })),
        };
        if let Err(problem) = preview.compare(build, answer) {
            panic!("before any save: {problem}");
        }
        preview
    }

    /// Writes `path` (relative to the site folder) and checks what the server serves then.
    #[track_caller]
    pub fn save(&mut self, path: &str, contents: &str) -> State {
        self.expect(Save::Write(path.to_string(), contents.to_string()))
    }

    #[track_caller]
    pub fn remove(&mut self, path: &str) -> State {
        self.expect(Save::Remove(path.to_string()))
    }

    #[track_caller]
    pub fn rename(&mut self, from: &str, to: &str) -> State {
        self.expect(Save::Rename(from.to_string(), to.to_string()))
    }

    #[track_caller]
    fn expect(&mut self, save: Save) -> State {
        let step = save.to_string();
        match self.apply(save) {
            Ok(state) => state,
            Err(problem) => panic!("after `{step}`: {problem}"),
        }
    }

    /// Makes one save, waits for the server's answer and compares; `Err` says what the server
    /// got wrong.
    pub fn apply(&mut self, save: Save) -> Result<State, String> {
        // An answer still pending here belongs to an earlier save (a rename can reach the
        // server as two changes, and each gets an answer): it must not stand for this one.
        self.events.drain();
        self.saves += 1;
        let root = self.site.root();
        match &save {
            Save::Write(path, contents) => {
                let target = root.join(path);
                std::fs::create_dir_all(target.parent().expect("parent")).expect("mkdir");
                // Beside the watched folders, under a name the server ignores anyway.
                let draft = root.join(".etalase-test-save.tmp");
                std::fs::write(&draft, contents).expect("write");
                std::fs::rename(&draft, &target).expect("save");
            }
            Save::Remove(path) => std::fs::remove_file(root.join(path)).expect("remove"),
            Save::Rename(from, to) => std::fs::rename(root.join(from), root.join(to)).expect("rename"),
        }
        let Some(answer) = self.events.next() else {
            return Err(format!(
                "the server did not answer save #{} within {} s",
                self.saves,
                ANSWER.as_secs()
            ));
        };
        let build = self.fresh_build();
        self.compare(build, Some(answer))
    }

    /// The pages the server rendered for the last save, as it lists them under `--verbose`
    /// (each page on a line of its own, then the line that says the rebuild is done).
    pub fn rendered(&self) -> BTreeSet<String> {
        let mut pages = BTreeSet::new();
        loop {
            let line = self
                .server
                .output
                .recv_timeout(ANSWER)
                .expect("the server says it rebuilt");
            if line.starts_with("Rebuilt in ") {
                return pages;
            }
            if let Some(page) = line.strip_prefix("  ") {
                pages.insert(page.to_string());
            }
        }
    }

    /// `etalase build` of the files as they are now, into a new folder, with the server's
    /// address as base URL (the server builds with it) and its `--drafts`.
    fn fresh_build(&self) -> Build {
        let folder = tempfile::tempdir().expect("temp dir");
        let mut command = etalase();
        command
            .args(["build", "--root"])
            .arg(self.site.root())
            .arg("--output")
            .arg(folder.path().join("public"))
            .args(["--base-url", &self.server.url])
            .env("LC_ALL", "C")
            .env("NO_COLOR", "1");
        if self.drafts {
            command.arg("--drafts");
        }
        let out = command.output().expect("run etalase build");
        Build {
            output: if out.status.success() {
                Ok(folder)
            } else {
                Err(String::from_utf8_lossy(&out.stderr).into_owned())
            },
        }
    }

    /// Compares the server with `build`, given the server's answer to the last save (none
    /// before the first save of a site that builds).
    fn compare(&mut self, build: Build, answer: Option<(String, String)>) -> Result<State, String> {
        let mut problems = Vec::new();
        let state = match build.output {
            Ok(folder) => {
                if let Some((event, data)) = &answer
                    && event == "build-error"
                {
                    problems.push(format!(
                        "the server answered with an error, but `etalase build` succeeds:\n{data}"
                    ));
                }
                if let Some((event, data)) = Subscription::open(&self.server.addr).first(NO_ERROR_WITHIN)
                    && event == "build-error"
                {
                    problems.push(format!(
                        "a page opened now is shown an error, but `etalase build` succeeds:\n{data}"
                    ));
                }
                self.last_good = Some(folder);
                State::Built
            }
            Err(stderr) => {
                let errors = headlines(&stderr);
                match &answer {
                    Some((event, data)) if event == "build-error" => {
                        problems.extend(misreported(self.site.root(), &errors, data, "the server's error"));
                    }
                    Some((event, _)) => problems.push(format!(
                        "the server answered `{event}`, but `etalase build` fails:\n{}",
                        errors.join("\n")
                    )),
                    None => {}
                }
                // When the server's answer already says it has no error, a short wait shows
                // whether it tells new pages otherwise.
                let wait = match &answer {
                    Some((event, _)) if event != "build-error" => Duration::from_secs(3),
                    _ => ANSWER,
                };
                match Subscription::open(&self.server.addr).first(wait) {
                    Some((event, data)) if event == "build-error" => {
                        problems.extend(misreported(
                            self.site.root(),
                            &errors,
                            &data,
                            "the error shown to a page opened now",
                        ));
                    }
                    other => problems.push(format!(
                        "a page opened now is not shown the error (its first event: {other:?}), \
                         but `etalase build` fails:\n{}",
                        errors.join("\n")
                    )),
                }
                State::Broken
            }
        };
        let expected = self.last_good.as_ref().map(|folder| folder.path().join("public"));
        let built = expected.as_deref().map(site_files).unwrap_or_default();
        if let Some(dir) = &expected {
            for file in &built {
                if let Some(problem) = self.differs(dir, file) {
                    problems.push(problem);
                }
            }
        }
        self.ever_built.extend(built.iter().cloned());
        for file in self.ever_built.difference(&built.iter().cloned().collect()) {
            let (status, _) = get(&self.server.addr, &format!("/{file}"));
            if status != 404 {
                problems.push(format!("/{file} is served ({status}), but the build has no such file"));
            }
        }
        if problems.is_empty() {
            Ok(state)
        } else {
            let what = match state {
                State::Built => "a fresh `etalase build`",
                State::Broken => "the last good build (the files as they are now do not build)",
            };
            Err(format!("the server differs from {what}:\n- {}", problems.join("\n- ")))
        }
    }

    /// What is wrong with the server's `/file`, compared with `dir/file`.
    fn differs(&self, dir: &Path, file: &str) -> Option<String> {
        let expected = std::fs::read(dir.join(file)).expect("read");
        let (status, body) = get(&self.server.addr, &format!("/{file}"));
        if status != 200 {
            return Some(format!("/{file} answers {status} instead of 200"));
        }
        let served = if file.ends_with(".html") {
            let page = String::from_utf8_lossy(&body).into_owned();
            let Some(at) = page.rfind(LIVE_SCRIPT) else {
                return Some(format!("/{file} has no live-reload script"));
            };
            format!("{}{}", &page[..at], &page[at + LIVE_SCRIPT.len()..]).into_bytes()
        } else {
            body
        };
        (served != expected).then(|| format!("/{file} differs: {}", first_difference(&expected, &served)))
    }
}

/// A GET of `path`: the status and the body. The request goes out in one write, with Nagle's
/// algorithm off: written in pieces, each request would wait for a delayed acknowledgement,
/// and a comparison makes hundreds of them.
fn get(addr: &str, path: &str) -> (u16, Vec<u8>) {
    let mut stream = std::net::TcpStream::connect(addr).expect("connect");
    stream.set_nodelay(true).expect("nodelay");
    stream.set_read_timeout(Some(ANSWER)).expect("timeout");
    let request = format!("GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n");
    stream.write_all(request.as_bytes()).expect("send");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("read");
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("the end of the headers");
    let head = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
    assert!(
        !head.contains("transfer-encoding: chunked"),
        "GET {path}: a chunked answer:\n{head}"
    );
    let status = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("status");
    (status, raw[split + 4..].to_vec())
}

/// A fresh build: its folder (with `public/`), or its error output.
struct Build {
    output: Result<TempDir, String>,
}

/// The files of a build that the server should serve.
fn site_files(dir: &Path) -> Vec<String> {
    let mut all: Vec<String> = files(dir)
        .into_iter()
        .filter(|f| f != ".etalase-output" && !f.starts_with("pagefind/"))
        .collect();
    all.sort();
    all
}

/// The first line of each error in a build's error output
/// (`content/news/a.id.md:4:7: error: unknown unit …`).
fn headlines(stderr: &str) -> Vec<String> {
    stderr
        .lines()
        .filter(|line| !line.starts_with(char::is_whitespace) && line.contains(": error: "))
        .map(str::to_string)
        .collect()
}

/// What is wrong with an error the server shows, given the errors of the build: it must name
/// an error, and each must be one the files have now, not one already fixed. An error in a
/// content file must be one the build reports. A template error may be one the build does not
/// reach (the build reads the content first, the server the templates), so it is checked
/// against the template: the line it shows must be that line of the template now.
fn misreported(root: &Path, errors: &[String], message: &str, whose: &str) -> Vec<String> {
    let shown = headlines(message);
    if shown.is_empty() {
        return vec![format!("{whose} names no error:\n{message}")];
    }
    let mut problems = Vec::new();
    for error in &shown {
        let current = if error.starts_with("template error") {
            errors.contains(error) || template_error_is_current(root, message)
        } else {
            errors.contains(error)
        };
        if !current {
            problems.push(format!(
                "{whose} names `{error}`, which the files as they are now do not have; \
                 `etalase build` reports:\n{}\nthe server:\n{message}",
                errors.join("\n")
            ));
        }
    }
    problems
}

/// Whether the template error in `message` (` --> page.html:8:7`, then `8 | {% if %}`) shows
/// a line that a template of that name has now, in the site's `templates/` or a theme's.
fn template_error_is_current(root: &Path, message: &str) -> bool {
    let Some(place) = message.lines().find_map(|l| l.trim_start().strip_prefix("--> ")) else {
        return false;
    };
    let mut parts = place.rsplitn(3, ':');
    let (Some(_column), Some(line), Some(name)) = (parts.next(), parts.next(), parts.next()) else {
        return false;
    };
    let Some(shown) = message.lines().find_map(|l| l.strip_prefix(&format!("{line} | "))) else {
        return false;
    };
    let Ok(number) = line.parse::<usize>() else {
        return false;
    };
    let mut candidates = vec![root.join("templates").join(name)];
    if let Ok(themes) = std::fs::read_dir(root.join("themes")) {
        candidates.extend(themes.flatten().map(|theme| theme.path().join("templates").join(name)));
    }
    candidates.iter().any(|file| {
        std::fs::read_to_string(file)
            .is_ok_and(|text| text.lines().nth(number.wrapping_sub(1)).is_some_and(|l| l == shown))
    })
}

/// Where two versions of a file first differ, with a little of each around it.
fn first_difference(expected: &[u8], served: &[u8]) -> String {
    let at = expected
        .iter()
        .zip(served)
        .position(|(a, b)| a != b)
        .unwrap_or(expected.len().min(served.len()));
    let around = |bytes: &[u8]| {
        let from = at.saturating_sub(80);
        let to = (at + 80).min(bytes.len());
        String::from_utf8_lossy(&bytes[from..to]).into_owned()
    };
    format!(
        "at byte {at} of {} (served {} bytes)\n    built:  …{}…\n    served: …{}…",
        expected.len(),
        served.len(),
        around(expected),
        around(served)
    )
}

/// The server's live-reload events (`/__etalase/events`), read on a thread.
struct Subscription {
    rx: Receiver<(String, String)>,
    /// The connection, to close when done with it.
    stream: std::net::TcpStream,
}

impl Subscription {
    /// Subscribes, and returns once the server has answered: from then on, every event the
    /// server sends reaches this subscription.
    fn open(addr: &str) -> Subscription {
        let mut stream = std::net::TcpStream::connect(addr).expect("connect");
        write!(
            stream,
            "GET /__etalase/events HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n"
        )
        .expect("send");
        stream.set_read_timeout(Some(ANSWER)).expect("timeout");
        let mut reader = BufReader::new(stream);
        let mut head = String::new();
        loop {
            let mut line = String::new();
            let n = reader.read_line(&mut line).expect("read the event stream's headers");
            assert!(n > 0, "the event stream closed before its headers:\n{head}");
            if line.trim_end().is_empty() {
                break;
            }
            head.push_str(&line);
        }
        assert!(head.starts_with("HTTP/1.1 200"), "{head}");
        let chunked = head.to_ascii_lowercase().contains("transfer-encoding: chunked");
        reader.get_ref().set_read_timeout(None).expect("timeout");
        let stream = reader.get_ref().try_clone().expect("clone the connection");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut body = Body {
                reader,
                chunked,
                left: 0,
            };
            let (mut event, mut data) = (String::new(), Vec::<String>::new());
            while let Some(line) = body.line() {
                if let Some(name) = line.strip_prefix("event:") {
                    event = name.trim_start().to_string();
                } else if let Some(value) = line.strip_prefix("data:") {
                    data.push(value.strip_prefix(' ').unwrap_or(value).to_string());
                } else if line.is_empty() && !event.is_empty() {
                    if tx.send((std::mem::take(&mut event), data.join("\n"))).is_err() {
                        return;
                    }
                    data.clear();
                }
            }
        });
        Subscription { rx, stream }
    }

    /// The next `reload`, `css` or `build-error` event, waiting up to [`ANSWER`].
    fn next(&self) -> Option<(String, String)> {
        self.first(ANSWER)
    }

    /// The next event within `wait`.
    fn first(&self, wait: Duration) -> Option<(String, String)> {
        self.rx.recv_timeout(wait).ok()
    }

    /// Drops the events that have arrived.
    fn drain(&self) {
        while !matches!(
            self.rx.try_recv(),
            Err(TryRecvError::Empty | TryRecvError::Disconnected)
        ) {}
    }
}

impl Drop for Subscription {
    fn drop(&mut self) {
        let _ = self.stream.shutdown(std::net::Shutdown::Both);
    }
}

/// The body of the event stream as lines, taken out of its HTTP chunks.
struct Body {
    reader: BufReader<std::net::TcpStream>,
    chunked: bool,
    /// What is left of the current chunk.
    left: usize,
}

impl Body {
    /// The next line of the stream, without its line end; `None` when it ends.
    fn line(&mut self) -> Option<String> {
        let mut line = Vec::new();
        loop {
            let byte = self.byte()?;
            if byte == b'\n' {
                if line.last() == Some(&b'\r') {
                    line.pop();
                }
                return Some(String::from_utf8_lossy(&line).into_owned());
            }
            line.push(byte);
        }
    }

    fn byte(&mut self) -> Option<u8> {
        if self.chunked && self.left == 0 {
            // The line end that closes the last chunk, then the size of the next one.
            let mut size = String::new();
            while size.trim().is_empty() {
                size.clear();
                if self.reader.read_line(&mut size).ok()? == 0 {
                    return None;
                }
            }
            let hex = size.trim().split(';').next()?;
            self.left = usize::from_str_radix(hex, 16).ok().filter(|&n| n > 0)?;
        }
        let mut one = [0u8; 1];
        self.reader.read_exact(&mut one).ok()?;
        self.left = self.left.saturating_sub(1);
        Some(one[0])
    }
}
