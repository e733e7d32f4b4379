//! Moving the keyboard's focus where a person should read next: the page after a navigation, the
//! error summary after a refusal, the menu's button after Escape. Elements are found in the
//! document rather than held in `NodeRef`s, which cost every bundle more (measured with
//! scripts/build-app.sh and brotli q11).

use leptos::prelude::*;
use leptos::wasm_bindgen::JsCast;

/// Focus `el` (and scroll it into view when asked); whether it could take the focus.
pub fn focus(el: Option<web_sys::Element>, scroll: bool) -> bool {
    match el.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        Some(el) => {
            let _ = el.focus();
            if scroll {
                el.scroll_into_view();
            }
            true
        }
        None => false,
    }
}

/// Focus the first element matching `css`; whether there was one.
pub fn focus_css(css: &str) -> bool {
    focus(document().query_selector(css).ok().flatten(), false)
}

/// Give the focus to the element matching `css` once the next frame is drawn: the result of an
/// action replaces the button that had the focus, which would otherwise drop to the page's body.
pub fn focus_after_draw(css: &'static str) {
    request_animation_frame(move || {
        focus_css(css);
    });
}

/// After each run of `action` that succeeds, move the focus to `css` (its result message, with
/// `tabindex="-1"` and `role="status"`, so it is read out and the keyboard goes on from there).
pub fn focus_on_success<I: 'static, O: Clone + Send + Sync + 'static>(
    action: crate::api::Request<I, O>,
    css: &'static str,
) {
    focus_after_run(action, css, true);
}

/// After each run of `action` that is refused, move the focus to `css` (the refusal, with
/// `tabindex="-1"`, drawn where the person was looking).
pub fn focus_on_failure<I: 'static, O: Clone + Send + Sync + 'static>(
    action: crate::api::Request<I, O>,
    css: &'static str,
) {
    focus_after_run(action, css, false);
}

fn focus_after_run<I: 'static, O: Clone + Send + Sync + 'static>(
    action: crate::api::Request<I, O>,
    css: &'static str,
    succeeded: bool,
) {
    Effect::new(move |_| {
        let runs = action.version().get();
        if runs > 0
            && action
                .value()
                .with_untracked(|v| v.as_ref().is_some_and(|r| r.is_ok() == succeeded))
        {
            focus_after_draw(css);
        }
    });
}
