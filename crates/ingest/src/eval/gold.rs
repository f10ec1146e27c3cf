//! The annotated cases of the evaluation set, and the articles the tool makes of them.

use crate::page::parse_page;
use crate::run::record_job;
use crate::text::to_nfc;
use nienbieu_model::Article;
use serde::Deserialize;
use std::collections::HashMap;
use std::fs;
use std::path::Path;

/// What a careful reader found in one article (see `crates/ingest/eval/README.md`).
#[derive(Debug, Clone, Deserialize)]
pub struct Gold {
    /// The corpus record's id, for corpus cases.
    #[serde(default)]
    pub id: Option<String>,
    /// The page's path from the repository root, for page cases.
    #[serde(default)]
    pub path: Option<String>,
    /// How the corpus case was drawn: `random`, `documents` or `events`.
    #[serde(default)]
    pub stratum: Option<String>,
    /// The headline, or `None` when the page starts with none.
    pub title: Option<String>,
    /// The event kind's code.
    pub kind: String,
    /// The body that held the event: none, one name, or several acceptable names.
    #[serde(default)]
    pub organizer: Organizer,
    /// The event's day, ISO.
    pub event_date: Option<String>,
    /// Canonical names.
    pub organizations: Vec<String>,
    /// Canonical keys.
    pub documents: Vec<String>,
    /// `[metric, value]` pairs.
    pub figures: Vec<(String, f64)>,
    /// `[name, role]` pairs.
    pub people: Vec<(String, String)>,
}

/// The organizer as annotated: `null`, a name, or a list of names any of which is right.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(untagged)]
pub enum Organizer {
    /// No body held an event.
    #[default]
    None,
    /// This body.
    One(String),
    /// Any of these bodies (they held it jointly).
    Any(Vec<String>),
}

impl Organizer {
    /// The acceptable names; empty for none.
    pub fn names(&self) -> Vec<&str> {
        match self {
            Organizer::None => vec![],
            Organizer::One(s) => vec![s.as_str()],
            Organizer::Any(v) => v.iter().map(String::as_str).collect(),
        }
    }
}

/// One evaluated case: the annotation, the tool's article, and the headline the tool found on
/// the page.
#[derive(Debug, Clone)]
pub struct Case {
    /// Where the case comes from: `corpus`, `heldout` or `pages`.
    pub set: &'static str,
    /// The corpus id or the page path.
    pub name: String,
    /// The annotation.
    pub gold: Gold,
    /// The article the tool made (from the corpus record, or from the page).
    pub article: Article,
    /// The headline the page parser found (for corpus cases, on the raw page written from the
    /// record: the title, a blank line, the body).
    pub page_title: Option<String>,
}

fn read_gold(file: &Path) -> Result<Vec<Gold>, String> {
    let text = fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(i, l)| {
            serde_json::from_str(l).map_err(|e| format!("{}:{}: {e}", file.display(), i + 1))
        })
        .collect()
}

/// Loads the page cases of `eval_dir/pages.jsonl`, with `root` the repository root.
pub fn page_cases(eval_dir: &Path, root: &Path) -> Result<Vec<Case>, String> {
    let mut out = Vec::new();
    for gold in read_gold(&eval_dir.join("pages.jsonl"))? {
        let rel = gold.path.clone().ok_or("a page case without a path")?;
        let bytes = fs::read(root.join(&rel)).map_err(|e| format!("{rel}: {e}"))?;
        let text = crate::decode_bytes(&bytes).map_err(|e| format!("{rel}: {e}"))?;
        let id = Path::new(&rel)
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let article = parse_page(&id, &rel, &text.text);
        out.push(Case {
            set: "pages",
            name: rel,
            page_title: article.title.clone(),
            gold,
            article,
        });
    }
    Ok(out)
}

/// Loads the corpus cases of `eval_dir/corpus.jsonl` (set `corpus`) and of
/// `eval_dir/heldout.jsonl` (set `heldout`) from the corpus file; `Ok(None)` when the corpus
/// file is absent.
pub fn corpus_cases(eval_dir: &Path, corpus: &Path) -> Result<Option<Vec<Case>>, String> {
    if !corpus.exists() {
        return Ok(None);
    }
    let text = fs::read_to_string(corpus).map_err(|e| format!("{}: {e}", corpus.display()))?;
    let mut cases = Vec::new();
    for (file, set) in [("corpus.jsonl", "corpus"), ("heldout.jsonl", "heldout")] {
        cases.extend(cases_of(&eval_dir.join(file), set, corpus, &text)?);
    }
    Ok(Some(cases))
}

/// The cases of one annotation file, found in the corpus `text`.
fn cases_of(
    file: &Path,
    set: &'static str,
    corpus: &Path,
    text: &str,
) -> Result<Vec<Case>, String> {
    let golds = read_gold(file)?;
    let wanted: HashMap<&str, usize> = golds
        .iter()
        .enumerate()
        .filter_map(|(i, g)| g.id.as_deref().map(|id| (id, i)))
        .collect();
    let mut found: Vec<Option<Case>> = vec![None; golds.len()];
    for (n, line) in text.lines().enumerate() {
        let Some(id) = record_id(line) else { continue };
        let Some(&i) = wanted.get(id) else { continue };
        let source = format!("{}:{}", corpus.display(), n + 1);
        let article = record_job(line, &source).map_err(|f| f.message)?;
        let page_title = parse_page(id, &source, &raw_page(line)?).title;
        found[i] = Some(Case {
            set,
            name: id.to_string(),
            gold: golds[i].clone(),
            article,
            page_title,
        });
    }
    let missing: Vec<&str> = golds
        .iter()
        .zip(&found)
        .filter(|(_, c)| c.is_none())
        .filter_map(|(g, _)| g.id.as_deref())
        .collect();
    if !missing.is_empty() {
        return Err(format!("not in the corpus: {}", missing.join(", ")));
    }
    Ok(found.into_iter().flatten().collect())
}

/// How the page parser's headlines compare with the corpus records' titles over the whole
/// corpus, each record written as a raw page: (same title, both none, title lost, title where
/// the record has none, another title), with up to `show` examples of each disagreement.
pub fn corpus_titles(corpus: &Path, show: usize) -> Result<([usize; 5], Vec<String>), String> {
    let text = fs::read_to_string(corpus).map_err(|e| format!("{}: {e}", corpus.display()))?;
    let mut counts = [0; 5];
    let mut examples = Vec::new();
    for line in text.lines() {
        #[derive(Deserialize)]
        struct R {
            id: String,
            title: Option<String>,
        }
        let Ok(r) = serde_json::from_str::<R>(line) else {
            continue;
        };
        let want = r.title.map(|t| crate::text::clean_line(&to_nfc(t)));
        let got = parse_page(&r.id, "", &raw_page(line)?).title;
        let i = match (&want, &got) {
            (Some(w), Some(g)) if w == g => 0,
            (None, None) => 1,
            (Some(_), None) => 2,
            (None, Some(_)) => 3,
            _ => 4,
        };
        counts[i] += 1;
        if i >= 2
            && examples
                .iter()
                .filter(|e: &&String| e.starts_with(&i.to_string()))
                .count()
                < show
        {
            examples.push(format!("{i} {}: record {want:?}, page {got:?}", r.id));
        }
    }
    Ok((counts, examples))
}

/// The record's id, read without parsing the whole line.
fn record_id(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("{\"id\": \"")?;
    rest.find('"').map(|end| &rest[..end])
}

/// The raw page the corpus README describes: the title, a blank line, the body; the body alone
/// when the record has no title.
fn raw_page(line: &str) -> Result<String, String> {
    #[derive(Deserialize)]
    struct R {
        title: Option<String>,
        body: String,
    }
    let r: R = serde_json::from_str(line).map_err(|e| e.to_string())?;
    let page = match r.title {
        Some(t) => format!("{t}\n\n{}", r.body),
        None => r.body,
    };
    Ok(to_nfc(page))
}
