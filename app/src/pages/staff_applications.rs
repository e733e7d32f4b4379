//! `/gestion`: pending applications, approved (the member gets an invitation) or declined with a reason.

use std::collections::BTreeMap;

use domain::ui_text::Ui;
use domain::wire::{Application, DeclineRequest};
use leptos::prelude::*;

use crate::api::{self, ApiFailure};
use crate::components::form::{failure_of, field_errors, ErrorSummary, Field};
use crate::components::search::club_name;
use crate::components::staff::StaffFrame;
use crate::components::status::with_loaded;
use crate::format;
use crate::i18n::{tr, use_i18n};

#[component]
pub fn StaffApplications() -> impl IntoView {
    view! { <StaffFrame title=Ui::StaffApplicationsTitle content=|_| view! { <Pending /> } /> }
}

#[component]
fn Pending() -> impl IntoView {
    let i18n = use_i18n();
    let approve = Action::new_local(move |app: &Application| {
        let (id, name) = (app.id, app.name.clone());
        async move { api::approve_application(id, i18n.lang_untracked()).await.map(|_| name) }
    });
    let decline = Action::new_local(move |(app, reason): &(Application, String)| {
        let (id, name, req) = (app.id, app.name.clone(), DeclineRequest { reason: reason.clone() });
        async move { api::decline_application(id, &req, i18n.lang_untracked()).await.map(|()| name) }
    });
    let list = LocalResource::new(move || {
        // Refetched after every decision.
        approve.version().get();
        decline.version().get();
        api::pending_applications(i18n.lang_untracked())
    });
    let notice = RwSignal::new(None::<String>);
    Effect::new(move |_| {
        if let Some(Ok(name)) = approve.value().get() {
            notice.set(Some(i18n.f(Ui::ApplicationApproved, &[("name", &name)])));
        }
    });
    Effect::new(move |_| {
        if let Some(Ok(name)) = decline.value().get() {
            notice.set(Some(i18n.f(Ui::ApplicationDeclined, &[("name", &name)])));
        }
    });
    let approve_failure = failure_of(approve);
    let decline_failure = failure_of(decline);
    view! {
        <p class="notice-line" role="status">{move || notice.get()}</p>
        <ErrorSummary failure=approve_failure labels=&[] />
        {with_loaded(list, move |apps: Vec<Application>| {
            if apps.is_empty() {
                return view! { <p>{tr(Ui::NoPendingApplications)}</p> }.into_any();
            }
            view! {
                <ul class="cards">
                    {apps.into_iter().map(|a| application_card(a, approve, decline, decline_failure)).collect_view()}
                </ul>
            }
            .into_any()
        })}
    }
}

type Decline = Action<(Application, String), Result<String, ApiFailure>>;

fn application_card(
    app: Application,
    approve: Action<Application, Result<String, ApiFailure>>,
    decline: Decline,
    decline_failure: Signal<Option<ApiFailure>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let declining = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let heading = format!("application-{}", app.id);
    let labelled_by = heading.clone();
    let clubs = app.clubs.iter().map(|c| club_name(c)).collect::<Vec<_>>().join(", ");
    let received = app.created_at.clone();
    let mailto = format!("mailto:{}", app.email);
    // The decline errors belong to the card being declined.
    let id = app.id;
    let errors = Signal::derive(move || {
        let mine = decline.input().with(|i| i.as_ref().is_some_and(|(a, _)| a.id == id));
        if mine { field_errors(decline_failure).get() } else { BTreeMap::new() }
    });
    let stored = StoredValue::new(app.clone());
    let on_decline = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        decline.dispatch((stored.get_value(), reason.get_untracked()));
    };
    view! {
        <li class="card application" aria-labelledby=labelled_by>
            <h2 id=heading>{app.name.clone()}</h2>
            <dl class="facts-list">
                <dt>{tr(Ui::FieldEmail)}</dt><dd><a href=mailto>{app.email.clone()}</a></dd>
                {(!app.phone.is_empty()).then(|| view! { <dt>{tr(Ui::FieldPhone)}</dt><dd>{app.phone.clone()}</dd> })}
                {(!app.company.is_empty()).then(|| view! { <dt>{tr(Ui::FieldCompany)}</dt><dd>{app.company.clone()}</dd> })}
                {(!app.skills.is_empty()).then(|| view! { <dt>{tr(Ui::FieldSkills)}</dt><dd>{app.skills.join(", ")}</dd> })}
                {(!clubs.is_empty()).then(|| view! { <dt>{tr(Ui::FieldClubs)}</dt><dd>{clubs}</dd> })}
                <dt>{tr(Ui::Received)}</dt><dd>{move || format::instant(&received, i18n.lang())}</dd>
            </dl>
            {(!app.motivation.is_empty()).then(|| view! { <blockquote class="motivation">{app.motivation.clone()}</blockquote> })}
            <div class="actions">
                <button
                    type="button"
                    class="button"
                    disabled=move || approve.pending().get()
                    on:click=move |_| { approve.dispatch(stored.get_value()); }
                >
                    {tr(Ui::Approve)}
                </button>
                <button
                    type="button"
                    class="button button--secondary"
                    aria-expanded=move || declining.get().to_string()
                    on:click=move |_| declining.update(|d| *d = !*d)
                >
                    {tr(Ui::Decline)}
                </button>
            </div>
            <Show when=move || declining.get()>
                <form class="form" novalidate on:submit=on_decline>
                    <ErrorSummary failure=Signal::derive(move || errors.with(|e| !e.is_empty()).then(|| decline_failure.get()).flatten()) labels=&[] />
                    <Field name="reason" label=Ui::FieldDeclineReason value=reason errors multiline=true required=true />
                    <button type="submit" class="button button--danger" disabled=move || decline.pending().get()>{tr(Ui::ConfirmDecline)}</button>
                </form>
            </Show>
        </li>
    }
}
