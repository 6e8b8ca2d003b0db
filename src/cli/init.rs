//! `etalase init`: starts a site for a unit or regional office. Values come from flags; in a
//! terminal, the missing ones are asked for (with a suggestion where one can be guessed).

use std::io::{BufRead, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use crate::content::model::UnitKind;
use crate::init::{NewSite, NewUnit, guess_class, guess_kind};
use crate::messages::Lang;

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
        eprintln!(
            "{} {}",
            match lang {
                Lang::Id => "Belum diisi:",
                Lang::En => "Missing:",
            },
            missing.join(", ")
        );
        eprintln!(
            "{}",
            match lang {
                Lang::Id =>
                    "Contoh: etalase init situs-lapas-lahat --unit \"Lapas Kelas IIA Lahat\" --city Lahat --region \"Sumatera Selatan\" --base-url https://lapas-lahat.netlify.app",
                Lang::En =>
                    "For example: etalase init situs-lapas-lahat --unit \"Lapas Kelas IIA Lahat\" --city Lahat --region \"Sumatera Selatan\" --base-url https://lapas-lahat.netlify.app",
            }
        );
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
    println!(
        "{}",
        ask.say(
            "Situs baru Etalase. Tekan Enter untuk memakai saran dalam [kurung].",
            "A new Etalase site. Press Enter to take the suggestion in [brackets]."
        )
    );
    let unit = given_or(&args.unit, || {
        ask.text(
            (
                "Nama unit (misalnya Lapas Kelas IIA Lahat)",
                "Unit name (e.g. Lapas Kelas IIA Lahat)",
            ),
            None,
        )
    })?;
    let kind = given_or(&args.kind, || ask.kind(guess_kind(&unit)))?;
    let class_guess = guess_class(&unit).unwrap_or_default();
    let class = given_or(&args.class, || {
        ask.text(
            ("Kelas (tulis - bila tidak ada)", "Class (write - if none)"),
            Some(&class_guess),
        )
    })?;
    let city = given_or(&args.city, || ask.text(("Kota", "City"), None))?;
    let region = given_or(&args.region, || {
        ask.text(("Provinsi atau wilayah", "Province or region"), None)
    })?;
    let title_id = given_or(&args.title_id, || {
        ask.text(
            ("Judul situs (bahasa Indonesia)", "Site title in Indonesian"),
            Some(&format!("Etalase {unit}")),
        )
    })?;
    let title_en = given_or(&args.title_en, || {
        ask.text(
            ("Judul situs (bahasa Inggris)", "Site title in English"),
            Some(&format!("{unit} Showcase")),
        )
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
    fn say(&self, id: &str, en: &str) -> String {
        match self.lang {
            Lang::Id => id.to_string(),
            Lang::En => en.to_string(),
        }
    }

    fn text(&self, (id, en): (&str, &str), suggestion: Option<&str>) -> Option<String> {
        prompt(&self.say(id, en), suggestion)
    }

    /// A unit type, asked again until it is one of the known ones.
    fn kind(&self, guess: UnitKind) -> Option<String> {
        loop {
            let answer = self.text(("Jenis unit", "Unit type"), Some(guess.key()))?;
            if UnitKind::from_key(&answer).is_some() {
                return Some(answer);
            }
            let known = UnitKind::ALL.map(UnitKind::key).join(", ");
            println!("{}: {known}", self.say("Pilih salah satu", "Choose one of"));
        }
    }

    /// The site's address, asked again until it is an absolute web address.
    fn base_url(&self) -> Option<String> {
        loop {
            let answer = self.text(
                (
                    "Alamat situs (misalnya https://lapas-lahat.netlify.app)",
                    "Site address (e.g. https://lapas-lahat.netlify.app)",
                ),
                None,
            )?;
            if crate::web_url::check(&answer).is_ok() {
                return Some(answer);
            }
            println!(
                "{}",
                self.say(
                    "Tulis alamat lengkap, diawali https://",
                    "Write the full address, starting with https://"
                )
            );
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
        match lang {
            Lang::Id => println!("Dibuat   {}", file.display()),
            Lang::En => println!("Created  {}", file.display()),
        }
    }
    for file in &created.kept {
        match lang {
            Lang::Id => println!("Dibiarkan {} (sudah ada)", file.display()),
            Lang::En => println!("Kept     {} (it was already there)", file.display()),
        }
    }
    let cd = if dir == std::path::Path::new(".") {
        String::new()
    } else {
        format!("cd \"{}\" && ", dir.display())
    };
    match lang {
        Lang::Id => println!(
            "\nSitus siap. Pratinjau: {cd}etalase serve\nContoh berita dan produk berstatus draft; ubah atau hapus sebelum terbit."
        ),
        Lang::En => println!(
            "\nThe site is ready. Preview it: {cd}etalase serve\nThe example story and product are drafts; edit or delete them before publishing."
        ),
    }
}
