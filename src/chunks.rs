//! Article chunks, fetched when first needed (a snippet, the reader) and kept within a memory
//! budget, least recently used first out. Reading an article through [`Chunks::article`] in a
//! reactive closure re-runs it when the chunk arrives.

use crate::data::{Dataset, DATA_DIR};
use leptos::prelude::*;
use leptos::task::spawn_local;
use nienbieu_model::dataset::decode_article;
use nienbieu_model::Article;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Chunk text kept in memory at most; beyond it the least recently used chunks are dropped
/// (and fetched again, from the browser's cache, if needed).
const BUDGET_BYTES: usize = 96 << 20;
/// Parsed articles kept for the rows and the reader.
const PARSED: usize = 256;

/// What is known of an article's full record.
#[derive(Debug, Clone)]
pub enum ArticleState {
    /// Its chunk is being fetched.
    Loading,
    /// Here it is.
    Ready(Rc<Article>),
    /// Its chunk could not be fetched or read.
    Failed(String),
}

#[derive(Default)]
struct Store {
    files: Vec<String>,
    text: HashMap<u32, (Rc<str>, u64)>,
    bytes: usize,
    tick: u64,
    pending: Vec<u32>,
    failed: HashMap<u32, String>,
    parsed: HashMap<u32, (Rc<Article>, u64)>,
}

/// A handle on the chunk store.
#[derive(Clone, Copy)]
pub struct Chunks {
    store: StoredValue<Rc<RefCell<Store>>, LocalStorage>,
    /// Bumped whenever a chunk arrives or fails.
    version: RwSignal<u32>,
    locate: StoredValue<Rc<Dataset>, LocalStorage>,
}

impl Chunks {
    /// A store for the chunks of `data`.
    pub fn new(data: &Rc<Dataset>) -> Chunks {
        let store = Store {
            files: data
                .manifest
                .chunks
                .iter()
                .map(|c| c.path.clone())
                .collect(),
            ..Store::default()
        };
        Chunks {
            store: StoredValue::new_local(Rc::new(RefCell::new(store))),
            version: RwSignal::new(0),
            locate: StoredValue::new_local(data.clone()),
        }
    }

    /// The full record of document `doc`, fetching its chunk if needed. Tracks the store, so
    /// a reactive caller runs again when the chunk arrives.
    pub fn article(&self, doc: u32) -> ArticleState {
        self.version.track();
        let loc = self.locate.with_value(|d| d.engine.index().location(doc));
        let store = self.store.get_value();
        let mut s = store.borrow_mut();
        s.tick += 1;
        let tick = s.tick;
        if let Some((a, used)) = s.parsed.get_mut(&doc) {
            *used = tick;
            return ArticleState::Ready(a.clone());
        }
        if let Some(e) = s.failed.get(&loc.chunk) {
            return ArticleState::Failed(e.clone());
        }
        let Some((text, used)) = s.text.get_mut(&loc.chunk) else {
            drop(s);
            self.fetch(loc.chunk);
            return ArticleState::Loading;
        };
        *used = tick;
        let line = text.get(loc.offset as usize..(loc.offset + loc.len) as usize);
        let parsed = match line.map(decode_article) {
            Some(Ok(a)) => Rc::new(a),
            Some(Err(e)) => return ArticleState::Failed(e.to_string()),
            None => return ArticleState::Failed("the chunk is shorter than the index says".into()),
        };
        if s.parsed.len() >= PARSED {
            if let Some(&oldest) = s.parsed.iter().min_by_key(|(_, (_, t))| *t).map(|(k, _)| k) {
                s.parsed.remove(&oldest);
            }
        }
        s.parsed.insert(doc, (parsed.clone(), tick));
        ArticleState::Ready(parsed)
    }

    /// Forgets a failure, so that the next read fetches the chunk again.
    pub fn retry(&self, doc: u32) {
        let chunk = self
            .locate
            .with_value(|d| d.engine.index().location(doc).chunk);
        self.store.get_value().borrow_mut().failed.remove(&chunk);
        self.version.update(|v| *v += 1);
    }

    fn fetch(&self, chunk: u32) {
        let store = self.store.get_value();
        let path = {
            let mut s = store.borrow_mut();
            if s.pending.contains(&chunk) {
                return;
            }
            s.pending.push(chunk);
            s.files.get(chunk as usize).cloned()
        };
        let version = self.version;
        spawn_local(async move {
            let result = match path {
                Some(p) => fetch_text(&format!("{DATA_DIR}{p}")).await,
                None => Err(format!("the manifest has no chunk {chunk}")),
            };
            let mut s = store.borrow_mut();
            s.pending.retain(|&c| c != chunk);
            match result {
                Ok(text) => {
                    s.tick += 1;
                    let tick = s.tick;
                    s.bytes += text.len();
                    s.text.insert(chunk, (Rc::from(text), tick));
                    while s.bytes > BUDGET_BYTES && s.text.len() > 1 {
                        let oldest = s.text.iter().min_by_key(|(_, (_, t))| *t).map(|(k, _)| *k);
                        if let Some((t, _)) = oldest.and_then(|k| s.text.remove(&k)) {
                            s.bytes -= t.len();
                        }
                    }
                }
                Err(e) => {
                    s.failed.insert(chunk, e);
                }
            }
            drop(s);
            // The explorer may have gone (a retried load) while the chunk was on its way.
            version.try_update(|v| *v += 1);
        });
    }
}

async fn fetch_text(url: &str) -> Result<String, String> {
    let r = gloo::net::http::Request::get(url)
        .send()
        .await
        .map_err(|e| format!("{url}: {e}"))?;
    if !r.ok() {
        return Err(format!("{url}: HTTP {}", r.status()));
    }
    r.text().await.map_err(|e| format!("{url}: {e}"))
}
