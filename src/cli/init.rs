//! `etalase init`: starts a site for a unit or regional office. Values come from flags; in a
//! terminal, the missing ones are asked for (with a suggestion where one can be guessed).

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use crate::init::{NewSite, NewUnit, guess_class, guess_kind};
use crate::kinds::units::UnitKind;
use crate::messages::{Init, Lang, List, Path as Shown, Text};

#[derive(clap::Args)]
pub struct Args {
    /// The folder of the new site (created when missing).
    #[arg(default_value = ".")]
    dir: PathBuf,
    /// The site's title in Indonesian (default: "Etalase <unit>").
    #[arg(long)]
    title_id: Option<String>,
    /// The site's title in English (default: "<unit> Showcase").
    #[arg(long)]
    title_en: Option<String>,
    /// The address the site will be published at, e.g. https://lapas-lahat.netlify.app.
    #[arg(long)]
    base_url: Option<String>,
    /// The first unit's name, e.g. "Lapas Kelas IIA Lahat".
    #[arg(long)]
    unit: Option<String>,
    /// The unit's type (default: from its name).
    #[arg(long = "type", value_parser = UnitKind::ALL.map(UnitKind::key))]
    kind: Option<String>,
    /// The unit's class, e.g. IIA (default: from its name).
    #[arg(long)]
    class: Option<String>,
    /// The unit's city.
    #[arg(long)]
    city: Option<String>,
    /// The unit's province or region, e.g. "Sumatera Selatan".
    #[arg(long)]
    region: Option<String>,
}

pub fn run(args: Args, lang: Lang) -> ExitCode {
    let site = if std::io::stdin().is_terminal() {
        ask(&args, lang)
    } else {
        from_flags(&args, lang)
    };
    let Some(site) = site else {
        return ExitCode::from(2);
    };
    match crate::init::create(&args.dir, &site) {
        Ok(created) => {
            report(&args.dir, &created, lang);
            ExitCode::SUCCESS
        }
        Err(err) => super::report_error(&err, lang),
    }
}

/// The site from the flags alone; says which are missing.
fn from_flags(args: &Args, lang: Lang) -> Option<NewSite> {
    let required = [
        ("--base-url", &args.base_url),
        ("--unit", &args.unit),
        ("--city", &args.city),
        ("--region", &args.region),
    ];
    let missing: Vec<&str> = required
        .iter()
        .filter(|(_, value)| value.as_deref().is_none_or(|v| v.trim().is_empty()))
        .map(|(flag, _)| *flag)
        .collect();
    if !missing.is_empty() {
        let flags = List(missing.iter().map(|flag| flag.to_string()).collect());
        eprintln!("{}", Init::MissingFlags { flags }.text(lang));
        eprintln!("{}", Init::Example.text(lang));
        return None;
    }
    let value = |v: &Option<String>| v.as_deref().unwrap_or_default().trim().to_string();
    Some(site(
        args,
        value(&args.unit),
        value(&args.city),
        value(&args.region),
        value(&args.base_url),
    ))
}

/// The site from the flags, asking in the terminal for what they do not give.
fn ask(args: &Args, lang: Lang) -> Option<NewSite> {
    let ask = Asker { lang };
    println!("{}", Init::Welcome.text(lang));
    let unit = given_or(&args.unit, || ask.text(Init::AskUnit, None))?;
    let kind = given_or(&args.kind, || ask.kind(guess_kind(&unit)))?;
    let class_guess = guess_class(&unit).unwrap_or_default();
    let class = given_or(&args.class, || ask.text(Init::AskClass, Some(&class_guess)))?;
    let city = given_or(&args.city, || ask.text(Init::AskCity, None))?;
    let region = given_or(&args.region, || ask.text(Init::AskRegion, None))?;
    let title_id = given_or(&args.title_id, || {
        ask.text(Init::AskTitleId, Some(&format!("Etalase {unit}")))
    })?;
    let title_en = given_or(&args.title_en, || {
        ask.text(Init::AskTitleEn, Some(&format!("{unit} Showcase")))
    })?;
    let base_url = given_or(&args.base_url, || ask.base_url())?;
    let mut site = site(args, unit, city, region, base_url);
    site.title_id = title_id;
    site.title_en = title_en;
    site.unit.kind = UnitKind::from_key(&kind).unwrap_or(site.unit.kind);
    site.unit.class = Some(class).filter(|c| !c.is_empty() && c != "-");
    Some(site)
}

/// Questions in the terminal, in the reader's language.
struct Asker {
    lang: Lang,
}

impl Asker {
    fn text(&self, question: Init, suggestion: Option<&str>) -> Option<String> {
        prompt(&question.text(self.lang), suggestion)
    }

    /// A unit type, asked again until it is one of the known ones.
    fn kind(&self, guess: UnitKind) -> Option<String> {
        loop {
            let answer = self.text(Init::AskKind, Some(guess.key()))?;
            if UnitKind::from_key(&answer).is_some() {
                return Some(answer);
            }
            let values = List(UnitKind::ALL.map(|kind| kind.key().to_string()).to_vec());
            println!("{}", Init::ChooseOne { values }.text(self.lang));
        }
    }

    /// The site's address, asked again until it is an absolute web address.
    fn base_url(&self) -> Option<String> {
        loop {
            let answer = self.text(Init::AskBaseUrl, None)?;
            if crate::web_url::check(&answer).is_ok() {
                return Some(answer);
            }
            println!("{}", Init::WriteFullAddress.text(self.lang));
        }
    }
}

fn given_or(given: &Option<String>, ask: impl FnOnce() -> Option<String>) -> Option<String> {
    match given {
        Some(value) if !value.trim().is_empty() => Some(value.trim().to_string()),
        _ => ask(),
    }
}

/// Asks until an answer (or the suggestion) is given; `None` when input ends.
fn prompt(question: &str, suggestion: Option<&str>) -> Option<String> {
    loop {
        match suggestion {
            Some(s) if !s.is_empty() => print!("{question} [{s}]: "),
            _ => print!("{question}: "),
        }
        let _ = std::io::stdout().flush();
        let mut line = String::new();
        if std::io::stdin().lock().read_line(&mut line).ok()? == 0 {
            return None;
        }
        let answer = line.trim();
        match (answer.is_empty(), suggestion) {
            (false, _) => return Some(answer.to_string()),
            (true, Some(s)) => return Some(s.to_string()),
            (true, None) => {}
        }
    }
}

/// The site from the values given; titles, type and class from the flags or guessed.
fn site(args: &Args, unit: String, city: String, region: String, base_url: String) -> NewSite {
    let kind = args
        .kind
        .as_deref()
        .and_then(UnitKind::from_key)
        .unwrap_or_else(|| guess_kind(&unit));
    NewSite {
        title_id: args.title_id.clone().unwrap_or_else(|| format!("Etalase {unit}")),
        title_en: args.title_en.clone().unwrap_or_else(|| format!("{unit} Showcase")),
        base_url,
        unit: NewUnit {
            kind,
            class: args.class.clone().or_else(|| guess_class(&unit)),
            name: unit,
            city,
            region,
        },
    }
}

fn report(dir: &std::path::Path, created: &crate::init::Created, lang: Lang) {
    for file in &created.written {
        println!(
            "{}",
            Init::CreatedFile {
                path: Shown(file.clone())
            }
            .text(lang)
        );
    }
    for file in &created.kept {
        println!(
            "{}",
            Init::KeptFile {
                path: Shown(file.clone())
            }
            .text(lang)
        );
    }
    let cd = if dir == std::path::Path::new(".") {
        String::new()
    } else {
        format!("cd \"{}\" && ", dir.display())
    };
    let command = format!("{cd}etalase serve");
    println!("{}", Init::Ready { command }.text(lang));
}
