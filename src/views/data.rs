//! The views' files (documents, people, organisations, figures), each fetched the first time
//! its view opens and kept for the visit. Reading one in a reactive closure re-runs it when it
//! arrives.

use crate::data::{Dataset, DATA_DIR};
use leptos::prelude::*;
use leptos::task::spawn_local;
use nienbieu_model::entities::{decode, DocumentsFile, FiguresFile, OrganizationsFile, PeopleFile};
use std::rc::Rc;
use std::sync::Arc;

/// What is known of one file.
pub type Loaded<T> = Option<Result<Arc<T>, String>>;

/// One lazily fetched file.
struct Lazy<T: Send + Sync + 'static> {
    state: RwSignal<Loaded<T>>,
    started: StoredValue<bool>,
}

impl<T: Send + Sync + 'static> Clone for Lazy<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Lazy<T> {}

impl<T: Send + Sync + for<'de> serde::Deserialize<'de> + 'static> Lazy<T> {
    fn new() -> Lazy<T> {
        Lazy {
            state: RwSignal::new(None),
            started: StoredValue::new(false),
        }
    }

    fn get(&self, path: String) -> Loaded<T> {
        if !self.started.get_value() {
            self.started.set_value(true);
            let state = self.state;
            spawn_local(async move {
                let url = format!("{DATA_DIR}{path}");
                let result = match gloo::net::http::Request::get(&url).send().await {
                    Ok(r) if r.ok() => match r.text().await {
                        Ok(text) => decode::<T>(&text)
                            .map(Arc::new)
                            .map_err(|e| format!("{url}: {e}")),
                        Err(e) => Err(format!("{url}: {e}")),
                    },
                    Ok(r) => Err(format!("{url}: HTTP {}", r.status())),
                    Err(e) => Err(format!("{url}: {e}")),
                };
                state.try_set(Some(result));
            });
        }
        self.state.get()
    }

    /// Forgets a failure, so that the next read fetches again.
    fn retry(&self) {
        if matches!(self.state.get_untracked(), Some(Err(_))) {
            self.started.set_value(false);
            self.state.set(None);
        }
    }
}

/// The views' files, shared through context.
#[derive(Clone, Copy)]
pub struct ViewData {
    data: StoredValue<Rc<Dataset>, LocalStorage>,
    documents: Lazy<DocumentsFile>,
    people: Lazy<PeopleFile>,
    organizations: Lazy<OrganizationsFile>,
    figures: Lazy<FiguresFile>,
}

impl ViewData {
    /// The files of `data`'s views, none fetched yet.
    pub fn new(data: StoredValue<Rc<Dataset>, LocalStorage>) -> ViewData {
        ViewData {
            data,
            documents: Lazy::new(),
            people: Lazy::new(),
            organizations: Lazy::new(),
            figures: Lazy::new(),
        }
    }

    fn path(&self, pick: impl Fn(&nienbieu_model::dataset::ViewFiles) -> String) -> String {
        self.data.with_value(|d| pick(&d.manifest.views))
    }

    /// The cited documents.
    pub fn documents(&self) -> Loaded<DocumentsFile> {
        self.documents.get(self.path(|v| v.documents.path.clone()))
    }

    /// The people.
    pub fn people(&self) -> Loaded<PeopleFile> {
        self.people.get(self.path(|v| v.people.path.clone()))
    }

    /// The organisations.
    pub fn organizations(&self) -> Loaded<OrganizationsFile> {
        self.organizations
            .get(self.path(|v| v.organizations.path.clone()))
    }

    /// The figures.
    pub fn figures(&self) -> Loaded<FiguresFile> {
        self.figures.get(self.path(|v| v.figures.path.clone()))
    }

    /// Fetches again whatever failed.
    pub fn retry(&self) {
        self.documents.retry();
        self.people.retry();
        self.organizations.retry();
        self.figures.retry();
    }
}

/// The views' files from context.
pub fn use_view_data() -> ViewData {
    expect_context::<ViewData>()
}
