//! Prints precision and recall per field on the annotated evaluation set:
//! `cargo run --profile native -p nienbieu-ingest --example eval [-- --errors] [CORPUS.jsonl]`;
//! `--corpus-titles` compares the page parser's headlines with every corpus record's title.

use nienbieu_ingest::eval::{default_corpus, evaluate};
use std::path::PathBuf;

fn main() {
    let mut errors = false;
    let mut titles = false;
    let mut corpus = default_corpus();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--errors" => errors = true,
            "--corpus-titles" => titles = true,
            other => corpus = PathBuf::from(other),
        }
    }
    if titles {
        match nienbieu_ingest::eval::gold::corpus_titles(
            &corpus,
            std::env::var("SHOW")
                .ok()
                .and_then(|s| s.parse().ok())
                .unwrap_or(8),
        ) {
            Ok((c, examples)) => {
                println!("corpus records written as raw pages: same title {}, both none {}, title lost {}, title where the record has none {}, another title {}", c[0], c[1], c[2], c[3], c[4]);
                for e in examples {
                    println!("  {e}");
                }
            }
            Err(e) => eprintln!("error: {e}"),
        }
        return;
    }
    let ev = match evaluate(&corpus) {
        Ok(ev) => ev,
        Err(e) => {
            eprintln!("error: {e}");
            std::process::exit(2);
        }
    };
    if !ev.corpus.1 {
        println!(
            "note: {} not found; the corpus cases are skipped\n",
            ev.corpus.0.display()
        );
    }
    for (label, set) in [
        ("all cases", None),
        ("corpus articles", Some("corpus")),
        (
            "held-out corpus articles (annotated after the tool was written)",
            Some("heldout"),
        ),
        ("pages (seeds and written pages)", Some("pages")),
    ] {
        let n = ev
            .cases
            .iter()
            .filter(|c| set.is_none_or(|s| c.set == s))
            .count();
        if n == 0 {
            continue;
        }
        let r = ev.report(set);
        println!("== {label}: {n}\n{}", r.table());
        if errors && set.is_none() {
            for e in &r.errors {
                println!("  {e}");
            }
            println!();
        }
    }
}
