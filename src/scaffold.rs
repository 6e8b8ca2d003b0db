//! `etalase new`: starts a press release, product sheet or unit profile from a title, with
//! every field filled in or explained in a comment, so that a writer only edits text.

use std::path::{Path, PathBuf};

use crate::config::Config;
use crate::content::CONTENT_DIR;
use crate::error::{Diagnostic, Error, IoContext, suggestion};
use crate::messages::{Check, Field, Reference};

/// What to create.
#[derive(Debug, Clone)]
pub enum NewItem {
    News {
        title: String,
        unit: String,
        english: bool,
        date: Option<String>,
    },
    Product {
        name: String,
        unit: String,
    },
    Unit {
        name: String,
    },
}

/// Writes the new file(s) and returns their paths; never overwrites an existing file.
pub fn create(root: &Path, item: &NewItem) -> Result<Vec<PathBuf>, Error> {
    let config = Config::load(root)?;
    let files = match item {
        NewItem::News {
            title,
            unit,
            english,
            date,
        } => {
            check_unit(root, unit)?;
            let date = match date {
                Some(date) => date.parse::<jiff::civil::Date>().map_err(|_| {
                    Diagnostic::new("--date", Field::NotADate { value: date.clone() }).with_hint(Check::HintDateFlag)
                })?,
                None => today(&config),
            };
            let stem = format!("{date}-{}", slugify(title)?);
            let dir = root.join(CONTENT_DIR).join("news");
            let mut files = vec![(
                dir.join(format!("{stem}.id.md")),
                news(title, &date.to_string(), unit, "id"),
            )];
            if *english {
                files.push((
                    dir.join(format!("{stem}.en.md")),
                    news(title, &date.to_string(), unit, "en"),
                ));
            }
            files
        }
        NewItem::Product { name, unit } => {
            check_unit(root, unit)?;
            let categories: Vec<&str> = config.categories.keys().collect();
            let path = root
                .join(CONTENT_DIR)
                .join("products")
                .join(format!("{}.yaml", slugify(name)?));
            vec![(path, product(name, unit, &categories))]
        }
        NewItem::Unit { name } => {
            let path = root
                .join(CONTENT_DIR)
                .join("units")
                .join(format!("{}.yaml", slugify(name)?));
            vec![(path, unit(name))]
        }
    };
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
            std::fs::create_dir_all(parent).io(crate::messages::Output::CannotCreate, parent)?;
        }
        std::fs::write(&path, text).io(crate::messages::Output::CannotWrite, &path)?;
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

/// Today in the site's time zone.
fn today(config: &Config) -> jiff::civil::Date {
    let offset =
        jiff::tz::Offset::from_seconds(config.timezone_offset().unwrap_or(7 * 3600)).unwrap_or(jiff::tz::Offset::UTC);
    jiff::Timestamp::now()
        .to_zoned(jiff::tz::TimeZone::fixed(offset))
        .date()
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

fn yaml_string(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_string())
}

fn news(title: &str, date: &str, unit: &str, lang: &str) -> String {
    let (summary, body, note) = if lang == "id" {
        (
            "Satu atau dua kalimat ringkasan untuk daftar berita dan mesin pencari.",
            "KOTA — Tulis isi berita di sini. Paragraf pertama menjawab apa, siapa, kapan dan di mana.",
            "Terjemahan bahasa Inggris: file dengan nama yang sama berakhiran .en.md",
        )
    } else {
        (
            "One or two sentences for news lists and search engines.",
            "CITY — Write the story here. The first paragraph says what, who, when and where.",
            "The Indonesian version is the file with the same name ending in .id.md",
        )
    };
    format!(
        "---\n# {note}\ntitle: {title}\ndate: {date}\n# time: \"09:00\"            # optional, local time\nunit: {unit}\n\
         summary: {summary}\nprograms: []                  # e.g. [ac-3, ac-6]; see content/vocabularies/\n\
         # products: [gula-semut-jahe-merah]   # products named in the story\n\
         # image: {{ src: foto.jpg, alt: Describe what the photo shows }}   # a file in content/media/\n\
         # award: {{ name: …, giver: …, event: … }}   # makes it award news\n\
         # source: Humas …\ndraft: false                  # true keeps it out of the site\n---\n{body}\n",
        title = yaml_string(title),
        summary = yaml_string(summary),
    )
}

fn product(name: &str, unit: &str, categories: &[&str]) -> String {
    format!(
        "name: {{ id: {name}, en: {name} }}   # translate the English name\nunit: {unit}\n\
         category: {category}   # one of: {all}\nfeatured: false\ndescription:\n  id: Tulis deskripsi produk di sini.\n  \
         en: Write the product description here.\n# price: {{ amount: 25000, per: {{ id: per bungkus, en: per pack }} }}   # whole rupiah, no dots\n\
         images: []   # - {{ src: foto.jpg, alt: {{ id: …, en: … }} }}\nprograms: []\n\
         # order: {{ whatsapp: \"+62 …\", marketplace: [{{ name: …, url: https://… }}] }}\n\
         certifications: []   # e.g. [P-IRT, Halal]\ndraft: false   # true keeps it out of the site\n",
        name = yaml_string(name),
        category = categories.first().copied().unwrap_or("pangan"),
        all = categories.join(", "),
    )
}

fn unit(name: &str) -> String {
    format!(
        "name: {name}\ntype: lapas   # kanwil, lapas, lpp, rutan, cabrutan, lpka, bapas, other\n# class: IIA\n\
         city: Kota\nregion: Sumatera Selatan\n# address: …\n# contact: {{ phone: …, email: …, website: … }}\n\
         # parent: kanwil-ditjenpas-sumsel\n",
        name = yaml_string(name),
    )
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
