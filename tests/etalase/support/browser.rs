//! A real browser for the tests that look at pages as a person does.

use std::process::Command;

use serde_json::{Value, json};
use tempfile::TempDir;

use super::http::http_request;
use super::tools;

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
        let driver = Command::new(tools::chromedriver())
            .arg(format!("--port={port}"))
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let addr = format!("127.0.0.1:{port}");
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while std::net::TcpStream::connect(&addr).is_err() {
            assert!(std::time::Instant::now() < deadline, "chromedriver did not start");
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        let profile = tempfile::tempdir().expect("profile");
        // The browser's console is kept (`goog:loggingPrefs`) for `console_errors`.
        let capabilities = json!({"capabilities": {"alwaysMatch": {
            "goog:loggingPrefs": {"browser": "ALL"},
            "goog:chromeOptions": {
            "binary": tools::chromium(),
            "args": ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
                     "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     format!("--user-data-dir={}", profile.path().display())]
        }}}});
        let response = http_request(&addr, "POST", "/session", Some(&capabilities));
        let value: Value = serde_json::from_slice(&response.body).expect("session json");
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
        self.perform("url", json!({ "url": url }));
    }

    /// Runs JavaScript in the page and returns its result (or the error it threw).
    pub fn eval(&self, script: &str) -> Value {
        self.send("execute/sync", json!({ "script": script, "args": [] })).1
    }

    /// Grants the page a permission, such as `clipboard-read`.
    pub fn grant(&self, permission: &str) {
        self.perform(
            "permissions",
            json!({ "descriptor": { "name": permission }, "state": "granted" }),
        );
    }

    /// Clicks the first element matching a CSS selector, as a person does (a user gesture,
    /// unlike a click from script).
    pub fn click(&self, selector: &str) {
        // Scroll first without animation: the theme scrolls smoothly, which would leave the
        // element moving when the driver clicks.
        let scroll = format!(
            "document.querySelector({}).scrollIntoView({{block: 'center', behavior: 'instant'}})",
            Value::from(selector)
        );
        self.eval(&scroll);
        let (_, found) = self.send("element", json!({ "using": "css selector", "value": selector }));
        let element = found
            .as_object()
            .and_then(|o| o.values().next())
            .and_then(|id| id.as_str())
            .unwrap_or_else(|| panic!("no element {selector}: {found}"));
        self.perform(&format!("element/{element}/click"), json!({}));
    }

    /// The console messages of level error (`SEVERE`: `console.error`, uncaught exceptions,
    /// failed loads, Content-Security-Policy violations) since the last call, which empties
    /// the log.
    pub fn console_errors(&self) -> Vec<String> {
        self.perform("se/log", json!({ "type": "browser" }))
            .as_array()
            .expect("log entries")
            .iter()
            .filter(|entry| entry["level"] == "SEVERE")
            .map(|entry| entry["message"].as_str().unwrap_or_default().to_string())
            .collect()
    }

    /// Sets the size of the browser window, in CSS pixels.
    pub fn resize(&self, width: u32, height: u32) {
        self.perform("window/rect", json!({ "width": width, "height": height }));
    }

    /// Waits until `script` returns true in the page.
    pub fn wait_until(&self, script: &str, what: &str) {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(30);
        while self.eval(script) != Value::Bool(true) {
            assert!(std::time::Instant::now() < deadline, "timed out waiting for {what}");
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
    }

    /// Sends a WebDriver command of this session (`url`, `element`, …): the HTTP status and the
    /// `value` of the answer.
    fn send(&self, command: &str, body: Value) -> (u16, Value) {
        let path = format!("/session/{}/{command}", self.session);
        let response = http_request(&self.addr, "POST", &path, Some(&body));
        let answer: Value =
            serde_json::from_slice(&response.body).unwrap_or_else(|e| panic!("{command}: {e}: {}", response.text()));
        (response.status, answer["value"].clone())
    }

    /// Sends a command that must succeed, and returns its value.
    fn perform(&self, command: &str, body: Value) -> Value {
        let (status, value) = self.send(command, body);
        assert_eq!(status, 200, "{command}: {value}");
        value
    }
}

impl Drop for Browser {
    fn drop(&mut self) {
        let _ = http_request(&self.addr, "DELETE", &format!("/session/{}", self.session), None);
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}
