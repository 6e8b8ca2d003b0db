//! The messages writers meet in their files: what is wrong (codes E…, warnings W…) and how to
//! fix it (hints, codes H…), in English and Indonesian.

use super::{Choices, List, Path, messages};

messages! {
    /// Reading files: encodings, front matter, folders.
    pub enum Content {
        FileEmpty = "E101",
            en: "the file is empty",
            id: "file kosong";
        NotUtf8 = "E102",
            en: "the file is not valid UTF-8 text",
            id: "file bukan teks UTF-8 yang sah";
        ControlCharacter = "E103",
            en: "the text holds an invisible control character",
            id: "teks memuat karakter kontrol yang tidak terlihat";
        FrontMatterMissing = "E104",
            en: "the front matter is missing",
            id: "front matter (bagian --- di awal) tidak ada";
        FrontMatterNotClosed = "E105",
            en: "the front matter is not closed",
            id: "front matter belum ditutup";
        WrongExtension { expected: String } = "E106",
            en: "expected a .{expected} file here",
            id: "di sini seharusnya file .{expected}";
        ContentFolderMissing = "E107",
            en: "the content folder is missing",
            id: "folder content tidak ada";
        ConfigMissing = "E108",
            en: "the site configuration file is missing",
            id: "file pengaturan situs tidak ada";
        LanguageInFileName { code: String } = "E109",
            en: "the language `{code}` in the file name is not configured",
            id: "bahasa `{code}` pada nama file belum diatur";
        CannotRead { detail: String } = "E110",
            en: "cannot read the file: {detail}",
            id: "file tidak bisa dibaca: {detail}";
        CaseTwin { other: Path } = "E111",
            en: "this name differs from {other} only in capital letters",
            id: "nama ini hanya berbeda huruf besar-kecil dari {other}";
        SkippedLink = "W112",
            en: "a symbolic link is not followed; the file is left out",
            id: "tautan simbolik tidak diikuti; file ini tidak dipakai";
        ThemeMissing { theme: String } = "E113",
            en: "the theme `{theme}` is not in themes/",
            id: "tema `{theme}` tidak ada di themes/";
        ThemeStringsMissing = "E114",
            en: "the theme has no strings for the first language",
            id: "tema belum punya teks antarmuka untuk bahasa pertama";
        HintSaveUtf8 = "H101",
            en: "save the file with UTF-8 encoding (in most editors: File → Save with Encoding → UTF-8)",
            id: "simpan file dengan pengodean UTF-8 (di kebanyakan editor: File → Save with Encoding → UTF-8)";
        HintDeleteControl = "H102",
            en: "delete it (it may have come with text pasted from another program) and type that part again",
            id: "hapus karakter itu (mungkin terbawa saat menempel teks dari program lain) lalu ketik ulang bagian itu";
        HintDeleteEscape = "H103",
            en: "delete it, or the escape (such as \\0 or \\x00) that writes it, and type the text again",
            id: "hapus karakter itu, atau kode (seperti \\0 atau \\x00) yang menuliskannya, lalu ketik ulang teksnya";
        HintFrontMatterShape = "H104",
            en: "start the file with a line `---`, then the fields (title, date, …), then a line `---`, then the text",
            id: "awali file dengan baris `---`, lalu kunci (title, date, …), lalu baris `---`, lalu isi";
        HintCloseFrontMatter = "H105",
            en: "add a line `---` after the last field, before the text of the story",
            id: "tambahkan baris `---` setelah kunci terakhir, sebelum isi berita";
        HintRenameExtension { expected: String } = "H106",
            en: "rename the file to end in .{expected}, or move it out of this folder",
            id: "ganti nama file agar berakhiran .{expected}, atau pindahkan dari folder ini";
        HintCreateContent = "H107",
            en: "create content/ with news/, products/, units/ in it (see the README)",
            id: "buat folder content/ berisi news/, products/, units/ (lihat README)";
        HintConfigMissing { path: Path } = "H108",
            en: "run etalase in the site folder, or pass --root; looked for {path}",
            id: "jalankan etalase di folder situs, atau pakai --root; yang dicari: {path}";
        HintNameLanguage = "H109",
            en: "name the file <name>.<language>.md with a language listed in etalase.yaml",
            id: "beri nama file <nama>.<bahasa>.md dengan bahasa yang ada di etalase.yaml";
        HintCopySheet = "H110",
            en: "copy an example sheet from docs/reference.md of Etalase and fill it in",
            id: "salin contoh dari docs/reference.md Etalase lalu isi";
        HintCaseTwin = "H111",
            en: "on Windows, macOS and many web hosts they are the same file: rename or delete one of them",
            id: "di Windows, macOS dan banyak hosting keduanya dianggap file yang sama: ganti nama atau hapus salah satunya";
        HintCopyNotLink = "H112",
            en: "copy the file itself into the folder instead of linking to it",
            id: "salin file aslinya ke folder ini, jangan ditautkan";
        HintThemeName = "H113",
            en: "set `theme` to the name of a folder in themes/, or to `default` for the built-in theme",
            id: "isi `theme` dengan nama folder di themes/, atau `default` untuk tema bawaan";
        HintThemeStrings = "H114",
            en: "every theme needs i18n/<first language>.yaml",
            id: "setiap tema memerlukan i18n/<bahasa pertama>.yaml";
    }
}

messages! {
    /// What the YAML reader finds, in plain words.
    pub enum Yaml {
        UnknownKey { key: String } = "E201",
            en: "unknown key `{key}`",
            id: "kunci `{key}` tidak dikenal";
        MissingKey { key: String } = "E202",
            en: "the key `{key}` is missing",
            id: "kunci `{key}` belum diisi";
        UnknownValue { value: String } = "E203",
            en: "`{value}` is not one of the values this key takes",
            id: "`{value}` bukan salah satu nilai yang bisa dipakai untuk kunci ini";
        DuplicateKey { key: String } = "E204",
            en: "the key `{key}` is written twice",
            id: "kunci `{key}` ditulis dua kali";
        Tab = "E205",
            en: "there is a tab character here",
            id: "ada karakter tab di sini";
        UnclosedQuote = "E206",
            en: "a quote is not closed",
            id: "tanda kutip belum ditutup";
        ColonInValue = "E207",
            en: "a colon followed by a space inside a value reads as a new key",
            id: "titik dua yang diikuti spasi di dalam nilai terbaca sebagai kunci baru";
        NotWholeNumber = "E208",
            en: "this must be a whole number",
            id: "isinya harus bilangan bulat";
        PriceWithDots = "E209",
            en: "the price must be a whole number of rupiah, written without dots",
            id: "harga harus ditulis dalam rupiah tanpa titik";
        WrongType { found: String, expected: String } = "E210",
            en: "expected {expected} here, found {found}",
            id: "di sini seharusnya {expected}, tetapi tertulis {found}";
        Indentation = "E211",
            en: "the indentation does not match the lines above",
            id: "indentasi tidak cocok dengan baris di atasnya";
        EndOfFile = "E212",
            en: "the text ends before a value is complete",
            id: "teks berakhir sebelum sebuah nilai selesai ditulis";
        Unreadable { detail: String } = "E213",
            en: "the YAML cannot be read: {detail}",
            id: "YAML tidak bisa dibaca: {detail}";
        TextAfterQuote = "E214",
            en: "the value starts with a quote, and text follows the closing quote",
            id: "nilai diawali tanda kutip, tetapi masih ada teks setelah tanda kutip penutup";
        FlowSeparator = "E215",
            en: "inside `{{ … }}` a value holds a colon followed by a space, or a comma is missing between two keys",
            id: "di dalam `{{ … }}` ada nilai yang memuat titik dua diikuti spasi, atau koma di antara dua kunci terlewat";
        HintSpellKey { keys: List } = "H201",
            en: "check the spelling of the key; the keys here are: {keys}",
            id: "periksa ejaan kunci; kunci yang ada di sini: {keys}";
        HintSpelling = "H211",
            en: "check the spelling of the key",
            id: "periksa ejaan kunci";
        HintAddKey = "H202",
            en: "add the key and its value; docs/reference.md of Etalase shows a complete example",
            id: "tambahkan kunci dan nilainya; docs/reference.md Etalase memuat contoh lengkap";
        HintUseValues { values: List } = "H203",
            en: "use one of: {values}",
            id: "pakai salah satu: {values}";
        HintWriteOnce = "H204",
            en: "write each key once",
            id: "tulis setiap kunci satu kali saja";
        HintSpaces = "H205",
            en: "YAML indents with spaces only: replace the tab with spaces",
            id: "YAML hanya memakai spasi untuk indentasi: ganti tab dengan spasi";
        HintCloseQuote = "H206",
            en: "close the quote at the end of the value",
            id: "tutup tanda kutip di akhir nilai";
        HintQuoteValue = "H207",
            en: "put the whole value in double quotes, e.g. title: \"Lapas Lahat: Panen Raya\"",
            id: "apit seluruh nilai dengan tanda kutip ganda, misalnya title: \"Lapas Lahat: Panen Raya\"";
        HintWholeRupiah = "H208",
            en: "write 25000 for Rp25.000: YAML reads 25.000 as the number 25",
            id: "tulis 25000 untuk Rp25.000: YAML membaca 25.000 sebagai angka 25";
        HintIndent = "H209",
            en: "keys of one block start in the same column; a list item starts with `- `",
            id: "kunci dalam satu blok dimulai di kolom yang sama; butir daftar diawali `- `";
        HintQuoteWhole = "H212",
            en: "put the whole value in quotes and write the quotes inside it as single ones, e.g. title: \"Lapas 'Hebat' Lahat: Panen\"",
            id: "apit seluruh nilai dengan tanda kutip, dan tulis tanda kutip di dalamnya sebagai kutip tunggal, misalnya title: \"Lapas 'Hebat' Lahat: Panen\"";
        HintFlowQuote = "H213",
            en: "put such a value in double quotes, e.g. name: {{ id: \"Gula Semut: Jahe Merah\", en: … }}, and separate the keys with commas",
            id: "apit nilai seperti itu dengan tanda kutip ganda, misalnya name: {{ id: \"Gula Semut: Jahe Merah\", en: … }}, dan pisahkan kunci dengan koma";
        HintComplete = "H210",
            en: "finish the value, or close the bracket or quote it opened",
            id: "lengkapi nilainya, atau tutup kurung atau tanda kutip yang sudah dibuka";
    }
}

messages! {
    /// Fields whose values cannot be used.
    pub enum Field {
        NotADate { value: String } = "E301",
            en: "`{value}` is not a date",
            id: "`{value}` bukan tanggal";
        NotATime { value: String } = "E302",
            en: "`{value}` is not a time of day",
            id: "`{value}` bukan jam";
        NotAPhone { value: String } = "E303",
            en: "`{value}` is not a phone number",
            id: "`{value}` bukan nomor telepon";
        NotAWebAddress { value: String } = "E304",
            en: "`{value}` is not a web address",
            id: "`{value}` bukan alamat web";
        NotAnEmail { value: String } = "E305",
            en: "`{value}` is not an e-mail address",
            id: "`{value}` bukan alamat e-mail";
        BadSlug { slug: String } = "E306",
            en: "the slug `{slug}` cannot be used in a URL",
            id: "slug `{slug}` tidak bisa dipakai di alamat web";
        BadFileName = "E307",
            en: "the file name cannot be used in a URL",
            id: "nama file tidak bisa dipakai di alamat web";
        LanguageNotConfigured { code: String } = "E308",
            en: "the language `{code}` is not configured",
            id: "bahasa `{code}` belum diatur";
        TitleEmpty = "E309",
            en: "the title is empty",
            id: "judul kosong";
        SummaryTooLong { max: usize } = "E310",
            en: "the summary is longer than {max} characters",
            id: "ringkasan lebih dari {max} karakter";
        HeadingAttributes { written: String } = "W311",
            en: "the heading attributes `{written}` are left out",
            id: "atribut judul `{written}` diabaikan";
        BadTermId { id: String } = "E312",
            en: "the term id `{id}` cannot be used in a URL",
            id: "id istilah `{id}` tidak bisa dipakai di alamat web";
        TermTwice { id: String } = "E313",
            en: "the term id `{id}` is declared twice",
            id: "id istilah `{id}` dideklarasikan dua kali";
        HintDate = "H301",
            en: "write the date as YYYY-MM-DD, e.g. 2025-11-19 for 19 November 2025",
            id: "tulis tanggal sebagai TTTT-BB-HH, misalnya 2025-11-19 untuk 19 November 2025";
        HintTime = "H302",
            en: "write the time as \"HH:MM\" in quotes, e.g. \"09:30\"",
            id: "tulis jam sebagai \"JJ:MM\" dalam tanda kutip, misalnya \"09:30\"";
        HintPhone = "H303",
            en: "write the number with its country code, e.g. \"+62 812-3456-7890\"",
            id: "tulis nomor dengan kode negara, misalnya \"+62 812-3456-7890\"";
        HintWebAddress = "H304",
            en: "write the full address, starting with https://",
            id: "tulis alamat lengkap, diawali https://";
        HintEmail = "H305",
            en: "write the address as name@domain, e.g. humas@lapas-lahat.go.id",
            id: "tulis alamat sebagai nama@domain, misalnya humas@lapas-lahat.go.id";
        HintSlug { example: String } = "H306",
            en: "use lowercase letters, digits and hyphens, e.g. `{example}`",
            id: "pakai huruf kecil, angka dan tanda hubung, misalnya `{example}`";
        HintFileName = "H307",
            en: "rename the file with lowercase letters, digits and hyphens only, e.g. gula-semut-jahe-merah.yaml",
            id: "ganti nama file hanya dengan huruf kecil, angka dan tanda hubung, misalnya gula-semut-jahe-merah.yaml";
        HintAddLanguage = "H308",
            en: "add the language to etalase.yaml or remove this translation",
            id: "tambahkan bahasa itu di etalase.yaml atau hapus terjemahan ini";
        HintTitle = "H309",
            en: "write the headline after `title:`",
            id: "tulis judul berita setelah `title:`";
        HintSummary = "H310",
            en: "keep the summary to one or two sentences; the story itself goes below the front matter",
            id: "cukup satu atau dua kalimat ringkasan; isi berita ditulis di bawah front matter";
        HintHeadingAttributes = "H311",
            en: "a heading may carry only an anchor and classes, e.g. `## Cara memesan {{#pesan}}`",
            id: "judul hanya boleh diberi jangkar dan kelas, misalnya `## Cara memesan {{#pesan}}`";
        HintTermTwice { other: Path } = "H313",
            en: "it is also declared in {other}; term ids must be unique",
            id: "id itu juga dideklarasikan di {other}; id istilah harus unik";
    }
}

messages! {
    /// References from one item to another, and the pages they make.
    pub enum Reference {
        UnknownUnit { id: String } = "E401",
            en: "unknown unit `{id}`",
            id: "unit `{id}` tidak dikenal";
        UnknownProduct { id: String } = "E402",
            en: "unknown product `{id}`",
            id: "produk `{id}` tidak dikenal";
        UnknownTag { id: String } = "E403",
            en: "unknown programme tag `{id}`",
            id: "tag program `{id}` tidak dikenal";
        UnknownCategory { id: String } = "E404",
            en: "unknown category `{id}`",
            id: "kategori `{id}` tidak dikenal";
        UnknownParent { id: String } = "E405",
            en: "unknown parent unit `{id}`",
            id: "kantor induk `{id}` tidak dikenal";
        OwnParent = "E406",
            en: "a unit cannot be its own parent office",
            id: "unit tidak bisa menjadi kantor induknya sendiri";
        ParentLoop { chain: String } = "E407",
            en: "the parent offices loop: {chain}",
            id: "kantor induk berputar: {chain}";
        ImageNoAlt { image: String } = "E408",
            en: "the image `{image}` has no alt text",
            id: "gambar `{image}` tidak punya teks alternatif (alt)";
        ImageOutside { image: String } = "E409",
            en: "the image path `{image}` leaves the media folder",
            id: "alamat gambar `{image}` keluar dari folder media";
        ImageMissing { image: String } = "E410",
            en: "the image `{image}` is not in content/media/",
            id: "gambar `{image}` tidak ada di content/media/";
        LinkNotAPage { link: String } = "E411",
            en: "the link `{link}` points at a file that is not a published page",
            id: "tautan `{link}` menuju file yang bukan halaman terbit";
        SameUrl { url: String } = "E412",
            en: "another file already writes the page {url}",
            id: "file lain sudah menulis halaman {url}";
        SectionsShareUrl { url: String } = "E413",
            en: "two sections share the URL {url}",
            id: "dua bagian situs memakai alamat yang sama: {url}";
        DiffersFromSource { field: String, value: String, source: Path, line: u64, source_value: String } = "E414",
            en: "`{field}` is `{value}` here but `{source_value}` in {source}:{line}, the version this file translates",
            id: "`{field}` di sini `{value}`, tetapi `{source_value}` di {source}:{line}, naskah asli yang diterjemahkan file ini";
        NotInSource { field: String, source: Path } = "E415",
            en: "`{field}` is given here but not in {source}, the version this file translates",
            id: "`{field}` ditulis di sini, tetapi tidak ada di {source}, naskah asli yang diterjemahkan file ini";
        FactMissing { field: String } = "E416",
            en: "the key `{field}` is missing",
            id: "kunci `{field}` belum diisi";
        DidYouMean { best: String } = "H400",
            en: "did you mean `{best}`?",
            id: "mungkin maksudnya `{best}`?";
        ValidValues { values: List } = "H401",
            en: "valid values: {values}",
            id: "nilai yang sah: {values}";
        ValidValuesInclude { values: List } = "H402",
            en: "valid values include: {values}, …",
            id: "nilai yang sah antara lain: {values}, …";
        ValidChoices { values: Choices } = "H421",
            en: "valid values: {values}",
            id: "nilai yang sah: {values}";
        ValidChoicesInclude { values: Choices } = "H422",
            en: "valid values include: {values}; …",
            id: "nilai yang sah antara lain: {values}; …";
        NothingYet = "H403",
            en: "there is nothing to refer to yet",
            id: "belum ada yang bisa dirujuk";
        UnitsAreFiles = "H404",
            en: "units are the file names in content/units/",
            id: "unit adalah nama file di content/units/";
        ProductsAreFiles = "H405",
            en: "products are the file names in content/products/",
            id: "produk adalah nama file di content/products/";
        TagsAreTerms = "H406",
            en: "tags are the term ids in content/vocabularies/",
            id: "tag adalah id istilah di content/vocabularies/";
        CategoriesInConfig = "H407",
            en: "categories are declared in etalase.yaml",
            id: "kategori diatur di etalase.yaml";
        HintParentName = "H408",
            en: "name the regional office the unit reports to, or remove `parent`",
            id: "tulis kantor wilayah atasan unit ini, atau hapus `parent`";
        HintParentLoop = "H409",
            en: "a unit's parent is the office above it; remove `parent` from one of these units",
            id: "induk sebuah unit adalah kantor di atasnya; hapus `parent` dari salah satu unit ini";
        HintDescribeImage = "H410",
            en: "describe what the picture shows in `alt`, for readers who cannot see it",
            id: "jelaskan isi gambar di `alt`, untuk pembaca yang tidak bisa melihatnya";
        HintMediaName = "H411",
            en: "write the file name as it is in content/media/, e.g. `tempe.jpg`",
            id: "tulis nama file seperti di content/media/, misalnya `tempe.jpg`";
        HintPutPhoto = "H412",
            en: "put the photo in content/media/ or correct the name",
            id: "taruh foto di content/media/ atau perbaiki namanya";
        HintLinkFile = "H413",
            en: "link to a story or page by its file name, e.g. 2025-11-19-umkm-terbaik.id.md, or check that it is not a draft",
            id: "tautkan berita atau halaman dengan nama filenya, misalnya 2025-11-19-umkm-terbaik.id.md, atau pastikan bukan draf";
        HintSameUrl { other: String } = "H414",
            en: "{other} is published at the same address, and one address holds one page: if this file is a copy or an older version of {other}, delete the one you no longer need (both would be published); if it is a different story, rename this file or give it its own `slug:`",
            id: "{other} terbit di alamat yang sama, padahal satu alamat hanya untuk satu halaman: jika file ini salinan atau versi lama dari {other}, hapus yang tidak dipakai lagi (keduanya akan terbit); jika beritanya berbeda, ganti nama file ini atau beri `slug:` sendiri";
        HintSectionAddress { section: String } = "H420",
            en: "{section} uses this address for a section of the site: rename this file or give it its own `slug:`",
            id: "{section} memakai alamat ini untuk bagian situs: ganti nama file ini atau beri `slug:` sendiri";
        HintInherit { field: String } = "H416",
            en: "a translation takes `{field}` from its source: delete the line here to inherit it, or correct the file that is wrong",
            id: "terjemahan mengambil `{field}` dari naskah aslinya: hapus baris ini agar ikut naskah asli, atau perbaiki file yang keliru";
        HintAddToSource { field: String, source: Path } = "H417",
            en: "facts belong to the source: add `{field}` to {source}, or remove it here",
            id: "fakta berita ditulis di naskah asli: tambahkan `{field}` di {source}, atau hapus dari file ini";
        HintNoSource { source: Path } = "H418",
            en: "a translation takes its date, unit, tags, products, image and award from {source}, which does not exist: add that file, or write the key here",
            id: "terjemahan mengambil tanggal, unit, tag, produk, foto dan penghargaan dari {source}, yang belum ada: buat file itu, atau tulis kunci ini di sini";
        HintAddFact { field: String } = "H419",
            en: "add `{field}:` with its value; docs/reference.md of Etalase shows a complete example",
            id: "tambahkan `{field}:` beserta nilainya; docs/reference.md Etalase memuat contoh lengkap";
        HintOwnSectionWord = "H415",
            en: "give each section its own word",
            id: "beri setiap bagian situs kata yang berbeda";
    }
}

messages! {
    /// etalase.yaml and the command line's settings.
    pub enum Config {
        BaseUrl { value: String } = "E501",
            en: "base_url `{value}` is not an absolute URL",
            id: "base_url `{value}` bukan alamat web lengkap";
        NoLanguages = "E502",
            en: "`languages` is empty",
            id: "`languages` kosong";
        BadLanguageCode { code: String } = "E503",
            en: "language code `{code}` is not a plain lowercase code",
            id: "kode bahasa `{code}` bukan kode huruf kecil biasa";
        LanguageTwice { code: String } = "E504",
            en: "language `{code}` is listed twice",
            id: "bahasa `{code}` tercantum dua kali";
        ZeroPerPage = "E505",
            en: "`news_per_page` is 0",
            id: "`news_per_page` bernilai 0";
        BadOffset { offset: String } = "E506",
            en: "timezone offset `{offset}` is not an offset",
            id: "selisih zona waktu `{offset}` tidak sah";
        BadCategoryKey { key: String } = "E507",
            en: "category key `{key}` cannot be used as an id",
            id: "kunci kategori `{key}` tidak bisa dipakai sebagai id";
        UnknownSection { key: String } = "E508",
            en: "unknown section `{key}`",
            id: "bagian situs `{key}` tidak dikenal";
        BadSectionWord { word: String } = "E509",
            en: "section word `{word}` cannot be used in a URL",
            id: "kata bagian situs `{word}` tidak bisa dipakai di alamat web";
        BaseUrlFlag { value: String } = "E510",
            en: "`{value}` is not an absolute URL",
            id: "`{value}` bukan alamat web lengkap";
        Empty = "E511",
            en: "etalase.yaml is empty; it must hold at least the site's `base_url`, `title` and `languages`",
            id: "etalase.yaml kosong; isinya minimal `base_url`, `title` dan `languages` situs";
        HintStart = "H508",
            en: "to start a site with a complete etalase.yaml, run `etalase init` in a new folder; or copy etalase.yaml from an existing site (docs/reference.md explains each key)",
            id: "untuk memulai situs dengan etalase.yaml lengkap, jalankan `etalase init` di folder baru; atau salin etalase.yaml dari situs lain (docs/reference.md menjelaskan setiap kunci)";
        HintScheme = "H501",
            en: "write it with its scheme, e.g. https://example.netlify.app",
            id: "tulis lengkap dengan skemanya, misalnya https://example.netlify.app";
        HintListLanguage = "H502",
            en: "list at least one language, e.g. `- {{ code: id, name: Bahasa Indonesia, locale: id_ID }}`",
            id: "tulis minimal satu bahasa, misalnya `- {{ code: id, name: Bahasa Indonesia, locale: id_ID }}`";
        HintLanguageCode = "H503",
            en: "use a code like `id` or `en`",
            id: "pakai kode seperti `id` atau `en`";
        HintListOnce = "H504",
            en: "list each language once",
            id: "tulis setiap bahasa satu kali saja";
        HintPerPage = "H505",
            en: "use a positive number, e.g. 10",
            id: "pakai bilangan positif, misalnya 10";
        HintOffset = "H506",
            en: "write it as +HH:MM, e.g. +07:00 for WIB",
            id: "tulis sebagai +JJ:MM, misalnya +07:00 untuk WIB";
        HintKey = "H507",
            en: "use lowercase letters, digits and hyphens",
            id: "pakai huruf kecil, angka dan tanda hubung";
    }
}

messages! {
    /// Pictures in content/media/.
    pub enum Media {
        Unusable { image: String, detail: String } = "E601",
            en: "the image `{image}` cannot be used: {detail}",
            id: "gambar `{image}` tidak bisa dipakai: {detail}";
        SvgUnreadable { detail: String } = "E602",
            en: "the SVG image cannot be read: {detail}",
            id: "gambar SVG tidak bisa dibaca: {detail}";
        SvgElement { name: String } = "E603",
            en: "the SVG image contains a <{name}> element, which could run a script",
            id: "gambar SVG memuat elemen <{name}>, yang bisa menjalankan skrip";
        SvgHandler { attribute: String } = "E604",
            en: "the SVG image contains an `{attribute}` attribute, which could run a script",
            id: "gambar SVG memuat atribut `{attribute}`, yang bisa menjalankan skrip";
        SvgScriptAddress { attribute: String } = "E605",
            en: "the SVG image has a script address in `{attribute}`",
            id: "gambar SVG memuat alamat skrip di `{attribute}`";
        SvgInstruction = "E606",
            en: "the SVG image contains a processing instruction, which could load a script",
            id: "gambar SVG memuat instruksi pemrosesan, yang bisa memuat skrip";
        HintExportPhoto { image: String } = "H601",
            en: "open content/media/{image} in an image viewer; if it is damaged or not a JPEG or PNG, export the photo again as JPEG (or PNG for graphics) and replace the file",
            id: "buka content/media/{image} di penampil gambar; jika rusak atau bukan JPEG atau PNG, ekspor ulang foto sebagai JPEG (atau PNG untuk grafis) lalu ganti filenya";
        HintPlainSvg = "H602",
            en: "export the image again as plain SVG from the drawing program",
            id: "ekspor ulang gambar sebagai SVG biasa dari program gambarnya";
        HintRemoveScript = "H603",
            en: "export the image again as plain SVG (in Inkscape: File → Save As → Plain SVG) or remove that part",
            id: "ekspor ulang gambar sebagai SVG biasa (di Inkscape: File → Save As → Plain SVG) atau hapus bagian itu";
    }
}

messages! {
    /// What `check` adds to a build's checks, and what `new` refuses.
    pub enum Check {
        SummaryLength { length: usize } = "W701",
            en: "the summary has {length} characters",
            id: "ringkasan berisi {length} karakter";
        NoVersionIn { languages: String } = "W703",
            en: "no version in {languages}",
            id: "belum ada versi dalam bahasa {languages}";
        LinkNowhere { link: String } = "W704",
            en: "the link {link} leads nowhere",
            id: "tautan {link} tidak menuju halaman mana pun";
        AnchorMissing { link: String, fragment: String, page: String } = "W705",
            en: "the link {link} points at #{fragment}, which is not on {page}",
            id: "tautan {link} menuju #{fragment}, yang tidak ada di {page}";
        Placeholder = "W708",
            en: "this is still the example text that `etalase new` wrote",
            id: "ini masih teks contoh yang ditulis `etalase new`";
        SameTitle { other: Path } = "W709",
            en: "{other} has the same title in this language",
            id: "{other} berjudul sama dalam bahasa ini";
        SameBody { other: Path } = "W710",
            en: "the text is nearly the same as that of {other}",
            id: "isinya hampir sama dengan {other}";
        FileExists = "E706",
            en: "the file already exists",
            id: "file sudah ada";
        NoFileName { title: String } = "E707",
            en: "`{title}` gives no file name",
            id: "`{title}` tidak menghasilkan nama file";
        HintShorten { max: usize } = "H701",
            en: "search results show about {max}; shorten it to one sentence",
            id: "hasil penelusuran menampilkan sekitar {max}; persingkat menjadi satu kalimat";
        HintCompare { source: Path } = "H702",
            en: "check it against {source}",
            id: "bandingkan dengan {source}";
        HintTranslateLater = "H703",
            en: "the item is published in the languages it has; add the translation when it is ready",
            id: "naskah terbit dalam bahasa yang tersedia; tambahkan terjemahan bila sudah siap";
        HintFixLink = "H704",
            en: "correct the link in the content or template that makes this page",
            id: "perbaiki tautan di konten atau templat halaman ini";
        HintReplacePlaceholder = "H708",
            en: "replace it with your own text: the page is published as it stands",
            id: "ganti dengan teks sendiri: halaman ini terbit apa adanya";
        HintDuplicate = "H709",
            en: "both are published; if one is a copy or an older version, delete it (or mark it `draft: true`)",
            id: "keduanya terbit; jika salah satunya salinan atau versi lama, hapus file itu (atau tandai `draft: true`)";
        HintOtherTitle = "H705",
            en: "choose another title, or edit the existing file",
            id: "pilih judul lain, atau sunting file yang sudah ada";
        HintDateFlag = "H706",
            en: "write it as YYYY-MM-DD",
            id: "tulis sebagai TTTT-BB-HH";
        HintTitleLetters = "H707",
            en: "use a title with letters or digits",
            id: "pakai judul yang memuat huruf atau angka";
        NoOrderPath { unit: String } = "W711",
            en: "this product cannot be ordered: it has no order channel and its unit `{unit}` gives no phone, WhatsApp or e-mail",
            id: "produk ini tidak bisa dipesan: tidak ada saluran pemesanan, dan UPT `{unit}` tidak mencantumkan telepon, WhatsApp, atau e-mail";
        HintOrderChannel = "H711",
            en: "add `order: {{ whatsapp: \"+62 …\" }}` to the product, or `contact:` with a phone, WhatsApp or e-mail to the unit's profile",
            id: "tambahkan `order: {{ whatsapp: \"+62 …\" }}` pada produk, atau `contact:` berisi telepon, WhatsApp, atau e-mail pada profil UPT";
    }
}

messages! {
    /// Reading and writing folders, and the output folder's safety rules.
    pub enum Output {
        CannotRead = "E801",
            en: "cannot read",
            id: "tidak bisa membaca";
        CannotWrite = "E802",
            en: "cannot write",
            id: "tidak bisa menulis";
        CannotCreate = "E803",
            en: "cannot create",
            id: "tidak bisa membuat";
        CannotRemove = "E804",
            en: "cannot remove",
            id: "tidak bisa menghapus";
        CannotCopy = "E805",
            en: "cannot copy",
            id: "tidak bisa menyalin";
        CannotMove = "E806",
            en: "cannot move",
            id: "tidak bisa memindahkan";
        CannotOpen = "E807",
            en: "cannot open",
            id: "tidak bisa membuka";
        CannotLock = "E808",
            en: "cannot lock",
            id: "tidak bisa mengunci";
        CannotRun = "E809",
            en: "cannot run",
            id: "tidak bisa menjalankan";
        CannotListen = "E810",
            en: "cannot listen on",
            id: "tidak bisa mendengarkan di";
        CannotWatch = "E811",
            en: "cannot watch",
            id: "tidak bisa memantau";
        ServerStopped = "E812",
            en: "the server stopped",
            id: "server berhenti";
        Refused { path: Path, reason: String } = "E813",
            en: "refusing to write the site to {path}: {reason}",
            id: "situs tidak ditulis ke {path}: {reason}";
        TemplateError { template: String, detail: String } = "E814",
            en: "template error in {template}: {detail}",
            id: "kesalahan templat di {template}: {detail}";
        ToolFailed { tool: String, detail: String } = "E815",
            en: "{tool} failed: {detail}",
            id: "{tool} gagal: {detail}";
        LeavesOutput = "E820",
            en: "the path would leave the output folder",
            id: "alamat itu keluar dari folder hasil";
        NameAFolder = "E821",
            en: "name a folder, e.g. public",
            id: "sebutkan sebuah folder, misalnya public";
        FileSystemRoot = "E822",
            en: "the output cannot be the file system root",
            id: "folder hasil tidak boleh akar sistem berkas";
        HoldsSite = "E823",
            en: "it is the site folder or contains it",
            id: "itu folder situs atau memuatnya";
        InsideContent = "E824",
            en: "it is inside the content folder",
            id: "itu ada di dalam folder content";
        HoldsHome = "E825",
            en: "it is the home folder or contains it",
            id: "itu folder rumah pengguna atau memuatnya";
        IsAFile = "E826",
            en: "it is a file, not a folder",
            id: "itu file, bukan folder";
        NotOurs { marker: String } = "E827",
            en: "the folder has files that Etalase did not write (no {marker} marker); empty it or choose another folder",
            id: "folder itu berisi file yang tidak ditulis Etalase (tidak ada penanda {marker}); kosongkan atau pilih folder lain";
        InTheWay { folder: Path, marker: String } = "E828",
            en: "{folder} has files that Etalase did not write (no {marker} marker) and would be replaced; move it away",
            id: "{folder} berisi file yang tidak ditulis Etalase (tidak ada penanda {marker}) dan akan tertimpa; pindahkan";
        KeptNotOurs { marker: String } = "E829",
            en: "it has files that Etalase did not write (no {marker} marker), so it is not deleted",
            id: "folder itu berisi file yang tidak ditulis Etalase (tidak ada penanda {marker}), jadi tidak dihapus";
    }
}
