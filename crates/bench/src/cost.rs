//! What a cold visit costs in files and bytes, natively and without a browser: the first
//! screen (the core, then the rows' article files), and each query as a visitor types it (the
//! term files it needs round after round, then its first screen of rows), counted raw and
//! gzipped as a static host would send them.

use crate::engine::manifest;
use flate2::write::GzEncoder;
use flate2::Compression;
use nienbieu_model::dataset::records::fragment_of;
use nienbieu_model::index::Need;
use nienbieu_model::search::typing;
use nienbieu_model::{Engine, Manifest, SearchRequest};
use std::collections::BTreeSet;
use std::fs;
use std::io::Write;
use std::path::Path;

/// Rows on the first screen of results.
const SCREEN_ROWS: usize = 7;

struct Visit<'a> {
    dir: &'a Path,
    m: Manifest,
    engine: Engine,
    fetched: BTreeSet<String>,
    raw: u64,
    gz: u64,
}

impl Visit<'_> {
    fn fetch(&mut self, path: &str) -> Result<Vec<u8>, String> {
        let bytes = fs::read(self.dir.join(path)).map_err(|e| format!("{path}: {e}"))?;
        if self.fetched.insert(path.to_string()) {
            self.raw += bytes.len() as u64;
            let mut z = GzEncoder::new(Vec::new(), Compression::new(6));
            z.write_all(&bytes).map_err(|e| e.to_string())?;
            let gz = z.finish().map_err(|e| e.to_string())?.len() as u64;
            self.gz += gz;
            if std::env::var_os("NIENBIEU_COST_FILES").is_some() {
                eprintln!("  {path}: {} B, {gz} B gzipped", bytes.len());
            }
        }
        Ok(bytes)
    }

    /// Fetches the file `need` names and adds it to the engine.
    fn load(&mut self, need: Need) -> Result<(), String> {
        let bytes = self.fetch(&self.m.path_of(need))?;
        self.engine.add(need, bytes).map_err(|e| e.to_string())
    }

    /// Fetches the article files of the empty query's first screen; how many.
    fn first_screen(&mut self) -> Result<usize, String> {
        let first = self
            .engine
            .hits(&SearchRequest::default())
            .hits
            .range(0, SCREEN_ROWS);
        self.rows(&first)
    }

    fn rows(&mut self, hits: &[u32]) -> Result<usize, String> {
        let files: BTreeSet<u32> = hits
            .iter()
            .take(SCREEN_ROWS)
            .map(|&d| fragment_of(d).0)
            .collect();
        for f in &files {
            let path = self.m.fragments.path(*f);
            self.fetch(&path)?;
        }
        Ok(files.len())
    }

    /// Runs `req` as the app does: fetch what it needs, round after round, then its first
    /// screen of rows.
    fn query(&mut self, req: &SearchRequest) -> Result<(usize, usize), String> {
        let rounds = self.terms(req)?;
        let hits = self.engine.hits(req).hits.range(0, SCREEN_ROWS);
        let files = self.rows(&hits)?;
        Ok((rounds, files))
    }

    /// Fetches the term files `req` needs, round after round; the number of rounds.
    fn terms(&mut self, req: &SearchRequest) -> Result<usize, String> {
        let mut rounds = 0;
        loop {
            let needs = self.engine.needs(req);
            if needs.is_empty() {
                break;
            }
            rounds += 1;
            for n in needs {
                self.load(n)?;
            }
            if rounds > 5 {
                return Err("more than 5 rounds of fetches".into());
            }
        }
        Ok(rounds)
    }
}

/// A fresh visit that has fetched the core.
fn start(dir: &Path) -> Result<Visit<'_>, String> {
    let m = manifest(dir)?;
    let core = fs::read(dir.join(&m.core.path)).map_err(|e| e.to_string())?;
    let engine = Engine::load_core(&core).map_err(|e| e.to_string())?;
    let mut v = Visit {
        dir,
        m,
        engine,
        fetched: BTreeSet::new(),
        raw: 0,
        gz: 0,
    };
    let core_path = v.m.core.path.clone();
    v.fetch(&core_path)?;
    Ok(v)
}

/// Prints the cost of the first screen and of each query typed on a fresh visit each.
pub fn run(dir: &Path, queries: &[String]) -> Result<(), String> {
    let mut v = start(dir)?;
    let files = v.first_screen()?;
    println!(
        "\nfirst screen: core + {files} article files: {} files, {:.0} kB raw, {:.0} kB gzipped",
        v.fetched.len(),
        v.raw as f64 / 1e3,
        v.gz as f64 / 1e3
    );
    println!("\n| query (typed on a fresh first screen) | hits | fetch rounds | files | kB gzipped | kB raw | then the panels (organisations, people), kB gzipped |\n|---|---:|---:|---:|---:|---:|---:|");
    for q in queries {
        let mut v = start(dir)?;
        v.first_screen()?;
        let (raw0, gz0, n0) = (v.raw, v.gz, v.fetched.len());
        let req = SearchRequest {
            query: q.clone(),
            ..SearchRequest::default()
        };
        let (rounds, _) = v.query(&req)?;
        let found = v.engine.hits(&req);
        let hits = found.hits.len();
        let (gz1, raw1, n1) = (v.gz, v.raw, v.fetched.len());
        // The panels follow the rows: the deferred facets' columns, when they count a search.
        let panels = v.engine.panels(&found);
        if panels.pending() {
            v.load(Need::Columns)?;
        }
        println!(
            "| `{q}` | {hits} | {rounds} | {} | {:.0} | {:.0} | +{:.0} |",
            n1 - n0,
            (gz1 - gz0) as f64 / 1e3,
            (raw1 - raw0) as f64 / 1e3,
            (v.gz - gz1) as f64 / 1e3
        );
    }
    println!("\n| query typed letter by letter, as a visitor types it (term files, then the last query's first rows; the app asks for a keystroke's missing files once the typing pauses for {} ms) | a pause after every letter: files | kB gzipped | a pause after each word: files | kB gzipped | no pause until the end: files | kB gzipped |\n|---|---:|---:|---:|---:|---:|---:|", typing::PAUSE_MS);
    for q in queries {
        let every = typed(dir, q, |_| true)?;
        let words = typed(dir, q, |rest| rest.starts_with(' '))?;
        let end = typed(dir, q, |_| false)?;
        print!("| `{q}` ");
        for (files, gz) in [every, words, end] {
            print!("| {files} | {:.0} ", gz as f64 / 1e3);
        }
        println!("|");
    }
    Ok(())
}

/// What typing `query` one letter at a time on a fresh first screen fetches, when the visitor
/// pauses after the prefixes for whose rest of the query `pause` is true: the term files of
/// each prefix paused on and what the app fetches ahead after its answer, then the whole
/// query's files and its first screen of rows. Files and bytes gzipped.
fn typed(dir: &Path, query: &str, pause: impl Fn(&str) -> bool) -> Result<(usize, u64), String> {
    let mut v = start(dir)?;
    v.first_screen()?;
    let (gz0, n0) = (v.gz, v.fetched.len());
    for (at, c) in query.char_indices() {
        let end = at + c.len_utf8();
        let req = SearchRequest {
            query: query[..end].to_string(),
            ..SearchRequest::default()
        };
        if end == query.len() {
            v.query(&req)?;
        } else if pause(&query[end..]) {
            v.terms(&req)?;
            for n in v.engine.prefetch(&req) {
                v.load(n)?;
            }
        }
    }
    Ok((v.fetched.len() - n0, v.gz - gz0))
}

/// Prints, one per line, the term files a fresh visit fetches for `query`: what it needs, round
/// after round (`need PATH`), then what the app fetches ahead for the next keystroke
/// (`ahead PATH`). The browser tests check the app against this.
pub fn needs(dir: &Path, query: &str) -> Result<(), String> {
    let m = manifest(dir)?;
    let core = fs::read(dir.join(&m.core.path)).map_err(|e| e.to_string())?;
    let mut engine = Engine::load_core(&core).map_err(|e| e.to_string())?;
    let req = SearchRequest {
        query: query.to_string(),
        ..SearchRequest::default()
    };
    let path = |n: Need| m.path_of(n);
    for ahead in [false, true] {
        for _ in 0..6 {
            let needs = if ahead {
                engine.prefetch(&req)
            } else {
                engine.needs(&req)
            };
            if needs.is_empty() {
                break;
            }
            for n in needs {
                println!("{} {}", if ahead { "ahead" } else { "need" }, path(n));
                let bytes = fs::read(dir.join(path(n))).map_err(|e| e.to_string())?;
                engine.add(n, bytes).map_err(|e| e.to_string())?;
            }
        }
    }
    Ok(())
}
