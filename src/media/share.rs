//! Share images: what chat apps and social networks show when a page's address is shared.
//! They show no SVG, so an SVG picture is rasterised to a 1200×630 PNG (the whole picture on
//! the theme's background), and a page without a picture of its own gets a share card: its
//! title, a line under it (the unit) and the site's name on the theme's songket pattern. The
//! theme's favicon becomes the 180×180 PNG icon phones put on their home screens. Everything
//! is drawn with the theme's own fonts (`themes/<name>/fonts/`), never the computer's.

use std::sync::Arc;

use image::ImageEncoder;
use image::codecs::png::{CompressionType, FilterType, PngEncoder};
use resvg::{tiny_skia, usvg};
use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size};

/// What `src` of a share card starts with, never a file of content/media/.
pub const CARD_PREFIX: &str = "share:";
/// The `src` of the home-screen icon made from the theme's favicon.
pub const ICON_SRC: &str = "share:apple-touch-icon";
/// Size of the home-screen icon, in pixels.
pub const ICON_SIZE: u32 = 180;

const MAROON: &str = "#7a2e1d";
const MAROON_DARK: &str = "#5c2114";
const GOLD: &str = "#d9a441";
const GOLD_LIGHT: &str = "#f3d27a";
const CREAM: &str = "#fff8ef";
/// The page background, around an SVG picture that has another shape than 1200×630.
const PAGE: (u8, u8, u8) = (0xfb, 0xf6, 0xee);

/// A page's generated share card.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct ShareCard {
    /// `share:<kind>/<id>.<lang>`: how the page finds its card among the photos.
    pub src: String,
    pub title: String,
    /// The line under the title: the unit, or what the site is.
    pub subtitle: String,
    /// The site's name in the page's language.
    pub site: String,
}

impl ShareCard {
    /// The `src` of the card of item `id` of `kind` in language `lang`.
    pub fn src(kind: &str, id: &str, lang: &str) -> String {
        format!("{CARD_PREFIX}{kind}/{id}.{lang}")
    }

    /// The `src` of the site's own card in language `lang`: what every page without a card
    /// of its own shows.
    pub fn site_src(lang: &str) -> String {
        ShareCard::src("site", "home", lang)
    }

    /// Where the card is published, named by `hash`.
    pub fn path(&self, hash: &str) -> String {
        let name = self.src.trim_start_matches(CARD_PREFIX).replace(['/', '.'], "-");
        format!("{}/share/{name}.{hash}.png", super::VARIANTS_DIR)
    }
}

/// The theme's fonts, ready for drawing and for measuring text.
pub struct Fonts {
    db: Arc<usvg::fontdb::Database>,
    faces: Vec<Vec<u8>>,
    /// A hash of every font file: images drawn with other fonts are other images.
    pub hash: String,
}

impl Fonts {
    pub fn new(faces: Vec<Vec<u8>>) -> Fonts {
        let mut db = usvg::fontdb::Database::new();
        for face in &faces {
            db.load_font_data(face.clone());
        }
        let family = db
            .faces()
            .next()
            .and_then(|face| face.families.first())
            .map(|(name, _)| name.clone());
        if let Some(family) = family {
            db.set_sans_serif_family(family.clone());
            db.set_serif_family(family.clone());
            db.set_monospace_family(family.clone());
            db.set_cursive_family(family.clone());
            db.set_fantasy_family(family);
        }
        let hash = super::key(&faces.concat());
        Fonts {
            db: Arc::new(db),
            faces,
            hash,
        }
    }

    /// The family SVG text falls back to.
    fn family(&self) -> String {
        self.db
            .faces()
            .next()
            .and_then(|face| face.families.first())
            .map(|(name, _)| name.clone())
            .unwrap_or_else(|| "sans-serif".into())
    }

    /// The width of `text` at `size` pixels in the bold face (the widest), for line breaks.
    fn width(&self, text: &str, size: f32) -> f32 {
        let face = self.faces.last().and_then(|bytes| skrifa::FontRef::new(bytes).ok());
        let Some(font) = face else {
            return text.chars().count() as f32 * size * 0.6;
        };
        let charmap = font.charmap();
        let metrics = font.glyph_metrics(Size::new(size), LocationRef::default());
        text.chars()
            .map(|c| {
                let glyph = charmap.map(c).unwrap_or_default();
                metrics.advance_width(glyph).unwrap_or(size * 0.6)
            })
            .sum()
    }
}

/// A PNG of the SVG `bytes`, the whole picture centred on a `width`×`height` canvas of the
/// page's background.
pub fn rasterise(bytes: &[u8], fonts: &Fonts, (width, height): (u32, u32)) -> Result<Vec<u8>, String> {
    let options = usvg::Options {
        font_family: fonts.family(),
        fontdb: fonts.db.clone(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_data(bytes, &options).map_err(|err| err.to_string())?;
    let mut pixmap = tiny_skia::Pixmap::new(width, height).ok_or("an empty image")?;
    let (r, g, b) = PAGE;
    pixmap.fill(tiny_skia::Color::from_rgba8(r, g, b, 255));
    let size = tree.size();
    let scale = (width as f32 / size.width()).min(height as f32 / size.height());
    let dx = (width as f32 - size.width() * scale) / 2.0;
    let dy = (height as f32 - size.height() * scale) / 2.0;
    let transform = tiny_skia::Transform::from_row(scale, 0.0, 0.0, scale, dx, dy);
    resvg::render(&tree, transform, &mut pixmap.as_mut());
    png(&pixmap)
}

/// The PNG of a share card, 1200×630.
pub fn card(card: &ShareCard, fonts: &Fonts) -> Result<Vec<u8>, String> {
    rasterise(card_svg(card, fonts).as_bytes(), fonts, super::OG_SIZE)
}

/// An opaque pixmap as PNG.
fn png(pixmap: &tiny_skia::Pixmap) -> Result<Vec<u8>, String> {
    let rgb: Vec<u8> = pixmap.data().chunks_exact(4).flat_map(|p| [p[0], p[1], p[2]]).collect();
    let mut out = Vec::new();
    PngEncoder::new_with_quality(&mut out, CompressionType::Default, FilterType::Adaptive)
        .write_image(&rgb, pixmap.width(), pixmap.height(), image::ExtendedColorType::Rgb8)
        .map_err(|err| err.to_string())?;
    Ok(out)
}

/// Left margin and text width of a card.
const MARGIN: f32 = 80.0;
const TEXT_WIDTH: f32 = 1040.0;

/// The card as SVG: the title in as large a size as fits in four lines.
pub fn card_svg(card: &ShareCard, fonts: &Fonts) -> String {
    let (size, lines) = [68.0, 58.0, 50.0]
        .into_iter()
        .map(|size| (size, wrap(&card.title, TEXT_WIDTH, |t| fonts.width(t, size))))
        .find(|(_, lines)| lines.len() <= 3)
        .unwrap_or_else(|| {
            let lines = wrap(&card.title, TEXT_WIDTH, |t| fonts.width(t, 50.0));
            (50.0, clip_lines(lines, 4, |t| fonts.width(t, 50.0) <= TEXT_WIDTH))
        });
    let line_height = size * 1.2;
    let block = line_height * lines.len() as f32;
    let top = 150.0 + (340.0 - block) / 2.0;
    let mut title = String::new();
    for (ix, line) in lines.iter().enumerate() {
        let y = top + size + line_height * ix as f32;
        title.push_str(&format!(
            "<text x=\"{MARGIN}\" y=\"{y:.0}\" font-size=\"{size}\" font-weight=\"700\" fill=\"{CREAM}\">{}</text>",
            escape(line)
        ));
    }
    let site = fit(&card.site, |t| fonts.width(t, 32.0) <= TEXT_WIDTH - 70.0);
    let subtitle = fit(&card.subtitle, |t| fonts.width(t, 34.0) <= TEXT_WIDTH);
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"1200\" height=\"630\" viewBox=\"0 0 1200 630\" font-family=\"{family}\">\
         <defs><pattern id=\"songket\" width=\"24\" height=\"24\" patternUnits=\"userSpaceOnUse\">\
         <rect width=\"24\" height=\"24\" fill=\"{MAROON_DARK}\"/><path d=\"M12 0L24 12L12 24L0 12Z\" fill=\"{GOLD}\"/></pattern></defs>\
         <rect width=\"1200\" height=\"630\" fill=\"{MAROON}\"/>\
         <rect width=\"1200\" height=\"24\" fill=\"url(#songket)\"/><rect y=\"606\" width=\"1200\" height=\"24\" fill=\"url(#songket)\"/>\
         <g transform=\"translate({MARGIN} 70) scale(1.5)\" fill=\"{GOLD_LIGHT}\"><rect x=\"3\" y=\"9\" width=\"26\" height=\"20\" rx=\"3\"/>\
         <path d=\"M3 13 L16 3 L29 13\" fill=\"none\" stroke=\"{GOLD_LIGHT}\" stroke-width=\"3\" stroke-linejoin=\"round\"/>\
         <rect x=\"9\" y=\"15\" width=\"14\" height=\"9\" rx=\"1.5\" fill=\"{MAROON}\"/></g>\
         <text x=\"{site_x}\" y=\"112\" font-size=\"32\" font-weight=\"700\" fill=\"{GOLD_LIGHT}\">{site}</text>\
         {title}\
         <rect x=\"{MARGIN}\" y=\"512\" width=\"96\" height=\"6\" fill=\"{GOLD}\"/>\
         <text x=\"{MARGIN}\" y=\"568\" font-size=\"34\" fill=\"{GOLD_LIGHT}\">{subtitle}</text></svg>",
        family = escape(&fonts.family()),
        site_x = MARGIN + 70.0,
        site = escape(&site),
        subtitle = escape(&subtitle),
    )
}

/// `text` in lines no wider than `width`, broken between words (a word wider than a line
/// gets a line of its own).
fn wrap(text: &str, width: f32, measure: impl Fn(&str) -> f32) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = if line.is_empty() {
            word.to_string()
        } else {
            format!("{line} {word}")
        };
        if measure(&candidate) <= width || line.is_empty() {
            line = candidate;
        } else {
            lines.push(std::mem::replace(&mut line, word.to_string()));
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// The first `max` lines, the last one ending in "…" when some were left out.
fn clip_lines(mut lines: Vec<String>, max: usize, fits: impl Fn(&str) -> bool) -> Vec<String> {
    if lines.len() <= max {
        return lines;
    }
    lines.truncate(max);
    if let Some(last) = lines.last_mut() {
        *last = ellipsis(last, &fits);
    }
    lines
}

/// `text` if it fits, else as many of its first words as fit, with "…".
fn fit(text: &str, fits: impl Fn(&str) -> bool) -> String {
    if fits(text) {
        return text.to_string();
    }
    ellipsis(text, &fits)
}

fn ellipsis(text: &str, fits: &impl Fn(&str) -> bool) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    (1..=words.len())
        .rev()
        .map(|n| format!("{}…", words[..n].join(" ")))
        .find(|candidate| fits(candidate))
        .unwrap_or_else(|| "…".to_string())
}

/// Text safe in SVG: markup characters as entities.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_break_between_words() {
        let measure = |t: &str| t.chars().count() as f32;
        assert_eq!(wrap("satu dua tiga empat", 9.0, measure), ["satu dua", "tiga", "empat"]);
        assert_eq!(wrap("panjangsekali x", 3.0, measure), ["panjangsekali", "x"]);
        let clipped = clip_lines(wrap("a b c d e", 1.0, measure), 2, |t| t.chars().count() <= 2);
        assert_eq!(clipped, ["a", "b…"]);
        assert_eq!(
            fit("Lapas Kelas IIA Lahat", |t| t.chars().count() <= 12),
            "Lapas Kelas…"
        );
    }

    #[test]
    fn card_text_cannot_add_markup() {
        let fonts = Fonts::new(Vec::new());
        let card = ShareCard {
            src: ShareCard::src("news", "x", "id"),
            title: "<script>alert(1)</script> & \"x\"".into(),
            subtitle: "a<b".into(),
            site: "s".into(),
        };
        let svg = card_svg(&card, &fonts);
        assert!(!svg.contains("<script") && svg.contains("&lt;script&gt;"), "{svg}");
        assert!(roxmltree::Document::parse(&svg).is_ok());
    }
}
