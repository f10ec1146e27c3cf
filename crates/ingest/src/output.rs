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

/// Builds the dataset files from articles sorted by id, extracting terms on every core.
pub fn build_dataset(articles: &[Article]) -> DatasetFiles {
    DatasetFiles::build(articles, |batch| par_map(batch, doc_terms))
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
