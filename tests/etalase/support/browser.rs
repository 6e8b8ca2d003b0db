//! A real browser for the tests that look at pages as a person does.

use std::process::Command;

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
        let capabilities = serde_json::json!({"capabilities": {"alwaysMatch": {
            "goog:loggingPrefs": {"browser": "ALL"},
            "goog:chromeOptions": {
            "binary": tools::chromium(),
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
