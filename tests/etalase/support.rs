//! Fixture sites for the integration tests: a small site in a temporary folder, built with
//! the library or the `etalase` binary, and helpers to read what it wrote.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use tempfile::TempDir;

/// Builds the repository's demo site into a temporary folder (its `public/`), with the search
/// index when Pagefind is installed in the repository.
pub fn build_demo() -> TempDir {
    let out = tempfile::tempdir().expect("temp dir");
    let build = Command::new(env!("CARGO_BIN_EXE_etalase"))
        .args(["build", "--root"])
        .arg(repo())
        .arg("--output")
        .arg(out.path().join("public"))
        .output()
        .expect("run etalase");
    assert!(build.status.success(), "{}", String::from_utf8_lossy(&build.stderr));
    out
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
        let mut child = Command::new("python3")
            .arg(repo().join("bench/static.py"))
            .arg(dir)
            .stdout(std::process::Stdio::piped())
            .spawn()
            .expect("python3 is missing");
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
}

impl Drop for StaticServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The repository: the demo site and the default theme.
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub const CONFIG: &str = "\
base_url: https://example.test
title: { id: Etalase Uji, en: Test Showcase }
description: { id: Situs uji., en: A test site. }
news_per_page: 3
languages:
  - code: id
    name: Bahasa Indonesia
    locale: id_ID
    sections: { news: berita, products: produk, units: upt, awards: penghargaan, search: cari }
  - code: en
    name: English
    locale: en_US
    sections: { news: news, products: products, units: units, awards: awards }
categories:
  pangan: { id: Pangan, en: Food }
  wastra: { id: Wastra, en: Textiles }
";

pub const UNIT_LAHAT: &str = "\
name: Lapas Kelas IIA Lahat
type: lapas
class: IIA
city: Lahat
region: Sumatera Selatan
parent: kanwil-sumsel
";

pub const UNIT_KANWIL: &str = "\
name: { id: Kanwil Ditjenpas Sumatera Selatan, en: South Sumatra Regional Office }
type: kanwil
city: Palembang
region: Sumatera Selatan
";

pub const PRODUCT_GULA: &str = "\
name: { id: Gula Semut Jahe Merah, en: Red Ginger Palm Sugar }
unit: lapas-lahat
category: pangan
featured: true
description: { id: Gula aren bubuk dengan jahe merah., en: Powdered palm sugar with red ginger. }
price: { amount: 25000, per: { id: per 250 g, en: per 250 g } }
images:
  - { src: gula.svg, alt: { id: Kemasan gula semut, en: A pack of palm sugar } }
programs: [ac-2, ac-3]
order: { whatsapp: \"+62 812-0000-0000\" }
";

pub const SVG: &str = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"12\" height=\"8\"><title>x</title></svg>";

/// A press release in front matter + body form.
pub fn story(title: &str, date: &str, extra: &str, body: &str) -> String {
    format!("---\ntitle: {title}\ndate: {date}\nunit: lapas-lahat\nsummary: Ringkasan {date}.\n{extra}---\n{body}\n")
}

pub struct Site {
    pub dir: TempDir,
}

impl Site {
    /// A site with the default theme, two units, one product and no news.
    pub fn new() -> Site {
        let site = Site {
            dir: tempfile::tempdir().expect("temp dir"),
        };
        copy_dir(&repo().join("themes/default"), &site.root().join("themes/default"));
        site.file("etalase.yaml", CONFIG)
            .file("content/units/lapas-lahat.yaml", UNIT_LAHAT)
            .file("content/units/kanwil-sumsel.yaml", UNIT_KANWIL)
            .file("content/products/gula-semut.yaml", PRODUCT_GULA)
            .file("content/media/gula.svg", SVG)
            .file("content/media/rapat.svg", SVG);
        site
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    pub fn public(&self) -> PathBuf {
        self.root().join("public")
    }

    pub fn file(&self, path: &str, contents: &str) -> &Site {
        let full = self.root().join(path);
        std::fs::create_dir_all(full.parent().expect("parent")).expect("mkdir");
        std::fs::write(full, contents).expect("write");
        self
    }

    /// Writes a binary file (a photo) into the site folder.
    pub fn bytes(&self, path: &str, contents: &[u8]) -> &Site {
        let full = self.root().join(path);
        std::fs::create_dir_all(full.parent().expect("parent")).expect("mkdir");
        std::fs::write(full, contents).expect("write");
        self
    }

    pub fn remove(&self, path: &str) -> &Site {
        std::fs::remove_file(self.root().join(path)).expect("remove");
        self
    }

    /// Runs `etalase <args>` in the site folder.
    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_etalase"))
            .args(args)
            .current_dir(self.root())
            .env("NO_COLOR", "1")
            .env("LC_ALL", "C")
            .output()
            .expect("run etalase")
    }

    /// Builds into `public/`, panicking with the error output on failure.
    pub fn build(&self) -> &Site {
        let out = self.run(&["build"]);
        assert!(
            out.status.success(),
            "build failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        self
    }

    /// Runs a build that must fail and returns its error output.
    pub fn build_error(&self) -> String {
        let out = self.run(&["build"]);
        assert!(!out.status.success(), "build unexpectedly succeeded");
        assert_eq!(out.status.code(), Some(1));
        String::from_utf8_lossy(&out.stderr).into_owned()
    }

    /// A file of the built site.
    pub fn read(&self, path: &str) -> String {
        let full = self.public().join(path);
        std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("cannot read {}: {e}", full.display()))
    }

    pub fn exists(&self, path: &str) -> bool {
        self.public().join(path).exists()
    }
}

pub fn copy_dir(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from) {
        let entry = entry.expect("walk");
        let target = to.join(entry.path().strip_prefix(from).expect("prefix"));
        if entry.file_type().is_dir() {
            std::fs::create_dir_all(&target).expect("mkdir");
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// A start tag with its attributes.
#[derive(Debug, Clone)]
pub struct Element {
    pub name: String,
    pub attrs: BTreeMap<String, String>,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.get(name).map(String::as_str)
    }
}

/// A tokenizer that switches into raw-text states after `<title>`, `<script>` and `<style>`,
/// as a browser does.
fn tokens(html: &str) -> impl Iterator<Item = html5gum::Token> + '_ {
    let mut emitter = html5gum::DefaultEmitter::default();
    emitter.naively_switch_states(true);
    html5gum::Tokenizer::new_with_emitter(html, emitter).flatten()
}

/// Every start tag of an HTML document, tokenized as a browser would.
pub fn elements(html: &str) -> Vec<Element> {
    let mut out = Vec::new();
    for token in tokens(html) {
        if let html5gum::Token::StartTag(tag) = token {
            out.push(Element {
                name: String::from_utf8_lossy(&tag.name).into_owned(),
                attrs: tag
                    .attributes
                    .iter()
                    .map(|(k, v)| {
                        (
                            String::from_utf8_lossy(k).into_owned(),
                            String::from_utf8_lossy(v).into_owned(),
                        )
                    })
                    .collect(),
            });
        }
    }
    out
}

/// The address of a page's stylesheet.
pub fn stylesheet(html: &str) -> String {
    elements(html)
        .into_iter()
        .find(|e| e.name == "link" && e.attr("rel") == Some("stylesheet"))
        .and_then(|e| e.attr("href").map(String::from))
        .expect("a stylesheet link")
}

/// The elements named `name` that have attribute `key` = `value`.
pub fn find<'a>(elements: &'a [Element], name: &str, key: &str, value: &str) -> Vec<&'a Element> {
    elements
        .iter()
        .filter(|e| e.name == name && e.attr(key) == Some(value))
        .collect()
}

/// The decoded text of a document (character references resolved).
pub fn text(html: &str) -> String {
    let mut out = String::new();
    for token in tokens(html) {
        if let html5gum::Token::String(s) = token {
            out.push_str(&String::from_utf8_lossy(&s));
        }
    }
    out
}

/// The JSON-LD blocks of a page.
pub fn json_ld(html: &str) -> Vec<serde_json::Value> {
    let mut blocks = Vec::new();
    let mut rest = html;
    while let Some(start) = rest
        .find("application/ld+json>")
        .or_else(|| rest.find("application/ld+json\">"))
    {
        let after = &rest[start..];
        let open = after.find('>').expect("open") + 1;
        let close = after.find("</script>").expect("close");
        blocks.push(serde_json::from_str(&after[open..close]).expect("JSON-LD parses"));
        rest = &after[close..];
    }
    blocks
}

/// All `@type`s in a JSON-LD value, recursively.
pub fn ld_types(value: &serde_json::Value, out: &mut Vec<String>) {
    match value {
        serde_json::Value::Object(map) => {
            if let Some(serde_json::Value::String(t)) = map.get("@type") {
                out.push(t.clone());
            }
            map.values().for_each(|v| ld_types(v, out));
        }
        serde_json::Value::Array(items) => items.iter().for_each(|v| ld_types(v, out)),
        _ => {}
    }
}

/// Every file below `dir` with its bytes, sorted, to compare a folder before and after.
pub fn snapshot(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut all: Vec<_> = files(dir)
        .into_iter()
        .map(|f| (f.clone(), std::fs::read(dir.join(&f)).expect("read")))
        .collect();
    all.sort();
    all
}

/// Every file below `dir`, as `/`-separated relative paths.
pub fn files(dir: &Path) -> Vec<String> {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .flatten()
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            e.path()
                .strip_prefix(dir)
                .expect("prefix")
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect()
}

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
        let mut child = Command::new(env!("CARGO_BIN_EXE_etalase"))
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

#[derive(Debug)]
pub struct Response {
    pub status: u16,
    pub headers: String,
    pub body: Vec<u8>,
}

impl Response {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

/// A minimal HTTP/1.1 GET over a plain socket; `path` is sent exactly as given.
pub fn http_get(addr: &str, path: &str) -> Response {
    http_get_as(addr, path, addr)
}

/// A GET with the given `Host` header, as a page served under another name would send.
pub fn http_get_as(addr: &str, path: &str, host: &str) -> Response {
    use std::io::Write;
    let mut stream = std::net::TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(30)))
        .expect("timeout");
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .expect("send");
    read_response(&mut stream)
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

/// An HTTP/1.1 request with an optional JSON body.
pub fn http_request(addr: &str, method: &str, path: &str, json: Option<&serde_json::Value>) -> Response {
    use std::io::Write;
    let mut stream = std::net::TcpStream::connect(addr).expect("connect");
    stream
        .set_read_timeout(Some(std::time::Duration::from_secs(60)))
        .expect("timeout");
    let body = json.map(|j| j.to_string()).unwrap_or_default();
    write!(
        stream,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .expect("send");
    read_response(&mut stream)
}

/// Reads one response; honours Content-Length and chunked bodies, as servers may keep the
/// connection open.
fn read_response(stream: &mut std::net::TcpStream) -> Response {
    use std::io::Read;
    let mut raw = Vec::new();
    let mut buffer = [0u8; 16384];
    let mut header_end = None;
    loop {
        if header_end.is_none() {
            header_end = raw.windows(4).position(|w| w == b"\r\n\r\n");
        }
        if let Some(split) = header_end {
            let headers = String::from_utf8_lossy(&raw[..split]).to_ascii_lowercase();
            let body = &raw[split + 4..];
            let length = headers
                .lines()
                .find_map(|l| l.strip_prefix("content-length:"))
                .and_then(|v| v.trim().parse::<usize>().ok());
            let done = match length {
                Some(length) => body.len() >= length,
                None if headers.contains("transfer-encoding: chunked") => body.ends_with(b"0\r\n\r\n"),
                None => false,
            };
            if done {
                break;
            }
        }
        let n = stream.read(&mut buffer).expect("read");
        if n == 0 {
            break;
        }
        raw.extend_from_slice(&buffer[..n]);
    }
    let split = raw.windows(4).position(|w| w == b"\r\n\r\n").expect("header end");
    let headers = String::from_utf8_lossy(&raw[..split]).into_owned();
    let status = headers
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .expect("status");
    let mut body = raw[split + 4..].to_vec();
    if headers.to_ascii_lowercase().contains("transfer-encoding: chunked") {
        body = dechunk(&body);
    }
    Response { status, headers, body }
}

fn dechunk(mut raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    while let Some(line_end) = raw.windows(2).position(|w| w == b"\r\n") {
        let size = usize::from_str_radix(String::from_utf8_lossy(&raw[..line_end]).trim(), 16).unwrap_or(0);
        if size == 0 {
            break;
        }
        out.extend_from_slice(&raw[line_end + 2..line_end + 2 + size]);
        raw = &raw[line_end + 2 + size + 2..];
    }
    out
}

/// Headless Chromium driven over WebDriver (Debian's `chromium` and `chromium-driver`).
pub struct Browser {
    driver: std::process::Child,
    addr: String,
    session: String,
    _profile: TempDir,
}

impl Browser {
    pub fn start() -> Browser {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .expect("port")
            .local_addr()
            .expect("addr")
            .port();
        let driver = Command::new("chromedriver")
            .arg(format!("--port={port}"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("chromedriver is missing: install Debian's chromium and chromium-driver (bash .ci/run does)");
        let addr = format!("127.0.0.1:{port}");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while std::net::TcpStream::connect(&addr).is_err() {
            assert!(std::time::Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        let profile = tempfile::tempdir().expect("profile");
        // The browser's console is kept (`goog:loggingPrefs`) for `console_errors`.
        let capabilities = serde_json::json!({"capabilities": {"alwaysMatch": {
            "goog:loggingPrefs": {"browser": "ALL"},
            "goog:chromeOptions": {
            "binary": "/usr/bin/chromium",
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                     "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     format!("--user-data-dir={}", profile.path().display())]
        }}}});
        let response = http_request(&addr, "POST", "/session", Some(&capabilities));
        let value: serde_json::Value = serde_json::from_slice(&response.body).expect("session json");
        let session = value["value"]["sessionId"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {value}"))
            .to_string();
        Browser {
            driver,
            addr,
            session,
            _profile: profile,
        }
    }

    pub fn open(&self, url: &str) {
        let path = format!("/session/{}/url", self.session);
        let response = http_request(&self.addr, "POST", &path, Some(&serde_json::json!({ "url": url })));
        assert_eq!(response.status, 200, "{}", response.text());
    }

    /// Runs JavaScript in the page and returns its result.
    pub fn eval(&self, script: &str) -> serde_json::Value {
        let path = format!("/session/{}/execute/sync", self.session);
        let response = http_request(
            &self.addr,
            "POST",
            &path,
            Some(&serde_json::json!({ "script": script, "args": [] })),
        );
        let value: serde_json::Value = serde_json::from_slice(&response.body).expect("json");
        value["value"].clone()
    }

    /// Grants the page a permission, such as `clipboard-read`.
    pub fn grant(&self, permission: &str) {
        let path = format!("/session/{}/permissions", self.session);
        let body = serde_json::json!({ "descriptor": { "name": permission }, "state": "granted" });
        let response = http_request(&self.addr, "POST", &path, Some(&body));
        assert_eq!(response.status, 200, "grant {permission}: {}", response.text());
    }

    /// Clicks the first element matching a CSS selector, as a person does (a user gesture,
    /// unlike a click from script).
    pub fn click(&self, selector: &str) {
        // Scroll first without animation: the theme scrolls smoothly, which would leave the
        // element moving when the driver clicks.
        let scroll = format!(
            "document.querySelector({}).scrollIntoView({{block: 'center', behavior: 'instant'}})",
            serde_json::Value::from(selector)
        );
        self.eval(&scroll);
        let path = format!("/session/{}/element", self.session);
        let found = http_request(
            &self.addr,
            "POST",
            &path,
            Some(&serde_json::json!({ "using": "css selector", "value": selector })),
        );
        let value: serde_json::Value = serde_json::from_slice(&found.body).expect("json");
        let element = value["value"]
            .as_object()
            .and_then(|o| o.values().next())
            .and_then(|id| id.as_str())
            .unwrap_or_else(|| panic!("no element {selector}: {value}"))
            .to_string();
        let path = format!("/session/{}/element/{element}/click", self.session);
        let response = http_request(&self.addr, "POST", &path, Some(&serde_json::json!({})));
        assert_eq!(response.status, 200, "click {selector}: {}", response.text());
    }

    /// The console messages of level error (`SEVERE`: `console.error`, uncaught exceptions,
    /// failed loads, Content-Security-Policy violations) since the last call, which empties
    /// the log.
    pub fn console_errors(&self) -> Vec<String> {
        let path = format!("/session/{}/se/log", self.session);
        let response = http_request(
            &self.addr,
            "POST",
            &path,
            Some(&serde_json::json!({ "type": "browser" })),
        );
        assert_eq!(response.status, 200, "{}", response.text());
        let value: serde_json::Value = serde_json::from_slice(&response.body).expect("json");
        value["value"]
            .as_array()
            .expect("log entries")
            .iter()
            .filter(|entry| entry["level"] == "SEVERE")
            .map(|entry| entry["message"].as_str().unwrap_or_default().to_string())
            .collect()
    }

    /// Sets the size of the browser window, in CSS pixels.
    pub fn resize(&self, width: u32, height: u32) {
        let path = format!("/session/{}/window/rect", self.session);
        let rect = serde_json::json!({ "width": width, "height": height });
        let response = http_request(&self.addr, "POST", &path, Some(&rect));
        assert_eq!(response.status, 200, "{}", response.text());
    }

    /// Waits until `script` returns true in the page.
    pub fn wait_until(&self, script: &str, what: &str) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while self.eval(script) != serde_json::Value::Bool(true) {
            assert!(std::time::Instant::now() < deadline, "timed out waiting for {what}");
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = http_request(&self.addr, "DELETE", &format!("/session/{}", self.session), None);
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

/// A document as a browser's tokenizer reads it, for comparing two renderings: tags with
/// their attributes in name order, and the text between tags with runs of white space made
/// one space (text that is only white space is not compared).
pub fn dom(html: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut text = String::new();
    let flush = |text: &mut String, out: &mut Vec<String>| {
        let words = text.split_whitespace().collect::<Vec<_>>().join(" ");
        if !words.is_empty() {
            out.push(words);
        }
        text.clear();
    };
    for token in tokens(html) {
        match token {
            html5gum::Token::String(s) => text.push_str(&String::from_utf8_lossy(&s)),
            html5gum::Token::StartTag(tag) => {
                flush(&mut text, &mut out);
                let attrs: BTreeMap<String, String> = tag
                    .attributes
                    .iter()
                    .map(|(k, v)| (String::from_utf8_lossy(k).into(), String::from_utf8_lossy(v).into()))
                    .collect();
                out.push(format!("<{} {attrs:?}>", String::from_utf8_lossy(&tag.name)));
            }
            html5gum::Token::EndTag(tag) => {
                flush(&mut text, &mut out);
                out.push(format!("</{}>", String::from_utf8_lossy(&tag.name)));
            }
            _ => {}
        }
    }
    flush(&mut text, &mut out);
    out
}
