//! The dev server's rebuild loop without the server, for profiling: builds the site at
//! `<site>` once, then appends a sentence to `<file>` (relative to the site) and rebuilds,
//! `<saves>` times, printing each rebuild's time. The file is put back at the end.
//!
//! Usage: cargo run --release --example rebuilds -- <site> <file> [saves]
//! Under a profiler: valgrind --tool=callgrind --toggle-collect='*saves_loop*' …

use std::path::{Path, PathBuf};

use etalase::BuildOptions;
use etalase::serve::session::{Change, Session};

// As in the `etalase` program, whose allocator decides much of a save's time.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let (Some(site), Some(file)) = (args.next(), args.next()) else {
        return Err("usage: rebuilds <site> <file> [saves]".into());
    };
    let saves: usize = args.next().map_or(Ok(3), |n| n.parse())?;
    etalase::serve::return_freed_memory_at_once();
    let root = PathBuf::from(site);
    let path = root.join(&file);
    let original = std::fs::read(&path)?;
    let mut session = Session::new(BuildOptions {
        root: root.clone(),
        output: None,
        base_url: Some("http://127.0.0.1:1111/".into()),
        drafts: false,
        lang: Default::default(),
    })?;
    let (_, first) = session.rebuild(Change::Everything, &[])?;
    println!("first build: {} ms", first.elapsed.as_millis());
    saves_loop(&mut session, &path, &original, saves)?;
    std::fs::write(&path, original)?;
    Ok(())
}

/// The saves, apart from the first build so that a profiler can collect only them.
#[inline(never)]
fn saves_loop(
    session: &mut Session,
    path: &Path,
    original: &[u8],
    saves: usize,
) -> Result<(), Box<dyn std::error::Error>> {
    for save in 0..saves {
        // As a writer saves: with a pause, in which the last rebuild's leftovers are freed.
        std::thread::sleep(std::time::Duration::from_millis(500));
        let mut text = original.to_vec();
        text.extend_from_slice(format!("\nKalimat tambahan {save}.\n").as_bytes());
        std::fs::write(path, text)?;
        let (_, outcome) = session.rebuild(Change::Content, &[path.to_path_buf()])?;
        println!(
            "save {save}: {} ms, {} pages rendered",
            outcome.elapsed.as_millis(),
            outcome.rendered.len()
        );
    }
    Ok(())
}
