//! Errors: content diagnostics that point at a file, line and column, and the failures of a
//! build. Every text is a typed message (`crate::messages`), rendered in the reader's language.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::messages::{self, Cli, Lang, Message, Output, Text};

/// One problem in a writer's file: where it is, what is wrong, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file, relative to the site folder.
    pub file: PathBuf,
    /// 1-based line and column, when the problem has a position.
    pub position: Option<(u32, u32)>,
    /// The offending line of the file, shown under the message.
    pub source_line: Option<String>,
    pub message: Message,
    /// How to fix it, in parts shown joined by " — " (e.g. "did you mean …? — units are …").
    pub hints: Vec<Message>,
    pub severity: Severity,
}

/// Errors stop a build; warnings are reported and stop only `check --strict`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

impl Diagnostic {
    pub fn new(file: impl Into<PathBuf>, message: impl Into<Message>) -> Self {
        Diagnostic {
            file: file.into(),
            position: None,
            source_line: None,
            message: message.into(),
            hints: Vec::new(),
            severity: Severity::Error,
        }
    }

    /// A problem worth fixing that does not stop a build.
    pub fn warning(file: impl Into<PathBuf>, message: impl Into<Message>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::new(file, message)
        }
    }

    /// Places the diagnostic at `line`:`column` of `text`, the file's contents.
    pub fn at(mut self, text: &str, line: u64, column: u64) -> Self {
        if line > 0 {
            let clamp = |n: u64| u32::try_from(n).unwrap_or(u32::MAX);
            self.position = Some((clamp(line), clamp(column.max(1))));
            self.source_line = usize::try_from(line - 1)
                .ok()
                .and_then(|ix| text.lines().nth(ix))
                .map(|l| l.trim_end_matches('\r').to_string());
        }
        self
    }

    /// Adds a part of the hint.
    pub fn with_hint(mut self, hint: impl Into<Message>) -> Self {
        self.hints.push(hint.into());
        self
    }

    /// The hint in `lang`, its parts joined; `None` when there is none.
    pub fn hint(&self, lang: Lang) -> Option<String> {
        (!self.hints.is_empty()).then(|| self.hints.iter().map(|h| h.text(lang)).collect::<Vec<_>>().join(" — "))
    }

    /// The diagnostic as JSON, for `check --format json`.
    pub fn to_json(&self, lang: Lang) -> serde_json::Value {
        serde_json::json!({
            "code": self.message.code(),
            "file": self.file.to_string_lossy(),
            "line": self.position.map(|p| p.0),
            "column": self.position.map(|p| p.1),
            "severity": if self.severity == Severity::Error { "error" } else { "warning" },
            "message": self.message.text(lang),
            "hint": self.hint(lang),
        })
    }

    /// Sort key: by file, then by position.
    fn sort_key(&self) -> (&Path, (u32, u32)) {
        (&self.file, self.position.unwrap_or((0, 0)))
    }

    /// The file the problem is in, when it is a file of the site (relative to the site
    /// folder), and not a command-line option (`--date`) or a built page (`(page /berita/a/)`).
    pub fn site_file(&self) -> Option<&Path> {
        let name = self.file.to_string_lossy();
        let pseudo = name.is_empty() || name.starts_with('(') || name.starts_with('-');
        (!pseudo).then_some(self.file.as_path())
    }

    /// `error` or `warning`, in `lang`.
    pub fn severity_in(&self, lang: Lang) -> String {
        match self.severity {
            Severity::Error => Cli::LabelError,
            Severity::Warning => Cli::LabelWarning,
        }
        .text(lang)
    }

    /// The diagnostic as a person reads it, in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = self.file.display().to_string();
        if let Some((line, column)) = self.position {
            out.push_str(&format!(":{line}:{column}"));
        }
        out.push_str(&format!(": {}: {}", self.severity_in(lang), self.message.text(lang)));
        if let (Some(text), Some((line, column))) = (&self.source_line, self.position) {
            let gutter = line.to_string().len();
            let pad = " ".repeat(gutter);
            let marker_at = text
                .chars()
                .take(usize::try_from(column.saturating_sub(1)).unwrap_or(0))
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect::<String>();
            out.push_str(&format!("\n{pad} |\n{line} | {text}\n{pad} | {marker_at}^"));
        }
        if let Some(hint) = self.hint(lang) {
            out.push_str(&format!("\n  = {}: {hint}", Cli::LabelHint.text(lang)));
        }
        out
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// Every content problem found in one run, sorted by file and position.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Diagnostics(Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }

    /// Sorted by file and position, duplicates removed.
    pub fn sorted(mut self) -> Diagnostics {
        self.0.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
        self.0.dedup();
        self
    }

    /// `Ok(value)` when nothing was reported, else every diagnostic, sorted.
    pub fn into_result<T>(self, value: T) -> Result<T, Diagnostics> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            Err(self.sorted())
        }
    }

    /// Every diagnostic and the count, in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        for diagnostic in &self.0 {
            out.push_str(&diagnostic.render(lang));
            out.push_str("\n\n");
        }
        let errors = self.0.iter().filter(|d| d.severity == Severity::Error).count();
        let text = match errors {
            1 => Cli::OneError,
            n => Cli::Errors { n },
        };
        out.push_str(&text.text(lang));
        out
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Self {
        Diagnostics(vec![diagnostic])
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Self {
        Diagnostics(iter.into_iter().collect())
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// Why a build failed.
#[derive(Debug)]
#[non_exhaustive]
pub enum Error {
    /// Mistakes in the site's content or configuration.
    Content(Diagnostics),
    /// A theme or site template failed to compile or render.
    Template { template: String, message: String },
    /// Reading or writing a file failed.
    Io {
        action: Output,
        path: PathBuf,
        source: std::io::Error,
    },
    /// A tool the build runs (the search indexer) failed.
    Tool { tool: String, message: String },
    /// The output folder may not be written, to protect the user's files.
    UnsafeOutput { path: PathBuf, reason: Output },
}

impl Error {
    /// The error as a person reads it, in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Error::Content(diagnostics) => diagnostics.render(lang),
            Error::Template { template, message } => Output::TemplateError {
                template: template.clone(),
                detail: message.clone(),
            }
            .text(lang),
            Error::Io { action, path, source } => format!("{} {}: {source}", action.text(lang), path.display()),
            Error::Tool { tool, message } => Output::ToolFailed {
                tool: tool.clone(),
                detail: message.clone(),
            }
            .text(lang),
            Error::UnsafeOutput { path, reason } => Output::Refused {
                path: messages::Path(path.clone()),
                reason: reason.text(lang),
            }
            .text(lang),
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            Error::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

impl From<Diagnostics> for Error {
    fn from(diagnostics: Diagnostics) -> Self {
        Error::Content(diagnostics)
    }
}

impl From<Diagnostic> for Error {
    fn from(diagnostic: Diagnostic) -> Self {
        Error::Content(diagnostic.into())
    }
}

/// Attaches the action and path to an I/O error.
pub trait IoContext<T> {
    fn io(self, action: Output, path: &Path) -> Result<T, Error>;
}

impl<T> IoContext<T> for std::io::Result<T> {
    fn io(self, action: Output, path: &Path) -> Result<T, Error> {
        self.map_err(|source| Error::Io {
            action,
            path: path.to_path_buf(),
            source,
        })
    }
}

pub use crate::messages::{closest, suggestion};
