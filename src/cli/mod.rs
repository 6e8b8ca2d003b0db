//! The command line: `main.rs` hands over to [`run`], which parses the arguments (clap) and
//! dispatches to one module per subcommand. Each module owns its arguments (`Args`) and its
//! output; the work itself is done by the library. With no subcommand (a double-click on the
//! program), [`start`] previews the site of the folder or says what to do.

mod build;
mod check;
mod init;
mod new;
mod schema;
mod serve;
mod start;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::error::Error;
use crate::messages::{self, Lang, Text};

#[derive(Parser)]
#[command(
    name = "etalase",
    version,
    about = "Bilingual showcase sites for Indonesian correctional units"
)]
struct Cli {
    /// With none, the site of the current folder is previewed in the browser.
    #[command(subcommand)]
    command: Option<Command>,
    /// Language of messages: id or en (default: from the locale, e.g. LANG=id_ID.UTF-8).
    #[arg(long, global = true)]
    lang: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (public/ by default).
    Build(build::Args),
    /// Check the content, links and translations without writing the site.
    Check(check::Args),
    /// Start a new site for a unit or regional office.
    Init(init::Args),
    /// Start a new press release, product sheet or unit profile.
    New(new::Args),
    /// Write JSON Schemas of the content files, for editors (default: .vscode/schemas).
    Schema(schema::Args),
    /// Preview the site: build it, serve it on localhost and rebuild on every save.
    Serve(serve::Args),
}

/// Runs the command line and returns the process's exit status.
pub fn run() -> ExitCode {
    let cli = Cli::parse();
    let lang = Lang::detect(cli.lang.as_deref());
    let Some(command) = cli.command else {
        return start::run(lang);
    };
    match command {
        Command::Build(args) => build::run(args, lang),
        Command::Check(args) => check::run(args, lang),
        Command::Init(args) => init::run(args, lang),
        Command::New(args) => new::run(args, lang),
        Command::Schema(args) => schema::run(args, lang),
        Command::Serve(args) => serve::run(args, lang),
    }
}

/// Prints an error in the reader's language and returns the failure status.
fn report_error(err: &Error, lang: Lang) -> ExitCode {
    eprintln!("{}", err.render(lang));
    if matches!(err, Error::Content(_)) {
        eprintln!("{}", messages::Cli::NotBuilt.text(lang));
    }
    ExitCode::FAILURE
}
