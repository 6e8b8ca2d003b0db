//! `etalase check`: reports every problem of the content, links and translations without
//! writing the site.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::BuildOptions;
use crate::check::CheckReport;
use crate::messages::{self, Cli, Lang, Text};

#[derive(clap::Args)]
pub struct Args {
    /// The site folder, which holds etalase.yaml.
    #[arg(long, default_value = ".")]
    root: PathBuf,
    /// Fail (exit status 2) on warnings too.
    #[arg(long)]
    strict: bool,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Check drafts too.
    #[arg(long)]
    drafts: bool,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Human,
    Json,
}

pub fn run(args: Args, lang: Lang) -> ExitCode {
    let options = BuildOptions {
        root: args.root,
        drafts: args.drafts,
        ..BuildOptions::default()
    };
    match crate::check::check(&options) {
        Ok(report) => {
            match args.format {
                Format::Json => println!("{}", report.to_json(lang)),
                Format::Human => print_report(&report, lang),
            }
            ExitCode::from(report.exit_code(args.strict))
        }
        Err(err) => super::report_error(&err, lang),
    }
}

fn print_report(report: &CheckReport, lang: Lang) {
    for diagnostic in report.errors.iter().chain(report.warnings.iter()) {
        println!("{}\n", diagnostic.render(lang));
    }
    if !report.untranslated.is_empty() {
        println!("{}", Cli::NotYetTranslated.text(lang));
        for item in &report.untranslated {
            let line = Cli::MissingIn {
                item: item.file.display().to_string(),
                kind: item.kind.to_string(),
                languages: item.missing.join(", "),
            };
            println!("{}", line.text(lang));
        }
        println!();
    }
    println!("{}", messages::totals(report.errors.len(), report.warnings.len(), lang));
}
