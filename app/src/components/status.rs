//! Loading and error states, visible and translated, around the framework's `<Transition>`.

use leptos::prelude::*;

use crate::api::ApiFailure;
use crate::i18n::{tr, use_i18n};
use crate::text::SharedText;

/// Data a page loads from the API.
pub type Loaded<T> = LocalResource<Result<T, ApiFailure>>;

#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="status" role="status" aria-live="polite">{tr(SharedText::Loading)}</p> }
}

#[component]
pub fn LoadFailed(failure: ApiFailure, #[prop(into)] retry: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    // A missing thing is not a network error: say the link is unknown or expired, and offer the
    // home page rather than a retry that cannot help.
    if matches!(failure, ApiFailure::Api { status: 404, .. }) {
        return view! {
            <div class="status status--error" role="alert">
                <p>{move || i18n.t(SharedText::NothingHere)}</p>
                <p><a href="/" class="button">{tr(SharedText::NavHome)}</a></p>
            </div>
        }
        .into_any();
    }
    let detail = match failure {
        ApiFailure::Api { body, .. } => body.message,
        ApiFailure::Network(_) => String::new(),
    };
    view! {
        <div class="status status--error" role="alert">
            <p>{move || i18n.t(SharedText::LoadError)}</p>
            {(!detail.is_empty()).then(|| view! { <p class="status__detail">{detail.clone()}</p> })}
            <button type="button" class="button" on:click=move |_| retry.run(())>{tr(SharedText::Retry)}</button>
        </div>
    }
    .into_any()
}

/// Renders `content` once `data` has loaded, keeping the previous content while it reloads
/// (`<Transition>`); the loading state first, and the error state with a retry.
pub fn with_loaded<T, V, F>(data: Loaded<T>, content: F) -> impl IntoView
where
    T: Clone + 'static,
    F: Fn(T) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    view! {
        <Transition fallback=Loading>
            {move || data.get().map(|loaded| match loaded {
                Ok(value) => content(value).into_any(),
                Err(failure) => view! { <LoadFailed failure retry=move || data.refetch() /> }.into_any(),
            })}
        </Transition>
    }
}
