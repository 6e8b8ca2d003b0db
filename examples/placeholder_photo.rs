//! Draws the demo's raster placeholder: blocks of tempe on a banana leaf in flat colours,
//! labelled "FOTO ILUSTRASI · PLACEHOLDER IMAGE", saved as a JPEG so that the demo site shows
//! the photo pipeline (variants, WebP, Open Graph) on a file that is plainly not a photo.
//!
//! cargo run --example placeholder_photo -- content/media/tempe-lpp-palembang.jpg

use image::codecs::jpeg::JpegEncoder;
use image::{Rgb, RgbImage};

const WIDTH: u32 = 1800;
const HEIGHT: u32 = 1200;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let out = std::env::args().nth(1).ok_or("usage: placeholder_photo OUTPUT.jpg")?;
    let mut image = RgbImage::from_pixel(WIDTH, HEIGHT, Rgb([251, 232, 207]));
    // The leaf: an ellipse with a midrib.
    fill(
        &mut image,
        |x, y| {
            let (dx, dy) = ((x - 900.0) / 760.0, (y - 560.0) / 330.0);
            dx * dx + dy * dy <= 1.0
        },
        Rgb([86, 140, 62]),
    );
    fill(
        &mut image,
        |x, y| (y - 560.0).abs() < 6.0 && (160.0..1640.0).contains(&x),
        Rgb([150, 190, 110]),
    );
    // Three blocks of tempe, speckled with soybeans.
    for (left, top) in [(420.0, 380.0), (760.0, 450.0), (1100.0, 370.0)] {
        fill(
            &mut image,
            |x, y| (left..left + 300.0).contains(&x) && (top..top + 220.0).contains(&y),
            Rgb([238, 222, 180]),
        );
        fill(
            &mut image,
            |x, y| {
                let (gx, gy) = ((x - left) % 28.0, (y - top) % 24.0);
                (left + 10.0..left + 290.0).contains(&x)
                    && (top + 10.0..top + 210.0).contains(&y)
                    && (gx - 14.0).powi(2) + (gy - 12.0).powi(2) < 30.0
            },
            Rgb([214, 190, 140]),
        );
    }
    // The label band.
    fill(&mut image, |_, y| y >= 1010.0, Rgb([122, 46, 29]));
    let label = "FOTO ILUSTRASI - PLACEHOLDER IMAGE";
    let left = (WIDTH - label.len() as u32 * 6 * 8) / 2;
    text(&mut image, label, left, 1077, 8, Rgb([246, 217, 168]));
    let mut bytes = Vec::new();
    JpegEncoder::new_with_quality(&mut bytes, 70).encode_image(&image)?;
    std::fs::write(&out, &bytes)?;
    println!("{out}: {WIDTH}×{HEIGHT}, {} bytes", bytes.len());
    Ok(())
}

fn fill(image: &mut RgbImage, inside: impl Fn(f32, f32) -> bool, colour: Rgb<u8>) {
    for (x, y, pixel) in image.enumerate_pixels_mut() {
        if inside(x as f32, y as f32) {
            *pixel = colour;
        }
    }
}

/// Capital letters of a 5×7 bitmap font, as rows of five bits.
fn glyph(c: char) -> [u8; 7] {
    match c {
        'A' => [14, 17, 17, 31, 17, 17, 17],
        'C' => [14, 17, 16, 16, 16, 17, 14],
        'D' => [30, 17, 17, 17, 17, 17, 30],
        'E' => [31, 16, 16, 30, 16, 16, 31],
        'F' => [31, 16, 16, 30, 16, 16, 16],
        'G' => [14, 17, 16, 23, 17, 17, 15],
        'H' => [17, 17, 17, 31, 17, 17, 17],
        'I' => [14, 4, 4, 4, 4, 4, 14],
        'L' => [16, 16, 16, 16, 16, 16, 31],
        'M' => [17, 27, 21, 21, 17, 17, 17],
        'O' => [14, 17, 17, 17, 17, 17, 14],
        'P' => [30, 17, 17, 30, 16, 16, 16],
        'R' => [30, 17, 17, 30, 20, 18, 17],
        'S' => [15, 16, 16, 14, 1, 1, 30],
        'T' => [31, 4, 4, 4, 4, 4, 4],
        'U' => [17, 17, 17, 17, 17, 17, 14],
        '-' => [0, 0, 0, 14, 0, 0, 0],
        _ => [0; 7],
    }
}

fn text(image: &mut RgbImage, text: &str, left: u32, top: u32, scale: u32, colour: Rgb<u8>) {
    for (ix, c) in text.chars().enumerate() {
        let x0 = left + ix as u32 * 6 * scale;
        for (row, bits) in glyph(c).iter().enumerate() {
            for col in 0..5 {
                if bits & (1 << (4 - col)) == 0 {
                    continue;
                }
                for dy in 0..scale {
                    for dx in 0..scale {
                        let (x, y) = (x0 + col * scale + dx, top + row as u32 * scale + dy);
                        if x < image.width() && y < image.height() {
                            image.put_pixel(x, y, colour);
                        }
                    }
                }
            }
        }
    }
}
