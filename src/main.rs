//! The `etalase` command line.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use etalase::messages::Lang;
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
    /// Language of messages: id or en (default: from the locale, e.g. LANG=id_ID.UTF-8).
    #[arg(long, global = true)]
    lang: Option<String>,
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
    /// Check the content, links and translations without writing the site.
    Check {
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
    },
    /// Start a new press release, product sheet or unit profile.
    New {
        #[command(subcommand)]
        item: NewCommand,
        /// The site folder, which holds etalase.yaml.
        #[arg(long, default_value = ".", global = true)]
        root: PathBuf,
    },
    /// Write JSON Schemas of the content files, for editors (default: .vscode/schemas).
    Schema {
        /// The site folder.
        #[arg(long, default_value = ".")]
        root: PathBuf,
        /// Where to write the schemas (default: .vscode/schemas in the site folder).
        #[arg(long, short)]
        output: Option<PathBuf>,
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

#[derive(Clone, Copy, clap::ValueEnum)]
enum Format {
    Human,
    Json,
}

#[derive(Subcommand)]
enum NewCommand {
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

fn main() -> ExitCode {
    let cli = Cli::parse();
    let lang = Lang::detect(cli.lang.as_deref());
    let report_error = |err: &Error| report_error(err, lang);
    match cli.command {
        Command::Build {
            root,
            output,
            base_url,
            drafts,
        } => build(
            BuildOptions {
                root,
                output,
                base_url,
                drafts,
            },
            lang,
        ),
        Command::Check {
            root,
            strict,
            format,
            drafts,
        } => check(
            BuildOptions {
                root,
                drafts,
                ..BuildOptions::default()
            },
            strict,
            format,
            lang,
        ),
        Command::New { item, root } => new(&root, item, lang),
        Command::Schema { root, output } => {
            let dir = output.unwrap_or_else(|| root.join(etalase::schema::DEFAULT_DIR));
            match etalase::schema::write(&dir) {
                Ok(files) => {
                    files.iter().for_each(|f| println!("Wrote {}", f.display()));
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
                lang,
            };
            etalase::serve::serve(options).map_or_else(|err| report_error(&err), |()| ExitCode::SUCCESS)
        }
    }
}

fn build(options: BuildOptions, lang: Lang) -> ExitCode {
    match etalase::build(&options) {
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
            if report.search == etalase::search::SearchIndex::Skipped {
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
                    etalase::output::cache::CACHE_DIR
                );
            }
            ExitCode::SUCCESS
        }
        Err(err) => report_error(&err, lang),
    }
}

fn check(options: BuildOptions, strict: bool, format: Format, lang: Lang) -> ExitCode {
    match etalase::check::check(&options) {
        Ok(report) => {
            match format {
                Format::Json => println!("{}", report.to_json()),
                Format::Human => print_report(&report, lang),
            }
            ExitCode::from(report.exit_code(strict))
        }
        Err(err) => report_error(&err, lang),
    }
}

fn new(root: &std::path::Path, command: NewCommand, lang: Lang) -> ExitCode {
    use etalase::scaffold::NewItem;
    let item = match command {
        NewCommand::News { title, unit, en, date } => NewItem::News {
            title,
            unit,
            english: en,
            date,
        },
        NewCommand::Product { name, unit } => NewItem::Product { name, unit },
        NewCommand::Unit { name } => NewItem::Unit { name },
    };
    match etalase::scaffold::create(root, &item) {
        Ok(files) => {
            for file in files {
                println!("Created {}", file.display());
            }
            ExitCode::SUCCESS
        }
        Err(err) => report_error(&err, lang),
    }
}

fn print_report(report: &etalase::check::CheckReport, lang: Lang) {
    for diagnostic in report.errors.iter().chain(report.warnings.iter()) {
        println!("{}\n", diagnostic.render(lang));
    }
    if !report.untranslated.is_empty() {
        println!("Not yet translated:");
        for item in &report.untranslated {
            println!("  {} ({}): missing {}", item.item, item.kind, item.missing.join(", "));
        }
        println!();
    }
    println!(
        "{} {}, {} {}",
        report.errors.len(),
        lang.word("errors"),
        report.warnings.len(),
        lang.word("warnings")
    );
}

fn report_error(err: &Error, lang: Lang) -> ExitCode {
    eprintln!("{}", err.render(lang));
    if matches!(err, Error::Content(_)) {
        eprintln!(
            "{}",
            match lang {
                Lang::Id => "Situs tidak dibangun; hasil sebelumnya tidak berubah.",
                Lang::En => "The site was not built; the previous output is unchanged.",
            }
        );
    }
    ExitCode::FAILURE
}
