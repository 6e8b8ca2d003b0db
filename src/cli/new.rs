//! `etalase new <kind> <title>`: starts a content file of any kind that offers one (`news`,
//! `product`, `unit`, `event`), with every field filled in or explained.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::builder::PossibleValuesParser;

use crate::config::Config;
use crate::messages::{self, Cli, Lang, Text};
use crate::scaffold::NewFile;

#[derive(clap::Args)]
pub struct Args {
    /// What to start.
    #[arg(value_parser = PossibleValuesParser::new(crate::kinds::starters()))]
    kind: String,
    /// The headline, or the product's or unit's name.
    title: String,
    /// The unit it belongs to (a file name in content/units/, without .yaml).
    #[arg(long)]
    unit: Option<String>,
    /// Also start the English version.
    #[arg(long)]
    en: bool,
    /// Its date, YYYY-MM-DD (default: today).
    #[arg(long)]
    date: Option<String>,
    /// A unit's city (default: from its name, `Rutan Kelas I Palembang` → Palembang).
    #[arg(long)]
    city: Option<String>,
    /// The site folder, which holds etalase.yaml.
    #[arg(long, default_value = ".")]
    root: PathBuf,
}

pub fn run(args: Args, lang: Lang) -> ExitCode {
    let config = match Config::load(&args.root) {
        Ok(config) => config,
        Err(err) => return super::report_error(&err, lang),
    };
    let request = NewFile {
        root: args.root,
        config,
        title: args.title,
        unit: args.unit,
        english: args.en,
        date: args.date,
        city: args.city,
    };
    let created =
        crate::kinds::new_files(&args.kind, &request).and_then(|files| crate::scaffold::create(&request.root, files));
    match created {
        Ok(files) => {
            for file in files {
                println!(
                    "{}",
                    Cli::Created {
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
