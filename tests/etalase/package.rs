//! The npm package, made as a release makes it (`npm/pack.mjs` from release archives) with the
//! `etalase` binary that this test run built, installed by npm itself into an empty folder, then
//! used as a writer's CI uses it: the demo site is built through it, and a new site is started
//! and built.
//!
//! Needs node and npm: without them a plain `cargo test` skips this test and says so; with
//! `CI=true` it fails.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::Instant;

use crate::support::site::repo;
use crate::support::tools::{Tool, missing};

/// npm's name for this computer's platform (`<process.platform>-<process.arch>`).
fn npm_platform() -> &'static str {
    match (std::env::consts::OS, std::env::consts::ARCH) {
        ("linux", "x86_64") => "linux-x64",
        ("linux", "aarch64") => "linux-arm64",
        ("macos", "x86_64") => "darwin-x64",
        ("macos", "aarch64") => "darwin-arm64",
        ("windows", "x86_64") => "win32-x64",
        (os, arch) => panic!("no npm package is made for {os}-{arch}"),
    }
}

fn run(command: &mut Command) -> Output {
    let out = command.output().expect("run");
    assert!(
        out.status.success(),
        "{command:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out
}

/// Every release target, as `npm/pack.mjs` names its platform.
const TARGETS: &[(&str, &str)] = &[
    ("linux-x64", "x86_64-unknown-linux-musl"),
    ("linux-arm64", "aarch64-unknown-linux-musl"),
    ("darwin-x64", "x86_64-apple-darwin"),
    ("darwin-arm64", "aarch64-apple-darwin"),
    ("win32-x64", "x86_64-pc-windows-msvc"),
];

/// Release archives laid out as `dist` makes them (a `.tar.gz` with a top folder, a `.zip`
/// without). This platform's holds the binary this test run built; the others, which are only
/// packed and never run, hold a small stand-in.
fn archives(dir: &Path) {
    for (platform, target) in TARGETS {
        let name = format!("etalase-{target}");
        let staging = dir.join("staging").join(&name);
        std::fs::create_dir_all(&staging).expect("mkdir");
        let program = if platform.starts_with("win32") {
            "etalase.exe"
        } else {
            "etalase"
        };
        if *platform == npm_platform() {
            std::fs::copy(env!("CARGO_BIN_EXE_etalase"), staging.join(program)).expect("copy");
        } else {
            std::fs::write(staging.join(program), format!("stand-in for {target}\n")).expect("write");
        }
        std::fs::write(staging.join("README.md"), "Etalase\n").expect("write");
        if platform.starts_with("win32") {
            run(Command::new("python3")
                .args(["-m", "zipfile", "-c"])
                .arg(dir.join(format!("{name}.zip")))
                .arg(staging.join(program))
                .arg(staging.join("README.md")));
        } else {
            run(Command::new("tar")
                .arg("-czf")
                .arg(dir.join(format!("{name}.tar.gz")))
                .arg("-C")
                .arg(dir.join("staging"))
                .arg(&name));
        }
    }
}

/// The tarballs of the `etalase` package (first) and of every platform's package, made from
/// release archives as the release workflow makes them.
fn pack(out: &Path) -> Vec<PathBuf> {
    let releases = out.join("releases");
    archives(&releases);
    let packed = run(Command::new("node")
        .arg(repo().join("npm/pack.mjs"))
        .args(["--version", env!("CARGO_PKG_VERSION"), "--out"])
        .arg(out.join("packages"))
        .arg("--archives")
        .arg(&releases));
    String::from_utf8_lossy(&packed.stdout)
        .lines()
        .map(PathBuf::from)
        .collect()
}

#[test]
fn the_npm_package_installs_without_a_compiler_and_builds_the_demo_and_a_new_site() {
    if missing(&[Tool::Npm]) {
        return;
    }
    let work = tempfile::tempdir().expect("temp dir");
    let packed = pack(work.path());
    assert_eq!(packed.len(), 1 + TARGETS.len(), "{packed:?}");
    let ours = format!("etalase-{}-{}.tgz", npm_platform(), env!("CARGO_PKG_VERSION"));
    let tarballs: Vec<&PathBuf> = packed
        .iter()
        .filter(|t| t.ends_with(format!("etalase-{}.tgz", env!("CARGO_PKG_VERSION"))) || t.ends_with(&ours))
        .collect();
    assert_eq!(tarballs.len(), 2, "{packed:?}");

    // An empty folder, as on a writer's CI; offline, so that only the tarballs are used (the
    // other platforms' optional packages are skipped, as npm skips them on a platform they
    // do not fit).
    let app = work.path().join("app");
    std::fs::create_dir(&app).expect("mkdir");
    let started = Instant::now();
    run(Command::new("npm")
        .args(["install", "--offline", "--no-audit", "--no-fund", "--no-package-lock"])
        .args(&tarballs)
        .current_dir(&app));
    let installed = started.elapsed();
    let etalase = app.join("node_modules/.bin/etalase");
    let binary = app.join(format!("node_modules/@etalase/{}/bin/etalase", npm_platform()));
    assert!(binary.is_file(), "the platform's program is installed");

    let version = run(Command::new(&etalase).arg("--version"));
    assert_eq!(
        String::from_utf8_lossy(&version.stdout).trim(),
        format!("etalase {}", env!("CARGO_PKG_VERSION"))
    );
    let manifest: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(app.join("node_modules/etalase/package.json")).expect("manifest"),
    )
    .expect("json");
    let optional = manifest["optionalDependencies"]
        .as_object()
        .expect("optional dependencies");
    for (platform, _) in TARGETS {
        assert_eq!(optional[&format!("@etalase/{platform}")], env!("CARGO_PKG_VERSION"));
    }

    // The demo site, built through the package.
    let public = work.path().join("public");
    run(Command::new(&etalase)
        .args(["build", "--root"])
        .arg(repo())
        .arg("--output")
        .arg(&public));
    assert!(public.join("index.html").is_file() && public.join("en/index.html").is_file());

    // The exit status comes through the launcher.
    let failed = Command::new(&etalase)
        .args(["check", "--root"])
        .arg(&app)
        .output()
        .expect("run");
    assert_eq!(failed.status.code(), Some(1));

    // A new site: init, then build, as the README's first steps do.
    let started_site = Instant::now();
    run(Command::new(&etalase)
        .args([
            "init",
            "situs",
            "--unit",
            "Lapas Kelas IIA Contoh",
            "--city",
            "Kota Contoh",
        ])
        .args([
            "--region",
            "Sumatera Selatan",
            "--base-url",
            "https://contoh.netlify.app",
        ])
        .current_dir(&app));
    run(Command::new(&etalase).arg("build").current_dir(app.join("situs")));
    assert!(app.join("situs/public/index.html").is_file());
    eprintln!(
        "npm install: {:.1} s; init + build: {:.1} s",
        installed.as_secs_f64(),
        started_site.elapsed().as_secs_f64()
    );
}

#[test]
fn netlify_builds_the_demo_with_the_released_package_of_this_version() {
    let netlify = std::fs::read_to_string(repo().join("netlify.toml")).expect("netlify.toml");
    assert!(
        netlify.contains(&format!("ETALASE_VERSION = \"{}\"", env!("CARGO_PKG_VERSION"))),
        "netlify.toml pins the version in Cargo.toml"
    );
    assert!(!netlify.contains("\n  command = \"cargo"), "no compiler in the deploy");
}
