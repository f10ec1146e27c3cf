//! The record layers in the browser: article files (a few consecutive documents each),
//! fetched when a row or the reader first needs one and kept within a budget, least recently
//! used first out; id buckets, for a link that names an article not yet seen; and catalog
//! files, for exports. Reading an article through [`Records::article`] in a reactive closure
//! re-runs it when that article's file arrives, and only then.

use crate::data::{Dataset, LoadError, DATA_DIR};
use leptos::prelude::*;
use leptos::task::spawn_local;
use nienbieu_model::dataset::records::{
    bucket_of, decode_bucket, decode_catalog, decode_fragment, fragment_of, CatalogEntry,
    CATALOG_DOCS, FRAGMENT_DOCS,
};
use nienbieu_model::search::{opening, Passages, Query, Snippet};
use nienbieu_model::Article;
use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::{Arc, OnceLock};

/// Article files kept in memory at most; beyond it the least recently used are dropped (and
/// fetched again, from the browser's cache, if needed).
const KEEP_FILES: usize = 512;

/// An article ready to show: the record, and its body tokenized once for snippets. The
/// tokenizing is never done all at once when the file arrives (an article file holds several
/// records: that was the longest task of a start), but record by record, each in a task of
/// its own, after the file is read ([`Prepared::tokenize_later`]); or at once for a row that
/// needs a passage before then.
pub struct Prepared {
    /// The full record.
    pub article: Article,
    /// The paragraphs, tokenized, once they are.
    passages: OnceLock<Passages>,
}

impl Prepared {
    /// The record, not tokenized yet.
    fn new(article: Article) -> Prepared {
        Prepared {
            article,
            passages: OnceLock::new(),
        }
    }

    fn passages(&self) -> &Passages {
        self.passages
            .get_or_init(|| Passages::new(&self.article.paragraphs))
    }

    /// Tokenizes `records` one per task, so that a first search with words finds them ready
    /// instead of tokenizing every row in view inside its keystroke's frame.
    fn tokenize_later(records: Vec<Arc<Prepared>>) {
        spawn_local(async move {
            for r in records {
                crate::data::next_task().await;
                r.passages();
            }
        });
    }

    /// The snippet for `query`: the opening when it has no word to look for (the first
    /// screen's case, which needs no tokens), else the best passage (tokenizing the
    /// paragraphs now if [`Prepared::tokenize_later`] has not reached this record yet).
    pub fn snippet(&self, query: &Query, strict: bool) -> Snippet {
        opening(query, &self.article.paragraphs)
            .unwrap_or_else(|| self.passages().snippet(query, strict))
    }
}

/// What is known of an article's record.
#[derive(Clone)]
pub enum ArticleState {
    /// Its file is being fetched.
    Loading,
    /// Here it is.
    Ready(Arc<Prepared>),
    /// Its file could not be fetched or read.
    Failed(String),
}

/// What is known of the document an article id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocLookup {
    /// Its id bucket is being fetched.
    Loading,
    /// The document.
    Found(u32),
    /// The dataset has no such article.
    Missing,
    /// The bucket could not be fetched or read.
    Failed,
}

#[derive(Default)]
struct Store {
    tick: u64,
    /// Article files: each document's prepared record, with the file's last use.
    files: HashMap<u32, (Vec<Arc<Prepared>>, u64)>,
    pending: Vec<String>,
    failed: HashMap<String, String>,
    /// Article ids seen so far, from article files and id buckets.
    ids: HashMap<String, u32>,
    buckets_done: Vec<u32>,
    catalog: HashMap<u32, Rc<Vec<CatalogEntry>>>,
    /// One trigger per file path: readers re-run when it arrives or fails.
    triggers: HashMap<String, ArcTrigger>,
}

impl Store {
    fn touch(&mut self) -> u64 {
        self.tick += 1;
        self.tick
    }
}

/// A handle on the record store.
#[derive(Clone, Copy)]
pub struct Records {
    store: StoredValue<Rc<RefCell<Store>>, LocalStorage>,
    data: StoredValue<Rc<Dataset>, LocalStorage>,
}

impl Records {
    /// A store for the records of `data`.
    pub fn new(data: &Rc<Dataset>) -> Records {
        Records {
            store: StoredValue::new_local(Rc::default()),
            data: StoredValue::new_local(data.clone()),
        }
    }

    fn track(&self, path: &str) {
        let store = self.store.get_value();
        let trigger = store
            .borrow_mut()
            .triggers
            .entry(path.to_string())
            .or_default()
            .clone();
        trigger.track();
    }

    /// The full record of document `doc`, fetching its file if needed. Tracks that file, so a
    /// reactive caller runs again when it arrives.
    pub fn article(&self, doc: u32) -> ArticleState {
        let (file, line) = fragment_of(doc);
        let path = self.data.with_value(|d| d.manifest.fragments.path(file));
        self.track(&path);
        let store = self.store.get_value();
        let mut s = store.borrow_mut();
        let tick = s.touch();
        if let Some((records, used)) = s.files.get_mut(&file) {
            *used = tick;
            return match records.get(line) {
                Some(p) => ArticleState::Ready(p.clone()),
                None => ArticleState::Failed(format!("{DATA_DIR}{path}: no record {line}")),
            };
        }
        if let Some(e) = s.failed.get(&path) {
            return ArticleState::Failed(e.clone());
        }
        drop(s);
        self.fetch(path, move |s, text| {
            let records = decode_fragment(&text).map_err(|e| e.to_string())?;
            for (i, a) in records.iter().enumerate() {
                s.ids.insert(a.id.clone(), file * FRAGMENT_DOCS + i as u32);
            }
            let prepared = records
                .into_iter()
                .map(|article| Arc::new(Prepared::new(article)))
                .collect::<Vec<_>>();
            Prepared::tokenize_later(prepared.clone());
            let tick = s.touch();
            s.files.insert(file, (prepared, tick));
            if s.files.len() > KEEP_FILES {
                let oldest = s.files.iter().min_by_key(|(_, (_, t))| *t).map(|(k, _)| *k);
                if let Some(k) = oldest {
                    s.files.remove(&k);
                }
            }
            Ok(())
        });
        ArticleState::Loading
    }

    /// The article id of document `doc`, if its file is loaded (not tracked).
    pub fn id_of(&self, doc: u32) -> Option<String> {
        let (file, line) = fragment_of(doc);
        let store = self.store.get_value();
        let s = store.borrow();
        Some(s.files.get(&file)?.0.get(line)?.article.id.clone())
    }

    /// The document of article `id`: known once its article file or its id bucket is in.
    pub fn doc_of(&self, id: &str) -> DocLookup {
        let (path, bucket) = self.data.with_value(|d| {
            let bucket = bucket_of(id, d.manifest.ids.files);
            (d.manifest.ids.path(bucket), bucket)
        });
        self.track(&path);
        let store = self.store.get_value();
        let s = store.borrow();
        if let Some(&d) = s.ids.get(id) {
            return DocLookup::Found(d);
        }
        if s.buckets_done.contains(&bucket) {
            return DocLookup::Missing;
        }
        if s.failed.contains_key(&path) {
            return DocLookup::Failed;
        }
        drop(s);
        self.fetch(path, move |s, text| {
            for (id, doc) in decode_bucket(&text).map_err(|e| e.to_string())? {
                s.ids.insert(id, doc);
            }
            s.buckets_done.push(bucket);
            Ok(())
        });
        DocLookup::Loading
    }

    /// The catalog entries of `docs`, in order, once every catalog file they need is in;
    /// `done` of `total` files while fetching. Tracks the files, like [`Records::article`].
    pub fn catalog(&self, docs: &[u32]) -> Result<Vec<(u32, CatalogEntry)>, (usize, usize)> {
        let mut files: Vec<u32> = docs.iter().map(|d| d / CATALOG_DOCS).collect();
        files.sort_unstable();
        files.dedup();
        let store = self.store.get_value();
        let mut missing = 0;
        for &f in &files {
            let path = self.data.with_value(|d| d.manifest.catalog.path(f));
            self.track(&path);
            if store.borrow().catalog.contains_key(&f) {
                continue;
            }
            missing += 1;
            self.fetch(path, move |s, text| {
                let entries = decode_catalog(&text).map_err(|e| e.to_string())?;
                s.catalog.insert(f, Rc::new(entries));
                Ok(())
            });
        }
        if missing > 0 {
            return Err((files.len() - missing, files.len()));
        }
        let s = store.borrow();
        Ok(docs
            .iter()
            .filter_map(|&d| {
                let file = s.catalog.get(&(d / CATALOG_DOCS))?;
                Some((d, file.get((d % CATALOG_DOCS) as usize)?.clone()))
            })
            .collect())
    }

    /// Forgets failures, so that their files are fetched again.
    pub fn retry(&self) {
        let store = self.store.get_value();
        let triggers: Vec<ArcTrigger> = {
            let mut s = store.borrow_mut();
            let failed: Vec<String> = s.failed.drain().map(|(k, _)| k).collect();
            failed
                .iter()
                .filter_map(|p| s.triggers.get(p).cloned())
                .collect()
        };
        for t in triggers {
            t.notify();
        }
    }

    /// Fetches `path` once, hands its text to `take`, and wakes whoever tracked it.
    fn fetch(
        &self,
        path: String,
        take: impl FnOnce(&mut Store, String) -> Result<(), String> + 'static,
    ) {
        let store = self.store.get_value();
        {
            let mut s = store.borrow_mut();
            if s.pending.contains(&path) {
                return;
            }
            s.pending.push(path.clone());
        }
        spawn_local(async move {
            let url = format!("{DATA_DIR}{path}");
            let result = fetch_text(&path).await;
            let mut s = store.borrow_mut();
            s.pending.retain(|p| *p != path);
            if let Err(e) =
                result.and_then(|text| take(&mut s, text).map_err(|e| format!("{url}: {e}")))
            {
                s.failed.insert(path.clone(), e);
            }
            let trigger = s.triggers.get(&path).cloned();
            drop(s);
            if let Some(t) = trigger {
                t.notify();
            }
        });
    }
}

/// The text of dataset file `path`, tried again as [`crate::data::fetch`] does; an error
/// names the file's URL.
async fn fetch_text(path: &str) -> Result<String, String> {
    let r = crate::data::fetch(path).await.map_err(|e| match e {
        LoadError::Http { file, status } => format!("{file}: HTTP {status}"),
        LoadError::Network { file, message } => format!("{file}: {message}"),
        e => format!("{DATA_DIR}{path}: {e:?}"),
    })?;
    r.text().await.map_err(|e| format!("{DATA_DIR}{path}: {e}"))
}
