//! Fuzz target: any bytes, read as what a visitor types and as a link's query string, run
//! against a small real index (the five seed pages and generated articles, through the real
//! parser and dataset builder) must give hits and panels without a panic, never count more
//! articles than there are, and a link's state must survive its own URL.
#![no_main]

use libfuzzer_sys::fuzz_target;
use nienbieu_ingest::parse_page;
use nienbieu_model::search::Query;
use nienbieu_model::state::ViewState;
use nienbieu_model::{Article, DatasetFiles, Engine, SearchRequest};

const SEEDS: [&str; 5] = [
    include_str!("../../data/raw/seeds/000_a3aac47d90c9b531.txt"),
    include_str!("../../data/raw/seeds/001_045dc231b05212c5.txt"),
    include_str!("../../data/raw/seeds/002_9228e39e671308d9.txt"),
    include_str!("../../data/raw/seeds/003_6c8cf860eff313fa.txt"),
    include_str!("../../data/raw/seeds/004_69ae7685d5133d3d.txt"),
];

thread_local! {
    static ENGINE: Engine = {
        let mut articles: Vec<Article> = SEEDS
            .iter()
            .enumerate()
            .map(|(i, text)| parse_page(&format!("seed{i}"), "seed.txt", text))
            .collect();
        let words = ["Đảng", "viên", "hội nghị", "ban chấp hành", "đang", "kết nạp", "15-NQ/TU"];
        for i in 0..200 {
            let mut a = articles[i % 5].clone();
            a.id = format!("gen{i:04}");
            a.title = Some(format!("{} {} {i}", words[i % 7], words[(i * 3) % 7]));
            a.paragraphs.push(format!("{} {} {}.", words[(i * 5) % 7], words[(i + 1) % 7], words[i % 4]));
            articles.push(a);
        }
        articles.sort_by(|a, b| a.id.cmp(&b.id));
        Engine::from_files(&DatasetFiles::build_serial(&articles)).expect("the dataset loads")
    };
}

fn check(engine: &Engine, req: &SearchRequest) {
    let n = engine.index().len();
    let hits = engine.hits(req);
    assert!(hits.is_complete(), "every layer is loaded");
    assert!(hits.hits.len() <= n);
    let panels = engine.panels(&hits);
    for f in &panels.facets {
        assert!(f.counts.iter().all(|&(_, c)| c as usize <= n));
    }
    let t = &panels.timeline;
    let binned: u32 = t.bins.iter().map(|b| b.count).sum();
    assert!((binned + t.undated + t.before + t.after) as usize <= n);
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = Query::parse(&text).understood();
    ENGINE.with(|engine| {
        check(
            engine,
            &SearchRequest {
                query: text.to_string(),
                ..SearchRequest::default()
            },
        );
        let (state, _) = ViewState::parse(&text);
        assert_eq!(ViewState::from_query(&state.to_query()), state);
        check(engine, &state.request);
        if data.len() < 256 {
            let _ = engine.relaxations(&state.request);
        }
    });
});
