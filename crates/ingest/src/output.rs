//! Writing the dataset directory: every layer under content-hashed names, then the manifest,
//! then removing the files of earlier runs, so that the directory is never left naming a file
//! that is not there.

use crate::run::par_map;
use nienbieu_model::dataset::{doc_order, Records, MANIFEST};
use nienbieu_model::index::build::doc_terms;
use nienbieu_model::{Article, DatasetFiles};
use std::fs;
use std::io::{self, Write};
use std::path::Path;

/// Articles whose terms are extracted together, on every core.
const TERM_BATCH: usize = 1024;

/// Builds the dataset files from articles sorted by id. A producer thread extracts the terms
/// of one batch after another (in document order, newest first) on every core while this
/// thread assembles the layers from the batches already done; at most a few batches wait in
/// between, so memory stays bounded. The records' layers and the views, which need no term,
/// are built on a third thread meanwhile. Last, what the files come to gzipped
/// ([`compressed_size`]) goes into the manifest.
pub fn build_dataset(articles: &[Article]) -> DatasetFiles {
    let order = doc_order(articles);
    let mut files = std::thread::scope(|s| {
        let (tx, rx) = std::sync::mpsc::sync_channel(2);
        let order_ref = &order;
        s.spawn(move || {
            for batch in order_ref.chunks(TERM_BATCH) {
                if tx
                    .send(par_map(batch, |&i| doc_terms(&articles[i as usize])))
                    .is_err()
                {
                    break;
                }
            }
        });
        let records = s.spawn(|| Records::build(articles, order_ref));
        DatasetFiles::build_with(articles, &order, rx.into_iter().flatten(), || {
            records.join().expect("building the records' layers")
        })
    });
    files.manifest.compressed_bytes = Some(compressed_size(&files));
    files
}

/// Of each layer's files, one in this many is compressed to estimate the layer's size
/// gzipped ([`compressed_size`]).
const GZIP_SAMPLE: usize = 8;

/// About what the dataset's files (all but the manifest) come to gzipped at level 6, as a
/// static host compresses them: what saving the whole archive for offline use downloads,
/// which the app's offer names. Of each layer's files one in [`GZIP_SAMPLE`] is compressed
/// (a single file whole), on every core, and the layer's size scaled by their ratio: on the
/// corpus 63.6 MB in 0.26 s, where compressing every file says 63.8 MB in 1.8 s (about a
/// minute more at 1,000,000 articles).
pub fn compressed_size(files: &DatasetFiles) -> u64 {
    let layers = layers(files);
    // (layer, bytes) of the files compressed: the first of each layer and every GZIP_SAMPLE-th.
    let picked: Vec<(usize, &[u8])> = layers
        .iter()
        .enumerate()
        .flat_map(|(at, (_, list))| list.iter().step_by(GZIP_SAMPLE).map(move |f| (at, f.1)))
        .collect();
    let sizes = par_map(&picked, |(_, b)| gzip_len(b));
    // Each layer's (bytes, bytes gzipped) of its files compressed.
    let mut ratios = vec![(0u64, 0u64); layers.len()];
    for ((at, bytes), gz) in picked.iter().zip(sizes) {
        ratios[*at].0 += bytes.len() as u64;
        ratios[*at].1 += gz;
    }
    layers
        .iter()
        .zip(ratios)
        .map(|((_, list), (raw, gz))| {
            let total: u64 = list.iter().map(|f| f.1.len() as u64).sum();
            (total as f64 * gz as f64 / raw.max(1) as f64).round() as u64
        })
        .sum()
}

/// The length of `bytes` gzipped at level 6.
fn gzip_len(bytes: &[u8]) -> u64 {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
    gz.write_all(bytes)
        .and_then(|_| gz.finish())
        .map_or(0, |out| out.len() as u64)
}

/// A file's name in its layer's directory (empty for a top-level file), and its bytes.
type Named<'a> = (&'a str, &'a [u8]);

/// The files in order, a layer's together: (top-level name, its files). A top-level file is a
/// group of its own, with an empty inner name.
fn layers(files: &DatasetFiles) -> Vec<(&str, Vec<Named<'_>>)> {
    let mut groups: Vec<(&str, Vec<Named>)> = Vec::new();
    for (name, bytes) in &files.files {
        let (top, inner) = name.split_once('/').unwrap_or((name, ""));
        match groups.last_mut() {
            Some((t, list)) if *t == top && !inner.is_empty() => list.push((inner, bytes)),
            _ => groups.push((top, vec![(inner, bytes.as_slice())])),
        }
    }
    groups
}

/// Writes `files` into `dir` (created if needed). Every name is its content's hash, so a file
/// or a layer's directory already there (whole) is kept as it is; a new file goes through a
/// temporary name and a rename, a new layer's files into a temporary directory renamed when
/// all are in; the manifest comes last; then files and layer directories of earlier datasets
/// are deleted.
pub fn write_dataset_dir(dir: &Path, files: &DatasetFiles) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    let write = |name: &str, bytes: &[u8]| {
        let tmp = dir.join(format!("{name}.tmp"));
        fs::write(&tmp, bytes)?;
        fs::rename(&tmp, dir.join(name))
    };
    let groups = layers(files);
    for (top, list) in &groups {
        let path = dir.join(top);
        if list.len() == 1 && list[0].0.is_empty() {
            if !path.is_file() {
                write(top, list[0].1)?;
            }
            continue;
        }
        let whole = fs::read_dir(&path).is_ok_and(|d| d.count() == list.len());
        if whole {
            continue;
        }
        let tmp = dir.join(format!("{top}.tmp"));
        if tmp.exists() {
            fs::remove_dir_all(&tmp)?;
        }
        fs::create_dir_all(&tmp)?;
        for (inner, bytes) in list {
            fs::write(tmp.join(inner), bytes)?;
        }
        if path.exists() {
            fs::remove_dir_all(&path)?;
        }
        fs::rename(&tmp, &path)?;
    }
    write(MANIFEST, files.manifest.encode().as_bytes())?;
    let keep: std::collections::HashSet<&str> = groups.iter().map(|(top, _)| *top).collect();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name().to_string_lossy().into_owned();
        let stem = name.split('-').next().unwrap_or("");
        let ours = matches!(
            stem,
            "core"
                | "columns"
                | "terms"
                | "postings"
                | "positions"
                | "pairs"
                | "articles"
                | "catalog"
                | "ids"
                | "documents"
                | "people"
                | "organizations"
                | "figures"
                | "index"
        ) || name == "dataset.json";
        if ours && !keep.contains(name.as_str()) {
            if entry.file_type()?.is_dir() {
                fs::remove_dir_all(entry.path())?;
            } else {
                fs::remove_file(entry.path())?;
            }
        }
    }
    Ok(())
}
