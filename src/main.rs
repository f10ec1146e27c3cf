//! Entry point of the Niên biểu web app: installs the panic reporter and mounts the app (over
//! the first screen painted at build time, when there is one).

mod app;
mod boot;
mod components;
mod data;
mod decimal;
mod download;
mod explorer;
mod i18n;
mod keys;
mod measure;
mod offline;
mod panic;
mod records;
mod terms;
mod url;
mod views;

fn main() {
    panic::install();
    // The app mounts in a task of its own, after the one that instantiated the module.
    wasm_bindgen_futures::spawn_local(async {
        data::next_task().await;
        boot::mount();
    });
}
