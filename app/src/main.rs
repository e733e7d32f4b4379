//! Silicon Kerne's web app: Leptos, rendered in the browser, talking to `/api/*` on the same origin.

use leptos::prelude::*;

mod api;
mod app;
mod components;
mod data;
mod format;
mod i18n;
mod pages;

fn main() {
    console_error_panic_hook::set_once();
    // The static splash in index.html covers the time the wasm takes to load; the app replaces it.
    if let Some(splash) = document().get_element_by_id("boot-splash") {
        splash.remove();
    }
    leptos::mount::mount_to_body(app::App);
}
