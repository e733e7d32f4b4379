//! Any path the app does not know.

use leptos::prelude::*;

use crate::i18n::{tr, use_title};
use crate::text::SharedText;

#[component]
pub fn NotFound() -> impl IntoView {
    use_title(SharedText::NotFoundTitle);
    view! {
        <h1>{tr(SharedText::NotFoundTitle)}</h1>
        <p>{tr(SharedText::NotFoundText)}</p>
        <p><a href="/" class="button">{tr(SharedText::BackHome)}</a></p>
    }
}
