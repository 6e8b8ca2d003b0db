//! `etalase new`: starts a content file from a title, with every field filled in or explained
//! in a comment, so that a writer only edits text. Each kind that writers start files of says
//! what its files look like (`Kind::new_files`); this module reads the request, checks the unit
//! it names, and writes the files — never over an existing one. (Besides the site output, this
//! and `etalase schema` are the only commands that write: a writer's own files, on request.)

use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::content::CONTENT_DIR;
use crate::error::{Diagnostic, Error, IoContext, suggestion};
use crate::messages::{Check, Field, Output, Reference};

/// What a writer asked `etalase new` for.
#[derive(Debug, Clone)]
pub struct NewFile {
    /// The site folder.
    pub root: PathBuf,
    pub config: Config,
    /// The headline or name the file starts with.
    pub title: String,
    /// The unit it belongs to (`--unit`).
    pub unit: Option<String>,
    /// Also start the English version (`--en`).
    pub english: bool,
    /// Its date (`--date`), default today.
    pub date: Option<String>,
    /// A unit's city (`--city`), default from its name.
    pub city: Option<String>,
}

impl NewFile {
    /// The folder of `kind` in content/.
    pub fn folder(&self, kind: &str) -> PathBuf {
        self.root.join(CONTENT_DIR).join(kind)
    }

    /// The unit given with `--unit`, which must be one of the site's.
    pub fn unit(&self) -> Result<&str, Error> {
        let unit = self.unit.as_deref().unwrap_or_default();
        check_unit(&self.root, unit)?;
        Ok(unit)
    }

    /// The date given with `--date`, or today in the site's time zone.
    pub fn date(&self) -> Result<jiff::civil::Date, Error> {
        match &self.date {
            Some(date) => date.parse::<jiff::civil::Date>().map_err(|_| {
                Diagnostic::new("--date", Field::NotADate { value: date.clone() })
                    .with_hint(Check::HintDateFlag)
                    .into()
            }),
            None => Ok(self.config.today()),
        }
    }

    /// The file name the title gives.
    pub fn slug(&self) -> Result<String, Error> {
        slugify(&self.title)
    }
}

/// Writes the new `files` (path, text) of the site in `root` and returns their paths; never
/// overwrites an existing file.
pub fn create(root: &Path, files: Vec<(PathBuf, String)>) -> Result<Vec<PathBuf>, Error> {
    if let Some((existing, _)) = files.iter().find(|(path, _)| path.exists()) {
        return Err(
            Diagnostic::new(crate::content::relative(root, existing), Check::FileExists)
                .with_hint(Check::HintOtherTitle)
                .into(),
        );
    }
    let mut written = Vec::new();
    for (path, text) in files {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).io(Output::CannotCreate, parent)?;
        }
        std::fs::write(&path, text).io(Output::CannotWrite, &path)?;
        written.push(crate::content::relative(root, &path));
    }
    Ok(written)
}

fn check_unit(root: &Path, unit: &str) -> Result<(), Error> {
    let dir = root.join(CONTENT_DIR).join("units");
    if dir.join(format!("{unit}.yaml")).is_file() {
        return Ok(());
    }
    let known: Vec<String> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .flatten()
                .filter_map(|e| e.path().file_stem().map(|s| s.to_string_lossy().into_owned()))
                .collect()
        })
        .unwrap_or_default();
    Err(
        Diagnostic::new("--unit", Reference::UnknownUnit { id: unit.to_string() })
            .with_hint(suggestion(unit, known.iter().map(String::as_str)))
            .with_hint(Reference::UnitsAreFiles)
            .into(),
    )
}

/// A URL slug from a title: lowercase ASCII letters and digits joined by hyphens.
pub fn slugify(title: &str) -> Result<String, Error> {
    let mut slug = String::new();
    for word in title
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        if !slug.is_empty() {
            slug.push('-');
        }
        slug.push_str(&word.to_ascii_lowercase());
    }
    let slug: String = slug
        .chars()
        .take(80)
        .collect::<String>()
        .trim_end_matches('-')
        .to_string();
    if slug.is_empty() {
        return Err(Diagnostic::new(
            "(title)",
            Check::NoFileName {
                title: title.to_string(),
            },
        )
        .with_hint(Check::HintTitleLetters)
        .into());
    }
    Ok(slug)
}

/// A value written as a YAML string that any text can be.
pub fn yaml_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_plain() {
        assert_eq!(
            slugify("Lapas Lahat Raih Penghargaan!").unwrap(),
            "lapas-lahat-raih-penghargaan"
        );
        assert_eq!(
            slugify("Gula Semut (Jahe Merah) 2025").unwrap(),
            "gula-semut-jahe-merah-2025"
        );
        assert!(slugify("…").is_err());
    }
}
