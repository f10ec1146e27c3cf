//! The whole 20,000-article corpus, when ../shared/corpus is present: every record comes out,
//! and the app's JSON reader reads each back as written.

use nienbieu_ingest::ingest_paths;
use nienbieu_model::dataset::records::{decode_fragment, encode_fragment};
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
    // The app reads the article files with the model's own JSON reader, not serde: every
    // record of the corpus, figures included, must come back as ingest wrote it.
    for pair in out.articles.chunks(2) {
        let file = encode_fragment(pair);
        let read = decode_fragment(std::str::from_utf8(&file).unwrap()).unwrap();
        assert_eq!(read, pair, "{} read back otherwise", pair[0].id);
    }
}
