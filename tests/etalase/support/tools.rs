//! The programs some tests need beside Etalase, and what to do when one is missing.
//!
//! A test that needs one names it first:
//!
//! ```ignore
//! if missing(&[Tool::Chromium]) {
//!     return;
//! }
//! ```
//!
//! On a machine without it the test passes after one line on the process's standard error,
//! `SKIPPED <test>: <what is missing> (<how to install it>)`, so that a bare `cargo test`
//! passes and lists what it skipped. With `CI=true` in the environment (`bash .ci/run` sets it)
//! the test fails instead, naming the tool: a CI run never passes by skipping.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use super::site::repo;

/// What a test needs beside Etalase.
#[derive(Clone, Copy, Debug)]
pub enum Tool {
    /// Headless Chromium and its WebDriver, Debian's `chromium` and `chromium-driver`.
    Chromium,
    /// The Nu HTML Checker: `vnu.jar` (npm's `vnu-jar`) and Java to run it.
    NuHtmlChecker,
    /// Pagefind, which `etalase build` runs for the search index, found as the build finds it.
    Pagefind,
    /// axe-core (from npm), the accessibility checker run in the browser's page.
    Axe,
    /// Lighthouse (from npm) and Node.js to run it.
    Lighthouse,
    /// Python 3, which runs `bench/static.py`.
    Python,
    /// Python's `feedparser`, the parser of many feed readers.
    Feedparser,
    /// `check-jsonschema`, a JSON Schema validator.
    CheckJsonschema,
    /// Node.js and npm, which install the `etalase` package.
    Npm,
    /// Python's `icalendar`, the parser of calendar apps written in Python.
    Icalendar,
}

impl Tool {
    /// The programs and files the tool is made of, in the order they are checked.
    fn parts(self) -> &'static [Part] {
        match self {
            Tool::Chromium => &[CHROMIUM, CHROMEDRIVER],
            Tool::NuHtmlChecker => &[JAVA, VNU],
            Tool::Pagefind => &[PAGEFIND],
            Tool::Axe => &[AXE],
            Tool::Lighthouse => &[NODE, LIGHTHOUSE],
            Tool::Python => &[PYTHON],
            Tool::Feedparser => &[PYTHON, FEEDPARSER],
            Tool::CheckJsonschema => &[CHECK_JSONSCHEMA],
            Tool::Npm => &[NODE, NPM],
            Tool::Icalendar => &[PYTHON, ICALENDAR],
        }
    }
}

/// Whether the calling test must stop because one of `tools` is missing. When one is, it
/// writes `SKIPPED <test>: <what is missing>` to standard error and returns true; with
/// `CI=true` it panics with the same reasons instead.
pub fn missing(tools: &[Tool]) -> bool {
    // The missing parts, by the command that installs them.
    let mut absent: Vec<(&str, Vec<&str>)> = Vec::new();
    for part in tools.iter().flat_map(|tool| tool.parts()) {
        if (part.find)().is_some() {
            continue;
        }
        match absent.iter_mut().find(|(install, _)| *install == part.install) {
            Some((_, names)) if names.contains(&part.name) => {}
            Some((_, names)) => names.push(part.name),
            None => absent.push((part.install, vec![part.name])),
        }
    }
    if absent.is_empty() {
        return false;
    }
    // The test harness names the thread it runs a test on after the test.
    let current = std::thread::current();
    let test = current.name().unwrap_or("a test");
    let reasons = absent
        .iter()
        .map(|(install, names)| not_installed(names, install))
        .collect::<Vec<_>>()
        .join("; ");
    if std::env::var("CI").is_ok_and(|ci| ci == "true") {
        panic!("{reasons}; with CI=true a missing tool fails the test instead of skipping it");
    }
    // Straight to the process's standard error: the harness captures `eprintln!`.
    let _ = writeln!(std::io::stderr(), "SKIPPED {test}: {reasons}");
    true
}

pub fn chromium() -> PathBuf {
    CHROMIUM.path()
}

pub fn chromedriver() -> PathBuf {
    CHROMEDRIVER.path()
}

pub fn java() -> PathBuf {
    JAVA.path()
}

/// The Nu HTML Checker's jar.
pub fn vnu() -> PathBuf {
    VNU.path()
}

/// axe-core's script, to run in a page.
pub fn axe() -> PathBuf {
    AXE.path()
}

pub fn node() -> PathBuf {
    NODE.path()
}

/// Lighthouse's command-line script, to run with `node`.
pub fn lighthouse() -> PathBuf {
    LIGHTHOUSE.path()
}

/// Pagefind, as `etalase build` finds it from the repository.
pub fn pagefind() -> PathBuf {
    PAGEFIND.path()
}

pub fn python() -> PathBuf {
    PYTHON.path()
}

pub fn check_jsonschema() -> PathBuf {
    CHECK_JSONSCHEMA.path()
}

/// A program or file a tool is made of: where it is found, and how it is installed.
struct Part {
    name: &'static str,
    find: fn() -> Option<PathBuf>,
    install: &'static str,
}

impl Part {
    /// Where it is, for a test that has checked it is there.
    fn path(&self) -> PathBuf {
        (self.find)().unwrap_or_else(|| panic!("{}", not_installed(&[self.name], self.install)))
    }
}

/// `chromium and chromedriver are not installed (apt-get install …, or bash .ci/run)`.
fn not_installed(names: &[&str], install: &str) -> String {
    let verb = if names.len() == 1 { "is" } else { "are" };
    format!(
        "{} {verb} not installed ({install}, or bash .ci/run)",
        names.join(" and ")
    )
}

const CHROMIUM: Part = Part {
    name: "chromium",
    find: || on_path("chromium"),
    install: "apt-get install chromium chromium-driver",
};

const CHROMEDRIVER: Part = Part {
    name: "chromedriver",
    find: || on_path("chromedriver"),
    install: "apt-get install chromium chromium-driver",
};

const JAVA: Part = Part {
    name: "java",
    find: || on_path("java"),
    install: "apt-get install default-jre-headless",
};

const VNU: Part = Part {
    name: "the Nu HTML Checker",
    find: || in_repo("target/tools/node_modules/vnu-jar/build/dist/vnu.jar"),
    install: "npm install --ignore-scripts --prefix target/tools vnu-jar@26.9.27",
};

const PAGEFIND: Part = Part {
    name: "Pagefind",
    find: || etalase::search::pagefind(&repo()),
    install: "npm install",
};

const AXE: Part = Part {
    name: "axe-core",
    find: || in_repo("target/tools/node_modules/axe-core/axe.min.js"),
    install: "npm install --ignore-scripts --prefix target/tools axe-core@4.14.1",
};

const NODE: Part = Part {
    name: "node",
    find: || on_path("node"),
    install: "apt-get install nodejs",
};

const NPM: Part = Part {
    name: "npm",
    find: || on_path("npm"),
    install: "apt-get install npm",
};

const LIGHTHOUSE: Part = Part {
    name: "lighthouse",
    find: || in_repo("target/tools/node_modules/lighthouse/cli/index.js"),
    install: "npm install --ignore-scripts --prefix target/tools lighthouse@12.8.2",
};

const PYTHON: Part = Part {
    name: "python3",
    find: || on_path("python3"),
    install: "apt-get install python3",
};

const FEEDPARSER: Part = Part {
    name: "the Python module feedparser",
    find: || python_module("feedparser"),
    install: "python3 -m pip install feedparser==6.0.12",
};

/// Python 3, when it can import `module`.
fn python_module(module: &str) -> Option<PathBuf> {
    let python = on_path("python3")?;
    let import = Command::new(&python)
        .args(["-c", &format!("import {module}")])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .status();
    import.is_ok_and(|status| status.success()).then_some(python)
}

const ICALENDAR: Part = Part {
    name: "the Python module icalendar",
    find: || python_module("icalendar"),
    install: "python3 -m pip install icalendar==7.3.2",
};

const CHECK_JSONSCHEMA: Part = Part {
    name: "check-jsonschema",
    find: || on_path("check-jsonschema"),
    install: "python3 -m pip install check-jsonschema==0.39.0",
};

/// An executable file named `program` in a folder of the `PATH`.
fn on_path(program: &str) -> Option<PathBuf> {
    use std::os::unix::fs::PermissionsExt;
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|dir| dir.join(program)).find(|file| {
        file.metadata()
            .is_ok_and(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
    })
}

/// A file of the repository, if it is there.
fn in_repo(path: &str) -> Option<PathBuf> {
    Some(repo().join(path)).filter(|file| Path::is_file(file))
}
