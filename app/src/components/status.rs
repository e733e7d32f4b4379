//! Loading and error states, visible and translated.

use domain::wire::SiteContent;
use leptos::prelude::*;

use crate::api::ApiFailure;
use crate::app::use_site;
use crate::data::{typed, Data, Loaded, Value};
use crate::i18n::{tr, use_i18n};
use crate::text::SharedText;

#[component]
pub fn Loading() -> impl IntoView {
    view! { <p class="status" role="status" aria-live="polite">{tr(SharedText::Loading)}</p> }
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
            <p>{move || i18n.t(SharedText::LoadError)}</p>
            {(!detail.is_empty()).then(|| view! { <p class="status__detail">{detail.clone()}</p> })}
            <button type="button" class="button" on:click=move |_| retry.run(())>{tr(SharedText::Retry)}</button>
        </div>
    }
}

/// Renders `content` with the site data once it is there; loading and error states otherwise.
pub fn with_site<V, F>(content: F) -> impl IntoView
where
    F: Fn(SiteContent) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    with_loaded(use_site().0, content)
}

/// Renders `content` once `resource` has loaded; loading and error states (with a retry) otherwise.
pub fn with_loaded<T, V, F>(data: Data<T>, content: F) -> impl IntoView
where
    T: Clone + 'static,
    F: Fn(T) -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    // Only the loaded branch depends on `T`: the reactive part and the loading and error views
    // are compiled once, not once per page that uses this.
    loaded_or_not(data.erased(), Box::new(move |v| content(typed::<T>(v)).into_any()))
}

fn loaded_or_not(resource: LocalResource<Loaded>, content: Box<dyn Fn(&Value) -> AnyView + Send + Sync>) -> impl IntoView {
    let render = move || match resource.get() {
        Some(Ok(data)) => content(&data),
        other => not_loaded(other.and_then(Result::err), Callback::new(move |_| resource.refetch())),
    };
    erased(render)
}

/// The loading state (`None`) or the error state with its retry button.
fn not_loaded(failure: Option<ApiFailure>, retry: Callback<()>) -> AnyView {
    match failure {
        None => view! { <Loading /> }.into_any(),
        Some(failure) => view! { <LoadFailed failure retry /> }.into_any(),
    }
}

/// `shown` while `when` holds, else `otherwise` (a form and its "sent" notice, a button and its
/// confirmation). The framework's `<Show>` does this too, compiled once per use; this is one
/// function for all of them.
pub fn toggle(
    when: impl Fn() -> bool + Send + Sync + 'static,
    shown: impl Fn() -> AnyView + Send + Sync + 'static,
    otherwise: impl Fn() -> AnyView + Send + Sync + 'static,
) -> impl IntoView {
    toggle_erased(Box::new(when), Box::new(shown), Box::new(otherwise))
}

type ViewFn = Box<dyn Fn() -> AnyView + Send + Sync>;

fn toggle_erased(when: Box<dyn Fn() -> bool + Send + Sync>, shown: ViewFn, otherwise: ViewFn) -> impl IntoView {
    let when = Memo::new(move |_| when());
    erased(move || if when.get() { shown() } else { otherwise() })
}

/// Nothing, for a [`toggle`] without an `otherwise`.
pub fn nothing() -> AnyView {
    ().into_any()
}

/// A reactive view (`move || …` in a view) behind one concrete type: the framework's effect and
/// update code is compiled once, not once per closure.
pub fn reactive<V: IntoView + 'static>(render: impl Fn() -> V + Send + Sync + 'static) -> impl IntoView {
    erased(move || render().into_any())
}

/// A reactive view behind one concrete type, so the framework's rendering code for it is compiled
/// once for every page instead of once per closure.
pub fn erased(render: impl Fn() -> AnyView + Send + Sync + 'static) -> Box<dyn Fn() -> AnyView + Send + Sync> {
    Box::new(render)
}
