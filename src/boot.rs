//! Mounting the app over the first screen that the build painted into index.html
//! (scripts/prerender.mjs): the app renders out of sight and takes that screen's place, text
//! typed into its search box included, once its own first screen is ready.

use crate::app::App;
use crate::keys::SEARCH_ID;
use leptos::prelude::*;
use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement, HtmlInputElement};

/// The id of the painted first screen in index.html.
const PRERENDER_ID: &str = "prerender";
/// The class the painted screen's own script (written by scripts/postbuild.mjs) gives the page
/// when the painted screen does not fit the visit (a state in the URL, English chosen, another
/// dataset): then it is gone.
const NO_PRERENDER: &str = "no-prerender";
/// The id of the element the app renders into behind the painted screen.
const HOST_ID: &str = "app";
/// The class that keeps the app out of sight while it renders behind the painted screen.
const BOOTING: &str = "booting";
/// How long the painted screen may stay if the app's never gets ready (an article file that
/// never comes): then the app is shown as it is. Long: on a slow network the painted screen is
/// better than the app's waiting one, and a failed load is shown at once (see `ready`).
const READY_WITHIN_MS: f64 = 60_000.0;

thread_local! {
    /// Whether the app is rendering out of sight behind the painted screen.
    static BEHIND: Cell<bool> = const { Cell::new(false) };
}

/// Whether the app is still out of sight behind the painted first screen: its keyboard
/// shortcuts wait until it is in view.
pub fn booting() -> bool {
    BEHIND.with(Cell::get)
}

/// Whether part `turn` of the app's first screen may render: at once, except while the app
/// renders behind the painted screen, where it waits `turn` tasks. The start-up is thus done
/// in pieces, between which the page answers the visitor (a phone's main thread was blocked
/// for up to 190 ms at once while the app rendered its first screen).
pub fn in_turn(turn: u32) -> Signal<bool> {
    if !booting() {
        return Signal::stored(true);
    }
    let due = RwSignal::new(false);
    leptos::task::spawn_local(async move {
        for _ in 0..turn {
            crate::data::next_task().await;
        }
        due.set(true);
    });
    due.into()
}

/// Takes the painted screen away and the app out of hiding: when the app's first screen is
/// ready, or at once after a panic, whose report must be seen.
pub fn unveil() {
    let doc = document();
    if let Some(p) = doc.get_element_by_id(PRERENDER_ID) {
        p.remove();
    }
    if let Some(host) = doc.get_element_by_id(HOST_ID) {
        let _ = host.class_list().remove_1(BOOTING);
    }
    BEHIND.with(|b| b.set(false));
    crate::data::forget_handed();
}

/// Mounts the app: over the painted first screen when there is one, else straight into the
/// page.
pub fn mount() {
    let doc = document();
    let painted = doc.get_element_by_id(PRERENDER_ID);
    let fits = doc
        .document_element()
        .is_some_and(|root| !root.class_list().contains(NO_PRERENDER));
    let host = painted
        .as_ref()
        .filter(|_| fits)
        .and_then(|_| hidden_host(&doc));
    let (Some(painted), Some(host)) = (painted, host) else {
        unveil();
        leptos::mount::mount_to_body(App);
        return;
    };
    BEHIND.with(|b| b.set(true));
    leptos::mount::mount_to(host.clone(), App).forget();
    let composing = track_composition(&painted);
    let started = now();
    watch(host.into(), painted, started, composing);
}

/// A new element at the end of the page, out of sight, for the app to render into.
fn hidden_host(doc: &web_sys::Document) -> Option<HtmlElement> {
    let host = doc
        .create_element("div")
        .ok()?
        .dyn_into::<HtmlElement>()
        .ok()?;
    host.set_id(HOST_ID);
    host.class_list().add_1(BOOTING).ok()?;
    doc.body()?.append_child(&host).ok()?;
    Some(host)
}

/// Whether a word is being composed in the painted search box (an input method's composition,
/// as phone keyboards and some Vietnamese input methods make): the swap waits for it to end,
/// so that the word arrives whole.
fn track_composition(painted: &Element) -> Rc<Cell<bool>> {
    let composing = Rc::new(Cell::new(false));
    if let Ok(Some(input)) = painted.query_selector("form[role=search] input[type=search]") {
        for (event, value) in [("compositionstart", true), ("compositionend", false)] {
            let flag = composing.clone();
            let on = Closure::<dyn Fn()>::new(move || flag.set(value));
            let _ = input.add_event_listener_with_callback(event, on.as_ref().unchecked_ref());
            // Lives as long as the painted box, which the swap removes.
            on.forget();
        }
    }
    composing
}

/// Checks once an animation frame whether the app's first screen is ready, and then swaps it
/// in before that frame is painted. Once it is ready, what the visitor types into the painted
/// box is handed to the app as it comes, and the swap waits for the app's answer to it: the
/// painted screen may show that query's rows already (the search before the app,
/// crates/early), which the app's loading state would otherwise replace for a moment.
fn watch(host: Element, painted: Element, started: f64, composing: Rc<Cell<bool>>) {
    request_animation_frame(move || {
        let ready = ready(&host) && !composing.get() && hand_over(&painted);
        let due = ready || now() - started > READY_WITHIN_MS;
        if !painted.is_connected() || due {
            swap(&painted);
        } else {
            watch(host, painted, started, composing);
        }
    });
}

/// The painted screen's search box.
fn painted_box(painted: &Element) -> Option<HtmlInputElement> {
    painted
        .query_selector("form[role=search] input[type=search]")
        .ok()
        .flatten()
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
}

/// The app's search box.
fn app_box() -> Option<HtmlInputElement> {
    document()
        .get_element_by_id(SEARCH_ID)
        .and_then(|e| e.dyn_into::<HtmlInputElement>().ok())
}

/// Gives the app's box what the painted one holds, as typed (an input event); true when it
/// held it already, the app's answer being then what [`ready`] sees.
fn hand_over(painted: &Element) -> bool {
    let (Some(typed), Some(input)) = (painted_box(painted), app_box()) else {
        return true;
    };
    let text = typed.value();
    if input.value() == text {
        return true;
    }
    input.set_value(&text);
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    if let Ok(ev) = web_sys::Event::new_with_event_init_dict("input", &init) {
        let _ = input.dispatch_event(&ev);
    }
    false
}

/// The app shows its first screen, or its answer to a query: rows with their articles, the
/// timeline, and the facets unless the filters are folded away; or the list is empty, or a
/// load failed (the dataset, or a term file the query needs: its message and retry are the
/// app's to show).
fn ready(host: &Element) -> bool {
    let has = |selector: &str| host.query_selector(selector).ok().flatten().is_some();
    if has("[data-testid=load-error], [data-testid=term-failure], [data-testid=empty-state], [aria-labelledby=view-heading]") {
        return true;
    }
    has("[data-testid=result-count][data-loading=false]")
        && has("[data-testid=result]")
        && !has("[data-testid=result][aria-busy=true]")
        && has("[data-testid=timeline]")
        && (has("[data-testid=facets]") || !has("details.filters-panel[open]"))
}

/// Puts the app in the painted screen's place, with what was typed into it.
fn swap(painted: &Element) {
    let typed = painted_box(painted);
    let focused = document()
        .active_element()
        .is_some_and(|a| typed.as_ref().is_some_and(|t| a.is_same_node(Some(t))));
    // What the visitor typed since the app's last frame (or all of it, on the timeout).
    hand_over(painted);
    unveil();
    if let (true, Some(input)) = (focused, app_box()) {
        let _ = input.focus();
        let end = input.value().encode_utf16().count() as u32;
        let _ = input.set_selection_range(end, end);
    }
}

fn now() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or(0.0)
}
