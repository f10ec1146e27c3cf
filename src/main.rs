//! Entry point of the Niên biểu web app: installs the panic reporter and mounts the app.

mod app;
mod components;
mod data;
mod i18n;
mod panic;

fn main() {
    panic::install();
    leptos::mount::mount_to_body(app::App);
}
