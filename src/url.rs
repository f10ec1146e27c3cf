//! The URL as the home of the view state: reading it, writing it with the History API, and
//! following the back and forward buttons. Only the query string changes, so the page's own
//! path stays as the host serves it: deep links work on any static host without rewrites.

use crate::explorer::Nav;
use leptos::prelude::*;
use nienbieu_model::state::ViewState;

/// The state in the current URL.
pub fn read() -> ViewState {
    read_noted().0
}

/// The state in the current URL, and how many of its filter values were beyond the limits.
pub fn read_noted() -> (ViewState, usize) {
    let search = window().location().search().unwrap_or_default();
    ViewState::parse(&search)
}

/// The page URL for `state`: this page with the state's query string.
pub fn href(state: &ViewState) -> String {
    let q = state.to_query();
    let path = window().location().pathname().unwrap_or_default();
    if q.is_empty() {
        path
    } else {
        format!("{path}?{q}")
    }
}

/// Records `state` in the URL, as a new history entry or in place of the current one.
pub fn write(state: &ViewState, nav: Nav) {
    let Ok(history) = window().history() else {
        return;
    };
    let url = href(state);
    let _ = match nav {
        Nav::Push => history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)),
        Nav::Replace => {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        }
    };
}

/// Calls `f` with the URL's state whenever the user goes back or forward, until the current
/// reactive owner is cleaned up.
pub fn on_back_forward(f: impl Fn(ViewState) + 'static) {
    let handle = window_event_listener(leptos::ev::popstate, move |_| f(read()));
    on_cleanup(move || handle.remove());
}
