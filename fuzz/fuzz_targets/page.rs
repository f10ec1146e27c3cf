//! Fuzz target: any bytes, decoded and parsed as a page and as a JSON Lines record, must give
//! an article (or a reason to refuse the input), never a panic; every article serialises.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nienbieu_ingest::dates::parse_date_line;
use nienbieu_ingest::page::parse_record;
use nienbieu_ingest::{decode_bytes, parse_page};

fuzz_target!(|data: &[u8]| {
    if let Ok(decoded) = decode_bytes(data) {
        let text = &decoded.text;
        let page = parse_page("fuzz", "fuzz.txt", text);
        serde_json::to_string(&page).expect("an article always serialises");
        let record = parse_record("fuzz", "fuzz.jsonl:1", None, Some(text), text, Default::default());
        serde_json::to_string(&record).expect("an article always serialises");
        for line in text.lines().take(64) {
            let _ = parse_date_line(line);
        }
    }
});
