//! `nienbieu-bench`: the engine benchmark (native) and the synthetic 100,000-article set.
//!
//!     nienbieu-bench engine DATASET_DIR [QUERIES_JSON]
//!     nienbieu-bench cost DATASET_DIR QUERY...
//!     nienbieu-bench core DATASET_DIR
//!     nienbieu-bench needs DATASET_DIR QUERY
//!     nienbieu-bench hostile DATASET_DIR
//!     nienbieu-bench synth CORPUS_JSONL OUT_JSONL [COUNT]

mod core_parts;
mod cost;
mod engine;
mod hostile;
mod synth;

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("engine") if args.len() >= 2 => engine::run(
            &PathBuf::from(&args[1]),
            &PathBuf::from(args.get(2).map_or("bench/queries.json", String::as_str)),
        ),
        Some("cost") if args.len() >= 2 => cost::run(&PathBuf::from(&args[1]), &args[2..]),
        Some("core") if args.len() == 2 => core_parts::run(&PathBuf::from(&args[1])),
        Some("hostile") if args.len() == 2 => hostile::run(&PathBuf::from(&args[1])),
        Some("needs") if args.len() == 3 => cost::needs(&PathBuf::from(&args[1]), &args[2]),
        Some("synth") if args.len() >= 3 => synth::run(
            &PathBuf::from(&args[1]),
            &PathBuf::from(&args[2]),
            args.get(3).map_or(Ok(100_000), |n| n.parse()).unwrap_or(100_000),
        ),
        _ => Err("usage: nienbieu-bench engine DATASET_DIR [QUERIES_JSON]\n       nienbieu-bench cost DATASET_DIR QUERY...\n       nienbieu-bench core DATASET_DIR\n       nienbieu-bench needs DATASET_DIR QUERY\n       nienbieu-bench hostile DATASET_DIR\n       nienbieu-bench synth CORPUS_JSONL OUT_JSONL [COUNT]".into()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
