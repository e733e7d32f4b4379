//! "Hors ligne": when the service worker (`app/sw.js`) answers a member's read with the copy it
//! kept, because the network did not, it tells the page the copy's date; the page says so, and that
//! booking or signing up needs a connection (writes are never queued).

use leptos::prelude::*;
use leptos::wasm_bindgen::closure::Closure;
use leptos::wasm_bindgen::JsCast;

use send_wrapper::SendWrapper;

use crate::i18n::use_i18n;
use crate::text::MemberText;

/// The notice, empty while the answers come from the network. Place it before the lists it
/// concerns.
#[component]
pub fn OfflineNotice() -> impl IntoView {
    let i18n = use_i18n();
    let saved = RwSignal::new(None::<String>);
    if let Some(workers) = service_workers() {
        let listener =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                let data = ev.data();
                let field = |name: &str| {
                    js_sys::Reflect::get(&data, &name.into())
                        .ok()
                        .and_then(|v| v.as_string())
                };
                if field("kind").as_deref() == Some("kerne-offline") {
                    saved.set(Some(field("saved").unwrap_or_default()));
                }
            });
        workers.set_onmessage(Some(listener.as_ref().unchecked_ref()));
        // The listener lives as long as the notice: unset and freed when the page goes.
        let listener = SendWrapper::new(listener);
        on_cleanup(move || {
            if let Some(workers) = service_workers() {
                workers.set_onmessage(None);
            }
            drop(listener);
        });
    }
    view! {
        {move || saved.get().map(|date| {
            let when = crate::format::http_date_local(&date)
                .map(|at| crate::format::datetime_short(at, i18n.lang()))
                .unwrap_or(date);
            view! {
                <p class="notice notice--warning" role="status">
                    {i18n.f(MemberText::OfflineCopy, &[("date", &when)])}
                </p>
            }
        })}
    }
}

/// The browser's service workers, when it has them (not outside a secure context).
fn service_workers() -> Option<web_sys::ServiceWorkerContainer> {
    js_sys::Reflect::get(&window().navigator(), &"serviceWorker".into())
        .ok()?
        .dyn_into()
        .ok()
}
