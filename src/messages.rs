//! The message catalogue. Diagnostics are written in English where they are raised; this is
//! the one place that turns them into Indonesian for writers who read Indonesian
//! (`--lang id`, or a locale such as `LANG=id_ID.UTF-8`). A pattern's `{}` stands for a value
//! (a file name, an id, a number) that is carried over unchanged.

/// The language of messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    En,
    Id,
}

impl Lang {
    /// `flag` (`id` or `en`) when given, else the user's locale, else English.
    pub fn detect(flag: Option<&str>) -> Lang {
        let from_env = || {
            ["LC_ALL", "LC_MESSAGES", "LANG"]
                .iter()
                .filter_map(|key| std::env::var(key).ok())
                .find(|value| !value.is_empty())
        };
        match flag.map(String::from).or_else(from_env) {
            Some(value) if value.starts_with("id") || value.starts_with("in_") => Lang::Id,
            _ => Lang::En,
        }
    }

    pub fn word(self, english: &'static str) -> &'static str {
        match self {
            Lang::En => english,
            Lang::Id => match english {
                "error" => "kesalahan",
                "warning" => "peringatan",
                "hint" => "saran",
                "errors" => "kesalahan",
                "warnings" => "peringatan",
                other => other,
            },
        }
    }
}

/// English pattern → Indonesian pattern.
const INDONESIAN: &[(&str, &str)] = &[
    // Content and references
    ("unknown unit `{}`", "unit `{}` tidak dikenal"),
    ("unknown parent unit `{}`", "kantor induk `{}` tidak dikenal"),
    ("unknown product `{}`", "produk `{}` tidak dikenal"),
    ("unknown programme tag `{}`", "tag program `{}` tidak dikenal"),
    ("unknown category `{}`", "kategori `{}` tidak dikenal"),
    ("`{}` is not a date", "`{}` bukan tanggal"),
    ("`{}` is not a time of day", "`{}` bukan jam"),
    ("`{}` is not a phone number", "`{}` bukan nomor telepon"),
    ("`{}` is not a web address", "`{}` bukan alamat web"),
    (
        "the image `{}` has no alt text",
        "gambar `{}` tidak punya teks alternatif (alt)",
    ),
    (
        "the image path `{}` leaves the media folder",
        "alamat gambar `{}` keluar dari folder media",
    ),
    (
        "the image `{}` is not in content/media/",
        "gambar `{}` tidak ada di content/media/",
    ),
    (
        "the slug `{}` cannot be used in a URL",
        "slug `{}` tidak bisa dipakai di alamat web",
    ),
    (
        "the file name cannot be used in a URL",
        "nama file tidak bisa dipakai di alamat web",
    ),
    (
        "the term id `{}` cannot be used in a URL",
        "id istilah `{}` tidak bisa dipakai di alamat web",
    ),
    (
        "the term id `{}` is declared twice",
        "id istilah `{}` dideklarasikan dua kali",
    ),
    ("the language `{}` is not configured", "bahasa `{}` belum diatur"),
    (
        "the language `{}` in the file name is not configured",
        "bahasa `{}` pada nama file belum diatur",
    ),
    (
        "another file already writes the page {}",
        "file lain sudah menulis halaman {}",
    ),
    ("the title is empty", "judul kosong"),
    (
        "the summary is longer than {} characters",
        "ringkasan lebih dari {} karakter",
    ),
    ("the summary has {} characters", "ringkasan berisi {} karakter"),
    ("the file is empty", "file kosong"),
    ("the file is not valid UTF-8 text", "file bukan teks UTF-8 yang sah"),
    (
        "the front matter is missing",
        "front matter (bagian --- di awal) tidak ada",
    ),
    ("the front matter is not closed", "front matter belum ditutup"),
    ("expected a .{} file here", "di sini seharusnya file .{}"),
    ("the content folder is missing", "folder content tidak ada"),
    (
        "the site configuration file is missing",
        "file pengaturan situs tidak ada",
    ),
    ("no version in {}", "belum ada versi dalam bahasa {}"),
    (
        "this translation is dated before its source",
        "tanggal terjemahan ini lebih awal daripada naskah aslinya",
    ),
    ("the link {} leads nowhere", "tautan {} tidak menuju halaman mana pun"),
    ("the file already exists", "file sudah ada"),
    (
        "the heading attributes `{}` are left out",
        "atribut judul `{}` diabaikan",
    ),
    ("`{}` is not an e-mail address", "`{}` bukan alamat e-mail"),
    ("`{}` is not an absolute URL", "`{}` bukan alamat web lengkap"),
    (
        "a unit cannot be its own parent office",
        "unit tidak bisa menjadi kantor induknya sendiri",
    ),
    ("the parent offices loop: {}", "kantor induk berputar: {}"),
    (
        "the SVG image contains {}, which could run a script",
        "gambar SVG memuat {}, yang bisa menjalankan skrip",
    ),
    ("the SVG image cannot be read: {}", "gambar SVG tidak bisa dibaca: {}"),
    (
        "the text holds an invisible control character",
        "teks memuat karakter kontrol yang tidak terlihat",
    ),
    (
        "a symbolic link is not followed; the file is left out",
        "tautan simbolik tidak diikuti; file ini tidak dipakai",
    ),
    (
        "this name differs from {} only in capital letters",
        "nama ini hanya berbeda huruf besar-kecil dari {}",
    ),
    ("the theme `{}` is not in {}", "tema `{}` tidak ada di {}"),
    ("the folder already holds a site", "folder ini sudah berisi situs"),
    // serde-saphyr's own wording
    (
        "unknown field `{}`, expected one of {}",
        "kunci `{}` tidak dikenal; kunci yang sah: {}",
    ),
    ("missing field `{}`", "kunci `{}` belum diisi"),
    ("invalid u64", "bukan bilangan bulat"),
    ("while scanning a plain scalar, found a tab", "ada karakter tab"),
    (
        "tabs disallowed within this context (block indentation)",
        "ada karakter tab di indentasi",
    ),
    ("unclosed quote", "tanda kutip belum ditutup"),
    (
        "duplicate mapping key `{}` is not allowed here",
        "kunci `{}` ditulis dua kali",
    ),
    (
        "unknown variant `{}`, expected one of {}",
        "nilai `{}` tidak dikenal; nilai yang sah: {}",
    ),
    (
        "mapping values are not allowed in this context",
        "titik dua (:) di tempat yang salah; periksa indentasi",
    ),
    (
        "illegal placement of ':' indicator",
        "titik dua (:) di tempat yang salah",
    ),
    // Hints
    ("did you mean `{}`?", "mungkin maksudnya `{}`?"),
    ("valid values: {}", "nilai yang sah: {}"),
    ("there is nothing to refer to yet", "belum ada yang bisa dirujuk"),
    ("valid values include: {}", "nilai yang sah antara lain: {}"),
    (
        "units are the file names in content/units/",
        "unit adalah nama file di content/units/",
    ),
    (
        "products are the file names in content/products/",
        "produk adalah nama file di content/products/",
    ),
    (
        "tags are the term ids in content/vocabularies/",
        "tag adalah id istilah di content/vocabularies/",
    ),
    (
        "categories are declared in etalase.yaml",
        "kategori diatur di etalase.yaml",
    ),
    ("check the spelling of the key", "periksa ejaan kunci"),
    ("write each key once", "tulis setiap kunci satu kali saja"),
    ("use one of the values listed", "pakai salah satu nilai yang tercantum"),
    (
        "check the spelling of the key; docs/reference.md of Etalase lists every key",
        "periksa ejaan kunci; docs/reference.md Etalase memuat semua kunci",
    ),
    (
        "add the key and its value; docs/reference.md of Etalase shows a complete example",
        "tambahkan kunci dan nilainya; docs/reference.md Etalase memuat contoh lengkap",
    ),
    (
        "YAML indents with spaces only: replace the tab with spaces",
        "YAML hanya memakai spasi untuk indentasi: ganti tab dengan spasi",
    ),
    (
        "close the quote at the end of the value",
        "tutup tanda kutip di akhir nilai",
    ),
    (
        "write whole rupiah without dots or commas, e.g. 25000 (YAML reads 25.000 as 25.0)",
        "tulis rupiah tanpa titik atau koma, misalnya 25000 (YAML membaca 25.000 sebagai 25,0)",
    ),
    (
        "check the indentation: keys of one block start in the same column",
        "periksa indentasi: kunci dalam satu blok mulai di kolom yang sama",
    ),
    (
        "write the date as YYYY-MM-DD, e.g. 2025-11-19 for 19 November 2025",
        "tulis tanggal sebagai TTTT-BB-HH, misalnya 2025-11-19 untuk 19 November 2025",
    ),
    (
        "write the time as \"HH:MM\" in quotes, e.g. \"09:30\"",
        "tulis jam sebagai \"JJ:MM\" dalam tanda kutip, misalnya \"09:30\"",
    ),
    (
        "describe what the picture shows in `alt`, for readers who cannot see it",
        "jelaskan isi gambar di `alt`, untuk pembaca yang tidak bisa melihatnya",
    ),
    (
        "write the file name as it is in content/media/, e.g. `tempe.jpg`",
        "tulis nama file seperti di content/media/, misalnya `tempe.jpg`",
    ),
    (
        "put the photo in content/media/ or correct the name",
        "taruh foto di content/media/ atau perbaiki namanya",
    ),
    (
        "use lowercase letters, digits and hyphens, e.g. `{}`",
        "pakai huruf kecil, angka dan tanda hubung, misalnya `{}`",
    ),
    (
        "rename the file with lowercase letters, digits and hyphens only, e.g. gula-semut-jahe-merah.yaml",
        "ganti nama file hanya dengan huruf kecil, angka dan tanda hubung, misalnya gula-semut-jahe-merah.yaml",
    ),
    (
        "{} has the same URL; give one of them another file name or `slug`",
        "{} memakai alamat yang sama; beri salah satunya nama file atau `slug` lain",
    ),
    (
        "write the headline after `title:`",
        "tulis judul berita setelah `title:`",
    ),
    (
        "keep the summary to one or two sentences; the story itself goes below the front matter",
        "cukup satu atau dua kalimat ringkasan; isi berita ditulis di bawah front matter",
    ),
    (
        "add a line `---` after the last field, before the text of the story",
        "tambahkan baris `---` setelah kunci terakhir, sebelum isi berita",
    ),
    (
        "start the file with a line `---`, then the fields (title, date, …), then a line `---`, then the text",
        "awali file dengan baris `---`, lalu kunci (title, date, …), lalu baris `---`, lalu isi",
    ),
    (
        "save the file with UTF-8 encoding (in most editors: File → Save with Encoding → UTF-8)",
        "simpan file dengan pengodean UTF-8 (di kebanyakan editor: File → Save with Encoding → UTF-8)",
    ),
    (
        "add the language to etalase.yaml or remove this translation",
        "tambahkan bahasa itu di etalase.yaml atau hapus terjemahan ini",
    ),
    (
        "name the file <name>.<language>.md with a language listed in etalase.yaml",
        "beri nama file <nama>.<bahasa>.md dengan bahasa yang ada di etalase.yaml",
    ),
    (
        "write the number with its country code, e.g. \"+62 812-3456-7890\"",
        "tulis nomor dengan kode negara, misalnya \"+62 812-3456-7890\"",
    ),
    (
        "write the full address, starting with https://",
        "tulis alamat lengkap, diawali https://",
    ),
    (
        "search results show about {}; shorten it to one sentence",
        "hasil penelusuran menampilkan sekitar {}; persingkat menjadi satu kalimat",
    ),
    (
        "the item is published in the languages it has; add the translation when it is ready",
        "naskah terbit dalam bahasa yang tersedia; tambahkan terjemahan bila sudah siap",
    ),
    ("check it against {}", "bandingkan dengan {}"),
    (
        "a heading may carry only an anchor and classes, e.g. `## Cara memesan {#pesan}`",
        "judul hanya boleh diberi jangkar dan kelas, misalnya `## Cara memesan {#pesan}`",
    ),
    (
        "write the address as name@domain, e.g. humas@lapas-lahat.go.id",
        "tulis alamat sebagai nama@domain, misalnya humas@lapas-lahat.go.id",
    ),
    (
        "write it with its scheme, e.g. https://example.netlify.app",
        "tulis lengkap dengan skemanya, misalnya https://example.netlify.app",
    ),
    (
        "name the regional office the unit reports to, or remove `parent`",
        "tulis kantor wilayah atasan unit ini, atau hapus `parent`",
    ),
    (
        "a unit's parent is the office above it; remove `parent` from one of these units",
        "induk sebuah unit adalah kantor di atasnya; hapus `parent` dari salah satu unit ini",
    ),
    (
        "export the image again as plain SVG (in Inkscape: File → Save As → Plain SVG) or remove that part",
        "ekspor ulang gambar sebagai SVG biasa (di Inkscape: File → Save As → Plain SVG) atau hapus bagian itu",
    ),
    (
        "export the image again as plain SVG from the drawing program",
        "ekspor ulang gambar sebagai SVG biasa dari program gambarnya",
    ),
    (
        "delete it, or the escape (such as \\0 or \\x00) that writes it, and type the text again",
        "hapus karakter itu, atau kode (seperti \\0 atau \\x00) yang menuliskannya, lalu ketik ulang teksnya",
    ),
    (
        "delete it (it may have come with text pasted from another program) and type that part again",
        "hapus karakter itu (mungkin terbawa saat menempel teks dari program lain) lalu ketik ulang bagian itu",
    ),
    (
        "copy the file itself into the folder instead of linking to it",
        "salin file aslinya ke folder ini, jangan ditautkan",
    ),
    (
        "on Windows, macOS and many web hosts they are the same file: rename or delete one of them",
        "di Windows, macOS dan banyak hosting keduanya dianggap file yang sama: ganti nama atau hapus salah satunya",
    ),
    (
        "correct the link in the content or template that makes this page",
        "perbaiki tautan di konten atau templat halaman ini",
    ),
    (
        "set `theme` to the name of a folder in themes/, or to `default` for the built-in theme",
        "isi `theme` dengan nama folder di themes/, atau `default` untuk tema bawaan",
    ),
    (
        "preview it with `etalase serve`; init never overwrites a file",
        "lihat pratinjaunya dengan `etalase serve`; init tidak pernah menimpa file",
    ),
    ("`{}` gives no file name", "`{}` tidak menghasilkan nama file"),
    (
        "use a title with letters or digits",
        "pakai judul yang memuat huruf atau angka",
    ),
    (
        "choose another title, or edit the existing file",
        "pilih judul lain, atau sunting file yang sudah ada",
    ),
];

/// `text` in `lang`; parts joined by " — " are translated one by one. Text with no entry in
/// the catalogue stays as it is.
pub fn translate(text: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return text.to_string();
    }
    text.split(" — ").map(translate_part).collect::<Vec<_>>().join(" — ")
}

fn translate_part(text: &str) -> String {
    for (english, indonesian) in INDONESIAN {
        if let Some(values) = matches(english, text) {
            let mut out = String::new();
            let mut values = values.into_iter();
            let mut pieces = indonesian.split("{}").peekable();
            while let Some(piece) = pieces.next() {
                out.push_str(piece);
                if pieces.peek().is_some() {
                    out.push_str(values.next().unwrap_or_default());
                }
            }
            return out;
        }
    }
    text.to_string()
}

/// The values that fill the `{}` of `pattern` to give `text`, if it has that shape.
fn matches<'t>(pattern: &str, text: &'t str) -> Option<Vec<&'t str>> {
    let pieces: Vec<&str> = pattern.split("{}").collect();
    let mut rest = text.strip_prefix(pieces[0])?;
    let mut values = Vec::new();
    for (ix, piece) in pieces.iter().enumerate().skip(1) {
        let last = ix == pieces.len() - 1;
        let at = if !last {
            rest.find(piece)
        } else if piece.is_empty() {
            Some(rest.len())
        } else {
            rest.strip_suffix(piece).map(str::len)
        }?;
        values.push(&rest[..at]);
        rest = &rest[at + piece.len()..];
    }
    (rest.is_empty()).then_some(values)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn translates_messages_with_values() {
        assert_eq!(
            translate("unknown unit `lapas-x`", Lang::Id),
            "unit `lapas-x` tidak dikenal"
        );
        assert_eq!(
            translate(
                "did you mean `lapas-lahat`? — units are the file names in content/units/",
                Lang::Id
            ),
            "mungkin maksudnya `lapas-lahat`? — unit adalah nama file di content/units/"
        );
        assert_eq!(translate("unknown unit `x`", Lang::En), "unknown unit `x`");
        assert_eq!(translate("something new", Lang::Id), "something new");
        assert_eq!(translate("the file is empty", Lang::Id), "file kosong");
    }

    #[test]
    fn every_pattern_has_as_many_values_in_both_languages() {
        for (english, indonesian) in INDONESIAN {
            assert_eq!(
                english.matches("{}").count(),
                indonesian.matches("{}").count(),
                "{english}"
            );
        }
    }
}
