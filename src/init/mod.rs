//! `etalase init`: a new site for one unit or regional office — its configuration, the unit's
//! profile, an example story and product (drafts, marked as examples), editor schemas and
//! settings, Netlify's settings, the GitHub workflows that check and publish it, and a README
//! and guide for the writers. It builds and checks clean at once (the default theme is built
//! into the program), and never overwrites a file.

use std::fs::OpenOptions;
use std::io::Write;
use std::path::{Path, PathBuf};

use crate::config::CONFIG_FILE;
use crate::error::{Diagnostic, Error, IoContext};
use crate::kinds::units::UnitKind;
use crate::messages::{Config as Problem, Init, Output};
use crate::scaffold::slugify;

/// What the writer told `init` about the new site.
#[derive(Debug, Clone)]
pub struct NewSite {
    /// The site's title in Indonesian and in English.
    pub title_id: String,
    pub title_en: String,
    /// Where the site will be published.
    pub base_url: String,
    pub unit: NewUnit,
}

/// The first unit (or regional office) of the site.
#[derive(Debug, Clone)]
pub struct NewUnit {
    pub name: String,
    pub kind: UnitKind,
    pub class: Option<String>,
    pub city: String,
    pub region: String,
}

/// The files `init` wrote, and those it found already there and left alone.
#[derive(Debug, Default)]
pub struct Created {
    pub written: Vec<PathBuf>,
    pub kept: Vec<PathBuf>,
}

/// The workflow files a new site gets, by their path in the site (also linted by `.ci/run`).
pub const WORKFLOWS: &[(&str, &str)] = &[
    (
        ".github/workflows/periksa.yml",
        include_str!("files/workflows/periksa.yml"),
    ),
    (
        ".github/workflows/github-pages.yml",
        include_str!("files/workflows/github-pages.yml"),
    ),
];

/// The writers' guide, copied into every new site.
pub const GUIDE: &str = include_str!("../../docs/panduan-penulis.md");

/// Writes the new site into `dir` (created when missing). A folder that already holds a site
/// is refused; any other file already there is kept as it is.
pub fn create(dir: &Path, site: &NewSite) -> Result<Created, Error> {
    if dir.join(CONFIG_FILE).exists() {
        return Err(Diagnostic::new(CONFIG_FILE, Init::SiteExists)
            .with_hint(Init::HintSiteExists)
            .into());
    }
    let files = files(site, today())?;
    let mut created = Created::default();
    for (path, text) in files {
        let full = dir.join(&path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent).io(Output::CannotCreate, parent)?;
        }
        match OpenOptions::new().write(true).create_new(true).open(&full) {
            Ok(mut file) => {
                file.write_all(text.as_bytes()).io(Output::CannotWrite, &full)?;
                created.written.push(path);
            }
            Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => created.kept.push(path),
            Err(err) => return Err(err).io(Output::CannotWrite, &full),
        }
    }
    Ok(created)
}

/// Every file of the new site: (path in the site, text).
pub fn files(site: &NewSite, today: jiff::civil::Date) -> Result<Vec<(PathBuf, String)>, Error> {
    crate::web_url::check(&site.base_url).map_err(|_| {
        Diagnostic::new(
            "--base-url",
            Problem::BaseUrlFlag {
                value: site.base_url.clone(),
            },
        )
        .with_hint(Problem::HintScheme)
    })?;
    let unit_id = slugify(&site.unit.name)?;
    let story = format!("{today}-contoh-berita");
    let mut files = vec![
        (CONFIG_FILE.to_string(), config(site)),
        (format!("content/units/{unit_id}.yaml"), unit(&site.unit)),
        (format!("content/news/{story}.id.md"), story_id(&unit_id, today)),
        (format!("content/news/{story}.en.md"), story_en()),
        ("content/products/contoh-produk.yaml".into(), product(&unit_id)),
        ("netlify.toml".into(), include_str!("files/netlify.toml").into()),
        (
            "package.json".into(),
            include_str!("files/package.json").replace("{{ETALASE_VERSION}}", env!("CARGO_PKG_VERSION")),
        ),
        (".gitignore".into(), include_str!("files/gitignore.txt").into()),
        (
            ".vscode/settings.json".into(),
            include_str!("files/vscode-settings.json").into(),
        ),
        (
            ".vscode/extensions.json".into(),
            include_str!("files/vscode-extensions.json").into(),
        ),
        (
            "README.md".into(),
            include_str!("files/README.md")
                .replace("{{TITLE_ID}}", &site.title_id)
                .replace("{{UNIT_ID}}", &unit_id),
        ),
        ("PANDUAN-PENULIS.md".into(), GUIDE.into()),
    ];
    files.extend(
        WORKFLOWS
            .iter()
            .map(|(path, text)| (path.to_string(), text.to_string())),
    );
    for (name, schema) in crate::kinds::schemas() {
        let text = serde_json::to_string_pretty(&schema).unwrap_or_default() + "\n";
        files.push((format!("{}/{name}", crate::schema::DEFAULT_DIR), text));
    }
    Ok(files
        .into_iter()
        .map(|(path, text)| (PathBuf::from(path), text))
        .collect())
}

/// Today in Western Indonesian Time, the zone a new site starts with.
fn today() -> jiff::civil::Date {
    let wib = jiff::tz::Offset::from_seconds(7 * 3600).unwrap_or(jiff::tz::Offset::UTC);
    jiff::Timestamp::now().to_zoned(jiff::tz::TimeZone::fixed(wib)).date()
}

/// The kind of unit its name starts with (`Lapas …`, `Rutan …`, `Kanwil …`), else `other`.
pub fn guess_kind(name: &str) -> UnitKind {
    UnitKind::guess(name)
}

/// The class written after `Kelas` in a unit's name (`Lapas Kelas IIA Lahat` → `IIA`).
pub fn guess_class(name: &str) -> Option<String> {
    crate::kinds::units::guess_class(name)
}

/// A YAML string: JSON's quoting is valid YAML and escapes everything that needs it.
fn quoted(text: &str) -> String {
    serde_json::to_string(text).unwrap_or_else(|_| "\"\"".to_string())
}

fn config(site: &NewSite) -> String {
    let unit = &site.unit.name;
    format!(
        "# Pengaturan situs; penjelasan setiap kunci ada di PANDUAN-PENULIS.md.\n\
         # Alamat situs yang terbit: dipakai untuk tautan kanonis, feed dan sitemap.\n\
         base_url: {base_url}\n\
         theme: default   # tema bawaan Etalase\n\
         title:\n  id: {title_id}\n  en: {title_en}\n\
         description:\n  id: {description_id}\n  en: {description_en}\n\
         timezone: {{ offset: \"+07:00\", label: WIB }}   # WITA: \"+08:00\", WIT: \"+09:00\"\n\
         news_per_page: 10\n\
         languages:\n\
         \x20 - code: id\n    name: Bahasa Indonesia\n    locale: id_ID\n\
         \x20   sections: {{ news: berita, products: produk, units: upt, awards: penghargaan, search: cari }}\n\
         \x20 - code: en\n    name: English\n    locale: en_US\n\
         \x20   sections: {{ news: news, products: products, units: units, awards: awards, search: search }}\n\
         categories:   # kategori produk, berurutan\n\
         \x20 pangan: {{ id: Pangan, en: Food }}\n\
         \x20 wastra: {{ id: Wastra, en: Textiles }}\n\
         \x20 kriya: {{ id: Kriya, en: Handicrafts }}\n",
        base_url = quoted(site.base_url.trim()),
        title_id = quoted(&site.title_id),
        title_en = quoted(&site.title_en),
        description_id = quoted(&format!("Berita dan produk {unit}.")),
        description_en = quoted(&format!("News and products of {unit}.")),
    )
}

fn unit(unit: &NewUnit) -> String {
    let class = match &unit.class {
        Some(class) => format!("class: {}\n", quoted(class)),
        None => "# class: IIA\n".to_string(),
    };
    format!(
        "# Profil unit. Nama dalam bahasa Inggris: name: {{ id: …, en: … }}\n\
         name: {name}\n\
         type: {kind}   # kanwil, lapas, lpp, rutan, cabrutan, lpka, bapas, other\n\
         {class}city: {city}\nregion: {region}\n\
         # address: Jalan …\n\
         # contact: {{ phone: \"+62 …\", email: humas@…, website: https://… }}\n\
         # parent: kanwil-…   # kantor wilayah atasan, bila profilnya ada di content/units/\n\
         # description: {{ id: …, en: … }}\n",
        name = quoted(&unit.name),
        kind = unit.kind.key(),
        city = quoted(&unit.city),
        region = quoted(&unit.region),
    )
}

fn story_id(unit_id: &str, date: jiff::civil::Date) -> String {
    format!(
        "---\n\
         # CONTOH: berita ini hanya contoh dan tidak terbit (draft: true). Ganti isinya lalu tulis\n\
         # draft: false, atau hapus file ini. Terjemahannya: file bernama sama berakhiran .en.md\n\
         title: \"Contoh: Judul Berita Ditulis di Sini\"\n\
         date: {date}\n\
         # time: \"09:00\"   # jam setempat, boleh dihapus\n\
         unit: {unit_id}\n\
         summary: Contoh ringkasan, satu atau dua kalimat untuk daftar berita dan hasil penelusuran.\n\
         programs: []   # tag program Asta Cita, misalnya [ac-3, ac-6]\n\
         # products: [contoh-produk]   # produk yang disebut dalam berita\n\
         # image: {{ src: foto.jpg, alt: Jelaskan isi foto }}   # foto di content/media/\n\
         draft: true\n\
         ---\n\
         KOTA — Ini contoh isi berita. Paragraf pertama menjawab apa, siapa, kapan dan di mana.\n\n\
         Paragraf berikutnya memberi rincian dan kutipan. **Tebal**, daftar dan tautan ditulis\n\
         dengan Markdown; PANDUAN-PENULIS.md memuat contohnya.\n"
    )
}

fn story_en() -> String {
    "---\n\
     # EXAMPLE (contoh): the English version of the example story; a draft, not published. It\n\
     # takes the date, unit, programs, products, photo and award from the .id.md file.\n\
     title: \"Example: The Headline Goes Here\"\n\
     summary: An example summary, one or two sentences for news lists and search results.\n\
     draft: true\n\
     ---\n\
     CITY — This is an example story. The first paragraph says what, who, when and where.\n"
        .to_string()
}

fn product(unit_id: &str) -> String {
    format!(
        "# CONTOH: produk ini hanya contoh dan tidak terbit (draft: true). Ganti isinya lalu tulis\n\
         # draft: false, atau hapus file ini. Foto produk ditaruh di content/media/.\n\
         name: {{ id: Contoh Produk, en: Example Product }}\n\
         unit: {unit_id}\n\
         category: pangan   # pangan, wastra atau kriya (lihat etalase.yaml)\n\
         featured: false    # true: produk unggulan\n\
         description:\n\
         \x20 id: Contoh deskripsi produk. Ceritakan bahan, cara membuat dan siapa yang membuatnya.\n\
         \x20 en: An example product description. Tell what it is made of, how and by whom.\n\
         price: {{ amount: 25000, per: {{ id: per bungkus, en: per pack }} }}   # rupiah tanpa titik\n\
         images: []   # - {{ src: foto.jpg, alt: {{ id: Jelaskan isi foto, en: Describe the photo }} }}\n\
         programs: []\n\
         order: {{ whatsapp: \"0812-0000-0000\" }}   # nomor contoh: tulis nomor pemesanan UPT\n\
         example: true   # harga dan kanal pemesanan bertanda \"contoh\"; hapus baris ini\n\
         certifications: []   # misalnya [P-IRT, Halal]\n\
         draft: true\n"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn guesses_the_kind_and_class_from_the_name() {
        assert_eq!(guess_kind("Lapas Kelas IIA Lahat"), UnitKind::Lapas);
        assert_eq!(
            guess_kind("Kantor Wilayah Ditjenpas Sumatera Selatan"),
            UnitKind::Kanwil
        );
        assert_eq!(guess_kind("Balai Pemasyarakatan"), UnitKind::Other);
        assert_eq!(guess_class("Rutan Kelas IIB Muara Enim").as_deref(), Some("IIB"));
        assert_eq!(guess_class("Lapas Perempuan Palembang"), None);
    }
}
