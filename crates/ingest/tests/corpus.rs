//! The whole 20,000-article corpus, when ../shared/corpus is present: every record comes out.

use nienbieu_ingest::ingest_paths;
use std::path::PathBuf;

#[test]
fn ingests_the_whole_corpus_without_a_failure() {
    let file =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/vntc_sample.jsonl");
    if !file.exists() {
        eprintln!("skipped: {} is not present", file.display());
        return;
    }
    let out = ingest_paths(&[file]);
    assert!(
        out.failures.is_empty(),
        "{:?}",
        &out.failures[..out.failures.len().min(5)]
    );
    assert_eq!(out.articles.len(), 20_000);
    let titled = out.articles.iter().filter(|a| a.title.is_some()).count();
    assert_eq!(
        titled, 16_537,
        "titles are taken from the records, never invented"
    );
    assert!(out
        .articles
        .iter()
        .all(|a| !a.paragraphs.is_empty() || !a.captions.is_empty()));
}
