//! What the command line and the dev server print, besides diagnostics.

use super::{Lang, Path, Text, messages};

messages! {
    /// Lines of the command line and the dev server.
    pub enum Cli {
        LabelError = "C901",
            en: "error",
            id: "kesalahan";
        LabelWarning = "C902",
            en: "warning",
            id: "peringatan";
        LabelHint = "C903",
            en: "hint",
            id: "saran";
        OneError = "C904",
            en: "1 error",
            id: "1 kesalahan";
        Errors { n: usize } = "C905",
            en: "{n} errors",
            id: "{n} kesalahan";
        OneWarning = "C906",
            en: "1 warning",
            id: "1 peringatan";
        Warnings { n: usize } = "C907",
            en: "{n} warnings",
            id: "{n} peringatan";
        NotBuilt = "C908",
            en: "The site was not built; the previous output is unchanged.",
            id: "Situs tidak dibangun; hasil sebelumnya tidak berubah.";
        Built { pages: usize, files: usize, output: Path, ms: u64 } = "C909",
            en: "Built {pages} pages ({files} files) into {output} in {ms} ms",
            id: "{pages} halaman ({files} file) dibangun ke {output} dalam {ms} ms";
        NoSearchIndex = "C910",
            en: "note: no search index, since Pagefind is not installed; run `npm install` in the site folder to add search",
            id: "catatan: tanpa indeks pencarian, karena Pagefind belum terpasang; jalankan `npm install` di folder situs untuk menambah pencarian";
        Photos { processed: usize, cached: usize, cache: String } = "C911",
            en: "Photos: {processed} processed, {cached} from the cache ({cache})",
            id: "Foto: {processed} diolah, {cached} dari cache ({cache})";
        NotYetTranslated = "C912",
            en: "Not yet translated:",
            id: "Belum diterjemahkan:";
        MissingIn { item: String, kind: String, languages: String } = "C913",
            en: "  {item} ({kind}): missing {languages}",
            id: "  {item} ({kind}): belum ada {languages}";
        Created { path: Path } = "C914",
            en: "Created {path}",
            id: "Dibuat: {path}";
        Wrote { path: Path } = "C915",
            en: "Wrote {path}",
            id: "Ditulis: {path}";
        ServeBuilt { pages: usize, ms: u64 } = "C916",
            en: "Built {pages} pages in {ms} ms",
            id: "{pages} halaman dibangun dalam {ms} ms";
        Serving { url: String } = "C917",
            en: "Serving the site at {url}/ (Ctrl-C to stop)",
            id: "Situs ditayangkan di {url}/ (Ctrl-C untuk berhenti)";
        Stopping = "C918",
            en: "Stopping.",
            id: "Berhenti.";
        PortInUse { port: usize, other: usize } = "C919",
            en: "Port {port} is in use; using {other} instead.",
            id: "Port {port} sedang dipakai; memakai {other}.";
        OpenBrowser { url: String } = "C920",
            en: "Open {url}/ in your browser.",
            id: "Buka {url}/ di peramban.";
        Rebuilt { ms: u64, rendered: usize, reused: usize } = "C921",
            en: "Rebuilt in {ms} ms: {rendered} pages rendered, {reused} unchanged",
            id: "Dibangun ulang dalam {ms} ms: {rendered} halaman dibuat, {reused} tidak berubah";
        StillServed = "C922",
            en: "The last good version of the site is still served.",
            id: "Versi terakhir yang benar masih ditampilkan.";
        WaitingForBuild { path: Path } = "C923",
            en: "waiting for another build that is writing {path} …",
            id: "menunggu build lain yang sedang menulis {path} …";
    }
}

/// "2 errors, 1 warning" in `lang`.
pub fn totals(errors: usize, warnings: usize, lang: Lang) -> String {
    let errors = match errors {
        1 => Cli::OneError,
        n => Cli::Errors { n },
    };
    let warnings = match warnings {
        1 => Cli::OneWarning,
        n => Cli::Warnings { n },
    };
    format!("{}, {}", errors.text(lang), warnings.text(lang))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_read_well_in_both_languages() {
        assert_eq!(totals(1, 2, Lang::En), "1 error, 2 warnings");
        assert_eq!(totals(0, 1, Lang::En), "0 errors, 1 warning");
        assert_eq!(totals(3, 0, Lang::Id), "3 kesalahan, 0 peringatan");
    }
}
