//! `etalase` with no arguments, as a double-click starts it: in a site folder it previews the
//! site and opens the browser; elsewhere it says in plain words what to do.

use std::io::{BufRead, Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::support::site::Site;

#[test]
fn outside_a_site_folder_it_says_what_to_do_in_the_readers_language() {
    let dir = tempfile::tempdir().expect("temp dir");
    for (lang, expected) in [
        (
            "id_ID.UTF-8",
            "Etalase: folder ini bukan folder situs Etalase (tidak ada file etalase.yaml):",
        ),
        (
            "C",
            "Etalase: this folder is not an Etalase site (it has no etalase.yaml file):",
        ),
    ] {
        let out = Command::new(env!("CARGO_BIN_EXE_etalase"))
            .current_dir(dir.path())
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env("LANG", lang)
            .stdin(Stdio::null())
            .output()
            .expect("run etalase");
        assert_eq!(out.status.code(), Some(2));
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.starts_with(expected), "{stdout}");
        assert!(
            stdout.contains(&dir.path().display().to_string()),
            "names the folder: {stdout}"
        );
        assert!(stdout.contains("etalase init"), "{stdout}");
        assert!(
            std::fs::read_dir(dir.path()).expect("read").next().is_none(),
            "writes nothing"
        );
    }
}

#[test]
fn in_a_site_folder_it_previews_the_site_and_opens_the_browser() {
    let site = Site::new();
    // A stand-in for the desktop's opener that notes the address it was given.
    let bin = tempfile::tempdir().expect("temp dir");
    let opened = bin.path().join("opened");
    let opener = bin.path().join("xdg-open");
    std::fs::write(&opener, format!("#!/bin/sh\necho \"$1\" > '{}'\n", opened.display())).expect("write");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&opener, std::fs::Permissions::from_mode(0o755)).expect("chmod");
    }
    let path = std::env::join_paths(
        std::iter::once(bin.path().to_path_buf())
            .chain(std::env::split_paths(&std::env::var_os("PATH").unwrap_or_default())),
    )
    .expect("PATH");
    let mut child = Command::new(env!("CARGO_BIN_EXE_etalase"))
        .current_dir(site.root())
        .env("LC_ALL", "C")
        .env("PATH", path)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start etalase");
    let stdout = child.stdout.take().expect("stdout");
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for line in std::io::BufReader::new(stdout).lines().map_while(Result::ok) {
            let _ = tx.send(line);
        }
    });
    let url = loop {
        let line = rx.recv_timeout(Duration::from_secs(30)).expect("the preview starts");
        if let Some(rest) = line.strip_prefix("Serving the site at ") {
            break rest.split_whitespace().next().unwrap_or_default().to_string();
        }
    };
    let page = get(&url);
    let deadline = Instant::now() + Duration::from_secs(10);
    while !opened.exists() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    let _ = child.kill();
    let _ = child.wait();
    assert!(page.starts_with("HTTP/1.1 200"), "{page}");
    assert!(page.contains("Etalase Uji"), "the site's home page");
    let opened = std::fs::read_to_string(&opened).expect("the browser was opened");
    assert_eq!(opened.trim().trim_end_matches('/'), url.trim_end_matches('/'));
}

/// A plain HTTP/1.1 GET of `url` (`http://127.0.0.1:port/`), the whole response as text.
fn get(url: &str) -> String {
    let address = url.trim_start_matches("http://").trim_end_matches('/');
    let mut stream = std::net::TcpStream::connect(address).expect("connect");
    stream.set_read_timeout(Some(Duration::from_secs(10))).expect("timeout");
    write!(stream, "GET / HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\n\r\n").expect("request");
    let mut response = String::new();
    let _ = stream.read_to_string(&mut response);
    response
}
