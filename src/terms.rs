//! Fetching the term layers a search needs (the directory, postings, pairs and positions
//! shards), each once, adding them to the engine as they arrive, and telling the explorer, which
//! searches again. A file that fails is reported with its name and why, offline or not.

use crate::data::{fetch, Dataset, LoadError};
use leptos::prelude::*;
use leptos::task::spawn_local;
use nienbieu_model::index::Need;
use std::cell::RefCell;
use std::collections::{BTreeMap, BTreeSet};
use std::rc::Rc;

/// Why a term file is missing, for the explorer to say.
#[derive(Debug, Clone, PartialEq)]
pub struct Failure {
    /// The file asked for.
    pub file: String,
    /// What went wrong.
    pub message: String,
    /// True when the browser is offline (or the service worker said the file is not stored).
    pub offline: bool,
}

/// The term files: what is on its way, what failed, and a version that changes whenever a
/// file arrives.
#[derive(Clone, Copy)]
pub struct TermFiles {
    data: StoredValue<Rc<Dataset>, LocalStorage>,
    pending: StoredValue<Rc<RefCell<BTreeSet<Need>>>, LocalStorage>,
    /// Failed files, by what they were needed for.
    pub failed: RwSignal<BTreeMap<Need, Failure>>,
    /// Bumped each time a file is added to the engine.
    pub version: RwSignal<u64>,
}

impl TermFiles {
    /// The term files of `data`.
    pub fn new(data: &Rc<Dataset>) -> TermFiles {
        TermFiles {
            data: StoredValue::new_local(data.clone()),
            pending: StoredValue::new_local(Rc::default()),
            failed: RwSignal::new(BTreeMap::new()),
            version: RwSignal::new(0),
        }
    }

    /// The path of the file `need` names.
    pub fn path(&self, need: Need) -> String {
        self.data.with_value(|d| d.manifest.path_of(need))
    }

    /// Starts fetching every file of `needs` that is neither loaded, on its way, nor failed.
    pub fn request(&self, needs: &[Need]) {
        for &need in needs {
            let loaded = self
                .data
                .with_value(|d| d.engine.borrow().index().has(need));
            let failed = self.failed.with_untracked(|f| f.contains_key(&need));
            if loaded || failed || !self.pending.with_value(|p| p.borrow_mut().insert(need)) {
                continue;
            }
            let this = *self;
            spawn_local(async move { this.load(need).await });
        }
    }

    /// Forgets every failure and asks again for what is still needed.
    pub fn retry(&self, needs: &[Need]) {
        self.failed.set(BTreeMap::new());
        self.request(needs);
    }

    async fn load(self, need: Need) {
        let file = self.path(need);
        let result = match fetch(&file).await {
            Ok(response) => response.binary().await.map_err(|e| (e.to_string(), false)),
            Err(LoadError::Http { status, .. }) => Err((format!("HTTP {status}"), status == 503)),
            Err(LoadError::Network { message, .. }) => Err((message, true)),
            Err(e) => Err((format!("{e:?}"), false)),
        };
        let Some(data) = self.data.try_get_value() else {
            return;
        };
        let added = result.and_then(|bytes| {
            data.engine
                .borrow_mut()
                .add(need, bytes)
                .map_err(|e| (e.to_string(), false))
        });
        self.pending.with_value(|p| p.borrow_mut().remove(&need));
        match added {
            Ok(()) => self.version.update(|v| *v += 1),
            Err((message, offline)) => {
                let offline = offline || !crate::data::online();
                self.failed.update(|f| {
                    f.insert(
                        need,
                        Failure {
                            file: format!("{}{file}", crate::data::DATA_DIR),
                            message,
                            offline,
                        },
                    );
                });
            }
        }
    }
}
