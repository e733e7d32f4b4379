//! `/gestion/courriels`: the outbox, newest first. Private links read `••••••` for every reader;
//! only a local run that sends nothing shows them (there staff follow them from here), and says so.

use domain::endpoints as ep;
use domain::wire::OutboxEmail;
use leptos::prelude::*;

use crate::api;
use crate::components::staff::StaffFrame;
use crate::components::status::with_loaded;
use crate::format;
use crate::i18n::{tr, use_i18n};
use crate::text::StaffText;

#[component]
pub fn StaffOutbox() -> impl IntoView {
    view! { <StaffFrame title=StaffText::StaffOutboxTitle content=|_| view! { <Outbox /> } /> }
}

#[component]
fn Outbox() -> impl IntoView {
    let emails = LocalResource::new(move || api::call(ep::OUTBOX));
    view! {
        <p class="lead">{tr(StaffText::OutboxLead)}</p>
        {with_loaded(emails, move |emails: Vec<OutboxEmail>| {
            if emails.is_empty() {
                return view! { <p>{tr(StaffText::OutboxEmpty)}</p> }.into_any();
            }
            let shown = emails.iter().any(|e| e.secret_shown);
            view! {
                {shown.then(|| view! { <p class="notice" role="note">{tr(StaffText::OutboxSecretsShown)}</p> })}
                <ul class="cards">{emails.into_iter().map(email_card).collect_view()}</ul>
            }
            .into_any()
        })}
    }
}

/// The outbox's status, in words.
fn status_label(status: &str) -> StaffText {
    match status {
        "sent" => StaffText::OutboxSent,
        "failed" => StaffText::OutboxFailed,
        _ => StaffText::OutboxPending,
    }
}

fn email_card(e: OutboxEmail) -> impl IntoView {
    let i18n = use_i18n();
    let created = e.created_at.clone();
    let status = e.status.clone();
    let to = e.to.clone();
    view! {
        <li class="card email" data-to=e.to.clone() data-kind=e.kind.clone()>
            <h2 class="email__subject">{e.subject.clone()}</h2>
            <p class="row__meta">{move || i18n.f(StaffText::EmailTo, &[("to", &to)])}</p>
            <p class="row__meta">{move || format!("{} · {}", format::instant(&created, i18n.lang()), i18n.t(status_label(&status)))}</p>
            <pre class="email__body">{e.body_text.clone()}</pre>
        </li>
    }
}
