//! The synthetic benchmark set: COUNT records derived from the real corpus, each marked
//! `"synthetic": "true"` with an id starting `synth-` and an invented publication date spread
//! evenly at random over 2015 to 2025. The corpus has no dates; these are not real ones.

use nienbieu_model::Date;
use serde_json::{Map, Value};
use std::fs;
use std::io::{BufWriter, Write};
use std::path::Path;

/// Writes `count` synthetic records derived from `corpus` to `out`.
pub fn run(corpus: &Path, out: &Path, count: usize) -> Result<(), String> {
    let text = fs::read_to_string(corpus).map_err(|e| format!("{}: {e}", corpus.display()))?;
    let records: Vec<Map<String, Value>> = text
        .lines()
        .filter_map(|l| serde_json::from_str(l).ok())
        .collect();
    if records.is_empty() {
        return Err(format!("{}: no JSON records", corpus.display()));
    }
    let file = fs::File::create(out).map_err(|e| format!("{}: {e}", out.display()))?;
    let mut w = BufWriter::new(file);
    let (first, last) = (
        Date::new(2015, 1, 1).expect("valid").to_days(),
        Date::new(2025, 12, 31).expect("valid").to_days(),
    );
    let mut rng = 0x9e37_79b9_7f4a_7c15_u64;
    for i in 0..count {
        // Every record once per round, in a shuffled order; later rounds rotate paragraphs
        // so that copies are not identical texts.
        let base = &records[(i * 7919) % records.len()];
        let round = i / records.len();
        let mut r = Map::new();
        let base_id = base.get("id").and_then(Value::as_str).unwrap_or("record");
        r.insert("id".into(), format!("synth-{i:06}-{base_id}").into());
        r.insert(
            "title".into(),
            base.get("title").cloned().unwrap_or(Value::Null),
        );
        rng ^= rng << 13;
        rng ^= rng >> 7;
        rng ^= rng << 17;
        let day = first + (rng % (last - first + 1) as u64) as i32;
        r.insert("date".into(), Date::from_days(day).to_string().into());
        let body = base.get("body").and_then(Value::as_str).unwrap_or("");
        let mut paragraphs: Vec<&str> = body.lines().collect();
        if !paragraphs.is_empty() {
            let k = round % paragraphs.len();
            paragraphs.rotate_left(k);
        }
        r.insert("body".into(), paragraphs.join("\n").into());
        for key in ["outlet", "topic_vi"] {
            if let Some(v) = base.get(key) {
                r.insert(key.into(), v.clone());
            }
        }
        r.insert("derived_from".into(), base_id.into());
        r.insert("synthetic".into(), "true".into());
        serde_json::to_writer(&mut w, &r).map_err(|e| e.to_string())?;
        w.write_all(b"\n").map_err(|e| e.to_string())?;
    }
    w.flush().map_err(|e| e.to_string())?;
    eprintln!(
        "synthetic set: {count} records from {} corpus records -> {} (dates 2015-01-01 to 2025-12-31, invented)",
        records.len(),
        out.display()
    );
    Ok(())
}
