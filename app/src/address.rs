//! The page's address: where this page load started, putting a view's state in the address bar
//! without a navigation, and whether a page was reached from the portal itself.

use leptos::prelude::*;
use leptos_router::hooks::use_params;
use leptos_router::params::Params;

thread_local! {
    /// The path this page load started at.
    static FIRST_PATH: std::cell::RefCell<String> = const { std::cell::RefCell::new(String::new()) };
}

/// Remember where this page load started (once, when the bundle starts).
pub fn remember_first_path() {
    let first = window().location().pathname().unwrap_or_default();
    FIRST_PATH.with(|p| *p.borrow_mut() = first);
}

/// Whether this page load started at `path`.
pub fn is_first_path(path: &str) -> bool {
    FIRST_PATH.with(|first| *first.borrow() == path)
}

/// Put `path` in the address bar without a navigation of the router (a filter or a day chosen on
/// the page): a reload or a shared link opens the same view, and Back leaves the page.
pub fn replace_address(path: &str) {
    if let Ok(history) = window().history() {
        let _ =
            history.replace_state_with_url(&leptos::wasm_bindgen::JsValue::NULL, "", Some(path));
    }
}

/// Whether the page at `path` (the router's, which leads the window's address during a
/// navigation) was reached from the portal itself: a navigation inside the app, or a page load
/// whose referrer is this site.
pub fn opened_from_the_portal(path: &str) -> bool {
    let origin = window().location().origin().unwrap_or_default();
    !is_first_path(path) || (!origin.is_empty() && document().referrer().starts_with(&origin))
}

/// A page's path whose `:id` segment is a number (`/gestion/evenements/:id`).
#[derive(Params, Debug, Clone, PartialEq)]
struct IdPath {
    id: Option<String>,
}

/// The `:id` in the page's path (0 when it is not a number: the API answers 404).
pub fn id_in_path() -> i64 {
    use_params::<IdPath>()
        .with_untracked(|p| p.as_ref().ok().and_then(|p| p.id.clone()))
        .and_then(|id| id.parse().ok())
        .unwrap_or(0)
}
