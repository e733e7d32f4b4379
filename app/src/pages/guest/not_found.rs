//! Any path the app does not know.

use leptos::prelude::*;

use crate::i18n::{tr, use_title};
use crate::text::GuestText;

#[component]
pub fn NotFound() -> impl IntoView {
    use_title(GuestText::NotFoundTitle);
    view! {
        <h1>{tr(GuestText::NotFoundTitle)}</h1>
        <p>{tr(GuestText::NotFoundText)}</p>
        <p><a href="/" class="button">{tr(GuestText::BackHome)}</a></p>
    }
}
