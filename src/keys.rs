//! Keyboard shortcuts for the whole page: "/" focuses the search box, j/k or the arrow keys
//! move through the results, Enter opens the chosen one, Escape closes the reader.

use crate::explorer::{Explorer, Nav};
use leptos::ev::KeyboardEvent;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// The id of the search box, which "/" focuses.
pub const SEARCH_ID: &str = "search-box";
/// The id of the scrolling result list, which arrow down from the search box focuses.
pub const RESULTS_ID: &str = "results-scroll";

/// True when the key is meant for the focused element: typing in a field, or the timeline's
/// and a select's own arrow keys.
fn typing(e: &KeyboardEvent) -> bool {
    let Some(el) = e
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    matches!(
        el.tag_name().to_ascii_lowercase().as_str(),
        "input" | "textarea" | "select"
    ) || el.closest("[data-keys=own]").ok().flatten().is_some()
}

/// Installs the page's shortcuts for as long as the current owner lives.
pub fn install(ex: Explorer) {
    let handle = window_event_listener(leptos::ev::keydown, move |e: KeyboardEvent| {
        // Out of sight behind the painted first screen, the app takes no keys: they belong to
        // the page as it is seen.
        if crate::boot::booting() || e.ctrl_key() || e.meta_key() || e.alt_key() {
            return;
        }
        let key = e.key();
        if key == "Escape" {
            if ex.state.with_untracked(|s| s.open.is_some()) {
                e.prevent_default();
                ex.go(Nav::Push, |s| s.open = None);
            }
            return;
        }
        if typing(&e) {
            // Arrow down from the search box goes to the results.
            let in_search = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| el.id() == SEARCH_ID);
            if in_search && key == "ArrowDown" {
                e.prevent_default();
                if let Some(list) = document().get_element_by_id(RESULTS_ID) {
                    if let Ok(list) = list.dyn_into::<web_sys::HtmlElement>() {
                        let _ = list.focus();
                    }
                }
                move_cursor(ex, 1);
            }
            return;
        }
        match key.as_str() {
            "/" => {
                e.prevent_default();
                if let Some(el) = document().get_element_by_id(SEARCH_ID) {
                    if let Ok(input) = el.dyn_into::<web_sys::HtmlInputElement>() {
                        let _ = input.focus();
                        input.select();
                    }
                }
            }
            "j" | "ArrowDown" => {
                e.prevent_default();
                move_cursor(ex, 1);
            }
            "k" | "ArrowUp" => {
                e.prevent_default();
                move_cursor(ex, -1);
            }
            "Enter" => {
                // Enter on a button or link does what that element does.
                let on_control = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|el| {
                        matches!(
                            el.tag_name().to_ascii_lowercase().as_str(),
                            "a" | "button" | "summary"
                        )
                    });
                if let (false, Some(i)) = (on_control, ex.cursor.get_untracked()) {
                    if let Some(&doc) = ex.result.with_untracked(|r| r.hits.get(i)).as_ref() {
                        if let Some(id) = ex.id(doc) {
                            e.prevent_default();
                            ex.open(id);
                        }
                    }
                }
            }
            _ => {}
        }
    });
    on_cleanup(move || handle.remove());
}

/// Moves the keyboard cursor by `step` rows, within the results. With the reader open, the
/// cursor moves the reader too.
pub fn move_cursor(ex: Explorer, step: isize) {
    let n = ex.result.with_untracked(|r| r.hits.len());
    if n == 0 {
        return;
    }
    let next = match ex.cursor.get_untracked() {
        None if step > 0 => 0,
        None => n - 1,
        Some(i) => (i as isize + step).clamp(0, n as isize - 1) as usize,
    };
    ex.cursor.set(Some(next));
    if ex.state.with_untracked(|s| s.open.is_some()) {
        if let Some(id) = ex
            .result
            .with_untracked(|r| r.hits.get(next))
            .and_then(|doc| ex.id(doc))
        {
            ex.go(Nav::Replace, |s| s.open = Some(id));
        }
    }
}
