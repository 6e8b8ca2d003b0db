//! `etalase check`: reports every problem of the content, links and translations without
//! writing the site, for people (`human`), programs (`json`) or GitHub Actions (`github`:
//! workflow commands that put each problem on its line of a pull request).

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::BuildOptions;
use crate::check::CheckReport;
use crate::error::{Diagnostic, Severity};
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
    /// Each problem with its line and how to fix it.
    Human,
    /// One JSON document, for other programs.
    Json,
    /// GitHub Actions annotations on the lines of a pull request.
    Github,
}

/// The title of every GitHub annotation: the command that found the problem.
const ANNOTATION_TITLE: &str = "etalase check";

pub fn run(args: Args, lang: Lang) -> ExitCode {
    let options = BuildOptions {
        root: args.root.clone(),
        drafts: args.drafts,
        ..BuildOptions::default()
    };
    match crate::check::check(&options) {
        Ok(report) => {
            match args.format {
                Format::Json => println!("{}", report.to_json(lang)),
                Format::Human => print_report(&report, lang),
                Format::Github => print_annotations(&report, &args.root, lang),
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

fn print_annotations(report: &CheckReport, root: &Path, lang: Lang) {
    let prefix = repository_prefix(root);
    for diagnostic in report.errors.iter().chain(report.warnings.iter()) {
        println!("{}", annotation(diagnostic, &prefix, lang));
    }
    println!("{}", messages::totals(report.errors.len(), report.warnings.len(), lang));
}

/// The workflow command that shows `diagnostic` on its line of the file in GitHub
/// (`::error file=…,line=…,col=…,title=…::…`); `prefix` leads from the repository root to the
/// site folder.
fn annotation(diagnostic: &Diagnostic, prefix: &Path, lang: Lang) -> String {
    let command = match diagnostic.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    };
    let mut properties = Vec::new();
    let mut message = diagnostic.message.text(lang);
    match diagnostic.site_file() {
        Some(file) => {
            properties.push(format!("file={}", escape_property(&slashed(&prefix.join(file)))));
            if let Some((line, column)) = diagnostic.position {
                properties.push(format!("line={line},col={column}"));
            }
        }
        None => message = format!("{}: {message}", diagnostic.file.display()),
    }
    properties.push(format!("title={}", escape_property(ANNOTATION_TITLE)));
    if let Some(hint) = diagnostic.hint(lang) {
        message.push_str(&format!("\n{}: {hint}", Cli::LabelHint.text(lang)));
    }
    format!("::{command} {}::{}", properties.join(","), escape_data(&message))
}

/// The site folder relative to the root of its repository (the nearest folder above it with
/// `.git`, else `$GITHUB_WORKSPACE`), since GitHub reads annotation paths from there; empty
/// when the site is the repository.
fn repository_prefix(root: &Path) -> PathBuf {
    let Ok(site) = root.canonicalize() else {
        return PathBuf::new();
    };
    let workspace = || std::env::var_os("GITHUB_WORKSPACE").and_then(|dir| PathBuf::from(dir).canonicalize().ok());
    site.ancestors()
        .find(|dir| dir.join(".git").exists())
        .map(Path::to_path_buf)
        .or_else(workspace)
        .and_then(|top| site.strip_prefix(top).ok().map(Path::to_path_buf))
        .unwrap_or_default()
}

/// A relative path with `/` between its parts, on every system.
fn slashed(path: &Path) -> String {
    path.iter()
        .map(|part| part.to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// A workflow command's message, escaped as GitHub's toolkit does.
fn escape_data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// A workflow command's property value, escaped as GitHub's toolkit does.
fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::messages::{Check, Reference};

    #[test]
    fn escapes_as_githubs_toolkit_does() {
        assert_eq!(escape_data("50% a:b,c\r\nd"), "50%25 a:b,c%0D%0Ad");
        assert_eq!(escape_property("50% a:b,c\r\nd"), "50%25 a%3Ab%2Cc%0D%0Ad");
    }

    #[test]
    fn annotates_the_line_of_the_file_from_the_repository_root() {
        let diagnostic = Diagnostic::new("content/news/a.id.md", Reference::UnknownUnit { id: "x".into() })
            .at("title: A\nunit: x\n", 2, 7)
            .with_hint(Reference::DidYouMean { best: "y".into() });
        assert_eq!(
            annotation(&diagnostic, Path::new("situs"), Lang::En),
            "::error file=situs/content/news/a.id.md,line=2,col=7,title=etalase check::unknown unit `x`%0Ahint: did you mean `y`?"
        );
        let page = Diagnostic::warning("(page /berita/a/)", Check::LinkNowhere { link: "/b/".into() });
        assert_eq!(
            annotation(&page, Path::new(""), Lang::Id),
            "::warning title=etalase check::(page /berita/a/): tautan /b/ tidak menuju halaman mana pun"
        );
    }
}
