//! Any path the app does not know.

use domain::Msg;
use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{tr, use_title};

#[component]
pub fn NotFound() -> impl IntoView {
    use_title(Msg::NotFoundTitle);
    view! {
        <h1>{tr(Msg::NotFoundTitle)}</h1>
        <p>{tr(Msg::NotFoundText)}</p>
        <p><A href="/" attr:class="button">{tr(Msg::BackHome)}</A></p>
    }
}
