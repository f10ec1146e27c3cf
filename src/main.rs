//! Entry point of the Niên biểu web app: installs the panic reporter and mounts the app.

mod app;
mod components;
mod data;
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
    leptos::mount::mount_to_body(app::App);
}
