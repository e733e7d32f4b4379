//! Any path the app does not know.

use domain::Msg;
use leptos::prelude::*;

use crate::i18n::{tr, use_title};

#[component]
pub fn NotFound() -> impl IntoView {
    use_title(Msg::NotFoundTitle);
    view! {
        <h1>{tr(Msg::NotFoundTitle)}</h1>
        <p>{tr(Msg::NotFoundText)}</p>
        <p><a href="/" class="button">{tr(Msg::BackHome)}</a></p>
    }
}
