//! Interface strings per language (`themes/<theme>/i18n/<lang>.yaml`), with the formats of dates
//! and prices; a string missing in a language falls back to the first language's.

use std::collections::BTreeMap;
use std::path::Path;

use jiff::civil::{Date, Time};
use serde::Deserialize;

use crate::error::{Diagnostic, Error};
use crate::messages::Content;
use crate::yaml;

/// One language's strings file.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Strings {
    #[serde(default)]
    pub date: Option<DateNames>,
    #[serde(default)]
    pub price: Option<PriceFormat>,
    #[serde(default)]
    pub strings: BTreeMap<String, String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DateNames {
    /// January first.
    pub months: Vec<String>,
    /// Monday first.
    pub weekdays: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriceFormat {
    /// Written before the amount: `Rp` or `IDR `.
    pub prefix: String,
    /// Thousands separator: `.` or `,`.
    pub thousands: String,
}

/// The resolved strings of one language.
#[derive(Debug, Clone)]
pub struct Locale {
    pub date: DateNames,
    pub price: PriceFormat,
    pub strings: BTreeMap<String, String>,
}

impl Locale {
    /// Loads `<code>.yaml` of each language, read by `read` (given the file name; `None` when
    /// the theme has no such file) and named in messages as a file of `dir`; the first
    /// language fills gaps.
    pub fn load_all<B: AsRef<[u8]>>(
        dir: &Path,
        codes: &[&str],
        read: impl Fn(&str) -> Result<Option<B>, Error>,
    ) -> Result<Vec<Locale>, Error> {
        let mut files = Vec::new();
        for code in codes {
            let name = format!("{code}.yaml");
            let path = dir.join(&name);
            if let Some(bytes) = read(&name)? {
                let text = yaml::decode_utf8(&path, bytes.as_ref())?;
                files.push(Some(yaml::parse::<Strings>(&path, &text)?));
            } else {
                files.push(None);
            }
        }
        let Some(Some(first)) = files.first().cloned() else {
            let path = dir.join(format!("{}.yaml", codes.first().copied().unwrap_or("id")));
            return Err(Diagnostic::new(path, Content::ThemeStringsMissing)
                .with_hint(Content::HintThemeStrings)
                .into());
        };
        let base_date = first.date.clone().unwrap_or_else(english_dates);
        let base_price = first.price.clone().unwrap_or(PriceFormat {
            prefix: "Rp".into(),
            thousands: ".".into(),
        });
        let locales = files
            .into_iter()
            .map(|file| {
                let file = file.unwrap_or_else(|| first.clone());
                let mut strings = first.strings.clone();
                strings.extend(file.strings);
                Locale {
                    date: file.date.filter(valid_names).unwrap_or_else(|| base_date.clone()),
                    price: file.price.unwrap_or_else(|| base_price.clone()),
                    strings,
                }
            })
            .collect();
        Ok(locales)
    }

    /// "Rabu, 19 November 2025".
    pub fn long_date(&self, date: Date) -> String {
        let weekday = date.weekday().to_monday_zero_offset() as usize;
        let month = usize::try_from(date.month() - 1).unwrap_or(0);
        format!(
            "{}, {} {} {}",
            self.date.weekdays.get(weekday).map(String::as_str).unwrap_or_default(),
            date.day(),
            self.date.months.get(month).map(String::as_str).unwrap_or_default(),
            date.year()
        )
    }

    /// "19 November 2025".
    pub fn short_date(&self, date: Date) -> String {
        let month = usize::try_from(date.month() - 1).unwrap_or(0);
        format!(
            "{} {} {}",
            date.day(),
            self.date.months.get(month).map(String::as_str).unwrap_or_default(),
            date.year()
        )
    }

    /// "09.30" style is Indonesian; both languages read "09:30" well.
    pub fn time(&self, time: Time) -> String {
        format!("{:02}:{:02}", time.hour(), time.minute())
    }

    /// "Rp25.000" / "IDR 25,000".
    pub fn price(&self, amount: u64) -> String {
        let digits = amount.to_string();
        let mut grouped = String::new();
        for (ix, digit) in digits.chars().enumerate() {
            if ix > 0 && (digits.len() - ix).is_multiple_of(3) {
                grouped.push_str(&self.price.thousands);
            }
            grouped.push(digit);
        }
        format!("{}{grouped}", self.price.prefix)
    }

    pub fn get<'a>(&'a self, key: &'a str) -> &'a str {
        self.strings.get(key).map(String::as_str).unwrap_or(key)
    }

    /// The string `key` for a count of `n`, with `{n}` replaced by the count: the form
    /// `<key>_one` for one when the language has it, else `<key>_other` (Indonesian nouns
    /// have one form: `1 berita`, `4 berita`; English two: `1 story`, `4 stories`).
    pub fn plural(&self, key: &str, n: usize) -> String {
        let one = format!("{key}_one");
        let form = if n == 1 && self.strings.contains_key(&one) {
            one
        } else {
            format!("{key}_other")
        };
        self.get(&form).replace("{n}", &n.to_string())
    }
}

fn valid_names(names: &DateNames) -> bool {
    names.months.len() == 12 && names.weekdays.len() == 7
}

fn english_dates() -> DateNames {
    let split = |s: &str| s.split(' ').map(String::from).collect();
    DateNames {
        months: split("January February March April May June July August September October November December"),
        weekdays: split("Monday Tuesday Wednesday Thursday Friday Saturday Sunday"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn locale(prefix: &str, thousands: &str) -> Locale {
        Locale {
            date: english_dates(),
            price: PriceFormat {
                prefix: prefix.into(),
                thousands: thousands.into(),
            },
            strings: BTreeMap::new(),
        }
    }

    #[test]
    fn formats_prices_per_language() {
        assert_eq!(locale("Rp", ".").price(25000), "Rp25.000");
        assert_eq!(locale("IDR ", ",").price(1_250_000), "IDR 1,250,000");
        assert_eq!(locale("Rp", ".").price(500), "Rp500");
    }

    #[test]
    fn formats_long_dates() {
        let date = Date::new(2025, 11, 19).unwrap();
        assert_eq!(locale("Rp", ".").long_date(date), "Wednesday, 19 November 2025");
    }
}
