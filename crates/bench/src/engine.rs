//! The native engine benchmark: index load time, then median and p95 latency of the fixed
//! query set, each search including every facet count and the timeline bins.

use nienbieu_model::dataset::MANIFEST;
use nienbieu_model::index::Need;
use nienbieu_model::{Engine, Index, Manifest, SearchRequest};
use serde::Deserialize;
use std::collections::HashSet;
use std::fs;
use std::path::Path;
use std::time::Instant;

/// Timed runs of each query, after warm-up runs.
const RUNS: usize = 30;
const WARMUP: usize = 3;

#[derive(Deserialize)]
struct QueryFile {
    queries: Vec<SearchRequest>,
}

/// The `p`-quantile (0 to 1) of sorted samples, nearest rank.
pub fn quantile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return f64::NAN;
    }
    let rank = ((p * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}

fn ms(since: Instant) -> f64 {
    since.elapsed().as_secs_f64() * 1e3
}

/// Reads the manifest of the dataset in `dir`.
pub fn manifest(dir: &Path) -> Result<Manifest, String> {
    let path = dir.join(MANIFEST);
    let text = fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
    Manifest::decode(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Loads every layer of the dataset in `dir` into an engine.
pub fn load(dir: &Path, m: &Manifest) -> Result<Engine, String> {
    let read = |p: &str| fs::read(dir.join(p)).map_err(|e| format!("{}/{p}: {e}", dir.display()));
    let mut engine = Engine::load_core(&read(&m.core.path)?).map_err(|e| e.to_string())?;
    let mut add = |need: Need, path: String| -> Result<(), String> {
        engine
            .add(need, read(&path)?)
            .map_err(|e| format!("{path}: {e}"))
    };
    add(Need::Columns, m.columns.path.clone())?;
    add(Need::Directory, m.terms.path.clone())?;
    for n in 0..m.postings.files {
        add(Need::Postings(n), m.postings.path(n))?;
    }
    for n in 0..m.positions.files {
        add(Need::Positions(n), m.positions.path(n))?;
    }
    for n in 0..m.pairs.files {
        add(Need::Pairs(n), m.pairs.path(n))?;
    }
    Ok(engine)
}

/// Runs the benchmark on the dataset in `dir`.
pub fn run(dir: &Path, queries: &Path) -> Result<(), String> {
    let read = |p: &Path| fs::read(p).map_err(|e| format!("{}: {e}", p.display()));
    let manifest = manifest(dir)?;
    let core = read(&dir.join(&manifest.core.path))?;
    let qs: QueryFile = serde_json::from_slice(&read(queries)?)
        .map_err(|e| format!("{}: {e}", queries.display()))?;

    let mut loads = Vec::new();
    for _ in 0..5 {
        let t = Instant::now();
        let index = Index::load_core(&core).map_err(|e| e.to_string())?;
        loads.push(ms(t));
        drop(index);
    }
    loads.sort_by(f64::total_cmp);
    let t = Instant::now();
    let engine = load(dir, &manifest)?;
    let all_layers = ms(t);
    let m = &manifest;
    println!(
        "\nNative engine benchmark: {} articles{}; core {:.2} MB, term directory {:.2} MB ({} prefixes with completions), {} postings shards {:.1} MB, {} positions shards {:.1} MB, {} pairs shards {:.1} MB",
        m.articles,
        if m.synthetic { " (SYNTHETIC dates)" } else { "" },
        m.core.bytes as f64 / 1e6,
        m.terms.bytes as f64 / 1e6,
        engine.index().directory().map_or(0, |d| d.completion_count()),
        m.postings.files,
        m.postings.bytes as f64 / 1e6,
        m.positions.files,
        m.positions.bytes as f64 / 1e6,
        m.pairs.files,
        m.pairs.bytes as f64 / 1e6,
    );
    println!(
        "core bytes to ready engine: median {:.1} ms of 5; every term layer read and loaded in {:.0} ms",
        quantile(&loads, 0.5),
        all_layers
    );
    println!("\n| query | filters | hits | median ms | p95 ms |\n|---|---|---:|---:|---:|");
    let mut all = Vec::new();
    for req in &qs.queries {
        let mut hits = 0;
        for _ in 0..WARMUP {
            hits = engine.search(req).hits.len();
        }
        let mut samples = Vec::with_capacity(RUNS);
        for _ in 0..RUNS {
            let t = Instant::now();
            let r = engine.search(req);
            samples.push(ms(t));
            std::hint::black_box(&r);
        }
        samples.sort_by(f64::total_cmp);
        let filters: Vec<String> = req
            .filters
            .iter()
            .map(|(k, v)| format!("{k}={}", v.join("|")))
            .collect();
        println!(
            "| `{}` | {} | {hits} | {:.2} | {:.2} |",
            req.query,
            filters.join(", "),
            quantile(&samples, 0.5),
            quantile(&samples, 0.95)
        );
        all.extend(samples);
    }
    all.sort_by(f64::total_cmp);
    println!(
        "\nall {} searches (each with every facet count and the timeline): median {:.2} ms, p95 {:.2} ms, max {:.2} ms",
        all.len(),
        quantile(&all, 0.5),
        quantile(&all, 0.95),
        all.last().copied().unwrap_or(f64::NAN)
    );

    typing(&engine, &qs.queries);

    // Correctness beside speed: folded queries find what marked ones find.
    let hits = |q: &str| -> HashSet<u32> {
        engine
            .search(&SearchRequest {
                query: q.into(),
                ..SearchRequest::default()
            })
            .hits
            .into_iter()
            .collect()
    };
    for (plain, marked) in [("dang vien", "đảng viên"), ("bong da", "bóng đá")] {
        let (p, m) = (hits(plain), hits(marked));
        let covered = m.iter().filter(|d| p.contains(d)).count();
        println!(
            "\"{plain}\" finds {covered} of the {} articles \"{marked}\" finds ({:.0} %), {} in all",
            m.len(),
            100.0 * covered as f64 / m.len().max(1) as f64,
            p.len()
        );
    }
    if let Some(rss) = peak_rss_mb() {
        println!("peak resident memory of this process: {rss:.0} MB");
    }
    Ok(())
}

/// What a keystroke costs the engine: [`Engine::hits`] alone (the list the app paints in the
/// keystroke's frame) for every prefix of every query as it is typed, then the slowest.
fn typing(engine: &Engine, queries: &[SearchRequest]) {
    let mut all: Vec<(f64, String)> = Vec::new();
    for req in queries.iter().filter(|r| r.filters.is_empty()) {
        let chars: Vec<char> = req.query.chars().collect();
        for n in 1..=chars.len() {
            let typed = SearchRequest {
                query: chars[..n].iter().collect(),
                ..req.clone()
            };
            std::hint::black_box(engine.hits(&typed));
            let mut samples: Vec<f64> = (0..5)
                .map(|_| {
                    let t = Instant::now();
                    std::hint::black_box(engine.hits(&typed));
                    ms(t)
                })
                .collect();
            samples.sort_by(f64::total_cmp);
            all.push((quantile(&samples, 0.5), typed.query));
        }
    }
    all.sort_by(|a, b| a.0.total_cmp(&b.0));
    let times: Vec<f64> = all.iter().map(|x| x.0).collect();
    let slowest: Vec<String> = all
        .iter()
        .rev()
        .take(5)
        .map(|(t, q)| format!("`{q}` {t:.2} ms"))
        .collect();
    println!(
        "\ntyping, the list alone (hits, without facets or timeline) for each of {} prefixes typed: median {:.2} ms, p95 {:.2} ms, max {:.2} ms; slowest: {}",
        times.len(),
        quantile(&times, 0.5),
        quantile(&times, 0.95),
        times.last().copied().unwrap_or(f64::NAN),
        slowest.join(", ")
    );
}

fn peak_rss_mb() -> Option<f64> {
    let status = fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}
