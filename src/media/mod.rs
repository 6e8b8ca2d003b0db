//! Photos: the JPEG and PNG images that stories and product sheets reference are processed
//! between `site` and `render`. Each becomes resized variants (never upscaled) in lossy WebP
//! and a JPEG fallback (PNG when it has transparency), plus a 1200×630 centre crop for Open
//! Graph, all re-encoded from pixels so that no metadata (GPS position, camera, dates) of the
//! original is published. SVG files pass through unchanged.
//!
//! Processing is cached by content hash and settings in `.etalase-cache/` in the site folder
//! (`cache`), so a rebuild decodes and encodes only new or changed photos. This stage also
//! checks every SVG file for scripts, since SVGs are published as they are, and makes the
//! share images of pages (`share`): SVG pictures rasterised, generated share cards and the
//! home-screen icon, cached the same way.
//!
//! Every file it makes is named by a hash of what it was made from and published in
//! [`VARIANTS_DIR`], which hosts may therefore cache for good.

pub mod cache;
mod encode;
pub mod share;
pub mod svg;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::content::{CONTENT_DIR, MEDIA_DIR};
use crate::error::{Diagnostic, Diagnostics, Error};
use crate::messages::{Content, Media};
use cache::ImageCache;
pub use share::{Fonts, ShareCard};

/// Widths of the variants, in pixels; a photo narrower than one gets its own width instead.
pub const WIDTHS: [u32; 3] = [480, 960, 1600];
/// Size of the Open Graph image (the shape social networks show in link previews).
pub const OG_SIZE: (u32, u32) = (1200, 630);
/// Changes whenever processing would give other files, so that older cache entries are not used.
const PIPELINE: &str = "etalase-images-1";
/// Where the files made from photos are published: only files whose names carry a hash of
/// their content, so that this folder can be cached for good.
pub const VARIANTS_DIR: &str = "assets/media";

/// Extensions of raster images: never published as they are, since they may carry metadata.
const RASTER: [&str; 12] = [
    "jpg", "jpeg", "png", "webp", "gif", "avif", "heic", "heif", "tif", "tiff", "bmp", "jxl",
];

fn extension(src: &str) -> String {
    Path::new(src)
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default()
}

/// Whether `src` (a path in content/media/) is a raster image, processed rather than copied.
pub fn is_raster(src: &str) -> bool {
    RASTER.contains(&extension(src).as_str())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Format {
    Webp,
    Jpeg,
    Png,
}

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Webp => "webp",
            Format::Jpeg => "jpg",
            Format::Png => "png",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Format::Webp => "image/webp",
            Format::Jpeg => "image/jpeg",
            Format::Png => "image/png",
        }
    }
}

/// One file made from a photo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    pub width: u32,
    pub height: u32,
    pub format: Format,
    /// Kept in lossy WebP (and PNG) when the photo has transparency.
    pub alpha: bool,
    /// `/`-separated path in the site: `assets/media/<dir>/<stem>-<width>.<hash>.<ext>`.
    pub path: String,
    og: bool,
}

impl Variant {
    /// The file's name inside its cache entry.
    fn cache_name(&self) -> String {
        match self.og {
            true => format!("og.{}", self.format.extension()),
            false => format!("{}.{}", self.width, self.format.extension()),
        }
    }
}

/// What is known of a photo without its pixels: enough to write HTML and to find its files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Facts {
    /// Upright size of the original.
    pub width: u32,
    pub height: u32,
    pub alpha: bool,
}

/// Every file made from one photo.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    /// Content hash of the original and the settings (hex): names the cache entry.
    pub key: String,
    pub facts: Facts,
    /// By width, smallest first; WebP and the fallback for each width.
    pub variants: Vec<Variant>,
    pub og: Option<Variant>,
}

impl Plan {
    pub fn new(src: &str, key: &str, facts: Facts) -> Plan {
        let Facts { width, height, alpha } = facts;
        let (dir, stem) = match src.rsplit_once('/') {
            Some((dir, name)) => (format!("{VARIANTS_DIR}/{dir}/"), name),
            None => (format!("{VARIANTS_DIR}/"), src),
        };
        let stem = stem.rsplit_once('.').map_or(stem, |(stem, _)| stem);
        let short = &key[..key.len().min(8)];
        let fallback = if alpha { Format::Png } else { Format::Jpeg };
        let variant = |w: u32, h: u32, format: Format, og: bool| Variant {
            width: w,
            height: h,
            format,
            alpha,
            path: format!(
                "{dir}{stem}-{}.{short}.{}",
                if og { "og".to_string() } else { w.to_string() },
                format.extension()
            ),
            og,
        };
        let mut variants = Vec::new();
        for w in widths(width) {
            let h = scaled(height, w, width);
            variants.push(variant(w, h, Format::Webp, false));
            variants.push(variant(w, h, fallback, false));
        }
        let og = og_size(width, height).map(|(w, h)| Variant {
            alpha: false,
            ..variant(w, h, Format::Jpeg, true)
        });
        Plan {
            key: key.to_string(),
            facts,
            variants,
            og,
        }
    }

    /// A single PNG of `width`×`height` published at `path`: a share image, which pages show
    /// only as their Open Graph image.
    pub fn single(path: String, key: &str, (width, height): (u32, u32)) -> Plan {
        Plan {
            key: key.to_string(),
            facts: Facts {
                width,
                height,
                alpha: false,
            },
            variants: Vec::new(),
            og: Some(Variant {
                width,
                height,
                format: Format::Png,
                alpha: false,
                path,
                og: true,
            }),
        }
    }

    /// Whether the plan is a share image only (an SVG is shown as it is).
    pub fn is_single(&self) -> bool {
        self.variants.is_empty()
    }

    /// The widths of the variants, smallest first.
    pub fn widths(&self) -> Vec<u32> {
        let mut widths: Vec<u32> = self.variants.iter().map(|v| v.width).collect();
        widths.dedup();
        widths
    }

    pub fn height_at(&self, width: u32) -> u32 {
        scaled(self.facts.height, width, self.facts.width)
    }

    /// The variants in `format`, smallest first.
    pub fn in_format(&self, format: Format) -> impl Iterator<Item = &Variant> {
        self.variants.iter().filter(move |v| v.format == format)
    }

    /// The fallback format: JPEG, or PNG for a photo with transparency.
    pub fn fallback(&self) -> Format {
        if self.facts.alpha { Format::Png } else { Format::Jpeg }
    }

    /// Every file: the variants and the Open Graph image.
    pub fn files(&self) -> impl Iterator<Item = &Variant> {
        self.variants.iter().chain(self.og.iter())
    }
}

/// The variant widths for a photo `width` pixels wide: the configured ones it covers, and its
/// own width (capped at the largest) so that it is never scaled up.
fn widths(width: u32) -> Vec<u32> {
    let largest = WIDTHS[WIDTHS.len() - 1];
    let mut widths: Vec<u32> = WIDTHS.iter().copied().filter(|&w| w < width).collect();
    widths.push(width.min(largest));
    widths.dedup();
    widths
}

/// `height` scaled by `to / from`, rounded, at least 1.
fn scaled(height: u32, to: u32, from: u32) -> u32 {
    let h = (u64::from(height) * u64::from(to) + u64::from(from) / 2) / u64::from(from.max(1));
    u32::try_from(h).unwrap_or(u32::MAX).max(1)
}

/// The Open Graph size: 1200×630, or the largest crop of that shape for a smaller photo (never
/// scaled up); none for a photo too small to make a preview of.
fn og_size(width: u32, height: u32) -> Option<(u32, u32)> {
    let (tw, th) = OG_SIZE;
    let (w, h) = if u64::from(width) * u64::from(th) > u64::from(height) * u64::from(tw) {
        (scaled(height, tw, th), height)
    } else {
        (width, scaled(width, th, tw))
    };
    if w >= tw {
        return Some(OG_SIZE);
    }
    // Social networks ignore previews below 200 px.
    (w >= 200 && h >= 200 / 2).then_some((w, h))
}

/// The processed photos of a site, by their path in content/media/.
#[derive(Debug, Clone, Default)]
pub struct Photos(pub HashMap<String, Plan>);

impl Photos {
    pub fn get(&self, src: &str) -> Option<&Plan> {
        self.0.get(src)
    }

    /// The fingerprint of each photo's files: its plan's key names the original's content and
    /// the settings, which decide every variant.
    pub fn fingerprints(&self) -> impl Iterator<Item = (&str, u64)> {
        self.0
            .iter()
            .map(|(src, plan)| (src.as_str(), crate::site::fingerprint::of(&plan.key)))
    }
}

/// What processing did: photos encoded now, and photos taken from the cache.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stats {
    pub processed: usize,
    pub cached: usize,
}

/// Whether files are made (a build) or photos only read and checked (`etalase check`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Build,
    Check,
}

type Stamp = (Option<SystemTime>, u64);

/// What the check of an SVG file found.
type SvgVerdict = Result<(), Diagnostic>;

/// A photo's plan and whether it was encoded now, or what is wrong with its file.
type Processed = Result<(Plan, bool), String>;

/// A photo an item shows: its file in content/media/ and where it is referenced.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct PhotoUse<'a> {
    pub src: &'a str,
    /// The content file that references it, relative to the site folder.
    pub file: &'a Path,
    /// Line and column of its `src` in `file`.
    pub at: (u64, u64),
}

/// Processes photos through the cache; the dev server keeps one for the whole session, so a
/// photo whose file did not change is not even read again.
pub struct Processor {
    root: PathBuf,
    cache: ImageCache,
    /// The plan of each photo file by its modification time and size, from earlier runs.
    memo: Mutex<HashMap<PathBuf, (Stamp, Plan)>>,
    /// What the check of each SVG file found, by its modification time and size.
    svgs: Mutex<HashMap<PathBuf, (Stamp, SvgVerdict)>>,
    /// The plan of each share card drawn in an earlier run, by a hash of the card and the
    /// fonts: laying out its text again is most of the work of a rebuild's share images.
    cards: Mutex<crate::hashing::FastMap<u64, Plan>>,
}

impl Processor {
    pub fn new(root: &Path) -> Processor {
        Processor {
            root: root.to_path_buf(),
            cache: ImageCache::new(root),
            memo: Mutex::new(HashMap::new()),
            svgs: Mutex::new(HashMap::new()),
            cards: Mutex::default(),
        }
    }

    /// The site folder.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// Processes every raster image the site references, in parallel; every photo that cannot
    /// be read is reported at each place that references it. Every SVG file, which is
    /// published as it is, is checked for scripts. Then the share images of `sharing`.
    pub fn run(
        &self,
        uses: &[PhotoUse],
        media: &BTreeSet<String>,
        sharing: &Sharing,
        mode: Mode,
    ) -> Result<(Photos, Stats), Error> {
        let references = references(uses);
        let results: Vec<(&str, Processed)> = references
            .par_iter()
            .filter(|(src, _)| is_raster(src))
            .map(|(src, _)| (*src, self.photo(src, mode)))
            .collect();
        let mut photos = self.share_images(&references, sharing, mode)?;
        let mut stats = Stats::default();
        let mut problems = self.check_svgs(media);
        for (src, result) in results {
            match result {
                Ok((plan, processed)) => {
                    if processed {
                        stats.processed += 1;
                    } else {
                        stats.cached += 1;
                    }
                    photos.insert(src.to_string(), plan);
                }
                Err(message) => {
                    let mut places = references[src].clone();
                    places.sort_unstable();
                    places.dedup();
                    for (file, at) in &places {
                        problems.push(self.unreadable(file, *at, src, &message));
                    }
                }
            }
        }
        problems.into_result((Photos(photos), stats)).map_err(Error::from)
    }

    /// The share images: every referenced SVG picture rasterised, each card drawn, and the
    /// home-screen icon; each one read from the cache when it was made before. A picture that
    /// cannot be drawn gets none (its page falls back to the site's card).
    fn share_images(
        &self,
        references: &References,
        sharing: &Sharing,
        mode: Mode,
    ) -> Result<HashMap<String, Plan>, Error> {
        let fonts = &sharing.fonts;
        let mut jobs: Vec<ShareJob> = references
            .keys()
            .filter(|src| extension(src) == "svg")
            .filter_map(|src| {
                let bytes = std::fs::read(self.root.join(CONTENT_DIR).join(MEDIA_DIR).join(src)).ok()?;
                let (dir, name) = src.rsplit_once('/').map_or(("", *src), |(d, n)| (d, n));
                let stem = name.rsplit_once('.').map_or(name, |(stem, _)| stem).to_string();
                let folder = if dir.is_empty() {
                    String::new()
                } else {
                    format!("{dir}/")
                };
                Some(ShareJob {
                    src: src.to_string(),
                    key: key(&[b"svg;".as_slice(), fonts.hash.as_bytes(), &bytes].concat()),
                    path: Box::new(move |hash| format!("{VARIANTS_DIR}/{folder}{stem}-og.{hash}.png")),
                    size: OG_SIZE,
                    svg: bytes,
                    memo: None,
                })
            })
            .collect();
        let mut drawn = HashMap::new();
        let known = self.cards.lock().ok();
        let cards = sharing.cards.iter().filter_map(|card| {
            let memo = crate::hashing::of(&(card, &fonts.hash));
            if let Some(plan) = known.as_ref().and_then(|known| known.get(&memo)) {
                drawn.insert(card.src.clone(), plan.clone());
                return None;
            }
            let svg = share::card_svg(card, fonts);
            let card = card.clone();
            Some(ShareJob {
                src: card.src.clone(),
                key: key(&[b"card;".as_slice(), fonts.hash.as_bytes(), svg.as_bytes()].concat()),
                path: Box::new(move |hash| card.path(hash)),
                size: OG_SIZE,
                svg: svg.into_bytes(),
                memo: Some(memo),
            })
        });
        jobs.extend(cards.collect::<Vec<_>>());
        drop(known);
        if let Some(icon) = &sharing.icon {
            jobs.push(ShareJob {
                src: share::ICON_SRC.to_string(),
                key: key(&[b"icon;".as_slice(), fonts.hash.as_bytes(), icon].concat()),
                path: Box::new(|hash| format!("{VARIANTS_DIR}/apple-touch-icon.{hash}.png")),
                size: (share::ICON_SIZE, share::ICON_SIZE),
                svg: icon.clone(),
                memo: None,
            });
        }
        let made: Vec<Option<(String, Plan)>> = jobs
            .par_iter()
            .map(|job| self.share_image(job, fonts, mode))
            .collect::<Result<_, Error>>()?;
        if mode == Mode::Build
            && let Ok(mut cards) = self.cards.lock()
        {
            for (job, made) in jobs.iter().zip(&made) {
                if let (Some(memo), Some((_, plan))) = (job.memo, made) {
                    cards.insert(memo, plan.clone());
                }
            }
        }
        drawn.extend(made.into_iter().flatten());
        Ok(drawn)
    }

    /// One share image, drawn or from the cache; `None` when it cannot be drawn.
    fn share_image(&self, job: &ShareJob, fonts: &Fonts, mode: Mode) -> Result<Option<(String, Plan)>, Error> {
        let plan = Plan::single((job.path)(&job.key[..8]), &job.key, job.size);
        let cached = self.cache.has(&job.key, plan.files().map(Variant::cache_name));
        if mode == Mode::Build && !cached {
            let Ok(png) = share::rasterise(&job.svg, fonts, job.size) else {
                return Ok(None);
            };
            let name = plan.files().map(Variant::cache_name).next().unwrap_or_default();
            self.cache
                .store(&job.key, &[(name, png)], &plan.facts)
                .map_err(|err| Error::Io {
                    action: crate::messages::Output::CannotWrite,
                    path: self.cache.file(&job.key, ""),
                    source: err,
                })?;
        }
        Ok(Some((job.src.clone(), plan)))
    }

    /// Every file of `photos` as (path in the site, file in the cache).
    pub fn files(&self, photos: &Photos) -> Vec<(String, PathBuf)> {
        let mut files: Vec<(String, PathBuf)> = photos
            .0
            .values()
            .flat_map(|plan| {
                plan.files()
                    .map(|v| (v.path.clone(), self.cache.file(&plan.key, &v.cache_name())))
            })
            .collect();
        files.sort();
        files
    }

    /// The plan of one photo, and whether it was encoded now (false: from the cache).
    fn photo(&self, src: &str, mode: Mode) -> Processed {
        let path = self.root.join(CONTENT_DIR).join(MEDIA_DIR).join(src);
        let meta = std::fs::metadata(&path).map_err(|err| err.to_string())?;
        let stamp = (meta.modified().ok(), meta.len());
        if let Some(plan) = self.memo_get(&path, stamp)
            && (mode == Mode::Check || self.cache.has(&plan.key, plan.files().map(Variant::cache_name)))
        {
            return Ok((plan, false));
        }
        let bytes = std::fs::read(&path).map_err(|err| err.to_string())?;
        let key = key(&bytes);
        let (plan, processed) = match self.cache.facts(&key) {
            Some(facts)
                if self
                    .cache
                    .has(&key, Plan::new(src, &key, facts).files().map(Variant::cache_name)) =>
            {
                (Plan::new(src, &key, facts), false)
            }
            _ => {
                let decoded = encode::decode(&bytes)?;
                let (width, height) = (decoded.image.width(), decoded.image.height());
                let facts = Facts {
                    width,
                    height,
                    alpha: decoded.alpha,
                };
                let plan = Plan::new(src, &key, facts);
                if mode == Mode::Check {
                    return Ok((plan, false));
                }
                let files = encode::encode(&plan, &decoded)?;
                self.cache
                    .store(&key, &files, &facts)
                    .map_err(|err| format!("cannot write the image cache: {err}"))?;
                (plan, true)
            }
        };
        if stamp.0.is_some()
            && let Ok(mut memo) = self.memo.lock()
        {
            memo.insert(path, (stamp, plan.clone()));
        }
        Ok((plan, processed))
    }

    /// Problems of the SVG files in content/media/ (all of them are published).
    fn check_svgs(&self, media: &BTreeSet<String>) -> Diagnostics {
        media
            .par_iter()
            .filter(|name| extension(name) == "svg")
            .filter_map(|name| self.svg(name).err())
            .collect::<Vec<_>>()
            .into_iter()
            .collect()
    }

    fn svg(&self, name: &str) -> Result<(), Diagnostic> {
        let file = Path::new(CONTENT_DIR).join(MEDIA_DIR).join(name);
        let path = self.root.join(&file);
        let meta = std::fs::metadata(&path).ok();
        let stamp = (
            meta.as_ref().and_then(|m| m.modified().ok()),
            meta.map_or(0, |m| m.len()),
        );
        if let Ok(memo) = self.svgs.lock()
            && let Some((known, verdict)) = memo.get(&path)
            && *known == stamp
            && stamp.0.is_some()
        {
            return verdict.clone();
        }
        let verdict = match std::fs::read(&path) {
            Ok(bytes) => crate::yaml::decode_utf8(&file, &bytes).and_then(|text| svg::check(&file, &text)),
            Err(err) => Err(Diagnostic::new(
                &file,
                Content::CannotRead {
                    detail: err.to_string(),
                },
            )),
        };
        if let Ok(mut memo) = self.svgs.lock() {
            memo.insert(path, (stamp, verdict.clone()));
        }
        verdict
    }

    fn memo_get(&self, path: &Path, stamp: Stamp) -> Option<Plan> {
        let memo = self.memo.lock().ok()?;
        match memo.get(path) {
            Some((known, plan)) if *known == stamp && stamp.0.is_some() => Some(plan.clone()),
            _ => None,
        }
    }

    fn unreadable(&self, file: &Path, at: (u64, u64), src: &str, message: &str) -> Diagnostic {
        let text = std::fs::read_to_string(self.root.join(file)).unwrap_or_default();
        let image = src.to_string();
        Diagnostic::new(
            file,
            Media::Unusable {
                image: image.clone(),
                detail: message.to_string(),
            },
        )
        .at(&text, at.0, at.1)
        .with_hint(Media::HintExportPhoto { image })
    }
}

/// What a build draws besides photos: the share cards of pages without a picture and the
/// home-screen icon (the theme's favicon), with the theme's fonts.
pub struct Sharing {
    pub fonts: Fonts,
    pub cards: Vec<ShareCard>,
    /// The SVG of the theme's favicon.
    pub icon: Option<Vec<u8>>,
}

/// One share image to make.
struct ShareJob {
    src: String,
    /// Content hash of what it is drawn from.
    key: String,
    /// Its path in the site, given the short hash.
    path: Box<dyn Fn(&str) -> String + Send + Sync>,
    size: (u32, u32),
    svg: Vec<u8>,
    /// For a share card: its key in `Processor::cards`.
    memo: Option<u64>,
}

/// Where each image is referenced: (content file, line and column of its `src`).
type References<'a> = BTreeMap<&'a str, Vec<(&'a Path, (u64, u64))>>;

fn references<'a>(uses: &[PhotoUse<'a>]) -> References<'a> {
    let mut references: References = BTreeMap::new();
    for photo in uses {
        references.entry(photo.src).or_default().push((photo.file, photo.at));
    }
    // Sorted only when reported: a photo many stories show has a long list.
    references
}

/// FNV-1a (128 bits) of the settings and the file: a stable content hash for the cache.
fn key(bytes: &[u8]) -> String {
    const OFFSET: u128 = 0x6c62_272e_07bb_0142_62b8_2175_6295_c58d;
    const PRIME: u128 = 0x0000_0000_0100_0000_0000_0000_0000_013b;
    let settings = format!(
        "{PIPELINE};{WIDTHS:?};{OG_SIZE:?};jpeg={};webp={};",
        encode::JPEG_QUALITY,
        encode::WEBP_QUALITY
    );
    let hash = settings
        .as_bytes()
        .iter()
        .chain(bytes)
        .fold(OFFSET, |hash, &byte| (hash ^ u128::from(byte)).wrapping_mul(PRIME));
    format!("{hash:032x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_scales_up() {
        assert_eq!(widths(4000), vec![480, 960, 1600]);
        assert_eq!(widths(1600), vec![480, 960, 1600]);
        assert_eq!(widths(1000), vec![480, 960, 1000]);
        assert_eq!(widths(480), vec![480]);
        assert_eq!(widths(300), vec![300]);
    }

    #[test]
    fn plans_names_and_sizes() {
        let key = "0123456789abcdef0123456789abcdef";
        let plan = Plan::new(
            "produk/gula.jpg",
            key,
            Facts {
                width: 2000,
                height: 1500,
                alpha: false,
            },
        );
        let paths: Vec<&str> = plan.files().map(|v| v.path.as_str()).collect();
        assert_eq!(paths[0], "assets/media/produk/gula-480.01234567.webp");
        assert_eq!(paths[1], "assets/media/produk/gula-480.01234567.jpg");
        assert_eq!(paths[6], "assets/media/produk/gula-og.01234567.jpg");
        assert_eq!(plan.height_at(480), 360);
        assert_eq!(plan.og.as_ref().map(|v| (v.width, v.height)), Some(OG_SIZE));
        assert_eq!(og_size(800, 800), Some((800, 420)));
        assert_eq!(og_size(100, 100), None);
    }

    #[test]
    fn keys_depend_on_content() {
        assert_eq!(key(b"a"), key(b"a"));
        assert_ne!(key(b"a"), key(b"b"));
        assert_eq!(key(b"a").len(), 32);
    }
}
