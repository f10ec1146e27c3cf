//! Writing a dataset into a directory that already holds one: what is unchanged is kept as it
//! is (its names are its contents' hashes), what is new replaces what was, what a crashed run
//! left half-written is written again, and no file of an earlier dataset stays behind.

use nienbieu_ingest::{build_dataset, ingest_paths, write_dataset_dir};
use nienbieu_model::dataset::{Manifest, MANIFEST};
use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::time::SystemTime;

fn seeds() -> Vec<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/raw/seeds");
    let mut files: Vec<PathBuf> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
}

fn write(dir: &Path, inputs: &[PathBuf]) -> Manifest {
    let outcome = ingest_paths(inputs);
    assert!(outcome.failures.is_empty());
    write_dataset_dir(dir, &build_dataset(&outcome.articles)).unwrap();
    Manifest::decode(&fs::read_to_string(dir.join(MANIFEST)).unwrap()).unwrap()
}

/// Every path under `dir`, relative, with its modification time.
fn listing(dir: &Path) -> BTreeSet<(String, SystemTime)> {
    let mut out = BTreeSet::new();
    for e in fs::read_dir(dir).unwrap() {
        let e = e.unwrap();
        let name = e.file_name().into_string().unwrap();
        out.insert((name.clone(), e.metadata().unwrap().modified().unwrap()));
        if e.file_type().unwrap().is_dir() {
            for (inner, t) in listing(&e.path()) {
                out.insert((format!("{name}/{inner}"), t));
            }
        }
    }
    out
}

/// The files the manifest names, and the manifest: exactly what is in the directory.
fn assert_exactly_the_manifest(dir: &Path, m: &Manifest) {
    let mut want: BTreeSet<String> = m.paths().collect();
    want.insert(MANIFEST.to_string());
    let files: BTreeSet<String> = listing(dir)
        .into_iter()
        .map(|(p, _)| p)
        .filter(|p| !dir.join(p).is_dir())
        .collect();
    assert_eq!(files, want);
}

#[test]
fn a_dataset_written_over_another_keeps_what_is_unchanged_and_nothing_stale() {
    let dir = std::env::temp_dir().join(format!("nienbieu-outdir-{}", std::process::id()));
    let _ = fs::remove_dir_all(&dir);
    let all = seeds();

    let first = write(&dir, &all);
    assert_exactly_the_manifest(&dir, &first);
    let before = listing(&dir);

    // The same pages again: every layer is kept untouched; only the manifest is rewritten.
    std::thread::sleep(std::time::Duration::from_millis(20));
    let again = write(&dir, &all);
    assert_eq!(again.encode(), first.encode());
    let after = listing(&dir);
    let changed: Vec<_> = after.difference(&before).map(|(p, _)| p.as_str()).collect();
    assert_eq!(changed, [MANIFEST]);

    // A crashed run's leftovers and a layer missing a file are written again or removed.
    let articles_dir = first.fragments.dir.clone();
    fs::remove_file(dir.join(first.fragments.path(0))).unwrap();
    fs::create_dir_all(dir.join("postings-00000000deadbeef.tmp")).unwrap();
    fs::write(dir.join("postings-00000000deadbeef.tmp/0.bin"), b"half").unwrap();
    let repaired = write(&dir, &all);
    assert_eq!(repaired.fragments.dir, articles_dir);
    assert_exactly_the_manifest(&dir, &repaired);

    // Other pages: the earlier dataset's layers are gone.
    let fewer = write(&dir, &all[..2]);
    assert_eq!(fewer.articles, 2);
    assert_ne!(fewer.core.path, first.core.path);
    assert_exactly_the_manifest(&dir, &fewer);
    fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_manifest_says_about_what_the_files_come_to_gzipped() {
    use std::io::Write;
    // Enough articles that every large layer is sampled, not compressed whole.
    let seeds = ingest_paths(&seeds()).articles;
    let articles: Vec<_> = (0..600)
        .map(|i| {
            let mut a = seeds[i % seeds.len()].clone();
            a.id = format!("g{i:04}");
            a.paragraphs
                .push(format!("Bài thứ {i}, số {}.", i * 7919 % 1000));
            a
        })
        .collect();
    let files = build_dataset(&articles);
    let exact: u64 = files
        .files
        .iter()
        .map(|(_, bytes)| {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(6));
            gz.write_all(bytes).unwrap();
            gz.finish().unwrap().len() as u64
        })
        .sum();
    let said = files.manifest.compressed_bytes.expect("ingest says it");
    let off = (said as f64 - exact as f64).abs() / exact as f64;
    assert!(off < 0.03, "said {said}, gzipped {exact}");
    assert!(
        said < files.manifest.total_bytes() / 2,
        "compressed: {said}"
    );
}
