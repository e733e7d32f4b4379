//! `/gestion`: pending applications, approved (the member gets an invitation) or declined with a reason.

use domain::endpoints as ep;
use std::collections::BTreeMap;

use domain::wire::{Application, ApproveRequest, DeclineRequest, PaymentRequest};
use leptos::prelude::*;

use crate::api::{self, Request};
use crate::components::form::{field_errors, ErrorSummary, Field, NO_LABELS};
use crate::components::search::club_name;
use crate::components::staff::StaffFrame;
use crate::components::status::with_loaded;
use crate::format;
use crate::i18n::{tr, use_i18n, I18n};
use crate::site::use_site;
use crate::text::{SharedText, StaffText};

#[component]
pub fn StaffApplications() -> impl IntoView {
    view! { <StaffFrame title=StaffText::StaffApplicationsTitle content=|_| view! { <Pending /> } /> }
}

#[component]
fn Pending() -> impl IntoView {
    let i18n = use_i18n();
    let decisions = Decisions::new(i18n);
    // Read again after a decision made, never after a refusal: what was typed in a card (the
    // fee paid at the desk, a reason) stays there, with the refusal.
    let (approved, declined) = (
        api::successes(decisions.approve),
        api::successes(decisions.decline),
    );
    let list = LocalResource::new(move || {
        approved.get();
        declined.get();
        api::call(ep::LIST_APPLICATIONS.query(&[("status", "pending")]))
    });
    let notice = decisions.notice;
    crate::components::focus::focus_on_success(decisions.approve, "#application-done");
    crate::components::focus::focus_on_success(decisions.decline, "#application-done");
    view! {
        <p class="notice-line" role="status" id="application-done" tabindex="-1">{move || notice.get()}</p>
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
    /// (application, name, the first fee when paid at the desk)
    approve: Request<(i64, String, Option<PaymentRequest>)>,
    /// (application, name, reason)
    decline: Request<(i64, String, String)>,
    declining: RwSignal<Option<i64>>,
    /// Which application the last "Approuver" was for (its refusal is drawn in its card).
    approving: RwSignal<Option<i64>>,
    notice: RwSignal<Option<String>>,
}

impl Decisions {
    fn new(i18n: I18n) -> Decisions {
        let notice = RwSignal::new(None);
        let approve = Action::new_local(
            move |(id, name, fee): &(i64, String, Option<PaymentRequest>)| {
                let (id, name, fee) = (*id, name.clone(), fee.clone());
                async move {
                    api::send(ep::APPROVE_APPLICATION.at(&[&id]), &ApproveRequest { fee }).await?;
                    notice.set(Some(
                        i18n.f(StaffText::ApplicationApproved, &[("name", &name)]),
                    ));
                    Ok(())
                }
            },
        );
        let decline = Action::new_local(move |(id, name, reason): &(i64, String, String)| {
            let (id, name, reason) = (*id, name.clone(), reason.clone());
            async move {
                api::send(
                    ep::DECLINE_APPLICATION.at(&[&id]),
                    &DeclineRequest { reason },
                )
                .await?;
                notice.set(Some(
                    i18n.f(StaffText::ApplicationDeclined, &[("name", &name)]),
                ));
                Ok(())
            }
        });
        Decisions {
            approve,
            decline,
            declining: RwSignal::new(None),
            approving: RwSignal::new(None),
            notice,
        }
    }

    /// Declines the application of `name` with the reason, then says so.
    fn decline(self, id: i64, name: String, reason: String) {
        self.declining.set(Some(id));
        api::start(self.decline, (id, name, reason));
    }
}

const FEE_LABELS: &[(&str, StaffText)] = &[
    ("amount_cents", StaffText::FieldAmount),
    ("method", StaffText::FieldMethod),
];

fn application_card(app: Application, decisions: Decisions) -> impl IntoView {
    let i18n = use_i18n();
    let decline_failure = api::failure_of(decisions.decline);
    let declining = RwSignal::new(false);
    let reason = RwSignal::new(String::new());
    let heading = format!("application-{}", app.id);
    let labelled_by = heading.clone();
    let clubs = app
        .clubs
        .iter()
        .map(|c| club_name(c))
        .collect::<Vec<_>>()
        .join(", ");
    let received = app.created_at.clone();
    let mailto = format!("mailto:{}", app.email);
    // The decline errors belong to the card being declined.
    let id = app.id;
    let errors = Signal::derive(move || {
        let mine = decisions.declining.get() == Some(id);
        if mine {
            field_errors(decline_failure).get()
        } else {
            BTreeMap::new()
        }
    });
    let name = StoredValue::new(app.name.clone());
    let on_decline = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        decisions.decline(id, name.get_value(), reason.get_untracked());
    };
    // The first fee, when the applicant pays it at the desk: recorded with the approval.
    let site = use_site().0;
    let paid = RwSignal::new(false);
    let amount = RwSignal::new(String::new());
    let method = RwSignal::new("cash".to_string());
    Effect::new(move |_| {
        if let Some(Ok(s)) = site.get() {
            if amount.get_untracked().is_empty() {
                amount.set(crate::format::cents_to_euros(s.membership_fee_cents));
            }
        }
    });
    let approve = move |_| {
        let fee = paid.get_untracked().then(|| PaymentRequest {
            // Unreadable: -1, which the server refuses with its message (nothing is stored).
            amount_cents: crate::format::euros_to_cents(&amount.get_untracked()).unwrap_or(-1),
            paid_on: crate::format::today_iso(),
            method: method.get_untracked(),
        });
        decisions.approving.set(Some(id));
        api::start(decisions.approve, (id, name.get_value(), fee));
    };
    // A refused approval (a fee that cannot be read) is said in this card, its fields kept.
    let approve_failure = api::failure_of(decisions.approve);
    let refused = Signal::derive(move || {
        (decisions.approving.get() == Some(id))
            .then(|| approve_failure.get())
            .flatten()
    });
    let fee_errors = field_errors(refused);
    // The server names the fee's fields `amount_cents` and `method`: the ids end the same way.
    let ids = format!("fee-{id}-");
    let (paid_id, amount_id, method_id) = (
        format!("fee-{id}"),
        format!("{ids}amount_cents"),
        format!("{ids}method"),
    );
    view! {
        <li class="card application" aria-labelledby=labelled_by>
            <h2 id=heading>{app.name.clone()}</h2>
            <dl class="facts-list">
                <dt>{tr(SharedText::FieldEmail)}</dt><dd><a href=mailto>{app.email.clone()}</a></dd>
                {(!app.phone.is_empty()).then(|| view! { <dt>{tr(SharedText::FieldPhone)}</dt><dd>{app.phone.clone()}</dd> })}
                {(!app.company.is_empty()).then(|| view! { <dt>{tr(SharedText::FieldCompany)}</dt><dd>{app.company.clone()}</dd> })}
                {(!app.skills.is_empty()).then(|| view! { <dt>{tr(SharedText::FieldSkills)}</dt><dd>{app.skills.join(", ")}</dd> })}
                {(!clubs.is_empty()).then(|| view! { <dt>{tr(StaffText::ApplicantClubs)}</dt><dd>{clubs}</dd> })}
                <dt>{tr(StaffText::Received)}</dt><dd>{move || format::instant(&received, i18n.lang())}</dd>
            </dl>
            {(!app.motivation.is_empty()).then(|| view! { <blockquote class="motivation">{app.motivation.clone()}</blockquote> })}
            <ErrorSummary failure=refused labels=FEE_LABELS ids=ids />
            <div class="check">
                <input type="checkbox" id=paid_id.clone() prop:checked=move || paid.get()
                    on:change=move |ev| paid.set(event_target_checked(&ev)) />
                <label for=paid_id>{tr(StaffText::FeePaidNow)}</label>
            </div>
            <Show when=move || paid.get()>
                <div class="field-pair">
                    <div class="field">
                        <label for=amount_id.clone()>{tr(StaffText::FieldAmount)}</label>
                        <input id=amount_id.clone() type="text" inputmode="decimal" bind:value=amount
                            aria-invalid=move || fee_errors.with(|e| e.contains_key("amount_cents")).then_some("true") />
                    </div>
                    <div class="field">
                        <label for=method_id.clone()>{tr(StaffText::FieldMethod)}</label>
                        <select id=method_id.clone() on:change=move |ev| method.set(event_target_value(&ev))>
                            <option value="cash">{tr(StaffText::MethodCash)}</option>
                            <option value="cheque">{tr(StaffText::MethodCheque)}</option>
                            <option value="card">{tr(StaffText::MethodCard)}</option>
                            <option value="transfer">{tr(StaffText::MethodTransfer)}</option>
                        </select>
                    </div>
                </div>
            </Show>
            <p class="note">{tr(StaffText::FeeLaterNote)}</p>
            <div class="actions">
                <button
                    type="button"
                    class="button"
                    aria-disabled=move || decisions.approve.pending().get().to_string()
                    on:click=approve
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
            <Show when=move || declining.get()>
                <form class="form" novalidate on:submit=on_decline>
                    <ErrorSummary failure=Signal::derive(move || errors.with(|e| !e.is_empty()).then(|| decline_failure.get()).flatten()) labels=NO_LABELS />
                    <Field name="reason" label=StaffText::FieldDeclineReason value=reason errors multiline=true required=true />
                    <button type="submit" class="button button--danger" aria-disabled=move || decisions.decline.pending().get().to_string()>{tr(StaffText::ConfirmDecline)}</button>
                </form>
                </Show>
        </li>
    }
}
