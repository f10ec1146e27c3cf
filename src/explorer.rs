//! The explorer's shared state: the view state (mirrored in the URL), the search derived from
//! it, the dataset with its term files and records, and the keyboard cursor in the list.
//!
//! A search may need term files that are not loaded yet: then the engine answers nothing
//! final, the files are fetched, and the search runs again when they arrive. Meanwhile the
//! list keeps the last complete result and says it is loading, so that no count is shown as
//! final before it is.

use crate::data::Dataset;
use crate::offline::{Offline, OfflineState};
use crate::records::Records;
use crate::terms::TermFiles;
use crate::url;
use leptos::prelude::*;
use nienbieu_model::index::Need;
use nienbieu_model::search::{typing, Hits, Panels};
use nienbieu_model::state::ViewState;
use nienbieu_model::SearchRequest;
use std::rc::Rc;
use std::sync::Arc;

/// Runs `then` after `ms` milliseconds unless the query changed meanwhile (`keys` counts its
/// changes), or the explorer is gone.
fn unless_typed(keys: StoredValue<u64>, ms: u32, then: impl FnOnce() + 'static) {
    let at = keys.get_value();
    set_timeout(
        move || {
            if keys.try_get_value() == Some(at) {
                then();
            }
        },
        std::time::Duration::from_millis(ms.into()),
    );
}

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
    /// The id of the article open in the reader: a keystroke does not reach what follows it.
    pub open: Memo<Option<String>>,
    /// The search for the current request, complete or waiting for term files.
    pub asked: Memo<Arc<Hits>>,
    /// The results shown: the current request's once complete, else the last complete ones.
    pub result: Memo<Arc<Hits>>,
    /// True while the current request waits for term files.
    pub loading: Memo<bool>,
    /// The facet counts and timeline of the results shown, computed one animation frame
    /// later: a keystroke's frame searches and paints the list, the next one the panels.
    pub settled: RwSignal<Arc<Panels>>,
    /// True while the facet panel is on screen (always on a wide screen, while unfolded on a
    /// phone): only then are the facets counted.
    pub facets_shown: RwSignal<bool>,
    /// The search that links to other pages carry (the view tabs, a facet value's or a
    /// reader's "↗"): the request of the panels shown, updated with them, once the list is
    /// painted, so that a keystroke's frame does not rewrite dozens of links. A click follows
    /// the current state whatever the link says.
    pub linked: RwSignal<SearchRequest>,
    /// The loaded dataset.
    pub data: StoredValue<Rc<Dataset>, LocalStorage>,
    /// The term files, fetched as searches need them.
    pub terms: TermFiles,
    /// The article records, fetched as rows and the reader need them.
    pub records: Records,
    /// The row chosen with the keyboard, as a position in the results.
    pub cursor: RwSignal<Option<usize>>,
    /// Filter values of the opening link left out beyond the limits.
    pub url_cut: usize,
    /// Whether the search box's last input event was a keystroke (see
    /// `typing::keystroke_input`), taken by the next search; `None` when it did not say.
    pub keyed: StoredValue<Option<bool>>,
    /// True while a URL replacement waits for its turn (see `URL_EVERY`).
    url_pending: StoredValue<bool>,
}

impl Explorer {
    /// Sets up the explorer over a loaded dataset, starting from the URL's state.
    pub fn new(data: Rc<Dataset>) -> Explorer {
        let terms = TermFiles::new(&data);
        let records = Records::new(&data);
        let data = StoredValue::new_local(data);
        let (start, url_cut) = url::read_noted();
        let state = RwSignal::new(start);
        let request = Memo::new(move |_| state.with(|s| s.request.clone()));
        let open = Memo::new(move |_| state.with(|s| s.open.clone()));
        // A new search is always a change: comparing 100,000 hits would cost more than it
        // saves.
        let panic_on = debug_panic();
        let asked = Memo::new_with_compare(
            move |_| {
                let req = request.get();
                crate::panic::attempt(&req.query);
                // `?debug=panic` arms a deliberate panic for the query "panic!", so that a
                // browser test can check the report and its reload (nothing else panics on
                // demand).
                if panic_on && req.query == "panic!" {
                    panic!("deliberate panic (?debug=panic)");
                }
                let hits = Arc::new(data.with_value(|d| d.engine.borrow().hits(&req)));
                crate::panic::good(state.with_untracked(ViewState::to_query));
                // Only a search waiting for files runs again when one arrives: a complete one
                // stays as it is (a prefetched file must not reset the list).
                if !hits.is_complete() {
                    terms.version.track();
                }
                hits
            },
            |_, _| true,
        );
        // What the request needs: at once, or for a keystroke once the typing pauses (see
        // `typing`); then, once it is answered, what the next keystroke will likely need.
        // The effect's previous value is the request of its previous run (the same when a
        // file arrived); `released` the last query whose files were asked for (its later
        // rounds go at once); `keys` counts the query's changes, for `unless_typed`. With the
        // whole dataset stored for offline use, a file costs no network: no pause.
        let offline = use_context::<Offline>();
        let stored = move || {
            offline.is_some_and(|o| {
                o.state
                    .with_untracked(|s| matches!(s, OfflineState::Ready { .. }))
            })
        };
        let keyed = StoredValue::new(None::<bool>);
        let released = StoredValue::new(None::<String>);
        let keys = StoredValue::new(0u64);
        Effect::new(move |before: Option<SearchRequest>| {
            let req = request.get_untracked();
            let input = keyed.try_update_value(Option::take).flatten();
            let arrived = before.as_ref() == Some(&req);
            let key = match &before {
                Some(b) if b.query != req.query => {
                    keys.update_value(|k| *k += 1);
                    input.unwrap_or_else(|| typing::one_keystroke(&b.query, &req.query))
                }
                _ => false,
            };
            let query = req.query.clone();
            let is_released = released.with_value(|r| r.as_deref() == Some(&query));
            asked.with(|h| {
                if h.is_complete() {
                    // Speculative: a moment later, so that what is shown comes first.
                    unless_typed(keys, 250, move || {
                        if let Some(req) = request.try_get_untracked() {
                            let ahead = data.with_value(|d| d.engine.borrow().prefetch(&req));
                            terms.request(&ahead);
                        }
                    });
                } else if arrived && !is_released {
                    // A file came while a keystroke waits for its pause: the pause decides.
                } else if !key || is_released || stored() {
                    released.set_value(Some(query));
                    terms.request(&h.missing);
                } else {
                    unless_typed(keys, typing::PAUSE_MS, move || {
                        released.set_value(Some(query));
                        asked.with_untracked(|h| terms.request(&h.missing));
                    });
                }
            });
            req
        });
        let result = Memo::new_with_compare(
            move |prev: Option<&Arc<Hits>>| {
                let now = asked.get();
                match prev {
                    Some(p) if !now.is_complete() => p.clone(),
                    _ => now,
                }
            },
            // Changed unless it is the very same result.
            |a, b| !a.is_some_and(|a| b.is_some_and(|b| Arc::ptr_eq(a, b))),
        );
        let loading = Memo::new(move |_| asked.with(|h| !h.is_complete()));
        let facets_shown = RwSignal::new(
            window()
                .inner_width()
                .ok()
                .and_then(|w| w.as_f64())
                .is_none_or(|w| w > 820.0),
        );
        let panels = move || {
            let facets = facets_shown.get_untracked();
            Arc::new(data.with_value(|d| {
                result.with_untracked(|h| d.engine.borrow().panels_with(h, facets))
            }))
        };
        // Deliberately a signal set from an effect: the panels of the result, deferred until
        // the list is painted (as React's useDeferredValue defers), never a mirror. A key
        // press is handled in its own task, before the next frame: counting the panels in that
        // frame's animation callback would hold the list's paint back by the whole count, so
        // the callback only queues a task, and a queued task runs after the frame is painted.
        // Typing faster than frames skips the panels of stale results.
        let settled = RwSignal::new(panels());
        let linked = RwSignal::new(request.get_untracked());
        let frame_pending = StoredValue::new(false);
        Effect::new(move |first: Option<()>| {
            result.track();
            facets_shown.track();
            if first.is_none() || frame_pending.get_value() {
                return;
            }
            frame_pending.set_value(true);
            panels_after_paint(result, move || {
                frame_pending.set_value(false);
                settled.try_set(panels());
                if let Some(now) = request.try_get_untracked() {
                    linked.maybe_update(|l| {
                        let changed = *l != now;
                        *l = now;
                        changed
                    });
                }
                mark_panels();
            });
        });
        // The deferred facets' columns (organisations, people): asked for once a panel of a
        // complete result counts anything but the whole archive, so after the list is painted
        // (and again after a retry clears a failure); the panels are counted again when they
        // arrive.
        Effect::new(move |_| {
            terms.failed.track();
            let complete = asked.with(|h| h.is_complete());
            if complete && settled.with(|p| p.pending()) {
                terms.request(&[Need::Columns]);
            }
        });
        // Also asked for by a search within a facet that lists only its most frequent values
        // (see `FacetBox` in components/facets.rs): its panel is counted again with every value.
        Effect::new(move |first: Option<()>| {
            terms.version.track();
            let arrived = data.with_value(|d| d.engine.borrow().index().has(Need::Columns));
            if first.is_some() && arrived && settled.with_untracked(|p| p.pending() || p.partial())
            {
                settled.try_set(panels());
            }
        });
        let cursor = RwSignal::new(None);
        let url_pending = StoredValue::new(false);
        let pagehide =
            window_event_listener_untyped("pagehide", move |_| flush_url(state, url_pending));
        on_cleanup(move || pagehide.remove());
        url::on_back_forward(move |s| {
            if s.request != state.with_untracked(|c| c.request.clone()) {
                cursor.set(None);
            }
            state.set(s);
        });
        Explorer {
            state,
            request,
            open,
            asked,
            result,
            loading,
            settled,
            facets_shown,
            linked,
            data,
            terms,
            records,
            cursor,
            url_cut,
            keyed,
            url_pending,
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
                // The entry being left first records what was typed into it since.
                flush_url(self.state, self.url_pending);
                url::write(&next, nav);
            }
            // Keystrokes replace the URL at most once per `URL_EVERY`, with the latest state:
            // Chromium spends about 3 ms in each `history.replaceState`, too much for every
            // keystroke's frame at 100,000 articles. A click (`Push`) and leaving the page
            // write what is pending at once.
            Nav::Replace if !self.url_pending.get_value() => {
                self.url_pending.set_value(true);
                let (state, pending) = (self.state, self.url_pending);
                set_timeout(move || flush_url(state, pending), URL_EVERY);
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

    /// Starts fetching what a search will need first (the term directory), and what the
    /// current query's next keystroke will: called when the search box gets the focus and
    /// once the first screen is painted.
    pub fn prefetch_terms(&self) {
        let req = self.request.get_untracked();
        let ahead = self.data.with_value(|d| d.engine.borrow().prefetch(&req));
        self.terms.request(&ahead);
    }

    /// The article id of document `doc`, if its record is loaded (rows in view and the
    /// reader's neighbours always are).
    pub fn id(&self, doc: u32) -> Option<String> {
        self.records.id_of(doc)
    }
}

/// How often typing may replace the URL.
const URL_EVERY: std::time::Duration = std::time::Duration::from_millis(300);

/// Writes the state into the URL if a replacement is pending.
fn flush_url(state: RwSignal<ViewState>, pending: StoredValue<bool>) {
    if pending.try_get_value() == Some(true) {
        pending.set_value(false);
        if let Some(s) = state.try_get_untracked() {
            url::write(&s, Nav::Replace);
        }
    }
}

/// Runs `count` once the list of the current result is painted: in a task queued from the next
/// animation frame. A key handled between that frame and the task (input goes before timers)
/// brings a result whose list is not painted yet: then it waits for the next frame again.
/// Nothing runs once the explorer is gone.
fn panels_after_paint(result: Memo<Arc<Hits>>, count: impl FnOnce() + 'static) {
    request_animation_frame(move || {
        // Held, not only its address: a freed result's address could come back.
        let Some(painted) = result.try_get_untracked() else {
            return;
        };
        set_timeout(
            move || match result.try_with_untracked(|now| Arc::ptr_eq(now, &painted)) {
                None => {}
                Some(true) => count(),
                Some(false) => panels_after_paint(result, count),
            },
            std::time::Duration::ZERO,
        );
    });
}

/// The User Timing mark set each time the panels are counted: a benchmark (or a field
/// measurement) times a keystroke to its panels painted from it. Only the latest is kept.
const PANELS_MARK: &str = "nienbieu:panels";

/// Sets [`PANELS_MARK`], replacing the previous one.
fn mark_panels() {
    if let Some(p) = window().performance() {
        p.clear_marks_with_mark_name(PANELS_MARK);
        let _ = p.mark(PANELS_MARK);
    }
}

/// True when the page was opened with `?debug=panic`.
fn debug_panic() -> bool {
    let search = window().location().search().unwrap_or_default();
    search.split(['?', '&']).any(|p| p == "debug=panic")
}

/// The explorer from context.
pub fn use_explorer() -> Explorer {
    expect_context::<Explorer>()
}
