//! The servers the tests talk to: the dev server (`etalase serve`) with its live-reload events,
//! and `bench/static.py`, which serves a built site as the static host does.

use std::path::Path;
use std::process::Command;

use super::http::{Response, http_get};
use super::site::{etalase, repo};
use super::tools;

/// A running `etalase serve`, stopped when dropped.
pub struct Server {
    child: std::process::Child,
    pub url: String,
    pub addr: String,
    pub output: std::sync::mpsc::Receiver<String>,
}

impl Server {
    /// Starts the dev server on a free port for the site in `root` and waits until it serves.
    pub fn start(root: &Path, extra: &[&str]) -> Server {
        use std::io::BufRead;
        let mut child = etalase()
            .args(["serve", "--port", "0", "--root"])
            .arg(root)
            .args(extra)
            .env("LC_ALL", "C")
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("start etalase serve");
        let (tx, output) = std::sync::mpsc::channel();
        let streams = [
            child
                .stdout
                .take()
                .map(|s| Box::new(s) as Box<dyn std::io::Read + Send>),
            child
                .stderr
                .take()
                .map(|s| Box::new(s) as Box<dyn std::io::Read + Send>),
        ];
        // Owned from here on, so that a failure below still stops the process.
        let mut server = Server {
            child,
            url: String::new(),
            addr: String::new(),
            output,
        };
        for stream in streams.into_iter().flatten() {
            let tx = tx.clone();
            std::thread::spawn(move || {
                for line in std::io::BufReader::new(stream).lines().map_while(Result::ok) {
                    let _ = tx.send(line);
                }
            });
        }
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            let line = server.output.recv_timeout(left).expect("server started");
            if let Some(rest) = line.strip_prefix("Serving the site at ") {
                server.url = rest
                    .split_whitespace()
                    .next()
                    .expect("url")
                    .trim_end_matches('/')
                    .to_string();
                server.addr = server.url.trim_start_matches("http://").to_string();
                return server;
            }
        }
    }

    pub fn get(&self, path: &str) -> Response {
        http_get(&self.addr, path)
    }

    /// Sends Ctrl-C (SIGINT) and waits for the server to exit.
    pub fn interrupt(&mut self) -> std::process::ExitStatus {
        let pid = self.child.id().to_string();
        let sent = Command::new("kill").args(["-INT", &pid]).status().expect("kill");
        assert!(sent.success());
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(15);
        loop {
            if let Some(status) = self.child.try_wait().expect("wait") {
                return status;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "the server did not stop on Ctrl-C"
            );
            std::thread::sleep(std::time::Duration::from_millis(50));
        }
    }

    /// Subscribes to the live-reload events.
    pub fn events(&self) -> Events {
        Events::connect(&self.addr)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The live-reload event stream of a server, read on a thread.
pub struct Events {
    rx: std::sync::mpsc::Receiver<(String, String)>,
}

impl Events {
    fn connect(addr: &str) -> Events {
        use std::io::{BufRead, Write};
        let mut stream = std::net::TcpStream::connect(addr).expect("connect");
        write!(
            stream,
            "GET /__etalase/events HTTP/1.1\r\nHost: {addr}\r\nAccept: text/event-stream\r\n\r\n"
        )
        .expect("send");
        let (tx, rx) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            let mut event = String::new();
            let mut data = Vec::new();
            for line in std::io::BufReader::new(stream).lines().map_while(Result::ok) {
                if let Some(name) = line.strip_prefix("event: ") {
                    event = name.to_string();
                } else if let Some(value) = line.strip_prefix("data: ").or_else(|| line.strip_prefix("data:")) {
                    data.push(value.to_string());
                } else if line.is_empty() && !event.is_empty() {
                    if tx.send((std::mem::take(&mut event), data.join("\n"))).is_err() {
                        return;
                    }
                    data.clear();
                }
            }
        });
        // Let the subscription reach the server before the caller changes anything.
        std::thread::sleep(std::time::Duration::from_millis(300));
        Events { rx }
    }

    /// The next event named `name` (others are skipped), or a panic after 30 s.
    pub fn wait(&self, name: &str) -> String {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        loop {
            let left = deadline.saturating_duration_since(std::time::Instant::now());
            match self.rx.recv_timeout(left) {
                Ok((event, data)) if event == name => return data,
                Ok(_) => continue,
                Err(_) => panic!("no `{name}` event within 30 s"),
            }
        }
    }
}

/// `bench/static.py` serving a folder as the static host does (netlify.toml's headers, a 404
/// page per language), on a free port; stopped when dropped.
pub struct StaticServer {
    child: std::process::Child,
    pub url: String,
}

impl StaticServer {
    pub fn start(dir: &Path) -> StaticServer {
        use std::io::BufRead;
        let mut child = Command::new(tools::python())
            .arg(repo().join("bench/static.py"))
            .arg(dir)
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("start bench/static.py");
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        std::io::BufReader::new(stdout).read_line(&mut line).expect("read");
        StaticServer {
            url: line
                .trim()
                .strip_prefix("Serving ")
                .unwrap_or_else(|| panic!("bench/static.py did not start: {line:?}"))
                .trim_end_matches('/')
                .to_string(),
            child,
        }
    }

    pub fn get(&self, path: &str) -> Response {
        http_get(self.url.trim_start_matches("http://"), path)
    }
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
