//! `etalase build`: writes the site into the output folder.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::BuildOptions;
use crate::messages::Lang;

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
    };
    match crate::build(&options) {
        Ok(report) => {
            for warning in report.warnings.iter() {
                eprintln!("{}\n", warning.render(lang));
            }
            println!(
                "Built {} pages ({} files) into {} in {} ms",
                report.pages,
                report.files,
                report.output.display(),
                report.elapsed.as_millis()
            );
            if report.search == crate::search::SearchIndex::Skipped {
                eprintln!(
                    "note: no search index, since Pagefind is not installed; run `npm install` in the site folder to add search"
                );
            }
            let images = report.images;
            if images.processed + images.cached > 0 {
                println!(
                    "Photos: {} processed, {} from the cache ({})",
                    images.processed,
                    images.cached,
                    crate::media::cache::CACHE_DIR
                );
            }
            ExitCode::SUCCESS
        }
        Err(err) => super::report_error(&err, lang),
    }
}
