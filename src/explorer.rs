//! The explorer's shared state: the view state (mirrored in the URL), the search result
//! derived from it, the dataset and the article chunks, and the keyboard cursor in the list.

use crate::chunks::Chunks;
use crate::data::Dataset;
use crate::url;
use leptos::prelude::*;
use nienbieu_model::search::{Hits, Panels};
use nienbieu_model::state::ViewState;
use nienbieu_model::SearchRequest;
use std::rc::Rc;
use std::sync::Arc;

/// How a change of state enters the browser history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Nav {
    /// A new history entry (a click: back undoes it).
    Push,
    /// Replace the current entry (each keystroke of a query).
    Replace,
}

/// The explorer's state, shared through context. Copyable handles only.
#[derive(Clone, Copy)]
pub struct Explorer {
    /// The view state; the URL holds the same.
    pub state: RwSignal<ViewState>,
    /// The search part of the state: opening an article does not search again.
    pub request: Memo<SearchRequest>,
    /// The ordered results of the request.
    pub result: Memo<Arc<Hits>>,
    /// Their facet counts and timeline, computed one animation frame later: a keystroke's
    /// frame searches and paints the list, the next one counts and paints the panels.
    pub settled: RwSignal<Arc<Panels>>,
    /// The loaded dataset.
    pub data: StoredValue<Rc<Dataset>, LocalStorage>,
    /// The article chunks, fetched on demand.
    pub chunks: Chunks,
    /// The row chosen with the keyboard, as a position in the results.
    pub cursor: RwSignal<Option<usize>>,
    /// True while a URL replacement waits for the next frame.
    url_pending: StoredValue<bool>,
}

impl Explorer {
    /// Sets up the explorer over a loaded dataset, starting from the URL's state.
    pub fn new(data: Rc<Dataset>) -> Explorer {
        let chunks = Chunks::new(&data);
        let data = StoredValue::new_local(data);
        let state = RwSignal::new(url::read());
        let request = Memo::new(move |_| state.with(|s| s.request.clone()));
        // A new result is always a change: comparing 100,000 hits would cost more than it saves.
        let result = Memo::new_with_compare(
            move |_| Arc::new(data.with_value(|d| d.engine.hits(&request.get()))),
            |_, _| true,
        );
        let panels =
            move || Arc::new(data.with_value(|d| result.with_untracked(|h| d.engine.panels(h))));
        // Deliberately a signal set from an effect: the panels of the result, deferred by a
        // frame (as React's useDeferredValue defers), never a mirror. Typing faster than
        // frames skips the panels of stale results.
        let settled = RwSignal::new(panels());
        let frame_pending = StoredValue::new(false);
        Effect::new(move |first: Option<()>| {
            result.track();
            if first.is_none() || frame_pending.get_value() {
                return;
            }
            frame_pending.set_value(true);
            request_animation_frame(move || {
                frame_pending.set_value(false);
                settled.try_set(panels());
            });
        });
        let cursor = RwSignal::new(None);
        url::on_back_forward(move |s| {
            if s.request != state.with_untracked(|c| c.request.clone()) {
                cursor.set(None);
            }
            state.set(s);
        });
        Explorer {
            state,
            request,
            result,
            settled,
            data,
            chunks,
            cursor,
            url_pending: StoredValue::new(false),
        }
    }

    /// Changes the state and records it in the URL.
    pub fn go(&self, nav: Nav, change: impl FnOnce(&mut ViewState)) {
        let mut next = self.state.get_untracked();
        change(&mut next);
        if next == self.state.get_untracked() {
            return;
        }
        match nav {
            Nav::Push => {
                // The entry being left first records what was typed into it this frame.
                if self.url_pending.get_value() {
                    url::write(&self.state.get_untracked(), Nav::Replace);
                }
                url::write(&next, nav);
            }
            // Keystrokes replace the URL once per frame, with the latest state.
            Nav::Replace if !self.url_pending.get_value() => {
                self.url_pending.set_value(true);
                let (state, pending) = (self.state, self.url_pending);
                request_animation_frame(move || {
                    pending.set_value(false);
                    if let Some(s) = state.try_get_untracked() {
                        url::write(&s, Nav::Replace);
                    }
                });
            }
            Nav::Replace => {}
        }
        // A new result set starts with no row chosen; set here, in the same event, so that a
        // key pressed right after a search never meets a stale cursor.
        if next.request != self.state.with_untracked(|s| s.request.clone()) {
            self.cursor.set(None);
        }
        self.state.set(next);
    }

    /// Opens article `id` in the reader.
    pub fn open(&self, id: String) {
        self.go(Nav::Push, |s| s.open = Some(id));
    }

    /// The article id of document `doc`.
    pub fn id(&self, doc: u32) -> String {
        self.data
            .with_value(|d| d.engine.index().id(doc).to_string())
    }
}

/// The explorer from context.
pub fn use_explorer() -> Explorer {
    expect_context::<Explorer>()
}
