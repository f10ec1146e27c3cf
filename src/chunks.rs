//! Article chunks, fetched when first needed (a snippet, the reader) and kept within a memory
//! budget, least recently used first out. Reading an article through [`Chunks::article`] in a
//! reactive closure re-runs it when that article's chunk arrives, and only then.

use crate::data::{Dataset, DATA_DIR};
use leptos::prelude::*;
use leptos::task::spawn_local;
use nienbieu_model::dataset::decode_article;
use nienbieu_model::search::Passages;
use nienbieu_model::Article;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Chunk text kept in memory at most; beyond it the least recently used chunks are dropped
/// (and fetched again, from the browser's cache, if needed).
const BUDGET_BYTES: usize = 96 << 20;
/// Prepared articles kept for the rows and the reader.
const PREPARED: usize = 256;

/// An article ready to show: the record, and its body tokenized once for snippets.
pub struct Prepared {
    /// The full record.
    pub article: Article,
    /// The paragraphs, tokenized.
    pub passages: Passages,
}

/// What is known of an article's full record.
#[derive(Clone)]
pub enum ArticleState {
    /// Its chunk is being fetched.
    Loading,
    /// Here it is.
    Ready(Rc<Prepared>),
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
    prepared: HashMap<u32, (Rc<Prepared>, u64)>,
    /// One trigger per chunk: readers of its articles re-run when it arrives or fails.
    triggers: HashMap<u32, ArcTrigger>,
}

impl Store {
    fn touch(&mut self) -> u64 {
        self.tick += 1;
        self.tick
    }
}

/// A handle on the chunk store.
#[derive(Clone, Copy)]
pub struct Chunks {
    store: StoredValue<Rc<RefCell<Store>>, LocalStorage>,
    data: StoredValue<Rc<Dataset>, LocalStorage>,
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
            data: StoredValue::new_local(data.clone()),
        }
    }

    /// The full record of document `doc`, fetching its chunk if needed. Tracks that chunk, so
    /// a reactive caller runs again when it arrives.
    pub fn article(&self, doc: u32) -> ArticleState {
        let loc = self.data.with_value(|d| d.engine.index().location(doc));
        let store = self.store.get_value();
        let mut s = store.borrow_mut();
        s.triggers.entry(loc.chunk).or_default().track();
        let tick = s.touch();
        if let Some((a, used)) = s.prepared.get_mut(&doc) {
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
        let prepared = match line.map(decode_article) {
            Some(Ok(article)) => Rc::new(Prepared {
                passages: Passages::new(&article.paragraphs),
                article,
            }),
            Some(Err(e)) => return ArticleState::Failed(e.to_string()),
            None => return ArticleState::Failed("the chunk is shorter than the index says".into()),
        };
        if s.prepared.len() >= PREPARED {
            let oldest = s
                .prepared
                .iter()
                .min_by_key(|(_, (_, t))| *t)
                .map(|(k, _)| *k);
            if let Some(k) = oldest {
                s.prepared.remove(&k);
            }
        }
        s.prepared.insert(doc, (prepared.clone(), tick));
        ArticleState::Ready(prepared)
    }

    /// Forgets a failure, so that the article's chunk is fetched again.
    pub fn retry(&self, doc: u32) {
        let chunk = self
            .data
            .with_value(|d| d.engine.index().location(doc).chunk);
        let store = self.store.get_value();
        let trigger = {
            let mut s = store.borrow_mut();
            s.failed.remove(&chunk);
            s.triggers.get(&chunk).cloned()
        };
        if let Some(t) = trigger {
            t.notify();
        }
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
        spawn_local(async move {
            let result = match path {
                Some(p) => fetch_text(&format!("{DATA_DIR}{p}")).await,
                None => Err(format!("the manifest has no chunk {chunk}")),
            };
            let mut s = store.borrow_mut();
            s.pending.retain(|&c| c != chunk);
            match result {
                Ok(text) => {
                    let tick = s.touch();
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
            let trigger = s.triggers.get(&chunk).cloned();
            drop(s);
            if let Some(t) = trigger {
                t.notify();
            }
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
