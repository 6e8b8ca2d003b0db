//! The `etalase` command line.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use etalase::{BuildOptions, Error};

// Rendering allocates many short-lived strings on every thread; mimalloc handles that far
// better than the system allocator (a third of the build time went to malloc and free).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "etalase",
    version,
    about = "Bilingual showcase sites for Indonesian correctional units"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Build the site into the output folder (public/ by default).
    Build {
        /// The site folder, which holds etalase.yaml.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the site (default: public/ in the site folder).
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Override base_url of etalase.yaml (e.g. for a preview deploy).
        #[arg(long)]
        base_url: Option<String>,
        /// Publish stories and pages marked `draft: true`.
        #[arg(long)]
        drafts: bool,
    },
    /// Preview the site: build it, serve it on localhost and rebuild on every save.
    Serve {
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
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Build {
            root,
            output,
            base_url,
            drafts,
        } => {
            let options = BuildOptions {
                root,
                output,
                base_url,
                drafts,
            };
            match etalase::build(&options) {
                Ok(report) => {
                    println!(
                        "Built {} pages ({} files) into {} in {} ms",
                        report.pages,
                        report.files,
                        report.output.display(),
                        report.elapsed.as_millis()
                    );
                    ExitCode::SUCCESS
                }
                Err(err) => report_error(&err),
            }
        }
        Command::Serve {
            root,
            port,
            bind,
            open,
            drafts,
            poll,
        } => {
            let options = etalase::serve::ServeOptions {
                root,
                bind,
                port,
                drafts,
                poll,
                open,
            };
            match etalase::serve::serve(options) {
                Ok(()) => ExitCode::SUCCESS,
                Err(err) => report_error(&err),
            }
        }
    }
}

fn report_error(err: &Error) -> ExitCode {
    eprintln!("{err}");
    if matches!(err, Error::Content(_)) {
        eprintln!("The site was not built; the previous output is unchanged.");
    }
    ExitCode::FAILURE
}
