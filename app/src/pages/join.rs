//! `/adherer`: joining the association (online applications come with accounts).

use domain::Msg;
use leptos::prelude::*;

use crate::components::status::with_site;
use crate::i18n::{tr, use_title};

#[component]
pub fn Join() -> impl IntoView {
    use_title(Msg::JoinTitle);
    view! {
        <h1>{tr(Msg::JoinTitle)}</h1>
        <p class="lead">{tr(Msg::JoinSoon)}</p>
        {with_site(|site| {
            let mailto = format!("mailto:{}", site.contact.email);
            view! { <p><a class="button" href=mailto>{tr(Msg::WriteToUs)}</a></p> }
        })}
    }
}
