//! Fuzz target: any bytes, read as each of the dataset's JSON files (a manifest, an article
//! file, a catalog file, an id bucket) by the model's own JSON reader, which the app uses,
//! must be read or refused without a panic; and an article file that is read must be read
//! again, to the same records, once written (the value of every field is compared with
//! serde's reading by `crates/model/tests/json_records.rs`).
#![no_main]

use libfuzzer_sys::fuzz_target;
use nienbieu_model::dataset::records::{
    decode_bucket, decode_catalog, decode_fragment, encode_fragment,
};
use nienbieu_model::Manifest;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let _ = Manifest::decode(text);
    let _ = decode_catalog(text);
    let _ = decode_bucket(text);
    if let Ok(articles) = decode_fragment(text) {
        let again = encode_fragment(&articles);
        let read = decode_fragment(std::str::from_utf8(&again).unwrap())
            .expect("reads what it wrote");
        let ids = |a: &[nienbieu_model::Article]| a.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&read), ids(&articles));
        for (a, b) in articles.iter().zip(&read) {
            assert_eq!((&a.paragraphs, &a.people, &a.documents), (&b.paragraphs, &b.people, &b.documents));
        }
    }
});
