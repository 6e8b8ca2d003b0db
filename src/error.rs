//! Errors: content diagnostics that point at a file, line and column, and the failures of a build.

use std::fmt;
use std::path::{Path, PathBuf};

use crate::messages::{self, Lang};

/// One problem in a writer's file: where it is, what is wrong, and how to fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file, relative to the site folder.
    pub file: PathBuf,
    /// 1-based line and column, when the problem has a position.
    pub position: Option<(u32, u32)>,
    /// The offending line of the file, shown under the message.
    pub source_line: Option<String>,
    pub message: String,
    pub hint: Option<String>,
    pub severity: Severity,
}

/// Errors stop a build; warnings are reported and stop only `check --strict`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Severity {
    Error,
    Warning,
}

impl Diagnostic {
    pub fn new(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            file: file.into(),
            position: None,
            source_line: None,
            message: message.into(),
            hint: None,
            severity: Severity::Error,
        }
    }

    /// A problem worth fixing that does not stop a build.
    pub fn warning(file: impl Into<PathBuf>, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::new(file, message)
        }
    }

    /// The diagnostic as JSON, for `check --format json`.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::json!({
            "file": self.file.to_string_lossy(),
            "line": self.position.map(|p| p.0),
            "column": self.position.map(|p| p.1),
            "severity": if self.severity == Severity::Error { "error" } else { "warning" },
            "message": self.message,
            "hint": self.hint,
        })
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

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    /// Sort key: by file, then by position.
    fn sort_key(&self) -> (&Path, (u32, u32)) {
        (&self.file, self.position.unwrap_or((0, 0)))
    }
}

impl Diagnostic {
    /// The file the problem is in, when it is a file of the site (relative to the site
    /// folder), and not a command-line option (`--date`) or a built page (`(page /berita/a/)`).
    pub fn site_file(&self) -> Option<&Path> {
        let name = self.file.to_string_lossy();
        let pseudo = name.is_empty() || name.starts_with('(') || name.starts_with('-');
        (!pseudo).then_some(self.file.as_path())
    }

    /// What is wrong, in `lang`.
    pub fn message_in(&self, lang: Lang) -> String {
        messages::translate(&self.message, lang)
    }

    /// How to fix it, in `lang`.
    pub fn hint_in(&self, lang: Lang) -> Option<String> {
        self.hint.as_deref().map(|hint| messages::translate(hint, lang))
    }

    /// `error` or `warning`, in `lang`.
    pub fn severity_in(&self, lang: Lang) -> &'static str {
        lang.word(match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        })
    }

    /// The diagnostic as a person reads it, in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = self.file.display().to_string();
        if let Some((line, column)) = self.position {
            out.push_str(&format!(":{line}:{column}"));
        }
        out.push_str(&format!(": {}: {}", self.severity_in(lang), self.message_in(lang)));
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
        if let Some(hint) = self.hint_in(lang) {
            out.push_str(&format!("\n  = {}: {hint}", lang.word("hint")));
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
    pub fn into_result<T>(mut self, value: T) -> Result<T, Diagnostics> {
        if self.0.is_empty() {
            Ok(value)
        } else {
            self.0.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
            self.0.dedup();
            Err(self)
        }
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

impl Diagnostics {
    /// Every diagnostic and the count, in `lang`.
    pub fn render(&self, lang: Lang) -> String {
        let mut out = String::new();
        for diagnostic in &self.0 {
            out.push_str(&diagnostic.render(lang));
            out.push_str("\n\n");
        }
        let n = self.0.len();
        let noun = match (lang, n) {
            (Lang::Id, _) => "kesalahan",
            (Lang::En, 1) => "error",
            (Lang::En, _) => "errors",
        };
        out.push_str(&format!("{n} {noun}"));
        out
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

/// Why a build failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// Mistakes in the site's content or configuration.
    #[error("{0}")]
    Content(Diagnostics),
    /// A theme or site template failed to compile or render.
    #[error("template error in {template}: {message}")]
    Template { template: String, message: String },
    /// Reading or writing a file failed.
    #[error("{action} {}: {source}", path.display())]
    Io {
        action: &'static str,
        path: PathBuf,
        source: std::io::Error,
    },
    /// A tool the build runs (the search indexer) failed.
    #[error("{tool} failed: {message}")]
    Tool { tool: String, message: String },
    /// The output folder may not be written, to protect the user's files.
    #[error("refusing to write the site to {}: {reason}", path.display())]
    UnsafeOutput { path: PathBuf, reason: String },
}

impl Error {
    /// The error as a person reads it, in `lang` (content mistakes are translated).
    pub fn render(&self, lang: Lang) -> String {
        match self {
            Error::Content(diagnostics) => diagnostics.render(lang),
            other => other.to_string(),
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
    fn io(self, action: &'static str, path: &Path) -> Result<T, Error>;
}

impl<T> IoContext<T> for std::io::Result<T> {
    fn io(self, action: &'static str, path: &Path) -> Result<T, Error> {
        self.map_err(|source| Error::Io {
            action,
            path: path.to_path_buf(),
            source,
        })
    }
}

/// The closest of `candidates` to `wrong` (edit distance), to suggest a fix for a typo.
pub fn closest<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    candidates
        .into_iter()
        .map(|c| (strsim::levenshtein(wrong, c), c))
        .filter(|(distance, c)| *distance <= (c.len().max(wrong.len()) / 2).max(2))
        .min()
        .map(|(_, c)| c)
}

/// "did you mean `x`?" or the list of valid values, for a hint.
pub fn suggestion<'a>(wrong: &str, candidates: impl IntoIterator<Item = &'a str> + Clone) -> String {
    match closest(wrong, candidates.clone()) {
        Some(best) => format!("did you mean `{best}`?"),
        None => {
            let all: Vec<&str> = candidates.into_iter().collect();
            if all.is_empty() {
                "there is nothing to refer to yet".to_string()
            } else if all.len() <= 12 {
                format!("valid values: {}", all.join(", "))
            } else {
                format!("valid values include: {}, …", all[..12].join(", "))
            }
        }
    }
}
