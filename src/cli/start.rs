//! `etalase` with no subcommand, as a double-click on the program starts it: in a site folder
//! (the current folder, else the program's own), the preview opens in the browser; elsewhere it
//! says in plain words what to do, and on Windows waits for Enter so that the window stays open
//! long enough to read it.

use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::config::CONFIG_FILE;
use crate::messages::Lang;

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
    let here = std::env::current_dir()
        .map(|dir| dir.display().to_string())
        .unwrap_or_default();
    let text = match lang {
        Lang::Id => format!(
            "Etalase: folder ini bukan folder situs Etalase (tidak ada file etalase.yaml):\n  {here}\n\n\
             Untuk melihat situs: salin etalase ke folder situs (yang berisi etalase.yaml) lalu klik dua kali,\n\
             atau buka terminal di folder situs dan ketik: etalase serve\n\
             Untuk memulai situs baru: buka terminal di sini dan ketik: etalase init\n\
             Semua perintah: etalase --help"
        ),
        Lang::En => format!(
            "Etalase: this folder is not an Etalase site (it has no etalase.yaml file):\n  {here}\n\n\
             To see a site: copy etalase into the site's folder (the one with etalase.yaml) and double-click it,\n\
             or open a terminal in the site's folder and type: etalase serve\n\
             To start a new site: open a terminal here and type: etalase init\n\
             Every command: etalase --help"
        ),
    };
    println!("{text}");
    if cfg!(windows) && std::io::stdin().is_terminal() {
        println!(
            "\n{}",
            match lang {
                Lang::Id => "Tekan Enter untuk menutup jendela ini.",
                Lang::En => "Press Enter to close this window.",
            }
        );
    }
}
