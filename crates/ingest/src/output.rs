//! Writing the dataset directory: the index and article chunks under content-hashed names,
//! then the manifest, then removing the files of earlier runs, so that the directory is never
//! left naming a file that is not there.

use crate::run::par_map;
use nienbieu_model::dataset::MANIFEST;
use nienbieu_model::index::build::doc_terms;
use nienbieu_model::{Article, DatasetFiles};
use std::fs;
use std::io;
use std::path::Path;

/// Articles whose terms are extracted together, on every core.
const TERM_BATCH: usize = 1024;

/// Builds the dataset files from articles sorted by id. A producer thread extracts the terms
/// of one batch after another on every core while this thread assembles the index from the
/// batches already done; at most a few batches wait in between, so memory stays bounded.
pub fn build_dataset(articles: &[Article]) -> DatasetFiles {
    std::thread::scope(|s| {
        let (tx, rx) = std::sync::mpsc::sync_channel(2);
        s.spawn(move || {
            for batch in articles.chunks(TERM_BATCH) {
                if tx.send(par_map(batch, doc_terms)).is_err() {
                    break;
                }
            }
        });
        DatasetFiles::build(articles, rx.into_iter().flatten())
    })
}

/// Writes `files` into `dir` (created if needed). Each file goes through a temporary name and
/// a rename; the manifest comes last; then files of earlier datasets are deleted.
pub fn write_dataset_dir(dir: &Path, files: &DatasetFiles) -> io::Result<()> {
    fs::create_dir_all(dir)?;
    let write = |name: &str, bytes: &[u8]| {
        let tmp = dir.join(format!("{name}.tmp"));
        fs::write(&tmp, bytes)?;
        fs::rename(&tmp, dir.join(name))
    };
    for (name, bytes) in &files.files {
        write(name, bytes)?;
    }
    write(MANIFEST, files.manifest.encode().as_bytes())?;
    for entry in fs::read_dir(dir)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        let ours = (name.starts_with("index-") && name.ends_with(".bin"))
            || (name.starts_with("articles-") && name.ends_with(".jsonl"))
            || name == "dataset.json";
        if ours && !files.files.iter().any(|(n, _)| *n == name) {
            fs::remove_file(dir.join(&name))?;
        }
    }
    Ok(())
}
