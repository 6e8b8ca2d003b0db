//! `etalase` with no subcommand, as a double-click on the program starts it: in a site folder
//! (the current folder, else the program's own), the preview opens in the browser; elsewhere it
//! says in plain words what to do, and on Windows waits for Enter so that the window stays open
//! long enough to read it.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::config::CONFIG_FILE;
use crate::messages::{Init, Lang, Path as Shown, Text};

pub fn run(lang: Lang) -> ExitCode {
    match site_folder() {
        Some(root) => super::serve::preview(root, lang),
        None => {
            explain(lang);
            if cfg!(windows) && std::io::stdin().is_terminal() {
                let mut line = String::new();
                let _ = std::io::stdin().read_line(&mut line);
            }
            ExitCode::from(2)
        }
    }
}

/// The current folder when it holds `etalase.yaml`, else the program's folder when it does.
fn site_folder() -> Option<PathBuf> {
    let current = std::env::current_dir().ok();
    let program = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(Path::to_path_buf));
    current
        .into_iter()
        .chain(program)
        .find(|dir| dir.join(CONFIG_FILE).is_file())
}

fn explain(lang: Lang) {
    let here = std::env::current_dir().unwrap_or_default();
    println!("{}", Init::NotASite { here: Shown(here) }.text(lang));
    if cfg!(windows) && std::io::stdin().is_terminal() {
        println!("\n{}", Init::PressEnter.text(lang));
    }
}
