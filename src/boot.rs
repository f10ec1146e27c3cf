//! Mounting the app over the first screen that the build painted into index.html
//! (scripts/prerender.mjs): the app renders out of sight and takes that screen's place, text
//! typed into its search box included, once its own first screen is ready.

use crate::app::App;
use crate::keys::SEARCH_ID;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

/// The id of the painted first screen in index.html.
const PRERENDER_ID: &str = "prerender";
/// The class index.html's start-up script gives the page when the painted screen does not fit
/// the visit (a state in the URL, English chosen, another dataset): then it is gone.
const NO_PRERENDER: &str = "no-prerender";
/// The class that keeps the app out of sight while it renders behind the painted screen.
const BOOTING: &str = "booting";
/// How long the painted screen may stay if the app's never gets ready (a dataset that fails
/// halfway): then the app is shown as it is.
const READY_WITHIN_MS: f64 = 20_000.0;

/// Mounts the app: over the painted first screen when there is one, else straight into the
/// page.
pub fn mount() {
    let doc = document();
    let painted = doc.get_element_by_id(PRERENDER_ID);
    let fits = doc
        .document_element()
        .is_some_and(|root| !root.class_list().contains(NO_PRERENDER));
    let (Some(painted), true, Some(body)) = (painted.clone(), fits, doc.body()) else {
        if let Some(p) = painted {
            p.remove();
        }
        leptos::mount::mount_to_body(App);
        return;
    };
    let Some(host) = doc
        .create_element("div")
        .ok()
        .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    else {
        painted.remove();
        leptos::mount::mount_to_body(App);
        return;
    };
    host.set_id("app");
    let _ = host.class_list().add_1(BOOTING);
    let _ = body.append_child(&host);
    leptos::mount::mount_to(host.clone(), App).forget();
    let started = now();
    watch(host.into(), painted, started);
}

/// Checks once an animation frame whether the app's first screen is ready, and then swaps it
/// in before that frame is painted.
fn watch(host: Element, painted: Element, started: f64) {
    request_animation_frame(move || {
        if !painted.is_connected() || ready(&host) || now() - started > READY_WITHIN_MS {
            swap(&host, &painted);
        } else {
            watch(host, painted, started);
        }
    });
}

/// The app shows its first screen: rows with their articles, the timeline, and the facets
/// unless the filters are folded away; or the list is empty, or a load failed.
fn ready(host: &Element) -> bool {
    let has = |selector: &str| host.query_selector(selector).ok().flatten().is_some();
    if has("[data-testid=load-error], [data-testid=empty-state], [aria-labelledby=view-heading]") {
        return true;
    }
    has("[data-testid=result]")
        && !has("[data-testid=result][aria-busy=true]")
        && has("[data-testid=timeline]")
        && (has("[data-testid=facets]") || !has("details.filters-panel[open]"))
}

/// Puts the app in the painted screen's place, with what was typed into it.
fn swap(host: &Element, painted: &Element) {
    let typed = painted
        .query_selector("input[type=search]")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok());
    let focused = document()
        .active_element()
        .is_some_and(|a| typed.as_ref().is_some_and(|t| a.is_same_node(Some(t))));
    painted.remove();
    let _ = host.class_list().remove_1(BOOTING);
    let Some(typed) = typed else { return };
    let Some(input) = document()
        .get_element_by_id(SEARCH_ID)
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
    else {
        return;
    };
    let text = typed.value();
    if !text.is_empty() && input.value().is_empty() {
        input.set_value(&text);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        if let Ok(ev) = web_sys::Event::new_with_event_init_dict("input", &init) {
            let _ = input.dispatch_event(&ev);
        }
    }
    if focused {
        let _ = input.focus();
        let end = input.value().encode_utf16().count() as u32;
        let _ = input.set_selection_range(end, end);
    }
}

fn now() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or(0.0)
}
