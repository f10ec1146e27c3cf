//! Entry point of the Niên biểu web app: installs the panic reporter and mounts the app.

mod app;
mod chunks;
mod components;
mod data;
mod download;
mod explorer;
mod i18n;
mod keys;
mod measure;
mod offline;
mod panic;
mod url;

fn main() {
    panic::install();
    leptos::mount::mount_to_body(app::App);
    // `?debug=panic` panics on purpose, so that a browser test can check that a panic is
    // reported on the page (nothing else in the app panics on demand).
    let search = leptos::prelude::window()
        .location()
        .search()
        .unwrap_or_default();
    if search.split(['?', '&']).any(|p| p == "debug=panic") {
        panic!("deliberate panic (?debug=panic)");
    }
}
