//! An ingest run: walks the inputs, parses them in parallel, and collects articles and
//! failures. One bad input never stops the others.

use crate::encoding::{Charset, Hint, Route};
use crate::html::{declared_charset, is_html_name, looks_like_html, parse_html_page};
use crate::input::{decode_bytes_with, decode_owned_keep_form_with};
use crate::page::{parse_page, parse_record};
use nienbieu_model::Article;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::fs;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

/// Pages larger than this are refused: no news article is this long, and a page this size is
/// a mis-scrape (a whole site, a binary dump) that would only bloat the dataset.
pub const MAX_PAGE_BYTES: u64 = 8 * 1024 * 1024;

/// HTML pages may be larger: markup, scripts and inline images can be most of a saved page.
pub const MAX_HTML_BYTES: u64 = 64 * 1024 * 1024;

/// Files in a directory that are a site's assets, not pages: a site mirror holds them beside
/// its pages, and they are skipped (a file named on the command line is always read).
const ASSET_EXTENSIONS: &[&str] = &[
    "css", "js", "mjs", "map", "png", "jpg", "jpeg", "gif", "webp", "svg", "ico", "bmp", "tif",
    "tiff", "avif", "woff", "woff2", "ttf", "otf", "eot", "mp3", "mp4", "webm", "ogg", "wav",
    "pdf", "zip", "gz", "rar", "7z", "swf", "exe", "wasm",
];

/// How inputs are read.
#[derive(Debug, Clone, Copy, Default)]
pub struct IngestOptions {
    /// Read every input in this encoding instead of detecting it (`--encoding`).
    pub encoding: Option<Charset>,
}

/// An input that gave no article, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    /// The file, with `:line` for a JSON Lines record.
    pub source: String,
    /// A short stable reason for the summary: `empty`, `binary`, `too_large`, ...
    pub reason: &'static str,
    /// The full explanation.
    pub message: String,
}

/// What a run produced.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Articles, sorted by id, ids unique.
    pub articles: Vec<Article>,
    /// Inputs that gave no article.
    pub failures: Vec<Failure>,
}

enum Job {
    Page(PathBuf),
    Record {
        file: String,
        line: usize,
        text: String,
        /// The file's encoding, when it was not plain UTF-8 (said in each record).
        encoding: Option<std::sync::Arc<str>>,
    },
}

/// Ingests files and directories (recursively). Files ending in `.jsonl` are JSON Lines
/// records; files ending in `.html` or `.htm`, or starting like an HTML document, are HTML
/// pages; every other file is a raw text page. In a directory, hidden files and site assets
/// (images, style sheets, scripts, fonts) are skipped.
pub fn ingest_paths(paths: &[PathBuf]) -> Outcome {
    ingest_paths_with_progress(paths, &|_, _| {})
}

/// Like [`ingest_paths`], calling `progress(done, total)` as inputs are parsed (from worker
/// threads, at most a few hundred times a run).
pub fn ingest_paths_with_progress(
    paths: &[PathBuf],
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Outcome {
    ingest_paths_with_options(paths, IngestOptions::default(), progress)
}

/// Like [`ingest_paths_with_progress`], reading inputs as `options` say.
pub fn ingest_paths_with_options(
    paths: &[PathBuf],
    options: IngestOptions,
    progress: &(dyn Fn(usize, usize) + Sync),
) -> Outcome {
    let mut failures = Vec::new();
    let mut files = Vec::new();
    for p in paths {
        collect_files(p, &mut files, &mut failures, true);
    }
    files.sort();
    files.dedup();

    let mut jobs = Vec::new();
    for f in files {
        if f.extension().is_some_and(|e| e == "jsonl") {
            read_json_lines(&f, options, &mut jobs, &mut failures);
        } else {
            jobs.push(Job::Page(f));
        }
    }

    let done = std::sync::atomic::AtomicUsize::new(0);
    let step = (jobs.len() / 200).max(1);
    let results = par_map(&jobs, |job| {
        let r = run_job(job, options);
        let n = done.fetch_add(1, std::sync::atomic::Ordering::Relaxed) + 1;
        if n % step == 0 || n == jobs.len() {
            progress(n, jobs.len());
        }
        r
    });
    let mut articles = Vec::with_capacity(results.len());
    for r in results {
        match r {
            Ok(a) => articles.push(a),
            Err(f) => failures.push(f),
        }
    }
    make_ids_unique(&mut articles);
    articles.sort_by(|a, b| a.id.cmp(&b.id));
    Outcome { articles, failures }
}

fn collect_files(path: &Path, out: &mut Vec<PathBuf>, failures: &mut Vec<Failure>, named: bool) {
    let fail = |reason, message: String| Failure {
        source: path.display().to_string(),
        reason,
        message,
    };
    match fs::metadata(path) {
        Ok(m) if m.is_dir() => match fs::read_dir(path) {
            Ok(entries) => {
                let mut children: Vec<PathBuf> =
                    entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
                children.sort();
                for child in children {
                    let hidden = child
                        .file_name()
                        .is_some_and(|n| n.to_string_lossy().starts_with('.'));
                    if !hidden {
                        collect_files(&child, out, failures, false);
                    }
                }
            }
            Err(e) => failures.push(fail(
                "unreadable",
                format!("cannot list the directory: {e}"),
            )),
        },
        Ok(_) if !named && is_asset(path) => {}
        Ok(_) => out.push(path.to_path_buf()),
        Err(e) => failures.push(fail("unreadable", format!("cannot read: {e}"))),
    }
}

fn is_asset(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ASSET_EXTENSIONS.iter().any(|a| e.eq_ignore_ascii_case(a)))
}

fn read_json_lines(
    file: &Path,
    options: IngestOptions,
    jobs: &mut Vec<Job>,
    failures: &mut Vec<Failure>,
) {
    let name = file.display().to_string();
    let bytes = match fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            failures.push(Failure {
                source: name,
                reason: "unreadable",
                message: format!("cannot read: {e}"),
            });
            return;
        }
    };
    let hint = Hint {
        forced: options.encoding,
        declared: None,
    };
    let (text, encoding) = match decode_owned_keep_form_with(bytes, hint) {
        Ok(d) if matches!(d.detection.route, Route::ValidUtf8 | Route::Bom) => (d.text, None),
        Ok(d) => (d.text, Some(d.detection.describe().into())),
        Err(message) => {
            failures.push(Failure {
                source: name,
                reason: reason_of(&message),
                message,
            });
            return;
        }
    };
    for (i, line) in text.lines().enumerate() {
        if !line.trim().is_empty() {
            jobs.push(Job::Record {
                file: name.clone(),
                line: i + 1,
                text: line.to_string(),
                encoding: encoding.clone(),
            });
        }
    }
}

/// A JSON Lines record: `id`, `title`, `date` and `body`; every other string field is kept
/// as source metadata (outlet, topic, ...).
#[derive(Deserialize)]
struct Record {
    id: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    date: Option<String>,
    body: String,
    #[serde(flatten)]
    rest: BTreeMap<String, serde_json::Value>,
}

fn run_job(job: &Job, options: IngestOptions) -> Result<Article, Failure> {
    let source = match job {
        Job::Page(p) => p.display().to_string(),
        Job::Record { file, line, .. } => format!("{file}:{line}"),
    };
    let parsed = catch_unwind(AssertUnwindSafe(|| match job {
        Job::Page(p) => page_job(p, &source, options),
        Job::Record { text, encoding, .. } => record_job(text, &source).map(|mut a| {
            if let Some(e) = encoding {
                a.diagnostics
                    .insert(0, info("input.encoding", e.to_string()));
            }
            a
        }),
    }));
    parsed.unwrap_or_else(|panic| {
        let what = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        Err(Failure {
            source,
            reason: "parser_bug",
            message: format!("the parser failed on this input ({what}); please report it"),
        })
    })
}

fn page_job(path: &Path, source: &str, options: IngestOptions) -> Result<Article, Failure> {
    let fail = |reason, message| Failure {
        source: source.to_string(),
        reason,
        message,
    };
    let size = fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    let html_name = is_html_name(path);
    let limit = if html_name {
        MAX_HTML_BYTES
    } else {
        MAX_PAGE_BYTES
    };
    if size > limit {
        return Err(fail(
            "too_large",
            format!(
                "{:.1} MB is over the {} MB limit for one {}page",
                size as f64 / 1e6,
                limit / 1024 / 1024,
                if html_name { "HTML " } else { "" }
            ),
        ));
    }
    let bytes = fs::read(path).map_err(|e| fail("unreadable", format!("cannot read: {e}")))?;
    // The declared charset is looked for in anything that may be HTML: the bytes decide
    // whether it is only once they are decoded.
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(1024)]);
    let declared = (html_name || looks_like_html(&head))
        .then(|| declared_charset(&bytes))
        .flatten();
    let hint = Hint {
        forced: options.encoding,
        declared: declared.as_ref().map(|d| d.0),
    };
    let decoded = decode_bytes_with(&bytes, hint).map_err(|m| fail(reason_of(&m), m))?;
    let id = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut head_end = decoded.text.len().min(4096);
    while !decoded.text.is_char_boundary(head_end) {
        head_end -= 1;
    }
    let sniffed = looks_like_html(&decoded.text[..head_end]);
    let mut article = if html_name || sniffed {
        let mut a = parse_html_page(&id, source, &decoded.text);
        let why = if html_name {
            "its file name"
        } else {
            "its start (<!DOCTYPE html>, <html> or <head>)"
        };
        a.diagnostics.insert(
            0,
            info("input.format", format!("HTML page, recognised by {why}")),
        );
        a
    } else {
        parse_page(&id, source, &decoded.text)
    };
    for r in decoded.repairs {
        article
            .diagnostics
            .insert(0, crate::page::warning("input.repaired", r));
    }
    if let (Some(declared), Some(_)) = (&declared, decoded.detection.mismatch) {
        article.diagnostics.insert(
            0,
            crate::page::warning(
                "input.charset_mismatch",
                format!(
                    "the page declares charset {:?}, but its bytes are {}; read as {}",
                    declared.1,
                    decoded.detection.charset.name(),
                    decoded.detection.charset.name()
                ),
            ),
        );
    }
    article
        .diagnostics
        .insert(0, info("input.encoding", decoded.detection.describe()));
    Ok(article)
}

fn info(code: &str, message: String) -> nienbieu_model::Diagnostic {
    nienbieu_model::Diagnostic {
        severity: nienbieu_model::Severity::Info,
        code: code.to_string(),
        message,
    }
}

/// Parses one JSON Lines record (`id`, `title`, `date`, `body`, metadata) into an article.
pub fn record_job(line: &str, source: &str) -> Result<Article, Failure> {
    let record: Record = serde_json::from_str(line).map_err(|e| Failure {
        source: source.to_string(),
        reason: "bad_json",
        message: format!("not a valid record: {e}"),
    })?;
    let meta = record
        .rest
        .into_iter()
        .filter_map(|(k, v)| match v {
            serde_json::Value::String(s) => Some((k, s)),
            serde_json::Value::Number(n) => Some((k, n.to_string())),
            serde_json::Value::Bool(b) => Some((k, b.to_string())),
            _ => None,
        })
        .collect();
    let norm = |s: String| crate::text::to_nfc(s);
    Ok(parse_record(
        &norm(record.id),
        source,
        record.title.map(norm).as_deref(),
        record.date.as_deref(),
        &norm(record.body),
        meta,
    ))
}

fn reason_of(message: &str) -> &'static str {
    if message.starts_with("empty") {
        "empty"
    } else if message.starts_with("binary") {
        "binary"
    } else {
        "undecodable"
    }
}

/// Gives every article a unique id: a repeated id gets `~2`, `~3`, ... in source order.
fn make_ids_unique(articles: &mut [Article]) {
    let mut seen: HashMap<String, usize> = HashMap::new();
    for a in articles.iter_mut() {
        let n = seen.entry(a.id.clone()).or_insert(0);
        *n += 1;
        if *n > 1 {
            a.id = format!("{}~{}", a.id, n);
        }
    }
}

/// Maps `f` over `items` on all cores (rayon's pool), keeping the order.
pub(crate) fn par_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    use rayon::prelude::*;
    items.par_iter().map(&f).collect()
}
