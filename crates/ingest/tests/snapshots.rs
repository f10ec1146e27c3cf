//! Snapshots (insta) of the complete extracted record for each of the five seeds. Each
//! snapshot was read field by field against its page; a change to one is a change in behaviour
//! to review: `cargo insta review`, or `INSTA_UPDATE=always cargo test -p nienbieu-ingest
//! --test snapshots` to accept every change.

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
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.set_omit_expression(true);
    settings.bind(|| {
        for name in names {
            let text = decode_bytes(&fs::read(seeds.join(&name)).unwrap())
                .unwrap()
                .text;
            let id = name.trim_end_matches(".txt");
            let article = parse_page(id, &format!("data/raw/seeds/{name}"), &text);
            insta::assert_snapshot!(id, serde_json::to_string_pretty(&article).unwrap());
        }
    });
}
