//! `etalase serve`: the writers' preview.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::messages::Lang;
use crate::serve::ServeOptions;

#[derive(clap::Args)]
pub struct Args {
    /// The site folder, which holds etalase.yaml.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// The port to listen on (the next free one is used when it is taken).
    #[arg(long, short, default_value_t = 1111)]
    port: u16,
    /// The address to listen on; only this computer can connect by default.
    #[arg(long, default_value = "127.0.0.1")]
    bind: std::net::IpAddr,
    /// Open the site in the browser.
    #[arg(long)]
    open: bool,
    /// Show stories and pages marked `draft: true`.
    #[arg(long)]
    drafts: bool,
    /// Poll for changes instead of using file system events (WSL, network drives).
    #[arg(long)]
    poll: bool,
    /// List the pages each rebuild renders.
    #[arg(long, short)]
    verbose: bool,
}

/// Previews the site in `root` on the default port and opens the browser.
pub fn preview(root: PathBuf, lang: Lang) -> ExitCode {
    let options = ServeOptions {
        root,
        bind: std::net::IpAddr::from([127, 0, 0, 1]),
        port: 1111,
        drafts: false,
        poll: false,
        open: true,
        verbose: false,
        lang,
    };
    match crate::serve::serve(options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => super::report_error(&err, lang),
    }
}

pub fn run(args: Args, lang: Lang) -> ExitCode {
    let options = ServeOptions {
        root: args.root,
        bind: args.bind,
        port: args.port,
        drafts: args.drafts,
        poll: args.poll,
        open: args.open,
        verbose: args.verbose,
        lang,
    };
    match crate::serve::serve(options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => super::report_error(&err, lang),
    }
}
