//! `etalase build`: writes the site into the output folder.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::BuildOptions;
use crate::messages::{self, Cli, Lang, Text};

#[derive(clap::Args)]
pub struct Args {
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
}

pub fn run(args: Args, lang: Lang) -> ExitCode {
    let options = BuildOptions {
        root: args.root,
        output: args.output,
        base_url: args.base_url,
        drafts: args.drafts,
        lang,
    };
    match crate::build(&options) {
        Ok(report) => {
            for warning in report.warnings.iter() {
                eprintln!("{}\n", warning.render(lang));
            }
            let built = Cli::Built {
                pages: report.pages,
                files: report.files,
                output: messages::Path(report.output.clone()),
                ms: u64::try_from(report.elapsed.as_millis()).unwrap_or(u64::MAX),
            };
            println!("{}", built.text(lang));
            if report.search == crate::search::SearchIndex::Skipped {
                eprintln!("{}", Cli::NoSearchIndex.text(lang));
            }
            let images = report.images;
            if images.processed + images.cached > 0 {
                let photos = Cli::Photos {
                    processed: images.processed,
                    cached: images.cached,
                    cache: crate::media::cache::CACHE_DIR.to_string(),
                };
                println!("{}", photos.text(lang));
            }
            ExitCode::SUCCESS
        }
        Err(err) => super::report_error(&err, lang),
    }
}
