//! Snapshots of the complete extracted record for each of the five seeds. Each snapshot was
//! read field by field against its page; a change to one is a change in behaviour to review.
//! `UPDATE_SNAPSHOTS=1 cargo test -p nienbieu-ingest --test snapshots` rewrites them.

use nienbieu_ingest::{decode_bytes, parse_page};
use std::fs;
use std::path::PathBuf;

#[test]
fn each_seed_matches_its_reviewed_snapshot() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let seeds = root.join("../../data/raw/seeds");
    let mut names: Vec<_> = fs::read_dir(&seeds)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names.len(), 5);
    let mut changed = Vec::new();
    for name in names {
        let text = decode_bytes(&fs::read(seeds.join(&name)).unwrap())
            .unwrap()
            .text;
        let id = name.trim_end_matches(".txt");
        let article = parse_page(id, &format!("data/raw/seeds/{name}"), &text);
        let got = serde_json::to_string_pretty(&article).unwrap() + "\n";
        let path = root.join("tests/snapshots").join(format!("{id}.json"));
        if std::env::var_os("UPDATE_SNAPSHOTS").is_some() {
            fs::write(&path, &got).unwrap();
        } else if fs::read_to_string(&path).ok().as_deref() != Some(got.as_str()) {
            changed.push(format!("{}\n{got}", path.display()));
        }
    }
    assert!(
        changed.is_empty(),
        "snapshots differ:\n{}",
        changed.join("\n")
    );
}
