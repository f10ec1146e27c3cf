//! What each part of the core layer costs on the wire: the days, then every facet (its value
//! table and its column together), raw and gzipped, each measured as the difference it makes
//! to a core rebuilt with it alone, so that plans for a lighter first visit rest on figures.

use crate::engine::manifest;
use flate2::write::GzEncoder;
use flate2::Compression;
use nienbieu_model::dataset::core::{Core, CoreInput};
use std::fs;
use std::io::Write;
use std::path::Path;

fn gz(bytes: &[u8]) -> Result<usize, String> {
    let mut z = GzEncoder::new(Vec::new(), Compression::new(6));
    z.write_all(bytes).map_err(|e| e.to_string())?;
    Ok(z.finish().map_err(|e| e.to_string())?.len())
}

/// Prints the core of the dataset in `dir` part by part.
pub fn run(dir: &Path) -> Result<(), String> {
    let m = manifest(dir)?;
    let bytes = fs::read(dir.join(&m.core.path)).map_err(|e| format!("{}: {e}", m.core.path))?;
    let core = Core::load(&bytes).map_err(|e| format!("{}: {e}", m.core.path))?;
    let n = core.len() as u32;
    let days: Vec<Option<i32>> = (0..n).map(|d| core.day(d)).collect();
    let build = |facets| {
        Core::build(&CoreInput {
            days: days.clone(),
            facets,
        })
    };
    let bare = build(Vec::new());
    let (bare_gz, whole_gz) = (gz(&bare)?, gz(&bytes)?);
    let kb = |b: usize| format!("{:.1}", b as f64 / 1000.0);
    println!(
        "core of {} articles: {} kB raw, {} kB gzipped\n",
        n,
        kb(bytes.len()),
        kb(whole_gz)
    );
    println!("| part | values | kB raw | kB gzipped | share of the gzipped core |");
    println!("|---|---:|---:|---:|---:|");
    let share = |g: usize| format!("{:.0} %", 100.0 * g as f64 / whole_gz.max(1) as f64);
    println!(
        "| days (and header) | | {} | {} | {} |",
        kb(bare.len()),
        kb(bare_gz),
        share(bare_gz)
    );
    for f in core.facets() {
        let docs: Vec<Vec<&str>> = (0..n)
            .map(|d| f.of(d).iter().map(|&v| f.value(v)).collect())
            .collect();
        let alone = build(vec![(f.key.clone(), docs)]);
        let g = gz(&alone)?.saturating_sub(bare_gz);
        println!(
            "| {} | {} | {} | {} | {} |",
            f.key,
            f.len(),
            kb(alone.len() - bare.len()),
            kb(g),
            share(g)
        );
    }
    Ok(())
}
