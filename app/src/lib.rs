//! Silicon Kerne's web app: Leptos, rendered in the browser, talking to `/api/*` on the same origin.
//!
//! One library, three entry points (`src/bin/`): one bundle per audience — people without an
//! account, members, staff. Each entry routes to its own pages only, so the linker leaves the other
//! audiences' pages out of its wasm; links between bundles are ordinary page loads
//! ([`app::Bundle`]). Why separate entries rather than lazy routes: see README ("One bundle per
//! audience").

pub mod address;
pub mod api;
pub mod app;
pub mod components;
pub mod format;
pub mod i18n;
pub mod pages;
pub mod site;
pub mod text;
