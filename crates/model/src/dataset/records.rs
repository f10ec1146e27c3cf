//! The record layers, fetched a few small files at a time: **fragments** (the full article
//! records, [`FRAGMENT_DOCS`] consecutive documents per file, so that one screen of rows and
//! its reader cost a few requests of a few kilobytes), the **catalog** (id, headline and
//! dates of [`CATALOG_DOCS`] documents per file, for exports), and **id buckets** (article id
//! to document number, hashed into files of about [`IDS_PER_BUCKET`], for links that name an
//! article).

use crate::article::Article;
use crate::dataset::{fnv1a, DatasetError};
use crate::time::{Date, Timestamp};
use serde::{Deserialize, Serialize};

/// Documents per fragments file. The rows of a query are scattered over the archive, so each
/// row costs its file: at 20,000 articles, a screen of seven rows of "đảng viên" fetched 35 kB
/// gzipped with four articles a file, 20 kB with two, 12 kB with one; but each file costs the
/// browser a request and a cache entry when the whole archive is saved offline (17, 27 and
/// 50 s on this machine's loopback for 6,532, 11,532 and 21,532 files), and some static
/// hosts cap a site's files (Cloudflare Pages at 20,000). Two is the knee.
pub const FRAGMENT_DOCS: u32 = 2;
/// Documents per catalog file.
pub const CATALOG_DOCS: u32 = 512;
/// Ids per bucket, on average.
pub const IDS_PER_BUCKET: usize = 1024;

/// The fragments file holding document `doc`, and its line there.
#[allow(clippy::modulo_one)] // a tunable constant, which may be one
pub fn fragment_of(doc: u32) -> (u32, usize) {
    (doc / FRAGMENT_DOCS, (doc % FRAGMENT_DOCS) as usize)
}

/// Writes a fragments file: one JSON record per line.
pub fn encode_fragment<'a>(articles: impl IntoIterator<Item = &'a Article>) -> Vec<u8> {
    let mut out = Vec::new();
    for a in articles {
        serde_json::to_writer(&mut out, a).expect("an article always serialises");
        out.push(b'\n');
    }
    out
}

/// Reads a fragments file.
pub fn decode_fragment(text: &str) -> Result<Vec<Article>, DatasetError> {
    super::decode::decode_fragment(text)
}

/// One article as the catalog lists it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CatalogEntry {
    /// The article id.
    pub id: String,
    /// The headline, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The publication date-time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<Timestamp>,
    /// The event date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub event_date: Option<Date>,
}

impl CatalogEntry {
    /// The entry of `a`.
    pub fn of(a: &Article) -> CatalogEntry {
        CatalogEntry {
            id: a.id.clone(),
            title: a.title.clone(),
            published: a.published,
            event_date: a.event_date,
        }
    }
}

/// Writes a catalog file: one JSON entry per line.
pub fn encode_catalog<'a>(entries: impl IntoIterator<Item = &'a CatalogEntry>) -> Vec<u8> {
    let mut out = Vec::new();
    for e in entries {
        serde_json::to_writer(&mut out, e).expect("an entry always serialises");
        out.push(b'\n');
    }
    out
}

/// Reads a catalog file.
pub fn decode_catalog(text: &str) -> Result<Vec<CatalogEntry>, DatasetError> {
    super::decode::decode_catalog(text)
}

/// How many id buckets a dataset of `n` documents has.
pub fn bucket_count(n: usize) -> u32 {
    n.div_ceil(IDS_PER_BUCKET).max(1) as u32
}

/// The bucket holding article id `id`.
pub fn bucket_of(id: &str, buckets: u32) -> u32 {
    (fnv1a(id.as_bytes()) % u64::from(buckets.max(1))) as u32
}

/// Writes an id bucket: a JSON array of `[id, document]` pairs, sorted by id.
pub fn encode_bucket(mut pairs: Vec<(&str, u32)>) -> Vec<u8> {
    pairs.sort_unstable();
    serde_json::to_vec(&pairs).expect("pairs serialise")
}

/// Reads an id bucket.
pub fn decode_bucket(text: &str) -> Result<Vec<(String, u32)>, DatasetError> {
    super::decode::decode_bucket(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layers_round_trip() {
        let a = Article {
            id: "a\"b".into(),
            title: Some("Đảng viên".into()),
            paragraphs: vec!["Một\ndòng".into()],
            ..Article::default()
        };
        let f = encode_fragment([&a, &a]);
        assert_eq!(
            decode_fragment(std::str::from_utf8(&f).unwrap()).unwrap(),
            [a.clone(), a.clone()]
        );
        let e = CatalogEntry::of(&a);
        let c = encode_catalog([&e]);
        assert_eq!(
            decode_catalog(std::str::from_utf8(&c).unwrap()).unwrap(),
            [e]
        );
        let b = encode_bucket(vec![("z", 2), ("a\"b", 0)]);
        assert_eq!(
            decode_bucket(std::str::from_utf8(&b).unwrap()).unwrap(),
            [("a\"b".to_string(), 0), ("z".to_string(), 2)]
        );
        assert!(decode_fragment("{").is_err() && decode_bucket("[[1]]").is_err());
        let (file, line) = fragment_of(9);
        assert_eq!(file * FRAGMENT_DOCS + line as u32, 9);
        assert!((line as u32) < FRAGMENT_DOCS);
        assert!(bucket_of("x", 7) < 7);
    }
}
