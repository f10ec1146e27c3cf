//! Times each extraction stage over the paragraphs of a JSON Lines file, single-threaded:
//! `cargo run --profile native -p nienbieu-ingest --example stages -- FILE.jsonl`.

use nienbieu_ingest::orgs::{find_organizations, Implied};
use nienbieu_ingest::{clutter, dates, documents, entities, event_date, figures, people, text};
use std::time::Instant;

fn main() {
    let path = std::env::args().nth(1).expect("usage: stages FILE.jsonl");
    let data = std::fs::read_to_string(path).expect("readable file");
    let bodies: Vec<String> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| v["body"].as_str().map(str::to_string))
        .collect();
    let lines: Vec<String> = bodies
        .iter()
        .flat_map(|b| b.lines().map(text::clean_line))
        .collect();
    let refs: Vec<&str> = lines.iter().map(String::as_str).collect();
    let time = |name: &str, f: &dyn Fn()| {
        let t = Instant::now();
        f();
        println!("{name:<14} {:>8.1} ms", t.elapsed().as_secs_f64() * 1e3);
    };
    println!("{} bodies, {} lines", bodies.len(), lines.len());
    time("clean_line", &|| {
        bodies
            .iter()
            .flat_map(|b| b.lines())
            .for_each(|l| drop(text::clean_line(l)))
    });
    time("clutter", &|| {
        refs.iter().for_each(|l| {
            let _ = clutter::classify(l);
        })
    });
    time("date_line", &|| {
        refs.iter().for_each(|l| {
            let _ = dates::parse_date_line(l);
        })
    });
    time("event_date", &|| {
        refs.iter()
            .for_each(|l| drop(event_date::event_date(None, Some(l), None)));
    });
    time("provinces", &|| {
        drop(entities::find_provinces(refs.iter().copied()))
    });
    // Organisations per article: their post-processing compares an article's mentions.
    let articles: Vec<Vec<&str>> = bodies.iter().map(|b| b.lines().collect()).collect();
    time("organizations", &|| {
        for a in &articles {
            drop(find_organizations(a, &Implied::default()));
        }
    });
    time("people", &|| {
        drop(people::find_people(
            refs.iter().copied(),
            &Implied::default(),
        ))
    });
    time("documents", &|| {
        drop(documents::find_documents(refs.iter().copied()))
    });
    time("figures", &|| drop(figures::find_figures(&refs, &[], None)));
}
