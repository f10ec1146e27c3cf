//! Fuzz target: any bytes, as a saved HTML page, must give an article (or a reason to refuse
//! the input), never a panic: charset prescan, encoding detection and decoding, the depth
//! bound, html5ever, the main-content choice, metadata and the text rules.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nienbieu_ingest::encoding::{detect, Hint};
use nienbieu_ingest::html::{declared_charset, looks_like_html, parse_html_page};
use nienbieu_ingest::input::decode_bytes_with;

fuzz_target!(|data: &[u8]| {
    let declared = declared_charset(data).map(|d| d.0);
    let _ = detect(data, declared);
    let hint = Hint {
        forced: None,
        declared,
    };
    if let Ok(decoded) = decode_bytes_with(data, hint) {
        let _ = looks_like_html(&decoded.text);
        let article = parse_html_page("fuzz", "fuzz.html", &decoded.text);
        serde_json::to_string(&article).expect("an article always serialises");
    }
});
