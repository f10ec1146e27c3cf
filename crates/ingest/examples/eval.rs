//! Prints precision and recall per field on the annotated evaluation set:
//! `cargo run --profile native -p nienbieu-ingest --example eval [-- --errors] [CORPUS.jsonl]`.

use nienbieu_ingest::eval::{default_corpus, evaluate};
use std::path::PathBuf;

fn main() {
    let mut errors = false;
    let mut corpus = default_corpus();
    for arg in std::env::args().skip(1) {
        match arg.as_str() {
            "--errors" => errors = true,
            other => corpus = PathBuf::from(other),
        }
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
