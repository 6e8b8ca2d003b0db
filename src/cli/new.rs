//! `etalase new`: starts a press release, product sheet or unit profile.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::messages::{self, Cli, Lang, Text};
use crate::scaffold::NewItem;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    item: Item,
    /// The site folder, which holds etalase.yaml.
    #[arg(long, default_value = ".", global = true)]
    root: PathBuf,
}

#[derive(clap::Subcommand)]
enum Item {
    /// A press release: content/news/<date>-<slug>.id.md (and .en.md with --en).
    News {
        /// The headline.
        title: String,
        /// The unit that publishes it (a file name in content/units/, without .yaml).
        #[arg(long)]
        unit: String,
        /// Also start the English translation.
        #[arg(long)]
        en: bool,
        /// The date, YYYY-MM-DD (default: today).
        #[arg(long)]
        date: Option<String>,
    },
    /// A product sheet: content/products/<slug>.yaml.
    Product {
        /// The product name.
        name: String,
        /// The unit that makes it.
        #[arg(long)]
        unit: String,
    },
    /// A unit profile: content/units/<slug>.yaml.
    Unit {
        /// The unit's name, e.g. "Lapas Kelas IIA Lahat".
        name: String,
    },
}

pub fn run(args: Args, lang: Lang) -> ExitCode {
    let item = match args.item {
        Item::News { title, unit, en, date } => NewItem::News {
            title,
            unit,
            english: en,
            date,
        },
        Item::Product { name, unit } => NewItem::Product { name, unit },
        Item::Unit { name } => NewItem::Unit { name },
    };
    match crate::scaffold::create(&args.root, &item) {
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
