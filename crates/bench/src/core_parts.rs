//! What each part of the core layer costs on the wire: the core and columns files as shipped,
//! then the days and every facet (its value table and its column together), raw and gzipped,
//! each measured as the difference it makes to a core rebuilt with it alone, so that plans
//! for a lighter first visit rest on figures.

use crate::engine::manifest;
use flate2::write::GzEncoder;
use flate2::Compression;
use nienbieu_model::dataset::core::{Core, CoreInput, DEFERRED_FACETS};
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
    let mut core = Core::load(&bytes).map_err(|e| format!("{}: {e}", m.core.path))?;
    let columns =
        fs::read(dir.join(&m.columns.path)).map_err(|e| format!("{}: {e}", m.columns.path))?;
    core.add_columns(&columns)
        .map_err(|e| format!("{}: {e}", m.columns.path))?;
    let n = core.len() as u32;
    let days: Vec<Option<i32>> = (0..n).map(|d| core.day(d)).collect();
    let build = |facets| {
        Core::build(&CoreInput {
            days: days.clone(),
            facets,
        })
    };
    let bare = build(Vec::new());
    let bare_gz = gz(&bare)?;
    let kb = |b: usize| format!("{:.1}", b as f64 / 1000.0);
    let input = core_input(&core, &days);
    let (whole, columns_gz) = (Core::build(&input), gz(&columns)?);
    let whole_gz = gz(&whole)?;
    println!(
        "{} articles: the core file {} kB raw, {} kB gzipped (at start); the columns of {} \
         {} kB raw, {} kB gzipped (when a panel or filter needs them); both in one file {} kB \
         gzipped\n",
        n,
        kb(bytes.len()),
        kb(gz(&bytes)?),
        DEFERRED_FACETS.join(" and "),
        kb(columns.len()),
        kb(columns_gz),
        kb(whole_gz)
    );
    println!("| part | values | kB raw | kB gzipped | share of both files in one |");
    println!("|---|---:|---:|---:|---:|");
    let share = |g: usize| format!("{:.0} %", 100.0 * g as f64 / whole_gz.max(1) as f64);
    println!(
        "| days (and header) | | {} | {} | {} |",
        kb(bare.len()),
        kb(bare_gz),
        share(bare_gz)
    );
    for (f, (key, docs)) in core.facets().iter().zip(&input.facets) {
        let alone = build(vec![(key.clone(), docs.clone())]);
        let g = gz(&alone)?.saturating_sub(bare_gz);
        let deferred = if DEFERRED_FACETS.contains(&key.as_str()) {
            " (columns deferred)"
        } else {
            ""
        };
        println!(
            "| {key}{deferred} | {} | {} | {} | {} |",
            f.len(),
            kb(alone.len() - bare.len()),
            kb(g),
            share(g)
        );
    }
    Ok(())
}

/// Every facet of `core`, as the input it was built from.
fn core_input<'a>(core: &'a Core, days: &[Option<i32>]) -> CoreInput<'a> {
    CoreInput {
        days: days.to_vec(),
        facets: core
            .facets()
            .iter()
            .map(|f| {
                let docs = (0..core.len() as u32)
                    .map(|d| f.of(d).iter().map(|&v| f.value(v)).collect())
                    .collect();
                (f.key.clone(), docs)
            })
            .collect(),
    }
}
