//! The worst the engine does for any input a visitor controls: hostile queries and links (the
//! ones the browser test uses, pasted paragraphs, thousands of exclusions, absurd dates) and
//! thousands of generated strings, each timed for the list (`hits`) and for the panels
//! (facet counts and timeline), with every layer loaded. Prints the slowest.

use crate::engine::{load, manifest, quantile};
use nienbieu_model::state::ViewState;
use nienbieu_model::{Engine, SearchRequest};
use std::path::Path;
use std::time::Instant;

fn inputs() -> Vec<(String, SearchRequest)> {
    let q = |s: String| {
        (
            format!("q={}", s.chars().take(40).collect::<String>()),
            SearchRequest {
                query: s,
                ..SearchRequest::default()
            },
        )
    };
    let link = |s: &str| {
        (
            format!("link {}", s.chars().take(60).collect::<String>()),
            ViewState::from_query(s).request,
        )
    };
    let mut out = vec![
        q("-\"".into()),
        q("-\"\"".into()),
        q("\"đảng -\" -\"\" - -- \"\"\" viên".into()),
        q("đảng viên ".repeat(10_000)),
        q((0..5000)
            .map(|i| char::from(b'a' + (i % 26) as u8).to_string())
            .collect::<Vec<_>>()
            .join(" ")),
        q("-a ".repeat(3000)),
        q("\"a b\" ".repeat(500)),
        q(
            "\"của các có cho\" \"và là một những\" \"được trong đã với\" \"người này không\""
                .into(),
        ),
        q("c".into()),
        q("\"ban c".into()),
        q("\"ban chấp hàn".into()),
        q("t n c m h đ".into()),
        link("g=day&zoom=0001-01-01..9999-12-31"),
        link("g=day&zoom=1900-01-01..2100-12-31"),
        link("from=2025-01-01&to=2010-01-01&undated=1"),
        link("f.__proto__=x&f.constructor=y&q=đảng"),
        link(
            &(0..100)
                .map(|i| format!("f.province=v{i}"))
                .collect::<Vec<_>>()
                .join("&"),
        ),
        link("q=%E1%BA&from=%ZZ&sort=sideways"),
    ];
    // Generated strings: words, quotes, minus signs and marks in every arrangement.
    let pieces = [
        "\"", "-", " ", "đảng", "viên", "d", "th", "ng", "c", "-\"", "\"\"", "hà", "nội",
        "15-NQ/TU", "của", "và", "là", "một", "các", "có", "được", "trong",
    ];
    let mut x = 0x2545_f491_4f6c_dd1du64;
    for _ in 0..3000 {
        let mut s = String::new();
        for _ in 0..(x % 12 + 1) {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            s.push_str(pieces[(x % pieces.len() as u64) as usize]);
            if x % 3 == 0 {
                s.push(' ');
            }
        }
        out.push(q(s));
    }
    out
}

/// Runs every input three times and prints the slowest list and panels.
pub fn run(dir: &Path) -> Result<(), String> {
    let m = manifest(dir)?;
    let engine: Engine = load(dir, &m)?;
    let mut worst: Vec<(f64, f64, String)> = Vec::new();
    let mut all = Vec::new();
    for (label, req) in inputs() {
        let (mut list, mut panels) = (f64::MAX, f64::MAX);
        for _ in 0..3 {
            let t = Instant::now();
            let hits = engine.hits(&req);
            let t1 = t.elapsed().as_secs_f64() * 1e3;
            let p = engine.panels(&hits);
            let t2 = t.elapsed().as_secs_f64() * 1e3 - t1;
            std::hint::black_box(p);
            list = list.min(t1);
            panels = panels.min(t2);
        }
        all.push(list + panels);
        worst.push((list, panels, label));
    }
    worst.sort_by(|a, b| (b.0 + b.1).total_cmp(&(a.0 + a.1)));
    all.sort_by(f64::total_cmp);
    println!(
        "\nHostile and generated inputs ({} of them, best of 3 runs each), {} articles: list + panels median {:.2} ms, p95 {:.2} ms, worst {:.2} ms",
        all.len(),
        m.articles,
        quantile(&all, 0.5),
        quantile(&all, 0.95),
        all.last().copied().unwrap_or(0.0)
    );
    println!("| input | list ms | panels ms |\n|---|---:|---:|");
    for (l, p, label) in worst.iter().take(8) {
        println!("| `{}` | {l:.2} | {p:.2} |", label.replace('|', "\\|"));
    }
    Ok(())
}
