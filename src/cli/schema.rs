//! `etalase schema`: writes the JSON Schemas of the content files for editors.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::messages::{self, Cli, Lang, Text};

#[derive(clap::Args)]
pub struct Args {
    /// The site folder.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Where to write the schemas (default: .vscode/schemas in the site folder).
    #[arg(long, short)]
    output: Option<PathBuf>,
}

pub fn run(args: Args, lang: Lang) -> ExitCode {
    let dir = args
        .output
        .unwrap_or_else(|| args.root.join(crate::schema::DEFAULT_DIR));
    match crate::schema::write(&dir, &crate::kinds::schemas()) {
        Ok(files) => {
            for file in files {
                println!(
                    "{}",
                    Cli::Wrote {
                        path: messages::Path(file)
                    }
                    .text(lang)
                );
            }
            ExitCode::SUCCESS
        }
        Err(err) => super::report_error(&err, lang),
    }
}
