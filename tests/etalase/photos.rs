//! The photo pipeline, end to end: real JPEG and PNG files made in the test go through a build
//! of a fixture site; the tests read back the files and pages it wrote.

use std::collections::BTreeMap;
use std::path::Path;

use image::codecs::jpeg::JpegEncoder;
use image::codecs::png::PngEncoder;
use image::{ImageDecoder, ImageEncoder, Rgb, RgbImage, Rgba, RgbaImage};

use crate::support::folders::snapshot;
use crate::support::html::{Element, elements, find};
use crate::support::servers::Server;
use crate::support::site::{Site, story};

/// A JPEG `width`×`height` with a gradient, like a photo but small to store.
fn jpeg(width: u32, height: u32) -> Vec<u8> {
    let image = RgbImage::from_fn(width, height, |x, y| {
        Rgb([(x * 255 / width) as u8, (y * 255 / height) as u8, 128])
    });
    let mut bytes = Vec::new();
    JpegEncoder::new_with_quality(&mut bytes, 90)
        .encode_image(&image)
        .expect("encode JPEG");
    bytes
}

/// A PNG with a transparent left half.
fn png_with_alpha(width: u32, height: u32) -> Vec<u8> {
    let image = RgbaImage::from_fn(width, height, |x, _| {
        Rgba([200, 50, 50, if x < width / 2 { 0 } else { 255 }])
    });
    let mut bytes = Vec::new();
    PngEncoder::new(&mut bytes)
        .write_image(&image, width, height, image::ExtendedColorType::Rgba8)
        .expect("encode PNG");
    bytes
}

const MAKE: &[u8] = b"SpyCam\0";
/// The GPS latitude 2° 59' 12.34" S (Palembang), as three rationals.
const LATITUDE: [u32; 6] = [2, 1, 59, 1, 1234, 100];

/// An EXIF block (the APP1 segment of a JPEG): camera make, orientation 6 ("rotate 90° clockwise
/// to show") and a GPS IFD with a latitude. Big-endian TIFF; offsets count from the TIFF header.
fn exif_segment() -> Vec<u8> {
    let mut tiff = b"MM\0\x2a\0\0\0\x08".to_vec();
    let entry = |tiff: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: [u8; 4]| {
        tiff.extend(tag.to_be_bytes());
        tiff.extend(kind.to_be_bytes());
        tiff.extend(count.to_be_bytes());
        tiff.extend(value);
    };
    // IFD0 at 8: three entries (2 + 36 + 4 bytes), then the make's text at 50, the GPS IFD at 58.
    let (make_at, gps_at) = (50u32, 58u32);
    tiff.extend(3u16.to_be_bytes());
    entry(&mut tiff, 0x010f, 2, MAKE.len() as u32, make_at.to_be_bytes());
    entry(&mut tiff, 0x0112, 3, 1, [0, 6, 0, 0]);
    entry(&mut tiff, 0x8825, 4, 1, gps_at.to_be_bytes());
    tiff.extend(0u32.to_be_bytes());
    tiff.extend(MAKE);
    tiff.push(0);
    assert_eq!(tiff.len(), gps_at as usize);
    // GPS IFD: latitude reference "S" inline, the latitude's rationals after the IFD.
    let rationals_at = gps_at + 2 + 2 * 12 + 4;
    tiff.extend(2u16.to_be_bytes());
    entry(&mut tiff, 0x0001, 2, 2, *b"S\0\0\0");
    entry(&mut tiff, 0x0002, 5, 3, rationals_at.to_be_bytes());
    tiff.extend(0u32.to_be_bytes());
    for n in LATITUDE {
        tiff.extend(n.to_be_bytes());
    }
    let mut segment = vec![0xff, 0xe1];
    segment.extend(((2 + 6 + tiff.len()) as u16).to_be_bytes());
    segment.extend(b"Exif\0\0");
    segment.extend(tiff);
    segment
}

/// A 40×20 JPEG, red on the left and blue on the right, stored sideways: its EXIF says to turn
/// it 90° clockwise, which shows red on top of blue, 20×40.
fn sideways_jpeg_with_gps() -> Vec<u8> {
    let image = RgbImage::from_fn(
        40,
        20,
        |x, _| if x < 20 { Rgb([220, 20, 20]) } else { Rgb([20, 20, 220]) },
    );
    let mut plain = Vec::new();
    JpegEncoder::new_with_quality(&mut plain, 95)
        .encode_image(&image)
        .expect("encode JPEG");
    // The EXIF segment goes right after the start-of-image marker.
    let mut bytes = plain[..2].to_vec();
    bytes.extend(exif_segment());
    bytes.extend(&plain[2..]);
    bytes
}

/// Width and height of a JPEG, PNG or WebP file.
fn size_of(bytes: &[u8]) -> (u32, u32) {
    if bytes.starts_with(b"RIFF") {
        let features = webp::BitstreamFeatures::new(bytes).expect("a WebP file");
        return (features.width(), features.height());
    }
    let image = image::load_from_memory(bytes).expect("a JPEG or PNG file");
    (image.width(), image.height())
}

/// Every file of `assets/media/` of the built site (the files made from photos), by name.
fn media_files(site: &Site) -> BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(site.public().join("assets/media"))
        .expect("media folder")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.is_file())
        .map(|p| {
            (
                p.file_name().expect("name").to_string_lossy().into_owned(),
                std::fs::read(&p).expect("read"),
            )
        })
        .collect()
}

/// The published files whose name starts with `stem-`, by the part after it (`480.1a2b3c4d.webp`).
fn variants<'a>(files: &'a BTreeMap<String, Vec<u8>>, stem: &str) -> Vec<(&'a str, &'a [u8])> {
    let prefix = format!("{stem}-");
    files
        .iter()
        .filter_map(|(name, bytes)| Some((name.strip_prefix(&prefix)?, bytes.as_slice())))
        .collect()
}

const PRODUCT_PHOTO: &str = "\
name: { id: Tempe, en: Tempe }
unit: lapas-lahat
category: pangan
description: { id: Tempe kedelai., en: Soybean tempe. }
images:
  - src: tempe.jpg
    alt: { id: Tempe di atas daun, en: Tempe on a leaf }
  - src: logo.png
    alt: { id: Logo bening, en: A clear logo }
";

fn photo_site() -> Site {
    let site = Site::new();
    site.file("content/products/tempe.yaml", PRODUCT_PHOTO)
        .bytes("content/media/tempe.jpg", &jpeg(2000, 1000))
        .bytes("content/media/logo.png", &png_with_alpha(600, 400));
    site
}

#[test]
fn photos_become_sized_variants_in_webp_and_a_fallback() {
    let site = photo_site();
    site.build();
    let files = media_files(&site);
    assert!(!files.contains_key("tempe.jpg"), "the original is not published");
    assert!(!files.contains_key("logo.png"));

    // 2000 px wide: the three widths; no variant wider than 1600, heights in proportion.
    let tempe = variants(&files, "tempe");
    let mut seen: Vec<(String, (u32, u32))> = tempe
        .iter()
        .filter(|(name, _)| !name.starts_with("og."))
        .map(|(name, bytes)| {
            let (width, rest) = name.split_once('.').expect("width.hash.ext");
            let extension = rest.rsplit('.').next().expect("extension");
            assert_eq!(size_of(bytes).0.to_string(), width, "{name}");
            (extension.to_string(), size_of(bytes))
        })
        .collect();
    seen.sort();
    assert_eq!(
        seen,
        [
            ("jpg".into(), (480, 240)),
            ("jpg".into(), (960, 480)),
            ("jpg".into(), (1600, 800)),
            ("webp".into(), (480, 240)),
            ("webp".into(), (960, 480)),
            ("webp".into(), (1600, 800)),
        ]
    );

    // 600 px wide with transparency: never scaled up, and PNG instead of JPEG.
    let mut logo: Vec<(&str, (u32, u32))> = variants(&files, "logo")
        .into_iter()
        .filter(|(name, _)| !name.starts_with("og."))
        .map(|(name, bytes)| (name.rsplit('.').next().expect("ext"), size_of(bytes)))
        .collect();
    logo.sort();
    assert_eq!(
        logo,
        [
            ("png", (480, 320)),
            ("png", (600, 400)),
            ("webp", (480, 320)),
            ("webp", (600, 400))
        ]
    );
    let webp = variants(&files, "logo")
        .into_iter()
        .find(|(name, _)| name.starts_with("600.") && name.ends_with(".webp"))
        .expect("a WebP of the logo");
    assert!(webp::BitstreamFeatures::new(webp.1).expect("WebP").has_alpha());

    // The page: <picture> with a WebP <source> and an <img> with srcset, sizes, width, height.
    let html = site.read("produk/tempe/index.html");
    let elements = elements(&html);
    let sources: Vec<&Element> = elements.iter().filter(|e| e.name == "source").collect();
    assert_eq!(sources.len(), 2);
    assert_eq!(sources[0].attr("type"), Some("image/webp"));
    let srcset = sources[0].attr("srcset").expect("srcset");
    let candidates: Vec<(&str, &str)> = srcset
        .split(", ")
        .map(|c| c.split_once(' ').expect("url and width"))
        .collect();
    assert_eq!(candidates.len(), 3);
    for (url, descriptor) in &candidates {
        let name = url.strip_prefix("/assets/media/").expect("a media URL");
        assert!(name.ends_with(".webp"));
        assert_eq!(format!("{}w", size_of(&files[name]).0), *descriptor);
    }
    assert!(sources[0].attr("sizes").is_some());
    let images: Vec<&Element> = elements
        .iter()
        .filter(|e| e.name == "img" && e.attr("srcset").is_some())
        .collect();
    assert_eq!(images.len(), 2);
    for (ix, img) in images.iter().enumerate() {
        let src = img
            .attr("src")
            .expect("src")
            .strip_prefix("/assets/media/")
            .expect("media");
        let (width, height) = size_of(&files[src]);
        assert_eq!(img.attr("width"), Some(width.to_string().as_str()));
        assert_eq!(img.attr("height"), Some(height.to_string().as_str()));
        assert!(img.attr("sizes").is_some());
        let expected = if ix == 0 { "eager" } else { "lazy" };
        assert_eq!(img.attr("loading"), Some(expected), "only the first image is eager");
        for candidate in img.attr("srcset").expect("srcset").split(", ") {
            let (url, descriptor) = candidate.split_once(' ').expect("url and width");
            assert!(descriptor.ends_with('w'));
            assert!(files.contains_key(url.trim_start_matches("/assets/media/")), "{url}");
        }
    }
    assert!(images[0].attr("src").is_some_and(|s| s.ends_with(".jpg")));
    assert!(images[1].attr("src").is_some_and(|s| s.ends_with(".png")));
}

#[test]
fn story_and_product_pages_get_a_1200_by_630_open_graph_image() {
    let site = photo_site();
    site.file(
        "content/news/2025-11-19-panen.id.md",
        &story(
            "Panen",
            "2025-11-19",
            "image: { src: tempe.jpg, alt: Panen tempe }\n",
            "Isi.",
        ),
    );
    site.build();
    for (page, alt) in [
        ("produk/tempe/index.html", "Tempe di atas daun"),
        ("en/products/tempe/index.html", "Tempe on a leaf"),
        ("berita/panen/index.html", "Panen tempe"),
    ] {
        let html = site.read(page);
        let elements = elements(&html);
        let meta = |property: &str| {
            find(&elements, "meta", "property", property)
                .first()
                .and_then(|m| m.attr("content"))
                .map(str::to_string)
        };
        let url = meta("og:image").unwrap_or_else(|| panic!("{page} has og:image"));
        let path = url.strip_prefix("https://example.test/").expect("an absolute URL");
        let bytes = std::fs::read(site.public().join(path)).expect("the og:image file");
        assert_eq!(size_of(&bytes), (1200, 630));
        assert!(path.ends_with(".jpg"));
        assert_eq!(meta("og:image:width").as_deref(), Some("1200"));
        assert_eq!(meta("og:image:height").as_deref(), Some("630"));
        assert_eq!(meta("og:image:alt").as_deref(), Some(alt));
    }
}

#[test]
fn svg_images_pass_through_and_link_previews_get_them_as_png() {
    let site = Site::new();
    site.file(
        "content/media/gula.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"120\" height=\"80\"><rect width=\"120\" height=\"80\" fill=\"#0a0\"/><text x=\"10\" y=\"40\" font-family=\"sans-serif\">Gula</text></svg>",
    );
    site.build();
    assert!(
        site.read("media/gula.svg").starts_with("<svg"),
        "the SVG is published as it is"
    );
    let html = site.read("produk/gula-semut/index.html");
    let elements = elements(&html);
    let img = find(&elements, "img", "src", "/media/gula.svg");
    assert_eq!(img.len(), 1, "pages show the SVG itself");
    assert!(img[0].attr("srcset").is_none());
    let og = find(&elements, "meta", "property", "og:image")[0]
        .attr("content")
        .expect("og:image");
    let path = og.strip_prefix("https://example.test/").expect("absolute");
    assert!(
        path.starts_with("assets/media/gula-og.") && path.ends_with(".png"),
        "{path}"
    );
    let bytes = std::fs::read(site.public().join(path)).expect("the PNG");
    assert_eq!(size_of(&bytes), (1200, 630));
    let image = image::load_from_memory(&bytes).expect("PNG").to_rgb8();
    assert_eq!(image.get_pixel(600, 315).0, [0, 0xaa, 0], "the picture, centred");
    assert!(site.root().join(".etalase-cache").exists(), "cached like photos");
}

#[test]
fn orientation_is_applied_and_no_metadata_is_published() {
    let original = sideways_jpeg_with_gps();
    // The fixture is what it claims: a decoder reads the EXIF block and its orientation.
    let mut decoder = image::codecs::jpeg::JpegDecoder::new(std::io::Cursor::new(&original)).expect("decoder");
    assert_eq!(
        decoder.orientation().expect("orientation"),
        image::metadata::Orientation::Rotate90
    );
    assert!(decoder.exif_metadata().expect("exif").is_some());

    let site = Site::new();
    site.bytes("content/media/sel.jpg", &original).file(
        "content/news/2025-11-19-sel.id.md",
        &story("Sel", "2025-11-19", "image: { src: sel.jpg, alt: Foto sel }\n", "Isi."),
    );
    site.build();
    let files = media_files(&site);
    let sel = variants(&files, "sel");
    assert_eq!(sel.len(), 2, "one width (20 px), in WebP and JPEG: {sel:?}");
    for (name, bytes) in &sel {
        assert_eq!(size_of(bytes), (20, 40), "{name} is upright");
        let needles: [&[u8]; 4] = [b"Exif", b"SpyCam", b"MM\0\x2a", &1234u32.to_be_bytes()];
        for needle in needles {
            assert!(
                !bytes.windows(needle.len()).any(|w| w == needle),
                "{name} carries {:?}",
                String::from_utf8_lossy(needle)
            );
        }
    }
    let (_, jpg) = sel.iter().find(|(n, _)| n.ends_with(".jpg")).expect("a JPEG");
    let mut decoder = image::codecs::jpeg::JpegDecoder::new(std::io::Cursor::new(jpg)).expect("decoder");
    assert_eq!(decoder.exif_metadata().expect("exif"), None);
    let upright = image::load_from_memory(jpg).expect("JPEG").to_rgb8();
    let [r, _, b] = upright.get_pixel(10, 5).0;
    assert!(r > 150 && b < 100, "red on top: {r} {b}");
    let [r, _, b] = upright.get_pixel(10, 35).0;
    assert!(b > 150 && r < 100, "blue below: {r} {b}");

    // Nothing anywhere in the site carries the camera or the position.
    for (path, bytes) in snapshot(&site.public()) {
        for needle in [&b"SpyCam"[..], &b"Exif\0\0"[..]] {
            assert!(!bytes.windows(needle.len()).any(|w| w == needle), "{path}");
        }
    }
}

/// Every file of the image cache with its modification time.
fn cache_state(root: &Path) -> Vec<(String, std::time::SystemTime)> {
    let mut files: Vec<_> = walkdir::WalkDir::new(root.join(".etalase-cache"))
        .into_iter()
        .map(|e| e.expect("entry"))
        .filter(|e| e.file_type().is_file())
        .map(|e| {
            let modified = e.metadata().expect("metadata").modified().expect("mtime");
            (e.path().display().to_string(), modified)
        })
        .collect();
    files.sort();
    files
}

#[test]
fn a_rebuild_encodes_only_new_or_changed_photos() {
    let site = photo_site();
    let options = etalase::BuildOptions {
        root: site.root().to_path_buf(),
        ..Default::default()
    };
    let first = etalase::build(&options).expect("first build");
    assert_eq!((first.images.processed, first.images.cached), (2, 0));
    let cached = cache_state(site.root());
    assert!(cached.len() > 10, "{cached:?}");
    let published = snapshot(&site.public());

    let second = etalase::build(&options).expect("second build");
    assert_eq!((second.images.processed, second.images.cached), (0, 2));
    assert_eq!(cache_state(site.root()), cached, "no cache file was written again");
    assert_eq!(snapshot(&site.public()), published);

    // A changed photo is encoded again, and only it.
    site.bytes("content/media/tempe.jpg", &jpeg(1000, 800));
    let third = etalase::build(&options).expect("third build");
    assert_eq!((third.images.processed, third.images.cached), (1, 1));
    let files = media_files(&site);
    assert!(variants(&files, "tempe").iter().any(|(n, _)| n.starts_with("1000.")));
    assert!(!variants(&files, "tempe").iter().any(|(n, _)| n.starts_with("1600.")));
}

#[test]
fn a_corrupt_photo_is_an_error_naming_the_file_and_keeps_the_site() {
    let site = photo_site();
    site.build();
    let before = snapshot(&site.public());
    // A JPEG cut off after its first bytes.
    let mut broken = jpeg(2000, 1000);
    broken.truncate(300);
    site.bytes("content/media/tempe.jpg", &broken);
    let error = site.build_error();
    assert!(
        error.contains("content/products/tempe.yaml:6:10: error: the image `tempe.jpg` cannot be used"),
        "{error}"
    );
    assert!(error.contains("  - src: tempe.jpg"), "the line is shown: {error}");
    assert!(error.contains("hint: "), "{error}");
    assert_eq!(snapshot(&site.public()), before, "the previous site is untouched");

    // Not an image at all, referenced from a story too: both places are named.
    site.file("content/media/tempe.jpg", "this is not a photo").file(
        "content/news/2025-11-19-panen.id.md",
        &story("Panen", "2025-11-19", "image: { src: tempe.jpg, alt: Panen }\n", "Isi."),
    );
    let error = site.build_error();
    assert!(error.contains("content/products/tempe.yaml:6:10"), "{error}");
    assert!(error.contains("content/news/2025-11-19-panen.id.md:6:"), "{error}");
    assert!(error.contains("not a JPEG or PNG"), "{error}");

    // `check` finds it too, without writing anything.
    let out = site.run(&["check"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("tempe.jpg` cannot be used"));
}

#[test]
fn the_dev_server_serves_the_variants_from_the_cache() {
    let site = photo_site();
    let server = Server::start(site.root(), &[]);
    let page = server.get("/produk/tempe/").text();
    let src = elements(&page)
        .iter()
        .find(|e| e.name == "source")
        .and_then(|e| e.attr("srcset"))
        .map(|s| s.split(' ').next().unwrap_or_default().to_string())
        .expect("a WebP source");
    let variant = server.get(&src);
    assert_eq!(variant.status, 200);
    assert!(
        variant
            .headers
            .to_ascii_lowercase()
            .contains("content-type: image/webp")
    );
    assert_eq!(size_of(&variant.body).0, 480);
    assert_eq!(server.get("/media/tempe.jpg").status, 404, "never the original");
}
