//! `etalase schema`: writes the JSON Schemas of the content files for editors.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::messages::Lang;

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
    match crate::schema::write(&dir) {
        Ok(files) => {
            files.iter().for_each(|f| println!("Wrote {}", f.display()));
            ExitCode::SUCCESS
        }
        Err(err) => super::report_error(&err, lang),
    }
}
