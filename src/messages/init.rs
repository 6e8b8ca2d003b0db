//! What `etalase init` asks and says, and what `etalase` says when started outside a site.

use super::{List, Path, messages};

messages! {
    /// Starting a site, and starting the program with no command.
    pub enum Init {
        SiteExists = "E951",
            en: "the folder already holds a site",
            id: "folder ini sudah berisi situs";
        HintSiteExists = "H951",
            en: "preview it with `etalase serve`; init never overwrites a file",
            id: "lihat pratinjaunya dengan `etalase serve`; init tidak pernah menimpa file";
        MissingFlags { flags: List } = "I952",
            en: "Missing: {flags}",
            id: "Belum diisi: {flags}";
        Example = "I953",
            en: "For example: etalase init situs-lapas-lahat --unit \"Lapas Kelas IIA Lahat\" --city Lahat --region \"Sumatera Selatan\" --base-url https://lapas-lahat.netlify.app",
            id: "Contoh: etalase init situs-lapas-lahat --unit \"Lapas Kelas IIA Lahat\" --city Lahat --region \"Sumatera Selatan\" --base-url https://lapas-lahat.netlify.app";
        Welcome = "I954",
            en: "A new Etalase site. Press Enter to take the suggestion in [brackets].",
            id: "Situs baru Etalase. Tekan Enter untuk memakai saran dalam [kurung].";
        AskUnit = "I955",
            en: "Unit name (e.g. Lapas Kelas IIA Lahat)",
            id: "Nama unit (misalnya Lapas Kelas IIA Lahat)";
        AskKind = "I956",
            en: "Unit type",
            id: "Jenis unit";
        ChooseOne { values: List } = "I957",
            en: "Choose one of: {values}",
            id: "Pilih salah satu: {values}";
        AskClass = "I958",
            en: "Class (write - if none)",
            id: "Kelas (tulis - bila tidak ada)";
        AskCity = "I959",
            en: "City",
            id: "Kota";
        AskRegion = "I960",
            en: "Province or region",
            id: "Provinsi atau wilayah";
        AskTitleId = "I961",
            en: "Site title in Indonesian",
            id: "Judul situs (bahasa Indonesia)";
        AskTitleEn = "I962",
            en: "Site title in English",
            id: "Judul situs (bahasa Inggris)";
        AskBaseUrl = "I963",
            en: "Site address (e.g. https://lapas-lahat.netlify.app)",
            id: "Alamat situs (misalnya https://lapas-lahat.netlify.app)";
        WriteFullAddress = "I964",
            en: "Write the full address, starting with https://",
            id: "Tulis alamat lengkap, diawali https://";
        CreatedFile { path: Path } = "I965",
            en: "Created  {path}",
            id: "Dibuat   {path}";
        KeptFile { path: Path } = "I966",
            en: "Kept     {path} (it was already there)",
            id: "Dibiarkan {path} (sudah ada)";
        Ready { command: String } = "I967",
            en: "\nThe site is ready. Preview it: {command}\nThe example story and product are drafts; edit or delete them before publishing.",
            id: "\nSitus siap. Pratinjau: {command}\nContoh berita dan produk berstatus draft; ubah atau hapus sebelum terbit.";
        NotASite { here: Path } = "I968",
            en: "Etalase: this folder is not an Etalase site (it has no etalase.yaml file):\n  {here}\n\nTo see a site: copy etalase into the site's folder (the one with etalase.yaml) and double-click it,\nor open a terminal in the site's folder and type: etalase serve\nTo start a new site: open a terminal here and type: etalase init\nEvery command: etalase --help",
            id: "Etalase: folder ini bukan folder situs Etalase (tidak ada file etalase.yaml):\n  {here}\n\nUntuk melihat situs: salin etalase ke folder situs (yang berisi etalase.yaml) lalu klik dua kali,\natau buka terminal di folder situs dan ketik: etalase serve\nUntuk memulai situs baru: buka terminal di sini dan ketik: etalase init\nSemua perintah: etalase --help";
        PressEnter = "I969",
            en: "Press Enter to close this window.",
            id: "Tekan Enter untuk menutup jendela ini.";
    }
}
