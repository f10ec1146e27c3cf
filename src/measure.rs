//! Measuring laid-out elements: a component's measuring closure runs when its element mounts
//! and whenever that element's box changes size, for as long as the component lives. The box
//! is watched with a `ResizeObserver`, so a panel that narrows or widens for any reason (the
//! reader opening or closing beside it, the filters folding, the window resizing, a phone
//! rotating) is measured again; measuring on window resize alone missed every change of
//! layout that leaves the window as it was.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::ResizeObserver;

/// Runs `measure` once `node` is in the page and again whenever its box changes size (on every
/// window resize in a browser without `ResizeObserver`).
pub fn on_layout(node: NodeRef<Div>, measure: impl Fn() + Copy + 'static) {
    let observer = js_sys::Reflect::has(&window(), &JsValue::from_str("ResizeObserver"))
        .unwrap_or(false)
        .then(|| {
            // The observer calls back once when it starts observing, then on every change.
            let callback = Closure::<dyn Fn()>::new(measure);
            let observer = ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
            // The closure is kept beside the observer, and dropped after it is disconnected.
            Some(StoredValue::new_local((observer, callback)))
        })
        .flatten();
    match observer {
        Some(observer) => {
            Effect::new(move |_| {
                observer.with_value(|(o, _)| o.disconnect());
                if let Some(el) = node.get() {
                    observer.with_value(|(o, _)| o.observe(&el));
                }
                measure();
            });
            on_cleanup(move || {
                observer.try_with_value(|(o, _)| o.disconnect());
            });
        }
        None => {
            Effect::new(move |_| {
                node.track();
                measure();
            });
            let resize = window_event_listener(leptos::ev::resize, move |_| measure());
            on_cleanup(move || resize.remove());
        }
    }
}
