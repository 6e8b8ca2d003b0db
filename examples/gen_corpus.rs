//! Writes a synthetic Etalase site for benchmarks: N press releases per language (Indonesian
//! and English twins), M products, 40 units, with programme tags, awards and product links.
//!
//! `cargo run --release --example gen_corpus -- <dir> <news per language> <products>`

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// A small deterministic generator, so that every run writes the same site.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, below: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((self.0 >> 33) % below as u64) as usize
    }
}

const UNITS: usize = 40;
const WORDS: &[&str] = &[
    "warga",
    "binaan",
    "pembinaan",
    "kemandirian",
    "produk",
    "unggulan",
    "lapas",
    "rutan",
    "pelatihan",
    "kerajinan",
    "songket",
    "tempe",
    "roti",
    "gula",
    "semut",
    "jahe",
    "merah",
    "pasar",
    "mitra",
    "kualitas",
    "ketahanan",
    "pangan",
];

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(dir), Some(news), Some(products)) = (args.get(1), args.get(2), args.get(3)) else {
        eprintln!("usage: gen_corpus <dir> <news per language> <products>");
        std::process::exit(2);
    };
    let dir = PathBuf::from(dir);
    let (news, products): (usize, usize) = (news.parse()?, products.parse()?);
    if dir.exists() {
        fs::remove_dir_all(&dir)?;
    }
    let repo = Path::new(env!("CARGO_MANIFEST_DIR"));
    copy_dir(&repo.join("themes/default"), &dir.join("themes/default"))?;
    fs::copy(repo.join("etalase.yaml"), dir.join("etalase.yaml"))?;
    let media = dir.join("content/media");
    fs::create_dir_all(&media)?;
    fs::write(
        media.join("foto.svg"),
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"800\"><title>Foto ilustrasi</title></svg>",
    )?;
    let mut rng = Lcg(42);
    write_units(&dir)?;
    write_products(&dir, products, &mut rng)?;
    write_news(&dir, news, products, &mut rng)?;
    println!(
        "wrote {} with {news} stories per language and {products} products",
        dir.display()
    );
    Ok(())
}

fn sentence(rng: &mut Lcg, words: usize) -> String {
    let mut s: Vec<&str> = (0..words).map(|_| WORDS[rng.next(WORDS.len())]).collect();
    let first = s[0].to_string();
    let capital = first[..1].to_uppercase() + &first[1..];
    s[0] = &capital;
    format!("{}.", s.join(" "))
}

fn programs(rng: &mut Lcg) -> String {
    let a = 1 + rng.next(8);
    let b = 1 + rng.next(8);
    if a == b {
        format!("[ac-{a}]")
    } else {
        format!("[ac-{a}, ac-{b}]")
    }
}

fn write_units(dir: &Path) -> std::io::Result<()> {
    let units = dir.join("content/units");
    fs::create_dir_all(&units)?;
    fs::write(
        units.join("kanwil.yaml"),
        "name: Kanwil Ditjenpas Contoh\ntype: kanwil\ncity: Palembang\nregion: Sumatera Selatan\n",
    )?;
    for u in 0..UNITS {
        fs::write(
            units.join(format!("unit-{u}.yaml")),
            format!(
                "name: Lapas Kelas IIA Contoh {u}\ntype: lapas\nclass: IIA\ncity: Kota {u}\nregion: Sumatera Selatan\nparent: kanwil\n"
            ),
        )?;
    }
    Ok(())
}

fn write_products(dir: &Path, count: usize, rng: &mut Lcg) -> std::io::Result<()> {
    let products = dir.join("content/products");
    fs::create_dir_all(&products)?;
    let categories = ["pangan", "wastra", "kriya"];
    for p in 0..count {
        let sheet = format!(
            "name: {{ id: Produk Contoh {p}, en: Sample Product {p} }}\nunit: unit-{}\ncategory: {}\nfeatured: {}\n\
             description:\n  id: {}\n  en: {}\nprice: {{ amount: {}, per: {{ id: per kemasan, en: per pack }} }}\n\
             images:\n  - {{ src: foto.svg, alt: {{ id: Foto produk {p}, en: Photo of product {p} }} }}\nprograms: {}\n",
            rng.next(UNITS),
            categories[rng.next(3)],
            p % 10 == 0,
            sentence(rng, 24),
            sentence(rng, 24),
            1000 * (5 + rng.next(200)),
            programs(rng),
        );
        fs::write(products.join(format!("produk-{p}.yaml")), sheet)?;
    }
    Ok(())
}

fn write_news(dir: &Path, count: usize, products: usize, rng: &mut Lcg) -> std::io::Result<()> {
    let news = dir.join("content/news");
    fs::create_dir_all(&news)?;
    for n in 0..count {
        let date = format!("20{:02}-{:02}-{:02}", 20 + n % 6, 1 + n % 12, 1 + n % 28);
        let unit = rng.next(UNITS);
        let tags = programs(rng);
        let product = if products > 0 {
            format!("products: [produk-{}]\n", rng.next(products))
        } else {
            String::new()
        };
        let award = if n % 25 == 0 {
            "award: { name: Penghargaan Contoh, giver: Kanwil Contoh }\n"
        } else {
            ""
        };
        for lang in ["id", "en"] {
            let mut body = String::new();
            for _ in 0..6 {
                let _ = writeln!(body, "{}\n", sentence(rng, 40));
            }
            let story = format!(
                "---\ntitle: Berita contoh nomor {n} ({lang})\ndate: {date}\nunit: unit-{unit}\nsummary: {}\nprograms: {tags}\n\
                 {product}{award}image: {{ src: foto.svg, alt: Foto kegiatan {n} }}\n---\n## Kegiatan\n\n{body}",
                sentence(rng, 14),
            );
            fs::write(news.join(format!("{date}-berita-{n}.{lang}.md")), story)?;
        }
    }
    Ok(())
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    fs::create_dir_all(to)?;
    for entry in fs::read_dir(from)? {
        let entry = entry?;
        let target = to.join(entry.file_name());
        if entry.file_type()?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            fs::copy(entry.path(), target)?;
        }
    }
    Ok(())
}
