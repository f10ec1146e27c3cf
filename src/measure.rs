//! Measuring laid-out elements: a component's measuring closure runs when its element mounts
//! and whenever the window is resized, for as long as the component lives.

use leptos::html::Div;
use leptos::prelude::*;

/// Runs `measure` once `node` is in the page and again on every window resize.
pub fn on_layout(node: NodeRef<Div>, measure: impl Fn() + Copy + 'static) {
    Effect::new(move |_| {
        node.track();
        measure();
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
}
