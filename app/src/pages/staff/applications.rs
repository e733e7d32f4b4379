//! `/gestion`: pending applications, approved (the member gets an invitation) or declined with a reason.

use std::collections::BTreeMap;

use domain::wire::{Application, DeclineRequest};
use leptos::prelude::*;

use crate::api;
use crate::components::form::{field_errors, ErrorSummary, NO_LABELS, Field};
use crate::components::search::club_name;
use crate::components::staff::StaffFrame;
use crate::components::status::{nothing, toggle, with_loaded};
use crate::data::{load, Task};
use crate::format;
use crate::i18n::{tr, use_i18n, I18n};
use crate::text::{SharedText, StaffText};

#[component]
pub fn StaffApplications() -> impl IntoView {
    view! { <StaffFrame title=StaffText::StaffApplicationsTitle content=|_| view! { <Pending /> } /> }
}

#[component]
fn Pending() -> impl IntoView {
    let i18n = use_i18n();
    let decisions = Decisions { approve: Task::new(), decline: Task::new(), declining: RwSignal::new(None), notice: RwSignal::new(None) };
    let list = load(move || {
        // Refetched after every decision.
        decisions.approve.version();
        decisions.decline.version();
        api::pending_applications(i18n.lang_untracked())
    });
    let notice = decisions.notice;
    let approve_failure = decisions.approve.failure_signal();
    view! {
        <p class="notice-line" role="status">{move || notice.get()}</p>
        <ErrorSummary failure=approve_failure labels=NO_LABELS />
        {with_loaded(list, move |apps: Vec<Application>| {
            if apps.is_empty() {
                return view! { <p>{tr(StaffText::NoPendingApplications)}</p> }.into_any();
            }
            view! {
                <ul class="cards">
                    {apps.into_iter().map(|a| application_card(a, decisions)).collect_view()}
                </ul>
            }
            .into_any()
        })}
    }
}

/// The two decisions of the page, which application is being declined, and what was last decided.
#[derive(Clone, Copy)]
struct Decisions {
    approve: Task,
    decline: Task,
    declining: RwSignal<Option<i64>>,
    notice: RwSignal<Option<String>>,
}

impl Decisions {
    /// Approves (no reason) or declines (with the reason) the application of `name`, then says so.
    fn decide(self, id: i64, name: String, reason: Option<String>, i18n: I18n) {
        let notice = self.notice;
        let lang = i18n.lang_untracked();
        let task = if reason.is_some() { self.decline } else { self.approve };
        if reason.is_some() {
            self.declining.set(Some(id));
        }
        task.run(async move {
            let done = match reason {
                Some(reason) => {
                    api::decline_application(id, &DeclineRequest { reason }, lang).await?;
                    StaffText::ApplicationDeclined
                }
                None => {
                    api::approve_application(id, lang).await?;
                    StaffText::ApplicationApproved
                }
            };
            notice.set(Some(i18n.f(done, &[("name", &name)])));
            Ok(())
        });
    }
}

fn application_card(app: Application, decisions: Decisions) -> impl IntoView {
    let i18n = use_i18n();
    let decline_failure = decisions.decline.failure_signal();
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
        let mine = decisions.declining.get() == Some(id);
        if mine { field_errors(decline_failure).get() } else { BTreeMap::new() }
    });
    let name = StoredValue::new(app.name.clone());
    let on_decline = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        decisions.decide(id, name.get_value(), Some(reason.get_untracked()), i18n);
    };
    view! {
        <li class="card application" aria-labelledby=labelled_by>
            <h2 id=heading>{app.name.clone()}</h2>
            <dl class="facts-list">
                <dt>{tr(SharedText::FieldEmail)}</dt><dd><a href=mailto>{app.email.clone()}</a></dd>
                {(!app.phone.is_empty()).then(|| view! { <dt>{tr(SharedText::FieldPhone)}</dt><dd>{app.phone.clone()}</dd> })}
                {(!app.company.is_empty()).then(|| view! { <dt>{tr(SharedText::FieldCompany)}</dt><dd>{app.company.clone()}</dd> })}
                {(!app.skills.is_empty()).then(|| view! { <dt>{tr(SharedText::FieldSkills)}</dt><dd>{app.skills.join(", ")}</dd> })}
                {(!clubs.is_empty()).then(|| view! { <dt>{tr(SharedText::FieldClubs)}</dt><dd>{clubs}</dd> })}
                <dt>{tr(StaffText::Received)}</dt><dd>{move || format::instant(&received, i18n.lang())}</dd>
            </dl>
            {(!app.motivation.is_empty()).then(|| view! { <blockquote class="motivation">{app.motivation.clone()}</blockquote> })}
            <div class="actions">
                <button
                    type="button"
                    class="button"
                    disabled=move || decisions.approve.pending()
                    on:click=move |_| decisions.decide(id, name.get_value(), None, i18n)
                >
                    {tr(StaffText::Approve)}
                </button>
                <button
                    type="button"
                    class="button button--secondary"
                    aria-expanded=move || declining.get().to_string()
                    on:click=move |_| declining.update(|d| *d = !*d)
                >
                    {tr(StaffText::Decline)}
                </button>
            </div>
            {toggle(
                move || declining.get(),
                move || view! {
                <form class="form" novalidate on:submit=on_decline>
                    <ErrorSummary failure=Signal::derive(move || errors.with(|e| !e.is_empty()).then(|| decline_failure.get()).flatten()) labels=NO_LABELS />
                    <Field name="reason" label=StaffText::FieldDeclineReason value=reason errors multiline=true required=true />
                    <button type="submit" class="button button--danger" disabled=move || decisions.decline.pending()>{tr(StaffText::ConfirmDecline)}</button>
                </form>
                }.into_any(),
                nothing,
            )}
        </li>
    }
}
