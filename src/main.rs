//! Entry point of the Niên biểu web app: installs the panic reporter and mounts the app.

mod app;
mod chunks;
mod components;
mod data;
mod download;
mod explorer;
mod i18n;
mod keys;
mod panic;
mod url;

fn main() {
    panic::install();
    leptos::mount::mount_to_body(app::App);
}
