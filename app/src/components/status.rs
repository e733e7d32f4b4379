//! Loading and error states, visible and translated.

use domain::wire::SiteContent;
use domain::Msg;
use leptos::prelude::*;

use crate::api::ApiFailure;
use crate::app::use_site;
use crate::i18n::{tr, use_i18n};

#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="status" role="status" aria-live="polite">{tr(Msg::Loading)}</p> }
}

#[component]
pub fn LoadFailed(failure: ApiFailure, #[prop(into)] retry: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let detail = match failure {
        ApiFailure::Api { body, .. } => body.message,
        ApiFailure::Network(_) => String::new(),
    };
    view! {
        <div class="status status--error" role="alert">
            <p>{move || i18n.t(Msg::LoadError)}</p>
            {(!detail.is_empty()).then(|| view! { <p class="status__detail">{detail.clone()}</p> })}
            <button type="button" class="button" on:click=move |_| retry.run(())>{tr(Msg::Retry)}</button>
        </div>
    }
}

/// Renders `content` with the site data once it is there; loading and error states otherwise.
pub fn with_site<V, F>(content: F) -> impl IntoView
where
    F: Fn(SiteContent) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let site = use_site().0;
    move || match site.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Err(failure)) => view! { <LoadFailed failure retry=move |_| site.refetch() /> }.into_any(),
        Some(Ok(data)) => content(data).into_any(),
    }
}

/// Renders `content` once `resource` has loaded; loading and error states (with a retry) otherwise.
pub fn with_loaded<T, V, F>(resource: LocalResource<Result<T, ApiFailure>>, content: F) -> impl IntoView
where
    T: Clone + 'static,
    F: Fn(T) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    move || match resource.get() {
        None => view! { <Loading /> }.into_any(),
        Some(Err(failure)) => view! { <LoadFailed failure retry=move |_| resource.refetch() /> }.into_any(),
        Some(Ok(data)) => content(data).into_any(),
    }
}
