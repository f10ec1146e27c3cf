//! The search before the app answers as the app's engine does: each query's term files asked
//! for by path until it is whole, then the same hits in the same order and the same count; its
//! rows carry the query's words marked; bad files are refused naming them.

use nienbieu_early::Searcher;
use nienbieu_ingest::{build_dataset, ingest_paths};
use nienbieu_model::time::{Date, Precision, Timestamp};
use nienbieu_model::{Article, DatasetFiles, Engine, SearchRequest};
use std::path::PathBuf;

fn seeds() -> Vec<Article> {
    ingest_paths(&[PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/raw/seeds")]).articles
}

/// 600 articles made of the seeds' paragraphs, rotated, with dates over two years: enough
/// terms for many postings, pairs and positions shards.
fn many() -> Vec<Article> {
    let seeds = seeds();
    let paragraphs: Vec<String> = seeds.iter().flat_map(|a| a.paragraphs.clone()).collect();
    (0..600)
        .map(|i| {
            let s = &seeds[i % seeds.len()];
            let start = (i * 7) % paragraphs.len();
            let date =
                Date::from_days(Date::new(2020, 1, 1).unwrap().to_days() + (i as i32 * 37) % 730);
            Article {
                id: format!("gen-{i}"),
                title: Some(format!("{} ({i})", s.title.clone().unwrap_or_default())),
                published: Some(Timestamp::start_of(date)),
                published_precision: Some(Precision::Day),
                paragraphs: (0..1 + i % 5)
                    .map(|k| paragraphs[(start + k) % paragraphs.len()].clone())
                    .collect(),
                ..s.clone()
            }
        })
        .collect()
}

const QUERIES: [&str; 9] = [
    "",
    "đảng viên",
    "dang vien",
    "Nghị quyết",
    "th",
    "công đoàn lao động",
    "\"ban chấp hành\"",
    "15-NQ/TU",
    "zzzz không có",
];

/// Answers `query` as the painted page would: asks for what it needs, file by file, until
/// it can search; returns the first `n` hits and the number of files it fetched.
fn answer(files: &DatasetFiles, query: &str, n: usize) -> (Searcher, Vec<u32>, usize) {
    let m = &files.manifest;
    let manifest = m.encode();
    let mut s = Searcher::new(&manifest, files.file(&m.core.path).unwrap()).unwrap();
    let mut fetched = 0;
    for _round in 0..8 {
        if let Some(hits) = s.search(query, n) {
            return (s, hits, fetched);
        }
        let needs = s.needs(query);
        assert!(
            !needs.is_empty(),
            "{query:?}: no answer and nothing to fetch"
        );
        for path in needs {
            let bytes = files
                .file(&path)
                .unwrap_or_else(|| panic!("{path} is not in the dataset"));
            s.add(&path, bytes.to_vec()).unwrap();
            fetched += 1;
        }
    }
    panic!("{query:?}: still incomplete after eight rounds");
}

fn same_as_engine(articles: &[Article]) {
    let files = build_dataset(articles);
    let engine = Engine::from_files(&files).unwrap();
    for q in QUERIES {
        let request = SearchRequest {
            query: q.into(),
            ..SearchRequest::default()
        };
        let whole = engine.search(&request).hits;
        let (s, hits, fetched) = answer(&files, q, 10);
        assert_eq!(
            hits,
            whole.iter().take(10).copied().collect::<Vec<_>>(),
            "{q:?}"
        );
        assert_eq!(s.total(), whole.len(), "{q:?}");
        assert_eq!(s.approximate(), engine.hits(&request).approximate, "{q:?}");
        if q.is_empty() {
            assert_eq!(
                fetched, 0,
                "the empty query is the core's newest-first order"
            );
            assert_eq!(s.total(), articles.len());
        } else {
            assert!(fetched > 0, "{q:?}: a word needs its term files");
        }
    }
}

#[test]
fn answers_as_the_engine_does_on_the_seeds() {
    same_as_engine(&seeds());
}

#[test]
fn answers_as_the_engine_does_over_many_shards() {
    let articles = many();
    let files = build_dataset(&articles);
    assert!(
        files.manifest.postings.files > 3,
        "the set spans several postings shards"
    );
    same_as_engine(&articles);
    // A query fetches only its own shards, not the layer.
    let (_, _, fetched) = answer(&files, "đảng viên", 10);
    assert!(
        fetched < files.manifest.postings.files as usize,
        "{fetched} files"
    );
}

#[test]
fn a_phrase_too_common_to_check_is_counted_as_approximate() {
    // "ban chấp hành" 250 times in each of 600 articles: 450,000 positions to read, past the
    // engine's budget.
    let mut articles = many();
    for a in &mut articles {
        a.paragraphs.push("ban chấp hành ".repeat(250));
    }
    let files = build_dataset(&articles);
    let engine = Engine::from_files(&files).unwrap();
    let q = "\"ban chấp hành\"";
    let request = SearchRequest {
        query: q.into(),
        ..SearchRequest::default()
    };
    assert!(engine.hits(&request).approximate, "the engine's budget");
    let (s, _, _) = answer(&files, q, 10);
    assert!(s.approximate());
    assert_eq!(s.total(), engine.search(&request).hits.len());
    // A query within the budget is exact again.
    let (s, _, _) = answer(&files, "đảng viên", 10);
    assert!(!s.approximate());
}

#[test]
fn rows_mark_the_query_words() {
    let files = build_dataset(&seeds());
    let (s, hits, _) = answer(&files, "đảng viên", 3);
    assert!(!hits.is_empty());
    for doc in hits {
        let path = s.file_of(doc);
        let text = std::str::from_utf8(files.file(&path).unwrap()).unwrap();
        let row = s.row("đảng viên", doc, text).unwrap();
        assert!(!row.id.is_empty() && !row.untitled, "{row:?}");
        assert!(
            !row.date.is_empty() && row.datetime.starts_with("20"),
            "the seeds are dated: {row:?}"
        );
        assert!(
            !row.province.is_empty() && !row.organization.is_empty(),
            "{row:?}"
        );
        assert_eq!(row.snippet.len() % 2, 1, "{row:?}");
        assert_eq!(row.title.len() % 2, 1, "{row:?}");
        let marked: Vec<String> = row
            .snippet
            .iter()
            .skip(1)
            .step_by(2)
            .map(|p| p.to_lowercase())
            .collect();
        assert!(
            marked.iter().any(|w| w == "đảng" || w == "viên"),
            "{:?}",
            row.snippet
        );
    }
    // The empty query's row is the article's opening, nothing marked.
    let (s, hits, _) = answer(&files, "", 1);
    let path = s.file_of(hits[0]);
    let row = s
        .row(
            "",
            hits[0],
            std::str::from_utf8(files.file(&path).unwrap()).unwrap(),
        )
        .unwrap();
    assert_eq!(row.snippet.len(), 1);
    assert!(!row.snippet[0].is_empty());
    // An article without a headline shows its lead's first words, marked as such.
    let mut untitled = seeds();
    untitled[0].title = None;
    let files = build_dataset(&untitled);
    let (s, hits, _) = answer(&files, "", 5);
    let rows: Vec<_> = hits
        .iter()
        .map(|&d| {
            s.row(
                "",
                d,
                std::str::from_utf8(files.file(&s.file_of(d)).unwrap()).unwrap(),
            )
            .unwrap()
        })
        .collect();
    let row = rows
        .iter()
        .find(|r| r.untitled)
        .expect("the untitled article");
    assert_eq!(row.title.len(), 1);
    assert!(row.title[0].split_whitespace().count() >= 5, "{row:?}");
}

#[test]
fn bad_files_are_refused_naming_them() {
    let files = build_dataset(&seeds());
    let m = &files.manifest;
    let core = files.file(&m.core.path).unwrap();
    let e = Searcher::new("{\"schema_version\": 8", core).err().unwrap();
    assert!(e.starts_with("manifest.json: "), "{e}");
    let e = Searcher::new(&m.encode(), &core[..core.len() / 2])
        .err()
        .unwrap();
    assert!(e.starts_with(&format!("{}: ", m.core.path)), "{e}");
    let mut s = Searcher::new(&m.encode(), core).unwrap();
    let e = s.add("postings-0/99.bin", vec![1, 2, 3]).unwrap_err();
    assert!(
        e.contains("postings-0/99.bin") && e.contains("not a file"),
        "{e}"
    );
    let last = m.postings.path(m.postings.files);
    assert!(s.add(&last, vec![]).unwrap_err().contains("not a file"));
    let e = s.add(&m.terms.path, vec![0xff; 7]).unwrap_err();
    assert!(e.starts_with(&format!("{}: ", m.terms.path)), "{e}");
    // A broken article file is refused too, and the searcher still answers.
    let (s, hits, _) = answer(&files, "đảng", 1);
    let e = s.row("đảng", hits[0], "{not json").unwrap_err();
    assert!(e.starts_with(&s.file_of(hits[0])), "{e}");
}
