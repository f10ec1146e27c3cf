//! The evaluation: the annotated set in `crates/ingest/eval/`, the articles the tool makes of
//! it, and precision and recall per field (`cargo run --profile native -p nienbieu-ingest
//! --example eval`).

pub mod gold;
pub mod score;

pub use gold::{Case, Gold};
pub use score::{score, Counts, Report};

use std::path::{Path, PathBuf};

/// The evaluated cases, with where the corpus came from.
#[derive(Debug)]
pub struct Evaluation {
    /// Every case: the pages, then the corpus articles when the corpus is present.
    pub cases: Vec<Case>,
    /// The corpus file, and whether it was found.
    pub corpus: (PathBuf, bool),
}

impl Evaluation {
    /// The report over the cases of `set` (`corpus` or `pages`), or over all of them.
    pub fn report(&self, set: Option<&str>) -> Report {
        let cases: Vec<Case> = self
            .cases
            .iter()
            .filter(|c| set.is_none_or(|s| c.set == s))
            .cloned()
            .collect();
        score(&cases)
    }
}

/// The repository root, from this crate's directory.
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// Where the corpus is looked for: `NIENBIEU_CORPUS`, else `../shared/corpus` beside the
/// repository.
pub fn default_corpus() -> PathBuf {
    std::env::var_os("NIENBIEU_CORPUS")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_root().join("../shared/corpus/vntc_sample.jsonl"))
}

/// Runs the tool on every annotated case.
pub fn evaluate(corpus: &Path) -> Result<Evaluation, String> {
    let root = repo_root();
    let dir = root.join("crates/ingest/eval");
    let mut cases = gold::page_cases(&dir, &root)?;
    let found = match gold::corpus_cases(&dir, corpus)? {
        Some(c) => {
            cases.extend(c);
            true
        }
        None => false,
    };
    Ok(Evaluation {
        cases,
        corpus: (corpus.to_path_buf(), found),
    })
}
